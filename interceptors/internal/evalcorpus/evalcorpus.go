// Package evalcorpus reads the detection evaluation corpora of the
// interceptors' tests: the JSON files of a testdata/eval folder, each one
// split (tuning or held-out) and its entries, with their provenance beside
// them (PROVENANCE.md).
package evalcorpus

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Case is one entry of the corpus with the file and split it comes from.
type Case[E any] struct {
	File  string // the file's base name
	Split string // "tuning" or "heldout"
	// Server names the server whose list every entry of the file is part
	// of, when the file says so: a check that judges a server's list as a
	// whole reads them together.
	Server string
	Entry  E
}

// Load reads every file of dir; check refuses an entry that is not
// well-formed (its error fails the test, naming the file and entry).
func Load[E any](t testing.TB, dir string, check func(E) error) []Case[E] {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no evaluation corpus in %s: %v", dir, err)
	}
	var out []Case[E]
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var file struct {
			Split   string `json:"split"`
			Server  string `json:"server"`
			Entries []E    `json:"entries"`
		}
		if err := json.Unmarshal(b, &file); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if file.Split != "tuning" && file.Split != "heldout" {
			t.Fatalf("%s: split %q", f, file.Split)
		}
		// The name says the split, so that anyone reading the corpus can
		// keep away from the held-out files without opening them.
		if strings.Contains(filepath.Base(f), "heldout") != (file.Split == "heldout") {
			t.Fatalf("%s: split %q, but a file is held out exactly when its name says heldout", f, file.Split)
		}
		for i, e := range file.Entries {
			if err := check(e); err != nil {
				t.Fatalf("%s entry %d: %v", f, i, err)
			}
			out = append(out, Case[E]{File: filepath.Base(f), Split: file.Split, Server: file.Server, Entry: e})
		}
	}
	return out
}

// Tally counts, per split and class (a label or a category), the entries
// that two checks flag and those that either flags.
type Tally struct {
	counts map[[2]string]*[4]int // entries, first, second, either
}

// Add counts one entry of split under each class, with the two verdicts.
func (t *Tally) Add(split string, classes []string, first, second bool) {
	if t.counts == nil {
		t.counts = map[[2]string]*[4]int{}
	}
	for _, class := range classes {
		k := [2]string{split, class}
		c := t.counts[k]
		if c == nil {
			c = new([4]int)
			t.counts[k] = c
		}
		c[0]++
		for i, hit := range []bool{first, second, first || second} {
			if hit {
				c[i+1]++
			}
		}
	}
}

// Report is one line per split and class, sorted, with the rates of the
// two checks (named first and second) and of either.
func (t *Tally) Report(first, second string) string {
	keys := make([][2]string, 0, len(t.counts))
	for k := range t.counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	pct := func(a, n int) string { return fmt.Sprintf("%4d/%-4d %5.1f%%", a, n, 100*float64(a)/float64(n)) }
	var b strings.Builder
	for _, k := range keys {
		c := t.counts[k]
		fmt.Fprintf(&b, "%-8s %-24s %s %s  %s %s  either %s\n", k[0], k[1], first, pct(c[1], c[0]), second, pct(c[2], c[0]), pct(c[3], c[0]))
	}
	return b.String()
}
