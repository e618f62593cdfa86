package poisoning

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/textmodel"
)

// TestModelEval measures a learned text model beside the checks on the
// evaluation corpus, an experiment (docs/benchmarks.md, "The learned text
// model"): per split, the definitions the checks hide, those the model
// scores past its threshold, and either. It prints rates only. The model
// (testdata/textmodel.bin) is learnt from the tuning split alone:
//
//	go run ./interceptors/internal/textmodel/train -check poisoning -corpus interceptors/poisoning/testdata/eval -lambda 3e-5 -out interceptors/poisoning/testdata/textmodel.bin
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
	type tally struct{ n, lex, model, either int }
	tot := map[[2]string]*tally{}
	for _, c := range cases {
		lex, _ := evalFlags(t, c, mesh)
		canon, _ := canonical(nil, textmodel.ToolText(c.Tool))
		mod := m.Score(canon) >= float64(m.Threshold)
		keys := [][2]string{{c.split, c.Label}}
		if c.Category != c.Label {
			keys = append(keys, [2]string{c.split, c.Category})
		}
		for _, k := range keys {
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
	var sb strings.Builder
	pct := func(a, n int) string { return fmt.Sprintf("%4d/%-4d %5.1f%%", a, n, 100*float64(a)/float64(n)) }
	for _, k := range keys {
		v := tot[k]
		fmt.Fprintf(&sb, "%-8s %-24s checks %s  model %s  either %s\n", k[0], k[1], pct(v.lex, v.n), pct(v.model, v.n), pct(v.either, v.n))
	}
	t.Logf("threshold %.3f\n%s", m.Threshold, sb.String())
}
