package egress

import (
	"fmt"
	"net/http"
	"net/netip"
	"path/filepath"
	"strings"

	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

// decodeNetwork reads egress.network: the sidecar's forward proxy and what
// it may connect to.
func decodeNetwork(l *section.Reader, e *section.Entry) *Network {
	if section.IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, "must be a mapping with listen, allow and credentials")
		return nil
	}
	fs := l.Fields(e, "a mapping with listen, allow and credentials", "listen", "allow", "credentials")
	if fs == nil {
		return nil
	}
	n := &Network{Listen: DefaultNetworkListen, Allow: []string{}}
	if f := fs["listen"]; f != nil {
		if s, ok := l.Str(f, `an "address:port" string such as "127.0.0.1:15001"`); ok {
			if ap, err := netip.ParseAddrPort(s); err != nil || ap.Port() == 0 || ap.Addr().Zone() != "" {
				l.Errorf(f.Pos(), f.Path, `%q is not a listen address: write an IP address and a port, such as "127.0.0.1:15001"`, s)
			} else {
				n.Listen = ap.String()
			}
		}
	}
	if f := fs["allow"]; f != nil {
		if d := destinations(l, f); d != nil {
			n.Allow = d
		}
	}
	if f := fs["credentials"]; f != nil {
		n.Credentials = credentials(l, f)
	}
	if len(n.Allow) == 0 && len(n.Credentials) == 0 {
		l.Warnf(e.Pos(), e.Path, "no destinations allowed: the server may open no connection at all through its sidecar")
	}
	return n
}

// credentials reads egress.network.credentials.
func credentials(l *section.Reader, e *section.Entry) []Credential {
	items, ok := l.Items(e, "a list of credentials, each with host, secretFile and optionally port, header, prefix and caFile")
	if !ok {
		return nil
	}
	var out []Credential
	seen := map[string]section.Pos{}
	for _, it := range items {
		fs := l.Fields(it, "a mapping with host, port, header, prefix, secretFile or oauth, and caFile", "host", "port", "header", "prefix", "secretFile", "oauth", "caFile")
		if fs == nil {
			continue
		}
		c := Credential{Port: 443, Header: "Authorization"}
		good := true
		need := func(key string) *section.Entry {
			f := fs[key]
			if f == nil {
				l.Errorf(it.Pos(), section.JoinPath(it.Path, key), "required field is missing")
				good = false
			}
			return f
		}
		if f := need("host"); f != nil {
			if s, ok := l.Str(f, "a host name (a string)"); ok {
				name, err := normaliseName(s)
				switch {
				case err != nil || strings.HasPrefix(s, "*") || dnsNameProblem(name) != "":
					l.Errorf(f.Pos(), f.Path, "%q is not a host name: a credential belongs to exactly one named host (no wildcards, addresses or ports)", s)
					good = false
				default:
					c.Host = name
				}
			} else {
				good = false
			}
		}
		if f := fs["port"]; f != nil {
			if p, ok := l.Bounded(f, "a port number", 1, 65535, "%d and %d", ""); ok {
				c.Port = uint16(p)
			} else {
				good = false
			}
		}
		if f := fs["header"]; f != nil {
			if s, ok := l.Str(f, "an HTTP header name (a string)"); ok {
				if problem := headerProblem(s); problem != "" {
					l.Errorf(f.Pos(), f.Path, "%s", problem)
					good = false
				} else {
					c.Header = http.CanonicalHeaderKey(s)
				}
			}
		}
		if strings.EqualFold(c.Header, "Authorization") {
			c.Prefix = "Bearer "
		}
		if f := fs["prefix"]; f != nil {
			if s, ok := l.Str(f, `a string such as "Bearer "`); ok {
				if strings.ContainsAny(s, "\r\n\x00") {
					l.Errorf(f.Pos(), f.Path, "must not contain line breaks or NUL")
					good = false
				}
				c.Prefix = s
			}
		}
		switch {
		case fs["secretFile"] == nil && fs["oauth"] == nil:
			l.Errorf(it.Pos(), section.JoinPath(it.Path, "secretFile"), "required: the secret, as a file (secretFile) or fetched as short-lived tokens (oauth)")
			good = false
		case fs["secretFile"] != nil && fs["oauth"] != nil:
			l.Errorf(fs["oauth"].Pos(), fs["oauth"].Path, "give secretFile or oauth, not both")
			good = false
		}
		for key, dst := range map[string]*string{"secretFile": &c.SecretFile, "caFile": &c.CAFile} {
			if f := fs[key]; f != nil {
				good = absPath(l, f, dst) && good
			}
		}
		if f := fs["oauth"]; f != nil {
			c.OAuth = oauthClient(l, f)
			good = c.OAuth != nil && good
		}
		if !good {
			continue
		}
		key := fmt.Sprintf("%s:%d", c.Host, c.Port)
		l.NoteRepeat(seen, key, it, fmt.Sprintf("credential for %s", key))
		out = append(out, c)
	}
	return out
}

// headerProblem says why s cannot be a request header a credential is put in.
func headerProblem(s string) string {
	if s == "" {
		return "header must not be empty"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return fmt.Sprintf("%q is not an HTTP header name", s)
		}
	}
	switch strings.ToLower(s) {
	case "host", "content-length", "transfer-encoding", "connection", "te", "upgrade", "proxy-authorization":
		return fmt.Sprintf("%q cannot carry a credential: the sidecar does not let a secret replace a header that frames or routes the request", s)
	}
	if strings.HasPrefix(strings.ToLower(s), "x-mcpmesh-") || strings.HasPrefix(strings.ToLower(s), "x-envoy-") {
		return fmt.Sprintf("%q is reserved for mcpmesh and Envoy", s)
	}
	return ""
}

// absPath reads an absolute file path into dst.
func absPath(l *section.Reader, f *section.Entry, dst *string) bool {
	s, ok := l.Str(f, "an absolute file path (a string)")
	if !ok {
		return false
	}
	if !filepath.IsAbs(s) {
		l.Errorf(f.Pos(), f.Path, "%q must be an absolute path: ext_proc and the sidecar may run in other directories than the control plane", s)
		return false
	}
	*dst = s
	return true
}

// oauthClient reads a credential's oauth: an OAuth 2.0 client that gets
// short-lived tokens with the client credentials grant. nil when it is
// unusable (reported).
func oauthClient(l *section.Reader, e *section.Entry) *OAuthClient {
	fs := l.Fields(e, "a mapping with tokenURL, clientID, clientSecretFile, scopes and audience", "tokenURL", "clientID", "clientSecretFile", "scopes", "audience")
	if fs == nil {
		return nil
	}
	o := &OAuthClient{}
	good := true
	for _, key := range []string{"tokenURL", "clientID", "clientSecretFile"} {
		if fs[key] == nil {
			l.Errorf(e.Pos(), section.JoinPath(e.Path, key), "required field is missing")
			good = false
		}
	}
	if f := fs["tokenURL"]; f != nil {
		var ok bool
		o.TokenURL, ok = l.ServiceURL(f, "token endpoint's")
		good = ok && good
	}
	if f := fs["clientID"]; f != nil {
		if v, ok := l.Str(f, "a client id (a string)"); ok && v != "" {
			o.ClientID = v
		} else {
			if ok {
				l.Errorf(f.Pos(), f.Path, "must not be empty")
			}
			good = false
		}
	}
	if f := fs["clientSecretFile"]; f != nil {
		good = absPath(l, f, &o.ClientSecretFile) && good
	}
	if f := fs["scopes"]; f != nil {
		o.Scopes = l.Scopes(f)
	}
	if f := fs["audience"]; f != nil {
		if v, ok := l.Str(f, "the resource the tokens are for (a string)"); ok {
			o.Audience = v
		}
	}
	if !good {
		return nil
	}
	return o
}
