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
