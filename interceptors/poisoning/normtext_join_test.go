package poisoning

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// joinSeparated tries separatedRun only where a letter and a separator
// meet: it joins what trying at every byte joins.
func TestJoinSeparatedIsEach(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const alphabet = "abcz09 -._*|~A'"
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		checkJoinSeparated(t, b)
	}
	for _, s := range []string{"i-g-n-o-r-e", "e.g. u.s.a.", "a.b.c.d", "x a-b-c-d-e", "1.2.3.4", "i_g_n_o_r_e now", "a-b-c-d-e-"} {
		checkJoinSeparated(t, []byte(s))
	}
}

func FuzzJoinSeparated(f *testing.F) {
	f.Add([]byte("i-g-n-o-r-e previous"))
	f.Fuzz(checkJoinSeparated)
}

func checkJoinSeparated(t *testing.T, b []byte) {
	pre := []byte("x ")
	got, gj := joinSeparated(append(append([]byte{}, pre...), b...), len(pre))
	want, wj := joinSeparatedEach(append(append([]byte{}, pre...), b...), len(pre))
	if !bytes.Equal(got, want) || gj != wj {
		t.Fatalf("%q: joinSeparated %q %v, at every byte %q %v", b, got, gj, want, wj)
	}
}

// joinSeparatedEach is joinSeparated as it was first written, trying
// separatedRun at every byte: the reference of its tests.
func joinSeparatedEach(b []byte, start int) (_ []byte, joined bool) {
	t := b[start:]
	w := 0
	for i := 0; i < len(t); {
		if k, n := separatedRun(t, i); n >= 4 {
			for m := i; m <= k; m += 2 {
				t[w] = t[m]
				w++
			}
			joined, i = true, k+1
			continue
		}
		t[w] = t[i]
		w++
		i++
	}
	return b[:start+w], joined
}
