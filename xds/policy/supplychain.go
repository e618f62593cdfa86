package policy

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/sigstore/sigstore-go/pkg/root"

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
func (l *loader) supplyChain(e *entry) (ir.SupplyChain, *ir.Verification) {
	// Zero values mean the defaults, applied where verification runs.
	var sc ir.SupplyChain
	if absent(e) {
		return sc, nil
	}
	fs := l.fields(e, "a mapping with verify, concurrency, timeout and plainHTTPLoopback", "verify", "concurrency", "timeout", "plainHTTPLoopback")
	if fs == nil {
		return sc, nil
	}
	if f := fs["concurrency"]; f != nil {
		if v, ok := l.bounded(f, "a whole number", 1, MaxVerifyConcurrency, "%d and %d", ""); ok {
			sc.Concurrency = v
		}
	}
	if f := fs["timeout"]; f != nil {
		if d, ok := l.duration(f, `"30s"`, MinVerifyTimeout, MaxVerifyTimeout, "1s and 10m"); ok {
			sc.TimeoutMillis = uint32(d / time.Millisecond)
		}
	}
	if f := fs["plainHTTPLoopback"]; f != nil {
		if v, ok := l.boolean(f); ok {
			sc.PlainHTTPLoopback = v
			if v {
				l.warnf(f.pos(), f.path, "registries on loopback addresses are read over plain HTTP: for local development and tests only")
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
func (l *loader) image(s *ir.Server, at pos, path string, image, verify, local *entry, def *ir.Verification) {
	if local != nil {
		if v, ok := l.boolean(local); ok {
			s.UnverifiedLocal = v
		}
	}
	if verify != nil {
		if s.UnverifiedLocal {
			l.errorf(verify.keyPos, verify.path, "a server marked unverifiedLocal is not verified; remove verify or unverifiedLocal")
		} else {
			s.Verify = l.verification(verify)
		}
	}
	imageOK := false
	if image != nil {
		if ref, ok := l.str(image, "an image reference such as registry.example.com/team/server@sha256:..."); ok {
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
		l.errorf(at, joinPath(path, "image"), `required field is missing: pin the server's image by digest (image: registry/repo@sha256:...) so its signature can be verified, or mark a development server "unverifiedLocal: true"`)
	case s.Verify == nil && verify == nil:
		if def == nil && imageOK {
			l.errorf(image.keyPos, image.path, `no signature verification is configured for this image: add supplyChain.verify (for every server) or verify (for this one) with a public key or a keyless identity`)
		}
		s.Verify = def
	}
}

// pinned reports a reference that is not pinned by digest.
func (l *loader) pinned(e *entry, ref string) bool {
	r, err := name.ParseReference(ref)
	if err != nil {
		l.errorf(e.pos(), e.path, "%q is not a valid image reference: %v", ref, err)
		return false
	}
	if _, ok := r.(name.Digest); !ok {
		l.errorf(e.pos(), e.path, "image %q is pinned by tag only; a tag can be moved to other content, so pin it by digest: %s@sha256:<digest> (crane digest %s prints it), or mark a development server \"unverifiedLocal: true\"", ref, r.Context().Name(), ref)
		return false
	}
	return true
}

// verification reads a verify mapping.
func (l *loader) verification(e *entry) *ir.Verification {
	fs := l.fields(e, "a mapping with key, keyless, trustedRoot and transparencyLog", "key", "keyless", "trustedRoot", "transparencyLog")
	if fs == nil {
		return nil
	}
	v := &ir.Verification{}
	ok := true
	switch f, given := l.oneOf(fs, "key", "keyless", e.pos(), e.path, "needs key (a cosign public key file) or keyless (certificate identity and issuer)"); {
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
		if c, okc := l.choice(f, []string{TlogRequired, TlogSkip}, nil); okc {
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
		l.errorf(e.pos(), joinPath(e.path, "trustedRoot"), "required field is missing: %s (a Sigstore trusted_root.json)", why)
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

func (l *loader) keyless(e *entry) *ir.Keyless {
	fs := l.fields(e, "a mapping with identity or identityRegexp, and issuer or issuerRegexp", "identity", "identityRegexp", "issuer", "issuerRegexp")
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
func (l *loader) matcher(parent *entry, fs map[string]*entry, field string, exact, re *string, what string) bool {
	f, given := l.oneOf(fs, field, field+"Regexp", parent.pos(), joinPath(parent.path, field),
		fmt.Sprintf("required field is missing: %s (or %sRegexp)", what, field))
	switch {
	case !given:
		return false
	case f == fs[field]:
		s, ok := l.str(f, "a string")
		if ok && s == "" {
			l.errorf(f.pos(), f.path, "must not be empty")
			ok = false
		}
		*exact = s
		return ok
	}
	s, ok := l.str(f, "a regular expression (a string)")
	if !ok {
		return false
	}
	if _, err := regexp.Compile(s); err != nil || s == "" {
		l.errorf(f.pos(), f.path, "not a usable regular expression %q: %v", s, err)
		return false
	}
	*re = s
	return true
}

// oneOf returns the one of fields a and b that is given. Both is an error at
// b; neither is the error missing at (at, path).
func (l *loader) oneOf(fs map[string]*entry, a, b string, at pos, path, missing string) (*entry, bool) {
	ea, eb := fs[a], fs[b]
	switch {
	case ea != nil && eb != nil:
		l.errorf(eb.keyPos, eb.path, "give either %s or %s, not both", a, b)
		return nil, false
	case ea == nil && eb == nil:
		l.errorf(at, path, "%s", missing)
		return nil, false
	case ea != nil:
		return ea, true
	}
	return eb, true
}

// publicKey reads a PEM public key file (cosign.pub).
func (l *loader) publicKey(e *entry) (string, []byte) {
	file, data := l.readFile(e, "public key", maxKeyFileBytes, nil)
	if data == nil {
		return "", nil
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "PUBLIC KEY" {
		l.errorf(e.pos(), e.path, `public key file %s holds no "PUBLIC KEY" PEM block (cosign generate-key-pair writes one to cosign.pub)`, file)
		return "", nil
	}
	if _, err := x509.ParsePKIXPublicKey(block.Bytes); err != nil {
		l.errorf(e.pos(), e.path, "public key file %s: %v", file, err)
		return "", nil
	}
	return file, data
}

// trustedRoot reads a Sigstore trusted root file and checks it parses.
func (l *loader) trustedRoot(e *entry) (string, []byte) {
	file, data := l.readFile(e, "trusted root", maxKeyFileBytes, nil)
	if data == nil {
		return "", nil
	}
	if _, err := root.NewTrustedRootFromJSON(data); err != nil {
		l.errorf(e.pos(), e.path, "trusted root file %s is not a Sigstore trusted root: %v", file, err)
		return "", nil
	}
	return file, data
}

// readFile reads the file named by e, relative to the policy file, of at
// most limit bytes. hint, if set, adds to the message of a missing file.
func (l *loader) readFile(e *entry, what string, limit int, hint func(file string) string) (string, []byte) {
	p, ok := l.str(e, "the path of a "+what+" file (a string)")
	if !ok {
		return "", nil
	}
	if problem := nameProblem(what+" file path", p); problem != "" {
		l.errorf(e.pos(), e.path, "%s", problem)
		return "", nil
	}
	file := p
	if !filepath.IsAbs(file) {
		file = filepath.Join(l.dir, file)
	}
	data, err := readLimited(file, limit)
	if err != nil {
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		if hint != nil && errors.Is(err, fs.ErrNotExist) {
			msg += hint(file)
		}
		l.errs = append(l.errs, &Error{File: l.file, Line: e.pos().line, Column: e.pos().col, Field: e.path,
			Msg: fmt.Sprintf("cannot read %s file %s: %s", what, file, msg), err: err})
		return "", nil
	}
	return file, data
}
