package loadtest

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/localmesh"
	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

// IngressHop is what the ingress adds to a call: one caller, back to back,
// the same tools/call straight to the sidecar (HTTP/1.1, keep-alive) and
// through the ingress (HTTPS, HTTP/2, one connection), alternating in
// slices; the ingress Envoy's CPU per call from /proc.
type IngressHop struct {
	Calls                  int
	Direct, ViaIngress     *Histogram
	IngressCPUPerCall      time.Duration
	DirectErrs, IngressErr int
}

// RunIngressHop measures calls calls on each path.
func RunIngressHop(ctx context.Context, workDir, envoyBin string, calls int) (*IngressHop, error) {
	d := demoserver.New()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: d.Handler(demoserver.Options{JSONResponse: true, Stateless: true})}
	go func() { _ = srv.Serve(l) }()
	defer srv.Close()

	ca, err := devcert.NewCA("loadtest CA")
	if err != nil {
		return nil, err
	}
	certFile, keyFile := filepath.Join(workDir, "tls.crt"), filepath.Join(workDir, "tls.key")
	if err := ca.WriteLeaf(certFile, keyFile, []string{"127.0.0.1"}, 90*24*time.Hour); err != nil {
		return nil, err
	}
	// The ports are picked before the Envoys bind them: when another test
	// process binds one first, the mesh starts again on fresh ones.
	var sidecarPort, ingressPort int
	var m *localmesh.Mesh
	err = envoy.WithFreePorts(2, func(ports []int) error {
		sidecarPort, ingressPort = ports[0], ports[1]
		y := fmt.Sprintf("version: 1\ningress:\n  listen: 127.0.0.1:%d\n  tls: {certFile: %s, keyFile: %s}\nservers:\n  - name: demo\n    upstream: %s\n    unverifiedLocal: true\n    listen: 127.0.0.1:%d\n    tools: {allow: [echo]}\n",
			ingressPort, certFile, keyFile, l.Addr(), sidecarPort)
		var err error
		m, err = startLocalMesh(ctx, workDir, envoyBin, y)
		return err
	})
	if err != nil {
		return nil, err
	}
	defer m.Stop()

	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	direct := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
	via := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, ForceAttemptHTTP2: true}}
	directURL := fmt.Sprintf("http://127.0.0.1:%d/mcp", sidecarPort)
	viaURL := fmt.Sprintf("https://127.0.0.1:%d/servers/demo/mcp", ingressPort)
	call := func(c *http.Client, url string, id int) error {
		body := fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"echo","arguments":{"text":"%s"}}}`, id, strings.Repeat("x", 900))
		req, _ := http.NewRequestWithContext(ctx, "POST", url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		req.Header.Set("Mcp-Protocol-Version", ProtocolVersion)
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), fmt.Sprintf(`"id":%d`, id)) {
			return fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, b)
		}
		return nil
	}
	h := &IngressHop{Calls: calls, Direct: NewHistogram(), ViaIngress: NewHistogram()}
	// Warm both paths (connections, TLS, HTTP/2).
	for i := range 50 {
		_ = call(direct, directURL, i)
		_ = call(via, viaURL, i)
	}
	var ingressCPU time.Duration
	const slices = 10
	for s := range slices {
		for i := range calls / slices {
			t := time.Now()
			if err := call(direct, directURL, s*calls+i); err != nil {
				h.DirectErrs++
				continue
			}
			h.Direct.Record(time.Since(t))
		}
		before, _ := procCPU(m.Ingress.PID())
		for i := range calls / slices {
			t := time.Now()
			if err := call(via, viaURL, s*calls+i); err != nil {
				h.IngressErr++
				continue
			}
			h.ViaIngress.Record(time.Since(t))
		}
		after, _ := procCPU(m.Ingress.PID())
		ingressCPU += after - before
	}
	h.IngressCPUPerCall = ingressCPU / time.Duration(max(1, h.ViaIngress.Count()))
	return h, nil
}

// Markdown writes the comparison as a table row.
func (h *IngressHop) Markdown(w io.Writer) {
	fmt.Fprintln(w, "| path | calls | p50 ms | p90 ms | p99 ms | errors |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- |")
	fmt.Fprintf(w, "| sidecar directly (HTTP/1.1) | %d | %s | %s | %s | %d |\n", h.Direct.Count(), msNum(h.Direct.Quantile(.5)), msNum(h.Direct.Quantile(.9)), msNum(h.Direct.Quantile(.99)), h.DirectErrs)
	fmt.Fprintf(w, "| through the ingress (HTTPS, HTTP/2) | %d | %s | %s | %s | %d |\n", h.ViaIngress.Count(), msNum(h.ViaIngress.Quantile(.5)), msNum(h.ViaIngress.Quantile(.9)), msNum(h.ViaIngress.Quantile(.99)), h.IngressErr)
	fmt.Fprintf(w, "\nThe ingress adds %s ms at the median and %s ms at p99; its Envoy spends %d µs of CPU per call.\n",
		msNum(h.ViaIngress.Quantile(.5)-h.Direct.Quantile(.5)), msNum(h.ViaIngress.Quantile(.99)-h.Direct.Quantile(.99)), h.IngressCPUPerCall.Microseconds())
}

func writeFile(name, content string) error { return os.WriteFile(name, []byte(content), 0o644) }

// startLocalMesh runs the whole mesh on policy (control plane, ext_proc and
// every Envoy the policy names), quietly, with its files in workDir.
func startLocalMesh(ctx context.Context, workDir, envoyBin, policy string) (*localmesh.Mesh, error) {
	policyFile := filepath.Join(workDir, "policy.yaml")
	if err := writeFile(policyFile, policy); err != nil {
		return nil, err
	}
	return localmesh.Start(ctx, localmesh.Options{
		ControlPlane: localmesh.ControlPlaneOptions{PolicyFile: policyFile},
		ExtProc:      localmesh.ExtProcOptions{Metrics: extproc.NewMetrics(nil), Audit: audit.New(io.Discard)},
		EnvoyBinary:  envoyBin,
		WorkDir:      workDir,
	})
}
