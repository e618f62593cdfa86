package policy

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// policy reads the top-level mapping.
func (l *loader) policy(body ast.Node) *ir.Policy {
	rootEntry := &entry{path: "", keyPos: nodePos(body), node: l.resolve(body, "")}
	if rootEntry.node == nil {
		return nil
	}
	if _, ok := rootEntry.node.(*ast.MappingNode); !ok {
		l.errorf(rootEntry.pos(), "", "a policy file must be a YAML mapping with the fields version, limits, defaults and servers; got %s", describe(rootEntry.node))
		return nil
	}
	root := rootEntry.pos()
	fs := l.fields(rootEntry, "a mapping", "version", "limits", "supplyChain", "defaults", "servers")

	l.version(fs["version"], root)
	p := &ir.Policy{Limits: l.limits(fs["limits"])}
	var verify *ir.Verification
	p.SupplyChain, verify = l.supplyChain(fs["supplyChain"])
	listen, path := l.defaults(fs["defaults"])
	p.Servers = l.servers(fs["servers"], root, listen, path, verify)
	return p
}

func (l *loader) version(e *entry, root pos) {
	if absent(e) {
		p := root
		if e != nil {
			p = e.pos()
		}
		l.errorf(p, "version", "required field is missing; add \"version: %d\"", SchemaVersion)
		return
	}
	n, ok := e.node.(*ast.IntegerNode)
	if !ok {
		if e.node != nil {
			l.typeError(e, fmt.Sprintf("the integer %d", SchemaVersion))
		}
		return
	}
	if v, ok := intValue(n); !ok || v != SchemaVersion {
		l.errorf(e.pos(), e.path, "unsupported version %s; only %d is accepted", n.GetToken().Value, SchemaVersion)
	}
}

func (l *loader) limits(e *entry) ir.Limits {
	lim := ir.Limits{MaxBodyBytes: ir.DefaultMaxBodyBytes, MessageTimeoutMillis: ir.DefaultMessageTimeoutMillis}
	if absent(e) {
		return lim
	}
	fs := l.fields(e, "a mapping with maxBodyBytes and messageTimeout", "maxBodyBytes", "messageTimeout")
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
	return lim
}

func (l *loader) maxBodyBytes(e *entry) (uint32, bool) {
	v, ok := l.bounded(e, "an integer number of bytes", MinMaxBodyBytes, MaxMaxBodyBytes, "%d (1 KiB) and %d (64 MiB) bytes", "")
	return uint32(v), ok
}

func (l *loader) messageTimeout(e *entry) (uint32, bool) {
	d, ok := l.duration(e, `"2s" or "500ms"`, MinMessageTimeout, MaxMessageTimeout, "10ms and 60s")
	return uint32(d / time.Millisecond), ok
}

// duration reads a whole number of milliseconds in [lo, hi]; examples
// ("2s" or "500ms") and bounds ("10ms and 60s") are for messages.
func (l *loader) duration(e *entry, examples string, lo, hi time.Duration, bounds string) (time.Duration, bool) {
	s, ok := l.str(e, "a duration such as "+examples)
	if !ok {
		return 0, false
	}
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		l.errorf(e.pos(), e.path, "must be a duration such as %s, got %q", examples, s)
	case d < lo || d > hi:
		l.errorf(e.pos(), e.path, "must be between %s, got %s", bounds, s)
	case d%time.Millisecond != 0:
		l.errorf(e.pos(), e.path, "must be a whole number of milliseconds, got %s", s)
	default:
		return d, true
	}
	return 0, false
}

// defaults returns the listen address and path servers inherit.
func (l *loader) defaults(e *entry) (ir.Endpoint, string) {
	listen, _ := ir.ParseEndpoint(DefaultListen)
	path := ir.DefaultPath
	if absent(e) {
		return listen, path
	}
	fs := l.fields(e, "a mapping with listen and path", "listen", "path")
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

func (l *loader) servers(e *entry, root pos, listen ir.Endpoint, path string, verify *ir.Verification) []ir.Server {
	if e == nil {
		l.errorf(root, "servers", "required field is missing; declare at least one server")
		return nil
	}
	if isNull(e.node) {
		l.errorf(e.pos(), e.path, "must list at least one server")
		return nil
	}
	items, ok := l.items(e, "a list of servers")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		l.errorf(e.pos(), e.path, "must list at least one server")
		return nil
	}
	names := map[string]serverName{}
	var out []ir.Server
	for i, it := range items {
		out = append(out, l.server(i, it, names, listen, path, verify))
	}
	return out
}

func (l *loader) server(i int, e *entry, names map[string]serverName, listen ir.Endpoint, path string, verify *ir.Verification) ir.Server {
	s := ir.Server{Listen: listen, Path: path, Policy: chain.Policy{Tools: allowlist.Policy{AllowAll: true}, Arguments: l.arguments(nil)}}
	fs := l.fields(e, "a mapping with name, upstream, image, verify, unverifiedLocal, listen, path, tools, arguments, content, poisoning, egress and webhooks",
		"name", "upstream", "image", "verify", "unverifiedLocal", "listen", "path", "tools", "arguments", "content", "poisoning", "egress", "webhooks")
	if fs == nil {
		return s
	}
	at := e.pos()

	if f := fs["name"]; f == nil {
		l.errorf(at, joinPath(e.path, "name"), "required field is missing")
	} else if name, ok := l.str(f, "a string"); ok {
		s.Name = name
		switch {
		case !dnsLabel.MatchString(name):
			l.errorf(f.pos(), f.path, "%q is not a valid server name: use a DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)", name)
		default:
			if prev, dup := names[name]; dup {
				l.errorf(f.pos(), f.path, "server name %q is already used by servers[%d] (line %d)", name, prev.index, prev.line)
			} else {
				names[name] = serverName{index: i, line: f.pos().line}
			}
		}
	}

	if f := fs["upstream"]; f == nil {
		l.errorf(at, joinPath(e.path, "upstream"), "required field is missing")
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
	s.Tools = l.tools(fs["tools"], at, joinPath(e.path, "tools"))
	s.Arguments = l.arguments(fs["arguments"])
	s.Content = l.content(fs["content"])
	s.Poisoning = l.poisoning(fs["poisoning"], s.Name)
	s.Egress = l.egress(fs["egress"])
	s.Webhooks = l.webhooks(fs["webhooks"])
	l.image(&s, at, e.path, fs["image"], fs["verify"], fs["unverifiedLocal"], verify)
	return s
}

// pattern is one tool pattern and where it was written.
type pattern struct {
	value string
	path  string
	at    pos
}

func (l *loader) tools(e *entry, server pos, path string) allowlist.Policy {
	if absent(e) {
		p := server
		if e != nil {
			p = e.keyPos
		}
		l.warnf(p, path, "no tools rules: agents may list and call every tool of this server; add tools.allow to name the tools they may use")
		return allowlist.Policy{AllowAll: true}
	}
	fs := l.fields(e, "a mapping with allow, deny and mode", "allow", "deny", "mode")
	if fs == nil {
		return allowlist.Policy{AllowAll: true}
	}
	var rules allowlist.Policy
	if f := fs["mode"]; f != nil {
		if m := l.mode(f, "remove the tools section to allow every tool"); m == interceptors.AuditOnly {
			rules.Mode = interceptors.AuditOnly
		}
	}
	var allow, deny []pattern
	if f := fs["allow"]; f == nil {
		rules.AllowAll = true
	} else {
		allow = l.patterns(f, "write [] to deny every tool, or remove the key to allow every tool")
		rules.Allow = make([]string, 0, len(allow))
		for _, p := range allow {
			rules.Allow = append(rules.Allow, p.value)
		}
	}
	if f := fs["deny"]; f != nil {
		deny = l.patterns(f, "write [] or remove the key to deny nothing")
		for _, p := range deny {
			rules.Deny = append(rules.Deny, p.value)
		}
	}
	allowed := map[string]pattern{}
	for _, p := range allow {
		allowed[p.value] = p
	}
	for _, p := range deny {
		if a, both := allowed[p.value]; both {
			l.errorf(p.at, p.path, "contradictory rules: pattern %q is also allowed by %s (line %d); remove it from one of the lists", p.value, a.path, a.at.line)
		}
	}
	return rules
}

// patterns reads a list of tool name patterns. Invalid entries are reported
// and left out.
func (l *loader) patterns(e *entry, emptyHint string) []pattern {
	if isNull(e.node) {
		l.errorf(e.pos(), e.path, "must be a list of tool name patterns; %s", emptyHint)
		return nil
	}
	items, ok := l.items(e, "a list of tool name patterns")
	if !ok {
		return nil
	}
	out := []pattern{}
	seen := map[string]pattern{}
	for _, it := range items {
		s, ok := l.str(it, "a tool name or glob pattern (a string)")
		if !ok {
			continue
		}
		p := pattern{value: s, path: it.path, at: it.pos()}
		if problem := patternProblem(s); problem != "" {
			l.errorf(p.at, p.path, "%s", problem)
			continue
		}
		if first, dup := seen[s]; dup {
			l.warnf(p.at, p.path, "pattern %q is listed twice (first at line %d)", s, first.at.line)
		} else {
			seen[s] = p
		}
		out = append(out, p)
	}
	return out
}

func patternProblem(s string) string { return nameProblem("pattern", s) }

// nameProblem describes why s cannot name something (what), if it cannot:
// names are non-empty, printable UTF-8.
func nameProblem(what, s string) string {
	if s == "" {
		return what + " must not be empty"
	}
	if !utf8.ValidString(s) {
		return what + " is not valid UTF-8"
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return fmt.Sprintf("%s %q contains the non-printable character %U", what, s, r)
		}
	}
	return ""
}

var dnsLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

func (l *loader) endpoint(e *entry) (ir.Endpoint, bool) {
	s, ok := l.str(e, `a "host:port" string`)
	if !ok {
		return ir.Endpoint{}, false
	}
	ep, err := ir.ParseEndpoint(s)
	if err != nil {
		l.errorf(e.pos(), e.path, "%s", err)
		return ir.Endpoint{}, false
	}
	return ep, true
}

func (l *loader) path(e *entry) (string, bool) {
	s, ok := l.str(e, `a path string such as "/mcp"`)
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
		l.errorf(e.pos(), e.path, "%s", problem)
		return "", false
	}
	return s, true
}
