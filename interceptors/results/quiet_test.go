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

// eachWindowSearching is eachWindow as it was, searching for the next
// newline from each window's line: the reference for the kept search.
func eachWindowSearching(s string, judge func(start, end int)) {
	if len(s) <= window+maxLine {
		judge(0, len(s))
		return
	}
	start, prev := 0, 0
	for i := 0; i < len(s); {
		nl := strings.IndexByte(s[i:], '\n')
		end := len(s)
		if nl >= 0 {
			end = i + nl + 1
		}
		if end-i > maxLine {
			cut := i + maxLine
			if sp := strings.LastIndexByte(s[i+maxLine/2:cut], ' '); sp >= 0 {
				cut = i + maxLine/2 + sp + 1
			}
			judge(start, cut)
			start = max(cut-lineCarry, i)
			if sp := strings.IndexByte(s[start:cut], ' '); sp >= 0 {
				start += sp + 1
			}
			prev, i = start, cut
			continue
		}
		if end-start > window && prev > start {
			judge(start, end)
			start = prev
		}
		prev, i = i, end
		if end == len(s) {
			judge(start, end)
		}
	}
}

// TestEachWindowKeepsNewline compares eachWindow with the search from
// every line on texts of long and short lines, spaces and none.
func TestEachWindowKeepsNewline(t *testing.T) {
	windows := func(f func(string, func(int, int)), s string) (w [][2]int) {
		f(s, func(start, end int) { w = append(w, [2]int{start, end}) })
		return w
	}
	seed := uint64(1)
	rnd := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	for range 3000 {
		var b strings.Builder
		lines := rnd(3) // none, one in 200 bytes, one in 100
		for n := rnd(9000); b.Len() < n; {
			switch r := rnd(200); {
			case r < lines:
				b.WriteByte('\n')
			case r < 3:
				b.WriteString(strings.Repeat("x", rnd(3000)))
			case r < 40:
				b.WriteByte(' ')
			default:
				b.WriteByte('a' + byte(rnd(26)))
			}
		}
		s := b.String()
		got, want := windows(eachWindow, s), windows(eachWindowSearching, s)
		if len(got) != len(want) {
			t.Fatalf("%d windows, want %d", len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("window %d: %v, want %v", i, got[i], want[i])
			}
		}
	}
}
