package poisoning

import "strings"

// An override denied or named is no override: "this safety control does
// not ignore previous instructions", "never overrides the user's consent",
// and "ignore previous instructions is an unsafe phrase that reviewers
// should reject". A definition that says its tool keeps to the reader's
// instructions, or that names the attack's words as words (a lesson, a
// filter's example), orders nothing; the order is the words put to the
// reader, not said not to be done nor held up as a specimen. Read in tool
// definitions, where the override cues and the override phrase are.

// deniedOrNamed reports whether the override cue matched from ws[start]
// is denied by the word before it in its sentence, or named as wording by
// the clause after it.
func deniedOrNamed(t string, ws []span, start int) bool {
	if start > 0 && !sentenceBetween(t, ws, start-1, start) {
		prev := t[ws[start-1].start:ws[start-1].end]
		if denials[prev] {
			return true
		}
		if prev == "t" && start > 1 && contractedNot[t[ws[start-2].start:ws[start-2].end]] {
			return true
		}
	}
	for k := start + 1; k < len(ws) && k <= start+8; k++ {
		if sentenceBetween(t, ws, k-1, k) {
			return false
		}
		if w := t[ws[k].start:ws[k].end]; w != "is" && w != "are" {
			continue
		}
		return wordAhead(t, ws, k, 4, wordingNouns)
	}
	return false
}

// deniedOrNamedText is deniedOrNamed for a phrase rule's match m, which
// ends at end in the canonical text.
func deniedOrNamedText(text, m string, end int) bool {
	before := strings.TrimRight(text[:end-len(m)], " ")
	if i := strings.LastIndexByte(before, ' '); i >= 0 {
		before = before[i+1:]
	}
	if denials[before] || strings.HasSuffix(before, "n't") && contractedNot[strings.TrimSuffix(before, "n't")+"n"] {
		return true
	}
	rest := strings.Fields(firstClause(text[end:]))
	for k, w := range rest {
		if k > 6 {
			break
		}
		if w != "is" && w != "are" {
			continue
		}
		for j := k + 1; j < len(rest) && j <= k+4; j++ {
			if wordingNouns[strings.Trim(rest[j], ",;:")] {
				return true
			}
		}
		return false
	}
	return false
}

// firstClause is s up to the end of its sentence.
func firstClause(s string) string {
	if i := strings.IndexAny(s, ".!?\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// denials are the words that say an act is not done when they stand right
// before its verb.
var denials = map[string]bool{"not": true, "never": true, "cannot": true, "doesnt": true, "dont": true, "wont": true, "nor": true, "doesn't": true, "don't": true, "won't": true, "can't": true, "didn't": true}

// contractedNot are the auxiliaries of a contracted "not" ("doesn't", read
// as "doesn" and "t").
var contractedNot = map[string]bool{"doesn": true, "don": true, "won": true, "can": true, "didn": true, "shouldn": true, "mustn": true, "wouldn": true, "isn": true, "aren": true}

// wordingNouns name words as words: what a lesson or a filter calls the
// attack's text it quotes.
var wordingNouns = map[string]bool{
	"phrase": true, "phrases": true, "example": true, "examples": true, "pattern": true, "patterns": true,
	"string": true, "strings": true, "specimen": true, "wording": true, "sample": true, "samples": true,
}
