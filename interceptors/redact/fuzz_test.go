package redact_test

import (
	"bytes"
	"context"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/redact"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
)

// A sample is a value the enabled rules must take out wherever it is
// inserted: text is what goes into the message, secret the part that must
// not survive (for "password = <value>", the value).
type sample struct{ text, secret string }

// Credential-shaped values are built at run time from parts, so that the
// repository holds none for scanners to flag.
func rnd(seed uint64, alphabet string, n int) string {
	r := rand.New(rand.NewPCG(seed, 0xf022))
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// luhnCard is a 16-digit number with a Visa prefix and a valid check digit.
func luhnCard() string {
	d := []byte("4" + rnd(11, "0123456789", 14))
	for c := byte('0'); c <= '9'; c++ {
		n := append(bytes.Clone(d), c)
		sum := 0
		for i := range n {
			v := int(n[len(n)-1-i] - '0')
			if i%2 == 1 {
				if v *= 2; v > 9 {
					v -= 9
				}
			}
			sum += v
		}
		if sum%10 == 0 {
			return string(n)
		}
	}
	panic("unreachable")
}

// germanIBAN is a DE IBAN of a random account with correct check digits.
func germanIBAN() string {
	bban := rnd(12, "0123456789", 18)
	n, _ := new(big.Int).SetString(bban+"131400", 10) // "DE00" moved to the end, letters as numbers
	check := 98 - int(new(big.Int).Mod(n, big.NewInt(97)).Int64())
	return "DE" + string(rune('0'+check/10)) + string(rune('0'+check%10)) + bban
}

var samples = sync.OnceValue(func() []sample {
	pem := "-----BEGIN RSA " + "PRIVATE KEY-----\n" + rnd(1, alnum+"+/", 64) + "\n" + rnd(2, alnum+"+/", 64) + "\n-----END RSA " + "PRIVATE KEY-----"
	value := rnd(3, alnum, 40)
	card := luhnCard()
	return []sample{
		{"gh" + "p_" + rnd(4, alnum, 36), ""},
		{"AK" + "IA" + rnd(5, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), ""},
		{"xo" + "xb-" + rnd(6, "0123456789", 11) + "-" + rnd(7, "0123456789", 12) + "-" + rnd(8, alnum, 24), ""},
		{"sk" + "_live_" + rnd(9, alnum, 24), ""},
		{pem, ""},
		{"password = " + value, value},
		{"jane.roe@example.com", ""},
		{card[:4] + " " + card[4:8] + " " + card[8:12] + " " + card[12:], ""},
		{germanIBAN(), ""},
	}
})

func (s sample) mustGo() string {
	if s.secret != "" {
		return s.secret
	}
	return s.text
}

type chain []interceptors.Interceptor

var theChain = sync.OnceValues(func() (chain, error) {
	sc, err := secrets.New(&secrets.Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionRedact, Responses: interceptors.ActionRedact})
	if err != nil {
		return nil, err
	}
	d, err := pii.New([]pii.Rule{
		{Kind: pii.KindEmail, Action: interceptors.ActionRedact},
		{Kind: pii.KindCard, Action: interceptors.ActionRedact},
		{Kind: pii.KindIBAN, Action: interceptors.ActionRedact},
	})
	if err != nil {
		return nil, err
	}
	return chain{sc, d}, nil
})

// run applies the chain to body (a JSON-RPC message) as ext_proc does.
func run(t *testing.T, body []byte, dir interceptors.Direction) *interceptors.Exchange {
	t.Helper()
	c, err := theChain()
	if err != nil {
		t.Fatal(err)
	}
	b, err := jsonrpc.Parse(body, jsonrpc.Limits{})
	if err != nil {
		t.Fatalf("the message built does not parse: %v\n%s", err, body)
	}
	m := b.Messages[0]
	x := &interceptors.Exchange{Server: "fuzz", Direction: dir, Message: m, Method: m.Method}
	if dir == interceptors.ToClient {
		x.Method, x.Tool = "tools/call", "fetch"
	}
	for _, ic := range c {
		if err := ic.Intercept(context.Background(), x); err != nil {
			t.Fatalf("%s: %v\n%s", ic.Name(), err, body)
		}
		if x.Action == interceptors.Deny {
			t.Fatalf("%s refused a message although every rule redacts: %s", ic.Name(), x.Reason)
		}
	}
	return x
}

func quote(s string) string {
	q, _ := jsontext.AppendQuote(nil, s)
	return string(q)
}

// build makes a message of the shapes redaction walks: a tools/call result
// with text, image and embedded resource content and structuredContent (or
// a tools/call request), carrying the fuzzed text with the chosen samples
// inserted, the fuzzed JSON value, and a JSON document held in a string.
func build(raw []byte, text string, at uint16, which uint16, request bool) (body []byte, inserted []sample) {
	text = strings.ToValidUTF8(text, "?")
	// Each chosen sample goes at its own place in text (on a character
	// boundary), on a line of its own, so that the text around it cannot
	// make it part of a longer token.
	type insert struct {
		pos int
		s   sample
	}
	var ins []insert
	for i, s := range samples() {
		if which&(1<<i) == 0 {
			continue
		}
		inserted = append(inserted, s)
		pos := int(at) % (len(text) + 1)
		for pos > 0 && pos < len(text) && !utf8.RuneStart(text[pos]) {
			pos--
		}
		ins = append(ins, insert{pos, s})
		at = at*31 + 7
	}
	slices.SortStableFunc(ins, func(a, b insert) int { return a.pos - b.pos })
	with := func(sep string) string {
		var b strings.Builder
		last := 0
		for _, in := range ins {
			b.WriteString(text[last:in.pos])
			b.WriteString(sep + in.s.text + sep)
			last = in.pos
		}
		b.WriteString(text[last:])
		return b.String()
	}
	// In a JSON document held in a string, a newline is the two bytes \n
	// to the rules, which would glue an "n" to the sample; a lone space
	// would let digits around a card number continue its groups.
	withSamples, inDoc := with("\n"), with(" ; ")
	value := `"` + strings.Repeat("x", len(raw)%5) + `"`
	if len(raw) > 0 && jsontext.Value(raw).IsValid() {
		value = string(raw)
	} else if utf8.Valid(raw) {
		value = quote(string(raw))
	}
	inner := `{"note":` + quote(inDoc) + `,"n":[1,2.5,null,true],"k":{"password":` + quote(text) + `}}`
	if request {
		body = []byte(`{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"fetch","arguments":{` +
			`"text":` + quote(withSamples) + `,"doc":` + value + `,"json":` + quote(inner) + `,"list":[` + quote(text) + `,{"deep":` + quote(withSamples) + `}]}}}`)
		return body, inserted
	}
	body = []byte(`{"jsonrpc":"2.0","id":7,"result":{"content":[` +
		`{"type":"text","text":` + quote(withSamples) + `},` +
		`{"type":"image","data":"iVBORw0KGgo=","mimeType":"image/png"},` +
		`{"type":"resource","resource":{"uri":"file:///notes.txt","mimeType":"text/plain","text":` + quote(inner) + `}},` +
		`{"type":"resource","resource":{"uri":"file:///b.bin","blob":"AAEC"}}],` +
		`"structuredContent":{"doc":` + value + `,"text":` + quote(withSamples) + `},"isError":false}}`)
	return body, inserted
}

// strip replaces every string value of v with "", to compare structure.
func strip(t *testing.T, v jsontext.Value) string {
	out, _, err := redact.Rewrite(v, func([]string, string) (string, bool) { return "", true })
	if err != nil {
		t.Fatalf("rewrite %s: %v", v, err)
	}
	if out == nil {
		return ""
	}
	c := out.Clone()
	if err := c.Canonicalize(); err != nil {
		t.Fatalf("canonicalize %s: %v", out, err)
	}
	return string(c)
}

// strings of v, unescaped.
func values(t *testing.T, v jsontext.Value) []string {
	var out []string
	if _, _, err := redact.Rewrite(v, func(_ []string, s string) (string, bool) {
		out = append(out, strings.Clone(s))
		return "", false
	}); err != nil {
		t.Fatalf("rewrite %s: %v", v, err)
	}
	return out
}

// FuzzRedact checks what the secrets and PII redaction guarantees for the
// messages it rewrites, with every rule redacting:
//
//   - it never panics, errs or refuses;
//   - the output is a valid JSON-RPC message, and differs from the input
//     only in string values;
//   - no inserted credential or personal datum survives, in the message's
//     own strings or in the JSON document a string holds, and no finding
//     names one;
//   - redacting the output again changes nothing (the labels are inert).
func FuzzRedact(f *testing.F) {
	pat := samples()[0].text
	f.Add([]byte(`{"a":[1,"b",{"c":null}]}`), "Deploy log\nall good", uint16(0), uint16(0x1ff), false)
	f.Add([]byte(`"token"`), "export GITHUB_TOKEN=", uint16(20), uint16(1), true)
	f.Add([]byte(`{"config":"aws_secret_access_key = x"}`), `{"password":"`, uint16(3), uint16(0x20), false)
	f.Add([]byte(`[]`), "-----BEGIN PRIVATE KEY-----\n", uint16(1000), uint16(0x10), false)
	f.Add([]byte(`not json`), "héllo wörld \u2028 \x00 \"quoted\" \\", uint16(7), uint16(0x1c0), true)
	f.Add([]byte(`{"k":"`+pat+`"}`), "", uint16(0), uint16(0), false)
	f.Fuzz(func(t *testing.T, raw []byte, text string, at, which uint16, request bool) {
		if len(raw) > 4<<10 || len(text) > 4<<10 {
			return
		}
		body, inserted := build(raw, text, at, which, request)
		dir := interceptors.ToClient
		if request {
			dir = interceptors.ToServer
		}
		x := run(t, body, dir)
		in, _ := jsonrpc.Parse(body, jsonrpc.Limits{})
		orig, out := in.Messages[0], x.Message

		// Valid, and only strings changed.
		enc := out.Marshal()
		again, err := jsonrpc.Parse(enc, jsonrpc.Limits{})
		if err != nil {
			t.Fatalf("the redacted message does not parse: %v\n%s", err, enc)
		}
		for _, pair := range [][2]jsontext.Value{{orig.Params, out.Params}, {orig.Result, out.Result}} {
			if (pair[0] == nil) != (pair[1] == nil) {
				t.Fatal("a field appeared or vanished")
			}
			if pair[0] != nil && strip(t, pair[0]) != strip(t, pair[1]) {
				t.Fatalf("more than strings changed:\n%s\n%s", pair[0], pair[1])
			}
		}
		if (x.Action == interceptors.Modify) != !bytes.Equal(enc, orig.Marshal()) {
			t.Fatalf("action %v, but the message changed: %v", x.Action, !bytes.Equal(enc, orig.Marshal()))
		}

		// Nothing inserted survives, at any level.
		var strs []string
		for _, v := range []jsontext.Value{out.Params, out.Result} {
			if v == nil {
				continue
			}
			for _, s := range values(t, v) {
				strs = append(strs, s)
				if jsontext.Value(s).IsValid() {
					strs = append(strs, values(t, jsontext.Value(s))...)
				}
			}
		}
		for _, s := range inserted {
			for _, str := range strs {
				if strings.Contains(str, s.mustGo()) {
					t.Fatalf("%q survived redaction in %q", s.mustGo(), str)
				}
			}
			for _, fd := range x.Findings {
				if strings.Contains(fd.Detail+fd.Where+fd.Rule, s.mustGo()) {
					t.Fatalf("finding %+v names %q", fd, s.mustGo())
				}
			}
		}

		// Idempotent.
		x2 := run(t, enc, dir)
		if x2.Action != interceptors.Allow || len(x2.Findings) > 0 {
			t.Fatalf("a second pass changed %s again (%v): %+v", enc, x2.Action, x2.Findings)
		}
		if got := x2.Message.Marshal(); !bytes.Equal(got, again.Messages[0].Marshal()) {
			t.Fatalf("a second pass changed the bytes:\n%s\n%s", enc, got)
		}
	})
}

// Every sample, inserted alone, is taken out: otherwise the fuzz target
// would check nothing.
func TestSamplesAreRedacted(t *testing.T) {
	for i, s := range samples() {
		for _, request := range []bool{false, true} {
			body, _ := build([]byte(`{}`), "context before and after", 9, 1<<i, request)
			dir := interceptors.ToClient
			if request {
				dir = interceptors.ToServer
			}
			x := run(t, body, dir)
			if x.Action != interceptors.Modify {
				t.Fatalf("sample %d (%q) not redacted", i, s.mustGo())
			}
			if bytes.Contains(x.Message.Marshal(), []byte(s.mustGo())) {
				t.Fatalf("sample %d survived", i)
			}
		}
	}
}
