package poisoning

import (
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The general path of the fold reads each rune beyond ASCII through a
// chain of Unicode look-ups (hidden, a mark, a space, a letter, its lower
// case, a look-alike, Han or kana) after the NFKD iterator has passed it:
// text in another script paid them for every letter. The answers depend
// on the rune alone, so they are kept in a table, filled a block of 256
// runes at a time as text first reaches it; and a rune that NFKD leaves
// as it is and that starts a segment (plain: most letters of every
// script) needs no iterator at all.

// foldKind is what the fold does with a rune beyond ASCII.
type foldKind uint8

const (
	foldLetter     foldKind = iota // a letter or digit of its own script, lower-cased
	foldCJK                        // the same, Han, kana or Hangul
	foldConfusable                 // a letter that looks like an ASCII letter or digit
	foldMark                       // a combining mark: dropped
	foldHidden                     // an invisible or format character: dropped
	foldTag                        // a tag character: the ASCII it spells
	foldSpace                      // white space: ' '
	foldSymbol                     // anything else: kept, and ends a word
)

// foldEntry is the fold's reading of one rune.
type foldEntry struct {
	lower rune     // the rune lower-cased (letters)
	ascii byte     // the ASCII letter or digit it looks like (foldConfusable)
	kind  foldKind //
	plain bool     // its own NFKD form, and a starter: no iterator needed
}

// foldTableEnd is the end of the runes the table holds (the first two
// planes: every script in use and the emoji); the rest is read each time.
const foldTableEnd = 0x20000

var foldBlocks [foldTableEnd >> 8]atomic.Pointer[[256]foldEntry]

// foldClass returns the fold's reading of r, a rune beyond ASCII decoded
// from n bytes of the text, or from NFKD's output when n is 0. An invalid
// byte (n == 1) reads as U+FFFD, and is never plain: it goes through the
// iterator, as all text did.
func foldClass(r rune, n int) foldEntry {
	if uint32(r) >= foldTableEnd {
		return classifyRune(r)
	}
	b := foldBlocks[r>>8].Load()
	if b == nil {
		b = foldBlock(r >> 8)
	}
	e := b[r&0xff]
	if n == 1 {
		e.plain = false
	}
	return e
}

// foldBlock fills the table's block k. Two texts that reach it at once
// fill it alike, and either copy serves.
func foldBlock(k rune) *[256]foldEntry {
	b := new([256]foldEntry)
	for i := range b {
		b[i] = classifyRune(k<<8 | rune(i))
	}
	foldBlocks[k].Store(b)
	return b
}

// classifyRune is foldEntry of r computed: the look-ups of the general
// path, in its order.
func classifyRune(r rune) foldEntry {
	e := foldEntry{lower: r, kind: foldSymbol}
	if r < utf8.RuneSelf || r > unicode.MaxRune || 0xD800 <= r && r <= 0xDFFF {
		return e // never asked (ASCII has a path of its own), never decoded
	}
	var buf [utf8.UTFMax]byte
	enc := buf[:utf8.EncodeRune(buf[:], r)]
	p := norm.NFKD.Properties(enc)
	e.plain = p.CCC() == 0 && p.BoundaryBefore() && p.Decomposition() == nil && norm.NFKD.IsNormal(enc)
	switch {
	case r >= 0xE0020 && r <= 0xE007E:
		e.kind = foldTag
	case hidden(r):
		e.kind = foldHidden
	case unicode.Is(unicode.Mn, r):
		e.kind = foldMark
	case unicode.IsSpace(r):
		e.kind = foldSpace
	case !unicode.IsLetter(r) && !unicode.IsDigit(r):
		e.kind = foldSymbol
	default:
		e.lower = unicode.ToLower(r)
		if a, ok := asciiOf[r]; ok {
			e.kind, e.ascii = foldConfusable, a
		} else if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			e.kind = foldCJK
		} else {
			e.kind = foldLetter
		}
	}
	return e
}
