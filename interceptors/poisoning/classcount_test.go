package poisoning

import (
	"math/rand"
	"testing"
)

// TestClassCounts checks classCounts, eight bytes a load, against its
// byte-at-a-time form: every byte value at every place of a load, and
// random strings of every length to 40 bytes.
func TestClassCounts(t *testing.T) {
	check := func(s string) {
		u, l, d := classCounts(s)
		wu, wl, wd := classCountsBytes(s)
		if u != wu || l != wl || d != wd {
			t.Fatalf("%q: %d %d %d, want %d %d %d", s, u, l, d, wu, wl, wd)
		}
	}
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < 256; c++ {
			for _, fill := range []byte{'a', 'Z', '5', '+', 0x80, 0xff, 0x7f, '@', '['} {
				b := []byte("........")
				for k := range b {
					b[k] = fill
				}
				b[pos] = byte(c)
				check(string(b))
			}
		}
	}
	r := rand.New(rand.NewSource(3))
	for n := 0; n < 100000; n++ {
		b := make([]byte, r.Intn(41))
		for k := range b {
			b[k] = byte(r.Intn(256))
		}
		check(string(b))
	}
}
