package results

import (
	"testing"
	"unicode/utf8"
)

// BenchmarkVerdictNonASCIIText is BenchmarkVerdictBenignText over only
// the benign texts of which a fiftieth of the bytes or more lie beyond ASCII
// (documentation in other languages, mail in other scripts): the share of
// the corpus that costs the check about twice a byte what English does.
func BenchmarkVerdictNonASCIIText(b *testing.B) {
	c, err := New(&Policy{})
	if err != nil {
		b.Fatal(err)
	}
	all, _ := benignTexts(b)
	var texts []string
	var n int64
	for _, t := range all {
		other := 0
		for i := 0; i < len(t); i++ {
			if t[i] >= utf8.RuneSelf {
				other++
			}
		}
		if other*50 >= len(t) {
			texts = append(texts, t)
			n += int64(len(t))
		}
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, t := range texts {
			c.verdict(t)
		}
	}
}
