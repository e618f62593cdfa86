package policy

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"regexp"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/sigstore/sigstore-go/pkg/root"

	"github.com/mcpmesh/mcpmesh/interceptors/section"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// The "supplyChain" section and the image fields of a server: which image
// each server runs and how its signature is verified before it is routed.

// Bounds of the supplyChain section (defaults are in package ir).
const (
	MaxVerifyConcurrency = 64
	MinVerifyTimeout     = time.Second
	MaxVerifyTimeout     = 10 * time.Minute
	// maxKeyFileBytes bounds a public key or trusted root file.
	maxKeyFileBytes = 1 << 20
)

// Values of verify.transparencyLog.
const (
	TlogRequired = "required"
	TlogSkip     = "skip"
)

// supplyChain reads the top-level section; the returned verification is the
// default of every server that names an image.
func (l *loader) supplyChain(e *section.Entry) (ir.SupplyChain, *ir.Verification) {
	// Zero values mean the defaults, applied where verification runs.
	var sc ir.SupplyChain
	if section.Absent(e) {
		return sc, nil
	}
	fs := l.Fields(e, "a mapping with verify, concurrency, timeout and plainHTTPLoopback", "verify", "concurrency", "timeout", "plainHTTPLoopback")
	if fs == nil {
		return sc, nil
	}
	if f := fs["concurrency"]; f != nil {
		if v, ok := l.Bounded(f, "a whole number", 1, MaxVerifyConcurrency, "%d and %d", ""); ok {
			sc.Concurrency = v
		}
	}
	if f := fs["timeout"]; f != nil {
		if d, ok := l.Duration(f, `"30s"`, MinVerifyTimeout, MaxVerifyTimeout, "1s and 10m"); ok {
			sc.TimeoutMillis = uint32(d / time.Millisecond)
		}
	}
	if f := fs["plainHTTPLoopback"]; f != nil {
		if v, ok := l.Boolean(f); ok {
			sc.PlainHTTPLoopback = v
			if v {
				l.Warnf(f.Pos(), f.Path, "registries on loopback addresses are read over plain HTTP: for local development and tests only")
			}
		}
	}
	var def *ir.Verification
	if f := fs["verify"]; f != nil {
		def = l.verification(f)
	}
	return sc, def
}

// image reads a server's image, verify and unverifiedLocal fields.
func (l *loader) image(s *ir.Server, at section.Pos, path string, image, verify, local *section.Entry, def *ir.Verification) {
	if local != nil {
		if v, ok := l.Boolean(local); ok {
			s.UnverifiedLocal = v
		}
	}
	if verify != nil {
		if s.UnverifiedLocal {
			l.Errorf(verify.KeyPos, verify.Path, "a server marked unverifiedLocal is not verified; remove verify or unverifiedLocal")
		} else {
			s.Verify = l.verification(verify)
		}
	}
	imageOK := false
	if image != nil {
		if ref, ok := l.Str(image, "an image reference such as registry.example.com/team/server@sha256:..."); ok {
			s.Image = ref
			imageOK = s.UnverifiedLocal || l.pinned(image, ref)
		}
	}
	switch {
	case s.UnverifiedLocal:
		// Explicit opt-out; the control plane reports it on every publish,
		// in metrics and in every audit record.
	case image == nil && l.imageOptional:
	case image == nil:
		l.Errorf(at, section.JoinPath(path, "image"), `required field is missing: pin the server's image by digest (image: registry/repo@sha256:...) so its signature can be verified, or mark a development server "unverifiedLocal: true"`)
	case s.Verify == nil && verify == nil:
		if def == nil && imageOK {
			l.Errorf(image.KeyPos, image.Path, `no signature verification is configured for this image: add supplyChain.verify (for every server) or verify (for this one) with a public key or a keyless identity`)
		}
		s.Verify = def
	}
}

// pinned reports a reference that is not pinned by digest.
func (l *loader) pinned(e *section.Entry, ref string) bool {
	r, err := name.ParseReference(ref)
	if err != nil {
		l.Errorf(e.Pos(), e.Path, "%q is not a valid image reference: %v", ref, err)
		return false
	}
	if _, ok := r.(name.Digest); !ok {
		l.Errorf(e.Pos(), e.Path, "image %q is pinned by tag only; a tag can be moved to other content, so pin it by digest: %s@sha256:<digest> (crane digest %s prints it), or mark a development server \"unverifiedLocal: true\"", ref, r.Context().Name(), ref)
		return false
	}
	return true
}

// verification reads a verify mapping.
func (l *loader) verification(e *section.Entry) *ir.Verification {
	fs := l.Fields(e, "a mapping with key, keyless, trustedRoot and transparencyLog", "key", "keyless", "trustedRoot", "transparencyLog")
	if fs == nil {
		return nil
	}
	v := &ir.Verification{}
	ok := true
	switch f, given := l.oneOf(fs, "key", "keyless", e.Pos(), e.Path, "needs key (a cosign public key file) or keyless (certificate identity and issuer)"); {
	case !given:
		ok = false
	case f == fs["key"]:
		v.KeyFile, v.PublicKeyPEM = l.publicKey(f)
		ok = v.PublicKeyPEM != nil
	default:
		v.Keyless = l.keyless(f)
		ok = v.Keyless != nil
	}
	tlog := TlogSkip
	if v.Keyless != nil {
		// Fulcio certificates live minutes; only a log entry proves the
		// signature was made while the certificate was valid.
		tlog = TlogRequired
	}
	if f := fs["transparencyLog"]; f != nil {
		if c, okc := l.Choice(f, []string{TlogRequired, TlogSkip}, nil); okc {
			tlog = c
		} else {
			ok = false
		}
	}
	v.RequireTlog = tlog == TlogRequired
	if f := fs["trustedRoot"]; f != nil {
		v.TrustedRootFile, v.TrustedRootJSON = l.trustedRoot(f)
		ok = ok && v.TrustedRootJSON != nil
	} else if v.Keyless != nil || v.RequireTlog {
		why := "keyless verification checks certificates against it"
		if v.Keyless == nil {
			why = "transparencyLog: required checks log proofs against its keys"
		}
		l.Errorf(e.Pos(), section.JoinPath(e.Path, "trustedRoot"), "required field is missing: %s (a Sigstore trusted_root.json)", why)
		ok = false
	}
	if !ok {
		return nil
	}
	// JSON, not fmt.Sprint: two identities must never print alike.
	settings, _ := json.Marshal(struct {
		Keyless     *ir.Keyless
		RequireTlog bool
	}{v.Keyless, v.RequireTlog})
	h := sha256.New()
	for _, part := range [][]byte{v.PublicKeyPEM, v.TrustedRootJSON, settings} {
		fmt.Fprintf(h, "%d:", len(part))
		h.Write(part)
	}
	v.Digest = hex.EncodeToString(h.Sum(nil))[:12]
	return v
}

func (l *loader) keyless(e *section.Entry) *ir.Keyless {
	fs := l.Fields(e, "a mapping with identity or identityRegexp, and issuer or issuerRegexp", "identity", "identityRegexp", "issuer", "issuerRegexp")
	if fs == nil {
		return nil
	}
	k := &ir.Keyless{}
	ok := l.matcher(e, fs, "identity", &k.Identity, &k.IdentityRegexp, "the signer's certificate identity, e.g. a workflow URL or an e-mail address")
	ok = l.matcher(e, fs, "issuer", &k.Issuer, &k.IssuerRegexp, "the OIDC issuer, e.g. https://token.actions.githubusercontent.com") && ok
	if !ok {
		return nil
	}
	return k
}

// matcher reads one of field and fieldRegexp into exact or re.
func (l *loader) matcher(parent *section.Entry, fs map[string]*section.Entry, field string, exact, re *string, what string) bool {
	f, given := l.oneOf(fs, field, field+"Regexp", parent.Pos(), section.JoinPath(parent.Path, field),
		fmt.Sprintf("required field is missing: %s (or %sRegexp)", what, field))
	switch {
	case !given:
		return false
	case f == fs[field]:
		s, ok := l.Str(f, "a string")
		if ok && s == "" {
			l.Errorf(f.Pos(), f.Path, "must not be empty")
			ok = false
		}
		*exact = s
		return ok
	}
	s, ok := l.Str(f, "a regular expression (a string)")
	if !ok {
		return false
	}
	if _, err := regexp.Compile(s); err != nil || s == "" {
		l.Errorf(f.Pos(), f.Path, "not a usable regular expression %q: %v", s, err)
		return false
	}
	*re = s
	return true
}

// oneOf returns the one of fields a and b that is given. Both is an error at
// b; neither is the error missing at (at, path).
func (l *loader) oneOf(fs map[string]*section.Entry, a, b string, at section.Pos, path, missing string) (*section.Entry, bool) {
	ea, eb := fs[a], fs[b]
	switch {
	case ea != nil && eb != nil:
		l.Errorf(eb.KeyPos, eb.Path, "give either %s or %s, not both", a, b)
		return nil, false
	case ea == nil && eb == nil:
		l.Errorf(at, path, "%s", missing)
		return nil, false
	case ea != nil:
		return ea, true
	}
	return eb, true
}

// publicKey reads a PEM public key file (cosign.pub).
func (l *loader) publicKey(e *section.Entry) (string, []byte) {
	file, data := l.ReadFile(e, "public key", maxKeyFileBytes, nil)
	if data == nil {
		return "", nil
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "PUBLIC KEY" {
		l.Errorf(e.Pos(), e.Path, `public key file %s holds no "PUBLIC KEY" PEM block (cosign generate-key-pair writes one to cosign.pub)`, file)
		return "", nil
	}
	if _, err := x509.ParsePKIXPublicKey(block.Bytes); err != nil {
		l.Errorf(e.Pos(), e.Path, "public key file %s: %v", file, err)
		return "", nil
	}
	return file, data
}

// trustedRoot reads a Sigstore trusted root file and checks it parses.
func (l *loader) trustedRoot(e *section.Entry) (string, []byte) {
	file, data := l.ReadFile(e, "trusted root", maxKeyFileBytes, nil)
	if data == nil {
		return "", nil
	}
	if _, err := root.NewTrustedRootFromJSON(data); err != nil {
		l.Errorf(e.Pos(), e.Path, "trusted root file %s is not a Sigstore trusted root: %v", file, err)
		return "", nil
	}
	return file, data
}
