package meshcert

import (
	"crypto/x509"
	"encoding/pem"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
)

func TestIssueCachesAndRenews(t *testing.T) {
	ca, err := devcert.NewCA("mesh CA")
	if err != nil {
		t.Fatal(err)
	}
	is, err := NewIssuer(ca.CertPEM, ca.KeyPEM())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	is.now = func() time.Time { return now }
	a, err := is.Issue(SidecarURI("demo"), []string{"mcp-demo.tools.svc", "10.0.0.7"})
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(a.CertPEM)
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	if _, err := cert.Verify(x509.VerifyOptions{Roots: pool, DNSName: "mcp-demo.tools.svc", KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}); err != nil {
		t.Fatalf("the mesh certificate does not verify: %v", err)
	}
	if len(cert.URIs) != 1 || cert.URIs[0].String() != "spiffe://mcpmesh/sidecar/demo" || len(cert.IPAddresses) != 1 || cert.NotAfter.Sub(now) > Lifetime {
		t.Fatalf("certificate: URIs %v IPs %v not after %v", cert.URIs, cert.IPAddresses, cert.NotAfter)
	}
	if b, _ := is.Issue(SidecarURI("demo"), []string{"10.0.0.7", "mcp-demo.tools.svc"}); string(b.CertPEM) != string(a.CertPEM) {
		t.Fatal("a push within the renewal window changed the certificate")
	}
	now = now.Add(RenewAfter + time.Minute)
	if c, _ := is.Issue(SidecarURI("demo"), []string{"mcp-demo.tools.svc", "10.0.0.7"}); string(c.CertPEM) == string(a.CertPEM) {
		t.Fatal("the certificate was not renewed after a third of its life")
	}
}

func TestNewIssuerRefusesANonCA(t *testing.T) {
	ca, _ := devcert.NewCA("mesh CA")
	leaf, key, _ := ca.Leaf([]string{"x"}, time.Hour)
	if _, err := NewIssuer(leaf, key); err == nil {
		t.Fatal("a leaf certificate was accepted as the mesh CA")
	}
}
