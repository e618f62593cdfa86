package redact

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

func TestRewriteVisitsStringValues(t *testing.T) {
	in := jsontext.Value(`{"a":"x","b":[1,"y",{"c":"z","d":null}],"e\u0041":"\u00e9","f":{"":"w"},"g":true}`)
	var got []string
	out, changed, err := Rewrite(in, func(path []string, s string) (string, bool) {
		got = append(got, strings.Join(path, ".")+"="+s)
		return "", false
	})
	if err != nil || changed {
		t.Fatal(err, changed)
	}
	if &out[0] != &in[0] || len(out) != len(in) {
		t.Error("unchanged input was copied")
	}
	want := "a=x b.1=y b.2.c=z eA=é f.=w"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestRewriteReplaces(t *testing.T) {
	in := jsontext.Value("{ \"keep\" : \"a\\u00e9\\n\" ,\n \"list\": [ \"secret\\tvalue\", 2 ],\"s\":\"plain\" }")
	out, changed, err := Rewrite(in, func(path []string, s string) (string, bool) {
		if strings.Contains(s, "secret") {
			return strings.ReplaceAll(s, "secret", `"<x>"\`+"\u2028\x01"), true
		}
		return "", false
	})
	if err != nil || !changed {
		t.Fatal(err, changed)
	}
	want := "{ \"keep\" : \"a\\u00e9\\n\" ,\n \"list\": [ \"\\\"<x>\\\"\\\\\u2028\\u0001\\tvalue\", 2 ],\"s\":\"plain\" }"
	if string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
	if !out.IsValid() {
		t.Error("output is not valid JSON")
	}
	var s []string
	if _, _, err := Rewrite(out, func(_ []string, v string) (string, bool) { s = append(s, v); return "", false }); err != nil || s[1] != "\"<x>\"\\\u2028\x01\tvalue" {
		t.Errorf("round trip: %q %v", s, err)
	}
}

func TestRewriteTopLevelAndErrors(t *testing.T) {
	out, changed, err := Rewrite(jsontext.Value(` "abc" `), func(p []string, s string) (string, bool) { return "x" + s, len(p) == 0 })
	if err != nil || !changed || string(out) != ` "xabc" ` {
		t.Errorf("%s %v %v", out, changed, err)
	}
	for _, bad := range []string{``, `{`, `{"a":}`, `["a" "b"]`, `"a" "b"`, `{"a":1}x`} {
		if _, _, err := Rewrite(jsontext.Value(bad), func([]string, string) (string, bool) { return "", false }); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	if _, _, err := Rewrite(jsontext.Value(deep), func([]string, string) (string, bool) { return "", false }); !errors.Is(err, ErrTooDeep) {
		t.Errorf("deep: %v", err)
	}
	ok := strings.Repeat(`{"a":`, 3000) + `"s"` + strings.Repeat("}", 3000)
	var depth int
	if _, _, err := Rewrite(jsontext.Value(ok), func(p []string, _ string) (string, bool) { depth = len(p); return "", false }); err != nil || depth != 3000 {
		t.Errorf("3000 levels: %d %v", depth, err)
	}
}

// raceEnabled is set by the race detector's build, whose sync.Pool drops
// items at random.
var raceEnabled bool

func TestRewriteUnchangedAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	in := jsontext.Value(`{"content":[{"type":"text","text":"line\none"},{"type":"text","text":"two"}],"n":[1,2,3]}`)
	allocs := testing.AllocsPerRun(100, func() {
		if _, _, err := Rewrite(in, func([]string, string) (string, bool) { return "", false }); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 0 {
		t.Errorf("%v allocations for an unchanged text", allocs)
	}
}

func TestApply(t *testing.T) {
	s := "abc SECRET def OTHER ghi"
	got := Apply(s, []Span{{Start: 15, End: 20, Rule: "b"}, {Start: 4, End: 10, Rule: "a"}, {Start: 6, End: 12, Rule: "c"}})
	if got != "abc [REDACTED:a]ef [REDACTED:b] ghi" {
		t.Errorf("got %q", got)
	}
	// JSON text in a string stays valid when the span lies in one of its
	// strings, and as far as possible when it crosses its syntax.
	doc := `{"k":"v1 SECRET\n v2","o":"x"}`
	i := strings.Index(doc, "SECRET")
	if got := Apply(doc, []Span{{Start: i, End: i + 6, Rule: "r"}}); got != `{"k":"v1 [REDACTED:r]\n v2","o":"x"}` {
		t.Errorf("inner: %s", got)
	}
	j := strings.Index(doc, `n v2"`)
	got = Apply(doc, []Span{{Start: i, End: j + 5, Rule: "r"}}) // crosses \n and the closing quote
	if !jsontext.Value(got).IsValid() || strings.Contains(got, "SECRET") || strings.Contains(got, "v2") {
		t.Errorf("crossing: %s", got)
	}
}

func TestInspectSkipBinary(t *testing.T) {
	b, err := jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":1,"result":{"content":[{"data":"QUJD","type":"image","mimeType":"image/png"},{"type":"text","text":"QUJD"},{"blob":"QUJD"}]}}`), jsonrpc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	detect := func(_ interceptors.Direction, field string, path []string, s string, dst []Detection) []Detection {
		seen = append(seen, Where(field, path))
		return append(dst, Detection{Start: 0, End: len(s), Rule: "r", Action: interceptors.ActionRedact, Mode: interceptors.Enforce})
	}
	x := &interceptors.Exchange{Direction: interceptors.ToClient, Message: b.Messages[0]}
	if err := Inspect(context.Background(), x, "t", Options{SkipBinary: true}, detect); err != nil {
		t.Fatal(err)
	}
	if strings.Join(seen, " ") != "result.content.0.type result.content.0.mimeType result.content.1.type result.content.1.text result.content.2.blob" {
		t.Errorf("seen %v", seen)
	}
	if got := string(x.Message.Result); got != `{"content":[{"data":"QUJD","type":"[REDACTED:r]","mimeType":"[REDACTED:r]"},{"type":"[REDACTED:r]","text":"[REDACTED:r]"},{"blob":"[REDACTED:r]"}]}` {
		t.Errorf("result %s", got)
	}
}

func TestWhereClipsLongNames(t *testing.T) {
	long := strings.Repeat("é", 40)
	w := Where("params", []string{"arguments", long})
	if !strings.HasPrefix(w, "params.arguments.") || !strings.HasSuffix(w, "...") || len(w) > len("params.arguments.")+maxSegment+3 {
		t.Errorf("%q", w)
	}
}

func TestRewriteIdentityKeepsMeaning(t *testing.T) {
	for _, in := range []string{
		`{"a":"\u00e9\ud83d\ude00\"\\\/\b\f\n\r\t\u0001","b":["x",{"c":["",""]}],"d":-1.5e3}`,
		`[[],{},"",[[""]]]`,
		"{\"k\":\"\u2028\u2029<>&\"}",
	} {
		out, changed, err := Rewrite(jsontext.Value(in), func(_ []string, s string) (string, bool) { return s, true })
		if err != nil || !changed {
			t.Fatal(err)
		}
		a, b := jsontext.Value(in).Clone(), out.Clone()
		if err := a.Canonicalize(); err != nil {
			t.Fatal(err)
		}
		if err := b.Canonicalize(); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if string(a) != string(b) {
			t.Errorf("%s\n -> %s", in, out)
		}
	}
}
