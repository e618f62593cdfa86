package results

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lastNewline is strings.LastIndexByte(s, '\n'), on texts of every length
// up to forty bytes with newlines and the bytes beside '\n' in value at
// every place, and on the corpus's texts.
func TestLastNewline(t *testing.T) {
	alphabet := []byte{'\n', '\t', '\v', '\r', 'a', 0, 0xff, 0x8a, 0x0a ^ 0x80, ' '}
	r := rand.New(rand.NewPCG(7, 8))
	check := func(s string) {
		if got, want := lastNewline(s), strings.LastIndexByte(s, '\n'); got != want {
			t.Fatalf("lastNewline(%q) = %d, want %d", s, got, want)
		}
	}
	for n := 0; n <= 40; n++ {
		for range 2000 {
			b := make([]byte, n)
			for i := range b {
				b[i] = alphabet[r.IntN(len(alphabet))]
			}
			check(string(b))
		}
	}
	for _, e := range loadEval(t) {
		check(e.Text)
		check(e.Text[:len(e.Text)/2])
	}
}

func FuzzLastNewline(f *testing.F) {
	f.Add("a\nb\n\x8a\x00c")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lastNewline(s), strings.LastIndexByte(s, '\n'); got != want {
			t.Fatalf("lastNewline(%q) = %d, want %d", s, got, want)
		}
	})
}
