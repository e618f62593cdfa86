// Package supplychain verifies that MCP server images are signed before the
// control plane routes to them.
//
// Only digest-pinned references are accepted (see ParsePinned). Signatures are
// verified with cosign (github.com/sigstore/cosign/v2/pkg/cosign) against a
// configured public key. This step implements offline key-based verification
// only: the transparency log is not consulted (IgnoreTlog), and no Rekor or
// Fulcio endpoint is ever contacted. Keyless verification (certificate
// identity/issuer plus a trusted root) is meant to be added as another
// implementation of ImageVerifier.
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
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/remote/transport"
	"github.com/sigstore/cosign/v2/pkg/cosign"
	ociremote "github.com/sigstore/cosign/v2/pkg/oci/remote"
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
)

// Sentinel errors; every error returned by VerifyImage and ParsePinned
// matches exactly one of them with errors.Is.
var (
	ErrNotPinned           = errors.New("image reference is not pinned by digest")
	ErrNoSignatures        = errors.New(ReasonNoSignatures)
	ErrKeyMismatch         = errors.New(ReasonKeyMismatch)
	ErrClaimMismatch       = errors.New(ReasonClaimMismatch)
	ErrDigestNotFound      = errors.New(ReasonDigestNotFound)
	ErrRegistryUnreachable = errors.New(ReasonUnreachable)
	ErrRegistry            = errors.New(ReasonRegistryError)
	ErrVerification        = errors.New(ReasonVerifierFailure)
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
// verification policy. KeyVerifier (Verifier) is the key-based
// implementation; a keyless one (certificate identity, issuer, trusted root)
// is a later step.
type ImageVerifier interface {
	VerifyImage(ctx context.Context, ref name.Digest) (*Result, error)
}

// KeyPolicy configures key-based verification.
type KeyPolicy struct {
	// PublicKeyPEM is a cosign public key ("PUBLIC KEY" PEM block), e.g. the
	// cosign.pub written by `cosign generate-key-pair` (ECDSA P-256).
	PublicKeyPEM []byte
}

// Option configures a Verifier.
type Option func(*config)

type config struct {
	requireTlog   bool
	allowLoopHTTP bool
	baseTransport http.RoundTripper
	remoteOptions []remote.Option
	timeout       time.Duration
}

// WithRequireTlog asks for transparency-log (Rekor) verification. Offline
// key-based verification does not support it yet, so NewKeyVerifier rejects
// true; the default (false) maps to cosign's IgnoreTlog.
func WithRequireTlog(require bool) Option { return func(c *config) { c.requireTlog = require } }

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

// Verifier verifies cosign signatures of digest-pinned images with one public key.
type Verifier struct {
	sigVerifier signature.Verifier
	cfg         config
	transport   http.RoundTripper
}

var _ ImageVerifier = (*Verifier)(nil)

// NewKeyVerifier builds a key-based Verifier.
func NewKeyVerifier(p KeyPolicy, opts ...Option) (*Verifier, error) {
	cfg := config{timeout: 30 * time.Second}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.requireTlog {
		return nil, errors.New("supplychain: transparency-log verification is not supported by the offline key verifier yet")
	}
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
	base := cfg.baseTransport
	if base == nil {
		base = remote.DefaultTransport
	}
	return &Verifier{
		sigVerifier: sv,
		cfg:         cfg,
		transport:   &httpGuard{base: base, allowLoopback: cfg.allowLoopHTTP},
	}, nil
}

func (v *Verifier) remoteOpts(ctx context.Context) []remote.Option {
	opts := append([]remote.Option{}, v.cfg.remoteOptions...)
	return append(opts, remote.WithContext(ctx), remote.WithTransport(v.transport))
}

// VerifyImage checks that ref exists in its registry and carries at least one
// cosign signature that verifies with the configured key and whose payload
// names ref's digest. On rejection it returns a Result with Verified=false and
// a non-nil *Error with the same Reason.
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

	co := &cosign.CheckOpts{
		RegistryClientOpts: []ociremote.Option{ociremote.WithRemoteOptions(ropts...)},
		SigVerifier:        v.sigVerifier,
		ClaimVerifier:      cosign.SimpleClaimVerifier,
		IgnoreTlog:         true,
		IgnoreSCT:          true,
		Offline:            true,
	}
	sigs, _, err := cosign.VerifyImageSignatures(ctx, ref, co)
	if err != nil {
		return reject(classifyCosignError(err))
	}
	res.Verified = true
	res.Reason = ReasonVerified
	res.Signatures = len(sigs)
	return res, nil
}

func classifyCosignError(err error) *Error {
	var noSigs *cosign.ErrNoSignaturesFound
	if errors.As(err, &noSigs) {
		return &Error{Reason: ReasonNoSignatures, kind: ErrNoSignatures}
	}
	var noMatch *cosign.ErrNoMatchingSignatures
	if errors.As(err, &noMatch) {
		// cosign joins the per-signature errors into one message. When every
		// signature failed only the payload digest check, the key did verify.
		msg := err.Error()
		if strings.Contains(msg, "in claim") && !strings.Contains(msg, "invalid signature") {
			return &Error{Reason: ReasonClaimMismatch, Cause: err, kind: ErrClaimMismatch}
		}
		return &Error{Reason: ReasonKeyMismatch, Cause: err, kind: ErrKeyMismatch}
	}
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
