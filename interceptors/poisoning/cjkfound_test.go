package poisoning

import (
	"math/rand"
	"strings"
	"testing"
)

// cjkFoundRef is cjkFound as a search of the text for each substring cue
// in turn.
func (ix *cueIndex) cjkFoundRef(t string) (found [maxCJKCues / 64]uint64) {
	for ci, c := range ix.cjk {
		if strings.Contains(t, c.words[0]) {
			found[ci/64] |= 1 << (ci % 64)
		}
	}
	return found
}

// TestCJKFoundMatchesReference compares cjkFound, which passes over bytes
// no substring cue starts with, with a search for each cue, on text
// made of the cues' own pieces, Han, kana, ASCII and stray bytes.
func TestCJKFoundMatchesReference(t *testing.T) {
	ix := textCues
	if len(ix.cjk) == 0 {
		t.Skip("no substring cues")
	}
	var pieces []string
	for _, c := range ix.cjk {
		w := c.words[0]
		pieces = append(pieces, w, w[:len(w)/2], w[len(w)/2:])
	}
	pieces = append(pieces, "的", "文档", "し", "ア", " ", "a", "ignore", "\xe4", "\x80", "。", "é")
	rng := rand.New(rand.NewSource(7))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := ix.cjkFound(s), ix.cjkFoundRef(s); got != want {
			t.Fatalf("cjkFound(%q) = %v, want %v", s, got, want)
		}
	}
}
