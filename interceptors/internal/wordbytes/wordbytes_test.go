package wordbytes

import (
	"math/rand/v2"
	"testing"
)

// AlnumEnd is the byte-by-byte scan of Alnum, at every start of texts of
// every byte value and length.
func TestAlnumEndIsEachByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("az09AZ _-.\x80\xff\x7f/")
	for n := 0; n < 3000; n++ {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			if rng.IntN(4) == 0 {
				b[i] = byte(rng.IntN(256))
			} else {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		for i := 0; i <= len(b); i++ {
			want := i
			for want < len(b) && Alnum[b[want]] {
				want++
			}
			if got := AlnumEnd(b, i); got != want {
				t.Fatalf("%q from %d: %d, want %d", b, i, got, want)
			}
		}
	}
}

// NonASCIIEnd is the byte-by-byte scan for a byte below 0x80, at every
// start of texts of every byte value and length.
func TestNonASCIIEndIsEachByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", " ", "\x7f", "\x80", "\xff", "é", "无视", "игнорируй", "😀"}
	for n := 0; n < 3000; n++ {
		var b []byte
		for range rng.IntN(24) {
			if rng.IntN(4) == 0 {
				b = append(b, byte(rng.IntN(256)))
			} else {
				b = append(b, pieces[rng.IntN(len(pieces))]...)
			}
		}
		s := string(b)
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && s[want] >= 0x80 {
				want++
			}
			if got := NonASCIIEnd(s, i); got != want {
				t.Fatalf("%q from %d: %d, want %d", s, i, got, want)
			}
		}
	}
}
