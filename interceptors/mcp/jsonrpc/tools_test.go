package jsonrpc

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

func toolCallMessage(t *testing.T, params string) *Message {
	t.Helper()
	body := `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":` + params + `}`
	b, err := Parse([]byte(body), Limits{})
	if err != nil {
		t.Fatalf("Parse(%s): %v", body, err)
	}
	return b.Messages[0]
}

func TestToolCall(t *testing.T) {
	tests := []struct {
		params   string
		wantErr  error
		name     string
		args     string
		meta     string
		noParams bool
	}{
		{params: `{"name":"echo","arguments":{"text":"hi"}}`, name: "echo", args: `{"text":"hi"}`},
		{params: `{"name":"\u0065cho"}`, name: "echo"},
		{params: `{"name":"日本\n語"}`, name: "日本\n語"},
		{params: `{"arguments":{},"name":"a","_meta":{"progressToken":1},"task":{"ttl":1}}`, name: "a", args: `{}`, meta: `{"progressToken":1}`},
		{params: `{"name":"x","unknown":[1,2]}`, name: "x"},
		{params: `{ "name" : "x" , "arguments" : { "a" : [ ] } }`, name: "x", args: `{ "a" : [ ] }`},

		{params: `{"arguments":{}}`, wantErr: ErrInvalid},
		{params: `{"name":""}`, wantErr: ErrInvalid},
		{params: `{"name":1}`, wantErr: ErrInvalid},
		{params: `{"name":null}`, wantErr: ErrInvalid},
		// The Go SDK client sends null for "no arguments"; servers accept it.
		{params: `{"name":"x","arguments":null,"_meta":null}`, name: "x"},
		{params: `{"name":"x","arguments":[1]}`, wantErr: ErrInvalid},
		{params: `{"name":"x","arguments":"{}"}`, wantErr: ErrInvalid},
		{params: `{"name":"x","_meta":1}`, wantErr: ErrInvalid},
		{params: `["x"]`, wantErr: ErrInvalid},
		{noParams: true, wantErr: ErrInvalid},
		{params: `{"name":"allowed","Name":"forbidden"}`, wantErr: ErrCaseVariantKey},
		{params: `{"NAME":"forbidden","name":"allowed"}`, wantErr: ErrCaseVariantKey},
		{params: `{"name":"x","Arguments":{}}`, wantErr: ErrCaseVariantKey},
		{params: `{"name":"x","argumentſ":{}}`, wantErr: ErrCaseVariantKey},
		{params: `{"name":"x","\u004eame":"y"}`, wantErr: ErrCaseVariantKey},
		{params: `{"name":"x","_META":{}}`, wantErr: ErrCaseVariantKey},
		{params: `{"name":"safe","name\u0000":"evil"}`, wantErr: ErrCaseVariantKey},
		{params: `{"name\u0000evil":"x","name":"safe"}`, wantErr: ErrCaseVariantKey},
	}
	for _, tt := range tests {
		var m *Message
		if tt.noParams {
			m = &Message{ID: raw(`1`), Method: "tools/call"}
		} else {
			m = toolCallMessage(t, tt.params)
		}
		sameToolCall(t, m)
		tc, err := m.ToolCall()
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("ToolCall(%s) = %+v, %v; want %v", tt.params, tc, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ToolCall(%s): %v", tt.params, err)
			continue
		}
		if tc.Name != tt.name || string(tc.Arguments) != tt.args || string(tc.Meta) != tt.meta {
			t.Errorf("ToolCall(%s) = %q %s %s", tt.params, tc.Name, tc.Arguments, tc.Meta)
		}
		if (tt.args == "") != (tc.Arguments == nil) {
			t.Errorf("ToolCall(%s): Arguments nil = %v", tt.params, tc.Arguments == nil)
		}
	}
}

// Params set by hand (not by Parse) are checked as strictly.
func TestToolCallUnparsedParams(t *testing.T) {
	for _, tt := range []struct {
		params string
		want   error
	}{
		{`{"name":"a","name":"b"}`, ErrDuplicateKey},
		{`{"name":"a"`, ErrSyntax},
		{`{"name":"a"} {}`, ErrSyntax},
		{"{\"name\":\"\xff\"}", ErrSyntax},
	} {
		m := &Message{ID: raw(`1`), Method: "tools/call", Params: raw(tt.params)}
		if _, err := m.ToolCall(); !errors.Is(err, tt.want) {
			t.Errorf("ToolCall(%s) = %v, want %v", tt.params, err, tt.want)
		}
	}
}

func TestParamName(t *testing.T) {
	tests := []struct{ body, want string }{
		{`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo"}}`, "echo"},
		{`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"\u0065cho","arguments":{}}}`, "echo"},
		{`{"jsonrpc":"2.0","id":1,"method":"prompts/get","params":{"name":"p"}}`, "p"},
		{`{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"file:///a","name":"n"}}`, "file:///a"},
		{`{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"name":"n"}}`, ""},
		{`{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"name":"n"}}`, ""},
		{`{"jsonrpc":"2.0","method":"tools/call","params":{"name":"n"}}`, ""},
		{`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":1}}`, ""},
		{`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":["name"]}`, ""},
		{`{"jsonrpc":"2.0","id":1,"method":"tools/call"}`, ""},
		{`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a","NAME":"b"}}`, ""},
		{`{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"URI":"x","uri":"y"}}`, ""},
		{`{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"x","uri\u0000":"y"}}`, ""},
	}
	for _, tt := range tests {
		b, err := Parse([]byte(tt.body), Limits{})
		if err != nil {
			t.Fatalf("%s: %v", tt.body, err)
		}
		if got := b.Messages[0].ParamName(); got != tt.want {
			t.Errorf("ParamName(%s) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestFilterTools(t *testing.T) {
	keepAB := func(name string) bool { return name == "a" || name == "b" }
	tests := []struct {
		name    string
		result  string
		want    string
		removed []string
		changed bool
		err     error
	}{
		{
			name:   "nothing removed",
			result: `{"tools":[{"name":"a"},{"name":"b"}],"nextCursor":"c"}`,
			want:   `{"tools":[{"name":"a"},{"name":"b"}],"nextCursor":"c"}`,
		},
		{
			name:    "one removed in the middle",
			result:  `{"_meta":{"x":1},"tools":[{"name":"a","inputSchema":{"type":"object"}},{"name":"x"},{"name":"b"}],"nextCursor":"c","zz":[1]}`,
			want:    `{"_meta":{"x":1},"tools":[{"name":"a","inputSchema":{"type":"object"}},{"name":"b"}],"nextCursor":"c","zz":[1]}`,
			removed: []string{"x"},
			changed: true,
		},
		{
			name:    "first removed",
			result:  `{"tools":[{"name":"x"},{"name":"a"},{"name":"b"}]}`,
			want:    `{"tools":[{"name":"a"},{"name":"b"}]}`,
			removed: []string{"x"},
			changed: true,
		},
		{
			name:    "last removed",
			result:  `{"tools":[{"name":"a"},{"name":"b"},{"name":"x"}]}`,
			want:    `{"tools":[{"name":"a"},{"name":"b"}]}`,
			removed: []string{"x"},
			changed: true,
		},
		{
			name:    "all removed",
			result:  `{"tools":[{"name":"x"},{"name":"y"}],"nextCursor":null}`,
			want:    `{"tools":[],"nextCursor":null}`,
			removed: []string{"x", "y"},
			changed: true,
		},
		{
			name:    "whitespace kept outside the array and inside kept tools",
			result:  "{ \"tools\" : [ { \"name\" : \"a\" } ,\n {\"name\":\"x\"} , { \"name\":\"b\" }\n] ,\n \"nextCursor\" : \"c\" }",
			want:    "{ \"tools\" : [{ \"name\" : \"a\" },{ \"name\":\"b\" }] ,\n \"nextCursor\" : \"c\" }",
			removed: []string{"x"},
			changed: true,
		},
		{
			name:    "escaped names are compared unescaped",
			result:  `{"tools":[{"name":"\u0061"},{"name":"\u0078"}]}`,
			want:    `{"tools":[{"name":"\u0061"}]}`,
			removed: []string{"x"},
			changed: true,
		},
		{
			name:    "tools without a string name are removed",
			result:  `{"tools":[{"name":"a"},{"title":"no name"},{"name":null},{"name":7},"a",null,[{"name":"a"}],{"name":"b"}]}`,
			want:    `{"tools":[{"name":"a"},{"name":"b"}]}`,
			removed: []string{"", "", "", "", "", ""},
			changed: true,
		},
		{
			name:    "a tool with a case variant of name is removed",
			result:  `{"tools":[{"name":"a","Name":"evil"},{"NAME":"evil","name":"b"},{"name":"b","name\u0000":"evil"},{"name":"b"}]}`,
			want:    `{"tools":[{"name":"b"}]}`,
			removed: []string{"a", "b", "b"},
			changed: true,
		},
		{
			name:    "nested names do not count",
			result:  `{"tools":[{"annotations":{"name":"a"}},{"name":"a","inputSchema":{"properties":{"name":{"type":"string"}}}}]}`,
			want:    `{"tools":[{"name":"a","inputSchema":{"properties":{"name":{"type":"string"}}}}]}`,
			removed: []string{""},
			changed: true,
		},
		{name: "empty tools", result: `{"tools":[]}`, want: `{"tools":[]}`},
		{name: "no tools", result: `{"resources":[]}`, err: ErrInvalid},
		{name: "tools not an array", result: `{"tools":{"name":"a"}}`, err: ErrInvalid},
		{name: "tools null", result: `{"tools":null}`, err: ErrInvalid},
		{name: "result not an object", result: `[{"name":"a"}]`, err: ErrInvalid},
		{name: "case variant of tools", result: `{"tools":[{"name":"a"}],"Tools":[{"name":"evil"}]}`, err: ErrCaseVariantKey},
		{name: "tools cut at NUL", result: `{"tools":[],"tools\u0000":[{"name":"evil"}]}`, err: ErrCaseVariantKey},
		{name: "case variant of tools first", result: `{"TOOLS":[{"name":"evil"}],"tools":[]}`, err: ErrCaseVariantKey},
		{name: "duplicate tools", result: `{"tools":[],"tools":[{"name":"evil"}]}`, err: ErrDuplicateKey},
		{name: "duplicate name in a tool", result: `{"tools":[{"name":"a","name":"evil"}]}`, err: ErrDuplicateKey},
		{name: "syntax", result: `{"tools":[{"name":"a"}]`, err: ErrSyntax},
		{name: "trailing data", result: `{"tools":[]} x`, err: ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var asked []string
			out, removed, changed, err := filterTools(raw(tt.result), func(name string) bool {
				asked = append(asked, name)
				return keepAB(name)
			})
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("out =\n%s\nwant\n%s", out, tt.want)
			}
			if !reflect.DeepEqual(removed, tt.removed) {
				t.Errorf("removed = %q, want %q", removed, tt.removed)
			}
			if changed != tt.changed {
				t.Errorf("changed = %v", changed)
			}
			if !changed && &out[0] != &raw(tt.result)[0] && string(out) != tt.result {
				t.Errorf("unchanged result is not the input")
			}
			// The output is a valid result again, and filtering it changes nothing.
			out2, _, changed2, err := filterTools(out, keepAB)
			if err != nil || changed2 || string(out2) != string(out) {
				t.Errorf("refiltering: %s %v %v", out2, changed2, err)
			}
			for _, n := range asked {
				if n == "evil" {
					t.Errorf("keep was asked about an ambiguous tool")
				}
			}
		})
	}
}

func TestFilterToolsInResponse(t *testing.T) {
	body := `{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"a"},{"name":"secret"}]}}`
	b, err := Parse([]byte(body), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	m := b.Messages[0]
	out, removed, changed, err := filterTools(m.Result, func(n string) bool { return !strings.HasPrefix(n, "secret") })
	if err != nil || !changed || len(removed) != 1 {
		t.Fatal(out, removed, changed, err)
	}
	m.Result = out
	if got := string(EncodeBatch(b)); got != `{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"a"}]}}` {
		t.Errorf("re-encoded = %s", got)
	}
	if string(b.Messages[0].Result) == body {
		t.Error("the body was modified")
	}
}

// raceEnabled is set by the race detector's build, whose sync.Pool drops
// items at random.
var raceEnabled bool

// Reading a tools/call allocates nothing once its tool name is known: the
// name given, or one seen before.
func TestReadToolCallAllocations(t *testing.T) {
	m := toolCallMessage(t, `{"name":"get_weather","arguments":{"city":"Paris"},"_meta":{"progressToken":1}}`)
	var tc ToolCall
	if err := m.ReadToolCall(&tc, "other"); err != nil || tc.Name != "get_weather" || string(tc.Arguments) != `{"city":"Paris"}` {
		t.Fatalf("%+v %v", tc, err)
	}
	// A name, interned or not, is a copy, not a view of the message.
	for _, name := range []string{"fresh_tool", strings.Repeat("n", maxInternName+1)} {
		body := []byte(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"` + name + `"}}`)
		b, err := Parse(body, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Messages[0].ReadToolCall(&tc, ""); err != nil {
			t.Fatal(err)
		}
		clear(body)
		if tc.Name != name {
			t.Errorf("the name %q aliases the body", name)
		}
	}
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	for _, known := range []string{"get_weather", ""} {
		if n := testing.AllocsPerRun(100, func() {
			if err := m.ReadToolCall(&tc, known); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("known %q: %v allocations", known, n)
		}
	}
}

// sameToolCall checks that reading the params Parse validated (without
// validating them again) gives what reading a copy of them gives.
func sameToolCall(t *testing.T, m *Message) {
	t.Helper()
	if m.Params == nil {
		return
	}
	cp := *m
	cp.Params = bytes.Clone(m.Params)
	if !m.validated() || cp.validated() {
		t.Fatalf("validated: parsed %v, copy %v", m.validated(), cp.validated())
	}
	a, aerr := m.ToolCall()
	b, berr := cp.ToolCall()
	if (aerr == nil) != (berr == nil) || aerr != nil && aerr.Error() != berr.Error() {
		t.Fatalf("%s: errors %v and %v", m.Params, aerr, berr)
	}
	if aerr == nil && (a.Name != b.Name || string(a.Arguments) != string(b.Arguments) || string(a.Meta) != string(b.Meta) ||
		(a.Arguments == nil) != (b.Arguments == nil) || (a.Meta == nil) != (b.Meta == nil)) {
		t.Fatalf("%s: %+v and %+v", m.Params, a, b)
	}
}

// filterTools is ScanTools and Filter in one.
func filterTools(result jsontext.Value, keep func(name string) bool) (out jsontext.Value, removed []string, changed bool, err error) {
	l, err := ScanTools(result)
	if err != nil {
		return nil, nil, false, err
	}
	out, removed, changed = l.Filter(keep)
	return out, removed, changed, nil
}
