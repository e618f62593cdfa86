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
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/controlplane"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/translator"
)

// repoRoot is where the Makefile installed bin/envoy.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// mesh is a control plane, an ext_proc service and one Envoy sidecar on
// loopback, wired exactly as `mcpmesh dev` wires them.
type mesh struct {
	t          *testing.T
	policyFile string
	URL        string // the MCP endpoint agents use
	Listen     string
	cp         *controlplane.ControlPlane
	xdsAddr    string
	envoy      *envoy.Process
	audit      *syncBuffer
	registry   *prometheus.Registry // ext_proc's metrics
	cpRegistry *prometheus.Registry // the current control plane's metrics

	log         *slog.Logger
	extProcPort int
	cpCancel    context.CancelFunc
	cpDone      chan struct{}

	mu         sync.Mutex
	extProcL   string
	epCancel   context.CancelFunc
	epDone     chan struct{}
	extProcSrv *extproc.Server
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
	dir := t.TempDir()
	listenPort, err := envoy.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	// ext_proc's socket is bound now and held, so no other test can take the port.
	epListener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	m := &mesh{
		t:           t,
		policyFile:  filepath.Join(dir, "policy.yaml"),
		Listen:      fmt.Sprintf("127.0.0.1:%d", listenPort),
		extProcL:    epListener.Addr().String(),
		extProcPort: epListener.Addr().(*net.TCPAddr).Port,
		audit:       &syncBuffer{},
		registry:    prometheus.NewRegistry(),
		log:         log,
	}
	m.URL = "http://" + m.Listen + "/mcp"
	m.writePolicy(policyYAML(upstream, m.Listen, tools))

	xl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	m.xdsAddr = xl.Addr().String()
	m.startControlPlane(xl)

	m.extProcSrv = extproc.NewServer(extproc.NewMetrics(m.registry), audit.New(m.audit), log)
	m.startExtProcOn(epListener)

	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("audit log:\n%s", tail(m.audit.String(), 20))
		}
	})
	m.envoy = m.startSidecar(t, "demo", dir, m.Listen)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	m.waitPolicy(ctx)
	return m
}

// startSidecar starts an Envoy, the sidecar of server, on the mesh's control
// plane with its files in dir, and waits until it listens on listen. Its log
// is shown if the test fails.
func (m *mesh) startSidecar(t *testing.T, server, dir, listen string) *envoy.Process {
	t.Helper()
	bin, err := envoy.FindBinary(repoRoot())
	if err != nil {
		t.Fatalf("%v", err) // never skip: the suite is meaningless without the real Envoy
	}
	host, port, err := net.SplitHostPort(m.xdsAddr)
	if err != nil {
		t.Fatal(err)
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		t.Fatal(err)
	}
	e, err := envoy.Start(context.Background(), envoy.Options{
		Binary:    bin,
		WorkDir:   dir,
		Bootstrap: envoy.Bootstrap{NodeID: contract.SidecarNodeID(server), XDSHost: host, XDSPort: p},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		e.Stop()
		if t.Failed() {
			b, _ := os.ReadFile(e.LogPath)
			t.Logf("envoy log (%s):\n%s", server, tail(string(b), 40))
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := e.WaitListener(ctx, listen); err != nil {
		t.Fatal(err)
	}
	return e
}

// startControlPlane starts a control plane that loads and watches the
// policy file and serves ADS on l. A restarted one starts from the file, as
// a restarted process would.
func (m *mesh) startControlPlane(l net.Listener) {
	m.t.Helper()
	m.cpRegistry = prometheus.NewRegistry()
	m.cp = controlplane.New(controlplane.Options{
		Translator: translator.Options{ExtProc: ir.Endpoint{Host: "127.0.0.1", Port: uint32(m.extProcPort)}},
		Logger:     m.log,
		Metrics:    controlplane.NewMetrics(m.cpRegistry),
	})
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan error, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		go m.cp.WatchFile(ctx, m.policyFile, 100*time.Millisecond, func(err error) { ready <- err })
		_ = m.cp.Serve(ctx, l)
	}()
	if err := <-ready; err != nil {
		cancel()
		m.t.Fatalf("policy: %v", err)
	}
	m.cpCancel, m.cpDone = cancel, done
	m.t.Cleanup(cancel)
}

func (m *mesh) stopControlPlane() {
	m.cpCancel()
	<-m.cpDone
}

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

// restartControlPlane starts a new control plane on the old address.
func (m *mesh) restartControlPlane() {
	m.t.Helper()
	m.startControlPlane(m.listenAgain(m.xdsAddr))
}

// startExtProc (re)starts the ext_proc service on its fixed address with a
// fresh policy store that follows the control plane, as a restarted process would.
func (m *mesh) startExtProc() {
	m.t.Helper()
	m.startExtProcOn(m.listenAgain(m.extProcL))
}

// listenAgain listens on the address a stopped service had; the old socket
// may linger for a moment.
func (m *mesh) listenAgain(addr string) net.Listener {
	m.t.Helper()
	var err error
	for range 100 {
		var l net.Listener
		if l, err = net.Listen("tcp", addr); err == nil {
			return l
		}
		time.Sleep(20 * time.Millisecond)
	}
	m.t.Fatalf("listen on %s again: %v", addr, err)
	return nil
}

func (m *mesh) startExtProcOn(l net.Listener) {
	m.mu.Lock()
	defer m.mu.Unlock()
	srv := extproc.NewServer(m.extProcSrv.Metrics, m.extProcSrv.Audit, m.extProcSrv.Log)
	m.extProcSrv = srv
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		go func() { _ = extproc.FollowControlPlane(ctx, m.xdsAddr, srv.Policy, srv.Log) }()
		_ = srv.Serve(ctx, l)
	}()
	m.epCancel, m.epDone = cancel, done
	m.t.Cleanup(cancel)
}

func (m *mesh) stopExtProc() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.epCancel()
	<-m.epDone
}

// waitPolicy waits until ext_proc enforces the control plane's current policy.
func (m *mesh) waitPolicy(ctx context.Context) {
	m.t.Helper()
	want := m.cp.Policy().Version
	for m.extProcSrv.Policy.Version() != want {
		select {
		case <-ctx.Done():
			m.t.Fatalf("ext_proc never received policy %s (has %q)", want, m.extProcSrv.Policy.Version())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// waitNewPolicy waits until the control plane serves a policy other than old
// and ext_proc enforces it.
func (m *mesh) waitNewPolicy(old string) {
	m.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for m.cp.Policy().Version == old {
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
