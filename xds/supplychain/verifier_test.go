package supplychain

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"

	"github.com/mcpmesh/mcpmesh/test/imagetest"
)

// testRegistry is an in-process OCI registry on 127.0.0.1 that counts
// requests; images are pushed and signed with package imagetest.
type testRegistry struct {
	*imagetest.Registry
	handler  http.Handler // the registry behind the counter
	requests atomic.Int64
}

func newTestRegistry(t *testing.T) *testRegistry {
	t.Helper()
	tr := &testRegistry{}
	tr.Registry = imagetest.Start(t, func(h http.Handler) http.Handler {
		tr.handler = h
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			tr.requests.Add(1)
			h.ServeHTTP(w, r)
		})
	})
	if !strings.HasPrefix(tr.Host, "127.0.0.1:") {
		t.Fatalf("test registry is not on loopback: %s", tr.Host)
	}
	return tr
}

// pushRandom pushes a random image to repo and returns its pinned reference.
func (tr *testRegistry) pushRandom(t *testing.T, repo string) name.Digest {
	t.Helper()
	d, err := ParsePinned(tr.PushRandom(t, repo))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func newVerifier(t *testing.T, pub []byte, opts ...Option) *Verifier {
	t.Helper()
	v, err := NewKeyVerifier(KeyPolicy{PublicKeyPEM: pub}, append([]Option{WithPlainHTTPLoopback()}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// expectReject checks a rejection: Verified=false, the reason, and the sentinel.
func expectReject(t *testing.T, res *Result, err error, reasonPrefix string, sentinel error) {
	t.Helper()
	if err == nil {
		t.Fatalf("expected rejection %q, got nil error (result %+v)", reasonPrefix, res)
	}
	if !errors.Is(err, sentinel) {
		t.Fatalf("error %q does not match %v", err, sentinel)
	}
	if res == nil || res.Verified {
		t.Fatalf("expected unverified result, got %+v", res)
	}
	if !strings.HasPrefix(res.Reason, reasonPrefix) {
		t.Fatalf("reason = %q, want prefix %q", res.Reason, reasonPrefix)
	}
	if !strings.HasPrefix(err.Error(), reasonPrefix) {
		t.Fatalf("error = %q, want prefix %q", err, reasonPrefix)
	}
}

func TestVerifyValidSignature(t *testing.T) {
	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	key := imagetest.NewKey(t)
	key.Sign(t, ref.String())

	res, err := newVerifier(t, key.PublicPEM).VerifyImage(context.Background(), ref)
	if err != nil {
		t.Fatalf("VerifyImage: %v", err)
	}
	if !res.Verified || res.Signatures != 1 || res.Digest != ref.DigestStr() || res.Reason != ReasonVerified {
		t.Fatalf("unexpected result %+v", res)
	}
}

func TestVerifyUnsigned(t *testing.T) {
	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	key := imagetest.NewKey(t)

	res, err := newVerifier(t, key.PublicPEM).VerifyImage(context.Background(), ref)
	expectReject(t, res, err, "no signatures found", ErrNoSignatures)
}

func TestVerifyWrongKey(t *testing.T) {
	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	signingKey := imagetest.NewKey(t)
	otherKey := imagetest.NewKey(t)
	signingKey.Sign(t, ref.String())

	res, err := newVerifier(t, otherKey.PublicPEM).VerifyImage(context.Background(), ref)
	expectReject(t, res, err, "signature does not verify with the configured key", ErrKeyMismatch)
}

// A valid signature by the right key, but for another image, copied onto ref.
func TestVerifySignatureForOtherDigest(t *testing.T) {
	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	other := tr.pushRandom(t, "mcp/other")
	key := imagetest.NewKey(t)
	key.SignWith(t, ref.String(), imagetest.SignOptions{Claimed: other.String()})

	res, err := newVerifier(t, key.PublicPEM).VerifyImage(context.Background(), ref)
	expectReject(t, res, err, ReasonClaimMismatch, ErrClaimMismatch)
}

func TestVerifyDigestNotInRegistry(t *testing.T) {
	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	key := imagetest.NewKey(t)
	key.Sign(t, ref.String())

	// Same repository, digest altered in one hex digit.
	s := ref.String()
	last := s[len(s)-1]
	repl := byte('0')
	if last == '0' {
		repl = '1'
	}
	tampered, err := ParsePinned(s[:len(s)-1] + string(repl))
	if err != nil {
		t.Fatal(err)
	}
	res, err := newVerifier(t, key.PublicPEM).VerifyImage(context.Background(), tampered)
	expectReject(t, res, err, "image digest not found in the registry", ErrDigestNotFound)
}

func TestParsePinned(t *testing.T) {
	const dgst = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for _, ok := range []string{
		"127.0.0.1:5000/mcp/server@" + dgst,
		"ghcr.io/mcpmesh/server:v1@" + dgst,
	} {
		d, err := ParsePinned(ok)
		if err != nil {
			t.Errorf("ParsePinned(%q): %v", ok, err)
			continue
		}
		if d.DigestStr() != dgst {
			t.Errorf("ParsePinned(%q) digest = %s", ok, d.DigestStr())
		}
	}
	for _, bad := range []string{"ghcr.io/mcpmesh/server:v1", "ghcr.io/mcpmesh/server"} {
		_, err := ParsePinned(bad)
		want := fmt.Sprintf("image %q is not pinned by digest; use image@sha256:...", bad)
		if err == nil || err.Error() != want {
			t.Errorf("ParsePinned(%q) error = %v, want %q", bad, err, want)
		}
		if !errors.Is(err, ErrNotPinned) {
			t.Errorf("ParsePinned(%q) error does not match ErrNotPinned", bad)
		}
	}
	if _, err := ParsePinned("ghcr.io/mcpmesh/server@sha256:short"); err == nil || !errors.Is(err, ErrNotPinned) {
		t.Errorf("malformed digest accepted or wrong error: %v", err)
	}
}

func TestVerifyUnreachableRegistry(t *testing.T) {
	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	key := imagetest.NewKey(t)
	key.Sign(t, ref.String())
	tr.Close()

	res, err := newVerifier(t, key.PublicPEM).VerifyImage(context.Background(), ref)
	expectReject(t, res, err, "registry unreachable: ", ErrRegistryUnreachable)
}

// Without WithPlainHTTPLoopback the verifier does not talk plain HTTP, even
// to a loopback registry.
func TestPlainHTTPRefusedByDefault(t *testing.T) {
	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	key := imagetest.NewKey(t)
	key.Sign(t, ref.String())

	v, err := NewKeyVerifier(KeyPolicy{PublicKeyPEM: key.PublicPEM})
	if err != nil {
		t.Fatal(err)
	}
	res, err := v.VerifyImage(context.Background(), ref)
	expectReject(t, res, err, "registry unreachable: ", ErrRegistryUnreachable)
	if !strings.Contains(err.Error(), "plain HTTP") {
		t.Fatalf("error does not mention plain HTTP: %v", err)
	}
}

func TestGuardRefusesNonLoopbackHTTP(t *testing.T) {
	g := &httpGuard{base: http.DefaultTransport, allowLoopback: true}
	req, _ := http.NewRequest(http.MethodGet, "http://10.0.0.1:5000/v2/", nil)
	if _, err := g.RoundTrip(req); err == nil || !strings.Contains(err.Error(), "plain HTTP") {
		t.Fatalf("plain HTTP to 10.0.0.1 not refused: %v", err)
	}
}

func TestNewKeyVerifierErrors(t *testing.T) {
	key := imagetest.NewKey(t)
	if _, err := NewKeyVerifier(KeyPolicy{PublicKeyPEM: key.PublicPEM, RequireTlog: true}); err == nil ||
		!strings.Contains(err.Error(), "TrustedRootJSON") {
		t.Errorf("RequireTlog without a trusted root: %v", err)
	}
	if _, err := NewKeyVerifier(KeyPolicy{}); err == nil {
		t.Error("empty key accepted")
	}
	if _, err := NewKeyVerifier(KeyPolicy{PublicKeyPEM: []byte("not a key")}); err == nil {
		t.Error("garbage key accepted")
	}
}

// End to end through the cache: the second Verify does not touch the registry.
func TestCacheWithRegistry(t *testing.T) {
	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	key := imagetest.NewKey(t)
	key.Sign(t, ref.String())

	c := NewCache(newVerifier(t, key.PublicPEM), 2)
	res, err := c.Verify(context.Background(), ref)
	if err != nil || !res.Verified {
		t.Fatalf("first Verify: %+v %v", res, err)
	}
	before := tr.requests.Load()
	res, err = c.Verify(context.Background(), ref)
	if err != nil || !res.Verified {
		t.Fatalf("second Verify: %+v %v", res, err)
	}
	if n := tr.requests.Load() - before; n != 0 {
		t.Fatalf("cached Verify made %d registry requests", n)
	}
}

func TestRejectionMessages(t *testing.T) {
	// Logs the full error texts so they can be read with -v.
	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	key := imagetest.NewKey(t)
	otherKey := imagetest.NewKey(t)
	key.Sign(t, ref.String())
	_, err := newVerifier(t, otherKey.PublicPEM).VerifyImage(context.Background(), ref)
	t.Logf("wrong key: %v", err)
	tr.Close()
	_, err = newVerifier(t, otherKey.PublicPEM).VerifyImage(context.Background(), ref)
	t.Logf("unreachable: %v", err)
}

// A registry that answers a pinned manifest request with another digest is
// treated as not having the pinned image.
func TestVerifyRegistryAnswersOtherDigest(t *testing.T) {
	tr := newTestRegistry(t)
	ref := tr.pushRandom(t, "mcp/server")
	other := tr.pushRandom(t, "mcp/server2")
	key := imagetest.NewKey(t)
	key.Sign(t, ref.String())

	lying := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		tr.handler.ServeHTTP(rec, r)
		for k, vs := range rec.Header() {
			w.Header()[k] = vs
		}
		if strings.Contains(r.URL.Path, "/manifests/sha256:") {
			w.Header().Set("Docker-Content-Digest", other.DigestStr())
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	}))
	t.Cleanup(lying.Close)

	host := strings.TrimPrefix(lying.URL, "http://")
	viaLiar, err := ParsePinned(host + "/mcp/server@" + ref.DigestStr())
	if err != nil {
		t.Fatal(err)
	}
	res, err := newVerifier(t, key.PublicPEM).VerifyImage(context.Background(), viaLiar)
	expectReject(t, res, err, ReasonDigestNotFound, ErrDigestNotFound)
	t.Logf("%v", err)
}
