package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/test/demoserver"
	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// TestControlPlaneOutage stops the control plane: Envoy and ext_proc must go
// on enforcing the last policy, then resynchronise with a new control plane
// and apply what it serves.
func TestControlPlaneOutage(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	m := startMesh(t, upstream, demoTools)
	cs := connect(t, m.URL)

	m.stopControlPlane()
	eventually(t, 15*time.Second, func() error { // Envoy noticed its xDS stream is gone
		out, err := m.envoy.Admin("/stats?filter=control_plane.connected_state")
		if err != nil {
			return err
		}
		if !strings.Contains(out, "control_plane.connected_state: 0") {
			return fmt.Errorf("envoy still reports %q", strings.TrimSpace(out))
		}
		return nil
	})
	if _, err := callTool(cs, "echo", map[string]any{"text": "control plane down"}); err != nil {
		t.Fatalf("an allowed call failed while the control plane was down: %v", err)
	}
	if _, err := callTool(cs, "run_shell", map[string]any{"command": "id"}); err == nil {
		t.Fatal("a denied call passed while the control plane was down")
	}
	if demo.Called("run_shell") != 0 {
		t.Fatal("run_shell reached the server")
	}

	// The policy changes while nobody serves it; the new control plane
	// starts from the file and every node catches up.
	old := m.ExtProc.Policy.Version()
	m.writePolicy(policyYAML(upstream, m.Listen, `    tools:
      allow: [run_shell]
`))
	m.restartControlPlane()
	m.waitNewPolicy(old)
	if _, err := callTool(cs, "run_shell", map[string]any{"command": "true"}); err != nil {
		t.Fatalf("the new policy did not take effect after the control plane returned: %v", err)
	}
	if _, err := callTool(cs, "echo", map[string]any{"text": "x"}); err == nil {
		t.Fatal("echo still allowed under the new policy")
	}
	// Envoy reconnected too and acknowledged the new control plane's config.
	eventually(t, 30*time.Second, func() error {
		for _, n := range m.ControlPlane.Status() {
			if n.Node == contract.SidecarNodeID("demo") && len(n.Acked) == 3 {
				return nil
			}
		}
		return fmt.Errorf("sidecar has not resynchronised: %+v", m.ControlPlane.Status())
	})
}

// TestAuditSinkFailure: when the audit log cannot be written, calls are
// refused rather than executed unrecorded, and service resumes with the sink.
func TestAuditSinkFailure(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	m := startMesh(t, upstream, demoTools)
	cs := connect(t, m.URL)

	m.audit.setFail(true)
	_, err := callTool(cs, "echo", map[string]any{"text": "unrecorded?"})
	if err == nil || !strings.Contains(err.Error(), "audit") {
		t.Fatalf("call with a broken audit sink: %v, want a refusal that names the audit log", err)
	}
	if n := demo.Called("echo"); n != 0 {
		t.Fatalf("echo ran %d time(s) without an audit record", n)
	}
	m.audit.setFail(false)
	if _, err := callTool(cs, "echo", map[string]any{"text": "recorded"}); err != nil {
		t.Fatalf("after the sink recovered: %v", err)
	}
}

// TestExtProcKilledUnderLoad kills and restarts ext_proc while workers keep
// calling: a denied tool never runs, and every call the server executed has
// an audit record of being allowed.
func TestExtProcKilledUnderLoad(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true, Stateless: true})
	m := startMesh(t, upstream, demoTools)

	stop := make(chan struct{})
	var wg sync.WaitGroup
	// Every third call is the denied run_shell, which always fails; the
	// outage shows in the allowed echo calls.
	var sent, echoOK, echoFailed atomic.Int64
	stopLoad := sync.OnceFunc(func() { close(stop); wg.Wait() })
	t.Cleanup(stopLoad) // also when the test fails early
	for w := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 5 * time.Second}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				tool, args := "echo", `{"text":"x"}`
				if (w+i)%3 == 0 {
					tool, args = "run_shell", `{"command":"id"}`
				}
				body := fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":%q,"arguments":%s}}`, i, tool, args)
				req, _ := http.NewRequest("POST", m.URL, strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Accept", "application/json, text/event-stream")
				resp, err := client.Do(req)
				sent.Add(1)
				ok := false
				if err == nil {
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					ok = resp.StatusCode == 200 && strings.Contains(string(b), `"result"`)
				}
				switch {
				case tool != "echo":
				case ok:
					echoOK.Add(1)
				default:
					echoFailed.Add(1)
				}
			}
		}()
	}
	// atLeast waits until counter has grown by n since the call.
	atLeast := func(counter *atomic.Int64, n int64, what string) {
		t.Helper()
		from := counter.Load()
		eventually(t, 15*time.Second, func() error {
			if got := counter.Load() - from; got < n {
				return fmt.Errorf("%d of %d %s", got, n, what)
			}
			return nil
		})
	}
	atLeast(&echoOK, 20, "echo calls through the sidecar succeeded before the outage")
	m.stopExtProc()
	atLeast(&echoFailed, 20, "echo calls failed while ext_proc was down")
	m.startExtProc(nil)
	atLeast(&echoOK, 20, "echo calls succeeded after ext_proc returned")
	stopLoad()

	if n := demo.Called("run_shell"); n != 0 {
		t.Fatalf("run_shell ran %d time(s) around an ext_proc restart", n)
	}
	allowed := 0
	for _, r := range m.auditRecords(t) {
		if r.Tool == "echo" && r.Decision == "allow" {
			allowed++
		}
	}
	if ran := demo.Called("echo"); ran > allowed || ran == 0 {
		t.Fatalf("the server ran echo %d time(s) but only %d allowed calls are on record", ran, allowed)
	}
	t.Logf("%d calls sent, %d echo calls succeeded and %d failed, echo ran %d times, %d allow records",
		sent.Load(), echoOK.Load(), echoFailed.Load(), demo.Called("echo"), allowed)
	if echoFailed.Load() == 0 {
		t.Fatal("no allowed call failed while ext_proc was down: the outage was not exercised")
	}
	// Service is back once the restarted ext_proc has the policy.
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	m.waitPolicy(ctx)
	if _, err := callTool(connect(t, m.URL), "echo", map[string]any{"text": "after"}); err != nil {
		t.Fatalf("after restart: %v", err)
	}
}

// TestExtProcFrozen freezes ext_proc's connections, as a hung process would
// be (nothing read, nothing written, HTTP/2 pings unanswered). Envoy runs no
// message timer in full-duplex mode, so the ext_proc connection's keepalive
// must cut it off: a call is refused with a JSON-RPC error after about one
// ping interval (1 s) plus the policy's message timeout, and never reaches
// the server. Calls succeed again once ext_proc thaws.
func TestExtProcFrozen(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true, Stateless: true})
	m := startMesh(t, upstream, demoTools)
	old := m.ControlPlane.Policy().Version
	m.writePolicy(strings.Replace(policyYAML(upstream, m.Listen, demoTools), "messageTimeout: 5s", "messageTimeout: 1s", 1))
	m.waitNewPolicy(old)

	// ext_proc again, behind connections the test can freeze.
	fz := newFreezer()
	m.stopExtProc()
	m.startExtProc(fz.listener)
	t.Cleanup(fz.thaw) // before the server stops: cleanups run last-in first-out
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	m.waitPolicy(ctx)

	call := []byte(`{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}`)
	succeeds := func() error {
		status, body, _ := m.post(t, call, nil)
		if status != 200 || !strings.Contains(body, `"result"`) {
			return fmt.Errorf("status %d: %s", status, body)
		}
		return nil
	}
	eventually(t, 15*time.Second, succeeds)
	ran := demo.Called("echo")

	fz.freeze()
	start := time.Now()
	req, _ := http.NewRequest("POST", m.URL, bytes.NewReader(call))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	resp, err := (&http.Client{Timeout: 15 * time.Second}).Do(req)
	took := time.Since(start)
	if err != nil {
		t.Fatalf("a call while ext_proc was frozen got no answer after %v: %v", took.Round(time.Millisecond), err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	status, body := resp.StatusCode, string(b)
	t.Logf("frozen ext_proc: status %d after %v: %s", status, took.Round(time.Millisecond), body)
	if status != 500 || !strings.Contains(body, "-32603") || !strings.Contains(body, "could not be inspected") {
		t.Fatalf("a call while ext_proc was frozen got status %d: %s", status, body)
	}
	// Up to one ping interval plus the 1 s ping timeout (just under 1 s when
	// a ping was in flight as it froze), with room for a busy machine.
	if took < 900*time.Millisecond || took > 6*time.Second {
		t.Fatalf("the frozen ext_proc was cut off after %v, want about 2 s", took)
	}
	if n := demo.Called("echo"); n != ran {
		t.Fatalf("the server ran echo %d time(s) while ext_proc was frozen", n-ran)
	}

	fz.thaw()
	eventually(t, 15*time.Second, succeeds)
}

// freezer holds every connection of a listener still while frozen: data
// read from a socket is not handed over and nothing is written.
type freezer struct {
	mu     sync.Mutex
	thawed chan struct{} // closed while not frozen
}

func newFreezer() *freezer {
	f := &freezer{thawed: make(chan struct{})}
	close(f.thawed)
	return f
}

func (f *freezer) freeze() {
	f.mu.Lock()
	defer f.mu.Unlock()
	select {
	case <-f.thawed:
		f.thawed = make(chan struct{})
	default: // already frozen
	}
}

func (f *freezer) thaw() {
	f.mu.Lock()
	defer f.mu.Unlock()
	select {
	case <-f.thawed:
	default:
		close(f.thawed)
	}
}

func (f *freezer) wait() {
	f.mu.Lock()
	c := f.thawed
	f.mu.Unlock()
	<-c
}

func (f *freezer) listener(l net.Listener) net.Listener { return freezingListener{l, f} }

type freezingListener struct {
	net.Listener
	f *freezer
}

func (l freezingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &freezingConn{Conn: c, f: l.f}, nil
}

// freezingConn embeds only net.Conn, so gRPC cannot reach around it to the
// socket itself.
type freezingConn struct {
	net.Conn
	f *freezer
}

func (c *freezingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.f.wait()
	return n, err
}

func (c *freezingConn) Write(p []byte) (int, error) {
	c.f.wait()
	return c.Conn.Write(p)
}
