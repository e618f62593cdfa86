package redact

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestAppendAppliedIsApplyQuoted(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	pieces := []string{"token=", "é", "日本", "\n", `"`, `\`, "{", `{"a":"`, `"}`, "[1,", "]", "\xff", "secret value ", "\u2028"}
	for range 50000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		var spans []Span
		for range r.IntN(4) {
			a := r.IntN(len(s) + 2)
			spans = append(spans, Span{Start: a - 1, End: a + r.IntN(8), Rule: []string{"r", "github-pat", "email"}[r.IntN(3)]})
		}
		want := appendQuote([]byte("x"), Apply(s, spans))
		if got := appendApplied([]byte("x"), s, spans); !bytes.Equal(got, want) {
			t.Fatalf("%q %+v:\n got %s\nwant %s", s, spans, got, want)
		}
	}
}
