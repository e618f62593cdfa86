package results

import (
	_ "embed"
	"sync"
	"unsafe"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/textmodel"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
)

// The learned text model (README.md, "Learned model"): its weights are
// derived from the tuning split of testdata/eval only, by the generator.
//
//go:generate go run ../internal/textmodel/train -check results -corpus testdata/eval -out textmodel.bin
//go:embed textmodel.bin
var modelFile []byte

// defaultModel is the embedded model.
var defaultModel = sync.OnceValue(func() *textmodel.Model {
	m, err := textmodel.Decode(modelFile)
	if err != nil {
		panic(err) // a build with a broken weights file
	}
	return m
})

// canonicalBufs keeps the canonical form's buffer between texts.
var canonicalBufs = sync.Pool{New: func() any { return new([]byte) }}

// modelScore returns m's score of s in its canonical form.
func modelScore(m *textmodel.Model, s string) float64 {
	return modelScoreOf(m, s, nil, "")
}

// modelScoreOf is modelScore from what the signals made of s, if the
// caller has it: q, the prefilter's reading of s, and lower, s lowered by
// lowerInto, which is most text's canonical form (Quiet.CanonicalWords).
func modelScoreOf(m *textmodel.Model, s string, q *poisoning.Quiet, lower string) float64 {
	b := canonicalBufs.Get().(*[]byte)
	defer canonicalBufs.Put(b)
	var c []byte
	var spans []int32
	if q != nil {
		c, spans = q.WordSpans((*b)[:0])
	} else {
		c = poisoning.CanonicalWords((*b)[:0], s)
	}
	if unsafe.SliceData(c) != unsafe.StringData(lower) {
		*b = c // in the pooled buffer: keep it grown
	}
	if spans != nil {
		// the words the prefilter found: not sought a second time
		return m.ScoreSpans(c, spans)
	}
	return m.Score(c)
}
