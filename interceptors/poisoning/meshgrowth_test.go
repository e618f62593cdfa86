package poisoning

import (
	"fmt"
	"hash/fnv"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// TestEvalMeshGrowth measures, on the tuning split only, how the benign
// definitions flagged grow with the number of servers beside them in the
// mesh: each definition is judged with the tool names of the first k other
// benign servers of tuning, in the order of the FNV-1a hash of their file
// names (the same servers for every definition, its own left out), for k
// from none to all. A flag owes itself to the neighbours when the
// definition is flagged with them and not without them; a finding naming a
// tool "of another server" shows which. Run only when asked:
// EVAL_MESH_GROWTH=1 go test ./interceptors/poisoning -run TestEvalMeshGrowth -v
func TestEvalMeshGrowth(t *testing.T) {
	if os.Getenv("EVAL_MESH_GROWTH") == "" {
		t.Skip("EVAL_MESH_GROWTH=1 runs the experiment")
	}
	var cases []evalCase
	for _, c := range loadEval(t) {
		if c.split == "tuning" {
			cases = append(cases, c)
		}
	}
	mesh := meshNames(cases)["tuning"]
	siblings := siblingNames(cases)
	files := make([]string, 0, len(mesh))
	for f := range mesh {
		files = append(files, f)
	}
	hash := func(s string) uint64 { h := fnv.New64a(); h.Write([]byte(s)); return h.Sum64() }
	sort.Slice(files, func(i, j int) bool { return hash(files[i]) < hash(files[j]) })
	base := map[int]bool{} // flagged with no other server
	var b strings.Builder
	fmt.Fprintf(&b, "\n%8s %7s %12s %14s %13s %14s %12s\n", "servers", "names", "meet a name", "benign flagged", "owed to mesh", "naming a tool", "poisoned")
	for _, k := range []int{0, 5, 20, 50, 100, len(files)} {
		var benign, owed, naming, poisoned, names, meet int
		var owedList []string
		for i, c := range cases {
			sub := map[string][]string{}
			for _, f := range files {
				if len(sub) == k {
					break
				}
				if f != c.file {
					sub[f] = mesh[f]
				}
			}
			if i == 0 {
				for _, n := range sub {
					names += len(n)
				}
			}
			flagged, details := evalFlags(t, c, map[string]map[string][]string{"tuning": sub}, siblings)
			if k == 0 {
				base[i] = flagged
			}
			if c.Label == "benign" {
				if meetsName(c, sub, siblings[c.file]) {
					meet++
				}
			}
			if c.Label == "poisoned" {
				if flagged != base[i] {
					owedList = append(owedList, fmt.Sprintf("poisoned %s %q flagged=%v %v", c.file, entryName(c), flagged, details))
				}
				if flagged {
					poisoned++
				}
				continue
			}
			if !flagged {
				continue
			}
			benign++
			if !base[i] {
				owed++
				owedList = append(owedList, fmt.Sprintf("%s %q %v", c.file, entryName(c), details))
			}
			if strings.Contains(strings.Join(details, "; "), "of another server") {
				naming++
			}
		}
		fmt.Fprintf(&b, "%8d %7d %12d %9d/%-4d %13d %14d %8d/%d\n", k, names, meet, benign, countLabel(cases, "benign"), owed, naming, poisoned, countLabel(cases, "poisoned"))
		if testing.Verbose() {
			for _, o := range owedList {
				fmt.Fprintf(&b, "         owed: %s\n", o)
			}
		}
	}
	t.Log(b.String())
}

func countLabel(cases []evalCase, label string) int {
	n := 0
	for _, c := range cases {
		if c.Label == label {
			n++
		}
	}
	return n
}

// meetsName reports whether the description of c holds, as a whole word,
// a name of a tool of the servers of sub (its own server's names left
// out).
func meetsName(c evalCase, sub map[string][]string, own []string) bool {
	names := map[string]bool{}
	for _, ns := range sub {
		for _, n := range ns {
			names[strings.ToLower(n)] = true
		}
	}
	for _, n := range own {
		delete(names, strings.ToLower(n))
	}
	lower := strings.ToLower(memberString(jsontext.Value(c.Tool), "description"))
	for s, e := range nameSpans(lower) {
		if names[lower[s:e]] {
			return true
		}
	}
	return false
}
