package translator

import (
	"net/netip"
	"time"

	cluster "github.com/envoyproxy/go-control-plane/envoy/config/cluster/v3"
	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	endpoint "github.com/envoyproxy/go-control-plane/envoy/config/endpoint/v3"
	httpopts "github.com/envoyproxy/go-control-plane/envoy/extensions/upstreams/http/v3"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// upstreamCluster reaches the MCP server. Its buffer limit bounds how much of
// a response Envoy holds for inspection.
func upstreamCluster(p *ir.Policy, s *ir.Server) *cluster.Cluster {
	c := staticOrDNS(upstreamClusterName(s), s.Upstream)
	c.PerConnectionBufferLimitBytes = wrapperspb.UInt32(p.Limits.MaxBodyBytes)
	// HTTP/1.1 to the server: one connection per request in flight.
	c.CircuitBreakers = breakers(p.Limits.Streams())
	return c
}

// breakers sets every circuit-breaker threshold a request in flight counts
// against to n, for both priorities. Envoy's defaults (1,024 connections,
// pending and active requests) would silently cap the sidecar: a slow tool
// call or an open SSE stream holds one of each for as long as it lasts.
func breakers(n uint32) *cluster.CircuitBreakers {
	t := func(p core.RoutingPriority) *cluster.CircuitBreakers_Thresholds {
		return &cluster.CircuitBreakers_Thresholds{
			Priority:           p,
			MaxConnections:     wrapperspb.UInt32(n),
			MaxPendingRequests: wrapperspb.UInt32(n),
			MaxRequests:        wrapperspb.UInt32(n),
		}
	}
	return &cluster.CircuitBreakers{Thresholds: []*cluster.CircuitBreakers_Thresholds{t(core.RoutingPriority_DEFAULT), t(core.RoutingPriority_HIGH)}}
}

// extProcHeadroom is how far the ext_proc cluster's breakers sit above the
// limit: ext_proc refuses the request past the limit itself, with the
// caller's id and the reason, which it can only do over a stream Envoy
// still opens. Envoy's own overflow, past the headroom, is the backstop.
func extProcHeadroom(n uint32) uint32 { return max(64, n/10) }

// extProcCluster reaches the ext_proc gRPC service over HTTP/2. In full
// duplex mode Envoy runs no per-message timer, so a frozen ext_proc is found
// by HTTP/2 keepalive: a ping every second that must be answered within the
// policy's message timeout, after which the connection and every request on
// it fail (closed, never passed through).
func extProcCluster(p *ir.Policy, e ir.Endpoint) *cluster.Cluster {
	pingTimeout := max(time.Duration(p.Limits.MessageTimeoutMillis)*time.Millisecond, time.Second)
	c := staticOrDNS(extProcClusterName, e)
	// Every HTTP request holds one ext_proc stream (HTTP/2, multiplexed).
	c.CircuitBreakers = breakers(p.Limits.Streams() + extProcHeadroom(p.Limits.Streams()))
	opts := &httpopts.HttpProtocolOptions{
		UpstreamProtocolOptions: &httpopts.HttpProtocolOptions_ExplicitHttpConfig_{
			ExplicitHttpConfig: &httpopts.HttpProtocolOptions_ExplicitHttpConfig{
				ProtocolConfig: &httpopts.HttpProtocolOptions_ExplicitHttpConfig_Http2ProtocolOptions{
					Http2ProtocolOptions: &core.Http2ProtocolOptions{
						ConnectionKeepalive: &core.KeepaliveSettings{
							Interval: durationpb.New(time.Second),
							Timeout:  durationpb.New(pingTimeout),
						},
					},
				},
			},
		},
	}
	c.TypedExtensionProtocolOptions = map[string]*anypb.Any{
		"envoy.extensions.upstreams.http.v3.HttpProtocolOptions": mustAny(opts),
	}
	return c
}

// staticOrDNS uses a STATIC cluster for IP literals and STRICT_DNS for names.
func staticOrDNS(name string, e ir.Endpoint) *cluster.Cluster {
	discovery := cluster.Cluster_STRICT_DNS
	if _, err := netip.ParseAddr(e.Host); err == nil || e.Unix != "" {
		discovery = cluster.Cluster_STATIC
	}
	return &cluster.Cluster{
		Name:                 name,
		ClusterDiscoveryType: &cluster.Cluster_Type{Type: discovery},
		ConnectTimeout:       durationpb.New(2 * time.Second),
		DnsLookupFamily:      cluster.Cluster_V4_PREFERRED,
		LoadAssignment: &endpoint.ClusterLoadAssignment{
			ClusterName: name,
			Endpoints: []*endpoint.LocalityLbEndpoints{{
				LbEndpoints: []*endpoint.LbEndpoint{{
					HostIdentifier: &endpoint.LbEndpoint_Endpoint{
						Endpoint: &endpoint.Endpoint{Address: socketAddress(e)},
					},
				}},
			}},
		},
	}
}

func socketAddress(e ir.Endpoint) *core.Address {
	if e.Unix != "" {
		// A Unix domain socket beside the sidecar: no TCP handshake, no
		// loopback stack, reachable only from inside the pod.
		return &core.Address{Address: &core.Address_Pipe{Pipe: &core.Pipe{Path: e.Unix}}}
	}
	return &core.Address{Address: &core.Address_SocketAddress{
		SocketAddress: &core.SocketAddress{
			Address:       e.Host,
			PortSpecifier: &core.SocketAddress_PortValue{PortValue: e.Port},
		},
	}}
}
