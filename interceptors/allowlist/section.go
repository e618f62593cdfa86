package allowlist

import (
	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

// Decode reads the "tools" section of a server: which tools agents may see and call.
func Decode(l *section.Reader, e *section.Entry, server section.Pos, path string) Policy {
	if section.Absent(e) {
		p := server
		if e != nil {
			p = e.KeyPos
		}
		l.Warnf(p, path, "no tools rules: agents may list and call every tool of this server; add tools.allow to name the tools they may use")
		return Policy{AllowAll: true}
	}
	fs := l.Fields(e, "a mapping with allow, deny and mode", "allow", "deny", "mode")
	if fs == nil {
		return Policy{AllowAll: true}
	}
	var rules Policy
	if f := fs["mode"]; f != nil {
		if m := l.Mode(f, "remove the tools section to allow every tool"); m == interceptors.AuditOnly {
			rules.Mode = interceptors.AuditOnly
		}
	}
	var allow, deny []section.Pattern
	if f := fs["allow"]; f == nil {
		rules.AllowAll = true
	} else {
		allow = l.Patterns(f, "write [] to deny every tool, or remove the key to allow every tool")
		rules.Allow = make([]string, 0, len(allow))
		for _, p := range allow {
			rules.Allow = append(rules.Allow, p.Value)
		}
	}
	if f := fs["deny"]; f != nil {
		deny = l.Patterns(f, "write [] or remove the key to deny nothing")
		for _, p := range deny {
			rules.Deny = append(rules.Deny, p.Value)
		}
	}
	allowed := map[string]section.Pattern{}
	for _, p := range allow {
		allowed[p.Value] = p
	}
	for _, p := range deny {
		if a, both := allowed[p.Value]; both {
			l.Errorf(p.At, p.Path, "contradictory rules: pattern %q is also allowed by %s (line %d); remove it from one of the lists", p.Value, a.Path, a.At.Line)
		}
	}
	return rules
}
