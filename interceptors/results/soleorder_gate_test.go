package results

import (
	"regexp"
	"strings"
	"testing"
)

// TestSoleAnswerNounsCover checks the cheap test before soleAnswerOrdered's
// expressions: every noun soleAnswerRe ends on holds one of
// soleAnswerNouns, and on the tuning texts of the corpus the expression
// never matches where none is.
func TestSoleAnswerNounsCover(t *testing.T) {
	groups := regexp.MustCompile(`\(\?:([a-z|]+)\)\\b`).FindAllStringSubmatch(soleAnswerRe.String(), -1)
	if len(groups) != 2 {
		t.Fatalf("soleAnswerRe: %d groups of nouns, want 2", len(groups))
	}
	for _, g := range groups {
		for _, w := range strings.Split(g[1], "|") {
			if !containsAny(w, soleAnswerNouns...) {
				t.Errorf("soleAnswerRe's %q holds none of soleAnswerNouns", w)
			}
		}
	}
	for _, e := range loadEval(t) {
		if e.split != "tuning" {
			continue
		}
		low, buf := lowered(e.Text)
		if soleAnswerRe.MatchString(low) && !containsAny(low, soleAnswerNouns...) {
			t.Errorf("soleAnswerRe matches a text with none of soleAnswerNouns: %.80q", low)
		}
		release(buf)
	}
}
