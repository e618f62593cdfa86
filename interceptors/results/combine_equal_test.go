package results

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/textmodel"
)

// lineWeight is the weight of the signals' evidence score in the line
// (B) the test below compares with the OR rule, fixed as TestCombineCV
// found it.
const lineWeight = 0.5

// TestCombineEqualBenign is the test of the line m + 0.5·s against the OR
// rule at an equal benign count, as docs/benchmarks.md wrote it down
// before it was run ("The line (B) against the OR rule at an equal benign
// count"): on each draw's pooled out-of-fold scores, the OR rule's
// threshold of m by the generator's budget, which flags k benign texts
// beyond the signals', and the line's threshold over m + 0.5·s with the
// budget k; the injections each flags, and whether the rule written
// beforehand holds. It reads the tuning split only and runs only when
// asked, with the generator's -oof files of draws 0 to 4:
//
//	RESULTS_COMBINE_OOF=oof0.json,oof1.json,… go test ./interceptors/results -run TestCombineEqualBenign -v
func TestCombineEqualBenign(t *testing.T) {
	draws, threshold := combineDraws(t)
	var gains, ses []float64
	holds := true
	for _, d := range draws {
		f, recs := d.file, d.recs
		or, k := fitOR(recs, threshold)
		line := lineAt(recs, threshold, k)
		orInj, orBen := combineCount(recs, or, threshold)
		lnInj, lnBen := combineCount(recs, line, threshold)
		var perFold []float64
		for fold := range combineFolds {
			var a, b int
			for _, r := range recs {
				if r.fold == fold && r.inj {
					if or.flags(r, threshold) {
						a++
					}
					if line.flags(r, threshold) {
						b++
					}
				}
			}
			perFold = append(perFold, float64(b-a))
		}
		// the sources the gain comes from
		bySource := map[string]int{}
		for _, r := range recs {
			if r.inj && or.flags(r, threshold) != line.flags(r, threshold) {
				if line.flags(r, threshold) {
					bySource[r.group]++
				} else {
					bySource[r.group]--
				}
			}
		}
		var sources []string
		for g, n := range bySource {
			if n != 0 {
				sources = append(sources, fmt.Sprintf("%s %+d", g, n))
			}
		}
		slices.Sort(sources)
		_, sd := meanSD(perFold)
		se := sd * math.Sqrt(combineFolds)
		g := float64(lnInj - orInj)
		gains = append(gains, g)
		ses = append(ses, se)
		if lnBen > orBen || g <= 0 {
			holds = false
		}
		var near strings.Builder
		for d := -2; d <= 2; d++ {
			if k+d < 0 {
				continue
			}
			o := combiner{T: budgetOf(recs, threshold, 0, k+d)}
			l := lineAt(recs, threshold, k+d)
			oi, ob := combineCount(recs, o, threshold)
			li, lb := combineCount(recs, l, threshold)
			fmt.Fprintf(&near, " k%+d: OR %d/%d, B %d/%d;", d, oi, ob, li, lb)
		}
		t.Logf("%s: k %d; OR rule (T %.3f) %d injections, %d benign; line (T %.3f) %d, %d; gain %+d (se over the folds %.1f, per fold %v)\n  at other budgets (injections/benign):%s\n  by source: %s",
			f, k, or.T, orInj, orBen, line.T, lnInj, lnBen, lnInj-orInj, se, perFold, near.String(), strings.Join(sources, ", "))
	}
	mean, sd := meanSD(gains)
	meanSE, _ := meanSD(ses)
	if mean < 2*sd || mean < 2*meanSE {
		holds = false
	}
	t.Logf("gain over %d draws: mean %+.1f, sd %.1f, mean standard error over the folds %.1f; the rule written beforehand holds: %v",
		len(gains), mean, sd, meanSE, holds)
}

// budgetOf is the threshold of m + w·s at which at most budget of the
// benign texts the signals pass are flagged.
func budgetOf(recs []combineRecord, threshold int, w float64, budget int) float64 {
	var free []float64
	for _, r := range recs {
		if !r.inj && r.s < threshold {
			free = append(free, r.m+w*float64(r.s))
		}
	}
	return textmodel.BudgetThreshold(free, budget)
}

// lineAt is the line (B) with its threshold by the budget.
func lineAt(recs []combineRecord, threshold, budget int) combiner {
	return combiner{w: lineWeight, T: budgetOf(recs, threshold, lineWeight, budget)}
}
