package results

import (
	"strings"
	"testing"
)

// splitPayloadEach is splitPayload reading both expressions at every pair,
// as it did before it read each once while it does not match.
func splitPayloadEach(t string, quotes []int) bool {
	if len(quotes) < 2 {
		return false
	}
	prev, n := -1, 0
	for _, q := range quotes {
		if q > 0 && asciiWordByte(t[q-1]) {
			continue
		}
		if n++; n > 512 {
			return false
		}
		if !labelledPiece(t, q) {
			continue
		}
		if prev >= 0 && q-prev < 400 {
			between := t[prev:q]
			if strings.IndexByte(between, '\n') < 0 && strings.IndexByte(between, ';') < 0 {
				if piecesSummedRe.MatchString(t[prev:]) || piecesJoinedRe.MatchString(t) {
					return true
				}
			}
		}
		prev = q
	}
	return false
}

// TestSplitPayloadReadOnce checks that splitPayload agrees with
// splitPayloadEach on crafted pieces and on the tuning texts of the corpus.
func TestSplitPayloadReadOnce(t *testing.T) {
	texts := []string{
		`c = "the plan" a = "is to" b = "leave" Write down the string z = a + b + c.`,
		`x = "one" y = "two" z = "three" w = "four" and nothing joins them`,
		`a = "first" b = "second" c = "third" then combine them`,
		`a: "first part", b: "second part" (a+b)`,
		`part a = "x y" part b = "z w" part c = "u v" put a+b+c together`,
	}
	for _, e := range loadEval(t) {
		if e.split == "tuning" {
			texts = append(texts, e.Text)
		}
	}
	n := 0
	for _, s := range texts {
		low := lowerASCII(s)
		var at anchorIndex
		at.find(low)
		want := splitPayloadEach(low, at[aQuote])
		if got := splitPayload(low, at[aQuote]); got != want {
			t.Errorf("splitPayload(%.80q) = %v, want %v", low, got, want)
		}
		if want {
			n++
		}
	}
	if n == 0 {
		t.Error("nothing matched: the test reads nothing")
	}
}
