package poisoning

// Judging free text with the same normaliser and signals as tool
// definitions: the results check reads what tools return with it.

import (
	"encoding/binary"
	"math/bits"
	"sync"
	"unicode/utf8"
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

// CanonicalWords appends to dst a text whose runs of letters and digits
// are those of Canonical's output, the words a model of the text reads,
// at a fraction of the cost for most text: ASCII in which no four one-
// character words come in a row is only lower-cased. Canonical changes
// nothing else about the letters and digits of ASCII text: it joins only
// letters spread out ("i g n o r e", "i-g-n-o-r-e"), four or more, and
// only text that is not ASCII goes through its other changes. Any other
// text is Canonical's.
func CanonicalWords(dst []byte, s string) []byte {
	start := len(dst)
	dst = LowerASCII(dst, s)
	// ASCII text goes through canonicalASCII, which keeps letters and
	// digits as they are lowered here, unless it may be letter-spaced and
	// spacedOutASCII finds it is (the general path then joins letters):
	// four one-character words in a row may be, and are checked.
	if ascii, singles := plainWords(dst[start:]); ascii && (!singles || !spacedOutASCII(s)) {
		return dst
	}
	return Canonical(dst[:start], s)
}

// plainWords reports whether b, lowered, is ASCII, and whether four
// one-character runs of letters and digits come in a row in it. It reads b eight bytes at a time into a
// mask of the letters and digits of 64 bytes, and then passes from run to
// run of the mask: a few instructions a word rather than a branch a byte.
func plainWords(b []byte) (ascii, singles4 bool) {
	const top = 0x8080808080808080
	singles := 0 // one-character runs in a row
	run := 0     // bytes of the run the last block ended in, or 0
	for i := 0; i < len(b); i += 64 {
		var m uint64 // bit k: b[i+k] is a letter or a digit
		if i+64 <= len(b) {
			for k := 0; k < 8; k++ {
				w := binary.LittleEndian.Uint64(b[i+8*k:])
				if w&top != 0 {
					return false, false
				}
				m |= gatherTop(^notAlnum(w)&top) << (8 * k)
			}
		} else {
			for k, c := range b[i:] {
				if c >= utf8.RuneSelf {
					return false, false
				}
				if alnumTab[c] {
					m |= 1 << k
				}
			}
		}
		// from run to run: k is the bit read up to
		for k := 0; k < 64; {
			if run > 0 {
				n := bits.TrailingZeros64(^(m >> k)) // the run goes on for n bytes
				run += n
				if k += n; k == 64 {
					break // and perhaps into the next block
				}
				if singles = (singles + 1) * b2i(run == 1); singles >= 4 {
					singles4 = true // the rest is only read for ASCII
				}
				run = 0
			}
			rest := m >> k
			if rest == 0 {
				break
			}
			k += bits.TrailingZeros64(rest)
			run = 1
			k++
		}
	}
	return true, singles4 || run == 1 && singles >= 3
}

// gatherTop packs the top bits of the eight bytes of w (w has no other
// bit set) into the low eight bits, byte k's bit at bit k.
func gatherTop(w uint64) uint64 {
	return (w >> 7) * 0x0102040810204080 >> 56
}
