package policy

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

// The "content" section of a server: secrets and personal data, found in
// both directions.

var (
	requestActions  = []string{string(interceptors.ActionBlock), string(interceptors.ActionRedact), string(interceptors.ActionAudit)}
	responseActions = []string{string(interceptors.ActionRedact), string(interceptors.ActionAudit)}
	piiActions      = []string{string(interceptors.ActionBlock), string(interceptors.ActionRedact), string(interceptors.ActionAudit)}
	piiKinds        = []string{pii.KindEmail, pii.KindCard, pii.KindIBAN, pii.KindPhone, pii.KindRegex}
	directions      = []string{"requests", "responses"}

	regionCode = regexp.MustCompile(`^[A-Z]{2}$`)
	ruleName   = regexp.MustCompile(`^[a-z0-9-]{1,63}$`)
)

// DefaultPhoneRegion is the region of phone numbers written without a
// country code, when a phone rule does not set one.
const DefaultPhoneRegion = "US"

func (l *loader) content(e *section.Entry) chain.Content {
	var c chain.Content
	if section.Absent(e) {
		return c
	}
	fs := l.Fields(e, "a mapping with secrets and pii", "secrets", "pii")
	if f := fs["secrets"]; f != nil {
		c.Secrets = l.secrets(f)
	}
	if f := fs["pii"]; f != nil {
		c.PII = l.pii(f)
	}
	return c
}

func (l *loader) secrets(e *section.Entry) *secrets.Policy {
	if section.IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, `must be a mapping; write "secrets: {}" to scan with the defaults, or remove the key to turn secret scanning off`)
		return nil
	}
	fs := l.Fields(e, "a mapping with mode, requests, responses and disable", "mode", "requests", "responses", "disable")
	if fs == nil {
		return nil
	}
	s := &secrets.Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact}
	s.Mode = l.Mode(fs["mode"], "remove the secrets key to turn secret scanning off")
	if f := fs["requests"]; f != nil {
		if v, ok := l.Choice(f, requestActions, nil); ok {
			s.Requests = interceptors.RuleAction(v)
		}
	}
	if f := fs["responses"]; f != nil {
		hints := map[string]string{string(interceptors.ActionBlock): `a response cannot be blocked, since the tool has already run when it arrives; use "redact" to remove the secret from it`}
		if v, ok := l.Choice(f, responseActions, hints); ok {
			s.Responses = interceptors.RuleAction(v)
		}
	}
	if f := fs["disable"]; f != nil {
		s.Disable = l.ruleIDs(f)
	}
	return s
}

// secretRuleIDs is the built-in rule set's ids, read once.
var (
	secretRuleIDs    []string
	secretRuleIDsErr error
	secretRuleIDOnce sync.Once
)

// knownSecretRule reports whether id names a rule of the built-in set, so
// that a typo fails `mcpmesh validate` instead of ext_proc.
func knownSecretRule(id string) (bool, error) {
	secretRuleIDOnce.Do(func() { secretRuleIDs, secretRuleIDsErr = secrets.RuleIDs() })
	if secretRuleIDsErr != nil {
		return false, secretRuleIDsErr
	}
	return slices.Contains(secretRuleIDs, id), nil
}

// ruleIDs reads the ids of built-in secret rules to disable.
func (l *loader) ruleIDs(e *section.Entry) []string {
	items, ok := l.Items(e, "a list of secret rule ids")
	if !ok {
		return nil
	}
	var out []string
	seen := map[string]section.Pos{}
	for _, it := range items {
		s, ok := l.Str(it, "a rule id (a string)")
		if !ok {
			continue
		}
		if problem := section.NameProblem("rule id", s); problem != "" {
			l.Errorf(it.Pos(), it.Path, "%s", problem)
			continue
		}
		if known, err := knownSecretRule(s); err != nil {
			l.Errorf(it.Pos(), it.Path, "cannot check the rule id: %v", err)
		} else if !known {
			hint := section.Suggest(s, secretRuleIDs)
			if !strings.HasPrefix(hint, " (did you mean") {
				hint = "" // the full list is long; docs/interceptors.md points to it
			}
			l.Errorf(it.Pos(), it.Path, "%q is not a rule of the built-in secret rule set%s", s, hint)
			continue
		}
		l.NoteRepeat(seen, s, it, fmt.Sprintf("rule id %q", s))
		out = append(out, s)
	}
	return out
}

func (l *loader) pii(e *section.Entry) []pii.Rule {
	items, ok := l.Items(e, "a list of PII rules")
	if !ok {
		return nil
	}
	kinds := map[string]section.FirstUse{}
	names := map[string]section.FirstUse{}
	var out []pii.Rule
	for _, it := range items {
		if r, ok := l.piiRule(it, kinds, names); ok {
			out = append(out, r)
		}
	}
	return out
}

func (l *loader) piiRule(e *section.Entry, kinds, names map[string]section.FirstUse) (pii.Rule, bool) {
	r := pii.Rule{Mode: interceptors.Enforce}
	fs := l.Fields(e, "a PII rule (a mapping with kind and action)", "kind", "action", "mode", "direction", "region", "name", "pattern")
	if fs == nil {
		return r, false
	}
	at := e.Pos()

	if f := fs["kind"]; f == nil {
		l.Errorf(at, section.JoinPath(e.Path, "kind"), "required field is missing; use %s", section.Choices(piiKinds))
	} else if v, ok := l.Choice(f, piiKinds, nil); ok {
		r.Kind = v
		if v != pii.KindRegex {
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
	if r.Kind == pii.KindPhone {
		r.Region = DefaultPhoneRegion
	}
	if f := only("region", pii.KindPhone); f != nil {
		if s, ok := l.Str(f, `a country code such as "US" or "DE"`); ok {
			if regionCode.MatchString(s) {
				r.Region = s
			} else {
				l.Errorf(f.Pos(), f.Path, `must be a two-letter country code (ISO 3166-1 alpha-2) in upper case, such as "US" or "DE", got %q`, s)
			}
		}
	}
	if f := only("name", pii.KindRegex); f != nil {
		if s, ok := l.Str(f, "a rule name (a string)"); ok {
			r.Name = s
			l.UniqueName(f, s, "rule name", e.Path, names)
		}
	} else if r.Kind == pii.KindRegex {
		l.Errorf(at, section.JoinPath(e.Path, "name"), "required field is missing for kind %q; the name appears in findings and in [REDACTED:<name>]", pii.KindRegex)
	}
	if f := only("pattern", pii.KindRegex); f != nil {
		if s, ok := l.Str(f, "a regular expression (a string)"); ok {
			r.Pattern = s
			if problem := section.RegexpProblem(s); problem != "" {
				l.Errorf(f.Pos(), f.Path, "%s", problem)
			} else if regexp.MustCompile(s).MatchString("") {
				l.Errorf(f.Pos(), f.Path, "pattern %q matches the empty string, so it would fire on every value; make it match at least one character", s)
			}
		}
	} else if r.Kind == pii.KindRegex {
		l.Errorf(at, section.JoinPath(e.Path, "pattern"), "required field is missing for kind %q", pii.KindRegex)
	}
	return r, true
}
