package supplychain

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/sigstore/cosign/v2/pkg/cosign"
	"github.com/sigstore/cosign/v2/pkg/oci"
	"github.com/sigstore/sigstore-go/pkg/root"
	"github.com/sigstore/sigstore-go/pkg/verify"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
	"github.com/sigstore/sigstore/pkg/signature"
)

// KeylessPolicy configures keyless (Fulcio certificate) verification.
type KeylessPolicy struct {
	// TrustedRootJSON is a Sigstore trusted root (trusted_root.json, as
	// written by `cosign trusted-root create` or distributed by Sigstore's
	// TUF repository): certificate authorities, Rekor and CT log keys. It is
	// the only trust anchor; nothing is fetched.
	TrustedRootJSON []byte

	// Identity is the expected certificate identity (a SAN: e-mail, URI such
	// as a GitHub workflow ref, ...); IdentityRegexp matches it instead.
	// Exactly one of the two must be set.
	Identity, IdentityRegexp string
	// Issuer is the expected OIDC issuer (Fulcio certificate extension
	// 1.3.6.1.4.1.57264.1.1), e.g. https://token.actions.githubusercontent.com;
	// IssuerRegexp matches it instead. Exactly one of the two must be set.
	// Regexps use Go syntax and, as in cosign, are not anchored: use ^...$.
	Issuer, IssuerRegexp string

	// RequireTlog requires a Rekor bundle on the signature that verifies
	// offline against the trusted root's Rekor keys. Without it, a bundle
	// that is present is still verified (its integrated time is the signing
	// time), and a signature without one is checked at the current time.
	RequireTlog bool
	// RequireSCT requires the certificate to embed a certificate-transparency
	// timestamp signed by a CT log of the trusted root, as Fulcio's do.
	// Off by default, for private CAs without a CT log.
	RequireSCT bool
}

// NewKeylessVerifier builds a Verifier for certificates issued by the
// trusted root's certificate authorities to the configured identity.
func NewKeylessVerifier(p KeylessPolicy, opts ...Option) (*Verifier, error) {
	if len(p.TrustedRootJSON) == 0 {
		return nil, errors.New("supplychain: KeylessPolicy.TrustedRootJSON is empty")
	}
	id, err := newIdentityPolicy(p)
	if err != nil {
		return nil, err
	}
	tr, err := parseTrustedRoot(p.TrustedRootJSON)
	if err != nil {
		return nil, err
	}
	if len(tr.FulcioCertificateAuthorities()) == 0 {
		return nil, fmt.Errorf("supplychain: %w: no certificate authorities", ErrInvalidTrustedRoot)
	}
	if p.RequireTlog && len(tr.RekorLogs()) == 0 {
		return nil, fmt.Errorf("supplychain: %w: RequireTlog is set but the trusted root has no Rekor transparency logs", ErrInvalidTrustedRoot)
	}
	if p.RequireSCT && len(tr.CTLogs()) == 0 {
		return nil, fmt.Errorf("supplychain: %w: RequireSCT is set but the trusted root has no CT logs", ErrInvalidTrustedRoot)
	}
	v := newBase(opts)
	v.identity = id
	v.root = tr
	v.requireTlog = p.RequireTlog
	v.requireSCT = p.RequireSCT
	return v, nil
}

// identityPolicy matches a certificate's SANs and issuer the way cosign's
// CheckCertificatePolicy does, so that explain agrees with cosign.
type identityPolicy struct {
	subject, issuer     string
	subjectRE, issuerRE *regexp.Regexp
}

func newIdentityPolicy(p KeylessPolicy) (*identityPolicy, error) {
	if (p.Identity == "") == (p.IdentityRegexp == "") {
		return nil, errors.New("supplychain: set exactly one of KeylessPolicy.Identity and IdentityRegexp")
	}
	if (p.Issuer == "") == (p.IssuerRegexp == "") {
		return nil, errors.New("supplychain: set exactly one of KeylessPolicy.Issuer and IssuerRegexp")
	}
	id := &identityPolicy{subject: p.Identity, issuer: p.Issuer}
	var err error
	if p.IdentityRegexp != "" {
		if id.subjectRE, err = regexp.Compile(p.IdentityRegexp); err != nil {
			return nil, fmt.Errorf("supplychain: KeylessPolicy.IdentityRegexp: %w", err)
		}
	}
	if p.IssuerRegexp != "" {
		if id.issuerRE, err = regexp.Compile(p.IssuerRegexp); err != nil {
			return nil, fmt.Errorf("supplychain: KeylessPolicy.IssuerRegexp: %w", err)
		}
	}
	return id, nil
}

func (p *identityPolicy) cosign() cosign.Identity {
	id := cosign.Identity{Subject: p.subject, Issuer: p.issuer}
	if p.subjectRE != nil {
		id.SubjectRegExp = p.subjectRE.String()
	}
	if p.issuerRE != nil {
		id.IssuerRegExp = p.issuerRE.String()
	}
	return id
}

func (p *identityPolicy) issuerMatches(iss string) bool {
	if p.issuerRE != nil {
		return p.issuerRE.MatchString(iss)
	}
	return iss == p.issuer
}

func (p *identityPolicy) subjectMatches(sans []string) bool {
	for _, san := range sans {
		if (p.subjectRE != nil && p.subjectRE.MatchString(san)) || (p.subjectRE == nil && san == p.subject) {
			return true
		}
	}
	return false
}

// explain attributes a signature cosign rejected to the first check it fails,
// in the order an operator would fix them: certificate, chain, issuer,
// identity, SCT, signature, digest claim, transparency log, validity time.
// cosign's verdict stands either way; explain only picks the reason, and a
// rejection it cannot attribute is reported with cosign's error.
func (v *Verifier) explain(sig oci.Signature, h v1.Hash, co *cosign.CheckOpts, cosignErr error) *Error {
	fail := func(reason string, kind, cause error) *Error {
		return &Error{Reason: reason, Cause: cause, kind: kind}
	}
	payload, err := sig.Payload()
	if err != nil {
		return classifyCosignError(err)
	}

	sv, keyMismatch := v.sigVerifier, fail(ReasonKeyMismatch, ErrKeyMismatch, cosignErr)
	var cert *x509.Certificate
	if v.identity != nil {
		if cert, err = sig.Cert(); err != nil || cert == nil {
			return fail(ReasonNoCertificate, ErrNoCertificate, err)
		}
		dropSANCritical(cert)
		chains, err := verify.VerifyLeafCertificate(cert.NotBefore, cert, v.root)
		if err != nil {
			return fail(ReasonUntrustedCertificate, ErrUntrustedCertificate,
				fmt.Errorf("certificate issued by %q: %w", cert.Issuer.String(), err))
		}
		ce := cosign.CertExtensions{Cert: cert}
		if iss := ce.GetIssuer(); !v.identity.issuerMatches(iss) {
			return fail(ReasonIssuerMismatch, ErrIssuerMismatch, fmt.Errorf("certificate issuer is %q", iss))
		}
		if sans := cryptoutils.GetSubjectAlternateNames(cert); !v.identity.subjectMatches(sans) {
			return fail(ReasonIdentityMismatch, ErrIdentityMismatch,
				fmt.Errorf("certificate identities are [%s]", strings.Join(sans, ", ")))
		}
		if v.requireSCT {
			if err := checkSCT(cert, chains, v.root); err != nil {
				return fail(ReasonSCT, ErrSCT, err)
			}
		}
		if sv, err = signature.LoadVerifier(cert.PublicKey, crypto.SHA256); err != nil {
			return fail(ReasonVerifierFailure, ErrVerification, err)
		}
		keyMismatch = fail(ReasonCertKeyMismatch, ErrCertKeyMismatch, cosignErr)
	}
	b64, err := sig.Base64Signature()
	if err != nil {
		return keyMismatch
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || sv.VerifySignature(bytes.NewReader(raw), bytes.NewReader(payload)) != nil {
		return keyMismatch
	}
	if err := cosign.SimpleClaimVerifier(sig, h, nil); err != nil {
		return fail(ReasonClaimMismatch, ErrClaimMismatch, err)
	}

	signedAt, timeSource := time.Now(), "current time, no transparency-log proof"
	if !co.IgnoreTlog {
		b, err := sig.Bundle()
		if err == nil && b == nil {
			return fail(ReasonTlogMissing, ErrTlogMissing, nil)
		}
		if ok, err := cosign.VerifyBundle(sig, co); err != nil || !ok {
			return fail(ReasonTlogInvalid, ErrTlogInvalid, err)
		}
		signedAt, timeSource = time.Unix(b.Payload.IntegratedTime, 0), "transparency-log integrated time"
	}
	if cert != nil && (signedAt.Before(cert.NotBefore) || signedAt.After(cert.NotAfter)) {
		return fail(ReasonCertificateExpired, ErrCertificateExpired, fmt.Errorf("certificate valid from %s to %s, signing time %s (%s)",
			cert.NotBefore.UTC().Format(time.RFC3339), cert.NotAfter.UTC().Format(time.RFC3339),
			signedAt.UTC().Format(time.RFC3339), timeSource))
	}
	return classifyCosignError(cosignErr)
}

func checkSCT(cert *x509.Certificate, chains [][]*x509.Certificate, tm root.TrustedMaterial) error {
	ok, err := cosign.ContainsSCT(cert.Raw)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("certificate has no embedded SCT")
	}
	return verify.VerifySignedCertificateTimestamp(chains, 1, tm)
}

// dropSANCritical mirrors cosign: Fulcio may mark a SAN of a kind Go does not
// parse (OtherName) critical, which would fail chain building.
func dropSANCritical(cert *x509.Certificate) {
	var keep []asn1.ObjectIdentifier
	for _, oid := range cert.UnhandledCriticalExtensions {
		if !oid.Equal(cryptoutils.SANOID) {
			keep = append(keep, oid)
		}
	}
	cert.UnhandledCriticalExtensions = keep
}
