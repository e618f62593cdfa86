// Package imagetest runs an in-process OCI registry and signs images in it
// the way `cosign sign` does, for tests of image verification: with a key
// (Key), and keylessly with certificates from an in-memory Sigstore whose
// Rekor key also signs transparency-log bundles (Sigstore, in sigstore.go).
//
// It must not import the packages it helps test (xds/supplychain's own
// tests use it).
package imagetest

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	"github.com/google/go-containerregistry/pkg/v1/random"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/sigstore/cosign/v2/pkg/oci/mutate"
	ociremote "github.com/sigstore/cosign/v2/pkg/oci/remote"
	"github.com/sigstore/cosign/v2/pkg/oci/static"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
	"github.com/sigstore/sigstore/pkg/signature"
	sigpayload "github.com/sigstore/sigstore/pkg/signature/payload"
)

// Registry is an OCI registry served over plain HTTP on 127.0.0.1.
type Registry struct {
	// Host is host:port, the registry part of image references.
	Host string
	srv  *httptest.Server
}

// Start serves a fresh, empty registry until the test ends. wrap, if not
// nil, sees every request first (to count, delay or fail them).
func Start(t testing.TB, wrap func(http.Handler) http.Handler) *Registry {
	t.Helper()
	h := registry.New(registry.Logger(log.New(io.Discard, "", 0)))
	if wrap != nil {
		h = wrap(h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &Registry{Host: strings.TrimPrefix(srv.URL, "http://"), srv: srv}
}

// Close stops the registry, e.g. to make it unreachable.
func (r *Registry) Close() { r.srv.Close() }

// PushRandom pushes a small random image to repo and returns its reference
// pinned by digest.
func (r *Registry) PushRandom(t testing.TB, repo string) string {
	t.Helper()
	img, err := random.Image(256, 1)
	if err != nil {
		t.Fatal(err)
	}
	tag, err := name.NewTag(fmt.Sprintf("%s/%s:latest", r.Host, repo))
	if err != nil {
		t.Fatal(err)
	}
	if err := remote.Write(tag, img); err != nil {
		t.Fatal(err)
	}
	h, err := img.Digest()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s/%s@%s", r.Host, repo, h)
}

// Key is a cosign signing key pair.
type Key struct {
	Private *ecdsa.PrivateKey
	// PublicPEM is what `cosign generate-key-pair` writes to cosign.pub.
	PublicPEM []byte
}

// NewKey generates an ECDSA P-256 key, cosign's default.
func NewKey(t testing.TB) *Key {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := cryptoutils.MarshalPublicKeyToPEM(&priv.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return &Key{Private: priv, PublicPEM: pub}
}

// SignOptions vary a key signature.
type SignOptions struct {
	// Claimed is the digest reference the signed payload names; empty: ref.
	// Another image's digest makes a valid signature copied onto ref.
	Claimed string
	// Tlog, if set, logs the signature: its Rekor key signs the bundle
	// attached to the signature. Nil: no bundle (--tlog-upload=false).
	Tlog *Sigstore
	// IntegratedTime is the bundle's log time; zero: now.
	IntegratedTime time.Time
}

// Sign attaches a signature of ref by k to ref's signature manifest, as
// `cosign sign --key --tlog-upload=false` does.
func (k *Key) Sign(t testing.TB, ref string) {
	t.Helper()
	k.SignWith(t, ref, SignOptions{})
}

// SignWithTlog signs ref like Sign and attaches a Rekor bundle from s's
// log, as `cosign sign --key` does when it uploads to Rekor.
func (k *Key) SignWithTlog(t testing.TB, ref string, s *Sigstore) {
	t.Helper()
	k.SignWith(t, ref, SignOptions{Tlog: s})
}

// SignWith attaches a signature of ref by k, varied by o.
func (k *Key) SignWith(t testing.TB, ref string, o SignOptions) {
	t.Helper()
	d, claimed := parseDigests(t, ref, o.Claimed)
	payload, b64sig := signPayload(t, claimed, k.Private)
	var opts []static.Option
	if o.Tlog != nil {
		if o.IntegratedTime.IsZero() {
			o.IntegratedTime = time.Now()
		}
		opts = append(opts, static.WithBundle(o.Tlog.rekorBundle(t, payload, b64sig, k.PublicPEM, o.IntegratedTime)))
	}
	attach(t, d, payload, b64sig, opts...)
}

// parseDigests parses ref, the image a signature is attached to, and the
// reference the signed payload names: claimed, or ref when it is empty.
func parseDigests(t testing.TB, ref, claimed string) (d, c name.Digest) {
	t.Helper()
	d, err := name.NewDigest(ref)
	if err != nil {
		t.Fatal(err)
	}
	if claimed == "" {
		return d, d
	}
	if c, err = name.NewDigest(claimed); err != nil {
		t.Fatal(err)
	}
	return d, c
}

// signPayload returns the simple-signing payload naming claimed, as cosign
// writes it, and its base64 ECDSA/SHA-256 signature by priv.
func signPayload(t testing.TB, claimed name.Digest, priv *ecdsa.PrivateKey) ([]byte, string) {
	t.Helper()
	payload, err := (&sigpayload.Cosign{Image: claimed}).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	signer, err := signature.LoadECDSASignerVerifier(priv, crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := signer.SignMessage(bytes.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	return payload, base64.StdEncoding.EncodeToString(raw)
}

// attach adds one signature layer (payload, signature and the annotations
// of opts) to ref's sha256-<hex>.sig manifest, next to any already there.
func attach(t testing.TB, ref name.Digest, payload []byte, b64sig string, opts ...static.Option) {
	t.Helper()
	sig, err := static.NewSignature(payload, b64sig, opts...)
	if err != nil {
		t.Fatal(err)
	}
	se, err := ociremote.SignedEntity(ref)
	if err != nil {
		t.Fatal(err)
	}
	if se, err = mutate.AttachSignatureToEntity(se, sig); err != nil {
		t.Fatal(err)
	}
	if err := ociremote.WriteSignatures(ref.Repository, se); err != nil {
		t.Fatal(err)
	}
}
