package imagetest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"net/url"
	"strings"
	"testing"
	"time"

	cbundle "github.com/sigstore/cosign/v2/pkg/cosign/bundle"
	"github.com/sigstore/cosign/v2/pkg/oci/static"
	"github.com/sigstore/sigstore-go/pkg/root"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
)

// Fulcio's OIDC issuer extensions: .1.1 holds the raw string (what cosign
// matches), .1.8 a DER UTF8String. Fulcio writes both.
var (
	oidIssuerV1 = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 57264, 1, 1}
	oidIssuerV2 = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 57264, 1, 8}
)

// Sigstore is an in-memory Sigstore: a Fulcio-like certificate authority
// (root and intermediate, valid a day either side of its creation), a Rekor
// key and a certificate-transparency log key. Nothing is served: signatures
// carry the certificates and Rekor bundles, and verifiers trust them through
// the trusted root, offline, as they would with the public instance.
type Sigstore struct {
	root, inter                        *x509.Certificate
	rootKey, interKey, rekorKey, ctKey *ecdsa.PrivateKey
	trustedRoot                        []byte
}

// NewSigstore creates a fresh CA and log keys, unrelated to any other
// Sigstore: one Sigstore's signatures do not verify against another's root.
func NewSigstore(t testing.TB) *Sigstore {
	t.Helper()
	now := time.Now()
	s := &Sigstore{rootKey: NewKey(t).Private, interKey: NewKey(t).Private, rekorKey: NewKey(t).Private, ctKey: NewKey(t).Private}
	s.root = createCert(t, &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "test fulcio root", Organization: []string{"mcpmesh test"}},
		NotBefore:             now.Add(-24 * time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}, nil, &s.rootKey.PublicKey, s.rootKey)
	s.inter = createCert(t, &x509.Certificate{
		SerialNumber:          big.NewInt(2),
		Subject:               pkix.Name{CommonName: "test fulcio intermediate", Organization: []string{"mcpmesh test"}},
		NotBefore:             now.Add(-24 * time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageCodeSigning},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}, s.root, &s.interKey.PublicKey, s.rootKey)
	s.trustedRoot = s.TrustedRootJSONWith(t, TrustedRootOptions{})
	return s
}

// TrustedRootJSON returns a trusted_root.json with the CA and the Rekor key
// (no CT log), what a policy's trustedRoot file holds.
func (s *Sigstore) TrustedRootJSON() []byte { return s.trustedRoot }

// TrustedRootOptions choose the logs of a trusted root besides the CA.
type TrustedRootOptions struct {
	NoRekor bool // leave the Rekor key out
	CTLog   bool // add the CT log key
}

// TrustedRootJSONWith returns a trusted_root.json with the CA and the logs
// o asks for, built with sigstore-go as `cosign trusted-root create` does.
func (s *Sigstore) TrustedRootJSONWith(t testing.TB, o TrustedRootOptions) []byte {
	t.Helper()
	start := time.Now().Add(-24 * time.Hour)
	logs := func(key *ecdsa.PrivateKey) map[string]*root.TransparencyLog {
		id := logID(t, &key.PublicKey)
		return map[string]*root.TransparencyLog{hex.EncodeToString(id): {
			BaseURL: "https://log.test", ID: id, ValidityPeriodStart: start,
			HashFunc: crypto.SHA256, PublicKey: &key.PublicKey, SignatureHashFunc: crypto.SHA256,
		}}
	}
	var rekor, ct map[string]*root.TransparencyLog
	if !o.NoRekor {
		rekor = logs(s.rekorKey)
	}
	if o.CTLog {
		ct = logs(s.ctKey)
	}
	ca := &root.FulcioCertificateAuthority{
		Root: s.root, Intermediates: []*x509.Certificate{s.inter},
		ValidityPeriodStart: start, URI: "https://fulcio.test",
	}
	tr, err := root.NewTrustedRoot(root.TrustedRootMediaType01, []root.CertificateAuthority{ca}, ct, nil, rekor)
	if err != nil {
		t.Fatal(err)
	}
	b, err := tr.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// SignKeyless attaches a signature of ref as `cosign sign` does keylessly:
// a fresh key, a certificate for it from s naming identity (SAN) and
// issuer (OIDC issuer extension), the certificate and chain annotations,
// and with withTlog a Rekor bundle from s's log (without it, as
// --tlog-upload=false).
func (s *Sigstore) SignKeyless(t testing.TB, ref, identity, issuer string, withTlog bool) {
	t.Helper()
	o := KeylessOptions{Identity: identity, Issuer: issuer}
	if withTlog {
		o.Tlog = s
	}
	s.SignKeylessWith(t, ref, o)
}

// KeylessOptions describe one keyless signature.
type KeylessOptions struct {
	// Identity is the certificate's SAN: a URI (a workflow ref) or an
	// e-mail address. Issuer is the OIDC issuer. Both are required.
	Identity, Issuer string
	// NotBefore starts the certificate's ten-minute validity, as Fulcio's;
	// zero: a minute ago.
	NotBefore time.Time
	// Claimed is the digest reference the payload names; empty: ref.
	Claimed string
	// SigningKey signs instead of the certificate's key, so the signature
	// does not match the certificate.
	SigningKey *Key
	// Tlog, if set, logs the signature: its Rekor key signs the bundle. It
	// may be another Sigstore than the issuing one (an untrusted log).
	Tlog *Sigstore
	// IntegratedTime is the bundle's log time; zero: NotBefore plus a minute.
	IntegratedTime time.Time
}

// SignKeylessWith attaches a keyless signature of ref with a certificate
// issued by s, varied by o.
func (s *Sigstore) SignKeylessWith(t testing.TB, ref string, o KeylessOptions) {
	t.Helper()
	if o.Identity == "" || o.Issuer == "" {
		t.Fatal("imagetest: a keyless signature needs an identity and an issuer")
	}
	if o.NotBefore.IsZero() {
		o.NotBefore = time.Now().Add(-time.Minute)
	}
	if o.IntegratedTime.IsZero() {
		o.IntegratedTime = o.NotBefore.Add(time.Minute)
	}
	d, claimed := parseDigests(t, ref, o.Claimed)
	cert, key := s.leaf(t, o.Identity, o.Issuer, o.NotBefore)
	if o.SigningKey != nil {
		key = o.SigningKey.Private
	}
	payload, b64sig := signPayload(t, claimed, key)
	certPEM, err := cryptoutils.MarshalCertificateToPEM(cert)
	if err != nil {
		t.Fatal(err)
	}
	// Fulcio returns the chain above the leaf; cosign stores it as is.
	chainPEM, err := cryptoutils.MarshalCertificatesToPEM([]*x509.Certificate{s.inter, s.root})
	if err != nil {
		t.Fatal(err)
	}
	opts := []static.Option{static.WithCertChain(certPEM, chainPEM)}
	if o.Tlog != nil {
		opts = append(opts, static.WithBundle(o.Tlog.rekorBundle(t, payload, b64sig, certPEM, o.IntegratedTime)))
	}
	attach(t, d, payload, b64sig, opts...)
}

// leaf issues a Fulcio-style certificate: no subject, the identity as a URI
// or e-mail SAN, the issuer extensions, code signing, valid ten minutes
// from notBefore.
func (s *Sigstore) leaf(t testing.TB, identity, issuer string, notBefore time.Time) (*x509.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	key := NewKey(t).Private
	v2, err := asn1.MarshalWithParams(issuer, "utf8")
	if err != nil {
		t.Fatal(err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 128))
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		NotBefore:    notBefore,
		NotAfter:     notBefore.Add(10 * time.Minute),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageCodeSigning},
		ExtraExtensions: []pkix.Extension{
			{Id: oidIssuerV1, Value: []byte(issuer)},
			{Id: oidIssuerV2, Value: v2},
		},
	}
	if u, err := url.Parse(identity); err == nil && u.Scheme != "" {
		tmpl.URIs = []*url.URL{u}
	} else if strings.Contains(identity, "@") {
		tmpl.EmailAddresses = []string{identity}
	} else {
		t.Fatalf("imagetest: identity %q is neither a URI nor an e-mail address", identity)
	}
	return createCert(t, tmpl, s.inter, &key.PublicKey, s.interKey), key
}

func createCert(t testing.TB, tmpl, parent *x509.Certificate, pub crypto.PublicKey, signer crypto.Signer) *x509.Certificate {
	t.Helper()
	if parent == nil {
		parent = tmpl
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

// logID is a transparency log's ID: the SHA-256 of its DER public key.
func logID(t testing.TB, pub *ecdsa.PublicKey) []byte {
	t.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(der)
	return sum[:]
}

// rekorBundle builds the bundle `cosign sign` attaches after uploading to
// Rekor: a hashedrekord entry for the signature and the signer's PEM
// (certificate or public key), and a signed entry timestamp by s's Rekor
// key over the canonical JSON of the payload. This bundle format carries no
// inclusion proof; its signed entry timestamp is what cosign checks.
func (s *Sigstore) rekorBundle(t testing.TB, payload []byte, b64sig string, signerPEM []byte, integrated time.Time) *cbundle.RekorBundle {
	t.Helper()
	digest := sha256.Sum256(payload)
	body, err := json.Marshal(map[string]any{
		"apiVersion": "0.0.1",
		"kind":       "hashedrekord",
		"spec": map[string]any{
			"data": map[string]any{"hash": map[string]any{"algorithm": "sha256", "value": hex.EncodeToString(digest[:])}},
			"signature": map[string]any{
				"content":   b64sig,
				"publicKey": map[string]any{"content": base64.StdEncoding.EncodeToString(signerPEM)},
			},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := cbundle.RekorPayload{
		Body:           base64.StdEncoding.EncodeToString(body),
		IntegratedTime: integrated.Unix(),
		LogIndex:       42,
		LogID:          hex.EncodeToString(logID(t, &s.rekorKey.PublicKey)),
	}
	// Keys in sorted order, and only base64/hex strings and integers:
	// json.Marshal's output is then already canonical (RFC 8785).
	canonical, err := json.Marshal(struct {
		Body           any    `json:"body"`
		IntegratedTime int64  `json:"integratedTime"`
		LogID          string `json:"logID"`
		LogIndex       int64  `json:"logIndex"`
	}{p.Body, p.IntegratedTime, p.LogID, p.LogIndex})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(canonical)
	set, err := ecdsa.SignASN1(rand.Reader, s.rekorKey, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	return &cbundle.RekorBundle{SignedEntryTimestamp: set, Payload: p}
}
