package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sys/unix"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/localmesh"
	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/test/demoserver"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// repoRoot is where the Makefile installed bin/envoy.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// mesh is a control plane, an ext_proc service and one Envoy sidecar on
// loopback, started by localmesh as `mcpmesh dev` starts them.
type mesh struct {
	*localmesh.Mesh
	t          *testing.T
	policyFile string
	URL        string // the MCP endpoint agents use
	Listen     string
	envoy      *envoy.Process       // the sidecar of the server "demo"
	audit      *syncBuffer          // ext_proc's audit log
	registry   *prometheus.Registry // ext_proc's metrics
	cpRegistry *prometheus.Registry // the current control plane's metrics
}

// policyYAML renders a one-server policy for upstream with the given tools section.
func policyYAML(upstream, listen, tools string) string {
	return fmt.Sprintf(`version: 1
limits:
  maxBodyBytes: 1048576
  messageTimeout: 5s
servers:
  - name: demo
    upstream: %s
    unverifiedLocal: true
    listen: %s
    path: /mcp
%s`, upstream, listen, tools)
}

const demoTools = `    tools:
      allow: [echo, "get_*"]
      deny: [run_shell]
`

func startMesh(t *testing.T, upstream string, tools string) *mesh {
	t.Helper()
	return startMeshYAML(t, func(listen string) string { return policyYAML(upstream, listen, tools) })
}

// startMeshYAML starts a mesh on the policy policy(listen) renders, where
// listen is the sidecar address of the server "demo".
func startMeshYAML(t *testing.T, policy func(listen string) string) *mesh {
	t.Helper()
	m, _ := startMeshPorts(t, 0, func(listen string, _ []int) string { return policy(listen) })
	return m
}

// startMeshPorts is startMeshYAML with n more free ports for the policy
// (an ingress's, say), which it returns.
func startMeshPorts(t *testing.T, n int, policy func(listen string, ports []int) string) (*mesh, []int) {
	t.Helper()
	dir := t.TempDir()
	bin, err := envoy.FindBinary(repoRoot())
	if err != nil {
		t.Fatalf("%v", err) // never skip: the suite is meaningless without the real Envoy
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	m := &mesh{t: t, policyFile: filepath.Join(dir, "policy.yaml")}
	t.Cleanup(func() {
		if t.Failed() && m.audit != nil {
			t.Logf("audit log:\n%s", tail(m.audit.String(), 20))
		}
	})
	// ext_proc on a Unix socket, as in a pod and in `make run` (the load
	// tests keep loopback TCP covered). Socket paths are short: own folder.
	sockDir, err := os.MkdirTemp("", "mcpmesh-e2e")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	// The ports are picked before Envoy binds them: when another test
	// process binds one first, the mesh starts again on fresh ones.
	var more []int
	err = envoy.WithFreePorts(1+n, func(ports []int) error {
		m.Listen = fmt.Sprintf("127.0.0.1:%d", ports[0])
		m.URL = "http://" + m.Listen + "/mcp"
		more = ports[1:]
		m.writePolicy(policy(m.Listen, more))
		// Fresh for each try: the parts of a failed one registered theirs.
		m.audit, m.registry, m.cpRegistry = &syncBuffer{}, prometheus.NewRegistry(), prometheus.NewRegistry()
		var err error
		m.Mesh, err = localmesh.Start(context.Background(), localmesh.Options{
			// Polled often, so that tests see policy edits quickly.
			ControlPlane: localmesh.ControlPlaneOptions{PolicyFile: m.policyFile, Poll: 100 * time.Millisecond, Registry: m.cpRegistry, Logger: log},
			ExtProc: localmesh.ExtProcOptions{Addr: ir.UnixPrefix + filepath.Join(sockDir, "extproc.sock"),
				Metrics: extproc.NewMetrics(m.registry), Audit: audit.New(m.audit), Logger: log},
			EnvoyBinary: bin,
			WorkDir:     dir,
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.Stop)
	m.envoy = m.Sidecars["demo"]
	showLogOnFailure(t, "demo", m.envoy)
	return m, more
}

// startSidecar starts another sidecar, for server, on the mesh's control
// plane with its files in dir, and waits until it listens on listen.
func (m *mesh) startSidecar(t *testing.T, server, dir, listen string) *envoy.Process {
	t.Helper()
	bin, err := envoy.FindBinary(repoRoot())
	if err != nil {
		t.Fatalf("%v", err)
	}
	e, err := localmesh.StartSidecar(context.Background(), localmesh.SidecarOptions{
		Binary: bin, WorkDir: dir, ControlPlane: m.ControlPlane.Addr, Server: server, Listen: listen,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Stop)
	showLogOnFailure(t, server, e)
	return e
}

// showLogOnFailure shows the end of an Envoy's log if the test fails.
func showLogOnFailure(t *testing.T, server string, e *envoy.Process) {
	t.Cleanup(func() {
		if t.Failed() {
			b, _ := os.ReadFile(e.LogPath)
			t.Logf("envoy log (%s):\n%s", server, tail(string(b), 40))
		}
	})
}

func (m *mesh) stopControlPlane() { m.ControlPlane.Stop() }

// policyReloads is the control plane's count of policy file loads with
// result (applied, unchanged, invalid).
func (m *mesh) policyReloads(result string) float64 {
	m.t.Helper()
	mfs, err := m.cpRegistry.Gather()
	if err != nil {
		m.t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "mcpmesh_controlplane_policy_reloads_total" {
			continue
		}
		for _, s := range mf.GetMetric() {
			for _, l := range s.GetLabel() {
				if l.GetName() == "result" && l.GetValue() == result {
					return s.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}

// restartControlPlane starts a new control plane on the old address; it
// starts from the policy file, as a restarted process would.
func (m *mesh) restartControlPlane() {
	m.t.Helper()
	m.cpRegistry = prometheus.NewRegistry()
	if err := m.RestartControlPlane(context.Background(), m.cpRegistry); err != nil {
		m.t.Fatal(err)
	}
}

func (m *mesh) stopExtProc() { m.ExtProc.Stop() }

// startExtProc restarts ext_proc on its old address with a fresh policy
// store that follows the control plane, as a restarted process would; wrap,
// when set, wraps its listener.
func (m *mesh) startExtProc(wrap func(net.Listener) net.Listener) {
	m.t.Helper()
	if err := m.RestartExtProc(context.Background(), wrap); err != nil {
		m.t.Fatal(err)
	}
}

// waitPolicy waits until ext_proc enforces the control plane's current policy.
func (m *mesh) waitPolicy(ctx context.Context) {
	m.t.Helper()
	if err := m.WaitPolicy(ctx); err != nil {
		m.t.Fatal(err)
	}
}

// waitNewPolicy waits until the control plane serves a policy other than old
// and ext_proc enforces it.
func (m *mesh) waitNewPolicy(old string) {
	m.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for m.ControlPlane.Policy().Version == old {
		select {
		case <-ctx.Done():
			m.t.Fatalf("the control plane never picked up the edited policy")
		case <-time.After(20 * time.Millisecond):
		}
	}
	m.waitPolicy(ctx)
}

func (m *mesh) writePolicy(y string) {
	m.t.Helper()
	tmp := m.policyFile + ".tmp"
	if err := os.WriteFile(tmp, []byte(y), 0o644); err != nil {
		m.t.Fatal(err)
	}
	if err := os.Rename(tmp, m.policyFile); err != nil {
		m.t.Fatal(err)
	}
}

// post sends a raw HTTP request to the sidecar.
func (m *mesh) post(t *testing.T, body []byte, header map[string]string) (int, string, http.Header) {
	t.Helper()
	return post(t, m.URL, body, header)
}

// post sends body to url as an MCP client would; a header with an empty
// value is removed.
func post(t *testing.T, url string, body []byte, header map[string]string) (int, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range header {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// auditRecords returns the audit lines written so far.
func (m *mesh) auditRecords(t *testing.T) []audit.Record {
	t.Helper()
	var out []audit.Record
	for _, line := range strings.Split(strings.TrimSpace(m.audit.String()), "\n") {
		if line == "" {
			continue
		}
		var r audit.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("audit line is not JSON: %q: %v", line, err)
		}
		out = append(out, r)
	}
	return out
}

// syncBuffer is the audit sink; fail makes it behave like a full disk.
type syncBuffer struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	fail bool
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.fail {
		return 0, errors.New("no space left on device")
	}
	return b.buf.Write(p)
}

func (b *syncBuffer) setFail(v bool) {
	b.mu.Lock()
	b.fail = v
	b.mu.Unlock()
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Reset drops the records written so far.
func (b *syncBuffer) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Reset()
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// eventually polls f until it returns nil or the deadline passes.
func eventually(t *testing.T, d time.Duration, f func() error) {
	t.Helper()
	deadline := time.Now().Add(d)
	var err error
	for time.Now().Before(deadline) {
		if err = f(); err == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("condition not met within %v: %v", d, err)
}

// TestExtProcOverUnixSocket: the sidecar reaches ext_proc through the Unix
// socket the control plane names (an Envoy pipe address), not over TCP.
func TestExtProcOverUnixSocket(t *testing.T) {
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	m := startMesh(t, upstream, demoTools)
	if r, err := callTool(connect(t, m.URL), "echo", map[string]any{"text": "over a socket"}); err != nil || textOf(r) != "over a socket" {
		t.Fatalf("echo through the sidecar: %v %v", r, err)
	}
	dump, err := m.envoy.Admin("/config_dump?resource=dynamic_active_clusters")
	if err != nil {
		t.Fatal(err)
	}
	path := strings.TrimPrefix(m.ExtProc.Addr, ir.UnixPrefix)
	if !strings.HasPrefix(m.ExtProc.Addr, ir.UnixPrefix) || !strings.Contains(dump, `"pipe"`) || !strings.Contains(dump, path) {
		t.Fatalf("the ext_proc cluster does not use the socket %s:\n%s", m.ExtProc.Addr, tail(dump, 40))
	}
}

// TestDNSRebindingRefused: through the real sidecar, a request a web page
// could make a browser send (a foreign Origin, or a rebound host name that
// resolves to the loopback sidecar) is refused and never reaches the server.
func TestDNSRebindingRefused(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	m := startMesh(t, upstream, demoTools)
	body := `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}`
	for _, c := range []struct{ host, origin string }{
		{"", "https://evil.example"},
		{"rebound.evil.example:" + strings.Split(m.Listen, ":")[1], ""},
	} {
		req, _ := http.NewRequest("POST", m.URL, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		if c.host != "" {
			req.Host = c.host
		}
		if c.origin != "" {
			req.Header.Set("Origin", c.origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 403 || !strings.Contains(string(b), "DNS rebinding") {
			t.Errorf("host %q origin %q: %d %s", c.host, c.origin, resp.StatusCode, b)
		}
	}
	if calls := demo.Calls(); len(calls) != 0 {
		t.Fatalf("the server ran %v", calls)
	}
}

// TestRiskySequenceRefused: through the real sidecar, a tool tagged
// sends-out called right after one tagged reads-secrets in the same MCP
// session is refused; the same tool in a fresh session is not.
func TestRiskySequenceRefused(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	m := startMesh(t, upstream, demoTools+`    sequences:
      tags:
        reads-secrets: [get_time]
        sends-out: [echo]
      rules:
        - {name: exfiltration, after: reads-secrets, then: sends-out, within: 5}
`)
	cs := connect(t, m.URL)
	if _, err := callTool(cs, "get_time", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	_, err := callTool(cs, "echo", map[string]any{"text": "the secret"})
	if err == nil || !strings.Contains(err.Error(), "sequences.exfiltration") {
		t.Fatalf("echo after get_time in one session: %v, want a refusal naming the rule", err)
	}
	if r, err := callTool(connect(t, m.URL), "echo", map[string]any{"text": "hi"}); err != nil || textOf(r) != "hi" {
		t.Fatalf("echo in a fresh session: %v %v", r, err)
	}
	if calls := demo.Calls(); !slices.Equal(calls, []string{"get_time", "echo"}) {
		t.Fatalf("the server ran %v, want get_time and the fresh session's echo only", calls)
	}
}

// TestListenerPortNotShared: no other process can bind the sidecar's port
// beside Envoy, not even one of the same user asking for SO_REUSEPORT,
// which would take a share of the agents' connections past every check.
func TestListenerPortNotShared(t *testing.T) {
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	m := startMesh(t, upstream, demoTools)
	lc := net.ListenConfig{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		if err := c.Control(func(fd uintptr) {
			serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
		}); err != nil {
			return err
		}
		return serr
	}}
	l, err := lc.Listen(context.Background(), "tcp", m.Listen)
	if err == nil {
		l.Close()
		t.Fatalf("another socket bound the sidecar's port %s beside Envoy", m.Listen)
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		t.Fatalf("binding the sidecar's port: %v, want address in use", err)
	}
	// and the sidecar still serves
	if r, err := callTool(connect(t, m.URL), "echo", map[string]any{"text": "still mine"}); err != nil || textOf(r) != "still mine" {
		t.Fatalf("echo through the sidecar: %v %v", r, err)
	}
}
