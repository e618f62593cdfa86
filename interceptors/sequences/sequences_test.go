package sequences

import (
	"context"
	"fmt"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

func call(t *testing.T, c *Checker, session, tool string) *interceptors.Exchange {
	t.Helper()
	b, err := jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"`+tool+`","arguments":{}}}`), jsonrpc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	x := &interceptors.Exchange{Server: "s", Session: session, Direction: interceptors.ToServer, Message: b.Messages[0], Method: "tools/call", Tool: tool}
	if err := c.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	return x
}

func policy(mode interceptors.Mode) *Policy {
	return &Policy{
		Tags:  map[string][]string{"reads-secrets": {"read_env", "vault_*"}, "sends-out": {"http_post"}},
		Rules: []Rule{{Name: "exfiltration", After: "reads-secrets", Then: "sends-out", Within: 3, Mode: mode}},
	}
}

func TestRiskySequenceRefusedInItsSession(t *testing.T) {
	c, err := New(policy(interceptors.Enforce), nil)
	if err != nil {
		t.Fatal(err)
	}
	if x := call(t, c, "s1", "http_post"); x.Action == interceptors.Deny {
		t.Fatal("sends-out alone is not a sequence")
	}
	call(t, c, "s1", "vault_read")
	if x := call(t, c, "s2", "http_post"); x.Action == interceptors.Deny {
		t.Fatal("another session's history counted")
	}
	x := call(t, c, "s1", "http_post")
	if x.Action != interceptors.Deny || x.Rule != "sequences.exfiltration" || len(x.Findings) != 1 {
		t.Fatalf("the sequence was not refused: %v %q %+v", x.Action, x.Rule, x.Findings)
	}
	// Out of the window: three other calls later it no longer counts.
	for i := range 3 {
		call(t, c, "s1", fmt.Sprint("other_", i))
	}
	if x := call(t, c, "s1", "http_post"); x.Action == interceptors.Deny {
		t.Fatal("a read beyond `within` calls still counted")
	}
	if x := call(t, c, "", "http_post"); x.Action == interceptors.Deny {
		t.Fatal("a call without a session has no order to judge")
	}
}

func TestAuditModeCountsOnly(t *testing.T) {
	c, _ := New(policy(interceptors.AuditOnly), nil)
	call(t, c, "s", "read_env")
	x := call(t, c, "s", "http_post")
	if x.Action == interceptors.Deny || len(x.Findings) != 1 || x.Findings[0].Mode != "audit" {
		t.Fatalf("audit mode: %v %+v", x.Action, x.Findings)
	}
}

func TestSessionsBounded(t *testing.T) {
	h := NewHistory()
	for i := range MaxSessions + 5 {
		h.add(fmt.Sprint(i), "x")
	}
	if h.sessions.Len() > MaxSessions {
		t.Fatalf("%d sessions kept, bound %d", h.sessions.Len(), MaxSessions)
	}
}
