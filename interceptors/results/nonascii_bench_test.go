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
	benchVerdicts(b, func(t string) bool {
		other := 0
		for i := 0; i < len(t); i++ {
			if t[i] >= utf8.RuneSelf {
				other++
			}
		}
		return other*50 >= len(t)
	})
}
