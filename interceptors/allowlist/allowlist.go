// Package allowlist decides which tools an agent may call and see.
//
// tools/call requests for a forbidden tool are refused; tools/list results
// (and their SSE forms) lose the forbidden tools, so agents are never offered
// what they may not call.
package allowlist

import (
	"context"
	"fmt"
	"strings"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/toolglob"
)

// Allowlist is the compiled form of Policy.
type Allowlist struct {
	audit    bool // shadow mode: report, change nothing
	allowAll bool
	allow    []toolglob.Pattern
	deny     []toolglob.Pattern
	// The rule names Decide returns, one per pattern, built once so that
	// deciding a call allocates nothing.
	allowRules, denyRules []string
	noAllow, noMatch      string
}

var _ interceptors.Interceptor = (*Allowlist)(nil)

// New compiles rules.
func New(rules Policy) (*Allowlist, error) { return NewNamed(rules, "tools") }

// NewNamed compiles rules whose decisions name them with prefix
// ("clients.rules[0].tools" gives `clients.rules[0].tools.deny "x"`).
func NewNamed(rules Policy, prefix string) (*Allowlist, error) {
	a := &Allowlist{allowAll: rules.AllowAll, audit: rules.Mode == interceptors.AuditOnly}
	var err error
	if a.allow, err = compile(rules.Allow); err != nil {
		return nil, err
	}
	if a.deny, err = compile(rules.Deny); err != nil {
		return nil, err
	}
	a.allowRules = ruleNames(prefix+".allow", a.allow)
	a.denyRules = ruleNames(prefix+".deny", a.deny)
	a.noAllow, a.noMatch = prefix+": no allow list", prefix+".allow (no pattern matches)"
	return a, nil
}

func compile(pats []string) ([]toolglob.Pattern, error) {
	out := make([]toolglob.Pattern, 0, len(pats))
	for _, p := range pats {
		g, err := toolglob.Compile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

func ruleNames(prefix string, pats []toolglob.Pattern) []string {
	out := make([]string, len(pats))
	for i, p := range pats {
		out[i] = fmt.Sprintf("%s %q", prefix, p)
	}
	return out
}

// Decide reports whether tool may be used and the rule that decided it.
// Names are compared exactly as the server will see them: case-sensitive,
// after JSON unescaping, with no normalisation.
func (a *Allowlist) Decide(tool string) (allowed bool, rule string) {
	for i, p := range a.deny {
		if p.Match(tool) {
			return false, a.denyRules[i]
		}
	}
	if a.allowAll {
		return true, a.noAllow
	}
	for i, p := range a.allow {
		if p.Match(tool) {
			return true, a.allowRules[i]
		}
	}
	return false, a.noMatch
}

// Name implements interceptors.Interceptor.
func (a *Allowlist) Name() string { return "allowlist" }

// Intercept implements interceptors.Interceptor.
func (a *Allowlist) Intercept(_ context.Context, x *interceptors.Exchange) error {
	m := x.Message
	switch {
	case x.Direction == interceptors.ToServer && m.Method == "tools/call": // requests and (malformed) notifications alike
		if ok, rule := a.Decide(x.Tool); !ok {
			reason := fmt.Sprintf("tool %q is not allowed on server %q", x.Tool, x.Server)
			if a.audit {
				x.Findings = append(x.Findings, interceptors.Finding{Interceptor: "allowlist", Rule: rule, Action: "block", Mode: "audit", Detail: reason})
				return nil
			}
			x.Refuse(rule, reason)
		}
	case x.Direction == interceptors.ToClient && m.IsResponse() && m.Result != nil && (x.Method == "tools/list" || x.Method == ""):
		// An uncorrelated response (e.g. replayed on a resumed SSE stream)
		// is filtered whenever it has the shape of a tools/list result.
		out, removed, changed, err := x.FilterTools(func(name string) bool {
			ok, _ := a.Decide(name)
			return ok
		})
		if err != nil {
			if x.Method == "" {
				return nil // not a tools/list result
			}
			return fmt.Errorf("tools/list result: %w", err)
		}
		if changed && a.audit {
			x.Findings = append(x.Findings, interceptors.Finding{Interceptor: "allowlist", Rule: "tools.allow/deny", Action: "hide", Mode: "audit",
				Detail: fmt.Sprintf("would hide %d tool(s): %s", len(removed), strings.Join(removed, ", "))})
			return nil
		}
		if changed {
			cp := *m
			cp.Result = out
			x.Replace(&cp, "tools.allow/deny", fmt.Sprintf("removed %d tool(s) the policy does not allow", len(removed)))
			x.Removed = append(x.Removed, removed...)
		}
	}
	return nil
}
