package sequences

import (
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

// Decode reads the "sequences" section of a server.
func Decode(l *section.Reader, e *section.Entry) *Policy {
	if e == nil {
		return nil
	}
	fs := l.Fields(e, "a mapping with tags and rules", "tags", "rules")
	if fs == nil {
		return nil
	}
	p := &Policy{Tags: map[string][]string{}}
	if f := fs["tags"]; f == nil {
		l.Errorf(e.Pos(), section.JoinPath(e.Path, "tags"), "required field is missing: name the tools each tag stands for")
	} else if tfs := l.AnyFields(f, "a mapping from tag names to lists of tool patterns"); tfs != nil {
		for _, tf := range tfs {
			if problem := section.NameProblem("tag", tf.Key); problem != "" {
				l.Errorf(tf.Entry.KeyPos, tf.Entry.Path, "%s", problem)
				continue
			}
			for _, pat := range l.Patterns(tf.Entry, "name at least one tool pattern") {
				p.Tags[tf.Key] = append(p.Tags[tf.Key], pat.Value)
			}
		}
	}
	f := fs["rules"]
	if f == nil {
		l.Errorf(e.Pos(), section.JoinPath(e.Path, "rules"), "required field is missing")
		return p
	}
	items, ok := l.Items(f, "a list of sequence rules")
	if !ok {
		return p
	}
	names := map[string]section.FirstUse{}
	for _, it := range items {
		rfs := l.Fields(it, "a mapping with name, after, then, within and mode", "name", "after", "then", "within", "mode")
		if rfs == nil {
			continue
		}
		r := Rule{Within: DefaultWithin}
		for _, k := range []string{"name", "after", "then"} {
			if rfs[k] == nil {
				l.Errorf(it.Pos(), section.JoinPath(it.Path, k), "required field is missing")
			}
		}
		if g := rfs["name"]; g != nil {
			if v, ok := l.Str(g, "a rule name (a string)"); ok {
				l.UniqueName(g, v, "rule name", g.Path, names)
				r.Name = v
			}
		}
		for k, dst := range map[string]*string{"after": &r.After, "then": &r.Then} {
			if g := rfs[k]; g != nil {
				if v, ok := l.Str(g, "a tag (a string)"); ok {
					if _, known := p.Tags[v]; !known && len(p.Tags) > 0 {
						l.Errorf(g.Pos(), g.Path, "tag %q is not defined under tags", v)
					}
					*dst = v
				}
			}
		}
		if g := rfs["within"]; g != nil {
			if v, ok := l.Bounded(g, "a whole number of calls", 1, 1000, "%d and %d calls", ""); ok {
				r.Within = v
			}
		}
		r.Mode = l.Mode(rfs["mode"], "remove the rule")
		p.Rules = append(p.Rules, r)
	}
	return p
}
