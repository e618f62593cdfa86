package policy

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

func TestIngressSection(t *testing.T) {
	dir := t.TempDir()
	ca, err := devcert.NewCA("test CA")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cert, key, _ := ca.Leaf([]string{"mcp.example.com"}, 90*24*time.Hour)
	soonCert, soonKey, _ := ca.Leaf([]string{"mcp.example.com"}, 24*time.Hour)
	oldCert, oldKey, _ := ca.Leaf([]string{"mcp.example.com"}, -time.Second)
	write("tls.crt", cert)
	write("tls.key", key)
	write("soon.crt", soonCert)
	write("soon.key", soonKey)
	write("old.crt", oldCert)
	write("old.key", oldKey)
	servers := "servers: [{name: a, upstream: 'h:1', unverifiedLocal: true, tools: {allow: [x]}}]\n"
	parse := func(ingress string) (*Result, error) {
		f := filepath.Join(dir, "policy.yaml")
		y := "version: 1\n" + ingress + servers
		if err := os.WriteFile(f, []byte(y), 0o644); err != nil {
			t.Fatal(err)
		}
		return Load(f)
	}

	res, err := parse("ingress: {listen: 0.0.0.0:8443, tls: {certFile: tls.crt, keyFile: tls.key}}\n")
	if err != nil {
		t.Fatal(err)
	}
	in := res.Policy.Ingress
	if in == nil || in.Listen.Port != 8443 || string(in.TLS.KeyPEM) != string(key) || in.TLS.Digest == "" || len(res.Warnings) != 0 {
		t.Fatalf("ingress %+v, warnings %v", in, res.Warnings)
	}
	if len(res.Files) != 2 {
		t.Errorf("the watcher must know the certificate and key files: %v", res.Files)
	}

	res, err = parse("ingress: {tls: {certFile: soon.crt, keyFile: soon.key}}\n")
	if err != nil || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), "expires on") || res.Policy.Ingress.Listen.Port != 10443 {
		t.Fatalf("a certificate that expires soon: %v %v", err, res)
	}

	write("jwks.json", []byte(`{"keys":[{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","kid":"1"}]}`))
	res, err = parse("ingress:\n  publicURL: https://mcp.example.com/\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {jwt: {issuer: 'https://auth.example.com', jwksFile: jwks.json}}\n")
	if err != nil {
		t.Fatal(err)
	}
	in = res.Policy.Ingress
	if in.PublicURL != "https://mcp.example.com" || in.JWT == nil || in.JWT.GroupsClaim != "groups" || len(in.JWT.JWKS) == 0 || in.Secret == "" ||
		in.ResourceURI("a") != "https://mcp.example.com/servers/a/mcp" || len(res.Files) != 3 {
		t.Fatalf("auth: %+v %+v files %v", in, in.JWT, res.Files)
	}

	// Revocation lists travel with the policy; a repeat is said, an empty
	// entry refused.
	res, err = parse("ingress:\n  publicURL: https://mcp.example.com\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {jwt: {issuer: 'https://auth.example.com', jwksFile: jwks.json, revoked: {subjects: [carol, carol], tokenIDs: [tok-1]}}}\n")
	if err != nil || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), `ingress.auth.jwt.revoked.subjects[1]: "carol" is listed twice`) {
		t.Fatalf("revoked: %v %v", err, res)
	}
	if r := res.Policy.Ingress.JWT.Revoked; !reflect.DeepEqual(r, ir.Revoked{Subjects: []string{"carol", "carol"}, TokenIDs: []string{"tok-1"}}) {
		t.Fatalf("revoked: %+v", r)
	}
	if _, err := parse("ingress:\n  publicURL: https://mcp.example.com\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {jwt: {issuer: 'https://auth.example.com', jwksFile: jwks.json, revoked: {subject: [x], tokenIDs: ['']}}}\n"); err == nil ||
		!strings.Contains(err.Error(), `ingress.auth.jwt.revoked.subject: unknown field "subject" (did you mean "subjects"?)`) || !strings.Contains(err.Error(), "ingress.auth.jwt.revoked.tokenIDs[0]: must not be empty") {
		t.Fatalf("bad revoked: %v", err)
	}

	// Chosen claims.
	res, err = parse("ingress:\n  publicURL: https://mcp.example.com\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {jwt: {issuer: 'https://auth.example.com', jwksFile: jwks.json, claims: [tenant, org.id]}}\n")
	if err != nil || !reflect.DeepEqual(res.Policy.Ingress.JWT.Claims, []string{"tenant", "org.id"}) {
		t.Fatalf("claims: %v %+v", err, res)
	}
	if _, err := parse("ingress:\n  publicURL: https://mcp.example.com\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {jwt: {issuer: 'https://auth.example.com', jwksFile: jwks.json, claims: [sub, 'a b', 'x..y']}}\n"); err == nil ||
		!strings.Contains(err.Error(), `claims[0]: "sub" is already handled by the ingress`) || !strings.Contains(err.Error(), `claims[1]: "a b" is not a claim name`) || !strings.Contains(err.Error(), `claims[2]: "x..y" is not a claim name`) {
		t.Fatalf("bad claims: %v", err)
	}

	// Client certificates: the CA is read (and watched); a file without a
	// certificate, or no caFile, is refused.
	write("agents.crt", ca.CertPEM)
	write("notpem.crt", []byte("not a certificate"))
	res, err = parse("ingress:\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {clientCerts: {caFile: agents.crt}}\n")
	if err != nil {
		t.Fatal(err)
	}
	if cc := res.Policy.Ingress.ClientCerts; cc == nil || !cc.Required || len(cc.CAPEM) == 0 || cc.Digest == "" || !res.Policy.Ingress.Authenticated() || !slices.Contains(res.Files, filepath.Join(dir, "agents.crt")) {
		t.Fatalf("clientCerts: %+v, files %v", cc, res.Files)
	}
	res, err = parse("ingress:\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {clientCerts: {caFile: agents.crt, required: false}}\n")
	if err != nil || res.Policy.Ingress.ClientCerts.Required || res.Policy.Ingress.Authenticated() {
		t.Fatalf("optional clientCerts: %v %+v", err, res)
	}
	for input, want := range map[string]string{
		"{caFile: notpem.crt}": "holds no PEM certificate",
		"{required: true}":     "ingress.auth.clientCerts.caFile: required field is missing",
		"{caFile: nope.crt}":   "cannot read",
	} {
		if _, err := parse("ingress:\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {clientCerts: " + input + "}\n"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("clientCerts %s: %v, want %q", input, err, want)
		}
	}

	// The mesh CA: its expiry is known to the control plane (a metric and
	// an alert watch it); one that expired is refused, one that expires
	// soon is warned about.
	for name, validFor := range map[string]time.Duration{"ca": 2 * 365 * 24 * time.Hour, "soonca": 24 * time.Hour, "oldca": -time.Second} {
		c, err := devcert.NewCAFor("mesh CA "+name, validFor)
		if err != nil {
			t.Fatal(err)
		}
		write(name+".crt", c.CertPEM)
		write(name+".key", c.KeyPEM())
	}
	mtls := func(ca string) string {
		return "ingress:\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  mtls: {caCertFile: " + ca + ".crt, caKeyFile: " + ca + ".key}\n"
	}
	res, err = parse(mtls("ca"))
	if err != nil || len(res.Warnings) != 0 {
		t.Fatalf("mesh CA: %v %v", err, res)
	}
	if m := res.Policy.Ingress.MTLS; m == nil || time.Until(m.NotAfter) < 729*24*time.Hour || time.Until(m.NotAfter) > 731*24*time.Hour {
		t.Fatalf("mesh CA expiry not read: %+v", m)
	}
	res, err = parse(mtls("soonca"))
	if err != nil || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), "ingress.mtls.caCertFile: CA certificate") || !strings.Contains(res.Warnings[0].Error(), "mesh certificates cannot outlive it") {
		t.Fatalf("a mesh CA that expires soon: %v %v", err, res)
	}
	if _, err := parse(mtls("oldca")); err == nil || !strings.Contains(err.Error(), "ingress.mtls.caCertFile: CA certificate "+filepath.Join(dir, "oldca.crt")+" expired on") {
		t.Fatalf("an expired mesh CA: %v", err)
	}

	write("private.json", []byte(`{"keys":[{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","d":"870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE","kid":"1"}]}`))
	write("empty.json", []byte(`{"keys":[]}`))

	for name, c := range map[string]struct{ ingress, want string }{
		"jwt without publicURL": {"ingress:\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {jwt: {issuer: 'https://a.example.com', jwksFile: jwks.json}}\n", "ingress.publicURL: required with auth.jwt"},
		"http issuer":           {"ingress:\n  publicURL: https://m.example.com\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {jwt: {issuer: 'http://a.example.com', jwksFile: jwks.json}}\n", "must be the issuer's https URL"},
		"private jwks":          {"ingress:\n  publicURL: https://m.example.com\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {jwt: {issuer: 'https://a.example.com', jwksFile: private.json}}\n", "is private; publish only public keys"},
		"empty jwks":            {"ingress:\n  publicURL: https://m.example.com\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {jwt: {issuer: 'https://a.example.com', jwksFile: empty.json}}\n", "holds no keys"},
		"publicURL with a path": {"ingress:\n  publicURL: https://m.example.com/mcp\n  tls: {certFile: tls.crt, keyFile: tls.key}\n", "must be an https URL with no path"},
		"no tls":                {"ingress: {listen: 0.0.0.0:8443}\n", "ingress.tls: required: agents reach the ingress over HTTPS only"},
		"expired":               {"ingress: {tls: {certFile: old.crt, keyFile: old.key}}\n", "ingress.tls.certFile: certificate " + filepath.Join(dir, "old.crt") + " expired on"},
		"not a pair":            {"ingress: {tls: {certFile: tls.crt, keyFile: old.key}}\n", "are not a usable pair"},
		"missing":               {"ingress: {tls: {certFile: nope.crt, keyFile: tls.key}}\n", "cannot read certificate file"},
		"no key":                {"ingress: {tls: {certFile: tls.crt}}\n", "ingress.tls.keyFile: required field is missing"},
		"clash":                 {"ingress: {listen: 0.0.0.0:10000, tls: {certFile: tls.crt, keyFile: tls.key}}\n", `the ingress and server "a" both listen on 0.0.0.0:10000`},
	} {
		if _, err := parse(c.ingress); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", name, err, c.want)
		}
	}
}

// tokenExchange: read with its fields, refused without a verifying ingress
// and with bad fields.
func TestTokenExchangeSection(t *testing.T) {
	dir := t.TempDir()
	ca, err := devcert.NewCA("test CA")
	if err != nil {
		t.Fatal(err)
	}
	if err := ca.WriteLeaf(filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key"), []string{"localhost"}, 90*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "jwks.json"), []byte(`{"keys":[{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","kid":"1"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	const ingress = "ingress:\n  publicURL: https://mcp.example.com\n  tls: {certFile: tls.crt, keyFile: tls.key}\n  auth: {jwt: {issuer: 'https://auth.example.com', jwksFile: jwks.json}}\n"
	parse := func(top, exchange string) (*Result, error) {
		y := "version: 1\n" + top + "servers:\n  - name: a\n    upstream: 127.0.0.1:9000\n    unverifiedLocal: true\n    tools: {allow: ['*']}\n    tokenExchange: " + exchange + "\n"
		return Parse(filepath.Join(dir, "policy.yaml"), []byte(y))
	}
	res, err := parse(ingress, "{tokenURL: 'https://auth.example.com/token', clientID: mcp-a, clientSecretFile: /run/secrets/sts, audience: 'https://api.example.com', scopes: [read]}")
	if err != nil {
		t.Fatal(err)
	}
	want := &ir.TokenExchange{TokenURL: "https://auth.example.com/token", ClientID: "mcp-a", ClientSecretFile: "/run/secrets/sts", Audience: "https://api.example.com", Scopes: []string{"read"}}
	if got := res.Policy.Servers[0].TokenExchange; !reflect.DeepEqual(got, want) {
		t.Fatalf("tokenExchange: %+v", got)
	}
	for name, c := range map[string]struct{ top, exchange, want string }{
		"no ingress":   {"", "{tokenURL: 'https://a.example.com/t', clientID: c, clientSecretFile: /s, audience: x}", "servers[0].tokenExchange: needs ingress.auth.jwt"},
		"http":         {ingress, "{tokenURL: 'http://a.example.com/t', clientID: c, clientSecretFile: /s, audience: x}", "tokenExchange.tokenURL: must be an https URL (http only on loopback)"},
		"relative":     {ingress, "{tokenURL: 'https://a.example.com/t', clientID: c, clientSecretFile: s, audience: x}", `tokenExchange.clientSecretFile: "s" must be an absolute path`},
		"no audience":  {ingress, "{tokenURL: 'https://a.example.com/t', clientID: c, clientSecretFile: /s}", "tokenExchange.audience: required field is missing"},
		"misspelt":     {ingress, "{tokenUrl: 'https://a.example.com/t', clientID: c, clientSecretFile: /s, audience: x}", `tokenExchange.tokenUrl: unknown field "tokenUrl" (did you mean "tokenURL"?)`},
		"spaced scope": {ingress, "{tokenURL: 'https://a.example.com/t', clientID: c, clientSecretFile: /s, audience: x, scopes: ['a b']}", `tokenExchange.scopes[0]: "a b" is not a scope`},
	} {
		if _, err := parse(c.top, c.exchange); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", name, err, c.want)
		}
	}
}
