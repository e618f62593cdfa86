package results

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/evalcorpus"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/textmodel"
)

// combineRecord is one tuning text: the signals' evidence score of it and
// the model's out-of-fold score.
type combineRecord struct {
	inj   bool
	s     int     // the signals' evidence score (the check with the model off)
	m     float64 // the model's out-of-fold score
	group string  // the source repository
	fold  int     // the generator's fold of that source
}

// combineFolds is the generator's number of folds.
const combineFolds = 5

// TestCombineCV weighs the signals' partial evidence with the model's
// out-of-fold score (docs/benchmarks.md, "The signals' partial evidence
// weighed with the model's score"): against the OR rule the check runs,
// (A) a threshold of the model's score for each evidence score below the
// signals' threshold and (B) one line m + w·s ≥ T, each chosen on four of
// the generator's folds under the OR rule's benign count there and counted
// on the fifth. It reads the tuning split only and runs only when asked:
//
//	go run ./interceptors/internal/textmodel/train -check results -corpus interceptors/results/testdata/eval -cv -oof oof.json
//	RESULTS_COMBINE_OOF=oof.json go test ./interceptors/results -run TestCombineCV -v
//
// Several -oof files (draws) may be named, comma-separated.
func TestCombineCV(t *testing.T) {
	draws, threshold := combineDraws(t)
	var diffs [2][]float64 // per draw: (A), (B) less the OR rule, injections
	for _, d := range draws {
		f, recs := d.file, d.recs
		rep, dA, dB := combineReport(recs, threshold)
		diffs[0] = append(diffs[0], dA)
		diffs[1] = append(diffs[1], dB)
		t.Logf("%s\n%s", f, rep)
	}
	for i, name := range []string{"A", "B"} {
		mean, sd := meanSD(diffs[i])
		t.Logf("(%s) less the OR rule over %d draws: injections %+.1f (sd %.1f)", name, len(diffs[i]), mean, sd)
	}
}

// combineBase is a tuning text's key (file#index), label and the signals'
// evidence score of it.
type combineBase struct {
	key string
	inj bool
	s   int
}

// combineDraw is one draw's out-of-fold scores joined to the tuning texts.
type combineDraw struct {
	file string
	recs []combineRecord
}

// combineDraws reads the -oof files RESULTS_COMBINE_OOF names (comma-
// separated, one a draw), and skips the test when it names none.
func combineDraws(t *testing.T) ([]combineDraw, int) {
	files := os.Getenv("RESULTS_COMBINE_OOF")
	if files == "" {
		t.Skip("RESULTS_COMBINE_OOF names no out-of-fold scores")
	}
	bases, threshold := combineBases(t)
	var draws []combineDraw
	for _, f := range strings.Split(files, ",") {
		draws = append(draws, combineDraw{f, combineLoad(t, f, bases, threshold)})
	}
	return draws, threshold
}

// combineBases reads the tuning split with the check's signals alone (the
// model off), and returns the signals' threshold too.
func combineBases(t *testing.T) ([]combineBase, int) {
	off := false
	c, err := New(&Policy{Model: &off})
	if err != nil {
		t.Fatal(err)
	}
	var bases []combineBase
	index := map[string]int{}
	for _, e := range evalTuning(t) {
		key := fmt.Sprintf("%s#%d", e.file, index[e.file])
		index[e.file]++
		s, _ := c.judge(e.Text)
		bases = append(bases, combineBase{key, e.Label == "injection", s})
	}
	return bases, c.threshold
}

// combineLoad joins the generator's out-of-fold scores in f (-oof) to the
// tuning texts.
func combineLoad(t *testing.T, f string, bases []combineBase, threshold int) []combineRecord {
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	var oof map[string]struct {
		Score   float64 `json:"score"`
		Group   string  `json:"group"`
		Fold    int     `json:"fold"`
		Inj     bool    `json:"injection"`
		Lexical bool    `json:"lexical"`
	}
	if err := json.Unmarshal(b, &oof); err != nil {
		t.Fatal(err)
	}
	if len(oof) != len(bases) {
		t.Fatalf("%s: %d scores for %d tuning texts", f, len(oof), len(bases))
	}
	recs := make([]combineRecord, 0, len(bases))
	for _, b := range bases {
		o, ok := oof[b.key]
		if !ok || o.Inj != b.inj || o.Lexical != (b.s >= threshold) {
			t.Fatalf("%s: %s not as the generator read it (%v %+v, score %d)", f, b.key, ok, o, b.s)
		}
		recs = append(recs, combineRecord{inj: b.inj, s: b.s, m: o.Score, group: o.Group, fold: o.Fold})
	}
	seen := map[int]bool{}
	for _, r := range recs {
		seen[r.fold] = true
	}
	if len(seen) != combineFolds {
		t.Fatalf("%s: scores in %d folds, want %d (a file written before the generator recorded folds: write it again)", f, len(seen), combineFolds)
	}
	return recs
}

// evalTuning is the tuning split's entries, with their files: the
// held-out split is left unread.
func evalTuning(t *testing.T) []struct {
	file string
	evalEntry
} {
	var out []struct {
		file string
		evalEntry
	}
	for _, e := range evalcorpus.Load(t, "testdata/eval", checkEntry) {
		if e.Split == "tuning" {
			out = append(out, struct {
				file string
				evalEntry
			}{e.File, e.Entry})
		}
	}
	return out
}

// combiner is a rule fitted on the training folds.
type combiner struct {
	tiers []float64 // (A): the model's threshold for each evidence score below the signals' threshold
	w, T  float64   // (B): m + w·s >= T
}

func (k combiner) flags(r combineRecord, threshold int) bool {
	if r.s >= threshold {
		return true
	}
	if k.tiers != nil {
		return r.m >= k.tiers[r.s]
	}
	return r.m+k.w*float64(r.s) >= k.T
}

// fitOR is the OR rule on recs: the model's threshold by the generator's
// budget (at most 0.3% of the benign texts beyond the signals').
func fitOR(recs []combineRecord, threshold int) (combiner, int) {
	var free []float64
	nb := 0
	for _, r := range recs {
		if !r.inj {
			nb++
			if r.s < threshold {
				free = append(free, r.m)
			}
		}
	}
	budget := int(0.003 * float64(nb))
	T := textmodel.BudgetThreshold(free, budget)
	k := combiner{T: T}
	extra := 0
	for _, r := range recs {
		if !r.inj && r.s < threshold && r.m >= T {
			extra++
		}
	}
	return k, extra
}

// fitTiers is (A): the benign budget allotted among the tiers of evidence
// so that the most injections are flagged, then the fewest benign.
func fitTiers(recs []combineRecord, threshold, budget int) combiner {
	type tier struct{ inj, ben []float64 }
	tiers := make([]tier, threshold)
	for _, r := range recs {
		if r.s >= threshold {
			continue
		}
		if r.inj {
			tiers[r.s].inj = append(tiers[r.s].inj, r.m)
		} else {
			tiers[r.s].ben = append(tiers[r.s].ben, r.m)
		}
	}
	// gain[s][b]: injections of tier s flagged with b of its benign texts
	th := make([][]float64, threshold)
	gain := make([][]int, threshold)
	for s, tr := range tiers {
		for b := 0; b <= budget; b++ {
			t := textmodel.BudgetThreshold(tr.ben, b)
			n := 0
			for _, m := range tr.inj {
				if m >= t {
					n++
				}
			}
			th[s] = append(th[s], t)
			gain[s] = append(gain[s], n)
		}
	}
	// exhaustive over the allotments (a few tiers, a small budget)
	best, bestInj, bestBen := []int(nil), -1, 0
	alloc := make([]int, threshold)
	var walk func(s, left int)
	walk = func(s, left int) {
		if s == threshold {
			inj, ben := 0, 0
			for i, b := range alloc {
				inj += gain[i][b]
				ben += min(b, len(tiers[i].ben))
			}
			if inj > bestInj || inj == bestInj && ben < bestBen {
				best, bestInj, bestBen = slices.Clone(alloc), inj, ben
			}
			return
		}
		for b := 0; b <= left; b++ {
			alloc[s] = b
			walk(s+1, left-b)
		}
	}
	walk(0, budget)
	k := combiner{tiers: make([]float64, threshold)}
	for s, b := range best {
		k.tiers[s] = th[s][b]
	}
	return k
}

// fitLine is (B): for each w, T by the budget on m + w·s; the w that
// flags the most injections (then the fewest benign, then the smallest w).
func fitLine(recs []combineRecord, threshold, budget int) combiner {
	var best combiner
	bestInj, bestBen := -1, 0
	for _, w := range []float64{0, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2} {
		var free []float64
		for _, r := range recs {
			if !r.inj && r.s < threshold {
				free = append(free, r.m+w*float64(r.s))
			}
		}
		k := combiner{w: w, T: textmodel.BudgetThreshold(free, budget)}
		inj, ben := combineCount(recs, k, threshold)
		if inj > bestInj || inj == bestInj && ben < bestBen {
			best, bestInj, bestBen = k, inj, ben
		}
	}
	return best
}

func combineCount(recs []combineRecord, k combiner, threshold int) (inj, ben int) {
	for _, r := range recs {
		if k.flags(r, threshold) {
			if r.inj {
				inj++
			} else {
				ben++
			}
		}
	}
	return
}

// combineReport counts the OR rule and both combiners out of fold, and
// fitted on every fold (what the check would ship), and returns (A)'s
// and (B)'s injections less the OR rule's out of fold.
func combineReport(recs []combineRecord, threshold int) (string, float64, float64) {
	var b strings.Builder
	type row struct{ inj, ben int }
	var tot [3]row
	var d [2][]float64
	for f := range combineFolds {
		train := slices.DeleteFunc(slices.Clone(recs), func(r combineRecord) bool { return r.fold == f })
		test := slices.DeleteFunc(slices.Clone(recs), func(r combineRecord) bool { return r.fold != f })
		or, extra := fitOR(train, threshold)
		ks := []combiner{or, fitTiers(train, threshold, extra), fitLine(train, threshold, extra)}
		var got [3]row
		for i, k := range ks {
			got[i].inj, got[i].ben = combineCount(test, k, threshold)
			tot[i].inj += got[i].inj
			tot[i].ben += got[i].ben
		}
		d[0] = append(d[0], float64(got[1].inj-got[0].inj))
		d[1] = append(d[1], float64(got[2].inj-got[0].inj))
		fmt.Fprintf(&b, "  fold %d: OR %d/%d (T %.3f), A %d/%d (tiers %.3f), B %d/%d (w %g T %.3f)\n", f,
			got[0].inj, got[0].ben, or.T, got[1].inj, got[1].ben, ks[1].tiers, got[2].inj, got[2].ben, ks[2].w, ks[2].T)
	}
	var nInj, nBen int
	for _, r := range recs {
		if r.inj {
			nInj++
		} else {
			nBen++
		}
	}
	names := []string{"OR rule", "(A) tiers", "(B) line"}
	for i, r := range tot {
		fmt.Fprintf(&b, "  %-10s out of fold: injections %d/%d (%.1f%%), benign %d/%d", names[i], r.inj, nInj, 100*float64(r.inj)/float64(nInj), r.ben, nBen)
		if i > 0 {
			_, sd := meanSD(d[i-1])
			fmt.Fprintf(&b, "; less the OR rule %+d (se %.1f over the folds), benign %+d", r.inj-tot[0].inj, sd*math.Sqrt(combineFolds), r.ben-tot[0].ben)
		}
		b.WriteString("\n")
	}
	// the OR rule's own trade: its threshold set on the training folds
	// with d more benign texts allowed, counted out of fold, to set the
	// combiners beside at the benign count they reach
	b.WriteString("  OR rule with a larger budget, out of fold (d: injections/benign):")
	for d := 1; d <= 6; d++ {
		var inj, ben int
		for f := range combineFolds {
			train := slices.DeleteFunc(slices.Clone(recs), func(r combineRecord) bool { return r.fold == f })
			test := slices.DeleteFunc(slices.Clone(recs), func(r combineRecord) bool { return r.fold != f })
			_, extra := fitOR(train, threshold)
			var free []float64
			for _, r := range train {
				if !r.inj && r.s < threshold {
					free = append(free, r.m)
				}
			}
			i, n := combineCount(test, combiner{T: textmodel.BudgetThreshold(free, extra+d)}, threshold)
			inj += i
			ben += n
		}
		fmt.Fprintf(&b, " +%d: %d/%d", d, inj, ben)
	}
	b.WriteString("\n")
	// fitted on every fold: the thresholds a shipped rule would hold
	or, extra := fitOR(recs, threshold)
	a, l := fitTiers(recs, threshold, extra), fitLine(recs, threshold, extra)
	for i, k := range []combiner{or, a, l} {
		inj, ben := combineCount(recs, k, threshold)
		fmt.Fprintf(&b, "  %-10s fitted on all: %d/%d, %d benign (T %.3f tiers %.3f w %g)\n", names[i], inj, nInj, ben, k.T, k.tiers, k.w)
	}
	// where the injections and benign texts the signals pass lie
	for s := range threshold {
		var ni, nb int
		for _, r := range recs {
			if r.s == s {
				if r.inj {
					ni++
				} else {
					nb++
				}
			}
		}
		fmt.Fprintf(&b, "  evidence %d: %d injections, %d benign\n", s, ni, nb)
	}
	return b.String(), float64(tot[1].inj - tot[0].inj), float64(tot[2].inj - tot[0].inj)
}

// meanSD is the mean and sample standard deviation of xs.
func meanSD(xs []float64) (float64, float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1))
}
