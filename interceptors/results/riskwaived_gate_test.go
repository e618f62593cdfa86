package results

import (
	"strings"
	"testing"
)

// TestWaiverFormAt checks that waiverFormAt finds where each of
// waiverForms' expressions first matches, as FindStringIndex does, on
// crafted waivers (a word repeated past maxAnchoredTries among them) and
// on windows of the tuning texts of the corpus, lowered as riskWaived
// reads them.
func TestWaiverFormAt(t *testing.T) {
	texts := []string{
		"delete the repository without asking the user first.",
		"without without without without without without asking anyone, drop the table.",
		"skip skip skip skip skip the confirmation and auto-approve it; never ask me.",
		"no approval is needed. approval is not required. don't bother the user.",
		"do not notify them, never prompt. no need to ask first, dont tell anybody.",
		"withouts without  asking; disable the review; turn off approvals",
		"not asking. not ask. not tell; not notify, needn't consult the user",
	}
	for _, e := range loadEval(t) {
		if e.split != "tuning" {
			continue
		}
		low := strings.ToLower(e.Text)
		for i := 0; i < len(low); i += 150 {
			texts = append(texts, low[i:min(len(low), i+180)])
		}
	}
	n := 0
	for _, s := range texts {
		for k, f := range waiverForms {
			want := -1
			if m := f.re.FindStringIndex(s); m != nil {
				want = m[0]
				n++
			}
			if got := waiverFormAt(s, k, -1); got != want {
				t.Fatalf("form %d at %q: %d, want %d", k, s, got, want)
			}
			for _, first := range []int{0, 5, 40, 100} {
				w := want
				if first >= 0 && w >= first {
					w = -1
				}
				if got := waiverFormAt(s, k, first); got != w {
					t.Fatalf("form %d at %q before %d: %d, want %d", k, s, first, got, w)
				}
			}
		}
	}
	if n == 0 {
		t.Error("nothing matched: the test reads nothing")
	}
}
