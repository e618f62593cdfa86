package supplychain

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/mcpmesh/mcpmesh/test/imagetest"
)

const (
	testIdentity = "https://github.com/mcpmesh/servers/.github/workflows/release.yml@refs/heads/main"
	testIssuer   = "https://token.actions.githubusercontent.com"
)

// keylessSig describes one keyless signature to attach; the CA, the
// certificates and the Rekor bundles come from imagetest.Sigstore.
type keylessSig struct {
	ca         *imagetest.Sigstore // issuing CA
	identity   string              // default testIdentity
	issuer     string              // default testIssuer
	notBefore  time.Time           // certificate validity start (default: a minute ago)
	claimed    *name.Digest        // digest named in the payload (default: the image)
	signingKey *imagetest.Key      // key that signs (default: the certificate's)
	tlog       *imagetest.Sigstore // its Rekor key signs a bundle; nil: no bundle
}

// signKeyless attaches a signature with the certificate and chain
// annotations `cosign sign` writes in keyless mode.
func signKeyless(t *testing.T, ref name.Digest, k keylessSig) {
	t.Helper()
	o := imagetest.KeylessOptions{
		Identity: k.identity, Issuer: k.issuer, NotBefore: k.notBefore,
		SigningKey: k.signingKey, Tlog: k.tlog,
	}
	if o.Identity == "" {
		o.Identity = testIdentity
	}
	if o.Issuer == "" {
		o.Issuer = testIssuer
	}
	if k.claimed != nil {
		o.Claimed = k.claimed.String()
	}
	k.ca.SignKeylessWith(t, ref.String(), o)
}

// registryOnly fails every request that is not for the test registry, so
// that a test also proves nothing else (Rekor, Fulcio, TUF) is contacted.
type registryOnly struct {
	t    *testing.T
	host string
}

func (r registryOnly) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != r.host {
		r.t.Errorf("unexpected request to %s", req.URL)
		return nil, fmt.Errorf("request to %s refused by test", req.URL.Host)
	}
	return remote.DefaultTransport.RoundTrip(req)
}

func newKeyless(t *testing.T, tr *testRegistry, p KeylessPolicy) *Verifier {
	t.Helper()
	v, err := NewKeylessVerifier(p, WithPlainHTTPLoopback(), WithTransport(registryOnly{t, tr.Host}))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func defaultPolicy(s *imagetest.Sigstore) KeylessPolicy {
	return KeylessPolicy{TrustedRootJSON: s.TrustedRootJSON(), Identity: testIdentity, Issuer: testIssuer}
}

func TestKeylessAccepted(t *testing.T) {
	s := imagetest.NewSigstore(t)
	trJSON := s.TrustedRootJSON()
	cases := map[string]struct {
		policy KeylessPolicy
		sig    keylessSig
	}{
		"exact identity and issuer": {
			KeylessPolicy{TrustedRootJSON: trJSON, Identity: testIdentity, Issuer: testIssuer},
			keylessSig{ca: s},
		},
		"regexps": {
			KeylessPolicy{TrustedRootJSON: trJSON,
				IdentityRegexp: `^https://github\.com/mcpmesh/servers/\.github/workflows/[^/]+@refs/heads/main$`,
				IssuerRegexp:   `^https://token\.actions\.githubusercontent\.com$`},
			keylessSig{ca: s},
		},
		// `cosign sign` run by a person: an e-mail SAN instead of a URI.
		"e-mail identity": {
			KeylessPolicy{TrustedRootJSON: trJSON, Identity: "release@mcpmesh.dev", Issuer: "https://accounts.google.com"},
			keylessSig{ca: s, identity: "release@mcpmesh.dev", issuer: "https://accounts.google.com"},
		},
		"tlog required, valid bundle": {
			KeylessPolicy{TrustedRootJSON: trJSON, Identity: testIdentity, Issuer: testIssuer, RequireTlog: true},
			keylessSig{ca: s, tlog: s},
		},
		// The certificate expired long ago, but the bundle proves it was
		// valid when the signature was logged.
		"expired certificate, bundle at signing time": {
			KeylessPolicy{TrustedRootJSON: trJSON, Identity: testIdentity, Issuer: testIssuer},
			keylessSig{ca: s, notBefore: time.Now().Add(-3 * time.Hour), tlog: s},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			tr := newTestRegistry(t)
			ref := tr.pushRandom(t, "mcp/server")
			signKeyless(t, ref, c.sig)
			res, err := newKeyless(t, tr, c.policy).VerifyImage(context.Background(), ref)
			if err != nil {
				t.Fatalf("VerifyImage: %v", err)
			}
			if !res.Verified || res.Signatures != 1 || res.Reason != ReasonVerifiedKeyless {
				t.Fatalf("unexpected result %+v", res)
			}
		})
	}
}

func TestKeylessRejected(t *testing.T) {
	s := imagetest.NewSigstore(t)
	other := imagetest.NewSigstore(t) // an unrelated CA and Rekor
	otherKey := imagetest.NewKey(t)
	base := defaultPolicy(s)
	withTlog := base
	withTlog.RequireTlog = true
	withSCT := base
	withSCT.TrustedRootJSON = s.TrustedRootJSONWith(t, imagetest.TrustedRootOptions{CTLog: true})
	withSCT.RequireSCT = true

	cases := map[string]struct {
		policy   KeylessPolicy
		sign     func(t *testing.T, tr *testRegistry, ref name.Digest)
		reason   string
		sentinel error
	}{
		"wrong identity": {base, func(t *testing.T, _ *testRegistry, ref name.Digest) {
			signKeyless(t, ref, keylessSig{ca: s, identity: "https://github.com/attacker/servers/.github/workflows/release.yml@refs/heads/main"})
		}, ReasonIdentityMismatch, ErrIdentityMismatch},
		"wrong issuer": {base, func(t *testing.T, _ *testRegistry, ref name.Digest) {
			signKeyless(t, ref, keylessSig{ca: s, issuer: "https://accounts.example.com"})
		}, ReasonIssuerMismatch, ErrIssuerMismatch},
		"untrusted CA": {base, func(t *testing.T, _ *testRegistry, ref name.Digest) {
			signKeyless(t, ref, keylessSig{ca: other})
		}, ReasonUntrustedCertificate, ErrUntrustedCertificate},
		"unsigned": {base, func(*testing.T, *testRegistry, name.Digest) {},
			ReasonNoSignatures, ErrNoSignatures},
		"key signature without certificate": {base, func(t *testing.T, _ *testRegistry, ref name.Digest) {
			otherKey.Sign(t, ref.String())
		}, ReasonNoCertificate, ErrNoCertificate},
		"signed by a key other than the certificate's": {base, func(t *testing.T, _ *testRegistry, ref name.Digest) {
			signKeyless(t, ref, keylessSig{ca: s, signingKey: otherKey})
		}, ReasonCertKeyMismatch, ErrCertKeyMismatch},
		"signature for another digest": {base, func(t *testing.T, tr *testRegistry, ref name.Digest) {
			o := tr.pushRandom(t, "mcp/other")
			signKeyless(t, ref, keylessSig{ca: s, claimed: &o})
		}, ReasonClaimMismatch, ErrClaimMismatch},
		"expired certificate, no bundle": {base, func(t *testing.T, _ *testRegistry, ref name.Digest) {
			signKeyless(t, ref, keylessSig{ca: s, notBefore: time.Now().Add(-3 * time.Hour)})
		}, ReasonCertificateExpired, ErrCertificateExpired},
		"tlog required, no bundle": {withTlog, func(t *testing.T, _ *testRegistry, ref name.Digest) {
			signKeyless(t, ref, keylessSig{ca: s})
		}, ReasonTlogMissing, ErrTlogMissing},
		"tlog required, bundle from an untrusted log": {withTlog, func(t *testing.T, _ *testRegistry, ref name.Digest) {
			signKeyless(t, ref, keylessSig{ca: s, tlog: other})
		}, ReasonTlogInvalid, ErrTlogInvalid},
		"tlog not required, bundle present but invalid": {base, func(t *testing.T, _ *testRegistry, ref name.Digest) {
			signKeyless(t, ref, keylessSig{ca: s, tlog: other})
		}, ReasonTlogInvalid, ErrTlogInvalid},
		"SCT required, none embedded": {withSCT, func(t *testing.T, _ *testRegistry, ref name.Digest) {
			signKeyless(t, ref, keylessSig{ca: s})
		}, ReasonSCT, ErrSCT},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			tr := newTestRegistry(t)
			ref := tr.pushRandom(t, "mcp/server")
			c.sign(t, tr, ref)
			res, err := newKeyless(t, tr, c.policy).VerifyImage(context.Background(), ref)
			expectReject(t, res, err, c.reason, c.sentinel)
			t.Logf("%v", err)
		})
	}
}

func TestKeylessMultipleSignatures(t *testing.T) {
	s := imagetest.NewSigstore(t)
	other := imagetest.NewSigstore(t)
	wrongID := "https://github.com/attacker/servers/.github/workflows/release.yml@refs/heads/main"

	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	signKeyless(t, ref, keylessSig{ca: s, identity: wrongID})
	signKeyless(t, ref, keylessSig{ca: s})
	res, err := newKeyless(t, tr, defaultPolicy(s)).VerifyImage(context.Background(), ref)
	if err != nil || !res.Verified || res.Signatures != 1 {
		t.Fatalf("one valid signature of two: %+v %v", res, err)
	}

	// No valid signature: the reason is the one of the signature that got
	// furthest (right CA, wrong identity), whatever the order.
	for i, sigs := range [][]keylessSig{
		{{ca: s, identity: wrongID}, {ca: other}},
		{{ca: other}, {ca: s, identity: wrongID}},
	} {
		ref := tr.pushRandom(t, fmt.Sprintf("mcp/server%d", i+2))
		for _, k := range sigs {
			signKeyless(t, ref, k)
		}
		res, err := newKeyless(t, tr, defaultPolicy(s)).VerifyImage(context.Background(), ref)
		expectReject(t, res, err, ReasonIdentityMismatch, ErrIdentityMismatch)
	}
}

func TestKeyModeTlog(t *testing.T) {
	s := imagetest.NewSigstore(t)
	other := imagetest.NewSigstore(t)
	key := imagetest.NewKey(t)
	policy := KeyPolicy{PublicKeyPEM: key.PublicPEM, RequireTlog: true, TrustedRootJSON: s.TrustedRootJSON()}

	cases := map[string]struct {
		sign     func(t *testing.T, ref name.Digest)
		reason   string
		sentinel error
	}{
		"valid bundle": {func(t *testing.T, ref name.Digest) { key.SignWithTlog(t, ref.String(), s) }, ReasonVerified, nil},
		"no bundle":    {func(t *testing.T, ref name.Digest) { key.Sign(t, ref.String()) }, ReasonTlogMissing, ErrTlogMissing},
		"bundle from an untrusted log": {func(t *testing.T, ref name.Digest) { key.SignWithTlog(t, ref.String(), other) },
			ReasonTlogInvalid, ErrTlogInvalid},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			tr := newTestRegistry(t)
			ref := tr.pushRandom(t, "mcp/server")
			c.sign(t, ref)
			v, err := NewKeyVerifier(policy, WithPlainHTTPLoopback(), WithTransport(registryOnly{t, tr.Host}))
			if err != nil {
				t.Fatal(err)
			}
			res, err := v.VerifyImage(context.Background(), ref)
			if c.sentinel == nil {
				if err != nil || !res.Verified || res.Reason != c.reason {
					t.Fatalf("got %+v %v", res, err)
				}
				return
			}
			expectReject(t, res, err, c.reason, c.sentinel)
		})
	}
}

func TestNewKeylessVerifierErrors(t *testing.T) {
	s := imagetest.NewSigstore(t)
	good := defaultPolicy(s)
	noRekor := s.TrustedRootJSONWith(t, imagetest.TrustedRootOptions{NoRekor: true})
	pub := imagetest.NewKey(t).PublicPEM

	invalidRoot := map[string]KeylessPolicy{
		"corrupt JSON":     {TrustedRootJSON: []byte(`{"mediaType": `), Identity: testIdentity, Issuer: testIssuer},
		"wrong media type": {TrustedRootJSON: []byte(`{"mediaType": "application/json"}`), Identity: testIdentity, Issuer: testIssuer},
		"bad CA certificate": {TrustedRootJSON: []byte(`{"mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
			"certificateAuthorities": [{"certChain": {"certificates": [{"rawBytes": "AAAA"}]}, "validFor": {"start": "2024-01-01T00:00:00Z"}}]}`),
			Identity: testIdentity, Issuer: testIssuer},
		"tlog without Rekor":  {TrustedRootJSON: noRekor, Identity: testIdentity, Issuer: testIssuer, RequireTlog: true},
		"SCT without CT logs": {TrustedRootJSON: good.TrustedRootJSON, Identity: testIdentity, Issuer: testIssuer, RequireSCT: true},
		"no CA":               {TrustedRootJSON: []byte(`{"mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1"}`), Identity: testIdentity, Issuer: testIssuer},
	}
	for name, p := range invalidRoot {
		_, err := NewKeylessVerifier(p)
		if !errors.Is(err, ErrInvalidTrustedRoot) {
			t.Errorf("%s: error %v, want ErrInvalidTrustedRoot", name, err)
		}
		t.Logf("%s: %v", name, err)
	}
	_, err := NewKeyVerifier(KeyPolicy{PublicKeyPEM: pub, TrustedRootJSON: []byte("garbage"), RequireTlog: true})
	if !errors.Is(err, ErrInvalidTrustedRoot) {
		t.Errorf("key mode, corrupt root: %v", err)
	}
	if _, err := NewKeyVerifier(KeyPolicy{PublicKeyPEM: pub, TrustedRootJSON: noRekor, RequireTlog: true}); !errors.Is(err, ErrInvalidTrustedRoot) {
		t.Errorf("key mode, root without Rekor: %v", err)
	}

	badPolicy := map[string]KeylessPolicy{
		"no root":             {Identity: testIdentity, Issuer: testIssuer},
		"no identity":         {TrustedRootJSON: good.TrustedRootJSON, Issuer: testIssuer},
		"identity and regexp": {TrustedRootJSON: good.TrustedRootJSON, Identity: testIdentity, IdentityRegexp: ".*", Issuer: testIssuer},
		"no issuer":           {TrustedRootJSON: good.TrustedRootJSON, Identity: testIdentity},
		"issuer and regexp":   {TrustedRootJSON: good.TrustedRootJSON, Identity: testIdentity, Issuer: testIssuer, IssuerRegexp: ".*"},
		"bad identity regexp": {TrustedRootJSON: good.TrustedRootJSON, IdentityRegexp: "(", Issuer: testIssuer},
		"bad issuer regexp":   {TrustedRootJSON: good.TrustedRootJSON, Identity: testIdentity, IssuerRegexp: "["},
	}
	for name, p := range badPolicy {
		if _, err := NewKeylessVerifier(p); err == nil || errors.Is(err, ErrInvalidTrustedRoot) {
			t.Errorf("%s: error %v, want a policy error", name, err)
		}
	}
	if _, err := NewKeylessVerifier(good); err != nil {
		t.Errorf("good policy: %v", err)
	}
}
