package redact

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// appendUnquote gives what the decoder's AppendUnquote gives, for every
// string literal the decoder accepts.
func TestAppendUnquoteIsDecoders(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	pieces := []string{"a", "é", "日", "\U0001F600", `\n`, `\"`, `\\`, `\/`, `\b`, `\f`, `\r`, `\t`, `\u0041`, `\u00e9`, `\uD83D\uDE00`, `\ud83d\ude00`, `\u2028`, `\uFFFD`, `\ud800`, `\udc00`, `\uD800\u0041`, `\u00`, " ", "\x01", "\xff"}
	checked := 0
	for range 50000 {
		var b strings.Builder
		b.WriteByte('"')
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		b.WriteByte('"')
		raw := []byte(b.String())
		if !jsontext.Value(raw).IsValid() {
			continue // only what a decoder hands over
		}
		checked++
		want, werr := jsontext.AppendUnquote(nil, raw)
		got, err := appendUnquote([]byte("prefix"), raw)
		if (err == nil) != (werr == nil) || !bytes.Equal(got, append([]byte("prefix"), want...)) {
			t.Fatalf("%s: got %q %v, want %q %v", raw, got, err, want, werr)
		}
	}
	if checked < 10000 {
		t.Fatalf("only %d valid literals checked", checked)
	}
}
