package textmodel

import (
	"testing"
	"unicode"
)

// TestIdeographicEveryRune compares ideographic with the reading it
// shortens, the four script tables alone, on every code point.
func TestIdeographicEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
		if got := ideographic(r); got != want {
			t.Fatalf("ideographic(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestKindOfEveryRune compares kindOf's table with the look-ups it keeps,
// on every code point beyond ASCII.
func TestKindOfEveryRune(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		want := runeOther
		if unicode.IsLetter(r) {
			want = runeLetter
			if ideographic(r) {
				want = runeIdeo
			}
		}
		if got := kindOf(r); got != want {
			t.Fatalf("kindOf(%U) = %v, want %v", r, got, want)
		}
	}
}
