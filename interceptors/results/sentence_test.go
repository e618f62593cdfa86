package results

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// sentenceAroundEach is sentenceAround as first written, a search for
// each mark back from i and on from it: the reference of its tests.
func sentenceAroundEach(t string, i, reach int) (_ string, end int) {
	start, end := max(0, i-reach), min(len(t), i+reach)
	for _, mark := range []string{". ", "! ", "? ", "\n"} {
		if k := strings.LastIndex(t[start:i], mark); k >= 0 {
			start += k + len(mark)
		}
		if k := strings.Index(t[i:end], mark); k >= 0 {
			end = i + k
		}
	}
	return t[start:end], end
}

func checkSentenceAround(t *testing.T, s string) {
	for i := range len(s) {
		for _, reach := range []int{0, 1, 2, 3, 7, 200} {
			got, gend := sentenceAround(s, i, reach)
			want, wend := sentenceAroundEach(s, i, reach)
			if got != want || gend != wend {
				t.Fatalf("%q at %d, reach %d: %q %d, want %q %d", s, i, reach, got, gend, want, wend)
			}
		}
	}
}

// TestSentenceAround compares sentenceAround with a search for each mark
// at every offset of texts made of marks, their parts and words, and of
// the corpus's tuning texts' first 600 bytes.
func TestSentenceAround(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "word", " ", "  ", ".", "!", "?", ". ", "! ", "? ", "\n", "\r\n", "..", "?!", " .", "e.g.", "~/.ssh"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkSentenceAround(t, b.String())
	}
	for _, e := range loadEval(t) {
		if e.split == "tuning" {
			checkSentenceAround(t, e.Text[:min(len(e.Text), 600)])
		}
	}
}

func FuzzSentenceAround(f *testing.F) {
	f.Add("One. Two! Three? Four\nfive. six")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		checkSentenceAround(t, s)
	})
}
