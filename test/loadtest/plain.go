package loadtest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	clusterv3 "github.com/envoyproxy/go-control-plane/envoy/config/cluster/v3"
	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	listenerv3 "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	routev3 "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	extprocfilter "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/ext_proc/v3"
	hcm "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"
	"github.com/goccy/go-yaml"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"

	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/translator"
)

const (
	extProcFilter = "envoy.filters.http.ext_proc"
	routerFilter  = "envoy.filters.http.router"
)

// PlainBootstrap renders a static Envoy bootstrap that is the sidecar of
// server without mcpmesh: the listener, connection manager, route and
// upstream cluster exactly as the translator builds them for the sidecar,
// with the ext_proc filter removed (only the router is left), the route
// inlined instead of fetched over RDS and the listener moved to listen. The
// rest (admin, overload manager) comes from the sidecar's bootstrap template
// with the control-plane parts removed.
func PlainBootstrap(p *ir.Policy, server string, listen ir.Endpoint, adminPort int) ([]byte, error) {
	return staticSidecar(p, server, listen, adminPort, nil)
}

// FloorBootstrap is PlainBootstrap with the sidecar's ext_proc filter and
// cluster kept as the translator builds them, the cluster pointed at
// processor (the floor path's processor, see floor.go).
func FloorBootstrap(p *ir.Policy, server string, listen ir.Endpoint, adminPort int, processor ir.Endpoint) ([]byte, error) {
	return staticSidecar(p, server, listen, adminPort, &processor)
}

// staticSidecar renders the sidecar of server as a static bootstrap, with
// its ext_proc filter pointed at processor, or without it when processor is nil.
func staticSidecar(p *ir.Policy, server string, listen ir.Endpoint, adminPort int, processor *ir.Endpoint) ([]byte, error) {
	ep := ir.Endpoint{Host: "127.0.0.1", Port: 1}
	if processor != nil {
		ep = *processor
	}
	nodes, err := translator.Translate(p, translator.Options{ExtProc: ep})
	if err != nil {
		return nil, err
	}
	res, ok := nodes[contract.SidecarNodeID(server)]
	if !ok {
		return nil, fmt.Errorf("the policy has no server %q", server)
	}
	if len(res[resource.ListenerType]) != 1 || len(res[resource.RouteType]) != 1 {
		return nil, fmt.Errorf("sidecar %q: want one listener and one route configuration", server)
	}
	l := proto.Clone(res[resource.ListenerType][0]).(*listenerv3.Listener)
	rc := proto.Clone(res[resource.RouteType][0]).(*routev3.RouteConfiguration)

	// The upstream cluster is the one the routes send traffic to.
	upstream := ""
	for _, vh := range rc.GetVirtualHosts() {
		for _, r := range vh.GetRoutes() {
			if c := r.GetRoute().GetCluster(); c != "" {
				if upstream != "" && upstream != c {
					return nil, fmt.Errorf("routes reach clusters %q and %q; expected one upstream", upstream, c)
				}
				upstream = c
			}
		}
	}

	if len(l.GetFilterChains()) != 1 || len(l.FilterChains[0].GetFilters()) != 1 {
		return nil, fmt.Errorf("sidecar listener: want one filter chain with one network filter")
	}
	nf := l.FilterChains[0].Filters[0]
	var m hcm.HttpConnectionManager
	if err := nf.GetTypedConfig().UnmarshalTo(&m); err != nil {
		return nil, fmt.Errorf("sidecar listener: %w", err)
	}
	if len(m.HttpFilters) != 2 || m.HttpFilters[0].GetName() != extProcFilter || m.HttpFilters[1].GetName() != routerFilter {
		return nil, fmt.Errorf("sidecar HTTP filters %v: want ext_proc and the router", filterNames(m.HttpFilters))
	}
	// The clusters the static sidecar needs: the upstream, and ext_proc's when it stays.
	want := []string{upstream}
	if processor == nil {
		m.HttpFilters = m.HttpFilters[1:]
	} else {
		var xp extprocfilter.ExternalProcessor
		if err := m.HttpFilters[0].GetTypedConfig().UnmarshalTo(&xp); err != nil {
			return nil, fmt.Errorf("sidecar ext_proc filter: %w", err)
		}
		want = append(want, xp.GetGrpcService().GetEnvoyGrpc().GetClusterName())
	}
	var clustersJSON []any
	for _, name := range want {
		var found json.RawMessage
		for _, c := range res[resource.ClusterType] {
			if c, ok := c.(*clusterv3.Cluster); ok && c.GetName() == name {
				if found, err = marshalProto(c); err != nil {
					return nil, err
				}
			}
		}
		if found == nil {
			return nil, fmt.Errorf("no cluster %q among the sidecar's clusters", name)
		}
		clustersJSON = append(clustersJSON, found)
	}
	m.RouteSpecifier = &hcm.HttpConnectionManager_RouteConfig{RouteConfig: rc}
	a, err := anypb.New(&m)
	if err != nil {
		return nil, err
	}
	nf.ConfigType = &listenerv3.Filter_TypedConfig{TypedConfig: a}
	l.Name = "static_" + server
	l.GetAddress().GetSocketAddress().Address = listen.Host
	l.GetAddress().GetSocketAddress().PortSpecifier = &core.SocketAddress_PortValue{PortValue: listen.Port}
	listenerJSON, err := marshalProto(l)
	if err != nil {
		return nil, err
	}

	// The sidecar's bootstrap, less the way to the control plane.
	y, err := envoy.Bootstrap{NodeID: staticNodeID(processor != nil, server), Cluster: "mcpmesh-loadtest", XDSHost: "127.0.0.1", XDSPort: 1, AdminPort: adminPort}.Render()
	if err != nil {
		return nil, err
	}
	var b map[string]any
	if err := yaml.Unmarshal(y, &b); err != nil {
		return nil, fmt.Errorf("bootstrap template: %w", err)
	}
	delete(b, "dynamic_resources")
	static, _ := b["static_resources"].(map[string]any)
	if static == nil {
		static = map[string]any{}
	}
	var clusters []any
	if cs, ok := static["clusters"].([]any); ok {
		for _, c := range cs {
			if cm, ok := c.(map[string]any); ok && cm["name"] == "mcpmesh_xds" {
				continue
			}
			clusters = append(clusters, c)
		}
	}
	static["clusters"] = append(clusters, clustersJSON...)
	static["listeners"] = []any{listenerJSON}
	b["static_resources"] = static
	return json.MarshalIndent(b, "", "  ")
}

// staticNodeID names the Envoy node of a static sidecar: plain/<server>, or
// floor/<server> when it keeps ext_proc.
func staticNodeID(floor bool, server string) string {
	if floor {
		return "floor/" + server
	}
	return "plain/" + server
}

func filterNames(fs []*hcm.HttpFilter) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.GetName())
	}
	return out
}

func marshalProto(m proto.Message) (json.RawMessage, error) {
	return protojson.MarshalOptions{UseProtoNames: true}.Marshal(m)
}

// ValidateBootstrap runs `envoy --mode validate` on cfg.
func ValidateBootstrap(bin, workDir string, cfg []byte) error {
	path := filepath.Join(workDir, "validate.bootstrap.json")
	if err := os.WriteFile(path, cfg, 0o644); err != nil {
		return err
	}
	out, err := exec.Command(bin, "--mode", "validate", "-c", path, "-l", "warning", "--use-dynamic-base-id").CombinedOutput()
	if err != nil {
		return fmt.Errorf("envoy --mode validate: %v\n%s", err, out)
	}
	return nil
}
