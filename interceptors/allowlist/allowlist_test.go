package allowlist

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

func TestDecide(t *testing.T) {
	cases := []struct {
		name  string
		rules Policy
		tool  string
		ok    bool
		rule  string
	}{
		{"exact allow", Policy{Allow: []string{"echo"}}, "echo", true, `tools.allow "echo"`},
		{"default deny", Policy{Allow: []string{"echo"}}, "echo2", false, "tools.allow (no pattern matches)"},
		{"case matters", Policy{Allow: []string{"echo"}}, "Echo", false, "tools.allow (no pattern matches)"},
		{"glob star", Policy{Allow: []string{"get_*"}}, "get_time", true, `tools.allow "get_*"`},
		{"glob star empty", Policy{Allow: []string{"get_*"}}, "get_", true, `tools.allow "get_*"`},
		{"glob anchored", Policy{Allow: []string{"get_*"}}, "xget_time", false, "tools.allow (no pattern matches)"},
		{"glob question", Policy{Allow: []string{"v?"}}, "v1", true, `tools.allow "v?"`},
		{"glob question one char", Policy{Allow: []string{"v?"}}, "v10", false, "tools.allow (no pattern matches)"},
		{"regex metachar literal", Policy{Allow: []string{"a.b"}}, "axb", false, "tools.allow (no pattern matches)"},
		{"glob over newline", Policy{Deny: []string{"run*"}, AllowAll: true}, "run\nshell", false, `tools.deny "run*"`},
		{"deny wins", Policy{Allow: []string{"*"}, Deny: []string{"run_shell"}}, "run_shell", false, `tools.deny "run_shell"`},
		{"allow all minus deny", Policy{AllowAll: true, Deny: []string{"delete_*"}}, "create_file", true, "tools: no allow list"},
		{"empty allow denies all", Policy{Allow: []string{}}, "echo", false, "tools.allow (no pattern matches)"},
		{"unicode name", Policy{Allow: []string{"überprüfen"}}, "überprüfen", true, `tools.allow "überprüfen"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := New(c.rules)
			if err != nil {
				t.Fatal(err)
			}
			ok, rule := a.Decide(c.tool)
			if ok != c.ok || rule != c.rule {
				t.Errorf("Decide(%q) = %v, %q; want %v, %q", c.tool, ok, rule, c.ok, c.rule)
			}
			// Deciding runs on every call: it builds no string.
			if n := testing.AllocsPerRun(10, func() { a.Decide(c.tool) }); n != 0 {
				t.Errorf("Decide(%q): %v allocations", c.tool, n)
			}
		})
	}
}

func TestInterceptToolsCall(t *testing.T) {
	a, _ := New(Policy{Allow: []string{"echo"}})
	b, err := jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"run_shell","arguments":{}}}`), jsonrpc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	x := &interceptors.Exchange{Server: "demo", Direction: interceptors.ToServer, Message: b.Messages[0], Method: "tools/call", Tool: "run_shell"}
	if err := a.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	if x.Action != interceptors.Deny || x.Rule != "tools.allow (no pattern matches)" {
		t.Fatalf("got %v %q", x.Action, x.Rule)
	}
}

func TestFilterToolsList(t *testing.T) {
	a, _ := New(Policy{Allow: []string{"echo", "get_*"}, Deny: []string{"get_secret"}})
	body := `{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo","inputSchema":{"type":"object"}},{"name":"run_shell"},{"name":"get_time"},{"name":"get_secret"}],"nextCursor":"abc"}}`
	b, err := jsonrpc.Parse([]byte(body), jsonrpc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, method := range []string{"tools/list", ""} { // correlated, and replayed without context
		x := &interceptors.Exchange{Direction: interceptors.ToClient, Message: b.Messages[0], Method: method}
		if err := a.Intercept(context.Background(), x); err != nil {
			t.Fatal(err)
		}
		if x.Action != interceptors.Modify || !slices.Equal(x.Removed, []string{"run_shell", "get_secret"}) {
			t.Fatalf("method %q: action %v removed %v", method, x.Action, x.Removed)
		}
		want := `{"tools":[{"name":"echo","inputSchema":{"type":"object"}},{"name":"get_time"}],"nextCursor":"abc"}`
		if got := string(x.Message.Result); got != want {
			t.Errorf("filtered result\n got %s\nwant %s", got, want)
		}
		if string(b.Messages[0].Result) == want {
			t.Error("the original message was modified in place")
		}
	}

	// A tools/call result is not a tools list and stays as it is.
	b, _ = jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":2,"result":{"content":[{"type":"text","text":"run_shell"}]}}`), jsonrpc.Limits{})
	x := &interceptors.Exchange{Direction: interceptors.ToClient, Message: b.Messages[0], Method: ""}
	if err := a.Intercept(context.Background(), x); err != nil || x.Action != interceptors.Allow {
		t.Fatalf("tools/call result touched: %v %v", x.Action, err)
	}
}

func TestAuditModeChangesNothing(t *testing.T) {
	a, _ := New(Policy{Allow: []string{"echo"}, Mode: interceptors.AuditOnly})
	b, _ := jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"run_shell"}}`), jsonrpc.Limits{})
	x := &interceptors.Exchange{Direction: interceptors.ToServer, Message: b.Messages[0], Method: "tools/call", Tool: "run_shell"}
	if err := a.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	if x.Action != interceptors.Allow || len(x.Findings) != 1 || x.Findings[0].Mode != "audit" || x.Findings[0].Action != "block" {
		t.Fatalf("audit mode: action %v findings %+v", x.Action, x.Findings)
	}
	b, _ = jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo"},{"name":"run_shell"}]}}`), jsonrpc.Limits{})
	orig := b.Messages[0]
	x = &interceptors.Exchange{Direction: interceptors.ToClient, Message: orig, Method: "tools/list"}
	if err := a.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	if x.Action != interceptors.Allow || x.Message != orig || len(x.Findings) != 1 || !strings.Contains(x.Findings[0].Detail, "run_shell") {
		t.Fatalf("audit mode list: action %v findings %+v", x.Action, x.Findings)
	}
}
