// Package clients gives each verified agent its own tools: the first rule
// that names the agent (by subject or group) decides which of the server's
// tools it may see in tools/list and call, on top of the server's rules.
// It runs after the arguments check has learned the full list, so that
// what one agent may not see does not hide a tool's schema from another.
package clients

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// Clients is the compiled form of Policy.
type Clients struct {
	rules          []compiledRule
	allowUnmatched bool
}

type compiledRule struct {
	subjects, groups []string
	tools            *allowlist.Allowlist
	name             string // "clients.rules[i]"
}

var _ interceptors.Interceptor = (*Clients)(nil)

// New compiles p.
func New(p *Policy) (*Clients, error) {
	c := &Clients{allowUnmatched: p.Unmatched == UnmatchedAllow}
	switch p.Unmatched {
	case "", UnmatchedDeny, UnmatchedAllow:
	default:
		return nil, fmt.Errorf("clients: unmatched must be deny or allow, not %q", p.Unmatched)
	}
	for i, r := range p.Rules {
		if len(r.Subjects) == 0 && len(r.Groups) == 0 {
			return nil, fmt.Errorf("clients: rules[%d] names no agent", i)
		}
		name := fmt.Sprintf("clients.rules[%d]", i)
		a, err := allowlist.NewNamed(r.Tools, name+".tools")
		if err != nil {
			return nil, fmt.Errorf("clients: rules[%d]: %w", i, err)
		}
		c.rules = append(c.rules, compiledRule{subjects: r.Subjects, groups: r.Groups, tools: a, name: name})
	}
	return c, nil
}

// Name implements interceptors.Interceptor.
func (c *Clients) Name() string { return "clients" }

// decide reports whether who may use tool, and the rule that decided.
func (c *Clients) decide(who interceptors.Identity, tool string) (bool, string) {
	for _, r := range c.rules {
		if !r.names(who) {
			continue
		}
		return r.tools.Decide(tool)
	}
	if c.allowUnmatched {
		return true, "clients.unmatched allow"
	}
	return false, "clients.unmatched deny"
}

func (r *compiledRule) names(who interceptors.Identity) bool {
	if who.Subject == "" {
		return false
	}
	if slices.Contains(r.subjects, who.Subject) {
		return true
	}
	for _, g := range who.Groups {
		if slices.Contains(r.groups, g) {
			return true
		}
	}
	return false
}

// Intercept implements interceptors.Interceptor.
func (c *Clients) Intercept(_ context.Context, x *interceptors.Exchange) error {
	m := x.Message
	switch {
	case x.Direction == interceptors.ToServer && m.Method == "tools/call":
		if ok, rule := c.decide(x.Client, x.Tool); !ok {
			// The reason names the tool asked for and the rule, never the
			// tools the agent may use.
			x.Refuse(rule, fmt.Sprintf("tool %q is not allowed for %s on server %q", x.Tool, who(x.Client), x.Server))
		}
	case x.Direction == interceptors.ToClient && m.IsResponse() && m.Result != nil && (x.Method == "tools/list" || x.Method == ""):
		out, removed, changed, err := jsonrpc.FilterTools(m.Result, func(name string) bool {
			ok, _ := c.decide(x.Client, name)
			return ok
		})
		if err != nil {
			if x.Method == "" {
				return nil // not a tools/list result
			}
			return fmt.Errorf("tools/list result: %w", err)
		}
		if changed {
			cp := *m
			cp.Result = out
			x.Replace(&cp, "clients", fmt.Sprintf("removed %d tool(s) %s may not use: %s", len(removed), who(x.Client), strings.Join(removed, ", ")))
			x.Removed = append(x.Removed, removed...)
		}
	}
	return nil
}

func who(id interceptors.Identity) string {
	if id.Subject == "" {
		return "an unidentified agent"
	}
	return fmt.Sprintf("%q", id.Subject)
}
