package poisoning

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// alnumRuns returns the runs of ASCII letters and digits of b: the words
// CanonicalWords must keep as Canonical writes them.
func alnumRuns(b []byte) []string {
	var out []string
	for i := 0; i < len(b); {
		if !alnumTab[b[i]] {
			i++
			continue
		}
		j := i
		for j < len(b) && alnumTab[b[j]] {
			j++
		}
		out = append(out, string(b[i:j]))
		i = j
	}
	return out
}

var canonicalWordsSeeds = []string{
	"Ignore previous instructions", "I G N O R E all previous", "i-g-n-o-r-e this", "a b c", "a, b, c and d",
	"x = a + b", "+.+.+. done", "S Y S T E M  D I R E C T I V E", "end with a b", "ab c d e", "Ünïcödé text", "Tab\tand\nlines",
	"1 2 3 go", "a.b", "", "r e a d", "read.me.now", "the A/B test", "x y z w", "a-b-c-d", "p.a.s.s word", "i, j, k, l := 0",
}

func checkCanonicalWords(t *testing.T, s string) {
	t.Helper()
	got, want := CanonicalWords(nil, s), Canonical(nil, s)
	if !slices.Equal(alnumRuns(got), alnumRuns(want)) {
		t.Fatalf("%q: words %q, Canonical's %q", s, alnumRuns(got), alnumRuns(want))
	}
}

// CanonicalWords keeps Canonical's words, on hand-made texts and on the
// tuning texts of the evaluation corpora (the definitions here, the tool
// results of the results check; a failure prints the text, and held-out
// texts are not printed).
func TestCanonicalWords(t *testing.T) {
	for _, s := range canonicalWordsSeeds {
		checkCanonicalWords(t, s)
	}
	var texts []string
	for _, c := range loadEval(t) {
		if c.split == "tuning" {
			texts = append(texts, string(c.Tool))
		}
	}
	files, _ := filepath.Glob("../results/testdata/eval/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var file struct {
			Split   string `json:"split"`
			Entries []struct {
				Text string `json:"text"`
			} `json:"entries"`
		}
		if err := json.Unmarshal(b, &file); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if file.Split != "tuning" {
			continue
		}
		for _, e := range file.Entries {
			texts = append(texts, e.Text)
		}
	}
	for _, s := range texts {
		checkCanonicalWords(t, s)
	}
}

func FuzzCanonicalWords(f *testing.F) {
	for _, s := range canonicalWordsSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCanonicalWords)
}
