package results

import (
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/evalcorpus"
)

// TestModelEval measures the learned text model (internal/textmodel)
// beside the lexical checks on the evaluation corpus: per split, what the
// lexical checks flag, what the model flags at its threshold, and what
// either does. It prints rates only. The model is learnt from the tuning
// split, so its tuning figures are in-sample; the held-out ones are what
// it is judged by.
func TestModelEval(t *testing.T) {
	off := false // the lexical checks alone
	c, err := New(&Policy{Model: &off})
	if err != nil {
		t.Fatal(err)
	}
	m := defaultModel()
	var tally evalcorpus.Tally
	for _, e := range loadEval(t) {
		lex := flagged(t, c, e.Text)
		mod := modelScore(m, e.Text) >= float64(m.Threshold)
		tally.Add(e.split, []string{e.Label, e.Category}, lex, mod)
	}
	t.Logf("threshold %.3f\n%s", m.Threshold, tally.Report("lexical", "model"))
}
