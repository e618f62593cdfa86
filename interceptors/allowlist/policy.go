package allowlist

import "github.com/mcpmesh/mcpmesh/interceptors"

// The "tools" section of a server's policy, as the control plane ships it.

// Policy is an allowlist and a denylist of tool name patterns.
//
// Patterns are exact names or globs where '*' matches any run of characters
// and '?' one character. Deny wins over allow. When Allow is non-nil, a tool
// that matches none of its patterns is denied (default deny); when Allow is
// nil, every tool not denied is allowed.
type Policy struct {
	Allow []string `json:"allow,omitempty"`
	Deny  []string `json:"deny,omitempty"`
	// AllowAll is true when the policy gave no allow list at all. It is kept
	// explicit so that "allow: []" (deny everything) cannot be mistaken for it.
	AllowAll bool `json:"allowAll"`
	// Mode AuditOnly records what the rules would deny or hide and changes
	// nothing; "" means Enforce.
	Mode interceptors.Mode `json:"mode,omitempty"`
}
