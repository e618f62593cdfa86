package egress

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"
)

// Rules of the egress proxy's decisions, in audit records and metrics.
const (
	RuleNetworkAllow      = "egress.network.allow"      // destination or port not allowed
	RuleNetworkPrivate    = "egress.network.private"    // an address no listed CIDR covers
	RuleNetworkDNS        = "egress.network.dns"        // the name did not resolve
	RuleNetworkRequest    = "egress.network.request"    // not a proxy request the sidecar can judge
	RuleNetworkCredential = "egress.network.credential" // a credential added, or its destination reached the wrong way
	RuleNetworkSecret     = "egress.network.secret"     // a credential's secret could not be read
)

// Status is the HTTP status the proxy refuses a request with.
func (d Decision) Status() int {
	switch d.Rule {
	case RuleNetworkDNS:
		return 502
	case RuleNetworkRequest:
		return 400
	case RuleNetworkSecret:
		return 503
	}
	return 403
}

// Resolver looks names up; *net.Resolver is one.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Gate is the compiled form of Network: it decides each request on the
// sidecar's egress proxy. It is safe for concurrent use.
type Gate struct {
	allow       allowList
	credentials map[string]int // "host" -> index into the policy's list
	list        []Credential
	resolver    Resolver
	secrets     *SecretFiles
	tokens      *Tokens
}

// NewGate compiles n. resolver looks names up (nil: none can be, every
// name is refused); secrets reads the credentials' files.
func NewGate(n *Network, resolver Resolver, secrets *SecretFiles, tokens *Tokens) (*Gate, error) {
	g := &Gate{allow: newAllowList(), credentials: map[string]int{}, list: n.Credentials, resolver: resolver, secrets: secrets, tokens: tokens}
	for i, a := range n.Allow {
		if err := g.allow.add(a); err != nil {
			return nil, fmt.Errorf("egress.network.allow[%d]: %q: %w", i, a, err)
		}
	}
	for i, c := range n.Credentials {
		if _, dup := g.credentials[c.Host]; dup {
			return nil, fmt.Errorf("egress.network.credentials[%d]: a second credential for %q", i, c.Host)
		}
		if (c.SecretFile == "") == (c.OAuth == nil) || c.Header == "" || c.Port == 0 {
			return nil, fmt.Errorf("egress.network.credentials[%d]: host, port, header and one of secretFile and oauth are required", i)
		}
		if c.OAuth != nil && tokens == nil {
			return nil, fmt.Errorf("egress.network.credentials[%d]: no token cache for an oauth client", i)
		}
		g.credentials[c.Host] = i
	}
	return g, nil
}

// Request is what the proxy was asked for.
type Request struct {
	// Connect is a CONNECT (a tunnel, for HTTPS); otherwise a plain HTTP
	// request in absolute form.
	Connect bool
	// Authority is the CONNECT target or the URL's host[:port].
	Authority string
	// Scheme is the URL's scheme of a plain request.
	Scheme string
}

// Decision is the proxy's answer. When Allowed, the sidecar connects to
// Target (through the credential's cluster when Credential >= 0, with
// Header set to Value).
type Decision struct {
	Allowed bool
	// Host and Port are the destination as normalised ("" when unreadable).
	Host string
	Port uint16
	// Rule and Reason explain a refusal (Rule also names a credential use).
	Rule, Reason string
	Target       netip.AddrPort
	Credential   int
	Header       string
	Value        string
}

func refuse(d Decision, rule, format string, args ...any) Decision {
	d.Allowed, d.Rule, d.Reason = false, rule, fmt.Sprintf(format, args...)
	return d
}

// Decide judges one request: the destination must be allowed for its
// port, and every address it has must be public or covered by a listed
// address or CIDR. Names are resolved here, once, and the address checked
// is the one the sidecar connects to, so a second answer from DNS cannot
// point the connection elsewhere (rebinding).
func (g *Gate) Decide(ctx context.Context, r Request) Decision {
	d := Decision{Credential: -1}
	scheme := "https"
	if !r.Connect {
		switch strings.ToLower(r.Scheme) {
		case "http", "":
			scheme = "http"
		default:
			return refuse(d, RuleNetworkRequest, "a %q URL cannot be proxied as a plain request: HTTPS goes through CONNECT", r.Scheme)
		}
	}
	dest, err := hostDestination(scheme, hostOf(r.Authority))
	if err == nil {
		err = dest.setPort(portOf(r.Authority))
	}
	if err != nil {
		return refuse(d, RuleNetworkRequest, "destination %s %v", quote(r.Authority), err)
	}
	if r.Connect && !dest.explicit {
		return refuse(d, RuleNetworkRequest, "a CONNECT target must name a port, got %s", quote(r.Authority))
	}
	d.Host, d.Port = dest.host, dest.port

	upstreamPort := dest.port
	if i, ok := g.credentials[dest.host]; ok && !dest.addr.IsValid() {
		c := g.list[i]
		switch {
		case r.Connect && dest.port == c.Port:
			return refuse(d, RuleNetworkCredential, "%s holds a credential the sidecar adds: call http://%s/ through the proxy (the sidecar connects over TLS), not CONNECT", quote(dest.host), dest.host)
		case !r.Connect && (dest.port == 80 || dest.port == c.Port):
			d.Credential, upstreamPort = i, c.Port
		}
	}
	if d.Credential < 0 {
		if listed, allowed, _ := g.allow.hostAllowed(dest); !allowed {
			if listed {
				return refuse(d, RuleNetworkAllow, "%s is allowed, but not on port %d", quote(dest.host), dest.port)
			}
			return refuse(d, RuleNetworkAllow, "%s is not in egress.network.allow", quote(dest.host))
		}
	}

	addrs := []netip.Addr{dest.addr}
	if !dest.addr.IsValid() {
		if g.resolver == nil {
			return refuse(d, RuleNetworkDNS, "%s cannot be resolved: the sidecar has no resolver", quote(dest.host))
		}
		found, err := g.resolver.LookupNetIP(ctx, "ip", dest.host)
		if err != nil || len(found) == 0 {
			return refuse(d, RuleNetworkDNS, "%s did not resolve: %v", quote(dest.host), lookupError(err))
		}
		addrs = found
	}
	var target netip.Addr
	for _, a := range addrs {
		a = a.WithZone("").Unmap()
		// The port connected to: a credential's TLS port, not the 80 the
		// server asked for.
		if privateIP(a) && !g.allow.covers(a, upstreamPort) {
			what := "a loopback, private, link-local or metadata address"
			if dest.addr.IsValid() {
				return refuse(d, RuleNetworkPrivate, "%s is %s that no listed address or CIDR covers", quote(a.String()), what)
			}
			return refuse(d, RuleNetworkPrivate, "%s resolves to %s, %s that no listed address or CIDR covers", quote(dest.host), a, what)
		}
		if !target.IsValid() || (a.Is4() && !target.Is4()) {
			target = a // IPv4 first: not every pod has an IPv6 route
		}
	}
	d.Target = netip.AddrPortFrom(target, upstreamPort)

	if d.Credential >= 0 {
		c := g.list[d.Credential]
		var secret string
		var err error
		if c.OAuth != nil {
			secret, err = g.tokens.Token(ctx, c.OAuth)
		} else {
			secret, err = g.secrets.Read(c.SecretFile)
		}
		if err != nil {
			return refuse(d, RuleNetworkSecret, "the credential for %s is not available; refused rather than sent without it: %v", quote(c.Host), err)
		}
		d.Rule, d.Header, d.Value = RuleNetworkCredential, c.Header, c.Prefix+secret
	}
	d.Allowed = true
	return d
}

// covers reports whether a listed address or CIDR admits a (for port).
func (c *allowList) covers(a netip.Addr, port uint16) bool {
	for _, p := range c.prefixes {
		if p.prefix.Contains(a) && (p.port == 0 || p.port == port) {
			return true
		}
	}
	return false
}

// Credentials lists the policy's credentials, in order.
func (g *Gate) Credentials() []Credential { return g.list }

// hostOf and portOf split an authority ("host", "host:port", "[v6]:port").
func hostOf(a string) string {
	if strings.HasPrefix(a, "[") {
		if end := strings.IndexByte(a, ']'); end > 0 {
			return a[1:end]
		}
		return a
	}
	if i := strings.LastIndexByte(a, ':'); i >= 0 && strings.Count(a, ":") == 1 {
		return a[:i]
	}
	return a
}

func portOf(a string) string {
	if strings.HasPrefix(a, "[") {
		if end := strings.IndexByte(a, ']'); end > 0 && strings.HasPrefix(a[end+1:], ":") {
			return a[end+2:]
		}
		return ""
	}
	if i := strings.LastIndexByte(a, ':'); i >= 0 && strings.Count(a, ":") == 1 {
		return a[i+1:]
	}
	return ""
}

// lookupError shortens a resolver error for an audit record.
func lookupError(err error) string {
	if err == nil {
		return "no addresses"
	}
	var s interface{ Timeout() bool }
	if errors.As(err, &s) && s.Timeout() {
		return "timed out"
	}
	return err.Error()
}

// SecretFiles reads credential files, each at most once a second, so a
// rotated secret (a Kubernetes Secret's files are swapped in place) is in
// use within a second without a restart, and a request does not cost a
// file read.
type SecretFiles struct {
	now   func() time.Time
	every time.Duration
	read  func(string) ([]byte, error)

	mu    sync.Mutex
	files map[string]*secretFile
}

// NewSecretFiles returns an empty cache that reads files from disk.
func NewSecretFiles() *SecretFiles {
	return &SecretFiles{now: time.Now, every: time.Second, read: os.ReadFile, files: map[string]*secretFile{}}
}

type secretFile struct {
	value   string
	err     error
	checked time.Time
	// history holds values read earlier, so that a server echoing a
	// credential it received just before a rotation is still caught.
	history []string
}

// keepHistory is how many earlier values of a file are remembered.
const keepHistory = 4

// Read returns the file's current secret: its content without surrounding
// white space. An empty file is an error.
func (s *SecretFiles) Read(path string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readLocked(path)
}

// ReadFresh is Read without the once-a-second cache: for a caller that
// has reason to think the file just changed (a token endpoint refused the
// client secret it had).
func (s *SecretFiles) ReadFresh(path string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.files[path]; f != nil {
		f.checked = time.Time{}
	}
	return s.readLocked(path)
}

func (s *SecretFiles) readLocked(path string) (string, error) {
	f := s.files[path]
	now := s.now()
	if f != nil && now.Sub(f.checked) < s.every {
		if f.err != nil {
			return "", f.err // fail closed: never the last good value
		}
		return f.value, nil
	}
	if f == nil {
		f = &secretFile{}
		s.files[path] = f
	}
	f.checked = now
	b, err := s.read(path)
	v := strings.TrimSpace(string(b))
	switch {
	case err != nil:
		f.err = err
		return "", err // the last good value is not used: fail closed
	case v == "":
		f.err = errors.New("the secret file is empty")
		return "", f.err
	case strings.ContainsAny(v, "\r\n\x00"):
		f.err = errors.New("the secret holds a line break or NUL, which no header may carry")
		return "", f.err
	}
	if f.value != "" && f.value != v {
		f.history = append(f.history, f.value)
		if len(f.history) > keepHistory {
			f.history = f.history[1:]
		}
	}
	f.value, f.err = v, nil
	return v, nil
}

// Known returns the secrets of the files, current and earlier ones.
func (s *SecretFiles) Known(paths []string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, p := range paths {
		s.readLocked(p) //nolint:errcheck // an unreadable file adds nothing new
		if f := s.files[p]; f != nil {
			if f.value != "" {
				out = append(out, f.value)
			}
			out = append(out, f.history...)
		}
	}
	return out
}

// CachingResolver answers a name from its last lookup for TTL, so that a
// server calling one API many times does not wait on DNS each time. Only
// answers are kept, never failures; the gate checks every answer it is
// given, cached or not, so a cached address is as checked as a fresh one.
type CachingResolver struct {
	Resolver Resolver
	TTL      time.Duration
	now      func() time.Time

	mu      sync.Mutex
	answers map[string]cachedAnswer
}

type cachedAnswer struct {
	addrs   []netip.Addr
	expires time.Time
}

// maxCachedNames bounds the cache: a server that looks up many names
// cannot grow it without end.
const maxCachedNames = 4096

// NewCachingResolver caches r's answers for ttl.
func NewCachingResolver(r Resolver, ttl time.Duration) *CachingResolver {
	return &CachingResolver{Resolver: r, TTL: ttl, now: time.Now, answers: map[string]cachedAnswer{}}
}

// LookupNetIP implements Resolver.
func (c *CachingResolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	key := network + "\x00" + host
	now := c.now()
	c.mu.Lock()
	if a, ok := c.answers[key]; ok && now.Before(a.expires) {
		c.mu.Unlock()
		return a.addrs, nil
	}
	c.mu.Unlock()
	addrs, err := c.Resolver.LookupNetIP(ctx, network, host)
	if err != nil || len(addrs) == 0 {
		return addrs, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.answers) >= maxCachedNames {
		for k, a := range c.answers {
			if !now.Before(a.expires) || len(c.answers) >= maxCachedNames {
				delete(c.answers, k)
			}
		}
	}
	c.answers[key] = cachedAnswer{addrs: addrs, expires: now.Add(c.TTL)}
	return addrs, nil
}
