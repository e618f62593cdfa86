package audit

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// randText mixes what strings in records hold: ASCII, every control and
// HTML-sensitive byte, multi-byte characters, U+2028/U+2029 and invalid
// UTF-8.
func randText(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return ""
	}
	pieces := []string{"a", "Z", " ", "\"", "\\", "<", ">", "&", "\u007f", "é", "日本", "\u2028", "\u2029", "\U0001F600", "\xff", "\xe2\x80", "\xed\xa0\x80", "/"}
	var b strings.Builder
	for range r.IntN(12) {
		switch r.IntN(3) {
		case 0:
			b.WriteByte(byte(r.IntN(0x20)))
		case 1:
			b.WriteByte(byte(r.IntN(256)))
		default:
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
	}
	return b.String()
}

// randRecord fills every field of a Record, found by reflection, so that a
// field added to Record or Finding and missed by appendRecord fails the
// comparison with encoding/json.
func randRecord(r *rand.Rand) *Record {
	zones := []*time.Location{time.UTC, time.FixedZone("x", 5*3600+1800), time.FixedZone("y", -8*3600), time.FixedZone("z", 30*3600)}
	rec := &Record{Time: time.Unix(r.Int64N(1<<40)-1<<39, r.Int64N(1e9)).In(zones[r.IntN(len(zones))])}
	fill(r, reflect.ValueOf(rec).Elem())
	return rec
}

func fill(r *rand.Rand, v reflect.Value) {
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(randText(r))
		case reflect.Int64:
			f.SetInt(r.Int64N(1<<40) - 1<<39)
		case reflect.Slice:
			if r.IntN(3) == 0 {
				f.Set(reflect.MakeSlice(f.Type(), 0, 0)) // empty, not nil: omitted all the same
			}
			for range r.IntN(3) {
				e := reflect.New(f.Type().Elem()).Elem()
				if e.Kind() == reflect.String {
					e.SetString(randText(r))
				} else {
					fill(r, e)
				}
				f.Set(reflect.Append(f, e))
			}
		case reflect.Struct:
			if f.Type() != reflect.TypeOf(time.Time{}) {
				fill(r, f)
			}
		default:
			panic("randRecord: a field of kind " + f.Kind().String() + " needs handling here and in appendRecord")
		}
	}
}

// The hand-written encoder must write exactly what encoding/json writes,
// and refuse exactly what it refuses.
func TestAppendRecordIsMarshal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	refused := 0
	for i := range 20000 {
		rec := randRecord(r)
		want, werr := json.Marshal(rec)
		got, ok := appendRecord(nil, rec)
		if (werr == nil) != ok {
			t.Fatalf("record %d: Marshal error %v, appendRecord ok %v", i, werr, ok)
		}
		if !ok {
			refused++
			continue
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("record %d:\n got %s\nwant %s", i, got, want)
		}
	}
	if refused == 0 {
		t.Fatal("no record had a time Marshal refuses: the comparison misses that case")
	}
}

func TestAppendStringEveryRune(t *testing.T) {
	var b strings.Builder
	for c := rune(0); c < 0x3000; c++ {
		b.WriteRune(c)
	}
	for c := 0; c < 256; c++ {
		b.WriteByte(byte(c))
	}
	s := b.String()
	want, _ := json.Marshal(s)
	if got := jsonrpc.AppendQuote(nil, s, jsonrpc.HTMLSafe); !bytes.Equal(got, want) {
		t.Fatal("appendString differs from encoding/json")
	}
	if !utf8.ValidString(string(jsonrpc.AppendQuote(nil, "\xff", jsonrpc.HTMLSafe))) {
		t.Fatal("invalid UTF-8 written")
	}
}

func TestWriteUnencodableTime(t *testing.T) {
	l := New(io.Discard)
	if err := l.Write(&Record{Time: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Server: "demo"}); err == nil ||
		!strings.Contains(err.Error(), "year outside of range") {
		t.Fatalf("got %v, want Marshal's error", err)
	}
}

func TestWriteDoesNotAllocate(t *testing.T) {
	l := New(io.Discard)
	rec := &Record{Time: time.Now(), Server: "demo", Direction: "to_server", Kind: "request", Method: "tools/call", Tool: "echo",
		ID: "42", Decision: "allow", Reason: "ok", Findings: []interceptors.Finding{{Interceptor: "secrets", Rule: "github-pat", Action: "redact", Mode: "enforce", Where: "params.arguments.x"}}}
	if n := testing.AllocsPerRun(100, func() { _ = l.Write(rec) }); n != 0 {
		t.Fatalf("%v allocations per record, want 0", n)
	}
}
