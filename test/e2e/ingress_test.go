package e2e

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

// ingressMesh starts a mesh whose ingress serves HTTPS with a certificate
// of a test CA, written to files the policy names.
func ingressMesh(t *testing.T) (m *mesh, ca *devcert.CA, base, certFile, keyFile string) {
	t.Helper()
	_, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	ca, err := devcert.NewCA("mcpmesh e2e CA")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	if err := ca.WriteLeaf(certFile, keyFile, []string{"127.0.0.1", "localhost"}, 90*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	port, err := envoy.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	m = startMeshYAML(t, func(listen string) string {
		return fmt.Sprintf("ingress:\n  listen: 127.0.0.1:%d\n  tls: {certFile: %s, keyFile: %s}\n", port, certFile, keyFile) +
			policyYAML(upstream, listen, demoTools)
	})
	if m.Ingress == nil {
		t.Fatal("the mesh started no ingress")
	}
	showLogOnFailure(t, "ingress", m.Ingress)
	return m, ca, fmt.Sprintf("https://127.0.0.1:%d", port), certFile, keyFile
}

func httpsClient(ca *devcert.CA, mutate func(*tls.Config)) *http.Client {
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	cfg := &tls.Config{RootCAs: pool}
	if mutate != nil {
		mutate(cfg)
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg, ForceAttemptHTTP2: true}, Timeout: 10 * time.Second}
}

// Agents reach each server over HTTPS at /servers/<name>/mcp, through its
// sidecar (so the policy applies); TLS below 1.2, plain HTTP and other paths
// get nothing; a rotated certificate is served to new connections without a
// restart while sessions already open go on.
func TestIngressTLS(t *testing.T) {
	m, ca, base, certFile, keyFile := ingressMesh(t)
	url := base + "/servers/demo/mcp"
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := mcp.NewClient(&mcp.Implementation{Name: "mcpmesh-e2e", Version: "1.0.0"}, nil)
	cs, err := c.Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, HTTPClient: httpsClient(ca, nil), MaxRetries: -1}, nil)
	if err != nil {
		t.Fatalf("connect over HTTPS: %v", err)
	}
	defer cs.Close()
	if r, err := callTool(cs, "echo", map[string]any{"text": "through the ingress"}); err != nil || textOf(r) != "through the ingress" {
		t.Fatalf("echo through the ingress: %v %v", r, err)
	}
	var names []string
	for tool, err := range cs.Tools(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, tool.Name)
	}
	if slices.Contains(names, "run_shell") || !slices.Contains(names, "echo") {
		t.Fatalf("tools through the ingress: %v (the sidecar's allowlist must apply)", names)
	}
	if !strings.Contains(m.audit.String(), `"tool":"echo"`) {
		t.Fatal("the call through the ingress left no audit record in the sidecar's ext_proc")
	}

	// Old TLS and plain HTTP are refused; unknown paths get 404.
	old := httpsClient(ca, func(c *tls.Config) { c.MaxVersion = tls.VersionTLS11; c.MinVersion = tls.VersionTLS10 })
	if resp, err := old.Get(url); err == nil {
		resp.Body.Close()
		t.Fatal("a TLS 1.1 client was served")
	}
	if resp, err := http.Get(strings.Replace(base, "https://", "http://", 1) + "/servers/demo/mcp"); err == nil {
		resp.Body.Close()
		if resp.StatusCode < 400 {
			t.Fatalf("plain HTTP to the ingress got %d", resp.StatusCode)
		}
	}
	resp, err := httpsClient(ca, nil).Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Fatalf("GET /metrics on the ingress: %d %s", resp.StatusCode, body)
	}

	// Rotation: new files, the same listener; new handshakes see the new
	// certificate, the open session goes on.
	before := peerSerial(t, ca, base)
	if err := ca.WriteLeaf(certFile, keyFile, []string{"127.0.0.1", "localhost"}, 91*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for peerSerial(t, ca, base) == before {
		if time.Now().After(deadline) {
			t.Fatal("the rotated certificate was not served within 15s")
		}
		time.Sleep(200 * time.Millisecond)
	}
	if r, err := callTool(cs, "echo", map[string]any{"text": "after rotation"}); err != nil || textOf(r) != "after rotation" {
		t.Fatalf("the session opened before the rotation: %v %v", r, err)
	}
}

// peerSerial is the serial number of the certificate a new TLS connection sees.
func peerSerial(t *testing.T, ca *devcert.CA, base string) string {
	t.Helper()
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	conn, err := tls.Dial("tcp", strings.TrimPrefix(base, "https://"), &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"})
	if err != nil {
		t.Fatalf("TLS handshake with the ingress: %v", err)
	}
	defer conn.Close()
	return conn.ConnectionState().PeerCertificates[0].SerialNumber.String()
}
