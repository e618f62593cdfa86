// Package evalcorpus reads the detection evaluation corpora of the
// interceptors' tests: the JSON files of a testdata/eval folder, each one
// split (tuning or held-out) and its entries, with their provenance beside
// them (PROVENANCE.md).
package evalcorpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Case is one entry of the corpus with the file and split it comes from.
type Case[E any] struct {
	File  string // the file's base name
	Split string // "tuning" or "heldout"
	Entry E
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
			out = append(out, Case[E]{File: filepath.Base(f), Split: file.Split, Entry: e})
		}
	}
	return out
}
