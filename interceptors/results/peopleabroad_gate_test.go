package results

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestPeopleAbroadLists checks that personalAbroadWords and
// tellAbroadWords are the languages of personalAbroadRe and tellAbroadRe
// (so a search for each word is the expression), and that every match of
// livesAbroadRe holds one of livesAbroadVerbs: the expression up to the
// person's name has a finite language, listed whole, and every match
// begins with one of its strings.
func TestPeopleAbroadLists(t *testing.T) {
	for _, c := range []struct {
		re    *regexp.Regexp
		words []string
	}{{personalAbroadRe, personalAbroadWords}, {tellAbroadRe, tellAbroadWords}} {
		got := slices.Clone(languageOf(t, c.re))
		want := slices.Clone(c.words)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: language %q, listed %q", c.re, got, want)
		}
	}
	src := livesAbroadRe.String()
	head := strings.NewReplacer(` (?:\p{Lu}\p{Ll}+ ?){1,2}`, " ", ` \p{Lu}`, " ").Replace(src)
	if strings.Contains(head, `\p`) || head == src {
		t.Fatalf("livesAbroadRe's name not cut: %s", head)
	}
	for _, w := range languageOf(t, regexp.MustCompile(head)) {
		if !containsAny(w, livesAbroadVerbs...) {
			t.Errorf("%q holds none of livesAbroadVerbs", w)
		}
	}
}
