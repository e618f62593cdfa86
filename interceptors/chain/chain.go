// Package chain declares, in one place, which interceptors run and in what order.
package chain

import (
	"fmt"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// Build compiles the chain for one server. This is the one place the order
// is declared:
//
//  1. allowlist: cheapest and most decisive; a tool the policy forbids is
//     refused before any other check spends time on its arguments, and
//     tools/list results are filtered so agents never learn of it.
//
// Later checks (arguments, secrets, poisoning, egress, webhooks) go after it.
func Build(s *ir.Server) (interceptors.Chain, error) {
	al, err := allowlist.New(s.Tools)
	if err != nil {
		return nil, fmt.Errorf("server %q: allowlist: %w", s.Name, err)
	}
	return interceptors.Chain{al}, nil
}
