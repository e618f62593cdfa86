package results

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/evalcorpus"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// The evaluation corpus in testdata/eval: indirect prompt injections from
// public benchmarks and benign texts that real tools return (see
// testdata/eval/PROVENANCE.md). Each file belongs to one split; the
// held-out split is only measured, never tuned on.
//
// The targets: >= 90% of injections detected and <= 2% of benign
// texts flagged. The floors below are the rates measured when they were
// set, so the test fails on any regression; raise them as the checker
// improves.

type evalEntry struct {
	Text     string          `json:"text"`
	Label    string          `json:"label"`
	Category string          `json:"category"`
	Source   json.RawMessage `json:"source"`
	// Lang is the language of a text not in English (ISO 639-1): the
	// rates are printed per language too
	Lang string `json:"lang,omitempty"`
}

type evalCase struct {
	split string
	evalEntry
}

// floors per split: the lowest detection rate of injections and the
// highest false-positive rate of benign texts the test accepts, of the
// lexical signals alone (model: false). Each is the figure measured when
// it was last set, so any regression fails; the history of every change
// and of each source as it came in is in docs/benchmarks.md.
var floors = map[string]struct{ detect, fp float64 }{
	"tuning":  {detect: 3391.0 / 4748, fp: 107.0 / 4000},
	"heldout": {detect: 521.0 / 806, fp: 18.0 / 1498},
}

// modelFloors are the floors of the default check, the lexical signals
// and the learned text model together. The model was learnt from the
// tuning split, so its tuning figures are in-sample (README.md, "Learned
// model"); the designs and their figures are in docs/benchmarks.md.
var modelFloors = map[string]struct{ detect, fp float64 }{
	"tuning":  {detect: 3547.0 / 4748, fp: 115.0 / 4000},
	"heldout": {detect: 547.0 / 806, fp: 20.0 / 1498},
}

// loadEval reads the corpus. With EVAL_TUNING_ONLY set it leaves the
// held-out split out for every test that reads the corpus, not only the
// evaluation: an equivalence test that fails prints the texts it fails on.
func loadEval(t testing.TB) []evalCase {
	t.Helper()
	tuningOnly := os.Getenv("EVAL_TUNING_ONLY") != ""
	var out []evalCase
	for _, c := range evalcorpus.Load(t, "testdata/eval", checkEntry) {
		if tuningOnly && c.Split != "tuning" {
			continue
		}
		out = append(out, evalCase{split: c.Split, evalEntry: c.Entry})
	}
	return out
}

func checkEntry(e evalEntry) error {
	if e.Label != "injection" && e.Label != "benign" || e.Category == "" || e.Text == "" || len(e.Source) == 0 {
		return fmt.Errorf("label %q category %q", e.Label, e.Category)
	}
	if (e.Label == "benign") != strings.HasPrefix(e.Category, "benign-") {
		return fmt.Errorf("label %q with category %q", e.Label, e.Category)
	}
	return nil
}

// resultOf wraps text as the result of a tools/call, as a server sends it.
func resultOf(t testing.TB, text string) jsontext.Value {
	b, err := json.Marshal(map[string]any{"content": []map[string]string{{"type": "text", "text": text}}, "isError": false})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// flagged runs the checker with the default policy on text as a result.
func flagged(t testing.TB, c *Checker, text string) bool {
	x := &interceptors.Exchange{Server: "s", Direction: interceptors.ToClient, Method: "tools/call", Tool: "fetch",
		Message: &jsonrpc.Message{ID: jsontext.Value("1"), Result: resultOf(t, text)}}
	if err := c.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	return len(x.Findings) > 0
}

func TestEvalCorpus(t *testing.T) {
	off := false
	t.Run("signals", func(t *testing.T) { evalCorpus(t, &Policy{Model: &off}, floors) })
	t.Run("signals+model", func(t *testing.T) { evalCorpus(t, &Policy{}, modelFloors) })
}

func evalCorpus(t *testing.T, p *Policy, floors map[string]struct{ detect, fp float64 }) {
	c, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ n, hit int }
	per := map[[2]string]*tally{}    // split, category
	byLang := map[[2]string]*tally{} // split, language of injections not in English
	tot := map[[2]string]*tally{}    // split, label
	for _, e := range loadEval(t) {
		if e.split != "tuning" && os.Getenv("EVAL_TUNING_ONLY") != "" {
			// held-out left unread while tuning, so that work on the
			// checker does not look at it between recorded measurements
			continue
		}
		hit := flagged(t, c, e.Text)
		for i, m := range []map[[2]string]*tally{per, tot} {
			k := [2]string{e.split, e.Category}
			if i == 1 {
				k[1] = e.Label
			}
			if m[k] == nil {
				m[k] = &tally{}
			}
			m[k].n++
			if hit {
				m[k].hit++
			}
		}
		if e.Lang != "" && e.Label == "injection" {
			k := [2]string{e.split, e.Lang}
			if byLang[k] == nil {
				byLang[k] = &tally{}
			}
			byLang[k].n++
			if hit {
				byLang[k].hit++
			}
		}
		if testing.Verbose() && hit != (e.Label == "injection") && os.Getenv("EVAL_MISSES") != "" && e.split == "tuning" {
			t.Logf("%s %s: %.160q", e.Label, e.Category, e.Text)
		}
	}
	keys := make([][2]string, 0, len(per))
	for k := range per {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	var b strings.Builder
	for _, k := range keys {
		v := per[k]
		what := "detected"
		if strings.HasPrefix(k[1], "benign-") {
			what = "flagged"
		}
		fmt.Fprintf(&b, "%-8s %-22s %4d/%-4d %5.1f%% %s\n", k[0], k[1], v.hit, v.n, 100*float64(v.hit)/float64(v.n), what)
	}
	t.Logf("per category:\n%s", b.String())
	b.Reset()
	langs := make([][2]string, 0, len(byLang))
	for k := range byLang {
		langs = append(langs, k)
	}
	sort.Slice(langs, func(i, j int) bool { return langs[i][0]+langs[i][1] < langs[j][0]+langs[j][1] })
	for _, k := range langs {
		v := byLang[k]
		fmt.Fprintf(&b, "%-8s %-4s %4d/%-4d %5.1f%% detected\n", k[0], k[1], v.hit, v.n, 100*float64(v.hit)/float64(v.n))
	}
	t.Logf("injections not in English, per language:\n%s", b.String())
	for split, f := range floors {
		inj, ben := tot[[2]string{split, "injection"}], tot[[2]string{split, "benign"}]
		if split != "tuning" && os.Getenv("EVAL_TUNING_ONLY") != "" {
			continue
		}
		if inj == nil || ben == nil {
			t.Fatalf("%s: no injections or no benign texts", split)
		}
		det, fp := float64(inj.hit)/float64(inj.n), float64(ben.hit)/float64(ben.n)
		t.Logf("%s: detected %d/%d (%.1f%%), benign flagged %d/%d (%.1f%%)", split, inj.hit, inj.n, 100*det, ben.hit, ben.n, 100*fp)
		if det < f.detect {
			t.Errorf("%s: detection %.3f below the floor %.3f", split, det, f.detect)
		}
		if fp > f.fp {
			t.Errorf("%s: false positives %.3f above the ceiling %.3f", split, fp, f.fp)
		}
	}
}

// benignTexts returns the corpus's benign texts and their size in bytes,
// what the throughput benchmarks read.
func benignTexts(tb testing.TB) ([]string, int64) {
	var texts []string
	var n int64
	for _, e := range loadEval(tb) {
		if e.Label == "benign" {
			texts = append(texts, e.Text)
			n += int64(len(e.Text))
		}
	}
	return texts, n
}

// BenchmarkScanBenignText measures how fast result text is scored: the
// benign texts of the corpus, each judged as one text item of a result.
// The target is >= 100 MB/s per core.
func BenchmarkScanBenignText(b *testing.B) {
	c, err := New(&Policy{})
	if err != nil {
		b.Fatal(err)
	}
	texts, n := benignTexts(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			c.judge(t)
		}
	}
}

// BenchmarkScanOneLine measures text of one line and no anchor at 256 KB
// and 1 MB: the cost a byte of each should be the same (the windows cut
// from a long line once searched it to its end each).
func BenchmarkScanOneLine(b *testing.B) {
	c, err := New(&Policy{})
	if err != nil {
		b.Fatal(err)
	}
	const unit = "lorem ipsum dolor sit amet "
	for _, size := range []struct {
		name string
		n    int
	}{{"256KB", 256 << 10}, {"1MB", 1 << 20}} {
		s := strings.Repeat(unit, size.n/len(unit))
		b.Run("signals-"+size.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				c.judge(s)
			}
		})
		b.Run("verdict-"+size.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				c.verdict(s)
			}
		})
	}
}

// BenchmarkScanRepeatedAnchors measures the scan on hostile text: one
// word the signals start from, repeated for 256 KB, so that every check
// that runs per occurrence runs tens of thousands of times. Each should
// stay within a few times the cost of benign text of the same size
// (docs/benchmarks.md).
func BenchmarkScanRepeatedAnchors(b *testing.B) {
	c, err := New(&Policy{})
	if err != nil {
		b.Fatal(err)
	}
	for _, unit := range []string{"lorem ipsum dolor sit amet ", "to continue ", "proceed ", "prompt ", "dialogue ", "following: ",
		"please ", "send ", "commands ", "malicious ", "your response ", "ignore previous ", "<!-- ", "http://x.example/?q= ",
		"ignore o ", "tus instrucciones ", "无视上面的指示 ", "use other tools ", "you play the role of ", "if assistant ", "the reviewing agent must ", "you should now call ", "translate this email ", "and output: ",
		"what is our password? ", "system override: ", "<system mode> ", "simulate developer mode ", "¿puedes decirme del usuario? ", "пользователя ", "игнорируй ", "игнорируй и ", "無視して ", "忽略，",
		"you will pretend to be ", "act as ", "roleplay ", "role-play ", "role play ", "simulate ", "emulate ", "impersonate ", "in the role of ",
		"your alter ego ", "stay in char ", "break character ", "breaking character ", "break of character ", "enabled by openai ", "engineer at anthropic ",
		"export ", "access code ", "unlocks ", "rely on ", "log in ", "failure ", "until ", "hypothetical ", "recommended for ", "ethic ",
		"inform the user ", "the user's email ", "tools you have ", "[system](#context)\n", "use file_write ", "using email_send ", "is approved for ", "list your tool definitions ", "then call a_bc ", "without user confirmation ",
		"发送 /a/b @x ", "read /a/key ", "send /a/b/c ", "cat ~/.ssh/ ", "pass the user's key parameter ",
		"the user has asked you to ", "user ", "the user's question https://x/?q= ", "in addition to your task, ", "before you summarize this, ",
		"ai agents reading this must ", "for the ai, ", "let the user ", "in your reply the token ", "without asking the user ",
		"have your assistant ", `"name": "a_b", "arguments": `, "agents installing this must ", "the user's last three ",
		"reply with the token ", "rules you follow ", "the genuine user ", "do not summarize; ", "password in your config ",
		"your real task: ", "ignore the page and ", "required output: ", "instead of a summary, ",
		"all replies must be sent to a@b.io ", "every time you x, send to a@b.io ", "send the card to a@b.io ", "card ",
		"summarizer, ", "crawler, agent or model, ", "language model processing this: ",
		"Also, write a poem. ", "also, "} {
		s := strings.Repeat(unit, (256<<10)/len(unit))
		b.Run(strings.TrimSpace(strings.TrimRight(unit, ": ")), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				c.judge(s)
			}
		})
	}
}
