// Package ir is the compiled, validated form of an mcpmesh policy.
//
// It is plain Go data: no protobufs and no Kubernetes types. The control plane
// builds it from policy YAML, translates it into Envoy resources, and ships it
// (as JSON) to every ext_proc instance, so both sides act on one version.
package ir

import (
	"errors"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/interceptors/toolglob"
)

// Policy is one complete, versioned policy.
type Policy struct {
	// Version identifies this policy; it changes whenever the content does.
	Version string `json:"version"`
	Limits  Limits `json:"limits"`
	// SupplyChain says how server images are verified.
	SupplyChain SupplyChain `json:"supplyChain,omitzero"`
	// Ingress is the mesh's HTTPS entry for agents (nil: none).
	Ingress *Ingress `json:"ingress,omitempty"`
	Servers []Server `json:"servers"`
}

// Ingress is the Envoy that agents reach over HTTPS: it terminates TLS and
// routes /servers/<name>/mcp to that server's sidecar.
type Ingress struct {
	Listen Endpoint `json:"listen"`
	TLS    TLS      `json:"tls"`
	// PublicURL is how agents address the ingress ("https://mcp.example.com"):
	// the base of every server's resource URI, the audience its tokens name.
	PublicURL string `json:"publicURL,omitempty"`
	// JWT, when set, makes every request carry a bearer token it verifies.
	JWT *JWT `json:"jwt,omitempty"`
	// ClientCerts, when set, verifies agents' TLS client certificates
	// against a CA; the certificate's name is the agent's identity when no
	// token gives one.
	ClientCerts *ClientCerts `json:"clientCerts,omitempty"`
	// MTLS, when set, makes the ingress and the sidecars authenticate each
	// other with certificates the control plane issues from this CA; the
	// sidecars then accept nothing else.
	MTLS *MTLS `json:"mtls,omitempty"`
	// ClientCert is the ingress's mesh certificate (set by the control
	// plane when MTLS is on; never shipped to ext_proc).
	ClientCert KeyPair `json:"-"`
	// Secret is what the ingress adds to every request it forwards, so that
	// ext_proc trusts the identity headers of that request and no other. It
	// is derived from the ingress's private key (stable across control-plane
	// replicas, renewed with the certificate).
	Secret string `json:"secret,omitempty"`
}

// ResourceURI is the canonical URI of server behind the ingress (RFC 9728,
// MCP authorization): what its tokens must name as audience.
func (in *Ingress) ResourceURI(server string) string { return in.PublicURL + IngressPath(server) }

// MetadataPath is where the protected-resource metadata of server is
// served (RFC 9728 §3.1: the well-known segment before the resource's path).
func MetadataPath(server string) string {
	return "/.well-known/oauth-protected-resource" + IngressPath(server)
}

// JWT is how the ingress verifies bearer tokens.
type JWT struct {
	Issuer string `json:"issuer"`
	// Audiences a token may name besides the server's resource URI.
	Audiences []string `json:"audiences,omitempty"`
	// JWKS is the issuer's key set, read from JWKSFile, or fetched from
	// JWKSURL by the control plane (cached, refreshed; served to the
	// ingress inline, so Envoy needs no route to the issuer).
	JWKSFile string `json:"jwksFile,omitempty"`
	JWKSURL  string `json:"jwksURL,omitempty"`
	JWKS     []byte `json:"-"`
	Digest   string `json:"digest"`
	// GroupsClaim names the claim that lists the subject's groups.
	GroupsClaim string `json:"groupsClaim"`
	// Scopes every token must carry (its "scope" claim), or the request is
	// refused with 403 insufficient_scope.
	Scopes []string `json:"scopes,omitempty"`
	// Claims are copied from each token for ext_proc (string, number or
	// boolean claims; "a.b" reaches into an object): clients rules can
	// name agents by them.
	Claims []string `json:"claims,omitempty"`
	// Revoked tokens are refused by every sidecar, whatever their expiry.
	Revoked Revoked `json:"revoked,omitzero"`
}

// Revoked lists subjects ("sub") and token ids ("jti") whose tokens are
// refused: a leaked token or a departed agent, before the token expires.
type Revoked struct {
	Subjects []string `json:"subjects,omitempty"`
	TokenIDs []string `json:"tokenIDs,omitempty"`
}

// ClientCerts is the CA agents' client certificates must chain to.
type ClientCerts struct {
	CAFile string `json:"caFile"`
	CAPEM  []byte `json:"-"`
	Digest string `json:"digest"`
	// Required refuses the TLS handshake of a client without a
	// certificate; otherwise one is verified when presented.
	Required bool `json:"required"`
}

// Authenticated says whether the ingress verifies agents (tokens or
// certificates), so that sidecars accept nothing that bypassed it.
func (in *Ingress) Authenticated() bool {
	return in != nil && (in.JWT != nil || (in.ClientCerts != nil && in.ClientCerts.Required))
}

// MTLS is the CA the mesh certificates are issued from.
type MTLS struct {
	CACertFile string `json:"caCertFile"`
	CAKeyFile  string `json:"caKeyFile"`
	CACertPEM  []byte `json:"-"`
	CAKeyPEM   []byte `json:"-"`
	Digest     string `json:"digest"`
	// NotAfter is when the CA expires.
	NotAfter time.Time `json:"notAfter"`
}

// KeyPair is an issued certificate and its key (PEM).
type KeyPair struct {
	CertPEM, KeyPEM []byte
}

// IngressPath is where agents reach server through the ingress.
func IngressPath(server string) string { return "/servers/" + server + "/mcp" }

// TLS is a certificate and its key, read from files when the policy loads
// (and again when a file changes). The key is not shipped to ext_proc.
type TLS struct {
	CertFile string `json:"certFile"`
	KeyFile  string `json:"keyFile"`
	CertPEM  []byte `json:"-"`
	KeyPEM   []byte `json:"-"`
	// Digest identifies the certificate and key, so a rotation changes the
	// policy version and is pushed.
	Digest string `json:"digest"`
	// NotAfter is when the certificate expires.
	NotAfter time.Time `json:"notAfter"`
}

// Limits bound what the data plane buffers and how long it waits.
type Limits struct {
	// MaxBodyBytes is the largest request or response body inspected.
	// Larger bodies are refused, never passed through unchecked.
	MaxBodyBytes uint32 `json:"maxBodyBytes"`
	// MessageTimeoutMillis bounds the decision on one message: ext_proc
	// refuses a slower one, and the sidecar drops an ext_proc connection
	// whose keepalive ping goes unanswered this long.
	MessageTimeoutMillis uint32 `json:"messageTimeoutMillis"`
	// MaxConcurrentStreams bounds the HTTP requests (calls and open SSE
	// streams alike) one sidecar has in flight, and so what its clusters'
	// circuit breakers and ext_proc allow (0: DefaultMaxConcurrentStreams).
	MaxConcurrentStreams uint32 `json:"maxConcurrentStreams,omitempty"`
}

// Streams is MaxConcurrentStreams with its default applied.
func (l Limits) Streams() uint32 {
	if l.MaxConcurrentStreams == 0 {
		return DefaultMaxConcurrentStreams
	}
	return l.MaxConcurrentStreams
}

// Defaults applied by the policy loader when the file leaves them out.
const (
	DefaultMaxBodyBytes         = 4 << 20
	DefaultMessageTimeoutMillis = 2000
	// DefaultMaxConcurrentStreams is far above Envoy's default circuit
	// breakers (1,024), which silently capped a sidecar; an open SSE stream
	// holds one for as long as it is open.
	DefaultMaxConcurrentStreams = 20000
	DefaultPath                 = "/mcp"
	DefaultVerifyConcurrency    = 4
	DefaultVerifyTimeoutMillis  = 30000
)

// Server is one MCP server behind its own sidecar.
type Server struct {
	// Name is unique, DNS-label shaped, and names the sidecar's Envoy node.
	Name string `json:"name"`
	// Upstream is where the sidecar forwards traffic (the server container).
	Upstream Endpoint `json:"upstream"`
	// Path is the MCP endpoint path served by the server and the sidecar.
	Path string `json:"path"`
	// Listen is the sidecar listener address agents connect to.
	Listen Endpoint `json:"listen"`
	// AllowedOrigins are the web origins ("https://app.example.com") whose
	// pages may call the server; loopback origins and the ingress's own are
	// always allowed, every other Origin is refused.
	AllowedOrigins []string `json:"allowedOrigins,omitempty"`
	// MeshCert is the sidecar's mesh certificate (set by the control plane
	// when the ingress's MTLS is on; never shipped to ext_proc).
	MeshCert KeyPair `json:"-"`
	// Address is where the ingress reaches the sidecar (a Service name in
	// Kubernetes); by default Listen, with a wildcard host made loopback.
	Address Endpoint `json:"address,omitzero"`
	// TokenExchange, when set, gives the server an audience-restricted
	// token for the agent instead of none: ext_proc exchanges the agent's
	// verified token (RFC 8693) and sends the result as Authorization. The
	// agent's own token never reaches the server.
	TokenExchange *TokenExchange `json:"tokenExchange,omitempty"`
	// Policy holds the interceptors' sections (tools, arguments, content,
	// poisoning, egress, webhooks); chain declares them in one place.
	chain.Policy

	// Image is the server's OCI image, pinned by digest (repo@sha256:...).
	// The control plane routes to the server only once the image's
	// signature verified under Verify.
	Image  string        `json:"image,omitempty"`
	Verify *Verification `json:"verify,omitempty"`
	// UnverifiedLocal marks a development server that runs without a
	// verified image (Image, if any, is informational and not checked). It
	// is routed, and reported loudly everywhere.
	UnverifiedLocal bool `json:"unverifiedLocal,omitempty"`
	// Unavailable is set by the control plane, never by the policy file: why
	// the server is not routed (e.g. its image failed verification). ext_proc
	// refuses every message for it with this reason.
	Unavailable string `json:"unavailable,omitempty"`
}

// TokenExchange is an OAuth 2.0 client of an authorization server that
// exchanges tokens (RFC 8693).
type TokenExchange struct {
	TokenURL string `json:"tokenURL"`
	ClientID string `json:"clientID"`
	// ClientSecretFile is read by ext_proc (and again when it changes).
	ClientSecretFile string `json:"clientSecretFile"`
	// Audience is what the issued token is for (the server, or the API it
	// calls); Scopes narrow it.
	Audience string   `json:"audience"`
	Scopes   []string `json:"scopes,omitempty"`
}

// SupplyChain holds settings shared by every image verification.
type SupplyChain struct {
	// Concurrency bounds verifications running at once (0: DefaultVerifyConcurrency).
	Concurrency int `json:"concurrency,omitempty"`
	// TimeoutMillis bounds one image's verification (0: DefaultVerifyTimeoutMillis).
	TimeoutMillis uint32 `json:"timeoutMillis,omitempty"`
	// PlainHTTPLoopback allows registries on loopback addresses over plain
	// HTTP (local development and tests); every other registry needs HTTPS.
	PlainHTTPLoopback bool `json:"plainHTTPLoopback,omitempty"`
}

// MaxConcurrent is Concurrency with its default applied.
func (sc SupplyChain) MaxConcurrent() int {
	if sc.Concurrency == 0 {
		return DefaultVerifyConcurrency
	}
	return sc.Concurrency
}

// Timeout is TimeoutMillis with its default applied.
func (sc SupplyChain) Timeout() time.Duration {
	if sc.TimeoutMillis == 0 {
		return DefaultVerifyTimeoutMillis * time.Millisecond
	}
	return time.Duration(sc.TimeoutMillis) * time.Millisecond
}

// Verification is how one server's image signature is checked: with a
// public key, or keyless against a certificate identity and a trusted root.
// Key material is read from files when the policy loads; it is not shipped
// to ext_proc, which has no use for it.
type Verification struct {
	KeyFile      string `json:"keyFile,omitempty"`
	PublicKeyPEM []byte `json:"-"`
	// Keyless is set for certificate-based (Fulcio) signatures.
	Keyless *Keyless `json:"keyless,omitempty"`
	// TrustedRootFile is a Sigstore trusted root (CAs, transparency-log
	// keys); required for keyless and for RequireTlog.
	TrustedRootFile string `json:"trustedRootFile,omitempty"`
	TrustedRootJSON []byte `json:"-"`
	// RequireTlog demands a transparency-log (Rekor) proof with the
	// signature, checked offline against the trusted root.
	RequireTlog bool `json:"requireTlog"`
	// Digest identifies the key material, so a changed key file changes
	// the policy version and the verification cache.
	Digest string `json:"digest"`
}

// Keyless names the signer a certificate must identify. Exactly one of
// Identity and IdentityRegexp, and one of Issuer and IssuerRegexp, is set.
type Keyless struct {
	Identity       string `json:"identity,omitempty"`
	IdentityRegexp string `json:"identityRegexp,omitempty"`
	Issuer         string `json:"issuer,omitempty"`
	IssuerRegexp   string `json:"issuerRegexp,omitempty"`
}

// Endpoint is a host and port.
type Endpoint struct {
	Host string `json:"host"`
	Port uint32 `json:"port"`
	// Unix, when set, is a Unix domain socket path used instead of Host and
	// Port (where a component accepts one: ext_proc beside its sidecar).
	Unix string `json:"unix,omitempty"`
}

func (e Endpoint) String() string {
	if e.Unix != "" {
		return UnixPrefix + e.Unix
	}
	return net.JoinHostPort(e.Host, strconv.Itoa(int(e.Port)))
}

// Network is the net.Dial/net.Listen network of e: "unix" or "tcp".
func (e Endpoint) Network() string {
	if e.Unix != "" {
		return "unix"
	}
	return "tcp"
}

// Sentinel errors joined by Validate; callers may test with errors.Is.
var (
	ErrNoServers     = errors.New("policy declares no servers")
	ErrServerName    = errors.New("server name must be a DNS label (lowercase letters, digits, '-'; at most 63 characters)")
	ErrDuplicateName = errors.New("server name is used twice")
	ErrEndpoint      = errors.New("endpoint needs a host and a port in 1-65535")
	ErrPath          = errors.New("path must start with '/' and contain no '?', '#' or whitespace")
	ErrPattern       = errors.New("tool pattern must be non-empty and printable")
	ErrLimits        = errors.New("limits out of range")
)

var dnsLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// Validate checks invariants the translator and ext_proc rely on. The policy
// loader reports friendlier, positioned errors first; this is the backstop
// for an IR built any other way.
func (p *Policy) Validate() error {
	var errs []error
	if len(p.Servers) == 0 {
		errs = append(errs, ErrNoServers)
	}
	if p.Limits.MaxBodyBytes == 0 || p.Limits.MessageTimeoutMillis == 0 {
		errs = append(errs, ErrLimits)
	}
	names := map[string]bool{}
	for _, s := range p.Servers {
		if !dnsLabel.MatchString(s.Name) {
			errs = append(errs, fmt.Errorf("server %q: %w", s.Name, ErrServerName))
		}
		if names[s.Name] {
			errs = append(errs, fmt.Errorf("server %q: %w", s.Name, ErrDuplicateName))
		}
		names[s.Name] = true
		for _, e := range []Endpoint{s.Upstream, s.Listen} {
			if e.Host == "" || e.Port == 0 || e.Port > 65535 {
				errs = append(errs, fmt.Errorf("server %q: %w", s.Name, ErrEndpoint))
			}
		}
		if !strings.HasPrefix(s.Path, "/") || strings.ContainsAny(s.Path, "?# \t\r\n") {
			errs = append(errs, fmt.Errorf("server %q: %w", s.Name, ErrPath))
		}
		for _, pat := range append(append([]string{}, s.Tools.Allow...), s.Tools.Deny...) {
			if !toolglob.ValidPattern(pat) {
				errs = append(errs, fmt.Errorf("server %q: pattern %q: %w", s.Name, pat, ErrPattern))
			}
		}
	}
	return errors.Join(errs...)
}

// Server returns the named server, or nil.
func (p *Policy) Server(name string) *Server {
	for i := range p.Servers {
		if p.Servers[i].Name == name {
			return &p.Servers[i]
		}
	}
	return nil
}

// SidecarAddress is where the ingress reaches the server's sidecar.
func (s *Server) SidecarAddress() Endpoint {
	if s.Address.Host != "" {
		return s.Address
	}
	a := s.Listen
	switch a.Host {
	case "0.0.0.0", "":
		a.Host = "127.0.0.1"
	case "::":
		a.Host = "::1"
	}
	return a
}
