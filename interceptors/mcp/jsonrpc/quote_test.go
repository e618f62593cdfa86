package jsonrpc

import (
	"bytes"
	jsonv1 "encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// AppendQuote writes what jsontext.AppendQuote (Minimal) and encoding/json
// (HTMLSafe) write, for any bytes, and quoting in pieces cut at character
// boundaries gives the same.
func TestAppendQuoteMatchesGoJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2))
	pieces := []string{"plain text of some length ", "é", "日本", "\U0001F600", "\u2028", "\u2029", "\ufffd", "<>&", "a<b>c&d long enough to be read eight at a time", "\"", "\\", "\x7f", "\xff", "\xe2\x80", "\xed\xa0\x80"}
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
		minimal, _ := jsontext.AppendQuote([]byte("x"), s)
		var buf bytes.Buffer
		enc := jsonv1.NewEncoder(&buf)
		_ = enc.Encode(s)
		html := append([]byte("x"), bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
		for _, c := range []struct {
			e    Escaping
			want []byte
		}{{Minimal, minimal}, {HTMLSafe, html}} {
			if got := AppendQuote([]byte("x"), s, c.e); !bytes.Equal(got, c.want) {
				t.Fatalf("%q (escaping %d): got %s, want %s", s, c.e, got, c.want)
			}
			// Cut before an ASCII byte: no character spans the cut, and an
			// incomplete sequence before it is as invalid either way.
			cut := r.IntN(len(s) + 1)
			for cut < len(s) && s[cut] >= 0x80 {
				cut++
			}
			pieced := append(AppendQuoted(AppendQuoted([]byte(`x"`), s[:cut], c.e), s[cut:], c.e), '"')
			if !bytes.Equal(pieced, c.want) {
				t.Fatalf("%q (escaping %d) cut at %d: got %s, want %s", s, c.e, cut, pieced, c.want)
			}
		}
	}
}
