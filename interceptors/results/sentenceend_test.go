package results

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// sentenceEndEachByte is sentenceEndFrom a byte at a time, as
// sentenceAround read it before.
func sentenceEndEachByte(t string, i, end int) int {
	for k := i; k < end; k++ {
		if c := t[k]; c == '\n' || sentenceEnd[c] && k+1 < end && t[k+1] == ' ' {
			return k
		}
	}
	return end
}

// TestSentenceEndFromEachByte compares sentenceEndFrom with the byte at a
// time read on generated texts of marks, blanks, letters and bytes beyond
// ASCII, from every offset and to every bound, and on the tuning texts.
func TestSentenceEndFromEachByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	alphabet := []string{"a", "b", "z", " ", " ", ".", "!", "?", "\n", "\t", "-", "/", "\xe2\x80\x99", "\x8a", "\xae", ".."}
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for range rng.IntN(48) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		for i := 0; i <= len(s); i++ {
			for end := i; end <= len(s); end++ {
				if got, want := sentenceEndFrom(s, i, end), sentenceEndEachByte(s, i, end); got != want {
					t.Fatalf("sentenceEndFrom(%q, %d, %d) = %d, want %d", s, i, end, got, want)
				}
			}
		}
	}
	for _, e := range loadEval(t) {
		if e.split != "tuning" {
			continue
		}
		low, buf := lowered(e.Text)
		for i := 0; i < len(low); i += 37 {
			end := min(len(low), i+200)
			if got, want := sentenceEndFrom(low, i, end), sentenceEndEachByte(low, i, end); got != want {
				t.Fatalf("sentenceEndFrom at %d of a tuning text: %d, want %d", i, got, want)
			}
		}
		release(buf)
	}
}

// lastSentenceStartEachByte is lastSentenceStart a byte at a time, as it
// read before.
func lastSentenceStartEachByte(t string, begin, end int) int {
	for k := end - 2; k >= max(begin, end-asideReach); k-- {
		c := t[k]
		if c == '\n' || (c == '.' || c == '?' || c == '!') && t[k+1] == ' ' {
			k++
			for k < end && isBlank(t[k]) {
				k++
			}
			return k
		}
	}
	return begin
}

// TestLastSentenceStartEachByte compares lastSentenceStart with the byte
// at a time read on generated texts, for every span, and on the tuning
// texts.
func TestLastSentenceStartEachByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	alphabet := []string{"a", "b", "z", " ", " ", ".", "!", "?", "\n", "\t", "-", "/", "\xe2\x80\x99", "\x8a", "\xae", ". ", "\n "}
	spansAgree(t, rng, alphabet, "lastSentenceStart", lastSentenceStart, lastSentenceStartEachByte)
	for _, e := range loadEval(t) {
		if e.split != "tuning" {
			continue
		}
		low, buf := lowered(e.Text)
		for end := 0; end <= len(low); end += 29 {
			if got, want := lastSentenceStart(low, 0, end), lastSentenceStartEachByte(low, 0, end); got != want {
				t.Fatalf("lastSentenceStart to %d of a tuning text: %d, want %d", end, got, want)
			}
		}
		release(buf)
	}
}

// firstSentenceEndEachByte is firstSentenceEnd a byte at a time, as it
// read before.
func firstSentenceEndEachByte(t string, begin, end int) int {
	for k := begin; k < min(end-1, begin+asideReach); k++ {
		c := t[k]
		if c == '\n' {
			return k
		}
		if (c == '.' || c == '?' || c == '!') && isBlank(t[k+1]) {
			return k + 1
		}
	}
	return end
}

// TestFirstSentenceEndEachByte compares firstSentenceEnd with the byte at
// a time read on generated texts, for every span, and on the tuning texts.
func TestFirstSentenceEndEachByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 19))
	alphabet := []string{"a", "b", "z", " ", " ", ".", "!", "?", "\n", "\t", "\r", "-", "/", "\xe2\x80\x99", "\x8a", "\xae", ". ", ".\t"}
	spansAgree(t, rng, alphabet, "firstSentenceEnd", firstSentenceEnd, firstSentenceEndEachByte)
	for _, e := range loadEval(t) {
		if e.split != "tuning" {
			continue
		}
		low, buf := lowered(e.Text)
		for begin := 0; begin <= len(low); begin += 29 {
			if got, want := firstSentenceEnd(low, begin, len(low)), firstSentenceEndEachByte(low, begin, len(low)); got != want {
				t.Fatalf("firstSentenceEnd from %d of a tuning text: %d, want %d", begin, got, want)
			}
		}
		release(buf)
	}
}

// spansAgree compares got with want, a reading of a span [begin, end) of a
// text, on 2,000 texts drawn from alphabet, for every span of each from
// begins a few bytes apart.
func spansAgree(t *testing.T, rng *rand.Rand, alphabet []string, name string, got, want func(t string, begin, end int) int) {
	t.Helper()
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(300) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		for begin := 0; begin <= len(s); begin += 1 + rng.IntN(9) {
			for end := begin; end <= len(s); end++ {
				if g, w := got(s, begin, end), want(s, begin, end); g != w {
					t.Fatalf("%s(%q, %d, %d) = %d, want %d", name, s, begin, end, g, w)
				}
			}
		}
	}
}
