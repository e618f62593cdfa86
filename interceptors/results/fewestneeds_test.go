package results

import (
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/literals"
)

// TestFewestNeeds checks that fewestNeeds keeps a set's searches whole:
// on crafted sets and texts, containsAny with the set and with what it
// returns agree, and every string dropped holds one kept.
func TestFewestNeeds(t *testing.T) {
	sets := [][]string{
		{"replace", "replacing", "insert", "inserting", "append", "appending"},
		{"ab", "abc", "xabcx", "b", "ab"},
		{"visible to ", "visible only to ", "invisible from the human", "visible to "},
		fillWithUserNeeds, forTheMachineNeeds, harmAimNeeds, reproduceVerbs,
		literals.MustNeeded(answerMomentRe), literals.MustNeeded(promoteRe),
	}
	texts := []string{"", "inserting", "replacement", "a b c", "xabcx", "only b", "invisible to all", "visible only to you", "nothing here"}
	for _, set := range sets {
		few := fewestNeeds(set)
		for _, s := range set {
			if !containsAny(s, few...) {
				t.Errorf("%q dropped from %q holds none kept", s, set)
			}
		}
		for _, s := range append(texts, set...) {
			if containsAny(s, set...) != containsAny(s, few...) {
				t.Errorf("%q: set %q and %q disagree", s, set, few)
			}
		}
	}
	if got := fewestNeeds([]string{"ab", "abc", "xabcx", "b", "ab"}); len(got) != 1 || got[0] != "b" {
		t.Errorf("fewestNeeds = %q, want [b]", got)
	}
}
