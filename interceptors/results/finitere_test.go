package results

import (
	"regexp"
	"regexp/syntax"
	"testing"
)

// languageOf is finiteLanguage of the expression re (no case folding),
// each string checked to be matched by it: a gate tested on each of them
// is proved for the expression, as a text it matches holds one of them.
func languageOf(t *testing.T, re *regexp.Regexp) []string {
	t.Helper()
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	words := finiteLanguage(t, tree.Simplify())
	if len(words) == 0 {
		t.Fatalf("%s: no strings listed", re)
	}
	for _, w := range words {
		if !re.MatchString(w) {
			t.Fatalf("%q listed but not matched", w)
		}
	}
	return words
}
