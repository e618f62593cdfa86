package results

import "strings"

// consentWords are the words the consent signal needs, found by the
// anchor pass: every match of consentWaivedRe holds one of them
// ("without" opens its first form, one of the verbs ends its second,
// "not require" is in its third).
var consentWords = []string{"without", "lifted", "disabled", "removed", "waived", "suspended", "turned off", "bypassed", "not require"}

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
// whose words hold a "without" or a "removed" somewhere. Each place is
// read with consentReach bytes either side, so that a match and the bytes
// around it that \b reads lie inside, and widened to the ends of the words
// it cuts, so that no match can start or end at a cut that the whole text
// would not allow either. The words are met in the order of the text (the
// next of each kept), places that overlap are read as one, and the first
// place with a match ends the search.
func consentMatch(t string) bool {
	if len(t) <= 4*consentReach {
		return consentWaivedRe.MatchString(t)
	}
	// next[w]: where consentWords[w] is next found, or -1
	var buf [16]int
	next := buf[:len(consentWords)]
	for w, word := range consentWords {
		next[w] = strings.Index(t, word)
	}
	a, b := -1, -1 // the place being gathered
	for {
		w := -1
		for k, at := range next {
			if at >= 0 && (w < 0 || at < next[w]) {
				w = k
			}
		}
		if w >= 0 {
			k, word := next[w], consentWords[w]
			if i := strings.Index(t[k+len(word):], word); i >= 0 {
				next[w] = k + len(word) + i
			} else {
				next[w] = -1
			}
			c, d := max(k-consentReach, 0), min(k+len(word)+consentReach, len(t))
			if a >= 0 && c <= b {
				b = max(b, d)
				continue
			}
			if a >= 0 && consentAround(t, a, b) {
				return true
			}
			a, b = c, d
			continue
		}
		return a >= 0 && consentAround(t, a, b)
	}
}

// consentNouns: every match of consentWaivedRe names what is waived with
// one of these (the approval or consent of its first and third forms, the
// restrictions, safety checks, approval or confirmation steps of its
// second), so a place with none of them is passed over without running
// the expression: "without" and "removed" are common words of
// documentation.
var consentNouns = []string{"approval", "confirmation", "consent", "permission", "restrictions", "safety "}

// consentAround is consentWaivedRe.MatchString(t[a:b]), the place widened
// to the ends of the words it cuts.
func consentAround(t string, a, b int) bool {
	for a > 0 && wordByte(t[a-1]) {
		a--
	}
	for b < len(t) && wordByte(t[b]) {
		b++
	}
	return containsAny(t[a:b], consentNouns...) && consentWaivedRe.MatchString(t[a:b])
}

// wordByte reports a byte of \w in a regular expression: [0-9A-Za-z_].
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
