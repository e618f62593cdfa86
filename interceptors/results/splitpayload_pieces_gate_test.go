package results

import (
	"strings"
	"testing"
)

// TestPiecesGates holds splitPayload's cheap tests to its expressions: a
// match of every alternative of piecesJoinedRe holds one of
// piecesJoinedNeeds, and every match of piecesSummedRe a '+'; the gates
// of TestGatedExpressions read them on the corpus too.
func TestPiecesGates(t *testing.T) {
	joined := []string{"combine them", "interlace part 1", "concatenate a and b", "join the pieces", "merge both", "put together the parts",
		"assemble it", "kombiniere a, b", "verbinde die teile", "combina las partes", "concatena a y b", "junta las partes",
		"combinez les parties", "assemblez-les", "use the following parts", "las siguientes partes", "die folgenden teile",
		"les parties suivantes", "as seguintes partes", "le parti seguenti", "объедини части", "соедини их", "следующие части",
		"组合它们", "拼接起来", "合并", "連結して", "結合して", "組み合わせて"}
	for _, s := range joined {
		if !piecesJoinedRe.MatchString(s) {
			t.Errorf("piecesJoinedRe does not match %q", s)
		}
		for _, v := range spellings(s) {
			v = lowerASCII(v)
			if piecesJoinedRe.MatchString(v) && !containsAny(v, piecesJoinedNeeds...) {
				t.Errorf("piecesJoinedRe matches %q without piecesJoinedNeeds", v)
			}
		}
	}
	for _, s := range []string{"z = a + b + c", "a+b", "x+y.", "(a + b)", "b+c"} {
		if !piecesSummedRe.MatchString(s) {
			t.Errorf("piecesSummedRe does not match %q", s)
		}
		for _, v := range spellings(s) {
			v = lowerASCII(v)
			if piecesSummedRe.MatchString(v) && strings.IndexByte(v, '+') < 0 {
				t.Errorf("piecesSummedRe matches %q without '+'", v)
			}
		}
	}
}

func init() {
	gates = append(gates,
		gate{"piecesJoinedRe", piecesJoinedRe, func(s string) bool { return containsAny(s, piecesJoinedNeeds...) }, []string{
			"combine them", "interlace part 1", "concatenate a and b", "join the pieces", "merge both", "put together the parts",
			"assemble it", "kombiniere a", "verbinde", "junta las", "use the following parts", "siguientes partes", "folgenden teile",
			"parties suivantes", "seguintes partes", "parti seguenti", "объедини", "соедини", "следующие части", "组合", "拼接", "合并", "連結", "結合", "組み合わせ",
		}, false},
		gate{"piecesSummedRe", piecesSummedRe, func(s string) bool { return strings.IndexByte(s, '+') >= 0 }, []string{
			"z = a + b + c", "a+b", "(a + b)",
		}, false})
}

// TestPiecesSummedIsExpression compares piecesSummed with piecesSummedRe
// on every string of up to six bytes over the bytes either reads apart
// (letters at a class's ends, a digit, '_', '(', a blank, '+', a byte past
// ASCII), on the seeds, and on the tuning texts of the corpus.
func TestPiecesSummedIsExpression(t *testing.T) {
	check := func(s string) {
		if got, want := piecesSummed(s), piecesSummedRe.MatchString(s); got != want {
			t.Errorf("piecesSummed(%q) = %v, want %v", s, got, want)
		}
	}
	alphabet := []string{"a", "z", "A", "0", "_", "(", " ", "+", "é", "\xff", "\n"}
	var all func(prefix string, n int)
	all = func(prefix string, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			all(prefix+c, n-1)
		}
	}
	all("", 6)
	for _, s := range []string{"z = a + b + c", "a+b", "x+y.", "(a + b)", "b+c", "a + f(x)", "ab + c", "a  + b", "é+b", "a+bé"} {
		check(s)
	}
	for _, e := range loadEval(t) {
		if e.split != "heldout" {
			check(lowerASCII(e.Text))
		}
	}
}
