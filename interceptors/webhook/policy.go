package webhook

import "github.com/mcpmesh/mcpmesh/interceptors"

// One entry of the "webhooks" section of a server's policy, as the control plane ships it.

// Policy is an external interceptor called over HTTP.
type Policy struct {
	Name string `json:"name"`
	// Phase "before": called with each tools/call request; may allow, deny,
	// rewrite the arguments or answer the call itself. "after": called with
	// each tools/call result; may replace or redact it.
	Phase string `json:"phase"`
	URL   string `json:"url"`
	// Tools limits the hook to tool name patterns (empty = every tool).
	Tools         []string `json:"tools,omitempty"`
	TimeoutMillis int      `json:"timeoutMillis"`
	MaxBytes      int      `json:"maxBytes"`
	// FailOpen lets the message through when the hook fails or times out;
	// the default (false) refuses it.
	FailOpen bool              `json:"failOpen,omitempty"`
	Mode     interceptors.Mode `json:"mode"`
	// Compat "docker" speaks Docker MCP Gateway's http interceptor format
	// instead of mcpmesh's contract; "" is mcpmesh's.
	Compat string `json:"compat,omitempty"`
}
