package controlplane

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/translator"
)

// nodeGauge reads mcpmesh_controlplane_node_policy_info{node, version}
// through a registry, as a scrape would.
func nodeGauge(t *testing.T, m *Metrics, node, version string) float64 {
	t.Helper()
	reg := prometheus.NewRegistry()
	reg.MustRegister(m.Collectors()...)
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "mcpmesh_controlplane_node_policy_info" {
			continue
		}
		for _, s := range mf.GetMetric() {
			l := map[string]string{}
			for _, p := range s.GetLabel() {
				l[p.GetName()] = p.GetValue()
			}
			if l["node"] == node && l["version"] == version {
				return s.GetGauge().GetValue()
			}
		}
	}
	return 0
}

func waitFor(t *testing.T, what string, f func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !f() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A node that ACKed a push is reported on that policy version; after a new
// policy it stays on the old one until it ACKs again (what the
// MCPMeshNodeOnOldPolicy alert watches). Pushes and their ACK times are
// counted; a node id the control plane never published to is not a label.
func TestMetricsNodePolicyVersionAndPushes(t *testing.T) {
	cp, addr := newCP(t)
	ctx := context.Background()
	if err := cp.Apply(ctx, testPolicy("v1", "echo")); err != nil {
		t.Fatal(err)
	}
	c := adsClient(t, addr, contract.ExtProcNodeID, resource.ExtensionConfigType)
	fetchPolicy(t, c)
	waitFor(t, "extproc on v1", func() bool { return nodeGauge(t, cp.metrics, contract.ExtProcNodeID, "v1") == 1 })

	if err := cp.Apply(ctx, testPolicy("v2", "get_time")); err != nil {
		t.Fatal(err)
	}
	// Not yet fetched and ACKed: still on v1.
	if got := nodeGauge(t, cp.metrics, contract.ExtProcNodeID, "v1"); got != 1 {
		t.Errorf("before its ACK the node is on v1 %v times, want 1", got)
	}
	fetchPolicy(t, c)
	waitFor(t, "extproc on v2", func() bool { return nodeGauge(t, cp.metrics, contract.ExtProcNodeID, "v2") == 1 })
	if got := nodeGauge(t, cp.metrics, contract.ExtProcNodeID, "v1"); got != 0 {
		t.Errorf("after its ACK of v2 the node is still counted on v1")
	}

	if got := testutil.ToFloat64(cp.metrics.pushes.WithLabelValues(resource.ExtensionConfigType)); got < 2 {
		t.Errorf("pushes_total = %v, want at least 2", got)
	}
	// Counted before ToFloat64, which would create the series itself.
	if n := testutil.CollectAndCount(cp.metrics.nacks); n != 1 {
		t.Errorf("nacks_total has %d series, want 1 (a pushed type, at 0)", n)
	}
	if got := testutil.ToFloat64(cp.metrics.nacks.WithLabelValues(resource.ExtensionConfigType)); got != 0 {
		t.Errorf("nacks_total = %v, want 0", got)
	}
	if n := testutil.CollectAndCount(cp.metrics.ackSeconds); n != 1 {
		t.Errorf("push_ack_seconds has %d series, want 1 (extension config)", n)
	}

	adsClient(t, addr, "made-up-node", resource.ExtensionConfigType)
	waitFor(t, "the made-up node as _unknown", func() bool { return nodeGauge(t, cp.metrics, "_unknown", "unknown") == 1 })
}

// The expiry of the ingress certificate and of the mesh CA in force is
// exported (what MCPMeshCertificateExpiring watches); a policy without an
// ingress exports none.
func TestMetricsCertificateExpiry(t *testing.T) {
	m := NewMetrics(nil)
	cp := New(Options{
		Translator: translator.Options{ExtProc: ir.Endpoint{Host: "127.0.0.1", Port: 18081}},
		Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics:    m,
	})
	ctx := context.Background()
	if err := cp.Apply(ctx, testPolicy("v1", "echo")); err != nil {
		t.Fatal(err)
	}
	if n := testutil.CollectAndCount(m.certs); n != 0 {
		t.Fatalf("no ingress, yet %d certificate series", n)
	}

	ca, err := devcert.NewCAFor("mesh CA", 400*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	cert, key, err := ca.Leaf([]string{"mcp.example.com"}, 40*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := tls.X509KeyPair(cert, key)
	if err != nil {
		t.Fatal(err)
	}
	p := testPolicy("v2", "echo")
	p.Ingress = &ir.Ingress{
		Listen: ir.Endpoint{Host: "127.0.0.1", Port: 10443},
		TLS:    ir.TLS{CertFile: "/etc/mcpmesh/tls.crt", KeyFile: "/etc/mcpmesh/tls.key", CertPEM: cert, KeyPEM: key, Digest: "t", NotAfter: leaf.Leaf.NotAfter},
		MTLS:   &ir.MTLS{CACertFile: "/etc/mcpmesh/ca.crt", CAKeyFile: "/etc/mcpmesh/ca.key", CACertPEM: ca.CertPEM, CAKeyPEM: ca.KeyPEM(), Digest: "c", NotAfter: ca.Cert.NotAfter},
	}
	if err := cp.Apply(ctx, p); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(`# HELP mcpmesh_controlplane_certificate_expiry_timestamp_seconds When a certificate of the policy in force expires (Unix time), by role (ingress: the serving certificate; mesh_ca: the CA of the mesh certificates) and file.
# TYPE mcpmesh_controlplane_certificate_expiry_timestamp_seconds gauge
mcpmesh_controlplane_certificate_expiry_timestamp_seconds{certificate="ingress",file="/etc/mcpmesh/tls.crt"} %d
mcpmesh_controlplane_certificate_expiry_timestamp_seconds{certificate="mesh_ca",file="/etc/mcpmesh/ca.crt"} %d
`, leaf.Leaf.NotAfter.Unix(), ca.Cert.NotAfter.Unix())
	if err := testutil.CollectAndCompare(m.certs, strings.NewReader(want)); err != nil {
		t.Fatal(err)
	}
}
