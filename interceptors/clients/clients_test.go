package clients

import (
	"context"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
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

// An agent's own argument and content rules apply to its messages only,
// after its tools rules, and name the rule in the client entry.
func TestArgumentAndContentRulesPerAgent(t *testing.T) {
	c, err := New(&Policy{Unmatched: UnmatchedAllow, Rules: []Rule{{
		Groups: []string{"contractors"},
		Tools:  allowlist.Policy{AllowAll: true, Deny: []string{"delete_*"}},
		Arguments: []arguments.Rule{{Tool: "read_*", Argument: "path", Mode: interceptors.Enforce,
			PathPrefixes: []string{"/srv/public"}}},
		PII: []pii.Rule{{Kind: "email", Action: interceptors.ActionRedact, Mode: interceptors.Enforce}},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	contractor := interceptors.Identity{Subject: "dave", Groups: []string{"contractors"}}
	staff := interceptors.Identity{Subject: "erin", Groups: []string{"staff"}}
	callWith := func(who interceptors.Identity, args string) *interceptors.Exchange {
		b, err := jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":`+args+`}}`), jsonrpc.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		x := &interceptors.Exchange{Server: "s", Client: who, Direction: interceptors.ToServer, Message: b.Messages[0], Method: "tools/call", Tool: "read_file"}
		if err := c.Intercept(context.Background(), x); err != nil {
			t.Fatal(err)
		}
		return x
	}
	if x := callWith(contractor, `{"path":"/srv/private/payroll.csv"}`); x.Action != interceptors.Deny || !strings.HasPrefix(x.Rule, "clients.rules[0].arguments[0].pathPrefixes") {
		t.Errorf("contractor outside the prefix: %v %q", x.Action, x.Rule)
	}
	if x := callWith(contractor, `{"path":"/srv/public/a.txt"}`); x.Action == interceptors.Deny {
		t.Errorf("contractor inside the prefix refused: %q", x.Rule)
	}
	if x := callWith(staff, `{"path":"/srv/private/payroll.csv"}`); x.Action == interceptors.Deny {
		t.Errorf("the contractors' rule applied to staff: %q", x.Rule)
	}
	// Content: an address in a result is redacted for contractors only.
	result := func(who interceptors.Identity) string {
		b, err := jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"owner: jane.doe@example.com"}]}}`), jsonrpc.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		x := &interceptors.Exchange{Server: "s", Client: who, Direction: interceptors.ToClient, Message: b.Messages[0], Method: "tools/call", Tool: "read_file"}
		if err := c.Intercept(context.Background(), x); err != nil {
			t.Fatal(err)
		}
		return string(x.Message.Result)
	}
	if got := result(contractor); strings.Contains(got, "jane.doe@example.com") || !strings.Contains(got, "[REDACTED:") {
		t.Errorf("contractor result: %s", got)
	}
	if got := result(staff); !strings.Contains(got, "jane.doe@example.com") {
		t.Errorf("staff result changed: %s", got)
	}
	// A refused tool is refused before the agent's other rules run.
	b, _ := jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"delete_file","arguments":{}}}`), jsonrpc.Limits{})
	x := &interceptors.Exchange{Server: "s", Client: contractor, Direction: interceptors.ToServer, Message: b.Messages[0], Method: "tools/call", Tool: "delete_file"}
	if err := c.Intercept(context.Background(), x); err != nil || x.Rule != `clients.rules[0].tools.deny "delete_*"` {
		t.Errorf("delete_file: %v %q", err, x.Rule)
	}
}

// A rule by claims names an agent when every claim it lists has one of its
// values among the agent's.
func TestRuleByClaims(t *testing.T) {
	c, err := New(&Policy{Rules: []Rule{{Claims: map[string][]string{"tenant": {"acme"}, "plan": {"pro", "enterprise"}}, Tools: allowlist.Policy{AllowAll: true}}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		claims map[string][]string
		named  bool
	}{
		{map[string][]string{"tenant": {"acme"}, "plan": {"pro"}}, true},
		{map[string][]string{"tenant": {"globex", "acme"}, "plan": {"enterprise"}}, true},
		{map[string][]string{"tenant": {"acme"}, "plan": {"free"}}, false},
		{map[string][]string{"tenant": {"acme"}}, false},
		{nil, false},
	} {
		x := call(t, c, interceptors.Identity{Subject: "s", Claims: tc.claims}, "echo")
		if named := x.Action != interceptors.Deny; named != tc.named {
			t.Errorf("claims %v: named %v, want %v (%q)", tc.claims, named, tc.named, x.Rule)
		}
	}
}
