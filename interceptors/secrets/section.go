package secrets

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

var (
	requestActions  = []string{string(interceptors.ActionBlock), string(interceptors.ActionRedact), string(interceptors.ActionAudit)}
	responseActions = []string{string(interceptors.ActionRedact), string(interceptors.ActionAudit)}
)

// secretRuleIDs is the built-in rule set's ids, read once.
var (
	secretRuleIDs    []string
	secretRuleIDsErr error
	secretRuleIDOnce sync.Once
)

// Decode reads the "content.secrets" section of a server.
func Decode(l *section.Reader, e *section.Entry) *Policy {
	if section.IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, `must be a mapping; write "secrets: {}" to scan with the defaults, or remove the key to turn secret scanning off`)
		return nil
	}
	fs := l.Fields(e, "a mapping with mode, requests, responses and disable", "mode", "requests", "responses", "disable")
	if fs == nil {
		return nil
	}
	s := &Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact}
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
		s.Disable = ruleIDs(l, f)
	}
	return s
}

// knownSecretRule reports whether id names a rule of the built-in set, so
// that a typo fails `mcpmesh validate` instead of ext_proc.
func knownSecretRule(id string) (bool, error) {
	secretRuleIDOnce.Do(func() { secretRuleIDs, secretRuleIDsErr = RuleIDs() })
	if secretRuleIDsErr != nil {
		return false, secretRuleIDsErr
	}
	return slices.Contains(secretRuleIDs, id), nil
}

// ruleIDs reads the ids of built-in secret rules to disable.
func ruleIDs(l *section.Reader, e *section.Entry) []string {
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
