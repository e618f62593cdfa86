package results

import "github.com/mcpmesh/mcpmesh/interceptors/section"

// Decode reads the "results" section of a server.
func Decode(l *section.Reader, e *section.Entry) *Policy {
	if e == nil {
		return nil
	}
	if section.IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, `must be a mapping; write "results: {}" to check tool results with the defaults, or remove the key`)
		return nil
	}
	fs := l.Fields(e, "a mapping with mode, action, tools, rules, threshold and model", "mode", "action", "tools", "rules", "threshold", "model")
	if fs == nil {
		return nil
	}
	p := &Policy{Action: ActionAnnotate}
	p.Mode = l.Mode(fs["mode"], "remove the results key to turn the check off")
	if f := fs["action"]; f != nil {
		if v, ok := l.Choice(f, actions, nil); ok {
			p.Action = v
		}
	}
	if f := fs["tools"]; f != nil {
		for _, pat := range l.Patterns(f, `write ["*"] for every tool, or remove the key`) {
			p.Tools = append(p.Tools, pat.Value)
		}
	}
	if f := fs["rules"]; f != nil {
		p.Rules = decodeRules(l, f)
	}
	if f := fs["threshold"]; f != nil {
		if v, ok := l.Bounded(f, "a whole number", 1, 100, "%d and %d", ""); ok {
			p.Threshold = v
		}
	}
	if f := fs["model"]; f != nil {
		if v, ok := l.Boolean(f); ok {
			p.Model = &v
		}
	}
	return p
}

// decodeRules reads "rules": a list such as
//
//   - {tools: ["fetch_*"], action: block}
//
// Both fields are required: a rule without tools would apply to nothing,
// and one without an action would silently take the section's.
func decodeRules(l *section.Reader, e *section.Entry) []Rule {
	items, ok := l.Items(e, "a list of rules with tools and action")
	if !ok {
		return nil
	}
	var rules []Rule
	for _, it := range items {
		fs := l.Fields(it, "a mapping with tools and action", "tools", "action")
		if fs == nil {
			continue
		}
		var r Rule
		if f := fs["tools"]; f == nil {
			l.Errorf(it.Pos(), section.JoinPath(it.Path, "tools"), `required field is missing: the tool patterns this rule is for, such as ["fetch_*"]`)
		} else {
			for _, pat := range l.Patterns(f, `name the tools this rule is for, such as ["fetch_*"]`) {
				r.Tools = append(r.Tools, pat.Value)
			}
		}
		if f := fs["action"]; f == nil {
			l.Errorf(it.Pos(), section.JoinPath(it.Path, "action"), "required field is missing: annotate, redact, block or audit")
		} else if v, ok := l.Choice(f, actions, nil); ok {
			r.Action = v
		}
		rules = append(rules, r)
	}
	return rules
}
