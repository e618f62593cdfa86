package chain

import (
	"slices"
	"testing"

	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// TestOrder pins the order of the chain: changing it changes what every
// check sees, so it must be a deliberate edit of this test too.
func TestOrder(t *testing.T) {
	s := &ir.Server{
		Name:      "demo",
		Tools:     ir.ToolRules{AllowAll: true},
		Arguments: ir.Arguments{Schema: ir.Enforce, UnknownTool: ir.ActionAudit},
		Content: ir.Content{
			Secrets: &ir.SecretRules{Mode: ir.Enforce, Requests: ir.ActionBlock, Responses: ir.ActionRedact},
			PII:     []ir.PIIRule{{Kind: ir.PIIEmail, Action: ir.ActionRedact, Mode: ir.Enforce}},
		},
		Poisoning: &ir.Poisoning{Mode: ir.Enforce, Action: ir.ActionHide},
		Egress:    &ir.Egress{Mode: ir.Enforce, Detect: true, Allow: []string{"example.com"}, Schemes: []string{"https"}},
		Webhooks: []ir.Webhook{
			{Name: "a", Phase: "before", URL: "http://127.0.0.1:1/a", TimeoutMillis: 100, MaxBytes: 1024, Mode: ir.Enforce},
			{Name: "b", Phase: "after", URL: "http://127.0.0.1:1/b", TimeoutMillis: 100, MaxBytes: 1024, Mode: ir.Enforce},
		},
	}
	c, err := Build(s, NewState())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, ic := range c {
		names = append(names, ic.Name())
	}
	want := []string{"allowlist", "poisoning", "webhook", "webhook", "arguments", "egress", "secrets", "pii"}
	for i := range names {
		if len(names[i]) > len(want[i]) && names[i][:len(want[i])] == want[i] {
			names[i] = want[i] // hooks are named after the hook
		}
	}
	if !slices.Equal(names, want) {
		t.Fatalf("chain order %v, want %v", names, want)
	}

	// A minimal server runs only what it configures.
	c, err = Build(&ir.Server{Name: "min", Tools: ir.ToolRules{AllowAll: true}}, NewState())
	if err != nil || len(c) != 2 {
		t.Fatalf("minimal chain: %d interceptors, %v", len(c), err)
	}
}

func TestBuildRefusesWhatItCannotEnforce(t *testing.T) {
	s := &ir.Server{Name: "demo", Tools: ir.ToolRules{AllowAll: true},
		Content: ir.Content{Secrets: &ir.SecretRules{Mode: ir.Enforce, Requests: ir.ActionBlock, Responses: ir.ActionRedact, Disable: []string{"no-such-rule"}}}}
	if _, err := Build(s, NewState()); err == nil {
		t.Fatal("an unknown secret rule id was accepted")
	}
}
