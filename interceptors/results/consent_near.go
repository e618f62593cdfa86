package results

import "strings"

// consentWords are the words the consent signal needs, found by the
// anchor pass: every match of consentWaivedRe holds one of them
// ("without" opens its first form, one of the verbs ends its second,
// "not require" is in its third, "not need", "don’t need" or "longer need" in its fourth).
var consentWords = []string{"without", "lifted", "disabled", "removed", "waived", "suspended", "turned off", "bypassed", "not require",
	"t need ", "longer need "}

// consentReach bounds how far a match of consentWaivedRe reaches from the
// word of consentWords it holds, either way, with a byte beyond it for
// \b: its longest form is 60 bytes ("confirmation requirements have been
// automatically turned off"; TestConsentReach reads the bound from the
// expression).
const consentReach = 64

// consentMatch is consentWaivedRe.MatchString(t), run only around the
// words of consentWords rather than over the whole text: on a long text
// the expression, an alternation with no literal prefix, ran the
// automaton over every byte, most of the check's cost on benign text
// whose words hold a "without" or a "removed" somewhere. at holds the
// offset of every occurrence of those words in t, ascending, as the anchor
// pass finds them (aConsent): none of them overlaps itself or starts
// another, so these are the places a search for each word, from the end
// of its last occurrence on, meets in turn (a search of its own for each
// word was a twentieth of the check). Each place is read with
// consentReach bytes either side, so that a match and the bytes around it
// that \b reads lie inside, and widened to the ends of the words it cuts,
// so that no match can start or end at a cut that the whole text would
// not allow either. Places that overlap are read as one, and the first
// place with a match ends the search.
func consentMatch(t string, at []int) bool {
	if len(t) <= 4*consentReach {
		// (every match names what is waived with one of consentNouns: a
		// short text with none is passed over as a place is)
		return containsAny(t, consentNouns...) && consentWaivedRe.MatchString(t)
	}
	a, b := -1, -1 // the place being gathered
	for _, k := range at {
		n := consentWordAt(t, k)
		if n == 0 {
			continue
		}
		c, d := max(k-consentReach, 0), min(k+n+consentReach, len(t))
		if a >= 0 && c <= b {
			b = max(b, d)
			continue
		}
		if a >= 0 && consentAround(t, a, b) {
			return true
		}
		a, b = c, d
	}
	return a >= 0 && consentAround(t, a, b)
}

// consentWordAt returns the length of the word of consentWords at t[k:],
// or 0.
func consentWordAt(t string, k int) int {
	for _, w := range consentWords {
		if strings.HasPrefix(t[k:], w) {
			return len(w)
		}
	}
	return 0
}

// consentNouns: every match of consentWaivedRe names what is waived with
// one of these (the approval or consent of its first and third forms, the
// restrictions, safety checks, approval or confirmation steps of its
// second, the asking or consulting of the user left out), so a place with none of them is passed over without running
// the expression: "without" and "removed" are common words of
// documentation.
var consentNouns = []string{"approval", "confirmation", "consent", "permission", "restrictions", "safety ", "asking", "consulting",
	"checking with", "confirming with", "prompting"}

// consentAround is consentWaivedRe.MatchString(t[a:b]), the place widened
// to the ends of the words it cuts.
func consentAround(t string, a, b int) bool {
	for a > 0 && wordByte(t[a-1]) {
		a--
	}
	for b < len(t) && wordByte(t[b]) {
		b++
	}
	return consentNounsFind.in(t[a:b]) && consentWaivedRe.MatchString(t[a:b])
}

// wordByte reports a byte of \w in a regular expression: [0-9A-Za-z_].
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
