package policy

import (
	"path/filepath"

	"github.com/mcpmesh/mcpmesh/interceptors/section"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// tokenExchange reads a server's tokenExchange: the authorization server
// that exchanges the agent's token for one meant for this server.
func (l *loader) tokenExchange(e *section.Entry) *ir.TokenExchange {
	fs := l.Fields(e, "a mapping with tokenURL, clientID, clientSecretFile, audience and scopes", "tokenURL", "clientID", "clientSecretFile", "audience", "scopes")
	if fs == nil {
		return nil
	}
	x := &ir.TokenExchange{}
	for _, key := range []string{"tokenURL", "clientID", "clientSecretFile", "audience"} {
		f := fs[key]
		if f == nil {
			l.Errorf(e.Pos(), section.JoinPath(e.Path, key), "required field is missing")
			continue
		}
		if key == "tokenURL" {
			x.TokenURL, _ = l.ServiceURL(f, "token endpoint's")
			continue
		}
		v, ok := l.Str(f, "a string")
		if !ok {
			continue
		}
		switch key {
		case "clientSecretFile":
			if !filepath.IsAbs(v) {
				l.Errorf(f.Pos(), f.Path, "%q must be an absolute path: ext_proc reads it, and may run in another directory than the control plane", v)
			}
			x.ClientSecretFile = v
		case "clientID", "audience":
			if v == "" {
				l.Errorf(f.Pos(), f.Path, "must not be empty")
			}
			if key == "clientID" {
				x.ClientID = v
			} else {
				x.Audience = v
			}
		}
	}
	if f := fs["scopes"]; f != nil {
		x.Scopes = l.Scopes(f)
	}
	return x
}
