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
	return modelScoreOf(m, s, "")
}

// modelScoreOf is modelScore with s lowered by lowerInto, if the caller
// has it, or "": most text's canonical form is that (CanonicalWordsOf).
func modelScoreOf(m *textmodel.Model, s, lower string) float64 {
	b := canonicalBufs.Get().(*[]byte)
	defer canonicalBufs.Put(b)
	if len(lower) == len(s) && s != "" {
		c := poisoning.CanonicalWordsOf((*b)[:0], s, lower)
		if unsafe.SliceData(c) != unsafe.StringData(lower) {
			*b = c // Canonical's form, in the pooled buffer: keep it grown
		}
		return m.Score(c)
	}
	*b = poisoning.CanonicalWords((*b)[:0], s)
	return m.Score(*b)
}
