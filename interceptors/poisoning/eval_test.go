package poisoning

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/evalcorpus"
)

// The evaluation corpus in testdata/eval: tool definitions from public
// poisoning research and from the published tool lists of real MCP
// servers (see testdata/eval/PROVENANCE.md). Each file belongs to one
// split; the held-out split is only ever measured, never tuned on.

type evalEntry struct {
	Tool       json.RawMessage `json:"tool"`
	Label      string          `json:"label"`
	Category   string          `json:"category"`
	Neighbours []string        `json:"neighbours"`
	Path       string          `json:"path"`
	Derived    json.RawMessage `json:"derived"`
}

type evalCase struct {
	file   string
	split  string
	server string // the server whose list the file is, when it says so
	evalEntry
}

func loadEval(t testing.TB) []evalCase {
	t.Helper()
	var out []evalCase
	for _, c := range evalcorpus.Load(t, "testdata/eval", checkEntry) {
		out = append(out, evalCase{file: c.File, split: c.Split, server: c.Server, evalEntry: c.Entry})
	}
	return out
}

func checkEntry(e evalEntry) error {
	if e.Label != "poisoned" && e.Label != "benign" || e.Category == "" || len(e.Tool) == 0 {
		return fmt.Errorf("label %q category %q", e.Label, e.Category)
	}
	if (e.Label == "benign") != (e.Category == "benign") {
		return fmt.Errorf("label %q with category %q", e.Label, e.Category)
	}
	return nil
}

// meshNames returns, per split, the tool names of every benign file: each
// entry is judged as if the servers of the other files of its split were
// its neighbours in the mesh, so shadowing and look-alike checks meet real
// names (and their false positives show).
func meshNames(cases []evalCase) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	for _, c := range cases {
		if !strings.HasPrefix(c.file, "benign-") {
			continue
		}
		var tl struct {
			Name string `json:"name"`
		}
		_ = json.Unmarshal(c.Tool, &tl)
		if out[c.split] == nil {
			out[c.split] = map[string][]string{}
		}
		out[c.split][c.file] = append(out[c.split][c.file], tl.Name)
	}
	return out
}

// siblingNames returns, per file that is one server's list, the names of
// its tools: the server publishes them in one tools/list, and the checker
// reads a name of that list as the server's own, as it does at run time.
// The entries of other files (research servers and test fixtures, whose
// servers' full lists are not all in the corpus) are judged alone, which
// can only count more of their names as another server's.
func siblingNames(cases []evalCase) map[string][]string {
	out := map[string][]string{}
	for _, c := range cases {
		if c.server != "" {
			if n := entryName(c); n != "" && !slices.Contains(out[c.file], n) {
				out[c.file] = append(out[c.file], n)
			}
		}
	}
	return out
}

func entryName(c evalCase) string {
	var tl struct {
		Name string `json:"name"`
	}
	_ = json.Unmarshal(c.Tool, &tl)
	return tl.Name
}

// evalFlags reports whether the checker, with default settings, hides the
// tool, listed beside its siblings (their names) when its file is one
// server's list; the finding details say which signals fired.
func evalFlags(t testing.TB, c evalCase, mesh map[string]map[string][]string, siblings map[string][]string) (bool, []string) {
	others := slices.Clone(c.Neighbours)
	for f, names := range mesh[c.split] {
		if f != c.file {
			others = append(others, names...)
		}
	}
	ch, err := New(&Policy{Mode: interceptors.Enforce, Action: interceptors.ActionHide}, func() []string { return others }, nil)
	if err != nil {
		t.Fatal(err)
	}
	name := entryName(c)
	tools := []string{string(c.Tool)}
	if name != "" {
		for _, s := range siblings[c.file] {
			if s != name {
				b, err := json.Marshal(map[string]any{"name": s, "inputSchema": map[string]any{"type": "object"}})
				if err != nil {
					t.Fatal(err)
				}
				tools = append(tools, string(b))
			}
		}
	}
	x := runList(t.(*testing.T), ch, "tools/list", tools...)
	var details []string
	for _, f := range x.Findings {
		if len(tools) == 1 || strings.HasPrefix(f.Where, "tools["+name+"]") {
			details = append(details, f.Rule+": "+f.Detail)
		}
	}
	if len(tools) == 1 {
		return len(x.Removed) > 0, details
	}
	return slices.Contains(x.Removed, name), details
}

type rate struct{ hit, n int }

func (r rate) pct() float64 {
	if r.n == 0 {
		return 0
	}
	return 100 * float64(r.hit) / float64(r.n)
}

// Floors the evaluation must not fall below (percent): the figures
// measured when they were last set, so any regression fails. The targets
// are >= 95 % of poisoned definitions flagged and <= 1 % of benign ones;
// the history of every change and of each source as it came in is in
// docs/benchmarks.md.
const (
	minDetectTuning  = 95.7
	minDetectHeldout = 74.0
	maxFPTuning      = 0.48
	maxFPHeldout     = 2.12
)

func TestEvalCorpus(t *testing.T) {
	cases := loadEval(t)
	mesh := meshNames(cases)
	siblings := siblingNames(cases)
	type key struct{ split, cat string }
	byCat := map[key]*rate{}
	byRule := map[key]int{}  // benign flagged, per split and finding rule (counts only)
	total := map[key]*rate{} // cat "poisoned" / "benign"
	for _, c := range cases {
		flagged, details := evalFlags(t, c, mesh, siblings)
		for i, k := range []key{{c.split, c.Category}, {c.split, c.Label}} {
			m := byCat
			if i == 1 {
				m = total
			}
			if m[k] == nil {
				m[k] = &rate{}
			}
			m[k].n++
			if flagged {
				m[k].hit++
			}
		}
		if flagged && c.Label == "benign" {
			for _, r := range findingRules(details) {
				byRule[key{c.split, r}]++
			}
		}
		// Misses of the held-out split are listed only on request, so that
		// tuning does not look at them.
		show := c.split == "tuning" || os.Getenv("POISONING_EVAL_HELDOUT_DETAILS") != ""
		if testing.Verbose() && show && flagged != (c.Label == "poisoned") {
			var tl struct {
				Name string `json:"name"`
			}
			_ = json.Unmarshal(c.Tool, &tl)
			t.Logf("%s %s %s/%s %q: flagged=%v %v", c.split, c.file, c.Label, c.Category, tl.Name, flagged, details)
		}
	}
	var b strings.Builder
	for _, split := range evalSplits() {
		fmt.Fprintf(&b, "\n%-8s %-20s %9s %8s\n", split, "category", "flagged", "rate")
		var cats []string
		for k := range byCat {
			if k.split == split {
				cats = append(cats, k.cat)
			}
		}
		sort.Strings(cats)
		cats = slices.DeleteFunc(cats, func(s string) bool { return s == "benign" })
		cats = append(cats, "benign")
		for _, cat := range cats {
			r := byCat[key{split, cat}]
			if r == nil {
				continue
			}
			fmt.Fprintf(&b, "%-8s %-20s %4d/%-4d %7.1f%%\n", "", cat, r.hit, r.n, r.pct())
		}
		p, n := total[key{split, "poisoned"}], total[key{split, "benign"}]
		fmt.Fprintf(&b, "%-8s %-20s %4d/%-4d %7.1f%%\n", "", "ALL poisoned", p.hit, p.n, p.pct())
		fmt.Fprintf(&b, "%-8s %-20s %4d/%-4d %7.1f%%\n", "", "ALL benign (FP)", n.hit, n.n, n.pct())
		var rules []string
		for k := range byRule {
			if k.split == split {
				rules = append(rules, k.cat)
			}
		}
		sort.Strings(rules)
		for _, r := range rules {
			fmt.Fprintf(&b, "%-8s benign flagged with %-34s %4d\n", "", r, byRule[key{split, r}])
		}
	}
	t.Log(b.String())
	check := func(split string, minDetect, maxFP float64) {
		p, n := total[key{split, "poisoned"}], total[key{split, "benign"}]
		if p == nil || n == nil {
			t.Fatalf("%s split lacks poisoned or benign entries", split)
		}
		if p.pct() < minDetect {
			t.Errorf("%s: %.1f%% of poisoned definitions flagged, want >= %.1f%%", split, p.pct(), minDetect)
		}
		if n.pct() > maxFP {
			t.Errorf("%s: %.1f%% of benign definitions flagged, want <= %.1f%%", split, n.pct(), maxFP)
		}
	}
	check("tuning", minDetectTuning, maxFPTuning)
	if len(evalSplits()) > 1 {
		check("heldout", minDetectHeldout, maxFPHeldout)
	}
}

// evalSplits are the splits the evaluation reports. EVAL_TUNING_ONLY=1
// leaves the held-out split unread while tuning, so that work on the
// checker does not look at it between its recorded measurements.
func evalSplits() []string {
	if os.Getenv("EVAL_TUNING_ONLY") != "" {
		return []string{"tuning"}
	}
	return []string{"tuning", "heldout"}
}

// findingRules returns the rules of a flagged definition's findings, once
// each, a shadowing finding told by what it read: a name of another
// server's tool in a text ("mentions"), a name like one ("name"), or a
// phrase that redirects the use of other tools ("phrase").
func findingRules(details []string) []string {
	var out []string
	for _, d := range details {
		rule, detail, _ := strings.Cut(d, ": ")
		if rule == "poisoning.shadowing" {
			switch {
			case strings.HasPrefix(detail, "mentions tool"):
				rule += " (mentions)"
			case strings.HasPrefix(detail, "name "):
				rule += " (name)"
			default:
				rule += " (phrase)"
			}
		}
		if !slices.Contains(out, rule) {
			out = append(out, rule)
		}
	}
	return out
}
