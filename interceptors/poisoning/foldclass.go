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
	foldASCII                      // an ASCII letter or digit with marks ("é"), or a form of an ASCII character ("，"): read as that ASCII
	foldSeq                        // a form of several runes ("ﬁ", "가"), each plain: read as they are
)

// foldEntry is the fold's reading of one rune.
type foldEntry struct {
	lower   rune     // the rune lower-cased (letters)
	enc     [4]byte  // lower in UTF-8
	encN    uint8    // its length
	ascii   byte     // the ASCII letter or digit it looks like (foldConfusable, foldASCII)
	kind    foldKind //
	plain   bool     // its own NFKD form, and a starter: no iterator needed
	decomp  bool     // a letter and marks the fold drops ("é", "й"): no iterator needed before a starter
	starter bool     // NFKD starts a segment at it
	seq     string   // the runes of foldSeq
}

// foldTableEnd is the end of the runes the table holds (the first two
// planes: every script in use and the emoji); the rest is read each time.
const foldTableEnd = 0x20000

// foldBlocks holds the table's blocks, and one more for the tag
// characters (U+E0000..U+E00FF), which spell text unseen.
var foldBlocks [foldTableEnd>>8 + 1]atomic.Pointer[[256]foldEntry]

const foldTagBlock = foldTableEnd >> 8

// invalidByte is the reading of a byte that starts no rune: U+FFFD, never
// plain, so that it goes through the iterator, as all text did.
var invalidByte = func() *foldEntry {
	e := classifyRune(utf8.RuneError)
	e.plain, e.decomp, e.starter = false, false, false
	return &e
}()

// foldClass returns the fold's reading of r, a rune beyond ASCII decoded
// from n bytes of the text, or from NFKD's output when n is 0 (n == 1 is
// an invalid byte, read as U+FFFD). The entry is shared: read only.
func foldClass(r rune, n int) *foldEntry {
	k := r >> 8
	switch {
	case n == 1:
		return invalidByte
	case !foldTableReady:
		// the lexicon's words, folded while the package's variables are
		// set: their runes alone are read, so that starting fills no
		// blocks
		e, ok := foldEarly[r]
		if !ok {
			c := classifyRune(r)
			e = &c
			foldEarly[r] = e
		}
		return e
	case uint32(r) < foldTableEnd:
	case k == 0xE00:
		k = foldTagBlock
	default:
		e := classifyRune(r)
		return &e
	}
	b := foldBlocks[k].Load()
	if b == nil {
		b = foldBlock(k, r&^0xff)
	}
	return &b[r&0xff]
}

// foldTableReady is set once the package's variables are: the table is
// filled only by the texts judged.
var foldTableReady bool

// foldEarly holds the runes read before, dropped then.
var foldEarly = map[rune]*foldEntry{}

func init() { foldTableReady, foldEarly = true, nil }

// foldBlock fills the table's block k, of the runes from base on. Two
// texts that reach it at once fill it alike, and either copy serves.
func foldBlock(k, base rune) *[256]foldEntry {
	b := new([256]foldEntry)
	for i := range b {
		b[i] = classifyRune(base | rune(i))
	}
	foldBlocks[k].Store(b)
	return b
}

// classifyRune is foldEntry of r computed: the look-ups of the general
// path, in its order.
func classifyRune(r rune) (e foldEntry) {
	e = foldEntry{lower: r, kind: foldSymbol}
	if r < utf8.RuneSelf || r > unicode.MaxRune || 0xD800 <= r && r <= 0xDFFF {
		return e // never asked (ASCII has a path of its own), never decoded
	}
	var buf [utf8.UTFMax]byte
	enc := buf[:utf8.EncodeRune(buf[:], r)]
	p := norm.NFKD.Properties(enc)
	e.plain = nfkdPlain(r)
	e.starter = p.CCC() == 0 && p.LeadCCC() == 0
	if !e.plain && e.starter && !norm.NFKD.IsNormal(enc) {
		// (only runes that decompose pay for their form)
		d := norm.NFKD.String(string(enc))
		if f, ok := decomposedLetter(d); ok {
			return f
		}
		if f, ok := formOf(d); ok && p.BoundaryBefore() {
			return f
		}
	}
	defer e.encode()
	switch {
	case r >= 0xE0020 && r <= 0xE007E:
		e.kind = foldTag
	case hidden(r):
		e.kind = foldHidden
	case unicode.Is(unicode.Mn, r), r == tatweel:
		e.kind = foldMark
	case unicode.IsSpace(r):
		e.kind = foldSpace
	case !unicode.IsLetter(r) && !unicode.IsDigit(r):
		e.kind = foldSymbol
	default:
		e.lower = unicode.ToLower(r)
		if m, ok := arabicLetterFold[r]; ok {
			e.lower = m
		}
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

// decomposedLetter is the reading of a rune whose NFKD form d is a letter
// or digit, plain, and marks that the fold drops ("é" is "e" and U+0301,
// "й" is "и" and U+0306): the reading of that letter. Such a rune needs
// no iterator where the next one starts a segment: the marks would be
// reordered only with marks that follow them, and are dropped.
func decomposedLetter(d string) (foldEntry, bool) {
	b, n := utf8.DecodeRuneInString(d)
	if n == len(d) || b == utf8.RuneError {
		return foldEntry{}, false
	}
	for _, m := range d[n:] {
		// what classifyRune reads as foldMark
		if m < utf8.RuneSelf || m >= 0xE0020 && m <= 0xE007E || hidden(m) || !unicode.Is(unicode.Mn, m) {
			return foldEntry{}, false
		}
	}
	var e foldEntry
	switch {
	case b < utf8.RuneSelf:
		c := lowerTab[b]
		if !alnumTab[c] {
			return foldEntry{}, false
		}
		e = foldEntry{lower: rune(c), ascii: c, kind: foldASCII}
	default:
		e = classifyRune(b)
		if !e.plain || e.kind != foldLetter && e.kind != foldCJK && e.kind != foldConfusable {
			return foldEntry{}, false
		}
	}
	e.plain, e.decomp, e.starter = false, true, true
	e.encode()
	return e, true
}

// encode writes lower in UTF-8 to enc.
func (e *foldEntry) encode() {
	e.encN = uint8(utf8.EncodeRune(e.enc[:], e.lower))
}

// formOf is the reading of a rune whose NFKD form d is one rune or more,
// each a starter of its own form or ASCII (compatibility forms: "，" is
// ",", "ｉ" is "i", "ﬁ" is "fi", a Hangul syllable its letters): each of
// them read in turn. No marks are reordered across such a rune, and a
// segment starts after it, so it is plain.
func formOf(d string) (foldEntry, bool) {
	for _, x := range d {
		if x == utf8.RuneError || x >= utf8.RuneSelf && !nfkdPlain(x) {
			return foldEntry{}, false
		}
	}
	var e foldEntry
	switch b, n := utf8.DecodeRuneInString(d); {
	case n == len(d) && b < utf8.RuneSelf:
		e = foldEntry{lower: b, ascii: lowerTab[b], kind: foldASCII}
	case n == len(d):
		e = classifyRune(b)
	default:
		e = foldEntry{lower: b, kind: foldSeq, seq: d}
	}
	e.plain, e.decomp, e.starter = true, false, true
	e.encode()
	return e, true
}

// nfkdPlain reports whether r is its own NFKD form and a starter: plain.
func nfkdPlain(r rune) bool {
	var buf [utf8.UTFMax]byte
	enc := buf[:utf8.EncodeRune(buf[:], r)]
	p := norm.NFKD.Properties(enc)
	return p.CCC() == 0 && p.BoundaryBefore() && p.Decomposition() == nil && norm.NFKD.IsNormal(enc)
}
