package results

import (
	"regexp"
	"strings"
	"testing"
)

// TestMakerNounsImplied checks that every match of makerAbroadRe holds
// one of makerNouns: with the Russian alternative's opening, what comes
// before "я" (no letter, or the start), cut, the expression's language is
// finite and listed whole, and every match holds one of its strings.
func TestMakerNounsImplied(t *testing.T) {
	src := makerAbroadRe.String()
	cut := strings.Replace(src, `(?:^|[^\p{L}])`, "", 1)
	if cut == src || strings.Contains(cut, `\p`) {
		t.Fatalf("makerAbroadRe's opening not cut: %s", cut)
	}
	words := languageOf(t, regexp.MustCompile(cut))
	for _, w := range words {
		if !containsAny(w, makerNouns...) {
			t.Errorf("%q holds none of makerNouns", w)
		}
	}
	if len(words) < 90 {
		t.Errorf("only %d strings listed", len(words))
	}
}
