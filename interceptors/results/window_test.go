package results

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestEachWindowShortLines compares eachWindow, which passes over at once
// the lines that end within a window's bytes, with the search from every
// line (eachWindowSearching) on texts of short lines, as most results
// have, with a long line now and then, blank lines, and ending with a
// newline or without.
func TestEachWindowShortLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	windows := func(f func(string, func(int, int)), s string) (w [][2]int) {
		f(s, func(start, end int) { w = append(w, [2]int{start, end}) })
		return w
	}
	for range 5000 {
		var b strings.Builder
		maxLen := 1 + rng.IntN(600)
		for n := rng.IntN(12000); b.Len() < n; {
			switch r := rng.IntN(100); {
			case r < 2:
				b.WriteString(strings.Repeat("word ", rng.IntN(600)))
			case r < 10:
				b.WriteByte('\n')
			default:
				b.WriteString(strings.Repeat("x", rng.IntN(maxLen)))
				if rng.IntN(3) == 0 {
					b.WriteByte(' ')
				}
			}
			b.WriteByte('\n')
		}
		s := b.String()
		for _, s := range []string{s, strings.TrimSuffix(s, "\n"), s + "tail"} {
			got, want := windows(eachWindow, s), windows(eachWindowSearching, s)
			if len(got) != len(want) {
				t.Fatalf("%d windows, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("window %d: %v, want %v", i, got[i], want[i])
				}
			}
		}
	}
}
