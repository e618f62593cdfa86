package results

import (
	"strings"
	"testing"
)

// TestObeyAbroadOwnImplied checks that every string obeyAbroadRe matches
// holds one of obeyAbroadOwn (its language is finite and listed whole),
// and that on the tuning texts of the corpus the expression never matches
// a span obeyedAbroad reads without one.
func TestObeyAbroadOwnImplied(t *testing.T) {
	for _, w := range languageOf(t, obeyAbroadRe) {
		if !containsAny(w, obeyAbroadOwn...) {
			t.Errorf("%q holds none of obeyAbroadOwn", w)
		}
	}
	for _, e := range loadEval(t) {
		if e.split != "tuning" {
			continue
		}
		s := lowerASCII(e.Text)
		var at anchorIndex
		at.find(s)
		for _, i := range at[aObeyAbroad] {
			span := strings.ToLower(s[max(0, i-8):min(len(s), i+80)])
			if obeyAbroadRe.MatchString(span) && !containsAny(span, obeyAbroadOwn...) {
				t.Errorf("obeyAbroadRe matches without obeyAbroadOwn: %q", span)
			}
		}
	}
}
