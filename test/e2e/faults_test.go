package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

// TestControlPlaneOutage stops the control plane: Envoy and ext_proc must go
// on enforcing the last policy, then resynchronise with a new control plane
// and apply what it serves.
func TestControlPlaneOutage(t *testing.T) {
	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	m := startMesh(t, upstream, demoTools)
	cs := connect(t, m.URL)

	m.stopControlPlane()
	time.Sleep(300 * time.Millisecond) // let the xDS streams notice
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
	old := m.extProcSrv.Policy.Version()
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
		for _, n := range m.cp.Status() {
			if n.Node == "sidecar/demo" && len(n.Acked) == 3 {
				return nil
			}
		}
		return fmt.Errorf("sidecar has not resynchronised: %+v", m.cp.Status())
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
