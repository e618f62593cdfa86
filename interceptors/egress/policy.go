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
	// Network, when set, routes the server's own connections through its
	// sidecar's egress proxy.
	Network *Network `json:"network,omitempty"`
}

// ChecksArguments says whether tools/call arguments are checked at all (a
// section with only network leaves them alone).
func (p *Policy) ChecksArguments() bool { return p != nil && (p.Detect || len(p.Arguments) > 0) }

// Network confines the server's own outbound connections: its HTTP and
// HTTPS go through the forward proxy of its sidecar (HTTP_PROXY and
// HTTPS_PROXY point there), which connects only to allowed destinations.
type Network struct {
	// Listen is the proxy's address, "127.0.0.1:15001" by default (the
	// pod's loopback: only the server reaches it).
	Listen string `json:"listen"`
	// Allow lists destinations as egress.allow does. Without a port an
	// entry admits 443 (CONNECT, for HTTPS) and 80 (plain HTTP). IP
	// addresses, and names that resolve to loopback, private, link-local
	// or metadata addresses, pass only when a listed address or CIDR
	// covers the address: listing it is the permission.
	Allow []string `json:"allow,omitempty"`
	// Credentials are added by the sidecar to requests for their
	// destinations; the server never holds them.
	Credentials []Credential `json:"credentials,omitempty"`
}

// DefaultNetworkListen is where the egress proxy listens by default.
const DefaultNetworkListen = "127.0.0.1:15001"

// Credential is a secret the sidecar adds to the requests of one
// destination. The server calls http://<host>/ through the proxy; the
// sidecar connects to host:port over TLS (verifying the host's
// certificate) and sets Header to Prefix followed by the secret.
type Credential struct {
	Host string `json:"host"`
	// Port is the destination's TLS port (default 443).
	Port uint16 `json:"port"`
	// Header is set on every request (default Authorization), replacing
	// any value the server sent.
	Header string `json:"header"`
	// Prefix goes before the secret ("Bearer " for Authorization by default).
	Prefix string `json:"prefix"`
	// SecretFile holds the secret, as ext_proc sees its file system (a
	// mounted Kubernetes Secret); it is read again when it changes, so a
	// rotation needs no restart. Exactly one of SecretFile and OAuth.
	SecretFile string `json:"secretFile,omitempty"`
	// OAuth, instead, has the sidecar fetch short-lived tokens for the
	// destination and refresh them before they expire.
	OAuth *OAuthClient `json:"oauth,omitempty"`
	// CAFile is the trust for the destination's certificate, as the
	// sidecar's Envoy sees its file system (default: the system bundle).
	CAFile string `json:"caFile,omitempty"`
}

// DefaultCAFile is the system trust bundle of the Envoy image.
const DefaultCAFile = "/etc/ssl/certs/ca-certificates.crt"

// OAuthClient is an OAuth 2.0 client that gets tokens with the client
// credentials grant.
type OAuthClient struct {
	// TokenURL is the authorization server's token endpoint (https; http
	// only on loopback).
	TokenURL string `json:"tokenURL"`
	ClientID string `json:"clientID"`
	// ClientSecretFile holds the client secret, read by ext_proc like a
	// SecretFile (rotation included).
	ClientSecretFile string   `json:"clientSecretFile"`
	Scopes           []string `json:"scopes,omitempty"`
	// Audience, when set, asks for a token for that resource (sent as
	// "audience" and as RFC 8707's "resource").
	Audience string `json:"audience,omitempty"`
}
