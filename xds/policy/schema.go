package policy

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/goccy/go-yaml/ast"

	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// policy reads the top-level mapping.
func (l *loader) policy(body ast.Node) *ir.Policy {
	rootEntry := &section.Entry{Path: "", KeyPos: section.NodePos(body), Node: l.Resolve(body, "")}
	if rootEntry.Node == nil {
		return nil
	}
	if _, ok := rootEntry.Node.(*ast.MappingNode); !ok {
		l.Errorf(rootEntry.Pos(), "", "a policy file must be a YAML mapping with the fields version, limits, defaults and servers; got %s", section.Describe(rootEntry.Node))
		return nil
	}
	root := rootEntry.Pos()
	fs := l.Fields(rootEntry, "a mapping", "version", "limits", "supplyChain", "defaults", "ingress", "servers")

	l.version(fs["version"], root)
	p := &ir.Policy{Limits: l.limits(fs["limits"])}
	var verify *ir.Verification
	p.SupplyChain, verify = l.supplyChain(fs["supplyChain"])
	listen, path := l.defaults(fs["defaults"])
	p.Servers = l.servers(fs["servers"], root, listen, path, verify)
	p.Ingress = l.ingress(fs["ingress"])
	for i, s := range p.Servers {
		if s.TokenExchange != nil && (p.Ingress == nil || p.Ingress.JWT == nil) {
			l.Errorf(root, fmt.Sprintf("servers[%d].tokenExchange", i), "needs ingress.auth.jwt: only a token the ingress verified is exchanged")
		}
	}
	if p.Ingress != nil {
		for _, s := range p.Servers {
			if s.Listen == p.Ingress.Listen {
				l.Errorf(section.NodePos(fs["ingress"].Node), "ingress.listen", "the ingress and server %q both listen on %s", s.Name, s.Listen)
			}
		}
	}
	return p
}

func (l *loader) version(e *section.Entry, root section.Pos) {
	if section.Absent(e) {
		p := root
		if e != nil {
			p = e.Pos()
		}
		l.Errorf(p, "version", "required field is missing; add \"version: %d\"", SchemaVersion)
		return
	}
	n, ok := e.Node.(*ast.IntegerNode)
	if !ok {
		if e.Node != nil {
			l.TypeError(e, fmt.Sprintf("the integer %d", SchemaVersion))
		}
		return
	}
	if v, ok := section.IntValue(n); !ok || v != SchemaVersion {
		l.Errorf(e.Pos(), e.Path, "unsupported version %s; only %d is accepted", n.GetToken().Value, SchemaVersion)
	}
}

func (l *loader) limits(e *section.Entry) ir.Limits {
	lim := ir.Limits{MaxBodyBytes: ir.DefaultMaxBodyBytes, MessageTimeoutMillis: ir.DefaultMessageTimeoutMillis, MaxConcurrentStreams: ir.DefaultMaxConcurrentStreams}
	if section.Absent(e) {
		return lim
	}
	fs := l.Fields(e, "a mapping with maxBodyBytes, messageTimeout and maxConcurrentStreams", "maxBodyBytes", "messageTimeout", "maxConcurrentStreams")
	if f := fs["maxBodyBytes"]; f != nil {
		if v, ok := l.maxBodyBytes(f); ok {
			lim.MaxBodyBytes = v
		}
	}
	if f := fs["messageTimeout"]; f != nil {
		if v, ok := l.messageTimeout(f); ok {
			lim.MessageTimeoutMillis = v
		}
	}
	if f := fs["maxConcurrentStreams"]; f != nil {
		if v, ok := l.Bounded(f, "a whole number of requests", MinMaxConcurrentStreams, MaxMaxConcurrentStreams, "%d and %d concurrent requests", ""); ok {
			lim.MaxConcurrentStreams = uint32(v)
		}
	}
	return lim
}

func (l *loader) maxBodyBytes(e *section.Entry) (uint32, bool) {
	v, ok := l.Bounded(e, "an integer number of bytes", MinMaxBodyBytes, MaxMaxBodyBytes, "%d (1 KiB) and %d (64 MiB) bytes", "")
	return uint32(v), ok
}

func (l *loader) messageTimeout(e *section.Entry) (uint32, bool) {
	d, ok := l.Duration(e, `"2s" or "500ms"`, MinMessageTimeout, MaxMessageTimeout, "10ms and 60s")
	return uint32(d / time.Millisecond), ok
}

// defaults returns the listen address and path servers inherit.
func (l *loader) defaults(e *section.Entry) (ir.Endpoint, string) {
	listen, _ := ir.ParseEndpoint(DefaultListen)
	path := ir.DefaultPath
	if section.Absent(e) {
		return listen, path
	}
	fs := l.Fields(e, "a mapping with listen and path", "listen", "path")
	if f := fs["listen"]; f != nil {
		if v, ok := l.endpoint(f); ok {
			listen = v
		}
	}
	if f := fs["path"]; f != nil {
		if v, ok := l.path(f); ok {
			path = v
		}
	}
	return listen, path
}

type serverName struct {
	index int
	line  int
}

func (l *loader) servers(e *section.Entry, root section.Pos, listen ir.Endpoint, path string, verify *ir.Verification) []ir.Server {
	if e == nil {
		l.Errorf(root, "servers", "required field is missing; declare at least one server")
		return nil
	}
	if section.IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, "must list at least one server")
		return nil
	}
	items, ok := l.Items(e, "a list of servers")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		l.Errorf(e.Pos(), e.Path, "must list at least one server")
		return nil
	}
	names := map[string]serverName{}
	var out []ir.Server
	for i, it := range items {
		out = append(out, l.server(i, it, names, listen, path, verify))
	}
	return out
}

// serverFields are the keys of a server entry: its own, then the
// interceptors' sections, which chain declares.
var serverFields = append([]string{"name", "upstream", "image", "verify", "unverifiedLocal", "listen", "address", "path", "allowedOrigins", "tokenExchange"}, chain.Sections...)

var serverFieldsWant = "a mapping with " + strings.Join(serverFields[:len(serverFields)-1], ", ") + " and " + serverFields[len(serverFields)-1]

func (l *loader) server(i int, e *section.Entry, names map[string]serverName, listen ir.Endpoint, path string, verify *ir.Verification) ir.Server {
	s := ir.Server{Listen: listen, Path: path, Policy: chain.Policy{Tools: allowlist.Policy{AllowAll: true}, Arguments: arguments.Decode(l.Reader, nil)}}
	fs := l.Fields(e, serverFieldsWant, serverFields...)
	if fs == nil {
		return s
	}
	at := e.Pos()

	if f := fs["name"]; f == nil {
		l.Errorf(at, section.JoinPath(e.Path, "name"), "required field is missing")
	} else if name, ok := l.Str(f, "a string"); ok {
		s.Name = name
		switch {
		case !section.DNSLabel.MatchString(name):
			l.Errorf(f.Pos(), f.Path, "%q is not a valid server name: use a DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)", name)
		default:
			if prev, dup := names[name]; dup {
				l.Errorf(f.Pos(), f.Path, "server name %q is already used by servers[%d] (line %d)", name, prev.index, prev.line)
			} else {
				names[name] = serverName{index: i, line: f.Pos().Line}
			}
		}
	}

	if f := fs["upstream"]; f == nil {
		l.Errorf(at, section.JoinPath(e.Path, "upstream"), "required field is missing")
	} else if v, ok := l.endpoint(f); ok {
		s.Upstream = v
	}
	if f := fs["listen"]; f != nil {
		if v, ok := l.endpoint(f); ok {
			s.Listen = v
		}
	}
	if f := fs["path"]; f != nil {
		if v, ok := l.path(f); ok {
			s.Path = v
		}
	}
	if f := fs["allowedOrigins"]; f != nil {
		s.AllowedOrigins = l.origins(f)
	}
	if f := fs["address"]; f != nil {
		if v, ok := l.endpoint(f); ok {
			s.Address = v
		}
	}
	if f := fs["tokenExchange"]; f != nil {
		s.TokenExchange = l.tokenExchange(f)
	}
	s.Policy = chain.Decode(l.Reader, section.Server{Name: s.Name, At: at, Path: e.Path}, fs)
	if s.Egress != nil && s.Egress.Network != nil && s.Egress.Network.Listen == s.Listen.String() {
		l.Errorf(fs["egress"].Pos(), section.JoinPath(e.Path, "egress.network.listen"), "the egress proxy and the server's sidecar both listen on %s; give egress.network a listen address of its own", s.Listen)
	}
	l.image(&s, at, e.Path, fs["image"], fs["verify"], fs["unverifiedLocal"], verify)
	return s
}

func (l *loader) endpoint(e *section.Entry) (ir.Endpoint, bool) {
	s, ok := l.Str(e, `a "host:port" string`)
	if !ok {
		return ir.Endpoint{}, false
	}
	ep, err := ir.ParseEndpoint(s)
	if err != nil {
		l.Errorf(e.Pos(), e.Path, "%s", err)
		return ir.Endpoint{}, false
	}
	return ep, true
}

func (l *loader) path(e *section.Entry) (string, bool) {
	s, ok := l.Str(e, `a path string such as "/mcp"`)
	if !ok {
		return "", false
	}
	var problem string
	switch {
	case !strings.HasPrefix(s, "/"):
		problem = fmt.Sprintf("must start with '/', got %q", s)
	case strings.ContainsAny(s, "?#"):
		problem = fmt.Sprintf("must not contain '?' or '#' (no query or fragment), got %q", s)
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || !unicode.IsPrint(r) }) >= 0:
		problem = fmt.Sprintf("must not contain whitespace or control characters, got %q", s)
	}
	if problem != "" {
		l.Errorf(e.Pos(), e.Path, "%s", problem)
		return "", false
	}
	return s, true
}

// origins reads web origins: scheme://host[:port], nothing after.
func (l *loader) origins(e *section.Entry) []string {
	items, ok := l.Items(e, `a list of origins such as "https://app.example.com"`)
	if !ok {
		return nil
	}
	var out []string
	for _, it := range items {
		v, ok := l.Str(it, "an origin (a string)")
		if !ok {
			continue
		}
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			l.Errorf(it.Pos(), it.Path, `%q is not an origin: write scheme://host[:port] with nothing after, such as "https://app.example.com"`, v)
			continue
		}
		out = append(out, v)
	}
	return out
}
