package results

import "testing"

// BenchmarkSignalsBenignText measures the signals alone (the anchor pass
// and the readings, signalsOf) over the benign texts, lowered before the
// timer starts.
func BenchmarkSignalsBenignText(b *testing.B) {
	texts, n := benignTexts(b)
	lows := make([]string, len(texts))
	for i, s := range texts {
		l, buf := lowered(s)
		lows[i] = string([]byte(l))
		release(buf)
	}
	b.SetBytes(n)
	b.ResetTimer()
	for b.Loop() {
		for i, s := range texts {
			signalsOf(s, lows[i])
		}
	}
}
