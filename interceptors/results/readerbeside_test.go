package results

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// readerBeside's test of the bytes either side of the underscore passes
// every underscore the names' comparisons pass: on texts of the names'
// pieces and other bytes, at every underscore.
func TestReaderBesideBytes(t *testing.T) {
	full := func(t string, u int) bool {
		for _, r := range []string{"ai", "llm", "assistant"} {
			if strings.HasSuffix(t[:u], r) || strings.HasPrefix(t[u+1:], r) {
				return true
			}
		}
		return false
	}
	pieces := []string{"_", "ai", "a", "i", "llm", "lm", "l", "m", "assistant", "assistan", "t", "x", "__", "é"}
	r := rand.New(rand.NewPCG(11, 12))
	found := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for u := 0; u < len(s); u++ {
			if s[u] != '_' {
				continue
			}
			want := full(s, u)
			if got := readerBeside(s, u); got != want {
				t.Fatalf("readerBeside(%q, %d) = %v, want %v", s, u, got, want)
			}
			if want {
				found++
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d underscores beside a name: too few to show anything", found)
	}
}
