package literals

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

func TestNeededLiterals(t *testing.T) {
	for _, c := range []struct {
		re   string
		want []string // nil: no literal set
	}{
		{`access(?:ibility|or)`, []string{"accessibility", "accessor"}},
		{`(?i)key[_.-]?id`, []string{"key-id", "key.id", "key_id", "keyid"}},
		{`[a-z0-9-]*?api[a-z0-9-]*?:jar:`, []string{":jar:"}},
		{`^[a-zA-Z_.-]+$`, nil},
		{`(?i)^true|false|null$`, []string{"true", "false", "null"}},
		{`a|bc`, nil}, // "a" is too short to be worth it
		{`.+EXAMPLE$`, []string{"example"}},
	} {
		tree, err := syntax.Parse(c.re, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := Needed(tree)
		if ok != (c.want != nil) || strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("Needed(%s) = %q, %v; want %q", c.re, got, ok, c.want)
		}
	}
}

func TestMustNeeded(t *testing.T) {
	if got := strings.Join(MustNeeded(regexp.MustCompile(`\b(repeat|roll ?back)\s+the`)), ","); got != "repeat,roll back,rollback" {
		t.Errorf("MustNeeded = %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustNeeded of an expression without a literal set did not panic")
		}
	}()
	MustNeeded(regexp.MustCompile(`[a-z]+`))
}
