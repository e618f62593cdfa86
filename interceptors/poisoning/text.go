package poisoning

// Judging free text with the same normaliser and signals as tool
// definitions: the results check reads what tools return with it.

import (
	"slices"
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
	dst = slices.Grow(dst, len(s))
	out := dst[start : start+len(s)]
	run, singles := 0, 0 // the current word, one-character words in a row
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return Canonical(dst[:start], s)
		}
		c = lowerTab[c]
		out[i] = c
		if alnumTab[c] {
			run++
			continue
		}
		switch run {
		case 0:
		case 1:
			if singles++; singles >= 4 {
				return Canonical(dst[:start], s)
			}
		default:
			singles = 0
		}
		run = 0
	}
	if run == 1 && singles >= 3 {
		return Canonical(dst[:start], s)
	}
	return dst[:start+len(s)]
}
