package interceptors

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

func parseOne(t *testing.T, s string) *jsonrpc.Message {
	t.Helper()
	b, err := jsonrpc.Parse([]byte(s), jsonrpc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return b.Messages[0]
}

// TestToolCallFollowsTheMessage: the params are read once per message, and
// a replaced message (a webhook's rewrite) is read anew, so no interceptor
// checks arguments that are no longer the ones forwarded.
func TestToolCallFollowsTheMessage(t *testing.T) {
	x := &Exchange{Message: parseOne(t, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read","arguments":{"path":"/a"}}}`), Tool: "read"}
	tc, err := x.ToolCall()
	if err != nil || tc.Name != "read" || string(tc.Arguments) != `{"path":"/a"}` {
		t.Fatalf("first read: %+v %v", tc, err)
	}
	if again, _ := x.ToolCall(); again != tc {
		t.Error("a second call must reuse the first read")
	}
	x.Replace(parseOne(t, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read","arguments":{"path":"/etc/shadow"}}}`), "webhook", "rewritten")
	if tc, err := x.ToolCall(); err != nil || string(tc.Arguments) != `{"path":"/etc/shadow"}` {
		t.Errorf("after Replace: %+v %v", tc, err)
	}
	x.Message = parseOne(t, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{}}}`)
	if _, err := x.ToolCall(); err == nil {
		t.Error("params without a name must be an error")
	}
}

func TestReplaceNamesEveryRule(t *testing.T) {
	x := &Exchange{Message: &jsonrpc.Message{}}
	x.Replace(&jsonrpc.Message{}, `tools.deny "run_shell"`, "removed 1 tool(s) the policy does not allow: run_shell")
	x.Replace(&jsonrpc.Message{}, "poisoning.instructions", "removed 1 tool(s) with suspicious definitions: add")
	x.Replace(&jsonrpc.Message{}, "poisoning.instructions", "again")
	if x.Action != Modify || x.Rule != `tools.deny "run_shell"; poisoning.instructions` || !strings.Contains(x.Reason, "run_shell; removed 1 tool(s) with suspicious definitions: add") {
		t.Fatalf("rule %q reason %q", x.Rule, x.Reason)
	}
}

// A tools/list result is read once per message: the checks that look into
// it and the filters share one read, and a replaced message is read anew.
func TestToolListReadOnce(t *testing.T) {
	x := &Exchange{Direction: ToClient, Method: "tools/list",
		Message: &jsonrpc.Message{ID: jsontext.Value("1"), Result: jsontext.Value(`{"tools":[{"name":"a"},{"name":"b"}],"nextCursor":"c"}`)}}
	l1, err := x.ToolList()
	if err != nil {
		t.Fatal(err)
	}
	if l2, _ := x.ToolList(); l2 != l1 {
		t.Fatal("the list was read twice")
	}
	if defs, err := x.ToolDefs(); err != nil || len(defs) != 2 || &defs[0] != &l1.Defs[0] {
		t.Fatalf("ToolDefs does not share the read: %v", err)
	}
	out, removed, changed, err := x.FilterTools(func(n string) bool { return n == "b" })
	if err != nil || !changed || len(removed) != 1 || string(out) != `{"tools":[{"name":"b"}],"nextCursor":"c"}` {
		t.Fatalf("filter: %s %v %v %v", out, removed, changed, err)
	}
	cp := *x.Message
	cp.Result = out
	x.Replace(&cp, "r", "filtered")
	if l3, _ := x.ToolList(); l3 == l1 || len(l3.Defs) != 1 {
		t.Fatal("a replaced message was not read anew")
	}
	x.Message = &jsonrpc.Message{ID: jsontext.Value("2"), Result: jsontext.Value(`{"Tools":[]}`)}
	if _, err := x.ToolDefs(); !errors.Is(err, jsonrpc.ErrNotToolsList) {
		t.Fatalf("a look-alike key: %v", err)
	}
}
