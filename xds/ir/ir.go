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
)

// Policy is one complete, versioned policy.
type Policy struct {
	// Version identifies this policy; it changes whenever the content does.
	Version string `json:"version"`
	Limits  Limits `json:"limits"`
	// SupplyChain says how server images are verified.
	SupplyChain SupplyChain `json:"supplyChain,omitzero"`
	Servers     []Server    `json:"servers"`
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
}

// Defaults applied by the policy loader when the file leaves them out.
const (
	DefaultMaxBodyBytes         = 4 << 20
	DefaultMessageTimeoutMillis = 2000
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
	// Tools decides which tools agents may see and call.
	Tools ToolRules `json:"tools"`
	// Arguments checks tools/call arguments.
	Arguments Arguments `json:"arguments,omitzero"`
	// Content finds secrets and personal data in both directions.
	Content Content `json:"content,omitzero"`
	// Poisoning checks the tool definitions the server publishes (nil = off).
	Poisoning *Poisoning `json:"poisoning,omitempty"`
	// Egress confines destinations in arguments (nil = off).
	Egress *Egress `json:"egress,omitempty"`
	// Webhooks are external interceptors, run in order after the built-in ones.
	Webhooks []Webhook `json:"webhooks,omitempty"`

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
}

func (e Endpoint) String() string { return net.JoinHostPort(e.Host, strconv.Itoa(int(e.Port))) }

// ToolRules is an allowlist and a denylist of tool name patterns.
//
// Patterns are exact names or globs where '*' matches any run of characters
// and '?' one character. Deny wins over allow. When Allow is non-nil, a tool
// that matches none of its patterns is denied (default deny); when Allow is
// nil, every tool not denied is allowed.
type ToolRules struct {
	Allow []string `json:"allow,omitempty"`
	Deny  []string `json:"deny,omitempty"`
	// AllowAll is true when the policy gave no allow list at all. It is kept
	// explicit so that "allow: []" (deny everything) cannot be mistaken for it.
	AllowAll bool `json:"allowAll"`
	// Mode AuditOnly records what the rules would deny or hide and changes
	// nothing; "" means Enforce.
	Mode Mode `json:"mode,omitempty"`
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
			if !ValidPattern(pat) {
				errs = append(errs, fmt.Errorf("server %q: pattern %q: %w", s.Name, pat, ErrPattern))
			}
		}
	}
	return errors.Join(errs...)
}

// ValidPattern reports whether pat is a usable tool name pattern.
func ValidPattern(pat string) bool {
	if pat == "" {
		return false
	}
	for _, r := range pat {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
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

// Mode says whether a rule acts or only reports what it would have done.
type Mode string

const (
	// Enforce applies the rule's action.
	Enforce Mode = "enforce"
	// AuditOnly records in the audit log what the rule would have done and
	// lets the message through unchanged (shadow mode for safe roll-outs).
	AuditOnly Mode = "audit"
)

// Action is what a content rule does when it fires.
type Action string

const (
	ActionBlock  Action = "block"  // refuse the whole message
	ActionRedact Action = "redact" // replace the match with [REDACTED:<rule>]
	ActionAudit  Action = "audit"  // only record the finding
)

// Arguments are checks on tools/call arguments before the server sees them.
type Arguments struct {
	// Schema validates arguments against the tool's inputSchema as last seen
	// in this server's tools/list. "" means off.
	Schema Mode `json:"schema,omitempty"`
	// UnknownTool decides a call whose tool was never listed: ActionBlock or
	// ActionAudit (the default: call allowed, finding recorded).
	UnknownTool Action         `json:"unknownTool,omitempty"`
	Rules       []ArgumentRule `json:"rules,omitempty"`
}

// ArgumentRule constrains one argument of the tools matching Tool.
type ArgumentRule struct {
	Tool string `json:"tool"` // tool name pattern (same globs as ToolRules)
	// Argument is a dotted path into the arguments object ("path",
	// "options.target"); "*" as a segment matches every member or element.
	Argument string `json:"argument"`
	Mode     Mode   `json:"mode"`
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

// Content holds the secret and PII rules of one server.
type Content struct {
	// Secrets finds credentials with the built-in rule set.
	Secrets *SecretRules `json:"secrets,omitempty"`
	// PII rules, each with its own action.
	PII []PIIRule `json:"pii,omitempty"`
}

// SecretRules configure credential detection.
type SecretRules struct {
	Mode Mode `json:"mode"`
	// Requests: what to do with a credential in tools/call arguments
	// (ActionBlock, ActionRedact or ActionAudit).
	Requests Action `json:"requests"`
	// Responses: what to do with a credential in anything the server sends
	// (ActionRedact or ActionAudit; blocking a result helps nobody).
	Responses Action `json:"responses"`
	// Disable lists rule ids of the built-in set that must not fire.
	Disable []string `json:"disable,omitempty"`
}

// PII kinds with built-in detectors.
const (
	PIIEmail = "email"
	PIICard  = "card"  // payment card numbers, Luhn-checked
	PIIIBAN  = "iban"  // ISO 13616, mod-97 checked
	PIIPhone = "phone" // libphonenumber-validated
	PIIRegex = "regex" // Pattern from the policy
)

// PIIRule is one kind of personal data and what to do with it.
type PIIRule struct {
	Kind    string `json:"kind"`
	Name    string `json:"name,omitempty"`    // names a regex rule in findings and [REDACTED:<name>]
	Pattern string `json:"pattern,omitempty"` // RE2, for Kind == PIIRegex
	// Region is the default region for phone numbers without a country code ("US", "DE").
	Region    string `json:"region,omitempty"`
	Action    Action `json:"action"`
	Mode      Mode   `json:"mode"`
	Direction string `json:"direction,omitempty"` // "requests", "responses" or "" for both
}

// ActionHide removes a tool from tools/list answers (and refuses calls to it).
const ActionHide Action = "hide"

// Poisoning configures the checks of tool definitions a server publishes
// (tools/list answers and the list_changed notification that precedes them).
type Poisoning struct {
	Mode Mode `json:"mode"`
	// Action for a definition with hidden instructions, invisible or
	// bidirectional Unicode, an over-long description, or shadowing of
	// another server's tools: ActionHide, ActionBlock (hide and refuse
	// calls) or ActionAudit.
	Action Action `json:"action"`
	// MaxDescriptionBytes flags longer descriptions (0 = 4096).
	MaxDescriptionBytes int `json:"maxDescriptionBytes,omitempty"`
	// Pins maps an approved tool name to the sha256 (hex) of its canonical
	// definition, as written by `mcpmesh lock`. When set, a tool that is
	// missing from Pins or whose definition hash differs ("rug pull") gets
	// OnChange until it is approved again.
	Pins map[string]string `json:"pins,omitempty"`
	// OnChange: ActionHide, ActionBlock or ActionAudit.
	OnChange Action `json:"onChange,omitempty"`
}

// Egress confines the URLs and host names found in tools/call arguments.
type Egress struct {
	Mode Mode `json:"mode"`
	// Arguments lists argument paths (dotted, "*" segments allowed, like
	// ArgumentRule.Argument) that carry a URL or host name, per tool
	// pattern: "fetch:url", "*:endpoint".
	Arguments []string `json:"arguments,omitempty"`
	// Detect also finds URLs (scheme://...) in every string argument.
	Detect bool `json:"detect"`
	// Allow lists destinations: exact host names, "*.example.com"
	// wildcards (subdomains only), IP addresses and CIDRs ("10.1.0.0/16").
	Allow []string `json:"allow,omitempty"`
	// Schemes allowed for URLs (default ["https"]).
	Schemes []string `json:"schemes,omitempty"`
	// AllowPrivate permits loopback, private, link-local, unique-local and
	// cloud metadata addresses when they are also in Allow; without it they
	// are denied even if listed.
	AllowPrivate bool `json:"allowPrivate,omitempty"`
}

// Webhook is an external interceptor called over HTTP.
type Webhook struct {
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
	FailOpen bool `json:"failOpen,omitempty"`
	Mode     Mode `json:"mode"`
	// Compat "docker" speaks Docker MCP Gateway's http interceptor format
	// instead of mcpmesh's contract; "" is mcpmesh's.
	Compat string `json:"compat,omitempty"`
}
