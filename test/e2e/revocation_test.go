package e2e

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/oauthex"

	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

// TestIngressRevocation: a token id or a subject added to the policy's
// revocation list is refused by the sidecar within the measured bound,
// whatever the token's expiry; other tokens are unaffected, and a header a
// client adds cannot hide a revoked token.
func TestIngressRevocation(t *testing.T) {
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	ti := newTokenIngress(t, upstream, demoTools)
	policy := ti.policy
	m := ti.start(t, "")
	ca, iss, base := ti.ca, ti.iss, ti.base

	url := base + "/servers/demo/mcp"
	client := httpsClient(ca, nil)
	post := func(token string, header map[string]string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", url, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		req.Header.Set("Authorization", "Bearer "+token)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
		return resp.StatusCode, resp.Header.Get("WWW-Authenticate")
	}
	leaked := iss.token(t, map[string]any{"aud": url, "jti": "tok-leaked", "sub": "alice"})
	other := iss.token(t, map[string]any{"aud": url, "jti": "tok-other", "sub": "alice"})
	departed := iss.token(t, map[string]any{"aud": url, "sub": "carol"}) // no jti
	for _, tok := range []string{leaked, other, departed} {
		if status, _ := post(tok, nil); status != 200 {
			t.Fatalf("before revocation: %d", status)
		}
	}

	// Revoke, and measure until the sidecar refuses.
	changed := time.Now()
	m.writePolicy(policy(m.Listen, ", revoked: {tokenIDs: [tok-leaked], subjects: [carol]}"))
	var took time.Duration
	for {
		if status, _ := post(leaked, nil); status == 401 {
			took = time.Since(changed)
			break
		}
		if time.Since(changed) > 10*time.Second {
			t.Fatal("the revoked token was still accepted 10s after the policy changed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("revocation enforced %v after the policy file changed (control plane polling every 100ms)", took.Round(time.Millisecond))

	status, challenge := post(leaked, nil)
	ch, err := oauthex.ParseWWWAuthenticate([]string{challenge})
	if status != 401 || err != nil || len(ch) != 1 || ch[0].Params["error"] != "invalid_token" {
		t.Errorf("revoked token id: %d %q (%v)", status, challenge, err)
	}
	if status, _ := post(departed, nil); status != 401 {
		t.Errorf("revoked subject: %d", status)
	}
	if status, _ := post(other, nil); status != 200 {
		t.Errorf("a token of the same subject with another id: %d", status)
	}
	// A client's own token-id header does not hide the revoked one.
	if status, _ := post(leaked, map[string]string{"X-Mcpmesh-Token-Id": "tok-other"}); status != 401 {
		t.Errorf("revoked token with a forged token id header: %d", status)
	}
	if status, _ := post(other, map[string]string{"X-Mcpmesh-Subject": "bob"}); status != 200 {
		t.Errorf("a good token with a forged subject header: %d", status)
	}
	found := false
	for _, r := range m.auditRecords(t) {
		if r.Rule == "revoked" && r.Decision == "deny" && r.Subject == "alice" {
			found = true
		}
	}
	if !found {
		t.Error("no audit record of a refusal by revocation")
	}

	// Lifting it works the same way.
	m.writePolicy(policy(m.Listen, ""))
	deadline := time.Now().Add(10 * time.Second)
	for {
		if status, _ := post(leaked, nil); status == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the token was still refused 10s after the revocation was lifted")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
