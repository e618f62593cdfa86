package literals

import (
	"math/rand/v2"
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

func TestWordStarts(t *testing.T) {
	for _, c := range []struct {
		re   string
		want []string // nil: none
	}{
		{`\b(commend|praise)s?\b`, []string{"commend", "praise"}},
		{`\b(commend|commends|commendation)\b`, []string{"commend"}},
		{`\b(as|since) (it|this) is`, []string{"as it is", "as this is", "since it is", "since this is"}},
		{`\b(do not|don't) (flag|report)|\bskip (the )?review`, []string{"do not flag", "do not report", "don't flag", "don't report", "skip the review", "skip review"}},
		{`\b(end|stop)( the)?[^.]{0,9}$`, []string{"end", "stop"}},
		{`(?i)\b(end|stop)`, nil}, // case folded
		{`\b(End|stop)`, nil},     // upper case
		{`\b(end|-stop)`, nil},    // not a word's first byte
		{`\b(a|end)?x`, []string{"ax", "endx", "x"}},
		{`(^|\s)hidden\b`, nil}, // no \b first
		{`\bend|stop`, nil},     // one branch without \b
		{`\b(can\s+you|please) (extract|dump)`, []string{"can\t", "can\n", "can\f", "can\r", "can ", "please"}},
		{`\b(no (further|more) (review|checks?)( is)? needed|skip[a-z]*)`, []string{"no further review is needed", "no further review needed", "no further checks is needed", "no further checks needed", "no further check is needed", "no further check needed", "no more review is needed", "no more review needed", "no more checks is needed", "no more checks needed", "no more check is needed", "no more check needed", "skip"}},
		{`\b[a-z]+ing`, nil}, // no strings
	} {
		tree, err := syntax.Parse(c.re, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := WordStarts(tree)
		if ok != (c.want != nil) || strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("WordStarts(%s) = %q, %v; want %q", c.re, got, ok, c.want)
		}
	}
}

// TestAtWordStartOfMatches checks that every text an expression matches
// passes AtWordStart with its WordStarts, on random texts of the
// expressions' own words, blanks, punctuation and bytes beyond ASCII.
func TestAtWordStartOfMatches(t *testing.T) {
	res := []string{
		`\b(commend|commends|endorse|praise|nod (to|commending))\b`,
		`\b(as|since|because) (this|it) (is|'s) ([a-z]+ )?(requ[a-z]*|needed)\b`,
		`\b(do not|don't) (flag|report)|\bskip (the |this )?(review|check)|\bauto-?approve\b`,
		`\b(all|every|each)( of)?( the)? (sentences?|words?)( (in|of))? (our|your) $`,
		`\b(add|include|insert)\b[^.\n]{0,20}$`,
		`\bnod\B[a-z]*|\b(praise|skip)\b(\s+\w+){0,2}(?m:$)`,
		`\b(can\s+you|please) (extract|dump)|\b(no (further|more) (review|checks?)( is)? needed|skip[a-z]*)`,
	}
	pieces := []string{"commend", "re", "s", "endorse", "praise", "nod", "to", "as", "since", "it", "this", "is", "'s", "required", "needed",
		"do", "not", "don't", "flag", "skip", "the", "review", "auto", "-", "approve", "all", "every", "of", "sentence", "words", "in", "our", "your",
		"add", "include", "insert", "as this is", "since it's", "because it is ", "all of the sentences of our ", "each word in your ", "can", "you", "please", "extract", "dump", "no further review", "more", "check", "checks", "needed", "skipping", "_", "x", "9", " ", " ", " ", ".", "\n", "é", "\u00a0", "'"}
	seps := []string{" ", " ", " ", " ", "", "", ".", "\n", "é", "_", "-"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, src := range res {
		re := regexp.MustCompile(src)
		set := MustWordStarts(re)
		anchored, ok := Anchored(re)
		if !ok {
			t.Fatalf("Anchored(%s) refused", src)
		}
		matched := 0
		for range 60000 {
			var b strings.Builder
			for n := rng.IntN(12); n > 0; n-- {
				b.WriteString(pieces[rng.IntN(len(pieces))])
				b.WriteString(seps[rng.IntN(len(seps))])
			}
			s := b.String()
			m := re.MatchString(s)
			if m {
				matched++
				if !AtWordStart(s, set) {
					t.Fatalf("%s matches %q, which AtWordStart(%q) refuses", src, s, set)
				}
			}
			anyAt := false
			for p := range WordStartsIn(s, set) {
				if anchored.MatchString(s[p:]) {
					anyAt = true
					break
				}
			}
			if anyAt != m {
				t.Fatalf("%s: MatchString(%q) = %v, from its word starts %v", src, s, m, anyAt)
			}
		}
		if matched < 40 {
			t.Errorf("%s: only %d texts matched", src, matched)
		}
	}
}

func TestAnchoredRefusesStarts(t *testing.T) {
	for _, src := range []string{`\b(add|x)^y`, `\b(add)\n(?m:^)x`, `\b(add)|\Ax`, `(add|x)`} {
		if _, ok := Anchored(regexp.MustCompile(src)); ok {
			t.Errorf("Anchored(%s) did not refuse", src)
		}
	}
}
