package sse

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// ev is an expected event; Raw "" means "not checked".
type ev struct {
	raw, id, typ, data string
	hasData            bool
}

func (e ev) String() string {
	return fmt.Sprintf("{raw %q id %q type %q data %q hasData %v}", e.raw, e.id, e.typ, e.data, e.hasData)
}

func got(es []Event) []ev {
	var out []ev
	for _, e := range es {
		out = append(out, ev{string(e.Raw), e.ID, e.Type, string(e.Data), e.HasData})
	}
	return out
}

func equalEvents(a, b []ev) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.raw != "" && y.raw != "" && x.raw != y.raw {
			return false
		}
		x.raw, y.raw = "", ""
		if x != y {
			return false
		}
	}
	return true
}

// feedAll feeds the chunks, then finishes, and returns every event.
func feedAll(p *Parser, chunks ...[]byte) ([]Event, error) {
	var all []Event
	for _, c := range chunks {
		es, err := p.Feed(c)
		all = append(all, es...)
		if err != nil {
			return all, err
		}
	}
	last, err := p.Finish()
	if last != nil {
		all = append(all, *last)
	}
	return all, err
}

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		lenient bool
		want    []ev
		err     error
	}{
		{name: "one event", in: "data: hello\n\n", want: []ev{{raw: "data: hello\n\n", data: "hello", hasData: true}}},
		{name: "no space after colon", in: "data:hello\n\n", want: []ev{{data: "hello", hasData: true}}},
		{name: "only one space removed", in: "data:  two\n\n", want: []ev{{data: " two", hasData: true}}},
		{name: "tab kept", in: "data:\tx\n\n", want: []ev{{data: "\tx", hasData: true}}},
		{name: "trailing space kept", in: "data: x \n\n", want: []ev{{data: "x ", hasData: true}}},
		{name: "multiple data lines", in: "data: a\ndata:b\ndata\ndata: \n\n", want: []ev{{data: "a\nb\n\n", hasData: true}}},
		{name: "empty data", in: "data\n\n", want: []ev{{data: "", hasData: true}}},
		{
			name: "all fields",
			in:   ": comment\nid: 7\nevent: message\nretry: 1000\nunknown: x\ndata: {\"a\":1}\n\n",
			want: []ev{{raw: ": comment\nid: 7\nevent: message\nretry: 1000\nunknown: x\ndata: {\"a\":1}\n\n", id: "7", typ: "message", data: `{"a":1}`, hasData: true}},
		},
		{name: "last id and type win", in: "id: 1\nid: 2\nevent: a\nevent: b\n\n", want: []ev{{id: "2", typ: "b"}}},
		{name: "id with NUL ignored", in: "id: 1\nid: a\x00b\n\n", want: []ev{{id: "1"}}},
		{name: "empty id", in: "id\n\n", want: []ev{{}}},
		{name: "colon in value", in: "data: a: b\n\n", want: []ev{{data: "a: b", hasData: true}}},
		{name: "field names are case-sensitive", in: "Data: x\nDATA: y\n\n", want: []ev{{}}},
		{name: "field name with space", in: "data : x\n\n", want: []ev{{}}},
		{name: "comment only", in: ":ping\n\n", want: []ev{{raw: ":ping\n\n"}}},
		{name: "blank lines are events", in: "\n\ndata: x\n\n\n", want: []ev{{raw: "\n"}, {raw: "\n"}, {raw: "data: x\n\n", data: "x", hasData: true}, {raw: "\n"}}},
		{
			name: "several events",
			in:   "event: message\ndata: 1\n\nid: x\ndata: 2\ndata: 3\n\n: keepalive\n\n",
			want: []ev{{typ: "message", data: "1", hasData: true}, {id: "x", data: "2\n3", hasData: true}, {raw: ": keepalive\n\n"}},
		},
		{name: "CRLF", in: "data: a\r\ndata: b\r\n\r\n", want: []ev{{raw: "data: a\r\ndata: b\r\n\r\n", data: "a\nb", hasData: true}}},
		{name: "CRLF and LF mixed", in: "data: a\r\ndata: b\n\r\ndata: c\n\n", want: []ev{{data: "a\nb", hasData: true}, {data: "c", hasData: true}}},
		{name: "CR inside a data line with CRLF", in: "data: a\r\r\n\n", err: ErrAmbiguous},
		{name: "lone CR refused", in: "data: a\rdata: b\n\n", err: ErrAmbiguous},
		{name: "lone CR blank line refused", in: "data: a\n\rdata: b\n\n", err: ErrAmbiguous},
		{name: "LF CRLF is a blank line", in: "data: a\n\r\n", want: []ev{{raw: "data: a\n\r\n", data: "a", hasData: true}}},
		{name: "CR CR refused", in: "data: a\r\r", err: ErrAmbiguous},
		{name: "lone CR lenient", lenient: true, in: "data: a\rdata: b\r\rdata: c\r\n\r\n", want: []ev{{raw: "data: a\rdata: b\r\r", data: "a\nb", hasData: true}, {raw: "data: c\r\n\r\n", data: "c", hasData: true}}},
		{name: "LF CR lenient", lenient: true, in: "data: a\n\rdata: b\n\n", want: []ev{{raw: "data: a\n\r", data: "a", hasData: true}, {data: "b", hasData: true}}},
		{name: "byte order mark skipped", in: "\ufeffdata: x\n\n", want: []ev{{raw: "\ufeffdata: x\n\n", data: "x", hasData: true}}},
		{name: "byte order mark then field name", in: "\ufeffevent: e\n\n", want: []ev{{typ: "e"}}},
		{name: "second byte order mark kept", in: "\ufeff\ufeffdata: x\n\n", want: []ev{{}}},
		{name: "byte order mark later kept", in: "data: x\n\n\ufeffdata: y\n\n", want: []ev{{data: "x", hasData: true}, {}}},
		{name: "line separator in data", in: "data: {\"a\":\"x\u2028y\u2029z\u0085\"}\n\n", want: []ev{{data: "{\"a\":\"x\u2028y\u2029z\u0085\"}", hasData: true}}},
		{name: "line separator in id", in: "id: 1\u2028data: evil\n\n", err: ErrAmbiguous},
		{name: "paragraph separator in comment", in: ":\u2029data: evil\n\n", err: ErrAmbiguous},
		{name: "NEL in event", in: "event: a\u0085data: evil\n\n", err: ErrAmbiguous},
		{name: "VT in unknown field", in: "x: \vdata: evil\n\n", err: ErrAmbiguous},
		{name: "FF in retry", in: "retry: 1\f\n\n", err: ErrAmbiguous},
		{name: "RS in comment", in: ":\x1e\n\n", err: ErrAmbiguous},
		{name: "line separator in id lenient", lenient: true, in: "id: 1\u2028data: evil\n\n", want: []ev{{id: "1\u2028data: evil"}}},
		{name: "events before an error are returned", in: "data: 1\n\ndata: 2\rx\n\n", want: []ev{{data: "1", hasData: true}}, err: ErrAmbiguous},
		{name: "unterminated event dispatched at the end", in: "data: 1\n\ndata: 2\n", want: []ev{{data: "1", hasData: true}, {raw: "data: 2\n", data: "2", hasData: true}}},
		{name: "unterminated line dispatched at the end", in: "data: 2", want: []ev{{raw: "data: 2", data: "2", hasData: true}}},
		{name: "final CR ends a line", in: "data: 2\r", want: []ev{{raw: "data: 2\r", data: "2", hasData: true}}},
		{name: "final CR ends the event", in: "data: 2\n\r", want: []ev{{raw: "data: 2\n\r", data: "2", hasData: true}}},
		{name: "trailing comment dropped", in: "data: 1\n\n: bye\n", want: []ev{{data: "1", hasData: true}}},
		{name: "trailing whitespace dropped", in: "data: 1\n\n  \t", want: []ev{{data: "1", hasData: true}}},
		{name: "trailing field without value", in: "data: 1\n\nevent", want: []ev{{data: "1", hasData: true}, {raw: "event"}}},
		{name: "invalid UTF-8 is data", in: "data: \xff\n\n", want: []ev{{data: "\xff", hasData: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Parser{Lenient: tt.lenient}
			es, err := feedAll(p, []byte(tt.in))
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if !equalEvents(got(es), tt.want) {
				t.Errorf("events\n%v\nwant\n%v", got(es), tt.want)
			}
			if err == nil {
				checkCoverage(t, tt.in, es)
			}
		})
	}
}

// checkCoverage checks that the Raw of the events is the stream, less any
// remainder dropped at the end.
func checkCoverage(t *testing.T, in string, es []Event) {
	t.Helper()
	var all []byte
	for _, e := range es {
		all = append(all, e.Raw...)
	}
	if !strings.HasPrefix(in, string(all)) || strings.TrimLeft(in[len(all):], " \t\r\n") != "" && !strings.HasPrefix(strings.TrimLeft(in[len(all):], " \t\r\n"), ":") {
		t.Errorf("events cover %q of %q", all, in)
	}
}

// A stream split at every byte offset, and at every pair of offsets, gives
// the same events.
func TestChunkBoundaries(t *testing.T) {
	streams := []struct {
		in      string
		lenient bool
	}{
		{in: "\ufeffid: 1\r\nevent: message\r\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\r\n\r\n: keepalive\n\ndata: a\ndata: b\n\nretry: 10\ndata:x\r\n\r\ndata: tail"},
		{in: "data: 1\n\n\n\ndata: 2\r\n\r\n\r\n", lenient: false},
		{in: "data: 1\r\rdata: 2\r\n\rdata: 3\n\rdata: 4\r\r\n\r", lenient: true},
		{in: "\ufeff\r\n\r\n", lenient: false},
		{in: "\xef\xbbdata: x\n\n", lenient: false},
	}
	for _, s := range streams {
		whole, err := feedAll(&Parser{Lenient: s.lenient}, []byte(s.in))
		if err != nil {
			t.Fatalf("%q: %v", s.in, err)
		}
		checkCoverage(t, s.in, whole)
		want := got(whole)
		in := []byte(s.in)
		for i := 0; i <= len(in); i++ {
			es, err := feedAll(&Parser{Lenient: s.lenient}, in[:i], in[i:])
			if err != nil || !equalEvents(got(es), want) {
				t.Fatalf("%q split at %d: %v\n%v\nwant\n%v", s.in, i, err, got(es), want)
			}
			for j := i; j <= len(in); j++ {
				es, err := feedAll(&Parser{Lenient: s.lenient}, in[:i], in[i:j], in[j:])
				if err != nil || !equalEvents(got(es), want) {
					t.Fatalf("%q split at %d and %d: %v\n%v\nwant\n%v", s.in, i, j, err, got(es), want)
				}
			}
		}
		// One byte at a time.
		var chunks [][]byte
		for i := range in {
			chunks = append(chunks, in[i:i+1])
		}
		es, err := feedAll(&Parser{Lenient: s.lenient}, chunks...)
		if err != nil || !equalEvents(got(es), want) {
			t.Fatalf("%q byte by byte: %v\n%v", s.in, err, got(es))
		}
	}
}

func TestCRLFAcrossChunks(t *testing.T) {
	p := &Parser{}
	es, err := p.Feed([]byte("data: a\r\n\r"))
	if err != nil || len(es) != 0 {
		t.Fatalf("first chunk: %v %v", got(es), err)
	}
	if string(p.Pending()) != "data: a\r\n\r" {
		t.Errorf("Pending = %q", p.Pending())
	}
	es, err = p.Feed([]byte("\ndata: b\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []ev{{raw: "data: a\r\n\r\n", data: "a", hasData: true}, {raw: "data: b\n\n", data: "b", hasData: true}}
	if !equalEvents(got(es), want) {
		t.Errorf("events %v", got(es))
	}
	if p.Pending() != nil {
		t.Errorf("Pending = %q", p.Pending())
	}
	// A lone CR is refused only once the next byte shows it is alone.
	p = &Parser{}
	if es, err := p.Feed([]byte("data: a\r")); err != nil || len(es) != 0 {
		t.Fatalf("%v %v", es, err)
	}
	if _, err := p.Feed([]byte("x")); !errors.Is(err, ErrAmbiguous) {
		t.Fatalf("err = %v", err)
	}
}

func TestEventTooLarge(t *testing.T) {
	big := "data: " + strings.Repeat("x", 100) + "\n\n"
	for _, chunk := range []int{1, 7, 50, 1000} {
		p := &Parser{MaxEventBytes: 64}
		in := []byte("data: ok\n\n" + big + "data: never\n\n")
		var all []Event
		var err error
		for i := 0; i < len(in) && err == nil; i += chunk {
			var es []Event
			es, err = p.Feed(in[i:min(len(in), i+chunk)])
			all = append(all, es...)
		}
		if !errors.Is(err, ErrEventTooLarge) {
			t.Fatalf("chunk %d: err = %v", chunk, err)
		}
		if !equalEvents(got(all), []ev{{data: "ok", hasData: true}}) {
			t.Errorf("chunk %d: events %v", chunk, got(all))
		}
		if _, err := p.Feed([]byte("data: x\n\n")); !errors.Is(err, ErrEventTooLarge) {
			t.Errorf("chunk %d: after the error: %v", chunk, err)
		}
		if _, err := p.Finish(); !errors.Is(err, ErrEventTooLarge) {
			t.Errorf("chunk %d: Finish after the error: %v", chunk, err)
		}
	}
	// An event of exactly the limit passes.
	exact := "data: " + strings.Repeat("x", 58) + "\n\n"
	p := &Parser{MaxEventBytes: len(exact)}
	if es, err := feedAll(p, []byte(exact+exact)); err != nil || len(es) != 2 {
		t.Fatalf("exact: %v %v", got(es), err)
	}
	// Held bytes without a line end count too.
	p = &Parser{MaxEventBytes: 10}
	if _, err := p.Feed([]byte(strings.Repeat("x", 11))); !errors.Is(err, ErrEventTooLarge) {
		t.Fatalf("held: %v", err)
	}
	// The default limit.
	p = &Parser{}
	if _, err := p.Feed([]byte("data: " + strings.Repeat("x", DefaultMaxEventBytes))); !errors.Is(err, ErrEventTooLarge) {
		t.Fatalf("default: %v", err)
	}
}

func TestFinishResets(t *testing.T) {
	p := &Parser{MaxEventBytes: 100}
	if _, err := p.Feed([]byte("\ufeffdata: a")); err != nil {
		t.Fatal(err)
	}
	e, err := p.Finish()
	if err != nil || e == nil || string(e.Data) != "a" {
		t.Fatalf("Finish = %v %v", e, err)
	}
	if e, err := p.Finish(); e != nil || err != nil {
		t.Fatalf("second Finish = %v %v", e, err)
	}
	// A new stream: its byte order mark is skipped again.
	es, err := feedAll(p, []byte("\ufeffdata: b\n\n"))
	if err != nil || len(es) != 1 || string(es[0].Data) != "b" {
		t.Fatalf("new stream: %v %v", got(es), err)
	}
	if p.MaxEventBytes != 100 {
		t.Error("Finish lost the configuration")
	}
}

// Events stay valid while the parser goes on.
func TestEventsStayValid(t *testing.T) {
	p := &Parser{}
	in := "data: first\n\ndata: sec"
	es1, err := p.Feed([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	chunk2 := []byte("ond\n\ndata: third\ndata: x\n\nid: 4")
	es2, err := p.Feed(chunk2)
	if err != nil {
		t.Fatal(err)
	}
	es3, err := p.Feed([]byte(strings.Repeat("9", 5000) + "\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	last, _ := p.Finish()
	if last != nil {
		t.Fatalf("unexpected remainder %q", last.Raw)
	}
	// Appending to a Raw must not clobber the parser's buffer, nor others.
	for _, es := range [][]Event{es1, es2, es3} {
		for _, e := range es {
			_ = append(e.Raw, "GARBAGE"...)
			_ = append(e.Data, "GARBAGE"...)
		}
	}
	want := []string{"data: first\n\n", "data: second\n\n", "data: third\ndata: x\n\n", "id: 4" + strings.Repeat("9", 5000) + "\n\n"}
	var all []Event
	all = append(append(append(all, es1...), es2...), es3...)
	if len(all) != len(want) {
		t.Fatalf("%d events", len(all))
	}
	for i, e := range all {
		if string(e.Raw) != want[i] {
			t.Errorf("event %d Raw = %q, want %q", i, e.Raw, want[i])
		}
	}
	if string(all[1].Data) != "second" || string(all[2].Data) != "third\nx" {
		t.Errorf("data %q %q", all[1].Data, all[2].Data)
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		e    Event
		want string
	}{
		{Event{Data: []byte(`{"a":1}`), HasData: true}, "data: {\"a\":1}\n\n"},
		{Event{ID: "7", Type: "message", Data: []byte("a\nb"), HasData: true}, "id: 7\nevent: message\ndata: a\ndata: b\n\n"},
		{Event{Data: []byte("a\r\nb\rc\n"), HasData: true}, "data: a\ndata: b\ndata: c\ndata: \n\n"},
		{Event{Data: []byte(""), HasData: true}, "data: \n\n"},
		{Event{Data: []byte(" lead")}, "data:  lead\n\n"},
		{Event{ID: "x"}, "id: x\n\n"},
		{Event{}, "\n"},
		{Event{ID: "a\nb", Type: "c\rd", Data: []byte("x"), HasData: true}, "data: x\n\n"},
		{Event{ID: "a\x00", Type: "t\u2028", HasData: true}, "data: \n\n"},
	}
	for _, tt := range tests {
		out := Encode(tt.e)
		if string(out) != tt.want {
			t.Errorf("Encode(%+v) = %q, want %q", tt.e, out, tt.want)
		}
		es, err := feedAll(&Parser{}, out)
		if err != nil || len(es) != 1 {
			t.Fatalf("Encode output %q: %v %v", out, got(es), err)
		}
	}
	// Round trip.
	e := Event{ID: "42", Type: "message", Data: []byte("{\"jsonrpc\":\"2.0\",\n\"id\":1}"), HasData: true}
	es, err := feedAll(&Parser{}, Encode(e))
	if err != nil || len(es) != 1 || es[0].ID != e.ID || es[0].Type != e.Type || !bytes.Equal(es[0].Data, e.Data) || !es[0].HasData {
		t.Fatalf("round trip: %v %v", got(es), err)
	}
}

// A long line fed in small chunks costs linear time, not quadratic.
func TestLongLineInSmallChunks(t *testing.T) {
	const size = 3 << 20
	line := append([]byte("data: "), bytes.Repeat([]byte("x"), size)...)
	line = append(line, "\r\n\r\n"...)
	p := &Parser{}
	start := time.Now()
	var es []Event
	for i := 0; i < len(line); i += 64 {
		e, err := p.Feed(line[i:min(len(line), i+64)])
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, e...)
	}
	if len(es) != 1 || len(es[0].Data) != size {
		t.Fatalf("%d events", len(es))
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}
