package results

import (
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
)

// TestQuietWindows compares scoreWindows, which passes over the windows
// poisoning.Quiet calls silent, with the scoring of every window, on each
// text of the corpus and on its upper-cased, cut, double-spaced and
// tripled variants.
func TestQuietWindows(t *testing.T) {
	every := func(s string) (int, string) {
		best := poisoning.TextVerdict{}
		eachWindow(s, func(start, end int) {
			if v := docTalk(poisoning.ScoreText(s[start:end])); v.Score > best.Score {
				best = v
			}
		})
		return best.Score, best.Signals()
	}
	n := 0
	for _, e := range loadEval(t) {
		for _, s := range []string{e.Text, strings.ToUpper(e.Text), e.Text[len(e.Text)/3:], strings.ReplaceAll(e.Text, " ", "  "), strings.Repeat(e.Text+"\n", 3)} {
			low, buf := lowered(s)
			q := poisoning.NewQuiet(s, low)
			gotScore, gotWhy := scoreWindows(s, q)
			q.Release()
			release(buf)
			wantScore, wantWhy := every(s)
			if gotScore != wantScore || gotWhy != wantWhy {
				if n++; n <= 5 {
					t.Errorf("%.80q: got %d %q, want %d %q", s, gotScore, gotWhy, wantScore, wantWhy)
				}
			}
		}
	}
}
