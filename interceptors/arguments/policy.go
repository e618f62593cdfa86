package arguments

import "github.com/mcpmesh/mcpmesh/interceptors"

// The "arguments" section of a server's policy, as the control plane ships it.

// Policy holds the checks on tools/call arguments before the server sees them.
type Policy struct {
	// Schema validates arguments against the tool's inputSchema as last seen
	// in this server's tools/list. "" means off.
	Schema interceptors.Mode `json:"schema,omitempty"`
	// UnknownTool decides a call whose tool was never listed: ActionBlock or
	// ActionAudit (the default: call allowed, finding recorded).
	UnknownTool interceptors.RuleAction `json:"unknownTool,omitempty"`
	Rules       []Rule                  `json:"rules,omitempty"`
}

// Rule constrains one argument of the tools matching Tool.
type Rule struct {
	Tool string `json:"tool"` // tool name pattern (same globs as the allowlist)
	// Argument is a dotted path into the arguments object ("path",
	// "options.target"); "*" as a segment matches every member or element.
	Argument string            `json:"argument"`
	Mode     interceptors.Mode `json:"mode"`
	// Required makes a missing argument a violation.
	Required bool `json:"required,omitempty"`
	// Schema is a JSON Schema (2020-12) the argument's value must satisfy.
	Schema []byte `json:"schema,omitempty"`
	// Allow: a string value must match at least one (RE2, unanchored unless written with ^$).
	Allow []string `json:"allow,omitempty"`
	// Deny: a string value must match none.
	Deny []string `json:"deny,omitempty"`
	// PathPrefixes: a string value, cleaned of "." and ".." segments, must lie under one of them.
	PathPrefixes []string `json:"pathPrefixes,omitempty"`
	// MaxLength bounds a string's length in characters; 0 = no bound.
	MaxLength int `json:"maxLength,omitempty"`
	// MaxBytes bounds the JSON encoding of the value; 0 = no bound.
	MaxBytes int `json:"maxBytes,omitempty"`
	// Enum lists the JSON values allowed (compared after canonical encoding).
	Enum [][]byte `json:"enum,omitempty"`
}
