package helm

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/modelcontextprotocol/go-sdk/mcp"
	appsv1 "k8s.io/api/apps/v1"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/envoy"
)

// TestRenderedIngressServesMCP runs the ingress the chart renders, with the
// control plane and a server pod, as local processes (as
// TestRenderedPodsServeMCP does): the certificate and mesh CA come from
// Secrets laid out as kubelet lays them out, the issuer's keys from
// policy.files, and the sidecar is reached by its Service name (loopback
// here). An agent with a token then talks MCP over HTTPS to the ingress,
// which forwards to the sidecar over mutual TLS; one without a token gets
// 401.
func TestRenderedIngressServesMCP(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: starts Envoy, the control plane and ext_proc")
	}
	envoyBin, err := envoy.FindBinary(RepoRoot())
	if err != nil {
		t.Fatalf("%v", err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	jwks, _ := json.Marshal(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &key.PublicKey, KeyID: "k1", Algorithm: "ES256", Use: "sig"}}})
	edge, err := devcert.NewCA("edge")
	if err != nil {
		t.Fatal(err)
	}
	edgeCert, edgeKey, err := edge.Leaf([]string{"127.0.0.1", "localhost"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	mesh, err := devcert.NewCA("mesh")
	if err != nil {
		t.Fatal(err)
	}
	bins := map[string]string{"/usr/local/bin/mcpmesh": buildMcpmesh(t), "envoy": envoyBin}
	var (
		ports                []int
		inPort               int
		cpPod, srvPod, inPod *pod
	)
	// The release's ports are picked before its processes bind them: when
	// another test process binds one first, the pods start again on fresh
	// ports.
	err = envoy.WithFreePorts(podPortCount+3, func(picked []int) (err error) {
		defer func() {
			if err != nil {
				cpPod.stop()
				srvPod.stop()
				inPod.stop()
			}
		}()
		ports = picked
		var inAdmin, inStats int
		inPort, inAdmin, inStats = ports[podPortCount], ports[podPortCount+1], ports[podPortCount+2]
		vals := func(v map[string]any) {
			ingressValues(v)
			setPodPorts(v, ports)
			set(v, "ingress.port", inPort)
			set(v, "ingress.publicURL", fmt.Sprintf("https://127.0.0.1:%d", inPort))
			set(v, "ingress.auth", map[string]any{"jwt": map[string]any{"issuer": "https://auth.example.com", "jwksFile": "jwks.json"}})
			set(v, "policy.files", map[string]any{"jwks.json": string(jwks)})
		}
		r, err := Render(values(t, "required.yaml", vals))
		if err != nil {
			t.Fatal(err)
		}
		// Each pod has a loopback of its own; here they share one, so the
		// ingress pod comes from a rendering with another Envoy admin port.
		rIn, err := Render(values(t, "required.yaml", func(v map[string]any) {
			vals(v)
			set(v, "envoy.adminPort", inAdmin)
			set(v, "envoy.statsPort", inStats)
		}))
		if err != nil {
			t.Fatal(err)
		}
		var cp, srv, in *appsv1.Deployment
		for _, d := range r.Deployments() {
			switch d.Spec.Template.Labels["app.kubernetes.io/component"] {
			case "server":
				srv = d
			case "controlplane":
				cp = d
			}
		}
		for _, d := range rIn.Deployments() {
			if d.Spec.Template.Labels["app.kubernetes.io/component"] == "ingress" {
				in = d
			}
		}
		_, cpSvc, _ := controlPlane(t, r)
		root := t.TempDir()
		cpDir := filepath.Join(root, "controlplane")
		// Service names -> loopback; the Secrets' mount paths -> where they are
		// laid out (the policy names files by their path in the pod).
		dns := strings.NewReplacer(
			cpSvc.Name+"."+Namespace+".svc.cluster.local", "127.0.0.1",
			srv.Name+"."+Namespace+".svc.cluster.local", "127.0.0.1",
			"/etc/mcpmesh/ingress-tls", filepath.Join(cpDir, "volumes", "ingress-tls"),
			"/etc/mcpmesh/mesh-ca", filepath.Join(cpDir, "volumes", "mesh-ca"),
			"unix:/run/mcpmesh/", "unix:"+filepath.Join(root, "demo", "volumes", "extproc-socket")+"/",
		)
		secrets := map[string]map[string][]byte{
			"mcp-edge-tls": {"tls.crt": edgeCert, "tls.key": edgeKey},
			"mcp-mesh-ca":  {"tls.crt": mesh.CertPEM, "tls.key": mesh.KeyPEM()},
		}

		if _, err := standInServer(t, srv); err != nil {
			return err
		}

		cpPod = newPodWithSecrets(t, r, cp, cpDir, bins, dns, secrets)
		cpPod.start(t, "controlplane")
		if err := cpPod.waitReady(t, "controlplane"); err != nil {
			return err
		}
		srvPod = newPod(t, r, srv, filepath.Join(root, "demo"), bins, dns)
		srvPod.start(t, "extproc")
		srvPod.start(t, "envoy")
		inPod = newPod(t, rIn, in, filepath.Join(root, "ingress"), bins, dns)
		inPod.start(t, "envoy")
		if err := srvPod.waitReady(t, "extproc"); err != nil {
			return err
		}
		if err := srvPod.waitReady(t, "envoy"); err != nil {
			return err
		}
		if err := inPod.waitReady(t, "envoy"); err != nil {
			return err
		}
		if err := srvPod.waitListener(t, podPort(ports, "envoy.adminPort"), podPort(ports, "sidecar.port")); err != nil {
			return err
		}
		return inPod.waitListener(t, inAdmin, inPort)
	})
	if err != nil {
		t.Fatal(err)
	}

	url := fmt.Sprintf("https://127.0.0.1:%d/servers/demo/mcp", inPort)
	pool := x509.NewCertPool()
	pool.AddCert(edge.Cert)
	transport := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, ForceAttemptHTTP2: true}

	// No token: 401 with the challenge.
	req, _ := http.NewRequest("POST", url, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Transport: transport, Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("HTTPS to the rendered ingress: %v\n%s", err, inPod.logs())
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || !strings.Contains(resp.Header.Get("WWW-Authenticate"), "resource_metadata=") {
		t.Fatalf("no token: %d %q", resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	}

	// A token for the server's resource URI: MCP through ingress and sidecar.
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: jose.JSONWebKey{Key: key, KeyID: "k1"}}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		t.Fatal(err)
	}
	tok, err := jwt.Signed(signer).Claims(map[string]any{"iss": "https://auth.example.com", "sub": "alice", "aud": url, "exp": time.Now().Add(time.Hour).Unix()}).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	hc := &http.Client{Transport: roundTripper(func(r *http.Request) (*http.Response, error) {
		r = r.Clone(r.Context())
		r.Header.Set("Authorization", "Bearer "+tok)
		return transport.RoundTrip(r)
	})}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "mcpmesh-helm-test", Version: "1.0.0"}, nil).Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, HTTPClient: hc, MaxRetries: -1}, nil)
	if err != nil {
		t.Fatalf("connect through the rendered ingress: %v\n%s\n%s", err, inPod.logs(), srvPod.logs())
	}
	defer cs.Close()
	res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "via the ingress"}})
	if err != nil || res.IsError {
		t.Fatalf("echo through the ingress: %v %+v", err, res)
	}
	if _, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "run_shell", Arguments: map[string]any{"command": "id"}}); err == nil {
		t.Error("run_shell was not refused through the ingress")
	}
	// The sidecar takes nothing but the ingress: a plain request to its port fails.
	if resp, err := http.Post(fmt.Sprintf("http://127.0.0.1:%d/mcp", podPort(ports, "sidecar.port")), "application/json", strings.NewReader(`{}`)); err == nil {
		resp.Body.Close()
		t.Errorf("the sidecar answered plain HTTP (%d) with mutual TLS on", resp.StatusCode)
	}
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
