package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/xds/ir"
)

const pinnedImage = "registry.example.com/mcp/files@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"

// parseInTestdata parses src as if it were testdata/policy.yaml, so that
// key and trusted-root paths resolve to the files in testdata.
func parseInTestdata(src string) (*Result, error) {
	return Parse(filepath.Join("testdata", "policy.yaml"), []byte(src))
}

func TestSupplyChainValid(t *testing.T) {
	pem, err := os.ReadFile("testdata/cosign.pub")
	if err != nil {
		t.Fatal(err)
	}
	res, err := parseInTestdata(`version: 1
supplyChain:
  verify: {key: cosign.pub}
  concurrency: 2
  timeout: 1m
servers:
  - name: a
    upstream: h:1
    image: ` + pinnedImage + `
    tools: {}
  - name: b
    upstream: h:2
    image: ` + pinnedImage + `
    verify:
      keyless: {identityRegexp: '^https://github\.com/example/', issuer: https://token.actions.githubusercontent.com}
      trustedRoot: trusted_root.json
    tools: {}
  - name: c
    upstream: h:3
    image: ` + pinnedImage + `
    verify: {key: cosign.pub, trustedRoot: trusted_root.json, transparencyLog: required}
    tools: {}
  - name: dev
    upstream: h:4
    image: localhost/dev:latest
    unverifiedLocal: true
    tools: {}
`)
	if err != nil {
		t.Fatal(err)
	}
	p := res.Policy
	if p.SupplyChain != (ir.SupplyChain{Concurrency: 2, TimeoutMillis: 60000}) {
		t.Errorf("supplyChain = %+v", p.SupplyChain)
	}
	a, b, c, dev := p.Servers[0], p.Servers[1], p.Servers[2], p.Servers[3]
	if a.Image != pinnedImage || a.Verify == nil || string(a.Verify.PublicKeyPEM) != string(pem) || a.Verify.RequireTlog || a.Verify.Keyless != nil {
		t.Errorf("a inherits the key without the log: %+v", a.Verify)
	}
	if b.Verify == nil || b.Verify.Keyless == nil || *b.Verify.Keyless != (ir.Keyless{IdentityRegexp: `^https://github\.com/example/`, Issuer: "https://token.actions.githubusercontent.com"}) ||
		!b.Verify.RequireTlog || len(b.Verify.TrustedRootJSON) == 0 || b.Verify.PublicKeyPEM != nil {
		t.Errorf("b: keyless requires the log by default: %+v", b.Verify)
	}
	if c.Verify == nil || !c.Verify.RequireTlog || len(c.Verify.TrustedRootJSON) == 0 || len(c.Verify.PublicKeyPEM) == 0 {
		t.Errorf("c: key with the log: %+v", c.Verify)
	}
	if !dev.UnverifiedLocal || dev.Verify != nil || dev.Image != "localhost/dev:latest" {
		t.Errorf("dev: %+v", dev)
	}
	if a.Verify.Digest == "" || a.Verify.Digest == b.Verify.Digest || a.Verify.Digest == c.Verify.Digest {
		t.Errorf("verification digests must tell the configurations apart: %q %q %q", a.Verify.Digest, b.Verify.Digest, c.Verify.Digest)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", warningStrings(res.Warnings))
	}
}

// TestSupplyChainVersion checks that a changed key file changes the policy
// version, so the control plane re-verifies with the new key.
func TestSupplyChainVersion(t *testing.T) {
	dir := t.TempDir()
	src := "version: 1\nsupplyChain: {verify: {key: k.pub}}\nservers:\n  - {name: a, upstream: 'h:1', image: '" + pinnedImage + "', tools: {}}\n"
	key, _ := os.ReadFile("testdata/cosign.pub")
	write := func(b []byte) string {
		if err := os.WriteFile(filepath.Join(dir, "k.pub"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Parse(filepath.Join(dir, "policy.yaml"), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return res.Policy.Version
	}
	v1 := write(key)
	if v := write(key); v != v1 {
		t.Errorf("same key, version changed: %s -> %s", v1, v)
	}
	second := "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEkc+HjwLnYkY4w3YqHSKy6yAK23uNX/r1YCkpraOwd9ZM3Z5lytpFo6qU8KOJadTT4uPf2XSOTi0gVctFXBUV6w==\n-----END PUBLIC KEY-----\n"
	if v := write([]byte(second)); v == v1 {
		t.Error("a different key must change the policy version")
	}
}

func TestSupplyChainErrors(t *testing.T) {
	const srv = "servers:\n  - name: a\n    upstream: h:1\n    tools: {}\n"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"image missing", "version: 1\n" + srv, []string{
			`testdata/policy.yaml:3:5: servers[0].image: required field is missing: pin the server's image by digest (image: registry/repo@sha256:...) so its signature can be verified, or mark a development server "unverifiedLocal: true"`}},
		{"tag only", "version: 1\nsupplyChain: {verify: {key: cosign.pub}}\n" + srv + "    image: ghcr.io/example/files:1.2\n", []string{
			`testdata/policy.yaml:7:12: servers[0].image: image "ghcr.io/example/files:1.2" is pinned by tag only; a tag can be moved to other content, so pin it by digest: ghcr.io/example/files@sha256:<digest> (crane digest ghcr.io/example/files:1.2 prints it), or mark a development server "unverifiedLocal: true"`}},
		{"no tag and no digest", "version: 1\nsupplyChain: {verify: {key: cosign.pub}}\n" + srv + "    image: ghcr.io/example/files\n", []string{
			`testdata/policy.yaml:7:12: servers[0].image: image "ghcr.io/example/files" is pinned by tag only; a tag can be moved to other content, so pin it by digest: ghcr.io/example/files@sha256:<digest> (crane digest ghcr.io/example/files prints it), or mark a development server "unverifiedLocal: true"`}},
		{"bad reference", "version: 1\nsupplyChain: {verify: {key: cosign.pub}}\n" + srv + "    image: 'Ghcr.io/x@sha256:12'\n", []string{
			`testdata/policy.yaml:7:12: servers[0].image: "Ghcr.io/x@sha256:12" is not a valid image reference`}},
		{"no verification", "version: 1\n" + srv + "    image: " + pinnedImage + "\n", []string{
			`testdata/policy.yaml:6:5: servers[0].image: no signature verification is configured for this image: add supplyChain.verify (for every server) or verify (for this one) with a public key or a keyless identity`}},
		{"verify on an unverified server", "version: 1\n" + srv + "    unverifiedLocal: true\n    verify: {key: cosign.pub}\n", []string{
			`testdata/policy.yaml:7:5: servers[0].verify: a server marked unverifiedLocal is not verified; remove verify or unverifiedLocal`}},
		{"unverifiedLocal not a boolean", "version: 1\n" + srv + "    unverifiedLocal: yes\n", []string{
			`testdata/policy.yaml:6:22: servers[0].unverifiedLocal: must be true or false, got the string "yes"`,
			`testdata/policy.yaml:3:5: servers[0].image: required field is missing`}},
		{"key and keyless", "version: 1\nsupplyChain:\n  verify: {key: cosign.pub, keyless: {identity: a, issuer: b}, trustedRoot: trusted_root.json}\n" + srv + "    unverifiedLocal: true\n", []string{
			`testdata/policy.yaml:3:29: supplyChain.verify.keyless: give either key or keyless, not both`}},
		{"neither key nor keyless", "version: 1\nsupplyChain:\n  verify: {transparencyLog: skip}\n" + srv + "    unverifiedLocal: true\n", []string{
			`testdata/policy.yaml:3:11: supplyChain.verify: needs key (a cosign public key file) or keyless (certificate identity and issuer)`}},
		{"key file missing", "version: 1\nsupplyChain:\n  verify: {key: nope.pub}\n" + srv + "    unverifiedLocal: true\n", []string{
			`testdata/policy.yaml:3:17: supplyChain.verify.key: cannot read public key file testdata/nope.pub: no such file or directory`}},
		{"key file not a key", "version: 1\nsupplyChain:\n  verify: {key: valid.yaml}\n" + srv + "    unverifiedLocal: true\n", []string{
			`testdata/policy.yaml:3:17: supplyChain.verify.key: public key file testdata/valid.yaml holds no "PUBLIC KEY" PEM block (cosign generate-key-pair writes one to cosign.pub)`}},
		{"keyless incomplete", "version: 1\nsupplyChain:\n  verify:\n    keyless: {identity: a, identityRegexp: b}\n    trustedRoot: trusted_root.json\n" + srv + "    unverifiedLocal: true\n", []string{
			`testdata/policy.yaml:4:28: supplyChain.verify.keyless.identityRegexp: give either identity or identityRegexp, not both`,
			`testdata/policy.yaml:4:14: supplyChain.verify.keyless.issuer: required field is missing: the OIDC issuer, e.g. https://token.actions.githubusercontent.com (or issuerRegexp)`}},
		{"keyless bad regexp, empty identity", "version: 1\nsupplyChain:\n  verify:\n    keyless: {identity: '', issuerRegexp: '('}\n    trustedRoot: trusted_root.json\n" + srv + "    unverifiedLocal: true\n", []string{
			`testdata/policy.yaml:4:25: supplyChain.verify.keyless.identity: must not be empty`,
			`testdata/policy.yaml:4:43: supplyChain.verify.keyless.issuerRegexp: not a usable regular expression "("`}},
		{"keyless without a trusted root", "version: 1\nsupplyChain:\n  verify:\n    keyless: {identity: a, issuer: b}\n" + srv + "    unverifiedLocal: true\n", []string{
			`testdata/policy.yaml:4:5: supplyChain.verify.trustedRoot: required field is missing: keyless verification checks certificates against it (a Sigstore trusted_root.json)`}},
		{"log required without a trusted root", "version: 1\nsupplyChain:\n  verify: {key: cosign.pub, transparencyLog: required}\n" + srv + "    unverifiedLocal: true\n", []string{
			`testdata/policy.yaml:3:11: supplyChain.verify.trustedRoot: required field is missing: transparencyLog: required checks log proofs against its keys (a Sigstore trusted_root.json)`}},
		{"bad trusted root and log value", "version: 1\nsupplyChain:\n  verify: {key: cosign.pub, trustedRoot: cosign.pub, transparencyLog: always}\n" + srv + "    unverifiedLocal: true\n", []string{
			`testdata/policy.yaml:3:42: supplyChain.verify.trustedRoot: trusted root file testdata/cosign.pub is not a Sigstore trusted root`,
			`testdata/policy.yaml:3:71: supplyChain.verify.transparencyLog: must be "required" or "skip", got "always"`}},
		{"bounds", "version: 1\nsupplyChain: {concurrency: 0, timeout: 1h, plainHTTPLoopback: 1, verfy: {}}\n" + srv + "    unverifiedLocal: true\n", []string{
			`testdata/policy.yaml:2:28: supplyChain.concurrency: must be between 1 and 64`,
			`testdata/policy.yaml:2:40: supplyChain.timeout: must be between 1s and 10m, got 1h`,
			`testdata/policy.yaml:2:63: supplyChain.plainHTTPLoopback: must be true or false, got the integer 1`,
			`testdata/policy.yaml:2:66: supplyChain.verfy: unknown field "verfy" (did you mean "verify"?)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseInTestdata(tt.src)
			if err == nil {
				t.Fatal("accepted")
			}
			got := strings.Split(err.Error(), "\n")
			if len(got) != len(tt.want) {
				t.Fatalf("errors:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					found = found || strings.HasPrefix(g, w)
				}
				if !found {
					t.Errorf("missing error %q\n got %s", w, strings.Join(got, "\n     "))
				}
			}
		})
	}
}

func TestPlainHTTPLoopbackWarns(t *testing.T) {
	res, err := parseInTestdata("version: 1\nsupplyChain: {plainHTTPLoopback: true}\nservers: [{name: a, upstream: 'h:1', tools: {}, unverifiedLocal: true}]\n")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Policy.SupplyChain.PlainHTTPLoopback || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), "plain HTTP") {
		t.Errorf("got %+v, warnings %q", res.Policy.SupplyChain, warningStrings(res.Warnings))
	}
}
