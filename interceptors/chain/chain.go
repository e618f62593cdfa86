// Package chain declares, in one place, which interceptors run and in what order.
package chain

import (
	"fmt"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/clients"
	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
	"github.com/mcpmesh/mcpmesh/interceptors/ratelimit"
	"github.com/mcpmesh/mcpmesh/interceptors/results"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
	"github.com/mcpmesh/mcpmesh/interceptors/sequences"
	"github.com/mcpmesh/mcpmesh/interceptors/webhook"
)

// Policy is the interceptors' part of one server's policy: a section per
// interceptor, as the control plane ships it to ext_proc (the control
// plane's IR embeds it, so the JSON keys sit beside the server's own).
type Policy struct {
	// Tools decides which tools agents may see and call.
	Tools allowlist.Policy `json:"tools"`
	// Arguments checks tools/call arguments.
	Arguments arguments.Policy `json:"arguments,omitzero"`
	// Content finds secrets and personal data in both directions.
	Content Content `json:"content,omitzero"`
	// Poisoning checks the tool definitions the server publishes (nil = off).
	Poisoning *poisoning.Policy `json:"poisoning,omitempty"`
	// Egress confines destinations in arguments (nil = off).
	Egress *egress.Policy `json:"egress,omitempty"`
	// Webhooks are external interceptors, run in order after the built-in ones.
	Webhooks []webhook.Policy `json:"webhooks,omitempty"`
	// Clients gives each verified agent its own tools (nil = off).
	Clients *clients.Policy `json:"clients,omitempty"`
	// RateLimits bound tools/call per agent or per server (nil = off).
	RateLimits *ratelimit.Policy `json:"rateLimits,omitempty"`
	// Sequences flags risky orders of calls in a session (nil = off).
	Sequences *sequences.Policy `json:"sequences,omitempty"`
	// Results checks tool results for text that steers the agent (nil = off).
	Results *results.Policy `json:"results,omitempty"`
}

// Content holds the secret and PII rules of one server.
type Content struct {
	// Secrets finds credentials with the built-in rule set.
	Secrets *secrets.Policy `json:"secrets,omitempty"`
	// PII rules, each with its own action.
	PII []pii.Rule `json:"pii,omitempty"`
}

// State is what outlives one policy version for one server: ext_proc keeps
// it per server name and hands it to every chain built for that server.
type State struct {
	// Catalog holds the tool schemas the server last listed.
	Catalog *arguments.Catalog
	// Hidden holds the tools whose last listing the poisoning check hid;
	// calls to them are refused.
	Hidden *poisoning.Hidden
	// Sessions holds the recent calls of each session, for sequences.
	Sessions *sequences.History
	// OtherTools lists the tools the other servers of the mesh publish,
	// for shadowing checks; nil when unknown.
	OtherTools func() []string
	// Secrets reads the credentials the egress proxy adds (shared with
	// the proxy's gate, so the guard knows what the proxy sends).
	Secrets *egress.SecretFiles
	Tokens  *egress.Tokens
}

// NewState returns empty state for a server.
func NewState() *State {
	files := egress.NewSecretFiles()
	return &State{Catalog: arguments.NewCatalog(), Hidden: poisoning.NewHidden(), Sessions: sequences.NewHistory(), Secrets: files, Tokens: egress.NewTokens(files)}
}

// Build compiles the chain for one server. This is the one place the order
// is declared:
//
//  0. the credentials the egress proxy adds for the server are redacted
//     wherever they show up, in both directions, before any other step (a
//     webhook included) reads the message.
//  1. allowlist: cheapest and most decisive. A forbidden tool is refused
//     before anything spends time on its arguments, and tools/list results
//     lose forbidden tools before any later step (or the agent) sees them.
//  2. poisoning: tool definitions with hidden instructions, invisible text,
//     shadowing or changes against their pins are hidden (or blocked)
//     before the catalog learns their schemas or the agent sees them.
//  3. webhooks, in policy order: external before-hooks may rewrite the
//     arguments, so every built-in check below judges the final arguments;
//     after-hooks may replace a result, so redaction below covers what
//     they return too.
//  4. arguments: validates tools/call arguments against the schema the
//     server published and the policy's rules, on the values as they will
//     be forwarded (before any redaction rewrites them); learns schemas
//     from the already-filtered tools/list results.
//  5. clients: the verified agent's own tools rules; after arguments, so
//     the catalog learns every tool the server lists, whichever agent
//     listed them (one agent's view must not hide a schema from another).
//     sequences: the session's order of calls, once the call itself is
//     allowed (only calls that go through join the session's history).
//     ratelimit: last of the checks that refuse a call outright, so a call
//     refused anyway (not allowed, malformed) does not use up the agent's rate.
//  6. egress: destinations in arguments must be allowed.
//     results: tool results that try to steer the agent; after the
//     webhooks (an after-hook may replace a result) and before secrets and
//     pii, so their redactions cover what it leaves (or adds).
//  7. secrets: credentials are blocked or redacted in both directions; it
//     runs before PII so that a token is labelled as the credential it is
//     rather than, say, as digits that look like a phone number.
//  8. pii: personal data, each kind with its own action.
func Build(server string, s *Policy, st *State) (interceptors.Chain, error) {
	al, err := allowlist.New(s.Tools)
	if err != nil {
		return nil, fmt.Errorf("server %q: allowlist: %w", server, err)
	}
	args, err := arguments.New(s.Arguments, st.Catalog)
	if err != nil {
		return nil, fmt.Errorf("server %q: arguments: %w", server, err)
	}
	var chain interceptors.Chain
	if s.Egress != nil {
		if g := egress.NewCredentialGuard(s.Egress.Network, st.Secrets, st.Tokens); g != nil {
			chain = append(chain, g)
		}
	}
	chain = append(chain, al)
	if s.Poisoning != nil {
		pc, err := poisoning.New(s.Poisoning, st.OtherTools, st.Hidden)
		if err != nil {
			return nil, fmt.Errorf("server %q: poisoning: %w", server, err)
		}
		chain = append(chain, pc)
	}
	for _, h := range s.Webhooks {
		hook, err := webhook.New(h, nil)
		if err != nil {
			return nil, fmt.Errorf("server %q: webhook %q: %w", server, h.Name, err)
		}
		chain = append(chain, hook)
	}
	chain = append(chain, args)
	if s.Clients != nil {
		cl, err := clients.New(s.Clients)
		if err != nil {
			return nil, fmt.Errorf("server %q: clients: %w", server, err)
		}
		chain = append(chain, cl)
	}
	if s.Sequences != nil {
		sq, err := sequences.New(s.Sequences, st.Sessions)
		if err != nil {
			return nil, fmt.Errorf("server %q: %w", server, err)
		}
		chain = append(chain, sq)
	}
	if s.RateLimits != nil {
		rl, err := ratelimit.New(s.RateLimits)
		if err != nil {
			return nil, fmt.Errorf("server %q: %w", server, err)
		}
		chain = append(chain, rl)
	}
	if s.Egress.ChecksArguments() {
		eg, err := egress.New(s.Egress)
		if err != nil {
			return nil, fmt.Errorf("server %q: egress: %w", server, err)
		}
		chain = append(chain, eg)
	}
	if s.Results != nil {
		rc, err := results.New(s.Results)
		if err != nil {
			return nil, fmt.Errorf("server %q: %w", server, err)
		}
		chain = append(chain, rc)
	}
	if s.Content.Secrets != nil {
		sc, err := secrets.New(s.Content.Secrets)
		if err != nil {
			return nil, fmt.Errorf("server %q: secrets: %w", server, err)
		}
		chain = append(chain, sc)
	}
	if len(s.Content.PII) > 0 {
		d, err := pii.New(s.Content.PII)
		if err != nil {
			return nil, fmt.Errorf("server %q: pii: %w", server, err)
		}
		chain = append(chain, d)
	}
	return chain, nil
}
