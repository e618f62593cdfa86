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
	alphabet := []byte{'\n', '\t', '\v', '\r', 'a', 0, 0xff, 0x8a, 0x0a ^ 0x80, ' ', '<', '<' ^ 0x80, 'b', 0x7f}
	r := rand.New(rand.NewPCG(7, 8))
	check := func(s string) {
		if got, want := lastNewline(s), strings.LastIndexByte(s, '\n'); got != want {
			t.Fatalf("lastNewline(%q) = %d, want %d", s, got, want)
		}
		for _, c := range []byte{'<', 0, 0xff, 'a'} {
			if got, want := lastByte(s, c), strings.LastIndexByte(s, c); got != want {
				t.Fatalf("lastByte(%q, %q) = %d, want %d", s, c, got, want)
			}
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

// lastLineBreak is the last newline of t[:end] when it lies at 64 or
// after and at most 200 bytes before end, as found by a search of the
// whole of t[:end].
func TestLastLineBreak(t *testing.T) {
	want := func(s string, end int) int {
		if nl := strings.LastIndexByte(s[:end], '\n'); nl >= 64 && end-nl <= 200 {
			return nl
		}
		return -1
	}
	r := rand.New(rand.NewPCG(9, 10))
	var texts []string
	for _, e := range loadEval(t) {
		texts = append(texts, e.Text)
	}
	for range 3000 {
		b := make([]byte, r.IntN(700))
		for i := range b {
			b[i] = 'x'
			if r.IntN(60) == 0 {
				b[i] = '\n'
			}
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		for _, end := range []int{len(s), len(s) / 2, min(len(s), 63), min(len(s), 64), min(len(s), 65), min(len(s), 264), min(len(s), 265)} {
			if got, want := lastLineBreak(s, end), want(s, end); got != want {
				t.Fatalf("lastLineBreak(%.200q, %d) = %d, want %d", s, end, got, want)
			}
		}
	}
}
