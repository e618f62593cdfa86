package clients

import (
	"github.com/goccy/go-yaml/ast"

	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

// Decode reads the "clients" section of a server.
func Decode(l *section.Reader, e *section.Entry) *Policy {
	if e == nil {
		return nil
	}
	const want = "a mapping with rules and unmatched"
	if section.IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, "must be %s; remove the key to give every agent the server's tools rules", want)
		return nil
	}
	fs := l.Fields(e, want, "rules", "unmatched")
	if fs == nil {
		return nil
	}
	p := &Policy{Unmatched: UnmatchedDeny}
	if f := fs["unmatched"]; f != nil {
		if v, ok := l.Choice(f, []string{UnmatchedDeny, UnmatchedAllow}, nil); ok {
			p.Unmatched = v
		}
	}
	f := fs["rules"]
	if f == nil {
		l.Errorf(e.Pos(), section.JoinPath(e.Path, "rules"), "required field is missing; list the agents (by subjects or groups) and the tools each may use")
		return p
	}
	items, ok := l.Items(f, "a list of client rules")
	if !ok {
		return p
	}
	for _, it := range items {
		rfs := l.Fields(it, "a mapping with subjects, groups, claims, tools, arguments and content", "subjects", "groups", "claims", "tools", "arguments", "content")
		if rfs == nil {
			continue
		}
		var r Rule
		r.Subjects = stringList(l, rfs["subjects"], "a subject")
		r.Groups = stringList(l, rfs["groups"], "a group")
		if f := rfs["claims"]; f != nil {
			r.Claims = claimValues(l, f)
		}
		if len(r.Subjects) == 0 && len(r.Groups) == 0 && len(r.Claims) == 0 {
			l.Errorf(it.Pos(), it.Path, "names no agent: give subjects, groups or claims")
		}
		if rfs["tools"] == nil && rfs["arguments"] == nil && rfs["content"] == nil {
			l.Errorf(it.Pos(), section.JoinPath(it.Path, "tools"), "required field is missing: the tools these agents may use (or, without tools, the arguments or content rules they get)")
		}
		if rfs["tools"] == nil {
			// Without tools, the agents may use what the server's tools rules allow.
			r.Tools = allowlist.Policy{AllowAll: true}
		} else {
			r.Tools = allowlist.Decode(l, rfs["tools"], it.Pos(), section.JoinPath(it.Path, "tools"))
		}
		if f := rfs["arguments"]; f != nil {
			r.Arguments = arguments.DecodeRules(l, f)
		}
		if f := rfs["content"]; f != nil {
			if section.IsNull(f.Node) {
				l.Errorf(f.Pos(), f.Path, "must be a mapping with secrets and pii")
			} else if cfs := l.Fields(f, "a mapping with secrets and pii", "secrets", "pii"); cfs != nil {
				if sf := cfs["secrets"]; sf != nil {
					r.Secrets = secrets.Decode(l, sf)
				}
				if pf := cfs["pii"]; pf != nil {
					r.PII = pii.Decode(l, pf)
				}
			}
		}
		p.Rules = append(p.Rules, r)
	}
	return p
}

func stringList(l *section.Reader, e *section.Entry, what string) []string {
	if e == nil {
		return nil
	}
	items, ok := l.Items(e, "a list of strings")
	if !ok {
		return nil
	}
	var out []string
	for _, it := range items {
		if v, ok := l.Str(it, what+" (a string)"); ok {
			if v == "" {
				l.Errorf(it.Pos(), it.Path, "must not be empty")
				continue
			}
			out = append(out, v)
		}
	}
	return out
}

// claimValues reads claims: a mapping of claim names to the values that
// name an agent (a list, or one string).
func claimValues(l *section.Reader, e *section.Entry) map[string][]string {
	out := map[string][]string{}
	for _, kv := range l.AnyFields(e, "a mapping of claim names to lists of values") {
		var vals []string
		if s, ok := kv.Entry.Node.(*ast.StringNode); ok {
			vals = []string{s.Value}
		} else {
			vals = stringList(l, kv.Entry, "a claim value")
		}
		if len(vals) == 0 {
			l.Errorf(kv.Entry.Pos(), kv.Entry.Path, "list at least one value of claim %q", kv.Key)
			continue
		}
		out[kv.Key] = vals
	}
	return out
}
