package results

import (
	"slices"
	"strings"
)

// consentWords are the words consentWaived's cheap test looks for: every
// match of consentWaivedRe holds one of them ("without" opens its first
// form, one of the verbs ends its second, "not require" is in its third).
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
// would not allow either; places that overlap are read as one, so no byte
// is read twice.
func consentMatch(t string) bool {
	if len(t) <= 4*consentReach {
		return consentWaivedRe.MatchString(t)
	}
	var buf [32][2]int
	spans := buf[:0]
	for _, w := range consentWords {
		for off := 0; ; {
			k := strings.Index(t[off:], w)
			if k < 0 {
				break
			}
			k += off
			spans = append(spans, [2]int{max(k-consentReach, 0), min(k+len(w)+consentReach, len(t))})
			off = k + len(w)
		}
	}
	if len(spans) == 0 {
		return false
	}
	slices.SortFunc(spans, func(x, y [2]int) int { return x[0] - y[0] })
	// merged, then widened to word ends, then merged again where the
	// widening made two meet (each pass in order of start)
	spans = mergeSpans(spans)
	for i := range spans {
		a, b := spans[i][0], spans[i][1]
		for a > 0 && wordByte(t[a-1]) {
			a--
		}
		for b < len(t) && wordByte(t[b]) {
			b++
		}
		spans[i] = [2]int{a, b}
	}
	for _, sp := range mergeSpans(spans) {
		if consentWaivedRe.MatchString(t[sp[0]:sp[1]]) {
			return true
		}
	}
	return false
}

// mergeSpans joins the overlapping or touching spans of sorted (by start),
// in place.
func mergeSpans(sorted [][2]int) [][2]int {
	out := sorted[:1]
	for _, sp := range sorted[1:] {
		last := &out[len(out)-1]
		if sp[0] <= last[1] {
			last[1] = max(last[1], sp[1])
			continue
		}
		out = append(out, sp)
	}
	return out
}

// wordByte reports a byte of \w in a regular expression: [0-9A-Za-z_].
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
