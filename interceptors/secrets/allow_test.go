package secrets

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode"
)

// sample writes a random string that re matches (anchors aside), choosing
// among alternatives and repetitions at random.
func sample(r *rand.Rand, re *syntax.Regexp, b *strings.Builder) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				// Any member of the case orbit: k, K or the Kelvin sign.
				for range r.IntN(3) {
					c = unicode.SimpleFold(c)
				}
			}
			b.WriteRune(c)
		}
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return
		}
		i := 2 * r.IntN(len(re.Rune)/2)
		lo, hi := re.Rune[i], min(re.Rune[i+1], re.Rune[i]+200)
		b.WriteRune(lo + rune(r.IntN(int(hi-lo)+1)))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte("aZ9_-. /="[r.IntN(9)])
	case syntax.OpCapture:
		sample(r, re.Sub[0], b)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, 3
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
			if hi < 0 || hi > lo+3 {
				hi = lo + 3
			}
		}
		for range lo + r.IntN(hi-lo+1) {
			sample(r, re.Sub[0], b)
		}
	case syntax.OpConcat:
		for _, s := range re.Sub {
			sample(r, s, b)
		}
	case syntax.OpAlternate:
		sample(r, re.Sub[r.IntN(len(re.Sub))], b)
	}
}

// The split and gated allowlist expressions answer exactly what the
// expressions themselves answer, on matching text, near misses, text
// around it and the corpus.
func TestAllowRegexMatchesExpression(t *testing.T) {
	rs, err := defaultRules()
	if err != nil {
		t.Fatal(err)
	}
	var lists []*allowList
	lists = append(lists, rs.global...)
	for _, ru := range rs.rules {
		lists = append(lists, ru.allow...)
	}
	r := rand.New(rand.NewPCG(5, 6))
	lines := strings.Split(corpus(20<<10), "\n")
	pads := []string{"", " ", "x", "key=", "\n", "_", "\u212a", "ſ", "API_", "ey", "=\n"}
	var st allowState
	gated, positives, checks := 0, 0, 0
	for _, l := range lists {
		for _, ar := range l.regexes {
			if len(ar.branches) > 1 || ar.lits != nil {
				gated++
			}
			tree, err := syntax.Parse(ar.re.String(), syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 400 {
				var b strings.Builder
				switch i % 4 {
				case 0, 1:
					b.WriteString(pads[r.IntN(len(pads))])
					sample(r, tree, &b)
					b.WriteString(pads[r.IntN(len(pads))])
				case 2:
					sample(r, tree, &b)
					s := []byte(b.String())
					if len(s) > 0 {
						s[r.IntN(len(s))] = "aZ_.-0 \n"[r.IntN(8)]
					}
					b.Reset()
					b.Write(s)
				default:
					b.WriteString(lines[r.IntN(len(lines))])
				}
				s := b.String()
				want := ar.re.MatchString(s)
				if got := ar.MatchString(s, &st); got != want {
					t.Fatalf("%s on %q: got %v, want %v", ar.re, s, got, want)
				}
				checks++
				if want {
					positives++
				}
			}
		}
	}
	t.Logf("%d checks, %d matches, %d expressions gated", checks, positives, gated)
	if gated == 0 || positives < checks/10 {
		t.Fatalf("the comparison is too weak: %d gated expressions, %d of %d checks match", gated, positives, checks)
	}
}
