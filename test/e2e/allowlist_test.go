package e2e

import (
	"context"
	"errors"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

func startDemo(t *testing.T, o demoserver.Options) (*demoserver.Server, string) {
	t.Helper()
	d := demoserver.New()
	return d, serveDemo(t, d, o)
}

// serveDemo serves d on a free loopback port and returns its address.
func serveDemo(t *testing.T, d *demoserver.Server, o demoserver.Options) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: d.Handler(o)}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return l.Addr().String()
}

func connect(t *testing.T, url string) *mcp.ClientSession {
	t.Helper()
	return connectVersion(t, url, "")
}

// connectVersion connects with the given protocol revision ("" for the SDK's latest).
func connectVersion(t *testing.T, url, version string) *mcp.ClientSession {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	cs, err := dial(ctx, url, version)
	if err != nil {
		t.Fatalf("connect through the sidecar (protocol %q): %v", version, err)
	}
	t.Cleanup(func() { _ = cs.Close() })
	return cs
}

// dial connects the Go SDK client to url with the given protocol revision
// ("" for the SDK's latest) and returns the error instead of failing the test.
func dial(ctx context.Context, url, version string) (*mcp.ClientSession, error) {
	c := mcp.NewClient(&mcp.Implementation{Name: "mcpmesh-e2e", Version: "1.0.0"}, nil)
	return c.Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, MaxRetries: -1}, &mcp.ClientSessionOptions{ProtocolVersion: version})
}

func callTool(cs *mcp.ClientSession, name string, args map[string]any) (*mcp.CallToolResult, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return cs.CallTool(ctx, &mcp.CallToolParams{Name: name, Arguments: args})
}

func toolNames(t *testing.T, cs *mcp.ClientSession) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := cs.ListTools(ctx, nil)
	if err != nil {
		t.Fatalf("tools/list: %v", err)
	}
	var names []string
	for _, tl := range res.Tools {
		names = append(names, tl.Name)
	}
	slices.Sort(names)
	return names
}

func textOf(r *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range r.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

// serverMode is a transport configuration of the demo server.
type serverMode struct {
	name string
	opts demoserver.Options
}

// responseModes are the server's two ways of answering a POST, with a
// session: an SSE stream and a single JSON response.
var responseModes = []serverMode{
	{"sse", demoserver.Options{}},
	{"json", demoserver.Options{JSONResponse: true}},
}

// protocolVersions are the MCP revisions the Go SDK speaks and the mesh must carry.
var protocolVersions = []string{"2025-06-18", "2025-11-25", "2026-07-28"}

// TestAllowlist drives the official Go SDK client through the real Envoy
// sidecar, in every response mode of the server and every protocol revision.
func TestAllowlist(t *testing.T) {
	modes := slices.Concat(responseModes, []serverMode{
		{"stateless-sse", demoserver.Options{Stateless: true}},
		{"stateless-json", demoserver.Options{JSONResponse: true, Stateless: true}},
	})
	for _, mode := range modes {
		for _, version := range protocolVersions {
			t.Run(mode.name+"/"+version, func(t *testing.T) { testAllowlist(t, mode.opts, version) })
		}
	}
}

func testAllowlist(t *testing.T, opts demoserver.Options, version string) {
	demo, upstream := startDemo(t, opts)
	m := startMesh(t, upstream, demoTools)
	// The sidecar must not change what client and server agree on.
	direct := connectVersion(t, "http://"+upstream+"/mcp", version).InitializeResult().ProtocolVersion
	cs := connectVersion(t, m.URL, version)
	if got := cs.InitializeResult().ProtocolVersion; got != direct {
		t.Fatalf("negotiated protocol %q through the sidecar, %q directly", got, direct)
	}
	t.Logf("asked for %s, negotiated %s", version, direct)

	if got, want := toolNames(t, cs), []string{"echo", "get_time"}; !slices.Equal(got, want) {
		t.Errorf("tools/list through the sidecar = %v, want %v (run_shell must be hidden)", got, want)
	}

	res, err := callTool(cs, "echo", map[string]any{"text": "hello through the mesh"})
	if err != nil {
		t.Fatalf("allowed call failed: %v", err)
	}
	if got := textOf(res); got != "hello through the mesh" {
		t.Errorf("echo returned %q", got)
	}

	_, err = callTool(cs, "run_shell", map[string]any{"command": "id"})
	if err == nil {
		t.Fatal("denied call succeeded")
	}
	for _, want := range []string{"run_shell", `tools.deny \"run_shell\"`} {
		if !strings.Contains(err.Error(), want) && !strings.Contains(err.Error(), strings.ReplaceAll(want, `\"`, `"`)) {
			t.Errorf("denial %q does not mention %s", err, want)
		}
	}
	if n := demo.Called("run_shell"); n != 0 {
		t.Errorf("the server received run_shell %d time(s); the sidecar must stop it", n)
	}
	if n := demo.Called("echo"); n != 1 {
		t.Errorf("the server received echo %d time(s), want 1", n)
	}

	// Every decision is on record.
	var sawDeny, sawAllow, sawFilter bool
	for _, r := range m.auditRecords(t) {
		switch {
		case r.Tool == "run_shell" && r.Decision == "deny":
			sawDeny = r.Rule == `tools.deny "run_shell"` && r.Server == "demo" && r.ID != ""
		case r.Tool == "echo" && r.Decision == "allow":
			sawAllow = true
		case r.Method == "tools/list" && r.Decision == "modify":
			sawFilter = slices.Contains(r.Removed, "run_shell")
		}
	}
	if !sawDeny || !sawAllow || !sawFilter {
		t.Errorf("audit log misses decisions (deny %v, allow %v, filter %v):\n%s", sawDeny, sawAllow, sawFilter, m.audit.String())
	}
	want := `
# HELP mcpmesh_extproc_tool_calls_total tools/call requests by server, tool and decision.
# TYPE mcpmesh_extproc_tool_calls_total counter
mcpmesh_extproc_tool_calls_total{decision="allow",server="demo",tool="echo"} 1
mcpmesh_extproc_tool_calls_total{decision="deny",server="demo",tool="run_shell"} 1
`
	if err := testutil.GatherAndCompare(m.registry, strings.NewReader(want), "mcpmesh_extproc_tool_calls_total"); err != nil {
		t.Error(err)
	}
}

// TestPolicyChangeLive edits the policy file while a client is connected.
func TestPolicyChangeLive(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{})
	m := startMesh(t, upstream, demoTools)
	cs := connect(t, m.URL)
	if _, err := callTool(cs, "echo", map[string]any{"text": "before"}); err != nil {
		t.Fatalf("echo before the change: %v", err)
	}
	version := m.ControlPlane.Policy().Version

	// Deny echo, allow run_shell.
	m.writePolicy(policyYAML(upstream, m.Listen, `    tools:
      allow: [run_shell, get_time]
`))
	m.waitNewPolicy(version)
	if _, err := callTool(cs, "echo", map[string]any{"text": "after"}); err == nil {
		t.Fatal("echo still allowed after the policy change")
	}
	if _, err := callTool(cs, "run_shell", map[string]any{"command": "true"}); err != nil {
		t.Fatalf("run_shell should now be allowed: %v", err)
	}
	if got, want := toolNames(t, cs), []string{"get_time", "run_shell"}; !slices.Equal(got, want) {
		t.Errorf("tools/list after the change = %v, want %v", got, want)
	}
	if demo.Called("echo") != 1 {
		t.Errorf("echo reached the server %d times, want 1 (only before the change)", demo.Called("echo"))
	}

	// An invalid edit is rejected and the last good policy keeps serving.
	version = m.ControlPlane.Policy().Version
	invalid := m.policyReloads("invalid")
	m.writePolicy("version: 1\nservers:\n  - name: demo\n    upstream: not-an-address\n")
	eventually(t, 10*time.Second, func() error {
		if m.policyReloads("invalid") == invalid {
			return errors.New("the control plane has not read the invalid policy")
		}
		return nil
	})
	if m.ControlPlane.Policy().Version != version {
		t.Fatalf("an invalid policy replaced the good one")
	}
	if _, err := callTool(cs, "run_shell", map[string]any{"command": "true"}); err != nil {
		t.Fatalf("the last good policy stopped serving: %v", err)
	}
}

// TestFailClosed kills ext_proc: calls must fail, never pass unchecked, and
// service must come back when it returns.
func TestFailClosed(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	m := startMesh(t, upstream, demoTools)
	cs := connect(t, m.URL)
	if _, err := callTool(cs, "echo", map[string]any{"text": "up"}); err != nil {
		t.Fatalf("echo: %v", err)
	}
	m.stopExtProc()
	before := demo.Called("echo")
	if _, err := callTool(cs, "echo", map[string]any{"text": "while ext_proc is down"}); err == nil {
		t.Fatal("a call succeeded while ext_proc was down")
	}
	status, body, _ := m.post(t, []byte(`{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}`), nil)
	if status < 500 || !strings.Contains(body, "mcpmesh") {
		t.Errorf("with ext_proc down: HTTP %d %q, want a 5xx with a reason", status, body)
	}
	if demo.Called("echo") != before {
		t.Fatalf("a call reached the server while ext_proc was down")
	}

	m.startExtProc(nil)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	m.waitPolicy(ctx) // a restarted ext_proc refuses everything until the policy arrives
	if _, err := callTool(connect(t, m.URL), "echo", map[string]any{"text": "back"}); err != nil {
		t.Fatalf("after ext_proc returned: %v", err)
	}
}
