package policy

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/meshcert"
)

// The "ingress" section: the HTTPS entry agents connect to.

const (
	// DefaultIngressListen is the ingress's address when the section does
	// not set one.
	DefaultIngressListen = "0.0.0.0:10443"
	// maxPEMBytes bounds a certificate or key file.
	maxPEMBytes = 1 << 20
	// certWarnBefore is how long before expiry a certificate is warned about.
	certWarnBefore = 30 * 24 * time.Hour
)

func (l *loader) ingress(e *section.Entry) *ir.Ingress {
	if e == nil {
		return nil
	}
	const want = "a mapping with listen, tls, publicURL, auth and mtls"
	if section.IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, "must be %s; remove the key to run without an ingress", want)
		return nil
	}
	fs := l.Fields(e, want, "listen", "tls", "publicURL", "auth", "mtls")
	if fs == nil {
		return nil
	}
	in := &ir.Ingress{}
	in.Listen, _ = ir.ParseEndpoint(DefaultIngressListen)
	if f := fs["listen"]; f != nil {
		if v, ok := l.endpoint(f); ok {
			in.Listen = v
		}
	}
	f := fs["tls"]
	if section.Absent(f) {
		at := e.Pos()
		if f != nil {
			at = f.Pos()
		}
		l.Errorf(at, section.JoinPath(e.Path, "tls"), "required: agents reach the ingress over HTTPS only; name the certificate and key with certFile and keyFile")
		return in
	}
	in.TLS = l.certificate(f)
	if in.TLS.KeyPEM != nil {
		// The ingress's proof to ext_proc (see ir.Ingress.Secret): keyed by
		// the private key, so it is secret, the same for every control-plane
		// replica, and renewed with the certificate.
		mac := hmac.New(sha256.New, in.TLS.KeyPEM)
		mac.Write([]byte("mcpmesh ingress identity v1"))
		in.Secret = hex.EncodeToString(mac.Sum(nil))
	}
	if f := fs["publicURL"]; f != nil {
		if v, ok := l.Str(f, `the https URL agents use, such as "https://mcp.example.com" (a string)`); ok {
			u, err := url.Parse(v)
			if err != nil || u.Scheme != "https" || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
				l.Errorf(f.Pos(), f.Path, `must be an https URL with no path, such as "https://mcp.example.com"; got %q`, v)
			}
			in.PublicURL = strings.TrimSuffix(v, "/")
		}
	}
	if f := fs["auth"]; !section.Absent(f) {
		afs := l.Fields(f, "a mapping with jwt and clientCerts", "jwt", "clientCerts")
		if c := afs["clientCerts"]; c != nil {
			in.ClientCerts = l.clientCerts(c)
		}
		if j := afs["jwt"]; j != nil {
			in.JWT = l.jwt(j)
			if in.PublicURL == "" {
				l.Errorf(e.Pos(), section.JoinPath(e.Path, "publicURL"), "required with auth.jwt: tokens are bound to each server's resource URI, <publicURL>/servers/<name>/mcp")
			}
		}
	}
	if f := fs["mtls"]; !section.Absent(f) {
		in.MTLS = l.meshCA(f)
	}
	return in
}

// meshCA reads the CA the mesh certificates are issued from, and checks
// that it can issue them.
func (l *loader) meshCA(e *section.Entry) *ir.MTLS {
	fs := l.Fields(e, "a mapping with caCertFile and caKeyFile", "caCertFile", "caKeyFile")
	if fs == nil {
		return nil
	}
	for _, k := range []string{"caCertFile", "caKeyFile"} {
		if fs[k] == nil {
			l.Errorf(e.Pos(), section.JoinPath(e.Path, k), "required field is missing")
		}
	}
	if fs["caCertFile"] == nil || fs["caKeyFile"] == nil {
		return nil
	}
	m := &ir.MTLS{}
	m.CACertFile, m.CACertPEM = l.ReadFile(fs["caCertFile"], "CA certificate", maxPEMBytes, nil)
	m.CAKeyFile, m.CAKeyPEM = l.ReadFile(fs["caKeyFile"], "CA key", maxPEMBytes, nil)
	if m.CACertPEM == nil || m.CAKeyPEM == nil {
		return nil
	}
	is, err := meshcert.NewIssuer(m.CACertPEM, m.CAKeyPEM)
	if err != nil {
		l.Errorf(e.Pos(), e.Path, "%v", err)
		return nil
	}
	m.Digest = is.Digest()
	m.NotAfter = is.CANotAfter().UTC()
	switch now := time.Now(); {
	case now.After(m.NotAfter):
		l.Errorf(fs["caCertFile"].Pos(), fs["caCertFile"].Path, "CA certificate %s expired on %s", m.CACertFile, m.NotAfter.Format(time.RFC3339))
		return nil
	case m.NotAfter.Sub(now) < certWarnBefore:
		l.Warnf(fs["caCertFile"].Pos(), fs["caCertFile"].Path, "CA certificate %s expires on %s; mesh certificates cannot outlive it", m.CACertFile, m.NotAfter.Format(time.RFC3339))
	}
	return m
}

// certificate reads a certificate and its key and checks that they pair,
// that the certificate is valid now, and warns when it expires soon.
func (l *loader) certificate(e *section.Entry) ir.TLS {
	var t ir.TLS
	fs := l.Fields(e, "a mapping with certFile and keyFile", "certFile", "keyFile")
	if fs == nil {
		return t
	}
	for _, k := range []string{"certFile", "keyFile"} {
		if fs[k] == nil {
			l.Errorf(e.Pos(), section.JoinPath(e.Path, k), "required field is missing")
		}
	}
	if fs["certFile"] == nil || fs["keyFile"] == nil {
		return t
	}
	t.CertFile, t.CertPEM = l.ReadFile(fs["certFile"], "certificate", maxPEMBytes, nil)
	t.KeyFile, t.KeyPEM = l.ReadFile(fs["keyFile"], "private key", maxPEMBytes, nil)
	if t.CertPEM == nil || t.KeyPEM == nil {
		return t
	}
	pair, err := tls.X509KeyPair(t.CertPEM, t.KeyPEM)
	if err != nil {
		l.Errorf(e.Pos(), e.Path, "certificate %s and key %s are not a usable pair: %v", t.CertFile, t.KeyFile, err)
		return t
	}
	leaf := pair.Leaf
	now := time.Now()
	switch {
	case now.After(leaf.NotAfter):
		l.Errorf(fs["certFile"].Pos(), fs["certFile"].Path, "certificate %s expired on %s", t.CertFile, leaf.NotAfter.UTC().Format(time.RFC3339))
	case now.Before(leaf.NotBefore):
		l.Errorf(fs["certFile"].Pos(), fs["certFile"].Path, "certificate %s is not valid before %s", t.CertFile, leaf.NotBefore.UTC().Format(time.RFC3339))
	case leaf.NotAfter.Sub(now) < certWarnBefore:
		l.Warnf(fs["certFile"].Pos(), fs["certFile"].Path, "certificate %s expires on %s; rotate it (the new one is served without a restart)", t.CertFile, leaf.NotAfter.UTC().Format(time.RFC3339))
	}
	t.NotAfter = leaf.NotAfter.UTC()
	h := sha256.New()
	h.Write(t.CertPEM)
	h.Write(t.KeyPEM)
	t.Digest = hex.EncodeToString(h.Sum(nil))[:16]

	return t
}

// DefaultGroupsClaim is the claim read for a subject's groups.
const DefaultGroupsClaim = "groups"

// jwt reads ingress.auth.jwt.
func (l *loader) jwt(e *section.Entry) *ir.JWT {
	fs := l.Fields(e, "a mapping with issuer, audiences, jwksFile or jwksURL, groupsClaim, scopes, claims and revoked", "issuer", "audiences", "jwksFile", "jwksURL", "groupsClaim", "scopes", "claims", "revoked")
	if fs == nil {
		return nil
	}
	j := &ir.JWT{GroupsClaim: DefaultGroupsClaim}
	if fs["issuer"] == nil {
		l.Errorf(e.Pos(), section.JoinPath(e.Path, "issuer"), "required field is missing")
	}
	switch {
	case fs["jwksFile"] == nil && fs["jwksURL"] == nil:
		l.Errorf(e.Pos(), section.JoinPath(e.Path, "jwksFile"), "required: the issuer's keys, as a file (jwksFile) or an https URL the control plane fetches (jwksURL)")
	case fs["jwksFile"] != nil && fs["jwksURL"] != nil:
		l.Errorf(fs["jwksURL"].Pos(), fs["jwksURL"].Path, "give jwksFile or jwksURL, not both")
	}
	if f := fs["jwksURL"]; f != nil {
		j.JWKSURL, _ = l.ServiceURL(f, "issuer's key set")
	}
	if f := fs["issuer"]; f != nil {
		if v, ok := l.Str(f, "the issuer's URL (a string)"); ok {
			if u, err := url.Parse(v); err != nil || u.Scheme != "https" && !(u.Scheme == "http" && section.LoopbackHost(u.Hostname())) || u.Host == "" {
				l.Errorf(f.Pos(), f.Path, "must be the issuer's https URL, exactly as tokens carry it in \"iss\"; got %q", v)
			}
			j.Issuer = v
		}
	}
	if f := fs["audiences"]; f != nil {
		if items, ok := l.Items(f, "a list of audiences (strings)"); ok {
			for _, it := range items {
				if v, ok := l.Str(it, "an audience (a string)"); ok && v != "" {
					j.Audiences = append(j.Audiences, v)
				}
			}
		}
	}
	if f := fs["scopes"]; f != nil {
		j.Scopes = l.Scopes(f)
	}
	if f := fs["revoked"]; f != nil {
		j.Revoked = l.revoked(f)
	}
	if f := fs["claims"]; f != nil {
		j.Claims = l.claims(f)
	}
	if f := fs["groupsClaim"]; f != nil {
		if v, ok := l.Str(f, "a claim name (a string)"); ok && v != "" {
			j.GroupsClaim = v
		}
	}
	if f := fs["jwksFile"]; f != nil {
		file, data := l.ReadFile(f, "JWKS", maxPEMBytes, nil)
		if data != nil {
			var set jose.JSONWebKeySet
			if err := json.Unmarshal(data, &set); err != nil {
				l.Errorf(f.Pos(), f.Path, "JWKS file %s is not a JSON Web Key Set: %v", file, err)
			} else if len(set.Keys) == 0 {
				l.Errorf(f.Pos(), f.Path, "JWKS file %s holds no keys", file)
			} else {
				for i, k := range set.Keys {
					if !k.IsPublic() {
						l.Errorf(f.Pos(), f.Path, "JWKS file %s: key %d (kid %q) is private; publish only public keys", file, i, k.KeyID)
					}
				}
			}
			j.JWKSFile, j.JWKS = file, data
			sum := sha256.Sum256(data)
			j.Digest = hex.EncodeToString(sum[:])[:16]
		}
	}
	return j
}

// revoked reads ingress.auth.jwt.revoked: subjects and token ids refused
// whatever their tokens' expiry.
func (l *loader) revoked(e *section.Entry) ir.Revoked {
	var r ir.Revoked
	fs := l.Fields(e, "a mapping with subjects and tokenIDs", "subjects", "tokenIDs")
	for key, dst := range map[string]*[]string{"subjects": &r.Subjects, "tokenIDs": &r.TokenIDs} {
		f := fs[key]
		if f == nil {
			continue
		}
		items, ok := l.Items(f, "a list of strings")
		if !ok {
			continue
		}
		seen := map[string]section.Pos{}
		for _, it := range items {
			v, ok := l.Str(it, "a string")
			if !ok {
				continue
			}
			if v == "" {
				l.Errorf(it.Pos(), it.Path, "must not be empty")
				continue
			}
			l.NoteRepeat(seen, v, it, fmt.Sprintf("%q", v))
			*dst = append(*dst, v)
		}
	}
	return r
}

// clientCerts reads ingress.auth.clientCerts: the CA agents' certificates
// must chain to.
func (l *loader) clientCerts(e *section.Entry) *ir.ClientCerts {
	fs := l.Fields(e, "a mapping with caFile and required", "caFile", "required")
	if fs == nil {
		return nil
	}
	c := &ir.ClientCerts{Required: true}
	if f := fs["required"]; f != nil {
		c.Required, _ = l.Boolean(f)
	}
	f := fs["caFile"]
	if f == nil {
		l.Errorf(e.Pos(), section.JoinPath(e.Path, "caFile"), "required field is missing: the CA agents' certificates must chain to")
		return nil
	}
	c.CAFile, c.CAPEM = l.ReadFile(f, "client CA certificate", maxPEMBytes, nil)
	if c.CAPEM == nil {
		return nil
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(c.CAPEM) {
		l.Errorf(f.Pos(), f.Path, "%s holds no PEM certificate", c.CAFile)
		return nil
	}
	sum := sha256.Sum256(c.CAPEM)
	c.Digest = hex.EncodeToString(sum[:])[:16]
	return c
}

// maxClaims bounds the claims copied per token: each is a header on every
// request.
const maxClaims = 16

var claimName = regexp.MustCompile(`^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$`)

// claims reads ingress.auth.jwt.claims: the claims clients rules may name
// agents by.
func (l *loader) claims(e *section.Entry) []string {
	items, ok := l.Items(e, "a list of claim names")
	if !ok {
		return nil
	}
	if len(items) > maxClaims {
		l.Errorf(e.Pos(), e.Path, "at most %d claims, not %d", maxClaims, len(items))
		return nil
	}
	var out []string
	seen := map[string]section.Pos{}
	for _, it := range items {
		v, ok := l.Str(it, "a claim name (a string)")
		if !ok {
			continue
		}
		switch v {
		case "sub", "iss", "scope", "jti", "aud", "exp", "iat", "nbf":
			l.Errorf(it.Pos(), it.Path, "%q is already handled by the ingress (subject, issuer, scopes, token id, audience, times)", v)
			continue
		}
		if !claimName.MatchString(v) {
			l.Errorf(it.Pos(), it.Path, `%q is not a claim name: letters, digits, '_' and '-', with '.' between the names of nested claims ("org.id")`, v)
			continue
		}
		l.NoteRepeat(seen, v, it, fmt.Sprintf("claim %q", v))
		out = append(out, v)
	}
	return out
}
