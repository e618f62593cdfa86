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
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
)

// Clients is the compiled form of Policy.
type Clients struct {
	rules          []compiledRule
	allowUnmatched bool
}

type compiledRule struct {
	subjects, groups []string
	claims           map[string][]string
	tools            *allowlist.Allowlist
	name             string // "clients.rules[i]"
	// more runs on these agents' messages once the tools rules let them
	// through: argument rules, then secrets, then PII (the server's own
	// order).
	more interceptors.Chain
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
		if len(r.Subjects) == 0 && len(r.Groups) == 0 && len(r.Claims) == 0 {
			return nil, fmt.Errorf("clients: rules[%d] names no agent", i)
		}
		name := fmt.Sprintf("clients.rules[%d]", i)
		a, err := allowlist.NewNamed(r.Tools, name+".tools")
		if err != nil {
			return nil, fmt.Errorf("clients: rules[%d]: %w", i, err)
		}
		cr := compiledRule{subjects: r.Subjects, groups: r.Groups, claims: r.Claims, tools: a, name: name}
		if len(r.Arguments) > 0 {
			ac, err := arguments.NewRules(r.Arguments, name+".arguments")
			if err != nil {
				return nil, fmt.Errorf("clients: %w", err)
			}
			cr.more = append(cr.more, ac)
		}
		if r.Secrets != nil {
			sc, err := secrets.New(r.Secrets)
			if err != nil {
				return nil, fmt.Errorf("clients: rules[%d].content.secrets: %w", i, err)
			}
			cr.more = append(cr.more, sc)
		}
		if len(r.PII) > 0 {
			d, err := pii.New(r.PII)
			if err != nil {
				return nil, fmt.Errorf("clients: rules[%d].content.pii: %w", i, err)
			}
			cr.more = append(cr.more, d)
		}
		c.rules = append(c.rules, cr)
	}
	return c, nil
}

// rule is the first rule that names who, nil when none does.
func (c *Clients) rule(who interceptors.Identity) *compiledRule {
	for i := range c.rules {
		if c.rules[i].names(who) {
			return &c.rules[i]
		}
	}
	return nil
}

// Name implements interceptors.Interceptor.
func (c *Clients) Name() string { return "clients" }

// decide reports whether who may use tool, and the rule that decided.
func (c *Clients) decide(who interceptors.Identity, tool string) (bool, string) {
	if r := c.rule(who); r != nil {
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
	return len(r.claims) > 0 && r.claimsMatch(who.Claims)
}

// claimsMatch: every claim of the rule has one of its values among the
// agent's.
func (r *compiledRule) claimsMatch(have map[string][]string) bool {
	for name, want := range r.claims {
		if !slices.ContainsFunc(have[name], func(v string) bool { return slices.Contains(want, v) }) {
			return false
		}
	}
	return true
}

// Intercept implements interceptors.Interceptor.
func (c *Clients) Intercept(ctx context.Context, x *interceptors.Exchange) error {
	if err := c.tools(x); err != nil || x.Action == interceptors.Deny {
		return err
	}
	// The agent's own argument and content rules.
	if r := c.rule(x.Client); r != nil && len(r.more) > 0 {
		return r.more.Run(ctx, x)
	}
	return nil
}

// tools applies the agent's tools rules: a call refused, a listing filtered.
func (c *Clients) tools(x *interceptors.Exchange) error {
	m := x.Message
	switch {
	case x.Direction == interceptors.ToServer && m.Method == "tools/call":
		if ok, rule := c.decide(x.Client, x.Tool); !ok {
			// The reason names the tool asked for and the rule, never the
			// tools the agent may use.
			x.Refuse(rule, fmt.Sprintf("tool %q is not allowed for %s on server %q", x.Tool, who(x.Client), x.Server))
		}
	case x.Direction == interceptors.ToClient && m.IsResponse() && m.Result != nil && (x.Method == "tools/list" || x.Method == ""):
		out, removed, changed, err := x.FilterTools(func(name string) bool {
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
