package egress

import "github.com/mcpmesh/mcpmesh/interceptors"

// The "egress" section of a server's policy, as the control plane ships it.

// Policy confines the URLs and host names found in tools/call arguments.
type Policy struct {
	Mode interceptors.Mode `json:"mode"`
	// Arguments lists argument paths (dotted, "*" segments allowed, like
	// arguments.Rule.Argument) that carry a URL or host name, per tool
	// pattern: "fetch:url", "*:endpoint".
	Arguments []string `json:"arguments,omitempty"`
	// Detect also finds URLs (scheme://...) in every string argument.
	Detect bool `json:"detect"`
	// Allow lists destinations: exact host names, "*.example.com"
	// wildcards (subdomains only), IP addresses and CIDRs ("10.1.0.0/16").
	// All but CIDRs may name a port ("api.example.com:8443",
	// "[2001:db8::1]:443"); without one only the scheme's default port is
	// allowed.
	Allow []string `json:"allow,omitempty"`
	// Schemes allowed for URLs (default ["https"]).
	Schemes []string `json:"schemes,omitempty"`
	// AllowPrivate permits loopback, private, link-local, unique-local and
	// cloud metadata addresses when they are also in Allow; without it they
	// are denied even if listed.
	AllowPrivate bool `json:"allowPrivate,omitempty"`
}
