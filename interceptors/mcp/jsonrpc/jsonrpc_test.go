package jsonrpc

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

func TestParseValid(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		batch bool
		want  []Message
	}{
		{
			name: "request",
			body: `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"x":1}}}`,
			want: []Message{{ID: raw(`1`), Method: "tools/call", Params: raw(`{"name":"echo","arguments":{"x":1}}`)}},
		},
		{
			name: "escaped method",
			body: `{"jsonrpc":"2.0","id":"a","method":"\u0074ools/call","params":{}}`,
			want: []Message{{ID: raw(`"a"`), Method: "tools/call", Params: raw(`{}`)}},
		},
		{
			name: "escaped version and unknown method",
			body: `{"jsonrpc":"2\u002e0","method":"x/\u00e9t\u00E9"}`,
			want: []Message{{Method: "x/été"}},
		},
		{
			name: "members in any order",
			body: `{"params":[1,2],"method":"m","id":-7,"jsonrpc":"2.0"}`,
			want: []Message{{ID: raw(`-7`), Method: "m", Params: raw(`[1,2]`)}},
		},
		{
			name: "notification",
			body: `{"jsonrpc":"2.0","method":"notifications/initialized"}`,
			want: []Message{{Method: "notifications/initialized"}},
		},
		{
			name: "result",
			body: `{"jsonrpc":"2.0","id":"x","result":{"tools":[]}}`,
			want: []Message{{ID: raw(`"x"`), Result: raw(`{"tools":[]}`)}},
		},
		{
			name: "null result",
			body: `{"jsonrpc":"2.0","id":3,"result":null}`,
			want: []Message{{ID: raw(`3`), Result: raw(`null`)}},
		},
		{
			name: "error with data and extra member",
			body: `{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no","data":{"a":[1]},"x":1}}`,
			want: []Message{{ID: raw(`3`), Error: raw(`{"code":-32601,"message":"no","data":{"a":[1]},"x":1}`)}},
		},
		{
			name: "error with null id",
			body: `{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}`,
			want: []Message{{ID: raw(`null`), Error: raw(`{"code":-32700,"message":"parse error"}`)}},
		},
		{
			name: "whitespace everywhere",
			body: " \t\r\n{ \"jsonrpc\" : \"2.0\" ,\n\"id\"\t:\r1 , \"method\" : \"ping\" , \"params\" : { \"a\" : [ 1 , 2 ] } }\n\n ",
			want: []Message{{ID: raw(`1`), Method: "ping", Params: raw(`{ "a" : [ 1 , 2 ] }`)}},
		},
		{
			name: "numbers keep their raw text",
			body: `{"jsonrpc":"2.0","id":1e2,"method":"m","params":{"a":-0,"b":1.50,"c":1E+400,"d":123456789012345678901234567890}}`,
			want: []Message{{ID: raw(`1e2`), Method: "m", Params: raw(`{"a":-0,"b":1.50,"c":1E+400,"d":123456789012345678901234567890}`)}},
		},
		{
			name: "unicode",
			body: `{"jsonrpc":"2.0","id":"🙂","method":"tools/call","params":{"name":"日本語","s":"\ud83d\ude42 é"}}`,
			want: []Message{{ID: raw(`"🙂"`), Method: "tools/call", Params: raw(`{"name":"日本語","s":"\ud83d\ude42 é"}`)}},
		},
		{
			name:  "batch mixing requests, notifications and responses",
			body:  `[{"jsonrpc":"2.0","id":1,"method":"tools/list"},{"jsonrpc":"2.0","method":"notifications/progress","params":{"p":1}} , {"jsonrpc":"2.0","id":"1","method":"ping"},{"jsonrpc":"2.0","id":1,"result":{}}]`,
			batch: true,
			want: []Message{
				{ID: raw(`1`), Method: "tools/list"},
				{Method: "notifications/progress", Params: raw(`{"p":1}`)},
				{ID: raw(`"1"`), Method: "ping"},
				{ID: raw(`1`), Result: raw(`{}`)},
			},
		},
		{
			name:  "batch of one",
			body:  `[{"jsonrpc":"2.0","method":"n"}]`,
			batch: true,
			want:  []Message{{Method: "n"}},
		},
		{
			name: "depth at the limit",
			body: `{"jsonrpc":"2.0","method":"m","params":` + strings.Repeat("[", 63) + strings.Repeat("]", 63) + `}`,
			want: []Message{{Method: "m", Params: raw(strings.Repeat("[", 63) + strings.Repeat("]", 63))}},
		},
		{
			name: "brackets inside strings do not count",
			body: `{"jsonrpc":"2.0","method":"m","params":{"s":"` + strings.Repeat(`[{\"\\`, 100) + `"}}`,
			want: []Message{{Method: "m", Params: raw(`{"s":"` + strings.Repeat(`[{\"\\`, 100) + `"}`)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.body), Limits{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if b.IsBatch != tt.batch {
				t.Errorf("IsBatch = %v, want %v", b.IsBatch, tt.batch)
			}
			if len(b.Messages) != len(tt.want) {
				t.Fatalf("%d messages, want %d", len(b.Messages), len(tt.want))
			}
			for i, m := range b.Messages {
				if !equalMessage(m, &tt.want[i]) {
					t.Errorf("message %d = %s, want %s", i, dump(m), dump(&tt.want[i]))
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	req := func(params string) string { return `{"jsonrpc":"2.0","id":1,"method":"m","params":` + params + `}` }
	tests := []struct {
		name string
		body string
		lim  Limits
		want error
	}{
		// The JSON text.
		{"empty", ``, Limits{}, ErrSyntax},
		{"whitespace only", " \n\t ", Limits{}, ErrSyntax},
		{"truncated", `{"jsonrpc":"2.0","method":"m"`, Limits{}, ErrSyntax},
		{"trailing garbage", `{"jsonrpc":"2.0","method":"m"}x`, Limits{}, ErrSyntax},
		{"trailing bracket", `{"jsonrpc":"2.0","method":"m"}]`, Limits{}, ErrSyntax},
		{"two values", `{"jsonrpc":"2.0","method":"m"} {"jsonrpc":"2.0","method":"m"}`, Limits{}, ErrSyntax},
		{"two values without space", `{"jsonrpc":"2.0","method":"m"}{}`, Limits{}, ErrSyntax},
		{"trailing NUL", "{\"jsonrpc\":\"2.0\",\"method\":\"m\"}\x00", Limits{}, ErrSyntax},
		{"byte order mark", "\ufeff{\"jsonrpc\":\"2.0\",\"method\":\"m\"}", Limits{}, ErrSyntax},
		{"byte order mark after space", " \ufeff{\"jsonrpc\":\"2.0\",\"method\":\"m\"}", Limits{}, ErrSyntax},
		{"invalid UTF-8", "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"a\":\"\xff\"}}", Limits{}, ErrSyntax},
		{"invalid UTF-8 in a name", "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"\xc3\":1}}", Limits{}, ErrSyntax},
		{"overlong UTF-8", "{\"jsonrpc\":\"2.0\",\"method\":\"\xc1\xb4ools/call\"}", Limits{}, ErrSyntax},
		{"lone surrogate escape", req(`{"a":"\ud800"}`), Limits{}, ErrSyntax},
		{"reversed surrogates", req(`{"a":"\udc00\ud800"}`), Limits{}, ErrSyntax},
		{"control character in string", req("{\"a\":\"\x01\"}"), Limits{}, ErrSyntax},
		{"comment", `{"jsonrpc":"2.0",/*x*/"method":"m"}`, Limits{}, ErrSyntax},
		{"trailing comma", `{"jsonrpc":"2.0","method":"m",}`, Limits{}, ErrSyntax},
		{"trailing comma in batch", `[{"jsonrpc":"2.0","method":"m"},]`, Limits{}, ErrSyntax},
		{"single quotes", `{'jsonrpc':'2.0','method':'m'}`, Limits{}, ErrSyntax},
		{"leading zero", req(`[01]`), Limits{}, ErrSyntax},
		{"NaN", req(`[NaN]`), Limits{}, ErrSyntax},
		{"plus sign", req(`[+1]`), Limits{}, ErrSyntax},
		{"unquoted name", `{jsonrpc:"2.0","method":"m"}`, Limits{}, ErrSyntax},
		{"non-JSON whitespace", "{\"jsonrpc\":\"2.0\",\u00a0\"method\":\"m\"}", Limits{}, ErrSyntax},
		{"vertical tab", "{\"jsonrpc\":\"2.0\",\v\"method\":\"m\"}", Limits{}, ErrSyntax},

		// Duplicate names anywhere.
		{"duplicate method", `{"jsonrpc":"2.0","method":"a","method":"b"}`, Limits{}, ErrDuplicateKey},
		{"duplicate method after unescaping", `{"jsonrpc":"2.0","method":"a","\u006dethod":"b"}`, Limits{}, ErrDuplicateKey},
		{"duplicate id", `{"jsonrpc":"2.0","id":1,"id":2,"method":"m"}`, Limits{}, ErrDuplicateKey},
		{"duplicate jsonrpc", `{"jsonrpc":"2.0","jsonrpc":"2.0","method":"m"}`, Limits{}, ErrDuplicateKey},
		{"duplicate in params", req(`{"name":"a","name":"b"}`), Limits{}, ErrDuplicateKey},
		{"duplicate deep in params", req(`{"a":[{"b":{"c":1,"\u0063":2}}]}`), Limits{}, ErrDuplicateKey},
		{"duplicate in batch element", `[{"jsonrpc":"2.0","method":"m"},{"jsonrpc":"2.0","method":"m","params":{"x":1,"x":1}}]`, Limits{}, ErrDuplicateKey},
		{"duplicate in error data", `{"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"m","data":{"k":1,"k":2}}}`, Limits{}, ErrDuplicateKey},
		{"duplicate escaped unicode name", req(`{"é":1,"\u00e9":2}`), Limits{}, ErrDuplicateKey},

		// Names that differ from protocol names by letter case.
		{"Method", `{"jsonrpc":"2.0","id":1,"Method":"tools/call"}`, Limits{}, ErrCaseVariantKey},
		{"PARAMS", `{"jsonrpc":"2.0","id":1,"method":"m","PARAMS":{}}`, Limits{}, ErrCaseVariantKey},
		{"ID", `{"jsonrpc":"2.0","ID":1,"method":"m"}`, Limits{}, ErrCaseVariantKey},
		{"JsonRPC", `{"JsonRPC":"2.0","method":"m"}`, Limits{}, ErrCaseVariantKey},
		{"Result", `{"jsonrpc":"2.0","id":1,"Result":{}}`, Limits{}, ErrCaseVariantKey},
		{"eRROR", `{"jsonrpc":"2.0","id":1,"result":{},"eRROR":{}}`, Limits{}, ErrCaseVariantKey},
		{"escaped case variant", `{"jsonrpc":"2.0","id":1,"method":"m","\u004dethod":"x"}`, Limits{}, ErrCaseVariantKey},
		{"long s folds to s", `{"jsonrpc":"2.0","id":1,"method":"m","paramſ":{}}`, Limits{}, ErrCaseVariantKey},
		{"case variant in error object", `{"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"a","Message":"b"}}`, Limits{}, ErrCaseVariantKey},
		{"name cut at NUL", `{"jsonrpc":"2.0","id":1,"method":"m","method\u0000x":"tools/call"}`, Limits{}, ErrCaseVariantKey},
		{"case variant in batch element", `[{"jsonrpc":"2.0","method":"m"},{"jsonrpc":"2.0","method":"m","Params":[]}]`, Limits{}, ErrCaseVariantKey},

		// The protocol.
		{"unknown member", `{"jsonrpc":"2.0","id":1,"method":"m","extra":1}`, Limits{}, ErrInvalid},
		{"method-like unknown member", `{"jsonrpc":"2.0","id":1,"method":"m","methods":1}`, Limits{}, ErrInvalid},
		{"missing jsonrpc", `{"id":1,"method":"m"}`, Limits{}, ErrInvalid},
		{"jsonrpc 1.0", `{"jsonrpc":"1.0","id":1,"method":"m"}`, Limits{}, ErrInvalid},
		{"jsonrpc number", `{"jsonrpc":2.0,"id":1,"method":"m"}`, Limits{}, ErrInvalid},
		{"jsonrpc with space", `{"jsonrpc":"2.0 ","id":1,"method":"m"}`, Limits{}, ErrInvalid},
		{"method number", `{"jsonrpc":"2.0","id":1,"method":1}`, Limits{}, ErrInvalid},
		{"method null", `{"jsonrpc":"2.0","id":1,"method":null}`, Limits{}, ErrInvalid},
		{"method empty", `{"jsonrpc":"2.0","id":1,"method":""}`, Limits{}, ErrInvalid},
		{"params string", `{"jsonrpc":"2.0","id":1,"method":"m","params":"x"}`, Limits{}, ErrInvalid},
		{"params null", `{"jsonrpc":"2.0","id":1,"method":"m","params":null}`, Limits{}, ErrInvalid},
		{"id object", `{"jsonrpc":"2.0","id":{},"method":"m"}`, Limits{}, ErrInvalid},
		{"id array", `{"jsonrpc":"2.0","id":[1],"method":"m"}`, Limits{}, ErrInvalid},
		{"id bool", `{"jsonrpc":"2.0","id":true,"method":"m"}`, Limits{}, ErrInvalid},
		{"id fraction", `{"jsonrpc":"2.0","id":1.5,"method":"m"}`, Limits{}, ErrInvalid},
		{"id small fraction", `{"jsonrpc":"2.0","id":1e-2,"method":"m"}`, Limits{}, ErrInvalid},
		{"id beyond 2^53", `{"jsonrpc":"2.0","id":9007199254740992,"method":"m"}`, Limits{}, ErrInvalid},
		{"id huge exponent", `{"jsonrpc":"2.0","id":1e400,"method":"m"}`, Limits{}, ErrInvalid},
		{"request with null id", `{"jsonrpc":"2.0","id":null,"method":"tools/call","params":{"name":"x"}}`, Limits{}, ErrInvalid},
		{"response without id", `{"jsonrpc":"2.0","result":{}}`, Limits{}, ErrInvalid},
		{"result with null id", `{"jsonrpc":"2.0","id":null,"result":{}}`, Limits{}, ErrInvalid},
		{"result and error", `{"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"x"}}`, Limits{}, ErrInvalid},
		{"result and method", `{"jsonrpc":"2.0","id":1,"method":"m","result":{}}`, Limits{}, ErrInvalid},
		{"error and method", `{"jsonrpc":"2.0","method":"m","error":{"code":1,"message":"x"}}`, Limits{}, ErrInvalid},
		{"response with params", `{"jsonrpc":"2.0","id":1,"result":{},"params":{}}`, Limits{}, ErrInvalid},
		{"id only", `{"jsonrpc":"2.0","id":1}`, Limits{}, ErrInvalid},
		{"version only", `{"jsonrpc":"2.0"}`, Limits{}, ErrInvalid},
		{"error null", `{"jsonrpc":"2.0","id":1,"error":null}`, Limits{}, ErrInvalid},
		{"error string", `{"jsonrpc":"2.0","id":1,"error":"x"}`, Limits{}, ErrInvalid},
		{"error code fraction", `{"jsonrpc":"2.0","id":1,"error":{"code":1.0,"message":"x"}}`, Limits{}, ErrInvalid},
		{"error code exponent", `{"jsonrpc":"2.0","id":1,"error":{"code":1e3,"message":"x"}}`, Limits{}, ErrInvalid},
		{"error code string", `{"jsonrpc":"2.0","id":1,"error":{"code":"1","message":"x"}}`, Limits{}, ErrInvalid},
		{"error code too big", `{"jsonrpc":"2.0","id":1,"error":{"code":99999999999999999999,"message":"x"}}`, Limits{}, ErrInvalid},
		{"error without message", `{"jsonrpc":"2.0","id":1,"error":{"code":1}}`, Limits{}, ErrInvalid},
		{"error message number", `{"jsonrpc":"2.0","id":1,"error":{"code":1,"message":2}}`, Limits{}, ErrInvalid},
		{"top-level string", `"x"`, Limits{}, ErrInvalid},
		{"top-level number", `1`, Limits{}, ErrInvalid},
		{"top-level null", `null`, Limits{}, ErrInvalid},
		{"batch of numbers", `[1]`, Limits{}, ErrInvalid},
		{"nested batch", `[[{"jsonrpc":"2.0","method":"m"}]]`, Limits{}, ErrInvalid},
		{"batch element null", `[{"jsonrpc":"2.0","method":"m"},null]`, Limits{}, ErrInvalid},
		{"batch with invalid member", `[{"jsonrpc":"2.0","method":"m"},{"jsonrpc":"2.0"}]`, Limits{}, ErrInvalid},
		{"batch reusing a request id", `[{"jsonrpc":"2.0","id":1,"method":"tools/list"},{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}}]`, Limits{}, ErrInvalid},
		{"batch reusing a request id spelt differently", `[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","id":1.0,"method":"b"}]`, Limits{}, ErrInvalid},
		{"batch reusing a string id escaped", `[{"jsonrpc":"2.0","id":"a","method":"a"},{"jsonrpc":"2.0","id":"\u0061","method":"b"}]`, Limits{}, ErrInvalid},
		{"batch reusing an id among many", `[` + manyRequests(40) + `,{"jsonrpc":"2.0","id":39,"method":"b"}]`, Limits{}, ErrInvalid},

		// Depth.
		{"deep params", req(deep(100)), Limits{}, ErrTooDeep},
		{"deep params just over", req(deep(64)), Limits{}, ErrTooDeep},
		{"deep batch", deep(1000), Limits{}, ErrTooDeep},
		{"very deep unterminated", strings.Repeat("[", 1<<20), Limits{}, ErrTooDeep},
		{"deep objects", req(strings.Repeat(`{"a":`, 70) + "1" + strings.Repeat("}", 70)), Limits{}, ErrTooDeep},
		{"custom limit", req(deep(5)), Limits{MaxDepth: 5}, ErrTooDeep},
		{"deep inside a batch", `[` + req(deep(63)) + `]`, Limits{}, ErrTooDeep},

		// Batches.
		{"empty batch", `[]`, Limits{}, ErrEmptyBatch},
		{"empty batch with space", " [ \n ] ", Limits{}, ErrEmptyBatch},

		// Errors of the text are preferred to errors of the protocol.
		{"case variant then duplicate", `{"Method":"x","method":"a","method":"b"}`, Limits{}, ErrDuplicateKey},
		{"unknown member then garbage", `{"jsonrpc":"2.0","x":1,"method":"m"} x`, Limits{}, ErrSyntax},
		{"invalid batch element then bad UTF-8", "[1,\"\xff\"]", Limits{}, ErrSyntax},
		{"empty batch then garbage", `[],`, Limits{}, ErrSyntax},
		{"semantic then truncated", `{"jsonrpc":"1.0","method":"m"`, Limits{}, ErrSyntax},
		{"top-level string then garbage", `"x" 1`, Limits{}, ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.body), tt.lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse(%q) = %v, %v; want %v", clip([]byte(tt.body)), b, err, tt.want)
			}
		})
	}
}

func manyRequests(n int) string {
	var s []string
	for i := range n {
		s = append(s, `{"jsonrpc":"2.0","id":`+strconv.Itoa(i)+`,"method":"a"}`)
	}
	return strings.Join(s, ",")
}

func TestParseAliasesBody(t *testing.T) {
	body := []byte(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}}`)
	b, err := Parse(body, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	p := b.Messages[0].Params
	if &p[0] != &body[bytes.Index(body, []byte(`{"name"`))] {
		t.Error("params do not alias the body")
	}
	if cap(p) != len(p) {
		t.Error("params capacity reaches past the value; an append would overwrite the body")
	}
}

func TestKinds(t *testing.T) {
	tests := []struct {
		body                  string
		req, notif, resp      bool
		wantMethod, wantIDKey string
	}{
		{`{"jsonrpc":"2.0","id":1,"method":"m"}`, true, false, false, "m", "1"},
		{`{"jsonrpc":"2.0","method":"m"}`, false, true, false, "m", ""},
		{`{"jsonrpc":"2.0","id":"1","result":{}}`, false, false, true, "", `"1"`},
		{`{"jsonrpc":"2.0","id":null,"error":{"code":1,"message":"x"}}`, false, false, true, "", "null"},
	}
	for _, tt := range tests {
		b, err := Parse([]byte(tt.body), Limits{})
		if err != nil {
			t.Fatalf("%s: %v", tt.body, err)
		}
		m := b.Messages[0]
		if m.IsRequest() != tt.req || m.IsNotification() != tt.notif || m.IsResponse() != tt.resp {
			t.Errorf("%s: request %v notification %v response %v", tt.body, m.IsRequest(), m.IsNotification(), m.IsResponse())
		}
		if m.Method != tt.wantMethod || m.IDKey() != tt.wantIDKey {
			t.Errorf("%s: method %q key %q", tt.body, m.Method, m.IDKey())
		}
	}
}

func TestIDKey(t *testing.T) {
	tests := []struct{ id, key string }{
		{``, ``},
		{`1`, `1`},
		{`1.0`, `1`},
		{`1e0`, `1`},
		{`10e-1`, `1`},
		{`1E2`, `100`},
		{`100`, `100`},
		{`-0`, `0`},
		{`-0.0`, `0`},
		{`0`, `0`},
		{`-12`, `-12`},
		{`9007199254740991`, `9007199254740991`},
		{`-9007199254740991`, `-9007199254740991`},
		{`9.007199254740991e15`, `9007199254740991`},
		{`1.5`, `1.5`},                           // refused by Parse; raw text
		{`9007199254740993`, `9007199254740993`}, // refused by Parse; raw text
		{`"1"`, `"1"`},
		{`"a"`, `"a"`},
		{`"\u0061"`, `"a"`},
		{`"\/"`, `"/"`},
		{`"\u00e9"`, `"é"`},
		{`"\ud83d\ude42"`, `"🙂"`},
		{`"\""`, `"\""`},
		{`"\u0001"`, `"\u0001"`},
		{`"<&>"`, `"<&>"`},
		{`null`, `null`},
	}
	for _, tt := range tests {
		m := &Message{}
		if tt.id != "" {
			m.ID = raw(tt.id)
		}
		if got := m.IDKey(); got != tt.key {
			t.Errorf("IDKey(%s) = %s, want %s", tt.id, got, tt.key)
		}
	}
	// A string id never collides with a numeric one.
	if (&Message{ID: raw(`"1"`)}).IDKey() == (&Message{ID: raw(`1`)}).IDKey() {
		t.Error(`"1" and 1 share a key`)
	}
	// Every key of an admitted id is itself a valid id.
	for _, id := range []string{`1.0`, `"\u0061\n"`, `-0`, `null`} {
		k := (&Message{ID: raw(id)}).IDKey()
		if _, err := Parse([]byte(`{"jsonrpc":"2.0","id":`+k+`,"error":{"code":1,"message":"x"}}`), Limits{}); err != nil {
			t.Errorf("key %s of %s is not a valid id: %v", k, id, err)
		}
	}
}

func TestMarshal(t *testing.T) {
	tests := []struct{ in, out string }{
		{
			` { "params" : { "b" : 1 } , "method" : "\u0074ools/call" , "id" : 1.0 , "jsonrpc" : "2.0" } `,
			`{"jsonrpc":"2.0","id":1.0,"method":"tools/call","params":{ "b" : 1 }}`,
		},
		{
			`{"jsonrpc":"2.0","method":"a\"b\u0000"}`,
			`{"jsonrpc":"2.0","method":"a\"b\u0000"}`,
		},
		{
			`{"error":{"code":1,"message":"x"},"jsonrpc":"2.0","id":"q"}`,
			`{"jsonrpc":"2.0","id":"q","error":{"code":1,"message":"x"}}`,
		},
		{
			`{"result":[],"jsonrpc":"2.0","id":2}`,
			`{"jsonrpc":"2.0","id":2,"result":[]}`,
		},
	}
	for _, tt := range tests {
		b, err := Parse([]byte(tt.in), Limits{})
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if got := string(b.Messages[0].Marshal()); got != tt.out {
			t.Errorf("Marshal(%s) =\n%s\nwant\n%s", tt.in, got, tt.out)
		}
		if got := string(EncodeBatch(b)); got != tt.out {
			t.Errorf("EncodeBatch(%s) = %s", tt.in, got)
		}
	}
	// A response built for a notification gets a null id.
	m := &Message{Error: raw(`{"code":1,"message":"x"}`)}
	if got := string(m.Marshal()); got != `{"jsonrpc":"2.0","id":null,"error":{"code":1,"message":"x"}}` {
		t.Errorf("Marshal without id = %s", got)
	}
	if _, err := Parse(m.Marshal(), Limits{}); err != nil {
		t.Errorf("Marshal without id does not parse: %v", err)
	}
	// A method that needs escaping.
	m = &Message{Method: "a\n\"<é>"}
	if got := string(m.Marshal()); got != `{"jsonrpc":"2.0","method":"a\n\"<é>"}` {
		t.Errorf("Marshal of an escaped method = %s", got)
	}
}

func TestEncodeBatch(t *testing.T) {
	in := `[ {"jsonrpc":"2.0","id":1,"method":"a"} , {"method":"b","jsonrpc":"2.0"} ]`
	b, err := Parse([]byte(in), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","method":"b"}]`
	if got := string(EncodeBatch(b)); got != want {
		t.Errorf("EncodeBatch = %s, want %s", got, want)
	}
	b.Messages = b.Messages[:1]
	if got := string(EncodeBatch(b)); got != `[{"jsonrpc":"2.0","id":1,"method":"a"}]` {
		t.Errorf("EncodeBatch of a batch of one = %s", got)
	}
	if got := EncodeBatch(&Batch{}); got != nil {
		t.Errorf("EncodeBatch of nothing = %s", got)
	}
}

func TestErrorResponse(t *testing.T) {
	tests := []struct {
		id    string
		nilID bool
		code  int
		msg   string
		data  any
		want  string
	}{
		{nilID: true, code: CodeParseError, msg: "parse error", want: `{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}`},
		{id: `7`, code: CodeInvalidParams, msg: "bad", want: `{"jsonrpc":"2.0","id":7,"error":{"code":-32602,"message":"bad"}}`},
		{id: `"x\"y"`, code: CodeMethodNotFound, msg: "no", want: `{"jsonrpc":"2.0","id":"x\"y","error":{"code":-32601,"message":"no"}}`},
		{id: `null`, code: CodeInternalError, msg: "x", want: `{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"x"}}`},
		{id: ` 1 `, code: -1, msg: "x", want: `{"jsonrpc":"2.0","id":1,"error":{"code":-1,"message":"x"}}`},
		{id: `{"a":1}`, code: -1, msg: "x", want: `{"jsonrpc":"2.0","id":null,"error":{"code":-1,"message":"x"}}`},
		{id: `"unterminated`, code: -1, msg: "x", want: `{"jsonrpc":"2.0","id":null,"error":{"code":-1,"message":"x"}}`},
		{id: `1 2`, code: -1, msg: "x", want: `{"jsonrpc":"2.0","id":null,"error":{"code":-1,"message":"x"}}`},
		{id: `1`, code: CodeInvalidRequest, msg: "quote \" newline \n <tag> é", want: `{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"quote \" newline \n <tag> é"}}`},
		{id: `1`, code: -32001, msg: "denied", data: map[string]string{"tool": "t", "rule": "r", "server": "s"},
			want: `{"jsonrpc":"2.0","id":1,"error":{"code":-32001,"message":"denied","data":{"rule":"r","server":"s","tool":"t"}}}`},
		{id: `1`, code: 1, msg: "x", data: jsontext.Value(`{"raw":true}`), want: `{"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"x","data":{"raw":true}}}`},
		{id: `1`, code: 1, msg: "x", data: func() {}, want: `{"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"x"}}`},
		{id: `1`, code: 1, msg: "bad \xff utf8", want: "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"bad \ufffd utf8\"}}"},
	}
	for _, tt := range tests {
		var id jsontext.Value
		if !tt.nilID {
			id = raw(tt.id)
		}
		got := ErrorResponse(id, tt.code, tt.msg, tt.data)
		if string(got) != tt.want {
			t.Errorf("ErrorResponse(%s, %d, %q) =\n%s\nwant\n%s", tt.id, tt.code, tt.msg, got, tt.want)
		}
		if _, err := Parse(got, Limits{}); err != nil {
			t.Errorf("ErrorResponse output does not parse: %v", err)
		}
	}
}

func raw(s string) jsontext.Value { return jsontext.Value(s) }

func equalMessage(a, b *Message) bool {
	eq := func(x, y []byte) bool { return (x == nil) == (y == nil) && bytes.Equal(x, y) }
	return a.Method == b.Method && eq(a.ID, b.ID) && eq(a.Params, b.Params) && eq(a.Result, b.Result) && eq(a.Error, b.Error)
}

func dump(m *Message) string {
	f := func(v []byte) string {
		if v == nil {
			return "<nil>"
		}
		return string(v)
	}
	return "{id " + f(m.ID) + " method " + m.Method + " params " + f(m.Params) + " result " + f(m.Result) + " error " + f(m.Error) + "}"
}
