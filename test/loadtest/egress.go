package loadtest

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"time"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/localmesh"
	"github.com/mcpmesh/mcpmesh/envoy"
)

// EgressHop is what the sidecar's egress proxy adds to a server's outbound
// request: one caller, back to back, each pair of paths alternating in
// slices against the same local destination.
type EgressHop struct {
	Calls int
	Rows  []EgressRow
}

// EgressRow is one path's latencies.
type EgressRow struct {
	Path   string
	Hist   *Histogram
	Errors int
}

// RunEgressHop measures calls requests on each path: plain HTTP (kept
// alive) directly and through the proxy, HTTPS on a new connection each
// time directly and through a CONNECT tunnel, and HTTPS kept alive directly
// against plain HTTP to the proxy, which adds the credential and TLS.
func RunEgressHop(ctx context.Context, workDir, envoyBin string, calls int) (*EgressHop, error) {
	body := make([]byte, 1024)
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api" && r.Header.Get("Authorization") != "Bearer loadtest-token" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		_, _ = w.Write(body)
	})
	plain := httptest.NewServer(handler)
	defer plain.Close()
	ca, err := devcert.NewCA("loadtest CA")
	if err != nil {
		return nil, err
	}
	certPEM, keyPEM, err := ca.Leaf([]string{"localhost", "127.0.0.1"}, 24*time.Hour)
	if err != nil {
		return nil, err
	}
	cert, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return nil, err
	}
	secure := httptest.NewUnstartedServer(handler)
	secure.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	secure.StartTLS()
	defer secure.Close()
	plainPort, securePort := plain.Listener.Addr().(*net.TCPAddr).Port, secure.Listener.Addr().(*net.TCPAddr).Port

	caFile, secretFile := filepath.Join(workDir, "ca.crt"), filepath.Join(workDir, "token")
	if err := writeFile(caFile, string(ca.CertPEM)); err != nil {
		return nil, err
	}
	if err := writeFile(secretFile, "loadtest-token\n"); err != nil {
		return nil, err
	}
	// The ports are picked before Envoy binds them: when another test
	// process binds one first, the mesh starts again on fresh ones.
	var egressPort int
	var m *localmesh.Mesh
	err = envoy.WithFreePorts(2, func(ports []int) error {
		sidecarPort := ports[0]
		egressPort = ports[1]
		y := fmt.Sprintf(`version: 1
servers:
  - name: demo
    upstream: %s
    unverifiedLocal: true
    listen: 127.0.0.1:%d
    tools: {allow: [echo]}
    egress:
      network:
        listen: 127.0.0.1:%d
        allow: ["localhost:%[4]d", "127.0.0.1:%[4]d", "[::1]:%[4]d", "localhost:%[5]d", "127.0.0.1:%[5]d", "[::1]:%[5]d"]
        credentials: [{host: localhost, port: %[5]d, secretFile: %s, caFile: %s}]
`, plain.Listener.Addr(), sidecarPort, egressPort, plainPort, securePort, secretFile, caFile)
		var err error
		if m, err = startLocalMesh(ctx, workDir, envoyBin, y); err != nil {
			return err
		}
		// The mesh waits for the sidecar's listener; the proxy's is another.
		wctx, cancel := context.WithTimeout(ctx, localmesh.StartTimeout)
		defer cancel()
		if err := m.Sidecars["demo"].WaitListener(wctx, fmt.Sprintf("127.0.0.1:%d", egressPort)); err != nil {
			m.Stop()
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	defer m.Stop()

	proxy, _ := url.Parse(fmt.Sprintf("http://127.0.0.1:%d", egressPort))
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	client := func(viaProxy, keepAlive bool) *http.Client {
		t := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, DisableKeepAlives: !keepAlive, MaxIdleConnsPerHost: 1}
		if viaProxy {
			t.Proxy = http.ProxyURL(proxy) // loopback too: the default would skip it
		}
		return &http.Client{Transport: t, Timeout: 10 * time.Second}
	}
	type path struct {
		name   string
		client *http.Client
		url    string
	}
	pairs := [][2]path{
		{{"HTTP directly (kept alive)", client(false, true), fmt.Sprintf("http://localhost:%d/", plainPort)},
			{"HTTP through the egress proxy (kept alive)", client(true, true), fmt.Sprintf("http://localhost:%d/", plainPort)}},
		// By address: a credential's host is reached through the proxy's
		// TLS, never through a tunnel.
		{{"HTTPS directly (new connection each)", client(false, false), fmt.Sprintf("https://127.0.0.1:%d/", securePort)},
			{"HTTPS through a CONNECT tunnel (new connection each)", client(true, false), fmt.Sprintf("https://127.0.0.1:%d/", securePort)}},
		{{"HTTPS with the token, directly (kept alive)", nil, fmt.Sprintf("https://localhost:%d/api", securePort)},
			{"HTTP to the proxy, which adds the token and TLS (kept alive)", client(true, true), fmt.Sprintf("http://localhost:%d/api", securePort)}},
	}
	tokenClient := client(false, true)
	pairs[2][0].client = &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		r.Header.Set("Authorization", "Bearer loadtest-token")
		return tokenClient.Transport.RoundTrip(r)
	})}
	get := func(p path) error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, p.url, nil)
		resp, err := p.client.Do(req)
		if err != nil {
			return err
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || n != int64(len(body)) {
			return fmt.Errorf("%s: HTTP %d, %d bytes", p.name, resp.StatusCode, n)
		}
		return nil
	}
	h := &EgressHop{Calls: calls}
	const slices = 10
	for _, pair := range pairs {
		rows := [2]EgressRow{{Path: pair[0].name, Hist: NewHistogram()}, {Path: pair[1].name, Hist: NewHistogram()}}
		for i := range 20 { // warm connections and caches
			_, _ = get(pair[i%2]), get(pair[1-i%2])
		}
		for range slices {
			for k := range 2 {
				for range calls / slices {
					t := time.Now()
					if err := get(pair[k]); err != nil {
						rows[k].Errors++
						continue
					}
					rows[k].Hist.Record(time.Since(t))
				}
			}
		}
		h.Rows = append(h.Rows, rows[0], rows[1])
	}
	return h, nil
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// Markdown writes the rows and what each proxied path adds at the median.
func (h *EgressHop) Markdown(w io.Writer) {
	fmt.Fprintln(w, "| path | requests | p50 ms | p90 ms | p99 ms | errors |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- |")
	for _, r := range h.Rows {
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %d |\n", r.Path, r.Hist.Count(), msNum(r.Hist.Quantile(.5)), msNum(r.Hist.Quantile(.9)), msNum(r.Hist.Quantile(.99)), r.Errors)
	}
	fmt.Fprintln(w)
	for i := 0; i+1 < len(h.Rows); i += 2 {
		fmt.Fprintf(w, "- %s: %s ms added at the median.\n", h.Rows[i+1].Path, msNum(h.Rows[i+1].Hist.Quantile(.5)-h.Rows[i].Hist.Quantile(.5)))
	}
}

// Errors is the number of failed requests on every path.
func (h *EgressHop) Errors() int {
	n := 0
	for _, r := range h.Rows {
		n += r.Errors
	}
	return n
}
