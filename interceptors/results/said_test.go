package results

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// saidEvery is said without its test of the last word: the reference.
func saidEvery(head string) bool {
	if head == "" || head[len(head)-1] < 'a' || head[len(head)-1] > 'z' ||
		!strings.Contains(head, "say") && !strings.Contains(head, " with") {
		return false
	}
	head = dropFillers(head)
	for _, v := range sayVerbs {
		if strings.HasSuffix(head, v) {
			k := len(head) - len(v)
			return k == 0 || head[k-1] < 'a' || head[k-1] > 'z'
		}
	}
	return false
}

// TestSayEnds holds sayEnd to the verbs and fillers said reads.
func TestSayEnds(t *testing.T) {
	for _, w := range append(append([]string{}, sayVerbs...), sayFillers...) {
		if !sayEnd(lastLetters(w)) {
			t.Errorf("sayEnd(%q) is false: %q ends no head said reads", lastLetters(w), w)
		}
	}
}

// TestSaidIsEvery compares said with its reference on the 40 bytes before
// every quote of the corpus and on generated heads.
func TestSaidIsEvery(t *testing.T) {
	n, yes := 0, 0
	check := func(head, what string) {
		n++
		got, want := said(head), saidEvery(head)
		if got != want {
			t.Errorf("said(%s) = %v, want %v", what, got, want)
		}
		if want {
			yes++
		}
	}
	for _, e := range loadEval(t) {
		low := lowerASCII(e.Text)
		for i := 0; i < len(low); i++ {
			if low[i] != '"' && low[i] != '\'' {
				continue
			}
			head := strings.TrimRight(before(low, i, 40), " ")
			if e.split == "heldout" {
				check(head, "a held-out head")
			} else {
				check(head, strconvQuote(head))
			}
		}
	}
	words := append(append([]string{"resay", "unsay", "withe", "xwith", "phrases", "the", "please", "now", "essay", "only", "é", "_", "-", "\n", "(", "ponly", "sword"}, sayVerbs...), sayFillers...)
	seps := []string{" ", " ", " ", "", ",", "\t", "  "}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		var b strings.Builder
		for k := rng.IntN(5); k >= 0; k-- {
			b.WriteString(seps[rng.IntN(len(seps))])
			b.WriteString(words[rng.IntN(len(words))])
		}
		head := strings.TrimRight(b.String(), " ")
		check(head, strconvQuote(head))
	}
	if yes < 1000 {
		t.Errorf("%d of %d heads said: the test reads little", yes, n)
	}
	t.Logf("%d heads, %d said", n, yes)
}
