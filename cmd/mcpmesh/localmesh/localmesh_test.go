package localmesh

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/mcpmesh/mcpmesh/xds/ir"
)

const policyYAML = `version: 1
servers:
  - name: demo
    upstream: 127.0.0.1:1
    unverifiedLocal: true
    listen: 127.0.0.1:2
    path: /mcp
    tools:
      allow: [echo]
`

// Start without Envoy: ext_proc holds the control plane's policy when Start
// returns, and both come back after a restart on their old addresses.
func TestStartFollowsAndRestarts(t *testing.T) {
	file := filepath.Join(t.TempDir(), "policy.yaml")
	if err := os.WriteFile(file, []byte(policyYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	m, err := Start(ctx, Options{ControlPlane: ControlPlaneOptions{PolicyFile: file, Poll: 50 * time.Millisecond, Registry: prometheus.NewRegistry()}})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Stop()
	want := m.ControlPlane.Policy().Version
	if got := m.ExtProc.Policy.Version(); got == "" || got != want {
		t.Fatalf("ext_proc enforces %q, the control plane serves %q", got, want)
	}
	if len(m.Sidecars) != 0 {
		t.Fatalf("sidecars started without an Envoy binary: %v", m.Sidecars)
	}

	cpAddr, epAddr := m.ControlPlane.Addr, m.ExtProc.Addr
	if err := m.RestartExtProc(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := m.RestartControlPlane(ctx, prometheus.NewRegistry()); err != nil {
		t.Fatal(err)
	}
	if m.ControlPlane.Addr != cpAddr || m.ExtProc.Addr != epAddr {
		t.Fatalf("restarted on %s and %s, want %s and %s", m.ControlPlane.Addr, m.ExtProc.Addr, cpAddr, epAddr)
	}
	if err := m.WaitPolicy(ctx); err != nil {
		t.Fatal(err)
	}
	m.Stop()
	m.Stop() // stopping twice is allowed
}

func TestStartNeedsOnePolicySource(t *testing.T) {
	ctx := context.Background()
	if _, err := StartControlPlane(ctx, ControlPlaneOptions{}); err == nil {
		t.Fatal("a control plane without a policy started")
	}
	if _, err := StartControlPlane(ctx, ControlPlaneOptions{PolicyFile: "x.yaml", Policy: &ir.Policy{}}); err == nil {
		t.Fatal("a control plane with two policies started")
	}
	if _, err := Start(ctx, Options{ControlPlane: ControlPlaneOptions{PolicyFile: filepath.Join(t.TempDir(), "missing.yaml")}}); err == nil {
		t.Fatal("a mesh without a readable policy started")
	}
}
