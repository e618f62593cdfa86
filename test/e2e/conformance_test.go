package e2e

import (
	"context"
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
