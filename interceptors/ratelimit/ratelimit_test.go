package ratelimit

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

func callAt(t *testing.T, l *Limiter, subject, tool string) *interceptors.Exchange {
	t.Helper()
	b, err := jsonrpc.Parse([]byte(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"`+tool+`","arguments":{}}}`), jsonrpc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	x := &interceptors.Exchange{Server: "s", Client: interceptors.Identity{Subject: subject}, Direction: interceptors.ToServer, Message: b.Messages[0], Method: "tools/call", Tool: tool}
	if err := l.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	return x
}

func TestBucketsPerAgentAndTool(t *testing.T) {
	l, err := New(&Policy{Rules: []Rule{{Tools: []string{"search_*"}, Per: PerClient, PerSecond: 1, Burst: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1000, 0)
	l.now = func() time.Time { return now }
	for i, want := range []bool{true, true, false} {
		if x := callAt(t, l, "alice", "search_code"); (x.Action != interceptors.Deny) != want {
			t.Fatalf("alice call %d: %v", i, x.Action)
		}
	}
	x := callAt(t, l, "alice", "search_code")
	if x.Rule != "rateLimits[0]" || x.Code != CodeRateLimited || x.HTTPStatus != 429 {
		t.Fatalf("refusal: rule %q code %d status %d reason %q", x.Rule, x.Code, x.HTTPStatus, x.Reason)
	}
	if x := callAt(t, l, "bob", "search_code"); x.Action == interceptors.Deny {
		t.Fatal("bob shares alice's bucket")
	}
	if x := callAt(t, l, "alice", "echo"); x.Action == interceptors.Deny {
		t.Fatal("a tool no rule names was limited")
	}
	now = now.Add(time.Second)
	if x := callAt(t, l, "alice", "search_code"); x.Action == interceptors.Deny {
		t.Fatal("the bucket did not refill")
	}
}

func TestServerWideBucketAndEviction(t *testing.T) {
	l, _ := New(&Policy{Rules: []Rule{{Tools: []string{"*"}, Per: PerServer, PerSecond: 1, Burst: 1}}})
	now := time.Unix(1000, 0)
	l.now = func() time.Time { return now }
	callAt(t, l, "alice", "x")
	if x := callAt(t, l, "bob", "x"); x.Action != interceptors.Deny {
		t.Fatal("per server: bob must share alice's bucket")
	}
	pc, _ := New(&Policy{Rules: []Rule{{Tools: []string{"*"}, Per: PerClient, PerSecond: 1, Burst: 1}}})
	pc.now = l.now
	for i := range MaxBuckets + 10 {
		callAt(t, pc, fmt.Sprint("agent-", i), "x")
	}
	if n := pc.rules[0].bucket.Len(); n > MaxBuckets {
		t.Fatalf("%d buckets, bound %d", n, MaxBuckets)
	}
}

func TestParseRate(t *testing.T) {
	for in, want := range map[string]float64{"10/s": 10, "600/m": 10, "1/m": 1.0 / 60, " 2 / s ": 2} {
		if got, ok := parseRate(in); !ok || got != want {
			t.Errorf("%q: %v %v", in, got, ok)
		}
	}
	for _, in := range []string{"10", "10/h", "0/s", "-1/s", "x/s", "1000000/s"} {
		if _, ok := parseRate(in); ok {
			t.Errorf("%q accepted", in)
		}
	}
}
