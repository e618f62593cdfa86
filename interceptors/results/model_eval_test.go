package results

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestModelEval measures the learned text model (internal/textmodel)
// beside the lexical checks on the evaluation corpus: per split, what the
// lexical checks flag, what the model flags at its threshold, and what
// either does. It prints rates only. The model is learnt from the tuning
// split, so its tuning figures are in-sample; the held-out ones are what
// it is judged by.
func TestModelEval(t *testing.T) {
	c, err := New(&Policy{})
	if err != nil {
		t.Fatal(err)
	}
	m := defaultModel()
	type tally struct{ n, lex, model, either int }
	tot := map[[2]string]*tally{}
	for _, e := range loadEval(t) {
		lex := flagged(t, c, e.Text)
		mod := modelScore(m, e.Text) >= float64(m.Threshold)
		for _, k := range [][2]string{{e.split, e.Label}, {e.split, e.Category}} {
			if tot[k] == nil {
				tot[k] = &tally{}
			}
			v := tot[k]
			v.n++
			for _, x := range []struct {
				hit bool
				n   *int
			}{{lex, &v.lex}, {mod, &v.model}, {lex || mod, &v.either}} {
				if x.hit {
					*x.n++
				}
			}
		}
	}
	keys := make([][2]string, 0, len(tot))
	for k := range tot {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	var b strings.Builder
	pct := func(a, n int) string { return fmt.Sprintf("%4d/%-4d %5.1f%%", a, n, 100*float64(a)/float64(n)) }
	for _, k := range keys {
		v := tot[k]
		fmt.Fprintf(&b, "%-8s %-22s lexical %s  model %s  either %s\n", k[0], k[1], pct(v.lex, v.n), pct(v.model, v.n), pct(v.either, v.n))
	}
	t.Logf("threshold %.3f\n%s", m.Threshold, b.String())
}
