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
)

// Policy is one complete, versioned policy.
type Policy struct {
	// Version identifies this policy; it changes whenever the content does.
	Version string   `json:"version"`
	Limits  Limits   `json:"limits"`
	Servers []Server `json:"servers"`
}

// Limits bound what the data plane buffers and how long it waits.
type Limits struct {
	// MaxBodyBytes is the largest request or response body inspected.
	// Larger bodies are refused, never passed through unchecked.
	MaxBodyBytes uint32 `json:"maxBodyBytes"`
	// MessageTimeoutMillis bounds how long Envoy waits for ext_proc per message.
	MessageTimeoutMillis uint32 `json:"messageTimeoutMillis"`
}

// Defaults applied by the policy loader when the file leaves them out.
const (
	DefaultMaxBodyBytes         = 4 << 20
	DefaultMessageTimeoutMillis = 2000
	DefaultPath                 = "/mcp"
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
