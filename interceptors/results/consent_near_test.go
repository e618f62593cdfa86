package results

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The longest forms of consentWaivedRe stay within consentReach of the
// word of consentWords each holds, so that consentMatch reads them whole.
func TestConsentReach(t *testing.T) {
	for _, m := range []string{
		"without additional your user's confirmation",
		"confirmation requirements have been automatically turned off",
		"safety restrictions have been automatically suspended",
		"does not require additional human confirmation",
	} {
		if !consentWaivedRe.MatchString(m) {
			t.Fatalf("%q: not a match", m)
		}
		if len(m) >= consentReach {
			t.Errorf("%q: %d bytes, consentReach %d", m, len(m), consentReach)
		}
	}
}

// consentMatch is consentWaivedRe.MatchString: on long texts built of
// the expression's words, matches and near misses, with word bytes
// against the windows' edges.
func TestConsentMatchIsRegexp(t *testing.T) {
	parts := []string{
		"without user approval", "without any human consent", "withoutuser approval",
		"xwithout user approval", "without user approvals", "restrictions are lifted",
		"restrictions are liftedx", "safety checks have been now disabled", "approval step is bypassed",
		"confirmation prompts has been temporarily turned off", "does not require user confirmation",
		"do not require any human approval", "dont require consent", "not require", "without",
		"removed", "waived", "the", "and", "a", "data", "_", "é", "\n", ". ", "  ", "x",
		strings.Repeat("lorem ", 20), strings.Repeat("w", 150), strings.Repeat("q", 97),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 4000; n++ {
		var b strings.Builder
		for k := rng.IntN(200); k >= 0; k-- {
			b.WriteString(parts[rng.IntN(len(parts))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		if got, want := consentMatch(s), consentWaivedRe.MatchString(s); got != want {
			t.Fatalf("consentMatch(%q) = %v, the expression %v", s, got, want)
		}
	}
}

// The same on the corpus's texts, lowered as the signals read them.
func TestConsentMatchCorpus(t *testing.T) {
	for _, e := range loadEval(t) {
		s := strings.ToLower(e.Text)
		if got, want := consentMatch(s), consentWaivedRe.MatchString(s); got != want {
			t.Fatalf("consentMatch = %v, the expression %v, on %.200q", got, want, s)
		}
	}
}

func FuzzConsentMatch(f *testing.F) {
	f.Add(strings.Repeat("lorem ipsum ", 40) + "without user approval" + strings.Repeat(" dolor", 40))
	f.Add(strings.Repeat("x", 90) + "restrictions are lifted" + strings.Repeat("y", 400))
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := consentMatch(s), consentWaivedRe.MatchString(s); got != want {
			t.Fatalf("consentMatch(%q) = %v, the expression %v", s, got, want)
		}
	})
}
