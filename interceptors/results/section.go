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
	fs := l.Fields(e, "a mapping with mode, action, tools, threshold and model", "mode", "action", "tools", "threshold", "model")
	if fs == nil {
		return nil
	}
	p := &Policy{Action: ActionAnnotate}
	p.Mode = l.Mode(fs["mode"], "remove the results key to turn the check off")
	if f := fs["action"]; f != nil {
		if v, ok := l.Choice(f, []string{ActionAnnotate, ActionRedact, ActionBlock, ActionAudit}, nil); ok {
			p.Action = v
		}
	}
	if f := fs["tools"]; f != nil {
		for _, pat := range l.Patterns(f, `write ["*"] for every tool, or remove the key`) {
			p.Tools = append(p.Tools, pat.Value)
		}
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
