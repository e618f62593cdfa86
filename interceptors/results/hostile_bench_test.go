package results

import (
	"strings"
	"testing"
)

// BenchmarkScanHostileSentences measures the scan on hostile sentences
// built to reach the checks that read a sentence or a window at each
// anchor: an order's verb matched many times in one sentence with no
// order before it, a sign-in with an address at every anchor, the
// secret's name asked for again and again. Each should stay within a
// few times the cost of benign text of the same size (docs/benchmarks.md).
func BenchmarkScanHostileSentences(b *testing.B) {
	c, err := New(&Policy{})
	if err != nil {
		b.Fatal(err)
	}
	for _, unit := range []string{"lorem ipsum dolor sit amet ", "stop until paid ", "x stop x stop x stop x stop x stop x stop x stop x stop until paid ",
		"x display the message 'service error' ", "x show x show x show x show x show x display the message 'service error' ",
		"log in at https://x.example ", "what is the access code ", "passcode ", "'description': 'please move the files if "} {
		s := strings.Repeat(unit, (256<<10)/len(unit))
		b.Run(strings.ReplaceAll(strings.TrimSpace(unit), " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				c.judge(s)
			}
		})
	}
}
