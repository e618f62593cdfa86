package e2e

import (
	"context"
	"crypto/tls"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

// TestIngressClientCertificates: with auth.clientCerts the ingress accepts
// only agents whose certificate chains to the client CA, and the
// certificate's name (here a SPIFFE id) is the agent's identity for the
// per-client rules and the audit log; a client's own identity header
// cannot stand in for it.
func TestIngressClientCertificates(t *testing.T) {
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	ca, dir, certFile, keyFile := edgeCert(t)
	agents, err := devcert.NewCA("mcpmesh e2e agents CA")
	if err != nil {
		t.Fatal(err)
	}
	stranger, err := devcert.NewCA("another CA")
	if err != nil {
		t.Fatal(err)
	}
	agentsCA := filepath.Join(dir, "agents-ca.crt")
	if err := os.WriteFile(agentsCA, agents.CertPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	var port int // the ingress's, picked with the sidecar's
	const alice, root = "spiffe://example.org/agent/alice", "spiffe://example.org/agent/root"
	policy := func(required bool) func(string) string {
		return func(listen string) string {
			return fmt.Sprintf("ingress:\n  listen: 127.0.0.1:%d\n  tls: {certFile: %s, keyFile: %s}\n  auth:\n    clientCerts: {caFile: %s, required: %v}\n",
				port, certFile, keyFile, agentsCA, required) + policyYAML(upstream, listen, fmt.Sprintf(`    clients:
      rules:
        - subjects: [%q]
          tools: {allow: [echo]}
        - subjects: [%q]
          tools: {allow: ["*"]}
`, alice, root))
		}
	}
	m, _ := startMeshPorts(t, 1, func(listen string, ports []int) string {
		port = ports[0]
		return policy(true)(listen)
	})
	showLogOnFailure(t, "ingress", m.Ingress)
	url := fmt.Sprintf("https://127.0.0.1:%d/servers/demo/mcp", port)

	clientCert := func(c *devcert.CA, name string) tls.Certificate {
		certPEM, keyPEM, err := c.Leaf([]string{name}, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		kp, err := tls.X509KeyPair(certPEM, keyPEM)
		if err != nil {
			t.Fatal(err)
		}
		return kp
	}
	connectAs := func(cert *tls.Certificate, forged string) (*mcp.ClientSession, error) {
		hc := httpsClient(ca, func(c *tls.Config) {
			if cert != nil {
				c.Certificates = []tls.Certificate{*cert}
			}
		})
		if forged != "" {
			hc.Transport = headerSetter{"X-Mcpmesh-Cert-Uri", forged, hc.Transport}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return mcp.NewClient(&mcp.Implementation{Name: "agent", Version: "1"}, nil).Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, HTTPClient: hc, MaxRetries: -1}, nil)
	}

	aliceCert := clientCert(agents, alice)
	cs, err := connectAs(&aliceCert, root) // a forged header claiming root is dropped
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	if got := toolNames(t, cs); !slices.Equal(got, []string{"echo"}) {
		t.Errorf("alice (with a header claiming root) sees %v, want alice's tools only", got)
	}
	if r, err := callTool(cs, "echo", map[string]any{"text": "hi"}); err != nil || textOf(r) != "hi" {
		t.Errorf("alice calls echo: %v %v", r, err)
	}
	if !strings.Contains(m.audit.String(), `"subject":"`+alice+`"`) || strings.Contains(m.audit.String(), `"subject":"`+root+`"`) {
		t.Errorf("the audit log does not name alice by her certificate:\n%s", tail(m.audit.String(), 4))
	}
	// No certificate, or one from another CA: no TLS session at all.
	if _, err := connectAs(nil, ""); err == nil {
		t.Error("a client without a certificate was served")
	}
	strangerCert := clientCert(stranger, alice)
	if _, err := connectAs(&strangerCert, ""); err == nil {
		t.Error("a certificate from another CA was accepted")
	}
	// A client certificate goes to the ingress only: the sidecar itself
	// refuses what did not come through it.
	status, _, _ := m.post(t, []byte(`{"jsonrpc":"2.0","id":1,"method":"ping"}`), map[string]string{"X-Mcpmesh-Cert-Uri": root})
	if status != 401 {
		t.Errorf("straight to the sidecar: %d, want 401", status)
	}

	// Certificates optional: a client without one is served, but its own
	// header names nobody, so no rule applies to it.
	old := m.ControlPlane.Policy().Version
	m.writePolicy(policy(false)(m.Listen))
	m.waitNewPolicy(old)
	// ext_proc enforces the new policy at once; the ingress Envoy applies
	// its new listener (client certificates optional) a moment later
	var cs2 *mcp.ClientSession
	eventually(t, 10*time.Second, func() (err error) {
		cs2, err = connectAs(nil, root)
		if err != nil {
			return fmt.Errorf("optional certificates, none given: %w", err)
		}
		return nil
	})
	defer cs2.Close()
	if got := toolNames(t, cs2); len(got) != 0 {
		t.Errorf("a client without a certificate, claiming root by header, sees %v", got)
	}
	if last := m.auditRecords(t); last[len(last)-1].Subject != "" {
		t.Errorf("a client without a certificate is recorded as %q, want no subject", last[len(last)-1].Subject)
	}
}
