package e2e

import (
	"context"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/test/conformance"
)

// TestConformanceThroughSidecar runs the official MCP conformance suite
// against the SDK's everything-server twice, directly and through the
// sidecar with every tool allowed, and requires identical results: the mesh
// must be invisible to legitimate traffic. The direct results must also still
// match the committed baseline, so a change in the suite or the server is
// noticed rather than compared away.
func TestConformanceThroughSidecar(t *testing.T) {
	tools := conformance.RequireTools(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	for _, leg := range conformance.Matrix {
		t.Run(leg.Mode, func(t *testing.T) {
			direct := strings.TrimSuffix(conformance.StartEverythingServer(ctx, t, leg.Stateless), "/") + "/mcp"
			u, err := url.Parse(direct)
			if err != nil {
				t.Fatal(err)
			}
			m := startMesh(t, u.Host, "")
			for _, spec := range leg.SpecVersions {
				t.Run(spec, func(t *testing.T) {
					d, err := tools.RunServer(ctx, direct, spec)
					if err != nil {
						t.Fatalf("suite against the server directly: %v", err)
					}
					base, err := conformance.ReadBaseline(conformance.BaselinePath(conformance.RepoRoot(), leg.Mode, spec))
					if err != nil {
						t.Fatal(err)
					}
					if diff := base.Diff(d); len(diff) > 0 {
						t.Fatalf("the direct run no longer matches the baseline:\n  %s", strings.Join(diff, "\n  "))
					}
					v, err := tools.RunServer(ctx, m.URL, spec)
					if err != nil {
						t.Fatalf("suite through the sidecar: %v", err)
					}
					if diff := conformance.Diff(d, v); len(diff) > 0 {
						t.Errorf("results through the sidecar differ from the direct run:\n  %s\nsuite output through the sidecar:\n%s",
							strings.Join(diff, "\n  "), tail(v.Output, 80))
					}
					p, f := v.Counts()
					t.Logf("%s %s through the sidecar: %d passed, %d failed (same as direct)", leg.Mode, spec, p, f)
				})
			}
		})
	}
}

// TestConformanceThroughIngress runs the suite through the HTTPS ingress
// with a valid token, which a small local proxy adds (the suite has no
// option for headers), and requires the results of the direct run.
func TestConformanceThroughIngress(t *testing.T) {
	tools := conformance.RequireTools(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	leg := conformance.Matrix[0]
	spec := leg.SpecVersions[len(leg.SpecVersions)-1]
	direct := strings.TrimSuffix(conformance.StartEverythingServer(ctx, t, leg.Stateless), "/") + "/mcp"
	u, err := url.Parse(direct)
	if err != nil {
		t.Fatal(err)
	}
	_, ca, iss, base := tokenIngressMeshFor(t, u.Host, "", "")
	target := base + "/servers/demo/mcp"
	proxy := tokenProxy(t, target, iss.token(t, map[string]any{"aud": target}), httpsClient(ca, nil).Transport)
	d, err := tools.RunServer(ctx, direct, spec)
	if err != nil {
		t.Fatal(err)
	}
	v, err := tools.RunServer(ctx, proxy, spec)
	if err != nil {
		t.Fatalf("suite through the ingress: %v", err)
	}
	if diff := conformance.Diff(d, v); len(diff) > 0 {
		t.Errorf("results through the ingress differ from the direct run:\n  %s\nsuite output:\n%s", strings.Join(diff, "\n  "), tail(v.Output, 80))
	}
	p, f := v.Counts()
	t.Logf("%s %s through the ingress with a token: %d passed, %d failed (same as direct)", leg.Mode, spec, p, f)
}

// tokenProxy serves plain HTTP on loopback and forwards every request to
// target with a bearer token, streaming answers as they come.
func tokenProxy(t *testing.T, target, token string, transport http.RoundTripper) string {
	t.Helper()
	tu, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	rp := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(&url.URL{Scheme: tu.Scheme, Host: tu.Host})
			r.Out.URL.Path = tu.Path
			r.Out.Host = tu.Host
			r.Out.Header.Set("Authorization", "Bearer "+token)
		},
		Transport:     transport,
		FlushInterval: -1,
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: rp}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + l.Addr().String() + "/mcp"
}
