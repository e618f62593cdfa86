package e2e

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
)

// fetchServerEnv makes the test binary an MCP server with a fetch tool,
// listening on the address it names.
const fetchServerEnv = "MCPMESH_E2E_FETCH_SERVER"

// runFetchServer serves the fetch tool: it GETs a URL through the proxy in
// HTTP_PROXY (or HTTPS_PROXY for https URLs) and returns the status and
// body. The proxy is used for every URL, loopback included (Go's default
// proxy selection skips loopback, where the test's destinations live).
func runFetchServer(addr string) {
	proxyFor := func(r *http.Request) (*url.URL, error) {
		v := os.Getenv("HTTP_PROXY")
		if r.URL.Scheme == "https" {
			v = os.Getenv("HTTPS_PROXY")
		}
		return url.Parse(v)
	}
	caFile := os.Getenv("MCPMESH_E2E_FETCH_CA")
	tlsConf := &tls.Config{}
	if caFile != "" {
		pool, _ := tlsPool(caFile)
		tlsConf.RootCAs = pool
	}
	client := &http.Client{Transport: &http.Transport{Proxy: proxyFor, TLSClientConfig: tlsConf}, Timeout: 10 * time.Second}
	s := mcp.NewServer(&mcp.Implementation{Name: "fetch-server", Version: "1.0.0"}, nil)
	mcp.AddTool(s, &mcp.Tool{Name: "fetch", Description: "Fetches a URL."},
		func(ctx context.Context, _ *mcp.CallToolRequest, in fetchIn) (*mcp.CallToolResult, any, error) {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, in.URL, nil)
			if err != nil {
				return nil, nil, err
			}
			resp, err := client.Do(req)
			if err != nil {
				return &mcp.CallToolResult{IsError: true, Content: []mcp.Content{&mcp.TextContent{Text: err.Error()}}}, nil, nil
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: fmt.Sprintf("status %d\n%s", resp.StatusCode, body)}}}, nil, nil
		})
	h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return s }, &mcp.StreamableHTTPOptions{JSONResponse: true})
	l, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("ready")
	_ = http.Serve(l, h)
}

// startFetchServer runs the fetch server as a process of its own whose
// environment holds the proxy settings and nothing else of the mesh's.
func startFetchServer(t *testing.T, proxy, caFile string) (addr string, cmd *exec.Cmd, output *syncBuffer) {
	t.Helper()
	port, err := envoy.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	addr = fmt.Sprintf("127.0.0.1:%d", port)
	cmd = exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), fetchServerEnv + "=" + addr, "HTTP_PROXY=" + proxy, "HTTPS_PROXY=" + proxy, "MCPMESH_E2E_FETCH_CA=" + caFile}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	output = &syncBuffer{}
	cmd.Stderr = output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	sc := bufio.NewScanner(stdout)
	if !sc.Scan() || sc.Text() != "ready" {
		t.Fatalf("fetch server did not start: %q %s", sc.Text(), output.String())
	}
	go func() { _, _ = io.Copy(output, stdout) }()
	return addr, cmd, output
}

// api is an HTTPS test API that wants a bearer token, and a plain HTTP
// site it may redirect to; both record the Authorization they receive.
type api struct {
	mu    sync.Mutex
	seen  map[string][]string // path -> Authorization values
	valid atomic.Value        // map[string]bool of accepted tokens
}

func (a *api) record(r *http.Request) string {
	auth := r.Header.Get("Authorization")
	a.mu.Lock()
	a.seen[r.URL.Path] = append(a.seen[r.URL.Path], auth)
	a.mu.Unlock()
	return auth
}

func (a *api) authorizations(path string) []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.seen[path]...)
}

// TestEgressNetwork: the server's outbound connections go through its
// sidecar, which connects only where the policy allows, checks the address
// a name resolves to, adds the credential the server never holds, and
// audits every decision.
func TestEgressNetwork(t *testing.T) {
	ca, dir, certFile, keyFile := edgeCert(t)
	caFile := filepath.Join(dir, "ca.crt")
	if err := os.WriteFile(caFile, ca.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	a := &api{seen: map[string][]string{}}
	oldToken, newToken := "mcpmesh-e2e-token-"+strings.Repeat("A1", 12), "mcpmesh-e2e-token-"+strings.Repeat("B2", 12)
	a.valid.Store(map[string]bool{"Bearer " + oldToken: true})

	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.record(r)
		fmt.Fprintf(w, "plain %s", r.URL.Path)
	}))
	t.Cleanup(plain.Close)
	plainPort := plain.Listener.Addr().(*net.TCPAddr).Port

	secure := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := a.record(r)
		switch {
		case !a.valid.Load().(map[string]bool)[auth]:
			http.Error(w, "unauthorized", http.StatusUnauthorized)
		case r.URL.Path == "/redirect":
			http.Redirect(w, r, fmt.Sprintf("http://localhost:%d/landing", plainPort), http.StatusFound)
		case r.URL.Path == "/echo":
			fmt.Fprintf(w, "you sent %s", auth) // a careless API echoes the header back
		default:
			fmt.Fprint(w, "authorized")
		}
	}))
	securePort := startTLS(t, secure, certFile, keyFile)

	secretFile := filepath.Join(dir, "api-token")
	writeSecret(t, secretFile, oldToken)
	egressPort, err := envoy.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	unlistedPort, err := envoy.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	proxy := fmt.Sprintf("http://127.0.0.1:%d", egressPort)

	upstream, child, childOut := startFetchServer(t, proxy, caFile)
	m := startMeshYAML(t, func(listen string) string {
		return policyYAML(upstream, listen, fmt.Sprintf(`    tools: {allow: [fetch]}
    egress:
      network:
        listen: 127.0.0.1:%[1]d
        # localhost is allowed on two ports, but its loopback addresses
        # only on the plain site's (and the API's): on the other one it
        # must be refused.
        allow: ["localhost:%[2]d", "127.0.0.1:%[2]d", "[::1]:%[2]d", "localhost:%[3]d", "127.0.0.1:%[4]d", "[::1]:%[4]d"]
        credentials:
          - host: localhost
            port: %[4]d
            secretFile: %[5]s
            caFile: %[6]s
`, egressPort, plainPort, unlistedPort, securePort, secretFile, caFile))
	})
	cs := connect(t, m.URL)
	fetch := func(u string) string {
		t.Helper()
		r, err := callTool(cs, "fetch", map[string]any{"url": u})
		if err != nil {
			t.Fatalf("fetch %s: %v", u, err)
		}
		return textOf(r)
	}

	// Allowed: the plain site by name.
	if got := fetch(fmt.Sprintf("http://localhost:%d/ok", plainPort)); got != "status 200\nplain /ok" {
		t.Errorf("allowed destination: %q", got)
	}
	// Refused, each with its reason, before any connection is made.
	for _, c := range []struct{ url, want string }{
		{"http://evil.example.com/x", "status 403\nmcpmesh: egress refused: \"evil.example.com\" is not in egress.network.allow"},
		{"http://10.1.2.3/x", "status 403\nmcpmesh: egress refused: \"10.1.2.3\" is not in egress.network.allow"},
		{"http://169.254.169.254/latest/meta-data/", "status 403\nmcpmesh: egress refused: \"169.254.169.254\" is not in egress.network.allow"},
		{fmt.Sprintf("http://localhost:%d/x", unlistedPort), "status 403\nmcpmesh: egress refused: \"localhost\" resolves to"},
		{"https://localhost:22/", "Forbidden"},
	} {
		if got := fetch(c.url); !strings.Contains(got, c.want) {
			t.Errorf("fetch %s: %q, want it to contain %q", c.url, got, c.want)
		}
	}

	// The API: plain HTTP to the sidecar, which adds the token and TLS.
	if got := fetch(fmt.Sprintf("http://localhost:%d/data", securePort)); got != "status 200\nauthorized" {
		t.Errorf("credential destination: %q", got)
	}
	if got := a.authorizations("/data"); len(got) != 1 || got[0] != "Bearer "+oldToken {
		t.Errorf("the API received Authorization %q, want the injected token", got)
	}
	// An API that echoes the header cannot leak it to the agent.
	if got := fetch(fmt.Sprintf("http://localhost:%d/echo", securePort)); strings.Contains(got, oldToken) || !strings.Contains(got, "[REDACTED:egress.network.credential]") {
		t.Errorf("echoed credential reached the agent: %q", got)
	}
	// A redirect to another host: followed by the server, through the
	// proxy, and the credential stays behind.
	if got := fetch(fmt.Sprintf("http://localhost:%d/redirect", securePort)); got != "status 200\nplain /landing" {
		t.Errorf("redirect: %q", got)
	}
	if got := a.authorizations("/landing"); len(got) != 1 || got[0] != "" {
		t.Errorf("the redirect target received Authorization %q; a credential must stay with its host", got)
	}
	// HTTPS to the credential's host must go through the sidecar's TLS.
	if got := fetch(fmt.Sprintf("https://localhost:%d/data", securePort)); !strings.Contains(got, "Forbidden") {
		t.Errorf("CONNECT to a credential destination: %q", got)
	}

	// Rotation: calls keep going while the secret changes; none fails, and
	// the new token is in use within the file check interval.
	a.valid.Store(map[string]bool{"Bearer " + oldToken: true, "Bearer " + newToken: true})
	writeSecret(t, secretFile, newToken)
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := fetch(fmt.Sprintf("http://localhost:%d/rotate", securePort))
		if got != "status 200\nauthorized" {
			t.Fatalf("call during rotation failed: %q", got)
		}
		seen := a.authorizations("/rotate")
		if seen[len(seen)-1] == "Bearer "+newToken {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the rotated token was not used within 5s: %q", seen)
		}
		time.Sleep(50 * time.Millisecond)
	}
	a.valid.Store(map[string]bool{"Bearer " + newToken: true})
	if got := fetch(fmt.Sprintf("http://localhost:%d/after", securePort)); got != "status 200\nauthorized" {
		t.Errorf("after rotation: %q", got)
	}

	// Every decision is audited, with destination and rule; no record,
	// and nothing the server process holds or prints, has a token.
	var egressRecs []audit.Record
	for _, r := range m.auditRecords(t) {
		if r.Kind == "egress" {
			egressRecs = append(egressRecs, r)
		}
	}
	want := map[string]string{
		"evil.example.com:80": "deny egress.network.allow", "10.1.2.3:80": "deny egress.network.allow",
		fmt.Sprintf("localhost:%d", unlistedPort): "deny egress.network.private",
		"localhost:22":                          "deny egress.network.allow",
		fmt.Sprintf("localhost:%d", plainPort):  "allow ",
		fmt.Sprintf("localhost:%d", securePort): "allow egress.network.credential",
	}
	for dest, w := range want {
		found := false
		for _, r := range egressRecs {
			if r.Destination == dest && r.Decision+" "+r.Rule == w && r.Server == "demo" {
				found = true
			}
		}
		if !found {
			t.Errorf("no audit record %q for %s", w, dest)
		}
	}
	for _, secret := range []string{oldToken, newToken} {
		if strings.Contains(m.audit.String(), secret) {
			t.Errorf("the audit log holds a token")
		}
		if strings.Contains(childOut.String(), secret) {
			t.Errorf("the server's output holds a token")
		}
		env, err := os.ReadFile(fmt.Sprintf("/proc/%d/environ", child.Process.Pid))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(env), secret) || !strings.Contains(string(env), "HTTP_PROXY="+proxy) {
			t.Errorf("the server's environment: %q", env)
		}
	}
}

func tlsPool(file string) (*x509.CertPool, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	p := x509.NewCertPool()
	p.AppendCertsFromPEM(b)
	return p, nil
}

// startTLS serves srv over TLS with the certificate in the files and
// returns its port.
func startTLS(t *testing.T, srv *httptest.Server, certFile, keyFile string) int {
	t.Helper()
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		t.Fatal(err)
	}
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().(*net.TCPAddr).Port
}

func writeSecret(t *testing.T, file, value string) {
	t.Helper()
	tmp := file + ".new"
	if err := os.WriteFile(tmp, []byte(value+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

// TestEgressOAuthTokens: for a destination whose credential is an OAuth
// client, the sidecar fetches short-lived tokens with the client
// credentials grant and refreshes them before they expire: calls keep
// working across refreshes and a rotation of the client secret, the token
// endpoint is asked once per token rather than per request, and neither
// the client secret nor a token reaches the server or the audit log.
func TestEgressOAuthTokens(t *testing.T) {
	ca, dir, certFile, keyFile := edgeCert(t)
	caFile := filepath.Join(dir, "ca.crt")
	if err := os.WriteFile(caFile, ca.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	const clientID = "mcp-fetch"
	oldSecret, newSecret := "client-secret-"+strings.Repeat("c3", 10), "client-secret-"+strings.Repeat("d4", 10)
	var mu sync.Mutex
	secrets := map[string]bool{oldSecret: true}
	issued := map[string]time.Time{} // token -> expiry
	var fetches []string             // the client secret of each fetch
	tokenEndpoint := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, secret, ok := r.BasicAuth()
		_ = r.ParseForm()
		mu.Lock()
		defer mu.Unlock()
		if !ok || id != clientID || !secrets[secret] || r.Form.Get("grant_type") != "client_credentials" || r.Form.Get("scope") != "repo:read" {
			http.Error(w, `{"error":"invalid_client"}`, http.StatusUnauthorized)
			return
		}
		fetches = append(fetches, secret)
		tok := fmt.Sprintf("access-token-%02d-%s", len(fetches), strings.Repeat("z", 16))
		// 11 s: the client refreshes 10 s before expiry, so about once a second.
		issued[tok] = time.Now().Add(11 * time.Second)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"access_token":%q,"token_type":"Bearer","expires_in":11}`, tok)
	}))
	t.Cleanup(tokenEndpoint.Close)

	var seen []string
	secure := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		mu.Lock()
		exp, ok := issued[tok]
		seen = append(seen, tok)
		mu.Unlock()
		if !ok || time.Now().After(exp) {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		if r.URL.Path == "/echo" {
			fmt.Fprintf(w, "token %s", tok)
			return
		}
		fmt.Fprint(w, "authorized")
	}))
	securePort := startTLS(t, secure, certFile, keyFile)

	secretFile := filepath.Join(dir, "client-secret")
	writeSecret(t, secretFile, oldSecret)
	egressPort, err := envoy.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	upstream, _, childOut := startFetchServer(t, fmt.Sprintf("http://127.0.0.1:%d", egressPort), caFile)
	m := startMeshYAML(t, func(listen string) string {
		return policyYAML(upstream, listen, fmt.Sprintf(`    tools: {allow: [fetch]}
    egress:
      network:
        listen: 127.0.0.1:%d
        allow: ["127.0.0.1:%[2]d", "[::1]:%[2]d"]
        credentials:
          - host: localhost
            port: %[2]d
            caFile: %[3]s
            oauth: {tokenURL: "%[4]s/token", clientID: %[5]s, clientSecretFile: %[6]s, scopes: ["repo:read"]}
`, egressPort, securePort, caFile, tokenEndpoint.URL, clientID, secretFile))
	})
	cs := connect(t, m.URL)
	fetch := func(path string) string {
		t.Helper()
		r, err := callTool(cs, "fetch", map[string]any{"url": fmt.Sprintf("http://localhost:%d%s", securePort, path)})
		if err != nil {
			t.Fatalf("fetch %s: %v", path, err)
		}
		return textOf(r)
	}

	start, calls := time.Now(), 0
	rotated := false
	for time.Since(start) < 3500*time.Millisecond {
		if got := fetch("/data"); got != "status 200\nauthorized" {
			t.Fatalf("call %d failed: %q", calls, got)
		}
		calls++
		if !rotated && time.Since(start) > 1500*time.Millisecond {
			// Rotate the client secret: the old one stops working at once.
			mu.Lock()
			secrets = map[string]bool{newSecret: true}
			mu.Unlock()
			writeSecret(t, secretFile, newSecret)
			rotated = true
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := fetch("/echo"); strings.Contains(got, "access-token-") || !strings.Contains(got, "[REDACTED:egress.network.credential]") {
		t.Errorf("an echoed token reached the agent: %q", got)
	}
	mu.Lock()
	defer mu.Unlock()
	distinct := map[string]bool{}
	for _, tok := range seen {
		distinct[tok] = true
	}
	t.Logf("%d calls, %d token fetches, %d distinct tokens", calls, len(fetches), len(distinct))
	if len(distinct) < 3 || len(fetches) > 8 || len(fetches) >= calls/4 {
		t.Errorf("%d calls used %d tokens from %d fetches: want refreshes about once a second, not per call", calls, len(distinct), len(fetches))
	}
	if fetches[len(fetches)-1] != newSecret {
		t.Error("the rotated client secret was not used")
	}
	for _, s := range append([]string{oldSecret, newSecret}, slices.Collect(maps.Keys(distinct))...) {
		if strings.Contains(m.audit.String(), s) || strings.Contains(childOut.String(), s) {
			t.Errorf("a secret or token reached the audit log or the server's output")
		}
	}
}
