package policy

import (
	"github.com/mcpmesh/mcpmesh/interceptors/section"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

type loader struct {
	*section.Reader
	// imageOptional lets a server leave out image and unverifiedLocal
	// (package tests of unrelated sections only).
	imageOptional bool
}

func newLoader(file string) *loader {
	return &loader{Reader: section.NewReader(file)}
}

// load returns the policy without Version, or nil; problems are in l.Errs.
func (l *loader) load(data []byte) *ir.Policy {
	body := l.Parse(data)
	if body == nil {
		if len(l.Errs) == 0 {
			l.Errorf(section.Pos{Line: 1, Col: 1}, "", "policy file is empty; it needs at least \"version: %d\" and one entry under \"servers\"", SchemaVersion)
		}
		return nil
	}
	return l.policy(body)
}
