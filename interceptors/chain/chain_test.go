package chain

import (
	"slices"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/clients"
	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
	"github.com/mcpmesh/mcpmesh/interceptors/results"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
	"github.com/mcpmesh/mcpmesh/interceptors/sequences"
	"github.com/mcpmesh/mcpmesh/interceptors/webhook"
)

// TestOrder pins the order of the chain: changing it changes what every
// check sees, so it must be a deliberate edit of this test too.
func TestOrder(t *testing.T) {
	s := &Policy{
		Tools:     allowlist.Policy{AllowAll: true},
		Arguments: arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit},
		Content: Content{
			Secrets: &secrets.Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact},
			PII:     []pii.Rule{{Kind: pii.KindEmail, Action: interceptors.ActionRedact, Mode: interceptors.Enforce}},
		},
		Poisoning: &poisoning.Policy{Mode: interceptors.Enforce, Action: interceptors.ActionHide},
		Egress:    &egress.Policy{Mode: interceptors.Enforce, Detect: true, Allow: []string{"example.com"}, Schemes: []string{"https"}},
		Clients:   &clients.Policy{Rules: []clients.Rule{{Groups: []string{"eng"}, Tools: allowlist.Policy{AllowAll: true}}}},
		Results:   &results.Policy{Action: results.ActionAnnotate},
		Sequences: &sequences.Policy{Tags: map[string][]string{"a": {"x"}, "b": {"y"}}, Rules: []sequences.Rule{{Name: "r", After: "a", Then: "b"}}},
		Webhooks: []webhook.Policy{
			{Name: "a", Phase: "before", URL: "http://127.0.0.1:1/a", TimeoutMillis: 100, MaxBytes: 1024, Mode: interceptors.Enforce},
			{Name: "b", Phase: "after", URL: "http://127.0.0.1:1/b", TimeoutMillis: 100, MaxBytes: 1024, Mode: interceptors.Enforce},
		},
	}
	c, err := Build("demo", s, NewState())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, ic := range c {
		names = append(names, ic.Name())
	}
	want := []string{"allowlist", "poisoning", "webhook", "webhook", "arguments", "clients", "sequences", "egress", "results", "secrets", "pii"}
	for i := range names {
		if len(names[i]) > len(want[i]) && names[i][:len(want[i])] == want[i] {
			names[i] = want[i] // hooks are named after the hook
		}
	}
	if !slices.Equal(names, want) {
		t.Fatalf("chain order %v, want %v", names, want)
	}

	// A minimal server runs only what it configures.
	c, err = Build("min", &Policy{Tools: allowlist.Policy{AllowAll: true}}, NewState())
	if err != nil || len(c) != 2 {
		t.Fatalf("minimal chain: %d interceptors, %v", len(c), err)
	}
}

func TestBuildRefusesWhatItCannotEnforce(t *testing.T) {
	s := &Policy{Tools: allowlist.Policy{AllowAll: true},
		Content: Content{Secrets: &secrets.Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact, Disable: []string{"no-such-rule"}}}}
	if _, err := Build("demo", s, NewState()); err == nil {
		t.Fatal("an unknown secret rule id was accepted")
	}
}
