package e2e

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

// TestHostileRequests sends messages built to slip past a careless parser.
// Each must be refused with a reason, and the denied tool must never run.
func TestHostileRequests(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true, Stateless: true})
	m := startMesh(t, upstream, demoTools)

	const call = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"run_shell","arguments":{"command":"id"}}}`
	cases := []struct {
		name     string
		body     string
		header   map[string]string
		status   int
		contains string
	}{
		{"denied tool", call, nil, 200, `tools.deny`},
		{"duplicate method key", `{"jsonrpc":"2.0","id":1,"method":"tools/list","method":"tools/call","params":{"name":"run_shell"}}`, nil, 400, "duplicate"},
		{"duplicate name key", `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","name":"run_shell","arguments":{}}}`, nil, 400, "duplicate"},
		{"escaped duplicate", `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","\u006eame":"run_shell","arguments":{}}}`, nil, 400, "duplicate"},
		{"escaped tool name", `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"run\u005fshell","arguments":{}}}`, nil, 200, `tools.deny`},
		{"escaped method", `{"jsonrpc":"2.0","id":1,"method":"tools\/call","params":{"name":"run_shell","arguments":{}}}`, nil, 200, `tools.deny`},
		{"case variant key", `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"Name":"run_shell","name":"echo","arguments":{}}}`, nil, 200, "letter case"},
		{"case variant top-level key", `{"jsonrpc":"2.0","id":1,"Method":"tools/call","method":"tools/list"}`, nil, 400, "letter case"},
		{"batch with a denied call", `[{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"a"}}},` + call + `]`, nil, 200, `tools.deny`},
		{"tools/call as a notification", `{"jsonrpc":"2.0","method":"tools/call","params":{"name":"run_shell","arguments":{"command":"id"}}}`, nil, 403, "refused by policy"},
		{"batch reusing an id", `[` + call + `,` + call + `]`, nil, 400, "id"},
		{"malformed json", `{"jsonrpc":"2.0","id":1,"method":"tools/call",`, nil, 400, "mcpmesh"},
		{"trailing garbage", call + `{"x":1}`, nil, 400, "mcpmesh"},
		{"gzip body", call, map[string]string{"Content-Encoding": "gzip"}, 415, "compressed"},
		{"text/plain", call, map[string]string{"Content-Type": "text/plain"}, 415, "application/json"},
		{"no content type", call, map[string]string{"Content-Type": ""}, 415, "application/json"},
		{"Mcp-Name header disagrees", call, map[string]string{"Mcp-Method": "tools/call", "Mcp-Name": "echo"}, 400, "does not match"},
		{"oversized", `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"` + strings.Repeat("a", 2<<20) + `"}}}`, nil, 413, "larger than"},
		{"deeply nested", `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}}}`, nil, 400, "mcpmesh"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body, hdr := m.post(t, []byte(c.body), c.header)
			if status != c.status || !strings.Contains(body, c.contains) {
				t.Errorf("HTTP %d %q; want %d containing %q", status, body, c.status, c.contains)
			}
			if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("refusal has content type %q, want application/json", ct)
			}
			if !strings.Contains(body, `"jsonrpc":"2.0"`) {
				t.Errorf("refusal is not a JSON-RPC message: %q", body)
			}
			if c.status != 413 && hdr.Get("X-Mcpmesh-Decision") != "deny" {
				t.Errorf("refusal lacks x-mcpmesh-decision: deny (headers %v)", hdr)
			}
		})
	}
	if n := demo.Called("run_shell"); n != 0 {
		t.Fatalf("run_shell reached the server %d time(s)", n)
	}
	if n := demo.Called("echo"); n != 0 {
		t.Fatalf("echo from a refused message reached the server %d time(s)", n)
	}

	// The sidecar still answers normally after all of the above.
	status, _, _ := m.post(t, []byte(call), nil)
	if status != 200 {
		t.Fatalf("sanity: %d", status)
	}
}

// TestHostileTransports repeats the decisive cases over other framings of
// the same bytes: HTTP/1.1 chunked bodies and cleartext HTTP/2.
func TestHostileTransports(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true, Stateless: true})
	m := startMesh(t, upstream, demoTools)

	h2 := &http.Transport{Protocols: new(http.Protocols)}
	h2.Protocols.SetUnencryptedHTTP2(true)
	clients := map[string]*http.Client{
		"http1.1-chunked": {Transport: &http.Transport{}},
		"h2c":             {Transport: h2},
	}
	const denied = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"run_shell","arguments":{"command":"id"}}}`
	const allowed = `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`
	const upper = `{"jsonrpc":"2.0","id":3,"method":"TOOLS/CALL","params":{"name":"run_shell","arguments":{"command":"id"}}}`
	for name, c := range clients {
		t.Run(name, func(t *testing.T) {
			send := func(body string) (int, string, string) {
				// An io.Reader without a length makes HTTP/1.1 use chunked encoding.
				req, _ := http.NewRequest("POST", m.URL, io.MultiReader(strings.NewReader(body)))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Accept", "application/json, text/event-stream")
				req.Header.Set("MCP-Protocol-Version", "2025-11-25")
				resp, err := c.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				return resp.StatusCode, string(b), resp.Proto
			}
			status, body, proto := send(denied)
			if status != 200 || !strings.Contains(body, "tools.deny") {
				t.Errorf("denied call over %s: %d %s", proto, status, body)
			}
			if name == "h2c" && proto != "HTTP/2.0" {
				t.Fatalf("spoke %s, want HTTP/2.0", proto)
			}
			if status, body, _ := send(allowed); status != 200 || !strings.Contains(body, `"hi"`) {
				t.Errorf("allowed call: %d %s", status, body)
			}
			// The server matches method names exactly, so does the gateway: an
			// upper-case method is not a tool call for either of them.
			if status, body, _ := send(upper); status == 200 && strings.Contains(body, `"result"`) {
				t.Errorf("upper-case method: %d %s", status, body)
			}
		})
	}
	if n := demo.Called("run_shell"); n != 0 {
		t.Fatalf("run_shell ran %d time(s)", n)
	}
	if n := demo.Called("echo"); n != len(clients) {
		t.Fatalf("echo ran %d time(s), want %d", n, len(clients))
	}
}
