package controlplane

import (
	"context"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	"github.com/envoyproxy/go-control-plane/pkg/client/sotw/v3"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/translator"
)

func testPolicy(version string, allow ...string) *ir.Policy {
	return &ir.Policy{
		Version: version,
		Limits:  ir.Limits{MaxBodyBytes: 1 << 20, MessageTimeoutMillis: 1000},
		Servers: []ir.Server{{
			Name:            "demo",
			Upstream:        ir.Endpoint{Host: "127.0.0.1", Port: 8080},
			Listen:          ir.Endpoint{Host: "127.0.0.1", Port: 10000},
			Path:            "/mcp",
			UnverifiedLocal: true,
			Policy: chain.Policy{
				Tools: allowlist.Policy{Allow: allow},
			},
		}},
	}
}

func newCP(t *testing.T) (*ControlPlane, string) {
	t.Helper()
	cp := New(Options{
		Translator: translator.Options{ExtProc: ir.Endpoint{Host: "127.0.0.1", Port: 18081}},
		Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go func() { _ = cp.Serve(ctx, l) }()
	return cp, l.Addr().String()
}

// adsClient speaks ADS over real gRPC the way ext_proc does.
func adsClient(t *testing.T, addr, node, typeURL string) sotw.ADSClient {
	t.Helper()
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	c := sotw.NewADSClient(ctx, &core.Node{Id: node}, typeURL)
	if err := c.InitConnect(conn); err != nil {
		t.Fatal(err)
	}
	return c
}

func fetchPolicy(t *testing.T, c sotw.ADSClient) *ir.Policy {
	t.Helper()
	type result struct {
		p   *ir.Policy
		err error
	}
	ch := make(chan result, 1)
	go func() {
		resp, err := c.Fetch()
		if err != nil {
			ch <- result{err: err}
			return
		}
		var tc core.TypedExtensionConfig
		if err := resp.Resources[0].UnmarshalTo(&tc); err != nil {
			ch <- result{err: err}
			return
		}
		p, err := contract.DecodePolicy(&tc)
		ch <- result{p, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			t.Fatal(r.err)
		}
		if err := c.Ack(); err != nil {
			t.Fatal(err)
		}
		return r.p
	case <-time.After(5 * time.Second):
		t.Fatal("no policy pushed within 5s")
	}
	return nil
}

func TestPolicyReachesExtProcAndUpdates(t *testing.T) {
	cp, addr := newCP(t)
	ctx := context.Background()
	if err := cp.Apply(ctx, testPolicy("v1", "echo")); err != nil {
		t.Fatal(err)
	}
	c := adsClient(t, addr, contract.ExtProcNodeID, resource.ExtensionConfigType)
	if p := fetchPolicy(t, c); p.Version != "v1" || p.Servers[0].Tools.Allow[0] != "echo" {
		t.Fatalf("first push: %+v", p)
	}
	if err := cp.Apply(ctx, testPolicy("v2", "get_time")); err != nil {
		t.Fatal(err)
	}
	if p := fetchPolicy(t, c); p.Version != "v2" || p.Servers[0].Tools.Allow[0] != "get_time" {
		t.Fatalf("second push: %+v", p)
	}
	// The ACK is visible in the status.
	deadline := time.Now().Add(2 * time.Second)
	for {
		var acked string
		for _, n := range cp.Status() {
			if n.Node == contract.ExtProcNodeID {
				acked = n.Acked[resource.ExtensionConfigType]
			}
		}
		if acked != "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("status shows no ACK from ext_proc: %+v", cp.Status())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestInvalidPolicyKeepsLastGood(t *testing.T) {
	cp, _ := newCP(t)
	ctx := context.Background()
	if err := cp.Apply(ctx, testPolicy("good", "echo")); err != nil {
		t.Fatal(err)
	}
	bad := testPolicy("bad", "echo")
	bad.Servers[0].Upstream.Port = 0
	if err := cp.Apply(ctx, bad); err == nil {
		t.Fatal("an invalid policy was accepted")
	}
	if v := cp.Policy().Version; v != "good" {
		t.Fatalf("policy in force is %q, want the last good one", v)
	}
	snap, err := cp.cache.GetSnapshot(contract.ExtProcNodeID)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.GetResources(resource.ExtensionConfigType)) != 1 {
		t.Fatal("ext_proc snapshot lost its policy")
	}
}

func TestUnchangedSidecarIsNotRepushed(t *testing.T) {
	cp, _ := newCP(t)
	ctx := context.Background()
	if err := cp.Apply(ctx, testPolicy("v1", "echo")); err != nil {
		t.Fatal(err)
	}
	s1, _ := cp.cache.GetSnapshot(contract.SidecarNodeID("demo"))
	e1, _ := cp.cache.GetSnapshot(contract.ExtProcNodeID)
	// A tool rule change touches only what ext_proc enforces.
	if err := cp.Apply(ctx, testPolicy("v2", "get_time")); err != nil {
		t.Fatal(err)
	}
	s2, _ := cp.cache.GetSnapshot(contract.SidecarNodeID("demo"))
	e2, _ := cp.cache.GetSnapshot(contract.ExtProcNodeID)
	if s1.GetVersion(resource.ListenerType) != s2.GetVersion(resource.ListenerType) {
		t.Error("sidecar config version changed although its resources did not")
	}
	if e1.GetVersion(resource.ExtensionConfigType) == e2.GetVersion(resource.ExtensionConfigType) {
		t.Error("ext_proc policy version did not change")
	}
}

func TestRemovedServerLosesItsConfig(t *testing.T) {
	cp, _ := newCP(t)
	ctx := context.Background()
	two := testPolicy("v1")
	two.Servers = append(two.Servers, ir.Server{Name: "other", Upstream: ir.Endpoint{Host: "127.0.0.1", Port: 9}, Listen: ir.Endpoint{Host: "127.0.0.1", Port: 10001}, Path: "/mcp", UnverifiedLocal: true, Policy: chain.Policy{Tools: allowlist.Policy{AllowAll: true}}})
	if err := cp.Apply(ctx, two); err != nil {
		t.Fatal(err)
	}
	if err := cp.Apply(ctx, testPolicy("v2")); err != nil {
		t.Fatal(err)
	}
	snap, err := cp.cache.GetSnapshot(contract.SidecarNodeID("other"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(snap.GetResources(resource.ListenerType)); n != 0 {
		t.Fatalf("removed server still has %d listener(s)", n)
	}
}

// TestRepublishNeverRestoresAnOlderPolicy: a republish (a verification that
// finished) waiting while a new policy is applied publishes the new one.
func TestRepublishNeverRestoresAnOlderPolicy(t *testing.T) {
	cp, _ := newCP(t)
	ctx := context.Background()
	if err := cp.Apply(ctx, testPolicy("v1")); err != nil {
		t.Fatal(err)
	}
	cp.mu.Lock() // an Apply of v2 in progress
	done := make(chan struct{})
	go func() { cp.republish(); close(done) }()
	time.Sleep(50 * time.Millisecond) // let republish reach the lock
	if err := cp.apply(ctx, testPolicy("v2", "x")); err != nil {
		t.Fatal(err)
	}
	cp.mu.Unlock()
	<-done
	if v := cp.Policy().Version; v != "v2" {
		t.Errorf("policy in force after the republish: %s, want v2", v)
	}
}
