// Package chain declares, in one place, which interceptors run and in what order.
package chain

import (
	"fmt"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// State is what outlives one policy version for one server: ext_proc keeps
// it per server name and hands it to every chain built for that server.
type State struct {
	// Catalog holds the tool schemas the server last listed.
	Catalog *arguments.Catalog
}

// NewState returns empty state for a server.
func NewState() *State { return &State{Catalog: arguments.NewCatalog()} }

// Build compiles the chain for one server. This is the one place the order
// is declared:
//
//  1. allowlist: cheapest and most decisive. A forbidden tool is refused
//     before anything spends time on its arguments, and tools/list results
//     lose forbidden tools before any later step (or the agent) sees them.
//  2. arguments: validates tools/call arguments against the schema the
//     server published and the policy's rules, on the values exactly as the
//     agent sent them (before any redaction rewrites them); learns schemas
//     from the already-filtered tools/list results.
//  3. secrets: credentials are blocked or redacted in both directions; it
//     runs before PII so that a token is labelled as the credential it is
//     rather than, say, as digits that look like a phone number.
//  4. pii: personal data, each kind with its own action.
func Build(s *ir.Server, st *State) (interceptors.Chain, error) {
	al, err := allowlist.New(s.Tools)
	if err != nil {
		return nil, fmt.Errorf("server %q: allowlist: %w", s.Name, err)
	}
	args, err := arguments.New(s.Arguments, st.Catalog)
	if err != nil {
		return nil, fmt.Errorf("server %q: arguments: %w", s.Name, err)
	}
	// Configured but not enforceable is refused, never ignored.
	if s.Poisoning != nil || s.Egress != nil || len(s.Webhooks) > 0 {
		return nil, fmt.Errorf("server %q: poisoning, egress and webhooks are not available in this build", s.Name)
	}
	chain := interceptors.Chain{al, args}
	if s.Content.Secrets != nil {
		sc, err := secrets.New(s.Content.Secrets)
		if err != nil {
			return nil, fmt.Errorf("server %q: secrets: %w", s.Name, err)
		}
		chain = append(chain, sc)
	}
	if len(s.Content.PII) > 0 {
		d, err := pii.New(s.Content.PII)
		if err != nil {
			return nil, fmt.Errorf("server %q: pii: %w", s.Name, err)
		}
		chain = append(chain, d)
	}
	return chain, nil
}
