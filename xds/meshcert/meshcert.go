// Package meshcert issues the certificates the ingress and the sidecars use
// to authenticate each other (mutual TLS), from a CA the operator gives the
// control plane. Certificates are short-lived and renewed well before they
// expire; each is cached, so a policy push does not churn keys.
package meshcert

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// Lifetime of an issued certificate, and how much of it may pass before a
// new one is issued: a restart or a CA change never waits for expiry.
const (
	Lifetime    = 24 * time.Hour
	RenewAfter  = Lifetime / 3
	backdateFor = 5 * time.Minute // tolerates clocks a little apart
)

// Identities the certificates carry (URI SANs), checked by the other side.
const (
	IngressURI = "spiffe://mcpmesh/ingress"
)

// SidecarURI is the identity of server's sidecar.
func SidecarURI(server string) string { return "spiffe://mcpmesh/sidecar/" + server }

// Issuer signs certificates with one CA.
type Issuer struct {
	ca     *x509.Certificate
	key    crypto.Signer
	digest string
	now    func() time.Time

	mu    sync.Mutex
	cache map[string]*Cert
}

// Cert is an issued certificate and its key.
type Cert struct {
	CertPEM, KeyPEM []byte
	NotAfter        time.Time
	issued          time.Time
}

// NewIssuer loads a CA certificate and its key (PEM).
func NewIssuer(caCertPEM, caKeyPEM []byte) (*Issuer, error) {
	pair, err := tls.X509KeyPair(caCertPEM, caKeyPEM)
	if err != nil {
		return nil, fmt.Errorf("mesh CA: %w", err)
	}
	ca := pair.Leaf
	if !ca.IsCA || ca.KeyUsage&x509.KeyUsageCertSign == 0 {
		return nil, errors.New("mesh CA: the certificate is not a CA (basic constraints CA:TRUE and keyCertSign are needed)")
	}
	key, ok := pair.PrivateKey.(crypto.Signer)
	if !ok {
		return nil, errors.New("mesh CA: the key cannot sign")
	}
	sum := sha256.Sum256(append(append([]byte{}, caCertPEM...), caKeyPEM...))
	return &Issuer{ca: ca, key: key, digest: hex.EncodeToString(sum[:8]), now: time.Now, cache: map[string]*Cert{}}, nil
}

// Digest identifies the CA (a different CA is a different issuer).
func (is *Issuer) Digest() string { return is.digest }

// CANotAfter is when the CA expires: no certificate it issues outlives it.
func (is *Issuer) CANotAfter() time.Time { return is.ca.NotAfter }

// Issue returns a certificate for uri (its identity) and hosts (DNS names
// or IP addresses a client may dial), issued now or taken from the cache
// while it has more than two thirds of its life left.
func (is *Issuer) Issue(uri string, hosts []string) (*Cert, error) {
	hosts = append([]string(nil), hosts...)
	sort.Strings(hosts)
	k := uri + "|" + strings.Join(hosts, ",")
	now := is.now()
	is.mu.Lock()
	defer is.mu.Unlock()
	if c, ok := is.cache[k]; ok && now.Sub(c.issued) < RenewAfter {
		return c, nil
	}
	c, err := is.sign(uri, hosts, now)
	if err != nil {
		return nil, err
	}
	is.cache[k] = c
	return c, nil
}

func (is *Issuer) sign(uri string, hosts []string, now time.Time) (*Cert, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		return nil, err
	}
	u, err := parseURI(uri)
	if err != nil {
		return nil, err
	}
	notAfter := now.Add(Lifetime)
	if notAfter.After(is.ca.NotAfter) {
		notAfter = is.ca.NotAfter
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: uri},
		NotBefore:    now.Add(-backdateFor),
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
		URIs:         u,
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else if h != "" {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, is.ca, &key.PublicKey, is.key)
	if err != nil {
		return nil, fmt.Errorf("mesh certificate for %s: %w", uri, err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, err
	}
	chain := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return &Cert{
		CertPEM:  chain,
		KeyPEM:   pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}),
		NotAfter: notAfter,
		issued:   now,
	}, nil
}

func parseURI(s string) ([]*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return nil, fmt.Errorf("mesh identity %q is not a URI", s)
	}
	return []*url.URL{u}, nil
}
