package translator

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	cluster "github.com/envoyproxy/go-control-plane/envoy/config/cluster/v3"
	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	listenerv3 "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	extproc "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/ext_proc/v3"
	hcm "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3"
	cachev3 "github.com/envoyproxy/go-control-plane/pkg/cache/v3"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"
	"google.golang.org/protobuf/encoding/protojson"

	// Registers every Envoy extension type so golden output can show typed configs.
	_ "github.com/envoyproxy/go-control-plane/pkg/wellknown"

	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

var update = flag.Bool("update", false, "rewrite testdata/out from the current translator")

var testOpts = Options{ExtProc: ir.Endpoint{Host: "127.0.0.1", Port: 18081}}

// TestGolden translates every IR in testdata/in and compares the Envoy
// resources of each node with testdata/out/<name>.json.
func TestGolden(t *testing.T) {
	ins, _ := filepath.Glob("testdata/in/*.json")
	if len(ins) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range ins {
		name := strings.TrimSuffix(filepath.Base(in), ".json")
		t.Run(name, func(t *testing.T) {
			var p ir.Policy
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &p); err != nil {
				t.Fatal(err)
			}
			nodes, err := Translate(&p, testOpts)
			if err != nil {
				t.Fatal(err)
			}
			got := render(t, nodes)
			out := filepath.Join("testdata", "out", name+".json")
			if *update {
				if err := os.WriteFile(out, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("%v (run `make golden` to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("generated config differs from %s; if the change is intended run `make golden` and review the diff.\n%s", out, firstDiff(string(want), string(got)))
			}
		})
	}
}

// render prints every node's resources as stable, indented JSON.
func render(t *testing.T, nodes map[string]Resources) []byte {
	t.Helper()
	mo := protojson.MarshalOptions{UseProtoNames: true}
	doc := map[string]map[string][]json.RawMessage{}
	for node, res := range nodes {
		doc[node] = map[string][]json.RawMessage{}
		for typ, rs := range res {
			sort.Slice(rs, func(i, j int) bool { return cachev3.GetResourceName(rs[i]) < cachev3.GetResourceName(rs[j]) })
			short := typ[strings.LastIndex(typ, ".")+1:]
			for _, r := range rs {
				if tc, ok := r.(*core.TypedExtensionConfig); ok {
					// Show the policy ext_proc receives as JSON, not base64.
					p, err := contract.DecodePolicy(tc)
					if err != nil {
						t.Fatal(err)
					}
					b, _ := json.Marshal(map[string]any{"name": tc.Name, "policy": p})
					doc[node][short] = append(doc[node][short], b)
					continue
				}
				// protojson varies its whitespace on purpose; encoding/json
				// compacts and re-indents raw messages, which makes it stable.
				b, err := mo.Marshal(r)
				if err != nil {
					t.Fatal(err)
				}
				doc[node][short] = append(doc[node][short], json.RawMessage(b))
			}
		}
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// TestSecurityInvariants checks what must hold for any policy, whatever the golden files say.
func TestSecurityInvariants(t *testing.T) {
	p := &ir.Policy{
		Version: "v",
		Limits:  ir.Limits{MaxBodyBytes: 12345, MessageTimeoutMillis: 750, MaxConcurrentStreams: 7000},
		Servers: []ir.Server{{Name: "a", Upstream: ir.Endpoint{Host: "10.0.0.1", Port: 80}, Listen: ir.Endpoint{Host: "0.0.0.0", Port: 10000}, Path: "/mcp", Policy: chain.Policy{Tools: allowlist.Policy{AllowAll: true}}}},
	}
	nodes, err := Translate(p, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	side := nodes[contract.SidecarNodeID("a")]
	snap, err := cachev3.NewSnapshot("1", side)
	if err != nil {
		t.Fatal(err)
	}
	if err := snap.Consistent(); err != nil {
		t.Fatalf("sidecar snapshot is inconsistent: %v", err)
	}
	l := side[resource.ListenerType][0].(*listenerv3.Listener)
	if got := l.GetPerConnectionBufferLimitBytes().GetValue(); got != 12345 {
		t.Errorf("listener buffer limit %d, want the policy's 12345", got)
	}
	var m hcm.HttpConnectionManager
	if err := l.FilterChains[0].Filters[0].GetTypedConfig().UnmarshalTo(&m); err != nil {
		t.Fatal(err)
	}
	if len(m.HttpFilters) != 2 || m.HttpFilters[0].Name != "envoy.filters.http.ext_proc" || m.HttpFilters[1].Name != "envoy.filters.http.router" {
		t.Fatalf("filter chain must be ext_proc then router, got %v", m.HttpFilters)
	}
	var ep extproc.ExternalProcessor
	if err := m.HttpFilters[0].GetTypedConfig().UnmarshalTo(&ep); err != nil {
		t.Fatal(err)
	}
	if ep.FailureModeAllow {
		t.Error("ext_proc must fail closed")
	}
	// Full duplex: Envoy forwards only what ext_proc streams back, after
	// ext_proc has the whole message; no mode override may loosen that.
	pm := ep.ProcessingMode
	if pm.RequestHeaderMode != extproc.ProcessingMode_SEND || pm.ResponseHeaderMode != extproc.ProcessingMode_SEND ||
		pm.RequestBodyMode != extproc.ProcessingMode_FULL_DUPLEX_STREAMED || pm.ResponseBodyMode != extproc.ProcessingMode_FULL_DUPLEX_STREAMED ||
		pm.RequestTrailerMode != extproc.ProcessingMode_SEND || pm.ResponseTrailerMode != extproc.ProcessingMode_SEND {
		t.Errorf("every part of every message must go to ext_proc: %v", pm)
	}
	if ep.AllowModeOverride || ep.ObservabilityMode || ep.DisableImmediateResponse {
		t.Errorf("ext_proc's answers must bind Envoy: %v", &ep)
	}
	if got := ep.GrpcService.InitialMetadata[0]; got.Key != contract.ServerHeader || got.Value != "a" {
		t.Errorf("ext_proc is not told which server the stream is for: %v", got)
	}
	for _, r := range side[resource.ClusterType] {
		c := r.(*cluster.Cluster)
		if c.Name == "upstream_a" && c.GetPerConnectionBufferLimitBytes().GetValue() != 12345 {
			t.Errorf("upstream buffer limit %d", c.GetPerConnectionBufferLimitBytes().GetValue())
		}
		// Every cluster sets its breakers from the policy, for every
		// priority; Envoy's defaults (1,024) would cap the sidecar.
		want := uint32(7000)
		if c.Name == contract.ExtProcClusterName {
			want = 7000 + extProcHeadroom(7000)
		}
		th := c.GetCircuitBreakers().GetThresholds()
		if len(th) != 2 {
			t.Errorf("cluster %s: %d circuit-breaker thresholds, want DEFAULT and HIGH", c.Name, len(th))
		}
		for _, x := range th {
			if x.GetMaxConnections().GetValue() != want || x.GetMaxPendingRequests().GetValue() != want || x.GetMaxRequests().GetValue() != want {
				t.Errorf("cluster %s priority %v: breakers %v, want %d", c.Name, x.Priority, x, want)
			}
		}
	}
	pol, err := contract.DecodePolicy(nodes[contract.ExtProcNodeID][resource.ExtensionConfigType][0].(*core.TypedExtensionConfig))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pol, p) {
		t.Errorf("policy shipped to ext_proc differs:\n got %+v\nwant %+v", pol, p)
	}
}
