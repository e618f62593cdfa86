package poisoning

// Judging free text with the same normaliser and signals as tool
// definitions: the results check reads what tools return with it.

import (
	"encoding/binary"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/wordbytes"
)

// TextVerdict is what the signal scorer found in one text.
type TextVerdict struct {
	Score int
	// Names are the signals that fired, for code ("override", "tag",
	// "secret+verb" for a secret beside a verb of sending).
	Names []string
	cue   string // the cue of the strongest signal
}

// Signals names the signals that fired and the strongest cue, for people:
// "score 6: override, tag ("ignore ~ previous")". It is written only when
// asked for: most verdicts on a long result are dropped for a higher one.
func (v TextVerdict) Signals() string {
	if v.Score == 0 {
		return ""
	}
	return detailText(v.Score, v.Names, v.cue)
}

// ScoreText normalises s (confusables, invisible characters, spacing,
// encodings) and scores the instructions addressed to a model in it.
func ScoreText(s string) TextVerdict {
	ev := textEvidence.Get().(*evidence)
	defer textEvidence.Put(ev)
	ev.reset()
	ev.text(textPath, s)
	if ev.score() == 0 {
		return TextVerdict{}
	}
	names := ev.names()
	return TextVerdict{Score: ev.score(), Names: names, cue: ev.example[ev.top()]}
}

// textEvidence keeps the buffers of ScoreText between calls: a result is
// judged window by window, and each would allocate them again.
var textEvidence = sync.Pool{New: func() any { return new(evidence) }}

var textPath = []string{"text"}

// Canonical appends to dst the form of s the scorer judges (confusables
// mapped, invisible characters dropped, spacing undone, lower case): the
// results check's learned model reads its words in the same form.
func Canonical(dst []byte, s string) []byte {
	dst, _ = canonical(dst, s)
	return dst
}

// CanonicalWords appends to dst a text whose words are those of
// Canonical's output (its runs of letters and digits, and the letters of
// other scripts: none here but where Canonical's are), the words a model
// of the text reads, at a fraction of the cost for most text: ASCII in
// which no four one-character words come in a row is only lower-cased,
// and so is text whose only other characters are punctuation and symbols
// that Canonical keeps as they are. Canonical changes nothing else about
// the letters and digits of such text: it joins only letters spread out
// ("i g n o r e", "i-g-n-o-r-e"), four or more, and only other text goes
// through its other changes. Any other text is Canonical's.
func CanonicalWords(dst []byte, s string) []byte {
	start := len(dst)
	dst = LowerASCII(dst, s)
	if loweredWords(dst[start:], s) {
		return dst
	}
	return Canonical(dst[:start], s)
}

// CanonicalWordsOf is CanonicalWords for a caller that has s lowered
// already (lower is LowerASCII of s, as the results check's signals read
// it): where that is the answer, most text, it returns lower itself
// rather than a copy, to be read only; otherwise it appends Canonical's
// form to dst. (Lowering and copying the text again cost the results
// check's model about one instruction in twenty.)
func CanonicalWordsOf(dst []byte, s, lower string) []byte {
	b := unsafe.Slice(unsafe.StringData(lower), len(lower)) // read only
	if loweredWords(b, s) {
		return b
	}
	return Canonical(dst, s)
}

// loweredWords reports whether lower, s lowered, has Canonical's words.
// Such text goes through canonicalASCII, which keeps letters and digits as
// they are lowered and punctuation as it is, unless it may be letter-spaced
// and then holds a wide space or spacedOutASCII finds it is (the general
// path then joins letters). spacedOutASCII finds four one-character words
// one byte apart ("i g n o r e", "i-g-n-o-r-e"); only text that has some
// is checked.
func loweredWords(lower []byte, s string) bool {
	ascii, spread := plainWords(lower)
	switch {
	case !spread && (ascii || keptRunes(s)):
		return true
	case spread && ascii && !spacedOutASCII(s):
		return true
	}
	return false
}

// keptRunes reports whether canonicalASCII keeps every rune of s beyond
// ASCII as it is: punctuation and symbols, no letters, marks, spaces,
// hidden characters or compatibility forms.
func keptRunes(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if k := plainRune(r); k != runeSeparator && k != runeWordPart {
			return false
		}
		i += n
	}
	return true
}

// plainWords reports whether b, lowered, is ASCII, and whether four
// one-character runs of ASCII letters and digits lie one byte apart in
// it, as letters spread out do ("i g n o r e", "i-g-n-o-r-e"; any other
// byte separates runs). It reads b eight bytes at a time into a mask of
// the letters and digits of each 64 bytes, and finds the one-character
// runs and four of them one byte apart with a few shifts of the mask: a
// few instructions for 64 bytes rather than a branch a byte.
func plainWords(b []byte) (ascii, spread bool) {
	m, ascii := alnumMask(b, 0)
	var prev uint64   // whether the last byte of the block before is a letter or a digit
	var before uint64 // the one-character runs of the block before
	for i := 0; i < len(b); i += 64 {
		next := uint64(0) // the same for the first byte of the next block
		var nm uint64
		if i+64 < len(b) {
			var ok bool
			nm, ok = alnumMask(b, i+64)
			next, ascii = nm&1, ascii && ok
		}
		// runs that start and end at a bit: no letter or digit on
		// either side
		single := m &^ (m<<1 | prev) &^ (m>>1 | next<<63)
		// four of them one byte apart: starting in this block, and
		// starting in the last six bytes of the one before (bit 6 of
		// across is the block's first byte)
		across := single<<6 | before>>58
		if single&(single>>2)&(single>>4)&(single>>6) != 0 || across&(across>>2)&(across>>4)&(across>>6) != 0 {
			spread = true
		}
		prev, before, m = m>>63, single, nm
	}
	return ascii, spread
}

// alnumMask returns the mask of the letters and digits of the block of 64
// bytes of b from i (bit k for b[i+k]; fewer at the end of b), and whether
// the block is ASCII.
func alnumMask(b []byte, i int) (m uint64, ascii bool) {
	const top = 0x8080808080808080
	if i+64 <= len(b) {
		var high uint64
		for k := 0; k < 8; k++ {
			w := binary.LittleEndian.Uint64(b[i+8*k:])
			high |= w
			m |= gatherTop(^wordbytes.NotAlnum(w)&top) << (8 * k)
		}
		return m, high&top == 0
	}
	ascii = true
	for k, c := range b[i:] {
		ascii = ascii && c < utf8.RuneSelf
		if alnumTab[c] {
			m |= 1 << k
		}
	}
	return m, ascii
}

// gatherTop packs the top bits of the eight bytes of w (w has no other
// bit set) into the low eight bits, byte k's bit at bit k.
func gatherTop(w uint64) uint64 {
	return (w >> 7) * 0x0102040810204080 >> 56
}
