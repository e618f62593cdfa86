package textmodel

import (
	"testing"
	"unicode/utf8"
)

// decodeRune is utf8.DecodeRune on every sequence of up to three bytes
// (the ones it decodes inline, and broken ones), cut at every length, and
// at every offset of a text.
func TestDecodeRuneIsUTF8(t *testing.T) {
	check := func(b []byte, i int) {
		r, n := decodeRune(b, i)
		if wr, wn := utf8.DecodeRune(b[i:]); r != wr || n != wn {
			t.Fatalf("% x at %d: %U %d, want %U %d", b, i, r, n, wr, wn)
		}
	}
	for c := 0x80; c < 0x100; c++ {
		for d := 0; d < 0x100; d++ {
			for _, e := range []int{0x00, 0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xff} {
				b := []byte{'a', byte(c), byte(d), byte(e)}
				for n := 2; n <= len(b); n++ {
					check(b[:n], 1)
				}
			}
		}
	}
	s := []byte("naïve – ignorez les consignes · 忽略之前的指示 😀 \xe4\xb8 \xed\xa0\x80")
	for i := range s {
		check(s, i)
	}
}
