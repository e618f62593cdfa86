package results

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// BenchmarkScanBenignOtherScripts measures the scan on benign text in
// other scripts: the benign texts of the tuning corpus at least a third of
// whose letters are beyond ASCII (Russian, Japanese, Chinese manual
// pages), each judged as one text item of a result. Such text takes the
// fold's general path, not the ASCII one; it should stay within a few
// times the cost of benign English (docs/benchmarks.md).
func BenchmarkScanBenignOtherScripts(b *testing.B) {
	c, err := New(&Policy{})
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var n int64
	for _, e := range loadEval(b) {
		if e.Label == "benign" && e.split == "tuning" && otherScript(e.Text) {
			texts = append(texts, e.Text)
			n += int64(len(e.Text))
		}
	}
	if len(texts) == 0 {
		b.Fatal("no benign text in another script")
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			c.judge(t)
		}
	}
}

// otherScript reports whether at least a third of the letters of s are
// beyond ASCII.
func otherScript(s string) bool {
	ascii, other := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			ascii++
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			other++
		}
	}
	return other > 0 && 3*other >= ascii+other
}
