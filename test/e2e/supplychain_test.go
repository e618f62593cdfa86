package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/test/demoserver"
	"github.com/mcpmesh/mcpmesh/test/imagetest"
	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// TestUnverifiedImageNotReachable: two servers behind their own sidecars,
// one whose image is signed with the policy's key and one whose image is
// not signed. The first is reachable through the real Envoy sidecar with the
// image in every audit record; the second answers every request with a
// JSON-RPC error naming the reason and the server never sees a request.
func TestUnverifiedImageNotReachable(t *testing.T) {
	reg := imagetest.Start(t, nil)
	key := imagetest.NewKey(t)
	signed := reg.PushRandom(t, "mcp/files")
	key.Sign(t, signed)
	unsigned := reg.PushRandom(t, "mcp/search")

	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	m := startMesh(t, upstream, demoTools)
	// The harness's server runs unverified; its records say so.
	if _, err := callTool(connect(t, m.URL), "echo", map[string]any{"text": "local"}); err != nil {
		t.Fatal(err)
	}
	for _, r := range m.auditRecords(t) {
		if r.Image != "unverified-local" {
			t.Errorf("audit record of an unverifiedLocal server: image %q", r.Image)
		}
	}
	m.audit.Reset()
	keyFile := filepath.Join(t.TempDir(), "cosign.pub")
	if err := os.WriteFile(keyFile, key.PublicPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	badPort, err := envoy.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	badListen := fmt.Sprintf("127.0.0.1:%d", badPort)
	old := m.ControlPlane.Policy().Version
	m.writePolicy(fmt.Sprintf(`version: 1
supplyChain:
  verify: {key: %s}
  plainHTTPLoopback: true
servers:
  - name: demo
    upstream: %s
    image: %s
    listen: %s
%s  - name: bad
    upstream: %s
    image: %s
    listen: %s
%s`, keyFile, upstream, signed, m.Listen, demoTools, upstream, unsigned, badListen, demoTools))
	m.waitNewPolicy(old)
	m.startSidecar(t, "bad", t.TempDir(), badListen)

	// The verified server works, and its audit records name the image.
	cs := connect(t, m.URL)
	if res, err := callTool(cs, "echo", map[string]any{"text": "signed"}); err != nil || textOf(res) != "signed" {
		t.Fatalf("call to the verified server: %v %v", res, err)
	}
	found := false
	for _, r := range m.auditRecords(t) {
		if r.Server == "demo" && r.Tool == "echo" {
			found = true
			if r.Image != signed {
				t.Errorf("audit record of the verified server: image %q, want %q", r.Image, signed)
			}
		}
	}
	if !found {
		t.Error("no audit record of the echo call")
	}

	// The unverified server refuses everything, with the caller's id.
	calls := demo.Called("echo")
	badURL := "http://" + badListen + "/mcp"
	status, body, _ := post(t, badURL, []byte(`{"jsonrpc":"2.0","id":"c-7","method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}`), nil)
	var reply struct {
		ID    string `json:"id"`
		Error struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &reply); err != nil {
		t.Fatalf("reply is not JSON-RPC: %q", body)
	}
	if status != 503 || reply.ID != "c-7" || reply.Error.Code != contract.CodeServerUnavailable ||
		!strings.Contains(reply.Error.Message, `server "bad" is not available`) || !strings.Contains(reply.Error.Message, "no signatures found") {
		t.Errorf("unverified server answered %d %s", status, body)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// The Go SDK reports the HTTP status; the body above carries the reason.
	if s, err := dial(ctx, badURL, ""); err == nil {
		s.Close()
		t.Error("connecting to the unverified server succeeded")
	} else if !strings.Contains(err.Error(), "Service Unavailable") {
		t.Errorf("connecting to the unverified server: %v", err)
	}
	if code, _ := httpGet(t, badURL); code != 503 {
		t.Errorf("GET (SSE stream) on the unverified server: %d, want 503", code)
	}
	if demo.Called("echo") != calls {
		t.Error("the unverified server received a call")
	}
	states := map[string]string{}
	for _, st := range m.ControlPlane.Images() {
		states[st.Server] = string(st.State)
	}
	if states["demo"] != "verified" || states["bad"] != "failed" {
		t.Errorf("image states: %v", states)
	}
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
