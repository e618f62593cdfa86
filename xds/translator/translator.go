// Package translator turns the policy IR into Envoy resources, one set per node.
//
// Each MCP server gets its own sidecar node. Every ext_proc instance shares one
// node and receives the compiled policy as a single versioned resource, so the
// data plane and the inspection service are fed from the same snapshot.
package translator

import (
	"fmt"

	"github.com/envoyproxy/go-control-plane/pkg/cache/types"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"

	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// Options are deployment facts that are not part of the policy.
type Options struct {
	// ExtProc is where sidecars reach the ext_proc service.
	ExtProc ir.Endpoint
}

// Resources maps a resource type URL to the resources of that type.
type Resources map[resource.Type][]types.Resource

// Translate returns the resources of every node the policy defines.
func Translate(p *ir.Policy, o Options) (map[string]Resources, error) {
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("invalid policy: %w", err)
	}
	if o.ExtProc.Unix == "" && (o.ExtProc.Host == "" || o.ExtProc.Port == 0) {
		return nil, fmt.Errorf("translator: ext_proc address is not set")
	}
	out := map[string]Resources{}
	for i := range p.Servers {
		res, err := sidecar(p, &p.Servers[i], o)
		if err != nil {
			return nil, fmt.Errorf("server %q: %w", p.Servers[i].Name, err)
		}
		out[contract.SidecarNodeID(p.Servers[i].Name)] = res
	}
	pol, err := contract.EncodePolicy(p)
	if err != nil {
		return nil, err
	}
	out[contract.ExtProcNodeID] = Resources{resource.ExtensionConfigType: {pol}}
	if p.Ingress != nil {
		out[contract.IngressNodeID] = ingress(p)
	}
	return out, nil
}

// sidecar builds one sidecar's listener, route and clusters.
func sidecar(p *ir.Policy, s *ir.Server, o Options) (Resources, error) {
	l, err := listener(p, s)
	if err != nil {
		return nil, err
	}
	clusters := []types.Resource{extProcCluster(p, o.ExtProc)}
	if s.Unavailable == "" {
		// An unavailable server gets no cluster at all: nothing in the
		// sidecar's configuration can reach it.
		clusters = append(clusters, upstreamCluster(p, s))
	}
	listeners := []types.Resource{l}
	if n := egressNetwork(s); n != nil {
		el, ec, err := egressResources(p, s, n)
		if err != nil {
			return nil, fmt.Errorf("egress.network: %w", err)
		}
		listeners = append(listeners, el)
		clusters = append(clusters, ec...)
	}
	res := Resources{
		resource.ClusterType:  clusters,
		resource.ListenerType: listeners,
		resource.RouteType:    {routeConfig(s)},
	}
	if meshTLS(p) {
		res[resource.SecretType] = []types.Resource{keyPairSecret(contract.SidecarCertSecret, s.MeshCert)}
	}
	return res, nil
}

func upstreamClusterName(s *ir.Server) string { return contract.UpstreamClusterName(s.Name) }
func routeConfigName(s *ir.Server) string     { return contract.RouteConfigName(s.Name) }
func listenerName(s *ir.Server) string        { return contract.ListenerName(s.Name) }

const extProcClusterName = contract.ExtProcClusterName
