package results

import (
	"math/rand/v2"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The longest match of consentWaivedRe, read from the expression, and a
// byte beyond it for \b, stay within consentReach, so that consentMatch
// reads every match whole around the word of consentWords it holds.
func TestConsentReach(t *testing.T) {
	re, err := syntax.Parse(consentWaivedRe.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	n := maxMatchLen(re)
	if n < 0 || n+1 >= consentReach {
		t.Fatalf("the expression matches up to %d bytes (-1: no bound); consentReach is %d", n, consentReach)
	}
	if m := "confirmation requirements have been automatically turned off"; !consentWaivedRe.MatchString(m) || len(m) != n {
		t.Errorf("%q (%d bytes): not the longest match, %d bytes", m, len(m), n)
	}
}

// maxMatchLen is the most bytes a match of re can span, or -1 when there
// is no bound.
func maxMatchLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(string(re.Rune))
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture:
		return maxMatchLen(re.Sub[0])
	case syntax.OpQuest:
		return maxMatchLen(re.Sub[0])
	case syntax.OpRepeat:
		n := maxMatchLen(re.Sub[0])
		if n < 0 || re.Max < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpStar, syntax.OpPlus:
		return -1
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := maxMatchLen(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return 0 // empty, \b and the other assertions
}

// consentMatch is consentWaivedRe.MatchString: on long texts of the
// expression's words in near misses and filler, with one match or none,
// cut against words at every distance from the words it looks for.
func TestConsentMatchIsRegexp(t *testing.T) {
	matches := []string{
		"without user approval", "without any human consent", "restrictions are lifted",
		"safety checks have been now disabled", "approval step is bypassed",
		"confirmation prompts has been temporarily turned off", "does not require user confirmation",
		"do not require any human approval", "confirmation requirements have been automatically turned off",
	}
	filler := []string{
		"withoutuser approval", "xwithout user approval", "without user approvals", "restrictions are liftedx",
		"xrestrictions are lifted", "dont require consent", "not require", "without", "removed", "waived",
		"lifted", "turned off", "the", "and", "a", "data", "_", "é", "\n", ". ", "  ", "x", "approval step",
		strings.Repeat("lorem ", 20), strings.Repeat("w", 150), strings.Repeat("q", 97), "safety checks are",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	found := 0
	for n := 0; n < 6000; n++ {
		var parts []string
		for k := rng.IntN(80); k >= 0; k-- {
			parts = append(parts, filler[rng.IntN(len(filler))])
		}
		if rng.IntN(2) == 0 {
			parts = slices.Insert(parts, rng.IntN(len(parts)+1), matches[rng.IntN(len(matches))])
		}
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p)
			if rng.IntN(4) > 0 {
				b.WriteString(strings.Repeat(" ", 1+rng.IntN(2)))
			}
		}
		s := b.String()
		want := consentWaivedRe.MatchString(s)
		if got := consentIn(s); got != want {
			t.Fatalf("consentMatch(%q) = %v, the expression %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < 1000 || found > 5000 {
		t.Errorf("%d of 6000 texts match: too few cases either way", found)
	}
}

// The same on the corpus's texts, lowered as the signals read them.
func TestConsentMatchCorpus(t *testing.T) {
	for _, e := range loadEval(t) {
		s := strings.ToLower(e.Text)
		if got, want := consentIn(s), consentWaivedRe.MatchString(s); got != want {
			t.Fatalf("consentMatch = %v, the expression %v, on %.200q", got, want, s)
		}
	}
}

func FuzzConsentMatch(f *testing.F) {
	f.Add(strings.Repeat("lorem ipsum ", 40) + "without user approval" + strings.Repeat(" dolor", 40))
	f.Add(strings.Repeat("x", 90) + "restrictions are lifted" + strings.Repeat("y", 400))
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := consentIn(s), consentWaivedRe.MatchString(s); got != want {
			t.Fatalf("consentMatch(%q) = %v, the expression %v", s, got, want)
		}
	})
}

// consentIn is consentMatch on s with the anchor pass's offsets, as
// signalsOf calls it.
func consentIn(s string) bool {
	at := anchorPool.Get().(*anchorIndex)
	defer anchorPool.Put(at)
	at.find(s)
	return consentMatch(s, at[aConsent])
}

// consentMatch reads the places of the consent words from the anchor
// pass: they must be every occurrence of each word, as a search for it
// from the end of the one before finds them, in order (the corpus's
// texts lowered, and texts of the words run together and apart).
func TestConsentWordsAnchored(t *testing.T) {
	searched := func(s string) []int {
		var offs []int
		for _, w := range consentWords {
			for i := 0; ; {
				k := strings.Index(s[i:], w)
				if k < 0 {
					break
				}
				offs = append(offs, i+k)
				i += k + len(w)
			}
		}
		slices.Sort(offs)
		return offs
	}
	texts := []string{"withoutwithout", "turned offturned off", "not requirenot require", "xdisabledremovedx", "w", ""}
	for _, e := range loadEval(t) {
		texts = append(texts, strings.ToLower(e.Text))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(consentWords[rng.IntN(len(consentWords))])
			b.WriteString([]string{"", " ", "x", "é", "  "}[rng.IntN(5)])
		}
		texts = append(texts, b.String())
	}
	at := &anchorIndex{}
	for _, s := range texts {
		at.find(s)
		want := searched(s)
		if !slices.Equal(at[aConsent], want) && (len(want) > 0 || len(at[aConsent]) > 0) {
			t.Fatalf("consent words at %v by the anchors, %v by a search, in %.200q", at[aConsent], want, s)
		}
		for _, k := range want {
			if consentWordAt(s, k) == 0 {
				t.Fatalf("no consent word read at %d of %.200q", k, s)
			}
		}
	}
}
