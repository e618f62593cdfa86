package results

import (
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
)

// BenchmarkModelScoreBenignText measures the learned model alone (the
// canonical form, the features and the windows) on the corpus's benign
// texts, as BenchmarkScanBenignText does for the whole check.
func BenchmarkModelScoreBenignText(b *testing.B) {
	m := defaultModel()
	texts, n := benignTexts(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			modelScore(m, t)
		}
	}
}

// BenchmarkModelCanonicalBenignText is the share of the above spent in
// the shared normaliser: the canonical form's words alone, on the same
// texts.
func BenchmarkModelCanonicalBenignText(b *testing.B) {
	texts, n := benignTexts(b)
	b.SetBytes(n)
	var buf []byte
	for b.Loop() {
		for _, t := range texts {
			buf = poisoning.CanonicalWords(buf[:0], t)
		}
	}
}

// BenchmarkVerdictBenignText is the whole default check of a text, the
// lexical signals and the model, as Intercept runs it.
func BenchmarkVerdictBenignText(b *testing.B) {
	benchVerdicts(b, func(string) bool { return true })
}

// BenchmarkVerdictShortTexts is BenchmarkVerdictBenignText on the benign
// texts under 512 bytes alone, as most results of a tool are: what a text
// costs however short weighs more a byte there.
func BenchmarkVerdictShortTexts(b *testing.B) {
	benchVerdicts(b, func(t string) bool { return len(t) < 512 })
}

// benchVerdicts measures the default check's verdict on the benign texts
// that keep admits, each judged as one text item of a result.
func benchVerdicts(b *testing.B, keep func(string) bool) {
	c, err := New(&Policy{})
	if err != nil {
		b.Fatal(err)
	}
	all, _ := benignTexts(b)
	var texts []string
	var n int64
	for _, t := range all {
		if keep(t) {
			texts = append(texts, t)
			n += int64(len(t))
		}
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, t := range texts {
			c.verdict(t)
		}
	}
}
