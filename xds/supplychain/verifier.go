package supplychain

import (
	"context"
	"crypto"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/remote/transport"
	"github.com/sigstore/cosign/v2/pkg/cosign"
	"github.com/sigstore/cosign/v2/pkg/oci"
	ociremote "github.com/sigstore/cosign/v2/pkg/oci/remote"
	"github.com/sigstore/sigstore-go/pkg/root"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
	"github.com/sigstore/sigstore/pkg/signature"
)

// Reasons reported in Result.Reason. Tests and callers may match on them;
// ReasonUnreachable is a prefix followed by the underlying network error.
const (
	ReasonVerified        = "signature verified with the configured key"
	ReasonNoSignatures    = "no signatures found"
	ReasonKeyMismatch     = "signature does not verify with the configured key"
	ReasonClaimMismatch   = "signature does not reference this image digest"
	ReasonDigestNotFound  = "image digest not found in the registry"
	ReasonUnreachable     = "registry unreachable"
	ReasonRegistryError   = "registry request failed"
	ReasonVerifierFailure = "signature verification failed"

	// Keyless mode.
	ReasonVerifiedKeyless      = "signature verified with a certificate for the configured identity"
	ReasonNoCertificate        = "signature carries no signing certificate"
	ReasonUntrustedCertificate = "certificate not issued by a trusted certificate authority"
	ReasonIssuerMismatch       = "certificate OIDC issuer does not match the configured issuer"
	ReasonIdentityMismatch     = "certificate identity does not match the configured identity"
	ReasonSCT                  = "certificate transparency proof (SCT) missing or invalid"
	ReasonCertKeyMismatch      = "signature does not verify with the certificate's key"
	ReasonCertificateExpired   = "certificate not valid at signing time"

	// Transparency log, both modes.
	ReasonTlogMissing = "no transparency-log proof (Rekor bundle) on the signature"
	ReasonTlogInvalid = "transparency-log proof (Rekor bundle) does not verify"
)

// Sentinel errors; every error returned by VerifyImage and ParsePinned
// matches exactly one of them with errors.Is. ErrInvalidTrustedRoot is
// returned (wrapped) by the constructors only.
var (
	ErrNotPinned           = errors.New("image reference is not pinned by digest")
	ErrNoSignatures        = errors.New(ReasonNoSignatures)
	ErrKeyMismatch         = errors.New(ReasonKeyMismatch)
	ErrClaimMismatch       = errors.New(ReasonClaimMismatch)
	ErrDigestNotFound      = errors.New(ReasonDigestNotFound)
	ErrRegistryUnreachable = errors.New(ReasonUnreachable)
	ErrRegistry            = errors.New(ReasonRegistryError)
	ErrVerification        = errors.New(ReasonVerifierFailure)

	ErrNoCertificate        = errors.New(ReasonNoCertificate)
	ErrUntrustedCertificate = errors.New(ReasonUntrustedCertificate)
	ErrIssuerMismatch       = errors.New(ReasonIssuerMismatch)
	ErrIdentityMismatch     = errors.New(ReasonIdentityMismatch)
	ErrSCT                  = errors.New(ReasonSCT)
	ErrCertKeyMismatch      = errors.New(ReasonCertKeyMismatch)
	ErrCertificateExpired   = errors.New(ReasonCertificateExpired)
	ErrTlogMissing          = errors.New(ReasonTlogMissing)
	ErrTlogInvalid          = errors.New(ReasonTlogInvalid)

	ErrInvalidTrustedRoot = errors.New("invalid trusted root")
)

// Error is the error type returned for a rejected image. Reason is the same
// text as Result.Reason; Cause carries the underlying library error, if any.
type Error struct {
	Reason string
	Cause  error
	kind   error
}

func (e *Error) Error() string {
	if e.Cause == nil || strings.HasPrefix(e.Reason, ReasonUnreachable) {
		return e.Reason
	}
	return e.Reason + ": " + e.Cause.Error()
}

// Unwrap exposes both the sentinel (for errors.Is) and the cause.
func (e *Error) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.Cause}
}

// ParsePinned parses ref and requires it to carry a digest
// (registry/repo@sha256:... or registry/repo:tag@sha256:...).
func ParsePinned(ref string) (name.Digest, error) {
	r, err := name.ParseReference(ref)
	if err != nil {
		return name.Digest{}, &Error{Reason: fmt.Sprintf("invalid image reference %q", ref), Cause: err, kind: ErrNotPinned}
	}
	d, ok := r.(name.Digest)
	if !ok {
		return name.Digest{}, &Error{Reason: fmt.Sprintf("image %q is not pinned by digest; use image@sha256:...", ref), kind: ErrNotPinned}
	}
	return d, nil
}

// Result is the outcome of verifying one digest.
type Result struct {
	Digest     string // e.g. sha256:...
	Verified   bool
	Reason     string
	Signatures int // number of signatures that verified
}

// ImageVerifier is the seam between the control plane and a concrete
// verification policy. Verifier implements it in key mode (NewKeyVerifier)
// and keyless mode (NewKeylessVerifier).
type ImageVerifier interface {
	VerifyImage(ctx context.Context, ref name.Digest) (*Result, error)
}

// KeyPolicy configures key-based verification.
type KeyPolicy struct {
	// PublicKeyPEM is a cosign public key ("PUBLIC KEY" PEM block), e.g. the
	// cosign.pub written by `cosign generate-key-pair` (ECDSA P-256).
	PublicKeyPEM []byte
	// RequireTlog requires a Rekor bundle on the signature that verifies
	// offline against the Rekor keys of TrustedRootJSON. Without it the
	// transparency log is not consulted at all.
	RequireTlog bool
	// TrustedRootJSON is a Sigstore trusted root (trusted_root.json); only
	// its Rekor keys are used. Required with RequireTlog; without it, it is
	// still checked to parse but otherwise unused.
	TrustedRootJSON []byte
}

// Option configures a Verifier.
type Option func(*config)

type config struct {
	allowLoopHTTP bool
	baseTransport http.RoundTripper
	remoteOptions []remote.Option
	timeout       time.Duration
}

// WithPlainHTTPLoopback allows plain-HTTP registry requests, but only to
// loopback hosts (127.0.0.0/8, ::1, localhost). It exists for in-process test
// registries. Without it every plain-HTTP request is refused, including the
// HTTP fallback go-containerregistry would otherwise try for loopback and
// RFC 1918 registries.
func WithPlainHTTPLoopback() Option { return func(c *config) { c.allowLoopHTTP = true } }

// WithTransport sets the base HTTP transport (default remote.DefaultTransport).
// The plain-HTTP guard is always layered on top of it.
func WithTransport(rt http.RoundTripper) Option { return func(c *config) { c.baseTransport = rt } }

// WithRemoteOptions adds go-containerregistry options, e.g. remote.WithAuthFromKeychain.
// remote.WithTransport passed here would bypass the plain-HTTP guard; use WithTransport.
func WithRemoteOptions(opts ...remote.Option) Option {
	return func(c *config) { c.remoteOptions = append(c.remoteOptions, opts...) }
}

// WithTimeout bounds one VerifyImage call (default 30s).
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// Verifier verifies cosign signatures of digest-pinned images, either with
// one public key or keyless against a trusted root and an expected identity.
type Verifier struct {
	sigVerifier signature.Verifier // key mode
	identity    *identityPolicy    // keyless mode
	root        *root.TrustedRoot  // keyless mode, or key mode with RequireTlog
	requireTlog bool
	requireSCT  bool
	cfg         config
	transport   http.RoundTripper
}

var _ ImageVerifier = (*Verifier)(nil)

// NewKeyVerifier builds a key-based Verifier.
func NewKeyVerifier(p KeyPolicy, opts ...Option) (*Verifier, error) {
	if len(p.PublicKeyPEM) == 0 {
		return nil, errors.New("supplychain: KeyPolicy.PublicKeyPEM is empty")
	}
	pub, err := cryptoutils.UnmarshalPEMToPublicKey(p.PublicKeyPEM)
	if err != nil {
		return nil, fmt.Errorf("supplychain: parsing public key: %w", err)
	}
	// cosign signs and verifies key-based signatures with SHA-256
	// (as `cosign verify --key` does).
	sv, err := signature.LoadVerifier(pub, crypto.SHA256)
	if err != nil {
		return nil, fmt.Errorf("supplychain: loading public key: %w", err)
	}
	v := newBase(opts)
	v.sigVerifier = sv
	v.requireTlog = p.RequireTlog
	if len(p.TrustedRootJSON) > 0 {
		tr, err := parseTrustedRoot(p.TrustedRootJSON)
		if err != nil {
			return nil, err
		}
		if p.RequireTlog {
			if len(tr.RekorLogs()) == 0 {
				return nil, fmt.Errorf("supplychain: %w: RequireTlog is set but the trusted root has no Rekor transparency logs", ErrInvalidTrustedRoot)
			}
			v.root = tr
		}
	} else if p.RequireTlog {
		return nil, errors.New("supplychain: KeyPolicy.RequireTlog needs KeyPolicy.TrustedRootJSON for the Rekor public keys")
	}
	return v, nil
}

func newBase(opts []Option) *Verifier {
	cfg := config{timeout: 30 * time.Second}
	for _, o := range opts {
		o(&cfg)
	}
	base := cfg.baseTransport
	if base == nil {
		base = remote.DefaultTransport
	}
	return &Verifier{cfg: cfg, transport: &httpGuard{base: base, allowLoopback: cfg.allowLoopHTTP}}
}

func parseTrustedRoot(b []byte) (*root.TrustedRoot, error) {
	tr, err := root.NewTrustedRootFromJSON(b)
	if err != nil {
		return nil, fmt.Errorf("supplychain: %w: %w", ErrInvalidTrustedRoot, err)
	}
	return tr, nil
}

func (v *Verifier) remoteOpts(ctx context.Context) []remote.Option {
	opts := append([]remote.Option{}, v.cfg.remoteOptions...)
	return append(opts, remote.WithContext(ctx), remote.WithTransport(v.transport))
}

// VerifyImage checks that ref exists in its registry and carries at least one
// cosign signature that passes the policy (key or keyless, transparency log)
// and whose payload names ref's digest. On rejection it returns a Result with
// Verified=false and a non-nil *Error with the same Reason; when several
// signatures fail, the reason is the one of the signature that passed the
// most checks.
func (v *Verifier) VerifyImage(ctx context.Context, ref name.Digest) (*Result, error) {
	if v.cfg.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, v.cfg.timeout)
		defer cancel()
	}
	res := &Result{Digest: ref.DigestStr()}
	reject := func(e *Error) (*Result, error) {
		res.Reason = e.Reason
		return res, e
	}

	ropts := v.remoteOpts(ctx)

	// cosign resolves a digest reference without asking the registry, and a
	// missing signature tag reads as "no signatures". Ask for the manifest
	// first so an unknown digest and an unreachable registry are reported as such.
	desc, err := remote.Head(ref, ropts...)
	if err != nil {
		return reject(classifyRegistryError(err))
	}
	if desc.Digest.String() != ref.DigestStr() {
		return reject(&Error{Reason: ReasonDigestNotFound,
			Cause: fmt.Errorf("registry answered with digest %s", desc.Digest), kind: ErrDigestNotFound})
	}
	h, err := v1.NewHash(ref.DigestStr())
	if err != nil {
		return reject(&Error{Reason: ReasonVerifierFailure, Cause: err, kind: ErrVerification})
	}

	// The same lookup cosign.VerifyImageSignatures does; signatures are then
	// verified one by one so that each rejection can be explained.
	copts := []ociremote.Option{ociremote.WithRemoteOptions(ropts...)}
	st, err := ociremote.SignatureTag(ref, copts...)
	if err != nil {
		return reject(classifyCosignError(err))
	}
	sigs, err := ociremote.Signatures(st, copts...)
	if err != nil {
		return reject(classifyCosignError(err))
	}
	sl, err := sigs.Get()
	if err != nil {
		return reject(classifyCosignError(err))
	}
	if len(sl) == 0 {
		return reject(&Error{Reason: ReasonNoSignatures, kind: ErrNoSignatures})
	}

	var worst *Error
	for _, sig := range sl {
		co := v.checkOpts(copts, sig)
		if _, err := cosign.VerifyImageSignature(ctx, sig, h, co); err != nil {
			if e := v.explain(sig, h, co, err); worst == nil || stage(e) > stage(worst) {
				worst = e
			}
			continue
		}
		res.Signatures++
	}
	if res.Signatures == 0 {
		return reject(worst)
	}
	res.Verified = true
	res.Reason = ReasonVerified
	if v.identity != nil {
		res.Reason = ReasonVerifiedKeyless
	}
	return res, nil
}

// checkOpts builds cosign's options for one signature: offline, and with no
// Rekor client, so a transparency-log proof can only come from the bundle
// attached to the signature.
func (v *Verifier) checkOpts(copts []ociremote.Option, sig oci.Signature) *cosign.CheckOpts {
	co := &cosign.CheckOpts{
		RegistryClientOpts: copts,
		ClaimVerifier:      cosign.SimpleClaimVerifier,
		Offline:            true,
		IgnoreTlog:         !v.requireTlog,
		IgnoreSCT:          !v.requireSCT,
	}
	if v.root != nil {
		co.TrustedMaterial = v.root
	}
	if v.identity == nil {
		co.SigVerifier = v.sigVerifier
		return co
	}
	co.Identities = []cosign.Identity{v.identity.cosign()}
	if !v.requireTlog && len(v.root.RekorLogs()) > 0 {
		// Use a bundle that is there: its integrated time is the signing time
		// the certificate's validity is checked at. A bundle annotation that
		// does not parse is left for cosign to reject.
		b, err := sig.Bundle()
		co.IgnoreTlog = err == nil && b == nil
	}
	return co
}

// stages orders the rejection kinds by how far a signature got through the
// checks of explain; the highest is reported. An unattributed failure ranks
// lowest, and registry failures highest, because a retry may still verify
// the image.
var stages = []error{
	ErrVerification, ErrNoCertificate, ErrUntrustedCertificate, ErrIssuerMismatch,
	ErrIdentityMismatch, ErrSCT, ErrKeyMismatch, ErrCertKeyMismatch, ErrClaimMismatch,
	ErrTlogMissing, ErrTlogInvalid, ErrCertificateExpired,
	ErrRegistry, ErrRegistryUnreachable,
}

func stage(e *Error) int {
	for i, k := range stages {
		if e.kind == k {
			return i
		}
	}
	return -1
}

// classifyCosignError maps errors from fetching signatures and from cosign
// that explain could not attribute to a more specific reason.
func classifyCosignError(err error) *Error {
	var te *transport.Error
	if errors.As(err, &te) || isNetworkError(err) {
		return classifyRegistryError(err)
	}
	return &Error{Reason: ReasonVerifierFailure, Cause: err, kind: ErrVerification}
}

func classifyRegistryError(err error) *Error {
	var te *transport.Error
	if errors.As(err, &te) {
		if te.StatusCode == http.StatusNotFound {
			return &Error{Reason: ReasonDigestNotFound, Cause: err, kind: ErrDigestNotFound}
		}
		return &Error{Reason: ReasonRegistryError, Cause: err, kind: ErrRegistry}
	}
	// go-containerregistry checks the digest the registry reports against the
	// pinned one and returns a plain error on mismatch.
	if msg := err.Error(); strings.Contains(msg, "does not match requested digest") {
		return &Error{Reason: ReasonDigestNotFound, Cause: err, kind: ErrDigestNotFound}
	} else if strings.Contains(msg, "did not include Docker-Content-Digest") {
		return &Error{Reason: ReasonRegistryError, Cause: err, kind: ErrRegistry}
	}
	// Anything that is not an HTTP answer from the registry: refused or timed
	// out connections, DNS failures, TLS failures, refused plain HTTP.
	return &Error{Reason: ReasonUnreachable + ": " + err.Error(), Cause: err, kind: ErrRegistryUnreachable}
}

func isNetworkError(err error) bool {
	var ne net.Error
	var pe *plainHTTPError
	return errors.As(err, &ne) || errors.As(err, &pe) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// httpGuard refuses plain-HTTP requests unless they go to a loopback host and
// loopback plain HTTP was allowed.
type httpGuard struct {
	base          http.RoundTripper
	allowLoopback bool
}

type plainHTTPError struct{ host string }

func (e *plainHTTPError) Error() string {
	return fmt.Sprintf("plain HTTP to registry %q refused (only loopback registries, and only with WithPlainHTTPLoopback)", e.host)
}

func (g *httpGuard) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme != "https" {
		if !g.allowLoopback || !isLoopbackHost(req.URL.Hostname()) {
			return nil, &plainHTTPError{host: req.URL.Host}
		}
	}
	return g.base.RoundTrip(req)
}

func isLoopbackHost(h string) bool {
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
