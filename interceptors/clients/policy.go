package clients

import "github.com/mcpmesh/mcpmesh/interceptors/allowlist"

// Policy is the "clients" section of a server: which tools each verified
// agent may see and call, on top of the server's own tools rules.
type Policy struct {
	// Rules are tried in order; the first that names the agent applies.
	Rules []Rule `json:"rules"`
	// Unmatched is what an agent no rule names may use: "deny" (nothing,
	// the default) or "allow" (what the server's tools rules allow).
	Unmatched string `json:"unmatched"`
}

// Rule names agents by subject or group and gives them tools rules.
type Rule struct {
	Subjects []string         `json:"subjects,omitempty"`
	Groups   []string         `json:"groups,omitempty"`
	Tools    allowlist.Policy `json:"tools"`
}

// What an agent no rule names may use.
const (
	UnmatchedDeny  = "deny"
	UnmatchedAllow = "allow"
)
