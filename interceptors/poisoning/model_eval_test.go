package poisoning

import (
	"os"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/evalcorpus"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/textmodel"
)

// TestModelEval measures a learned text model beside the checks on the
// evaluation corpus, an experiment (docs/benchmarks.md, "The learned text
// model"): per split, the definitions the checks hide, those the model
// scores past its threshold, and either. It prints rates only. The model
// (testdata/textmodel.bin) is learnt from the tuning split alone:
//
//	go run ./interceptors/internal/textmodel/train -check poisoning -corpus interceptors/poisoning/testdata/eval -window 128 -lambda 3e-5 -out interceptors/poisoning/testdata/textmodel.bin
//
// so its tuning figures are in-sample. It is not part of the check. The
// weights were learnt from the tuning split of commit 2aa9093, before the
// MPMA study and 24 more real servers joined it; on today's split the
// generator declines (the checks alone flag more than its 1 % benign
// budget), so they are kept as learnt then.
func TestModelEval(t *testing.T) {
	b, err := os.ReadFile("testdata/textmodel.bin")
	if err != nil {
		t.Fatal(err)
	}
	m, err := textmodel.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	cases := loadEval(t)
	mesh := meshNames(cases)
	siblings := siblingNames(cases)
	var tally evalcorpus.Tally
	for _, c := range cases {
		lex, _ := evalFlags(t, c, mesh, siblings)
		canon, _ := canonical(nil, textmodel.ToolText(c.Tool))
		mod := m.Score(canon) >= float64(m.Threshold)
		classes := []string{c.Label}
		if c.Category != c.Label {
			classes = append(classes, c.Category)
		}
		tally.Add(c.split, classes, lex, mod)
	}
	t.Logf("threshold %.3f\n%s", m.Threshold, tally.Report("checks", "model"))
}
