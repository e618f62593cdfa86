package clients

import (
	"context"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

var testPolicy = &Policy{Rules: []Rule{
	{Subjects: []string{"alice"}, Tools: allowlist.Policy{AllowAll: true, Deny: []string{"delete_*"}}},
	{Groups: []string{"readers"}, Tools: allowlist.Policy{Allow: []string{"read_*"}}},
}}

func call(t *testing.T, c *Clients, who interceptors.Identity, tool string) *interceptors.Exchange {
	t.Helper()
	b, err := jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"`+tool+`","arguments":{}}}`), jsonrpc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	x := &interceptors.Exchange{Server: "s", Client: who, Direction: interceptors.ToServer, Message: b.Messages[0], Method: "tools/call", Tool: tool}
	if err := c.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	return x
}

func TestCallsPerAgent(t *testing.T) {
	c, err := New(testPolicy)
	if err != nil {
		t.Fatal(err)
	}
	alice := interceptors.Identity{Subject: "alice"}
	bob := interceptors.Identity{Subject: "bob", Groups: []string{"readers"}}
	for _, tc := range []struct {
		who  interceptors.Identity
		tool string
		rule string // "" when allowed
	}{
		{alice, "read_file", ""},
		{alice, "delete_file", `clients.rules[0].tools.deny "delete_*"`},
		{bob, "read_file", ""},
		{bob, "write_file", "clients.rules[1].tools.allow (no pattern matches)"},
		{interceptors.Identity{Subject: "carol"}, "read_file", "clients.unmatched deny"},
		{interceptors.Identity{}, "read_file", "clients.unmatched deny"},
	} {
		x := call(t, c, tc.who, tc.tool)
		if denied := x.Action == interceptors.Deny; denied != (tc.rule != "") || x.Rule != tc.rule && tc.rule != "" {
			t.Errorf("%+v %s: action %v rule %q, want rule %q", tc.who, tc.tool, x.Action, x.Rule, tc.rule)
		}
		if tc.rule != "" && (strings.Contains(x.Reason, "read_") && tc.tool != "read_file") {
			t.Errorf("the refusal names other tools: %q", x.Reason)
		}
	}
	open, _ := New(&Policy{Rules: testPolicy.Rules, Unmatched: UnmatchedAllow})
	if x := call(t, open, interceptors.Identity{}, "anything"); x.Action == interceptors.Deny {
		t.Error("unmatched: allow must leave the server's rules alone")
	}
}

func TestToolsListPerAgent(t *testing.T) {
	c, err := New(testPolicy)
	if err != nil {
		t.Fatal(err)
	}
	list := `{"tools":[{"name":"read_file","inputSchema":{"type":"object"}},{"name":"write_file","inputSchema":{"type":"object"}},{"name":"delete_file","inputSchema":{"type":"object"}}]}`
	names := func(who interceptors.Identity) string {
		x := &interceptors.Exchange{Server: "s", Client: who, Direction: interceptors.ToClient, Method: "tools/list",
			Message: &jsonrpc.Message{ID: jsontext.Value("1"), Result: jsontext.Value(list)}}
		if err := c.Intercept(context.Background(), x); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, part := range strings.Split(string(x.Message.Result), `"name":"`)[1:] {
			out = append(out, part[:strings.IndexByte(part, '"')])
		}
		return strings.Join(out, ",")
	}
	if got := names(interceptors.Identity{Subject: "alice"}); got != "read_file,write_file" {
		t.Errorf("alice sees %s", got)
	}
	if got := names(interceptors.Identity{Subject: "bob", Groups: []string{"readers"}}); got != "read_file" {
		t.Errorf("bob sees %s", got)
	}
	if got := names(interceptors.Identity{}); got != "" {
		t.Errorf("an unidentified agent sees %s", got)
	}
}
