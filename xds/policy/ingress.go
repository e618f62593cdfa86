package policy

import (
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors/section"
	"github.com/mcpmesh/mcpmesh/xds/ir"
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
	const want = "a mapping with listen and tls"
	if section.IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, "must be %s; remove the key to run without an ingress", want)
		return nil
	}
	fs := l.Fields(e, want, "listen", "tls")
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
	return in
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
