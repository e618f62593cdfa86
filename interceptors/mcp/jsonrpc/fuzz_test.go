package jsonrpc

import (
	"bytes"
	stdjson "encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	segjson "github.com/segmentio/encoding/json"
)

// fuzzSeeds are bodies that reach every rule of Parse.
var fuzzSeeds = []string{
	`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`,
	`{"jsonrpc":"2.0","id":"a","method":"\u0074ools/call","params":{"name":"\u0065cho"}}`,
	`{"jsonrpc":"2.0","method":"notifications/initialized"}`,
	`{"jsonrpc":"2.0","id":1e2,"result":{"tools":[{"name":"a"},{"name":"b","Name":"c"}],"nextCursor":"x"}}`,
	`{"jsonrpc":"2.0","id":-0,"error":{"code":-32601,"message":"no","data":[1,{"a":null}]}}`,
	`{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}`,
	`[{"jsonrpc":"2.0","id":1,"method":"tools/list"},{"jsonrpc":"2.0","method":"n","params":[1.5e-3,true,false,null]}]`,
	`[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","id":1.0,"method":"b"}]`,
	`{"jsonrpc":"2.0","method":"a","\u006dethod":"b"}`,
	`{"jsonrpc":"2.0","id":1,"Method":"tools/call"}`,
	`{"jsonrpc":"2.0","id":1,"method":"m","paramſ":{}}`,
	`{"jsonrpc":"2.0","id":9007199254740993,"method":"m"}`,
	`{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"file:///etc/passwd"}}`,
	"\ufeff{\"jsonrpc\":\"2.0\",\"method\":\"m\"}",
	"{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"s\":\"\xff\"}}",
	`{"jsonrpc":"2.0","method":"m","params":{"s":"\ud800"}}`,
	`{"jsonrpc":"2.0","method":"m"} {}`,
	`[]`,
	`[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]`,
	`{"jsonrpc":"2.0","method":"m","params":{"s":"[[[[\"\\"}}`,
	" \t\n{\"params\":{},\"method\":\"m\",\"jsonrpc\":\"2.0\"}\r\n",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		orig := bytes.Clone(body)
		b, err := Parse(body, Limits{MaxDepth: 16})
		if !bytes.Equal(body, orig) {
			t.Fatal("Parse modified its input")
		}
		if err != nil {
			if b != nil {
				t.Fatal("a batch with an error")
			}
			return
		}
		if !jsontext.Value(body).IsValid() {
			t.Fatalf("accepted invalid JSON %q", body)
		}
		if len(b.Messages) == 0 || (!b.IsBatch && len(b.Messages) != 1) {
			t.Fatalf("%d messages, batch %v", len(b.Messages), b.IsBatch)
		}
		for _, m := range b.Messages {
			kinds := 0
			for _, k := range []bool{m.IsRequest(), m.IsNotification(), m.IsResponse()} {
				if k {
					kinds++
				}
			}
			if kinds != 1 {
				t.Fatalf("message %s is of %d kinds", dump(m), kinds)
			}
			// Marshal re-parses to an equal message.
			out := m.Marshal()
			b2, err := Parse(out, Limits{MaxDepth: 16})
			if err != nil {
				t.Fatalf("Marshal output %s does not parse: %v", out, err)
			}
			if len(b2.Messages) != 1 || b2.IsBatch || !equalMessage(m, b2.Messages[0]) {
				t.Fatalf("Marshal round trip: %s != %s", dump(m), dump(b2.Messages[0]))
			}
			if m.IDKey() != b2.Messages[0].IDKey() {
				t.Fatal("IDKey changed in the round trip")
			}
			// The helpers never panic, and agree with Parse.
			if m.Method == "tools/call" && m.IsRequest() {
				tc, err := m.ToolCall()
				if err == nil && tc.Name != m.ParamName() {
					t.Fatalf("ToolCall name %q, ParamName %q", tc.Name, m.ParamName())
				}
				sameToolCall(t, m)
			}
			_ = m.ParamName()
			if m.Result != nil {
				res, removed, changed, err := filterTools(m.Result, func(n string) bool { return len(n)%2 == 0 })
				if err == nil {
					if changed != (len(removed) > 0) {
						t.Fatal("changed without a removal")
					}
					if changed {
						if _, _, changed2, err := filterTools(res, func(n string) bool { return len(n)%2 == 0 }); err != nil || changed2 {
							t.Fatalf("filtered result %s is refiltered: %v %v", res, changed2, err)
						}
					}
				}
			}
			if e := ErrorResponse(m.ID, CodeInternalError, "x", nil); m.ID != nil {
				if _, err := Parse(e, Limits{}); err != nil {
					t.Fatalf("ErrorResponse for %s: %v", m.ID, err)
				}
			}
		}
		enc := EncodeBatch(b)
		b3, err := Parse(enc, Limits{MaxDepth: 16})
		if err != nil {
			t.Fatalf("EncodeBatch output %s does not parse: %v", enc, err)
		}
		if b3.IsBatch != b.IsBatch || len(b3.Messages) != len(b.Messages) {
			t.Fatal("EncodeBatch round trip changed the batch")
		}
		for i := range b.Messages {
			if !equalMessage(b.Messages[i], b3.Messages[i]) {
				t.Fatalf("EncodeBatch round trip: %s != %s", dump(b.Messages[i]), dump(b3.Messages[i]))
			}
		}
		// What Parse accepts, other decoders read the same way: the
		// case-insensitive encoding/json, and segmentio/encoding as the MCP
		// Go SDK configures it.
		checkOracle(t, "encoding/json", b, func(v any) error { return stdjson.Unmarshal(body, v) })
		checkOracle(t, "segmentio", b, func(v any) error {
			d := segjson.NewDecoder(bytes.NewReader(body))
			d.DontMatchCaseInsensitiveStructFields()
			return d.Decode(v)
		})
	})
}

// oracleMessage is the shape the MCP Go SDK decodes messages into.
type oracleMessage struct {
	VersionTag string             `json:"jsonrpc"`
	ID         any                `json:"id"`
	Method     *string            `json:"method"`
	Params     stdjson.RawMessage `json:"params"`
	Result     stdjson.RawMessage `json:"result"`
	Error      stdjson.RawMessage `json:"error"`
}

func checkOracle(t *testing.T, name string, b *Batch, decode func(any) error) {
	var msgs []oracleMessage
	if b.IsBatch {
		if err := decode(&msgs); err != nil {
			t.Fatalf("%s refuses what Parse accepts: %v", name, err)
		}
	} else {
		var m oracleMessage
		if err := decode(&m); err != nil {
			t.Fatalf("%s refuses what Parse accepts: %v", name, err)
		}
		msgs = []oracleMessage{m}
	}
	if len(msgs) != len(b.Messages) {
		t.Fatalf("%s sees %d messages, Parse %d", name, len(msgs), len(b.Messages))
	}
	for i, o := range msgs {
		m := b.Messages[i]
		if o.VersionTag != "2.0" {
			t.Fatalf("%s sees version %q", name, o.VersionTag)
		}
		method := ""
		if o.Method != nil {
			method = *o.Method
		}
		if method != m.Method {
			t.Fatalf("%s sees method %q, Parse %q", name, method, m.Method)
		}
		if !sameRaw(o.Params, m.Params) || !sameRaw(o.Result, m.Result) || !sameRaw(o.Error, m.Error) {
			t.Fatalf("%s sees params %s result %s error %s; Parse %s", name, o.Params, o.Result, o.Error, dump(m))
		}
		var key string
		switch id := o.ID.(type) {
		case nil:
			if m.ID != nil && string(m.ID) != "null" {
				t.Fatalf("%s sees no id, Parse %s", name, m.ID)
			}
			continue
		case string:
			q, _ := jsontext.AppendQuote(nil, id)
			key = string(q)
		case float64:
			key = strconv.FormatInt(int64(id), 10)
		default:
			t.Fatalf("%s sees id %T", name, id)
		}
		if key != m.IDKey() {
			t.Fatalf("%s sees id %s, Parse %s", name, key, m.IDKey())
		}
	}
}

// sameRaw compares raw values, where a decoder may report a JSON null as
// absent.
func sameRaw(o stdjson.RawMessage, v jsontext.Value) bool {
	if v == nil {
		return o == nil
	}
	if o == nil {
		return string(v) == "null"
	}
	return bytes.Equal(o, v)
}

func TestFuzzSeedsDecided(t *testing.T) {
	// Every seed must be decided quickly and without panic.
	for _, s := range fuzzSeeds {
		_, _ = Parse([]byte(s), Limits{})
	}
	_, err := Parse([]byte(strings.Repeat(`{"a":`, 1<<16)), Limits{})
	if err == nil {
		t.Fatal("deep objects accepted")
	}
}
