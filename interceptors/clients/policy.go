package clients

import (
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
)

// Policy is the "clients" section of a server: which tools each verified
// agent may see and call, on top of the server's own tools rules.
type Policy struct {
	// Rules are tried in order; the first that names the agent applies.
	Rules []Rule `json:"rules"`
	// Unmatched is what an agent no rule names may use: "deny" (nothing,
	// the default) or "allow" (what the server's tools rules allow).
	Unmatched string `json:"unmatched"`
}

// Rule names agents by subject or group and gives them tools rules, and
// argument and content rules on top of the server's own.
type Rule struct {
	Subjects []string `json:"subjects,omitempty"`
	Groups   []string `json:"groups,omitempty"`
	// Claims names agents by the claims the ingress copies
	// (ingress.auth.jwt.claims): every claim listed must have one of its
	// values. A rule names an agent by subject, group or claims.
	Claims map[string][]string `json:"claims,omitempty"`
	Tools  allowlist.Policy    `json:"tools"`
	// Arguments are checked on these agents' tools/call requests, after
	// the server's own argument rules.
	Arguments []arguments.Rule `json:"arguments,omitempty"`
	// Secrets and PII are scanned in these agents' messages, both ways.
	Secrets *secrets.Policy `json:"secrets,omitempty"`
	PII     []pii.Rule      `json:"pii,omitempty"`
}

// What an agent no rule names may use.
const (
	UnmatchedDeny  = "deny"
	UnmatchedAllow = "allow"
)
