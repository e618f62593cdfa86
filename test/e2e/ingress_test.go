package e2e

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/modelcontextprotocol/go-sdk/oauthex"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

// ingressMesh starts a mesh whose ingress serves HTTPS with a certificate
// of a test CA, written to files the policy names.
func ingressMesh(t *testing.T) (m *mesh, ca *devcert.CA, base, certFile, keyFile string) {
	t.Helper()
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	ca, _, certFile, keyFile = edgeCert(t)
	m, ports := startMeshPorts(t, 1, func(listen string, ports []int) string {
		return fmt.Sprintf("ingress:\n  listen: 127.0.0.1:%d\n  tls: {certFile: %s, keyFile: %s}\n", ports[0], certFile, keyFile) +
			policyYAML(upstream, listen, demoTools)
	})
	if m.Ingress == nil {
		t.Fatal("the mesh started no ingress")
	}
	showLogOnFailure(t, "ingress", m.Ingress)
	return m, ca, fmt.Sprintf("https://127.0.0.1:%d", ports[0]), certFile, keyFile
}

func httpsClient(ca *devcert.CA, mutate func(*tls.Config)) *http.Client {
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	cfg := &tls.Config{RootCAs: pool}
	if mutate != nil {
		mutate(cfg)
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg, ForceAttemptHTTP2: true}, Timeout: 10 * time.Second}
}

// Agents reach each server over HTTPS at /servers/<name>/mcp, through its
// sidecar (so the policy applies); TLS below 1.2, plain HTTP and other paths
// get nothing; a rotated certificate is served to new connections without a
// restart while sessions already open go on.
func TestIngressTLS(t *testing.T) {
	m, ca, base, certFile, keyFile := ingressMesh(t)
	url := base + "/servers/demo/mcp"
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := mcp.NewClient(&mcp.Implementation{Name: "mcpmesh-e2e", Version: "1.0.0"}, nil)
	cs, err := c.Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, HTTPClient: httpsClient(ca, nil), MaxRetries: -1}, nil)
	if err != nil {
		t.Fatalf("connect over HTTPS: %v", err)
	}
	defer cs.Close()
	if r, err := callTool(cs, "echo", map[string]any{"text": "through the ingress"}); err != nil || textOf(r) != "through the ingress" {
		t.Fatalf("echo through the ingress: %v %v", r, err)
	}
	var names []string
	for tool, err := range cs.Tools(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, tool.Name)
	}
	if slices.Contains(names, "run_shell") || !slices.Contains(names, "echo") {
		t.Fatalf("tools through the ingress: %v (the sidecar's allowlist must apply)", names)
	}
	if !strings.Contains(m.audit.String(), `"tool":"echo"`) {
		t.Fatal("the call through the ingress left no audit record in the sidecar's ext_proc")
	}

	// Old TLS and plain HTTP are refused; unknown paths get 404.
	old := httpsClient(ca, func(c *tls.Config) { c.MaxVersion = tls.VersionTLS11; c.MinVersion = tls.VersionTLS10 })
	if resp, err := old.Get(url); err == nil {
		resp.Body.Close()
		t.Fatal("a TLS 1.1 client was served")
	}
	if resp, err := http.Get(strings.Replace(base, "https://", "http://", 1) + "/servers/demo/mcp"); err == nil {
		resp.Body.Close()
		if resp.StatusCode < 400 {
			t.Fatalf("plain HTTP to the ingress got %d", resp.StatusCode)
		}
	}
	resp, err := httpsClient(ca, nil).Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Fatalf("GET /metrics on the ingress: %d %s", resp.StatusCode, body)
	}

	// Oversized headers, too many of them, and underscores in names are
	// refused at the edge (HTTP/1.1 here, for a status to read; HTTP/2
	// gets its stream reset).
	h1 := httpsClient(ca, nil)
	h1.Transport.(*http.Transport).ForceAttemptHTTP2 = false
	h1.Transport.(*http.Transport).TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}
	for name, tc := range map[string]struct {
		h    http.Header
		want int
	}{
		"small headers":    {http.Header{"X-Small": {"a"}}, 200},
		"40 KB of headers": {http.Header{"X-Big": {strings.Repeat("a", 40<<10)}}, 431}, // the default: 60 KB
		"70 headers": {func() http.Header {
			h := http.Header{}
			for i := range 70 { // Envoy's default would allow 100
				h.Set(fmt.Sprintf("X-H%d", i), "v")
			}
			return h
		}(), 431},
		"underscore": {http.Header{"X_Mcpmesh_Subject": {"mallory"}}, 400},
	} {
		req, _ := http.NewRequest("POST", url, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
		req.Header = tc.h
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		resp, err := h1.Do(req)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s: %d, want %d", name, resp.StatusCode, tc.want)
		}
	}

	// Rotation: new files, the same listener; new handshakes see the new
	// certificate, the open session goes on.
	before := peerSerial(t, ca, base)
	if err := ca.WriteLeaf(certFile, keyFile, []string{"127.0.0.1", "localhost"}, 91*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for peerSerial(t, ca, base) == before {
		if time.Now().After(deadline) {
			t.Fatal("the rotated certificate was not served within 15s")
		}
		time.Sleep(200 * time.Millisecond)
	}
	if r, err := callTool(cs, "echo", map[string]any{"text": "after rotation"}); err != nil || textOf(r) != "after rotation" {
		t.Fatalf("the session opened before the rotation: %v %v", r, err)
	}
}

// peerSerial is the serial number of the certificate a new TLS connection sees.
func peerSerial(t *testing.T, ca *devcert.CA, base string) string {
	t.Helper()
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	conn, err := tls.Dial("tcp", strings.TrimPrefix(base, "https://"), &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"})
	if err != nil {
		t.Fatalf("TLS handshake with the ingress: %v", err)
	}
	defer conn.Close()
	return conn.ConnectionState().PeerCertificates[0].SerialNumber.String()
}

// issuer signs test tokens; its public key set is what the ingress trusts.
type issuer struct {
	url    string
	key    *rsa.PrivateKey
	signer jose.Signer
}

func newIssuer(t *testing.T, url string) *issuer {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: key, KeyID: "k1"}}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		t.Fatal(err)
	}
	return &issuer{url: url, key: key, signer: s}
}

func (is *issuer) jwks(t *testing.T) []byte {
	t.Helper()
	b, err := json.Marshal(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &is.key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (is *issuer) token(t *testing.T, claims map[string]any) string {
	t.Helper()
	c := map[string]any{"iss": is.url, "sub": "alice", "iat": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix()}
	maps.Copy(c, claims)
	tok, err := jwt.Signed(is.signer).Claims(c).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// bearer sends every request with a token.
type bearer struct {
	token string
	next  http.RoundTripper
}

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return b.next.RoundTrip(r)
}

// Tokens: a request without one, or with one that is expired, of another
// issuer, for another server (audience) or signed by another key, gets 401
// and the challenge that leads an MCP client to the server's metadata; a
// good one is verified at the ingress and never reaches the server.
func TestIngressJWT(t *testing.T) {
	// The MCP server, with a record of the headers it receives.
	var seen []string
	var mu sync.Mutex
	upstream := recordingDemo(t, func(r *http.Request) {
		mu.Lock()
		for name := range r.Header {
			if n := strings.ToLower(name); n == "authorization" || strings.HasPrefix(n, "x-mcpmesh-") {
				seen = append(seen, n+": "+r.Header.Get(name))
			}
		}
		mu.Unlock()
	})
	m, ca, iss, base := tokenIngressMeshFor(t, upstream, demoTools, "")
	url := base + "/servers/demo/mcp"
	resource := url
	client := httpsClient(ca, nil)
	good := iss.token(t, map[string]any{"aud": resource, "groups": []string{"eng", "oncall"}})

	// Refused tokens, each with the challenge.
	other := newIssuer(t, iss.url)
	for name, tok := range map[string]string{
		"missing":         "",
		"expired":         iss.token(t, map[string]any{"aud": resource, "exp": time.Now().Add(-time.Hour).Unix()}),
		"wrong issuer":    newIssuer(t, "https://evil.example.com").token(t, map[string]any{"aud": resource}),
		"wrong audience":  iss.token(t, map[string]any{"aud": base + "/servers/other/mcp"}),
		"wrong signature": other.token(t, map[string]any{"aud": resource}),
		"not a token":     "abc.def.ghi",
	} {
		req, _ := http.NewRequest("POST", url, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		if tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 401 || !strings.Contains(string(body), `"code":-32001`) {
			t.Errorf("%s: %d %s, want 401 with a JSON-RPC error", name, resp.StatusCode, body)
			continue
		}
		// The SDK's own reader of the challenge and of the metadata.
		ch, err := oauthex.ParseWWWAuthenticate(resp.Header.Values("WWW-Authenticate"))
		if err != nil || len(ch) != 1 || ch[0].Scheme != "bearer" || ch[0].Params["resource_metadata"] != base+"/.well-known/oauth-protected-resource/servers/demo/mcp" {
			t.Errorf("%s: challenge %q: %+v %v", name, resp.Header.Values("WWW-Authenticate"), ch, err)
			continue
		}
		prm, err := oauthex.GetProtectedResourceMetadata(context.Background(), ch[0].Params["resource_metadata"], resource, client)
		if err != nil || len(prm.AuthorizationServers) != 1 || prm.AuthorizationServers[0] != iss.url {
			t.Errorf("%s: metadata %+v %v", name, prm, err)
		}
	}

	// A good token: the session works, the policy applies, the audit
	// record names the verified identity (not the one a client forged), and
	// neither the token nor the identity headers reach the server.
	forged := &http.Client{Transport: bearer{good, headerSetter{"X-Mcpmesh-Subject", "mallory", client.Transport}}}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := mcp.NewClient(&mcp.Implementation{Name: "mcpmesh-e2e", Version: "1.0.0"}, nil)
	cs, err := c.Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, HTTPClient: forged, MaxRetries: -1}, nil)
	if err != nil {
		t.Fatalf("connect with a good token: %v", err)
	}
	defer cs.Close()
	if r, err := callTool(cs, "echo", map[string]any{"text": "authenticated"}); err != nil || textOf(r) != "authenticated" {
		t.Fatalf("echo with a good token: %v %v", r, err)
	}
	if r, err := callTool(cs, "run_shell", map[string]any{"command": "id"}); err == nil && !r.IsError {
		t.Fatal("the sidecar's allowlist did not apply through the ingress")
	}
	log := m.audit.String()
	if !strings.Contains(log, `"subject":"alice","issuer":"https://auth.example.com","groups":["eng","oncall"]`) || strings.Contains(log, "mallory") {
		t.Fatalf("audit records must carry the verified identity:\n%s", tail(log, 5))
	}

	// Straight to the sidecar, skipping the token check and forging the
	// identity and a proof: refused, and the forged name is never recorded.
	direct := &http.Client{Transport: headerSetter{"X-Mcpmesh-Subject", "mallory", headerSetter{"X-Mcpmesh-Ingress", "guess", http.DefaultTransport}}}
	if _, err := (mcp.NewClient(&mcp.Implementation{Name: "forger", Version: "1"}, nil)).Connect(ctx, &mcp.StreamableClientTransport{Endpoint: m.URL, HTTPClient: direct, MaxRetries: -1}, nil); err == nil {
		t.Fatal("an agent that skipped the ingress was served")
	}
	if strings.Contains(m.audit.String(), "mallory") || !strings.Contains(m.audit.String(), `"rule":"not_via_ingress"`) {
		t.Fatalf("the direct request: forged identity recorded, or the refusal not audited:\n%s", tail(m.audit.String(), 3))
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 0 {
		t.Fatalf("the server received %q: the token stops at the ingress and the identity headers at ext_proc", seen)
	}
}

// headerSetter sets one request header (a client forging an identity).
type headerSetter struct {
	name, value string
	next        http.RoundTripper
}

func (h headerSetter) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set(h.name, h.value)
	return h.next.RoundTrip(r)
}

// Two agents, two views: per-client rules give each verified identity its
// own tools/list and its own decisions for the same call.
func TestIngressPerClientPolicy(t *testing.T) {
	m, ca, iss, base := tokenIngressMesh(t, `    clients:
      rules:
        - groups: [ops]
          tools: {allow: [echo, get_time]}
          # ops may echo, but not text that looks like a shell command,
          # and email addresses are redacted from what they get back
          arguments: [{tool: echo, argument: text, deny: ['^\s*(rm|curl|sh)\b']}]
          content: {pii: [{kind: email, action: redact}]}
        - subjects: [bob]
          tools: {allow: [get_time]}
        - subjects: [dave]
          tools: {allow: [echo]}
`)
	url := base + "/servers/demo/mcp"
	session := func(claims map[string]any) *mcp.ClientSession {
		claims["aud"] = url
		hc := &http.Client{Transport: bearer{iss.token(t, claims), httpsClient(ca, nil).Transport}}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cs, err := mcp.NewClient(&mcp.Implementation{Name: "agent", Version: "1"}, nil).Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, HTTPClient: hc, MaxRetries: -1}, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cs.Close() })
		return cs
	}
	alice := session(map[string]any{"sub": "alice", "groups": []string{"ops"}})
	bob := session(map[string]any{"sub": "bob"})
	carol := session(map[string]any{"sub": "carol"})

	if got := toolNames(t, alice); !slices.Equal(got, []string{"echo", "get_time"}) {
		t.Errorf("alice (ops) sees %v", got)
	}
	if got := toolNames(t, bob); !slices.Equal(got, []string{"get_time"}) {
		t.Errorf("bob sees %v", got)
	}
	if got := toolNames(t, carol); len(got) != 0 {
		t.Errorf("carol, named by no rule, sees %v", got)
	}
	if r, err := callTool(alice, "echo", map[string]any{"text": "hi"}); err != nil || textOf(r) != "hi" {
		t.Errorf("alice calls echo: %v %v", r, err)
	}
	// alice's own argument and content rules; dave, allowed echo too, has none.
	dave := session(map[string]any{"sub": "dave"})
	if _, err := callTool(alice, "echo", map[string]any{"text": "rm -rf /"}); err == nil || !strings.Contains(err.Error(), "clients.rules[0].arguments[0].deny") {
		t.Errorf("alice echoes a shell command: %v, want her argument rule to refuse it", err)
	}
	if r, err := callTool(dave, "echo", map[string]any{"text": "rm -rf /"}); err != nil || textOf(r) != "rm -rf /" {
		t.Errorf("dave echoes the same text: %v %v, want it allowed (the rule is alice's group's)", r, err)
	}
	if r, err := callTool(alice, "echo", map[string]any{"text": "mail jane.doe@example.com"}); err != nil || strings.Contains(textOf(r), "jane.doe@example.com") {
		t.Errorf("alice's result still holds the address: %v %v", r, err)
	}
	if r, err := callTool(dave, "echo", map[string]any{"text": "mail jane.doe@example.com"}); err != nil || textOf(r) != "mail jane.doe@example.com" {
		t.Errorf("dave's result changed: %v %v", r, err)
	}
	_, err := callTool(bob, "echo", map[string]any{"text": "hi"})
	if err == nil || !strings.Contains(err.Error(), "clients.rules[1].tools.allow") || strings.Contains(err.Error(), "get_time") {
		t.Errorf("bob calls echo: %v, want a refusal naming the rule and no other tool", err)
	}
	if !strings.Contains(m.audit.String(), `"subject":"bob"`) || !strings.Contains(m.audit.String(), `"decision":"deny","rule":"clients.rules[1].tools.allow (no pattern matches)"`) {
		t.Errorf("bob's refusal is not audited with his identity:\n%s", tail(m.audit.String(), 4))
	}
}

// A rate limit per agent trips with 429 and a JSON-RPC error carrying the
// caller's id, leaves another agent alone, and recovers.
func TestIngressRateLimit(t *testing.T) {
	m, ca, iss, base := tokenIngressMesh(t, `    rateLimits:
      - {tools: [echo], per: client, rate: 2/s, burst: 3}
`)
	url := base + "/servers/demo/mcp"
	post := func(sub string, id int) (int, string) {
		req, _ := http.NewRequest("POST", url, strings.NewReader(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}`, id)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		req.Header.Set("Authorization", "Bearer "+iss.token(t, map[string]any{"sub": sub, "aud": url}))
		resp, err := httpsClient(ca, nil).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	// The demo server answers a call outside a session with an error of its
	// own; what matters is who answers: the server (not 429) or mcpmesh.
	limited := 0
	for i := range 6 {
		status, body := post("alice", 100+i)
		if status == 429 {
			limited++
			if !strings.Contains(body, fmt.Sprintf(`"id":%d`, 100+i)) || !strings.Contains(body, `"code":-32029`) || !strings.Contains(body, "rateLimits[0]") {
				t.Fatalf("429 body: %s", body)
			}
		}
	}
	if limited < 2 {
		t.Fatalf("6 quick calls with a burst of 3: %d limited, want at least 2", limited)
	}
	if status, _ := post("bob", 1); status == 429 {
		t.Fatal("bob was limited by alice's calls")
	}
	time.Sleep(1600 * time.Millisecond)
	if status, body := post("alice", 200); status == 429 {
		t.Fatalf("alice's bucket did not refill: %s", body)
	}
	if !strings.Contains(m.audit.String(), `"subject":"alice"`) || !strings.Contains(m.audit.String(), `"rule":"rateLimits[0]"`) {
		t.Fatal("the rate-limit refusals are not audited with the identity")
	}
}

// Mutual TLS between the ingress and the sidecar: calls through the ingress
// work; the sidecar refuses a plain connection, a client certificate of
// another CA and one of the mesh CA that is not the ingress's.
func TestIngressMutualTLS(t *testing.T) {
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	ca, dir, certFile, keyFile := edgeCert(t)
	meshCA, err := devcert.NewCA("mesh CA")
	if err != nil {
		t.Fatal(err)
	}
	meshCert, meshKey := filepath.Join(dir, "mesh-ca.crt"), filepath.Join(dir, "mesh-ca.key")
	if err := os.WriteFile(meshCert, meshCA.CertPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(meshKey, meshCA.KeyPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	m, ports := startMeshPorts(t, 1, func(listen string, ports []int) string {
		return fmt.Sprintf("ingress:\n  listen: 127.0.0.1:%d\n  tls: {certFile: %s, keyFile: %s}\n  mtls: {caCertFile: %s, caKeyFile: %s}\n",
			ports[0], certFile, keyFile, meshCert, meshKey) + policyYAML(upstream, listen, demoTools)
	})
	base := fmt.Sprintf("https://127.0.0.1:%d", ports[0])
	showLogOnFailure(t, "ingress", m.Ingress)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "agent", Version: "1"}, nil).Connect(ctx, &mcp.StreamableClientTransport{Endpoint: base + "/servers/demo/mcp", HTTPClient: httpsClient(ca, nil), MaxRetries: -1}, nil)
	if err != nil {
		st, _ := m.Ingress.Admin("/stats?filter=sidecar_demo.*ssl")
		t.Fatalf("through the ingress over mTLS: %v\n%s", err, st)
	}
	defer cs.Close()
	if r, err := callTool(cs, "echo", map[string]any{"text": "mtls"}); err != nil || textOf(r) != "mtls" {
		t.Fatalf("echo: %v %v", r, err)
	}

	// Straight to the sidecar.
	if _, err := dial(ctx, m.URL, ""); err == nil {
		t.Fatal("a plain connection to the sidecar was served")
	}
	pool := x509.NewCertPool()
	pool.AddCert(meshCA.Cert)
	for name, issuer := range map[string]*devcert.CA{"another CA": ca, "the mesh CA, not the ingress": meshCA} {
		c, k, err := issuer.Leaf([]string{"mallory"}, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		pair, err := tls.X509KeyPair(c, k)
		if err != nil {
			t.Fatal(err)
		}
		client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", Certificates: []tls.Certificate{pair}, InsecureSkipVerify: true}}, Timeout: 5 * time.Second}
		resp, err := client.Post(strings.Replace(m.URL, "http://", "https://", 1), "application/json", strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
		if err == nil {
			resp.Body.Close()
			t.Errorf("%s: a client certificate of %s was served (%d)", name, name, resp.StatusCode)
		}
	}
}

// tokenIngressMesh starts a mesh (the demo server, policy tools plus
// serverExtra) behind an ingress that verifies tokens of a test issuer.
func tokenIngressMesh(t *testing.T, serverExtra string) (m *mesh, ca *devcert.CA, iss *issuer, base string) {
	t.Helper()
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	return tokenIngressMeshFor(t, upstream, demoTools+serverExtra, "")
}

// tokenIngressMeshFor is tokenIngressMesh for any upstream and tools
// section; jwtExtra adds fields to auth.jwt (", scopes: [x]").
func tokenIngressMeshFor(t *testing.T, upstream, tools, jwtExtra string) (m *mesh, ca *devcert.CA, iss *issuer, base string) {
	t.Helper()
	ti := newTokenIngress(t, upstream, tools)
	m = ti.start(t, jwtExtra)
	return m, ti.ca, ti.iss, ti.base
}

// recordingDemo serves the demo MCP server (JSON answers), showing record
// every request first, and returns its address.
func recordingDemo(t *testing.T, record func(*http.Request)) string {
	t.Helper()
	h := demoserver.New().Handler(demoserver.Options{JSONResponse: true})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		record(r)
		h.ServeHTTP(w, r)
	})}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return l.Addr().String()
}

// tokenIngress is an ingress that verifies tokens of a test issuer in
// front of upstream, as policy text a test can render again with other
// auth.jwt fields (a revocation list, say).
type tokenIngress struct {
	ca                          *devcert.CA
	iss                         *issuer
	base                        string
	port                        int
	certFile, keyFile, jwksFile string
	upstream, tools             string
}

func newTokenIngress(t *testing.T, upstream, tools string) *tokenIngress {
	t.Helper()
	ca, dir, certFile, keyFile := edgeCert(t)
	iss := newIssuer(t, "https://auth.example.com")
	jwksFile := filepath.Join(dir, "jwks.json")
	if err := os.WriteFile(jwksFile, iss.jwks(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return &tokenIngress{ca: ca, iss: iss, certFile: certFile, keyFile: keyFile, jwksFile: jwksFile, upstream: upstream, tools: tools}
}

// start starts a mesh with this ingress in front; the ingress's port is
// picked with the sidecar's (see startMeshPorts).
func (ti *tokenIngress) start(t *testing.T, jwtExtra string) *mesh {
	t.Helper()
	m, _ := startMeshPorts(t, 1, func(listen string, ports []int) string {
		ti.port, ti.base = ports[0], fmt.Sprintf("https://127.0.0.1:%d", ports[0])
		return ti.policy(listen, jwtExtra)
	})
	showLogOnFailure(t, "ingress", m.Ingress)
	return m
}

// policy renders the mesh's policy with jwtExtra added to auth.jwt
// (", scopes: [x]").
func (ti *tokenIngress) policy(listen, jwtExtra string) string {
	return fmt.Sprintf("ingress:\n  listen: 127.0.0.1:%d\n  publicURL: %s\n  tls: {certFile: %s, keyFile: %s}\n  auth:\n    jwt: {issuer: %s, jwksFile: %s%s}\n",
		ti.port, ti.base, ti.certFile, ti.keyFile, ti.iss.url, ti.jwksFile, jwtExtra) + policyYAML(ti.upstream, listen, ti.tools)
}

// edgeCert makes a test CA and an ingress certificate for 127.0.0.1 and
// localhost in a new folder.
func edgeCert(t *testing.T) (ca *devcert.CA, dir, certFile, keyFile string) {
	t.Helper()
	ca, err := devcert.NewCA("mcpmesh e2e CA")
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	certFile, keyFile = filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	if err := ca.WriteLeaf(certFile, keyFile, []string{"127.0.0.1", "localhost"}, 90*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	return ca, dir, certFile, keyFile
}

// A token without a scope the policy requires: 403 with the
// insufficient_scope challenge; with the scope, served.
func TestIngressScopes(t *testing.T) {
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	_, ca, iss, base := tokenIngressMeshFor(t, upstream, demoTools, ", scopes: [mcp.tools]")
	url := base + "/servers/demo/mcp"
	post := func(scope string) (int, string, string) {
		req, _ := http.NewRequest("POST", url, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		req.Header.Set("Authorization", "Bearer "+iss.token(t, map[string]any{"aud": url, "scope": scope}))
		resp, err := httpsClient(ca, nil).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("WWW-Authenticate"), string(b)
	}
	status, challenge, body := post("openid profile")
	ch, err := oauthex.ParseWWWAuthenticate([]string{challenge})
	if status != 403 || err != nil || len(ch) != 1 || ch[0].Params["error"] != "insufficient_scope" || ch[0].Params["scope"] != "mcp.tools" || !strings.Contains(body, "mcp.tools") {
		t.Fatalf("a token without the scope: %d %q %s (%v)", status, challenge, body, err)
	}
	if status, _, body := post("openid mcp.tools"); status == 401 || status == 403 {
		t.Fatalf("a token with the scope: %d %s", status, body)
	}
}

// The issuer's keys named by URL: the control plane fetches them and the
// ingress verifies tokens with them.
func TestIngressJWKSFromURL(t *testing.T) {
	ca, _, certFile, keyFile := edgeCert(t)
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	iss := newIssuer(t, "https://auth.example.com")
	keys := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(iss.jwks(t)) }))
	t.Cleanup(keys.Close)
	var base string
	m, _ := startMeshPorts(t, 1, func(listen string, ports []int) string {
		base = fmt.Sprintf("https://127.0.0.1:%d", ports[0])
		return fmt.Sprintf("ingress:\n  listen: 127.0.0.1:%d\n  publicURL: %s\n  tls: {certFile: %s, keyFile: %s}\n  auth:\n    jwt: {issuer: %s, jwksURL: '%s/keys'}\n",
			ports[0], base, certFile, keyFile, iss.url, keys.URL) + policyYAML(upstream, listen, demoTools)
	})
	showLogOnFailure(t, "ingress", m.Ingress)
	url := base + "/servers/demo/mcp"
	hc := &http.Client{Transport: bearer{iss.token(t, map[string]any{"aud": url}), httpsClient(ca, nil).Transport}}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "agent", Version: "1"}, nil).Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, HTTPClient: hc, MaxRetries: -1}, nil)
	if err != nil {
		t.Fatalf("a token signed by the key behind jwksURL: %v", err)
	}
	defer cs.Close()
	if r, err := callTool(cs, "echo", map[string]any{"text": "keys by url"}); err != nil || textOf(r) != "keys by url" {
		t.Fatalf("echo: %v %v", r, err)
	}
}

// Chosen claims name agents in clients rules: a token whose tenant claim
// matches gets the rule's tools, another tenant's does not, and a claim
// header a client sends itself (with a token that has no such claim) is
// dropped at the ingress.
func TestIngressClaims(t *testing.T) {
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	_, ca, iss, base := tokenIngressMeshFor(t, upstream, demoTools+`    clients:
      rules:
        - claims: {tenant: [acme], plan: [pro, enterprise]}
          tools: {allow: [echo, get_time]}
`, ", claims: [tenant, plan]")
	url := base + "/servers/demo/mcp"
	session := func(claims map[string]any, forged string) *mcp.ClientSession {
		claims["aud"] = url
		var rt http.RoundTripper = bearer{iss.token(t, claims), httpsClient(ca, nil).Transport}
		if forged != "" {
			rt = headerSetter{"X-Mcpmesh-Claim-0", forged, rt}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cs, err := mcp.NewClient(&mcp.Implementation{Name: "agent", Version: "1"}, nil).Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, HTTPClient: &http.Client{Transport: rt}, MaxRetries: -1}, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cs.Close() })
		return cs
	}
	if got := toolNames(t, session(map[string]any{"sub": "a1", "tenant": "acme", "plan": "pro"}, "")); !slices.Equal(got, []string{"echo", "get_time"}) {
		t.Errorf("acme/pro sees %v", got)
	}
	if got := toolNames(t, session(map[string]any{"sub": "a2", "tenant": "acme", "plan": "free"}, "")); len(got) != 0 {
		t.Errorf("acme/free sees %v: every claim of the rule must match", got)
	}
	if got := toolNames(t, session(map[string]any{"sub": "b1", "tenant": "globex", "plan": "pro"}, "")); len(got) != 0 {
		t.Errorf("globex sees %v", got)
	}
	if got := toolNames(t, session(map[string]any{"sub": "m1", "plan": "pro"}, "acme")); len(got) != 0 {
		t.Errorf("a token without tenant, with a forged claim header, sees %v", got)
	}
}
