package redact

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// appendQuote writes what jsontext.AppendQuote writes, for any bytes, and
// quoting in pieces cut at character boundaries gives the same.
func TestAppendQuoteIsDecoders(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2))
	pieces := []string{"plain text of some length ", "é", "日本", "\U0001F600", "\u2028", "\ufffd", "<>&", "\"", "\\", "\x7f", "\xff", "\xe2\x80", "\xed\xa0\x80"}
	for range 50000 {
		var b strings.Builder
		for range r.IntN(12) {
			switch r.IntN(3) {
			case 0:
				b.WriteByte(byte(r.IntN(256)))
			default:
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		s := b.String()
		want, _ := jsontext.AppendQuote([]byte("x"), s)
		if got := appendQuote([]byte("x"), s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
		// Cut before an ASCII byte: no character spans the cut, and an
		// incomplete sequence before it is as invalid either way.
		cut := r.IntN(len(s) + 1)
		for cut < len(s) && s[cut] >= 0x80 {
			cut++
		}
		pieced := append(appendQuoted(appendQuoted([]byte(`x"`), s[:cut]), s[cut:]), '"')
		if !bytes.Equal(pieced, want) {
			t.Fatalf("%q cut at %d: got %s, want %s", s, cut, pieced, want)
		}
	}
}

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
