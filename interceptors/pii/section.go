package pii

import (
	"regexp"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

var (
	piiActions = []string{string(interceptors.ActionBlock), string(interceptors.ActionRedact), string(interceptors.ActionAudit)}
	piiKinds   = []string{KindEmail, KindCard, KindIBAN, KindPhone, KindRegex}
	directions = []string{"requests", "responses"}

	regionCode = regexp.MustCompile(`^[A-Z]{2}$`)
)

// DefaultPhoneRegion is the region of phone numbers written without a
// country code, when a phone rule does not set one.
const DefaultPhoneRegion = "US"

// Decode reads the "content.pii" section of a server.
func Decode(l *section.Reader, e *section.Entry) []Rule {
	items, ok := l.Items(e, "a list of PII rules")
	if !ok {
		return nil
	}
	kinds := map[string]section.FirstUse{}
	names := map[string]section.FirstUse{}
	var out []Rule
	for _, it := range items {
		if r, ok := piiRule(l, it, kinds, names); ok {
			out = append(out, r)
		}
	}
	return out
}

func piiRule(l *section.Reader, e *section.Entry, kinds, names map[string]section.FirstUse) (Rule, bool) {
	r := Rule{Mode: interceptors.Enforce}
	fs := l.Fields(e, "a PII rule (a mapping with kind and action)", "kind", "action", "mode", "direction", "region", "name", "pattern")
	if fs == nil {
		return r, false
	}
	at := e.Pos()

	if f := fs["kind"]; f == nil {
		l.Errorf(at, section.JoinPath(e.Path, "kind"), "required field is missing; use %s", section.Choices(piiKinds))
	} else if v, ok := l.Choice(f, piiKinds, nil); ok {
		r.Kind = v
		if v != KindRegex {
			if first, dup := kinds[v]; dup {
				l.Errorf(f.Pos(), f.Path, "kind %q already has a rule at %s (line %d); a server has one rule per kind (except regex)", v, first.Path, first.Line)
			} else {
				kinds[v] = section.FirstUse{Path: e.Path, Line: f.Pos().Line}
			}
		}
	}
	if f := fs["action"]; f == nil {
		l.Errorf(at, section.JoinPath(e.Path, "action"), "required field is missing; use %s", section.Choices(piiActions))
	} else if v, ok := l.Choice(f, piiActions, nil); ok {
		r.Action = interceptors.RuleAction(v)
	}
	r.Mode = l.Mode(fs["mode"], "remove the rule to turn it off")
	if f := fs["direction"]; f != nil {
		hints := map[string]string{"both": "remove the key to apply the rule in both directions"}
		if v, ok := l.Choice(f, directions, hints); ok {
			r.Direction = v
		}
	}

	// Fields used by one kind only: elsewhere they would be ignored.
	only := func(field, kind string) *section.Entry {
		f := fs[field]
		if f != nil && r.Kind != "" && r.Kind != kind {
			l.Errorf(f.KeyPos, f.Path, "only kind %q uses %s; this %q rule would ignore it", kind, field, r.Kind)
			return nil
		}
		return f
	}
	if r.Kind == KindPhone {
		r.Region = DefaultPhoneRegion
	}
	if f := only("region", KindPhone); f != nil {
		if s, ok := l.Str(f, `a country code such as "US" or "DE"`); ok {
			if regionCode.MatchString(s) {
				r.Region = s
			} else {
				l.Errorf(f.Pos(), f.Path, `must be a two-letter country code (ISO 3166-1 alpha-2) in upper case, such as "US" or "DE", got %q`, s)
			}
		}
	}
	if f := only("name", KindRegex); f != nil {
		if s, ok := l.Str(f, "a rule name (a string)"); ok {
			r.Name = s
			l.UniqueName(f, s, "rule name", e.Path, names)
		}
	} else if r.Kind == KindRegex {
		l.Errorf(at, section.JoinPath(e.Path, "name"), "required field is missing for kind %q; the name appears in findings and in [REDACTED:<name>]", KindRegex)
	}
	if f := only("pattern", KindRegex); f != nil {
		if s, ok := l.Str(f, "a regular expression (a string)"); ok {
			r.Pattern = s
			if problem := section.RegexpProblem(s); problem != "" {
				l.Errorf(f.Pos(), f.Path, "%s", problem)
			} else if regexp.MustCompile(s).MatchString("") {
				l.Errorf(f.Pos(), f.Path, "pattern %q matches the empty string, so it would fire on every value; make it match at least one character", s)
			}
		}
	} else if r.Kind == KindRegex {
		l.Errorf(at, section.JoinPath(e.Path, "pattern"), "required field is missing for kind %q", KindRegex)
	}
	return r, true
}
