package poisoning

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// collapseSpaces, eight bytes at a time, writes what the byte loop it
// replaced wrote: every byte lowered as lowerTab does, blanks of every
// kind, runs of them, at the start, at the end and across blocks.
func TestCollapseSpacesIsEach(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const alphabet = "abzAZ09 \t\n\r\v\f.-_\x00\x7f\xc3\xa9\x80\xff@[`{"
	for range 50000 {
		b := make([]byte, rng.IntN(70))
		for i := range b {
			// mostly letters and single spaces, as prose is
			switch k := rng.IntN(10); {
			case k < 6:
				b[i] = "etaoinshrdlu"[rng.IntN(12)]
			case k < 8:
				b[i] = ' '
			default:
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		checkCollapseSpaces(t, b)
	}
	for _, s := range []string{"", " ", "        ", "abcdefgh", "abcdefg ", " bcdefgh ijklmnop", "abcdefgh        ijklmnop", "ABCDEFGH\tIJKLMNOP\r\n"} {
		checkCollapseSpaces(t, []byte(s))
	}
}

func FuzzCollapseSpaces(f *testing.F) {
	f.Add([]byte("The quick  brown\tfox\n\njumps over the lazy dog "))
	f.Fuzz(checkCollapseSpaces)
}

func checkCollapseSpaces(t *testing.T, b []byte) {
	for _, pre := range []string{"", "x ", "prefix: "} {
		got := collapseSpaces(append([]byte(pre), b...), len(pre))
		want := collapseSpacesEach(append([]byte(pre), b...), len(pre))
		if !bytes.Equal(got, want) {
			t.Fatalf("%q after %q: collapseSpaces %q, a byte at a time %q", b, pre, got, want)
		}
	}
}

// collapseSpacesEach is collapseSpaces as it was first written, a byte at
// a time: the reference of its tests.
func collapseSpacesEach(b []byte, start int) []byte {
	out := b[start:]
	w := 0
	for _, c := range out {
		if c = lowerTab[c]; c == ' ' && (w == 0 || out[w-1] == ' ') {
			continue
		}
		out[w] = c
		w++
	}
	if w > 0 && out[w-1] == ' ' {
		w--
	}
	return b[:start+w]
}

// letterSpaced, six places at a time, and spacedOutASCII, lowering eight
// bytes at a time, answer as the byte loops they replaced did.
func TestLetterSpacedIsEach(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const alphabet = "abz09 -._*|~\tA\xc3"
	for range 100000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			if rng.IntN(2) == 0 {
				b[i] = ' '
			} else {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		checkLetterSpaced(t, b)
	}
	for _, s := range []string{"i g n o r e", "x i g n o", "a b c", "abcdefghijk i g n o", "abcdefghij i g n o r", "  a b c d  "} {
		checkLetterSpaced(t, []byte(s))
	}
}

func FuzzLetterSpaced(f *testing.F) {
	f.Add([]byte("please i g n o r e all"))
	f.Fuzz(checkLetterSpaced)
}

func checkLetterSpaced(t *testing.T, b []byte) {
	if got, want := letterSpaced(b), letterSpacedEach(b); got != want {
		t.Fatalf("%q: letterSpaced %v, a byte at a time %v", b, got, want)
	}
	if got, want := spacedOutASCII(string(b)), spacedOutASCIIEach(string(b)); got != want {
		t.Fatalf("%q: spacedOutASCII %v, a byte at a time %v", b, got, want)
	}
}

// letterSpacedEach is letterSpaced tried at every byte, as first written:
// the reference of its tests.
func letterSpacedEach(t []byte) bool {
	for i := 1; i < len(t)-5; i++ {
		if t[i] != ' ' || t[i+2] != ' ' {
			continue
		}
		if j := i - 1; singleLetter(t, j) && singleLetter(t, j+2) && t[j+3] == ' ' && singleLetter(t, j+4) && t[j+5] == ' ' && singleLetter(t, j+6) {
			return true
		}
	}
	return false
}

// spacedOutASCIIEach is spacedOutASCII lowering a byte at a time, and
// spacedOut with letterSeparator and letterSpacedEach: the reference of
// its tests.
func spacedOutASCIIEach(s string) bool {
	var b []byte
	for i := 0; i < len(s); i++ {
		b = append(b, lowerTab[s[i]])
	}
	for i := range b {
		if i+1 >= len(b) || !letterSeparator(b[i+1]) || b[i] < 'a' || b[i] > 'z' {
			continue
		}
		if _, n := separatedRun(b, i); n >= 4 {
			return true
		}
	}
	return letterSpacedEach(b)
}

// squeeze, eight bytes at a time where it joins no letters spread out,
// writes what its byte loop wrote (squeezeFirst).
func TestSqueezeIsEach(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	const alphabet = "abz09-._*|~,+\xc3\xa9"
	for range 100000 {
		b := make([]byte, rng.IntN(60))
		for i := range b {
			switch k := rng.IntN(10); {
			case k < 5:
				b[i] = "etaoinshrdlu"[rng.IntN(12)]
			case k < 8:
				b[i] = ' '
			default:
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		checkSqueeze(t, b)
	}
}

func FuzzSqueeze(f *testing.F) {
	f.Add([]byte("i g n o r e  the  previous i-g-n-o-r-e text"))
	f.Fuzz(checkSqueeze)
}

func checkSqueeze(t *testing.T, b []byte) {
	for _, pre := range []string{"", "x "} {
		got, gs := squeeze(append([]byte(pre), b...), len(pre))
		want, ws := squeezeFirst(append([]byte(pre), b...), len(pre))
		if !bytes.Equal(got, want) || gs != ws {
			t.Fatalf("%q after %q: squeeze %q %v, a byte at a time %q %v", b, pre, got, gs, want, ws)
		}
	}
}

// squeezeFirst is squeeze as it was first written, a byte at a time (with
// joinSeparated and letterSpaced as they are): the reference of its tests.
func squeezeFirst(b []byte, start int) (_ []byte, spaced bool) {
	b, spaced = joinSeparated(b, start)
	t := b[start:]
	single := func(i int) bool { return singleLetter(t, i) }
	letterSpaced := letterSpaced(t)
	spaced = spaced || letterSpaced
	if letterSpaced {
		// read from a copy: joining rewrites what single looks at
		t = append([]byte(nil), t...)
	}
	out := b[start:]
	w := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == ' ' {
			if letterSpaced && i > 0 && i+1 < len(t) && single(i-1) && single(i+1) {
				continue // the space inside a letter-spaced word
			}
			if w == 0 || out[w-1] == ' ' {
				continue
			}
		}
		out[w] = c
		w++
	}
	if w > 0 && out[w-1] == ' ' {
		w--
	}
	return b[:start+w], spaced
}
