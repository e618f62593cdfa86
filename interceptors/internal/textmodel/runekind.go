package textmodel

import (
	"sync/atomic"
	"unicode"
)

// A rune beyond ASCII is read by nextWord through two Unicode look-ups,
// whether it is a letter and whether it is Han, kana or Hangul (five
// tables searched in all): text in another script paid them for every
// letter, some 600 instructions a word of Chinese or Japanese. The
// answers depend on the rune alone, so they are kept in a table, filled a
// block of 256 runes at a time as text first reaches it (as the
// poisoning check's fold keeps its own).

// runeKind is what nextWord makes of a rune beyond ASCII.
type runeKind uint8

const (
	runeOther  runeKind = iota // not a letter: ends a word, is none
	runeIdeo                   // Han, kana or Hangul: a word of its own (ideographic)
	runeLetter                 // any other letter: part of a word
)

// runeKindEnd is the end of the runes the table holds (the first two
// planes: every script in use); the rest is read each time.
const runeKindEnd = 0x20000

var runeKindBlocks [runeKindEnd >> 8]atomic.Pointer[[256]runeKind]

// kindOf returns the kind of r, a rune beyond ASCII: unicode.IsLetter and
// ideographic's answer, from the table.
func kindOf(r rune) runeKind {
	if uint32(r) >= runeKindEnd {
		return kindOfRune(r)
	}
	k := r >> 8
	b := runeKindBlocks[k].Load()
	if b == nil {
		// filled by whoever comes first; two callers at once fill the
		// same answers
		b = new([256]runeKind)
		for i := range b {
			b[i] = kindOfRune(k<<8 | rune(i))
		}
		runeKindBlocks[k].Store(b)
	}
	return b[r&0xff]
}

// kindOfRune is kindOf's answer computed.
func kindOfRune(r rune) runeKind {
	switch {
	case !unicode.IsLetter(r):
		return runeOther
	case ideographic(r):
		return runeIdeo
	}
	return runeLetter
}
