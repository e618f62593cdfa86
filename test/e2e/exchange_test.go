package e2e

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestIngressTokenExchange: a server with tokenExchange receives, for each
// agent, a token the authorization server issued for it (RFC 8693), never
// the agent's own; exchanges are cached per agent token, and a failed
// exchange refuses the call rather than passing the agent's token on.
func TestIngressTokenExchange(t *testing.T) {
	var mu sync.Mutex
	var serverSaw []string // Authorization headers the MCP server received
	upstream := recordingDemo(t, func(r *http.Request) {
		mu.Lock()
		serverSaw = append(serverSaw, r.Header.Get("Authorization"))
		mu.Unlock()
	})

	const clientID, clientSecret, audience = "mcp-sidecar-demo", "sts-client-secret-0123456789", "https://api.example.com"
	var exchanges []string // subject of each exchange
	var subjectTokens []string
	sts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, secret, _ := r.BasicAuth()
		_ = r.ParseForm()
		f := r.Form
		if id != clientID || secret != clientSecret || f.Get("grant_type") != "urn:ietf:params:oauth:grant-type:token-exchange" ||
			f.Get("subject_token_type") != "urn:ietf:params:oauth:token-type:access_token" || f.Get("audience") != audience || f.Get("scope") != "repo:read" {
			http.Error(w, `{"error":"invalid_request"}`, http.StatusBadRequest)
			return
		}
		// The subject is the agent's token: read its claims (the test's
		// issuer signed it; a real server would verify it).
		parts := strings.Split(f.Get("subject_token"), ".")
		var claims struct{ Sub string }
		if len(parts) == 3 {
			b, _ := jwtSegment(parts[1])
			_ = json.Unmarshal(b, &claims)
		}
		if claims.Sub == "" {
			http.Error(w, `{"error":"invalid_grant"}`, http.StatusBadRequest)
			return
		}
		mu.Lock()
		exchanges = append(exchanges, claims.Sub)
		subjectTokens = append(subjectTokens, f.Get("subject_token"))
		n := len(exchanges)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"access_token":"exchanged-%s-%d","issued_token_type":"urn:ietf:params:oauth:token-type:access_token","token_type":"Bearer","expires_in":3600}`, claims.Sub, n)
	}))
	t.Cleanup(sts.Close)
	secretFile := filepath.Join(t.TempDir(), "client-secret")
	if err := os.WriteFile(secretFile, []byte(clientSecret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, ca, iss, base := tokenIngressMeshFor(t, upstream, demoTools+fmt.Sprintf(
		"    tokenExchange: {tokenURL: %q, clientID: %s, clientSecretFile: %s, audience: %q, scopes: [\"repo:read\"]}\n",
		sts.URL+"/token", clientID, secretFile, audience), "")
	url := base + "/servers/demo/mcp"
	client := httpsClient(ca, nil)
	post := func(token string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", url, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	alice := iss.token(t, map[string]any{"aud": url, "sub": "alice"})
	bob := iss.token(t, map[string]any{"aud": url, "sub": "bob"})
	for _, tok := range []string{alice, alice, bob, alice} {
		if status, body := post(tok); status != 200 {
			t.Fatalf("call: %d %s", status, body)
		}
	}
	mu.Lock()
	if want := []string{"Bearer exchanged-alice-1", "Bearer exchanged-alice-1", "Bearer exchanged-bob-2", "Bearer exchanged-alice-1"}; strings.Join(serverSaw, ",") != strings.Join(want, ",") {
		t.Errorf("the server received Authorization %q, want %q", serverSaw, want)
	}
	if len(exchanges) != 2 || subjectTokens[0] != alice || subjectTokens[1] != bob {
		t.Errorf("exchanges %v: want one per agent token, with the agent's token as the subject", exchanges)
	}
	for _, got := range serverSaw {
		if strings.Contains(got, alice) || strings.Contains(got, bob) {
			t.Error("an agent's own token reached the server")
		}
	}
	mu.Unlock()

	// The authorization server is down: a new agent's call is refused, and
	// nothing reaches the server.
	sts.Close()
	mu.Lock()
	before := len(serverSaw)
	mu.Unlock()
	carol := iss.token(t, map[string]any{"aud": url, "sub": "carol"})
	status, body := post(carol)
	if status != 502 || !strings.Contains(body, "could not be exchanged") || !strings.Contains(body, `"id":`) {
		t.Errorf("a failed exchange: %d %s", status, body)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(serverSaw) != before {
		t.Errorf("a call whose token could not be exchanged reached the server: %q", serverSaw[before:])
	}
}

// jwtSegment decodes one base64url part of a compact JWT.
func jwtSegment(s string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(s) }
