package translator

import (
	"time"

	cluster "github.com/envoyproxy/go-control-plane/envoy/config/cluster/v3"
	mutation "github.com/envoyproxy/go-control-plane/envoy/config/common/mutation_rules/v3"
	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	listenerv3 "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	route "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	extproc "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/ext_proc/v3"
	headermutation "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/header_mutation/v3"
	router "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/router/v3"
	upstreamcodec "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/upstream_codec/v3"
	hcm "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3"
	tlsv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/transport_sockets/tls/v3"
	httpopts "github.com/envoyproxy/go-control-plane/envoy/extensions/upstreams/http/v3"
	matcher "github.com/envoyproxy/go-control-plane/envoy/type/matcher/v3"
	"github.com/envoyproxy/go-control-plane/pkg/cache/types"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// The egress proxy: a listener on the pod's loopback that the MCP server's
// HTTP_PROXY and HTTPS_PROXY point at. Envoy resolves nothing and decides
// nothing here: ext_proc judges every request (CONNECT or plain HTTP) and
// answers with the cluster and the checked address to connect to, or
// refuses it. A request ext_proc did not answer reaches no cluster.

// egressNetwork is the server's egress.network section, nil without one.
func egressNetwork(s *ir.Server) *egress.Network {
	if s.Egress == nil {
		return nil
	}
	return s.Egress.Network
}

// egressResources are the egress listener and its clusters.
func egressResources(p *ir.Policy, s *ir.Server, n *egress.Network) (types.Resource, []types.Resource, error) {
	listen, err := ir.ParseEndpoint(n.Listen)
	if err != nil {
		return nil, nil, err
	}
	clusters := []types.Resource{egressCluster(p, contract.EgressDirectCluster, nil)}
	for i, c := range n.Credentials {
		clusters = append(clusters, egressCluster(p, contract.EgressCredentialCluster(i), originateTLS(c)))
	}
	return egressListener(p, s, listen), clusters, nil
}

func egressListener(p *ir.Policy, s *ir.Server, listen ir.Endpoint) *listenerv3.Listener {
	toHeaderCluster := func(connect bool) *route.RouteAction {
		a := &route.RouteAction{
			ClusterSpecifier: &route.RouteAction_ClusterHeader{ClusterHeader: contract.EgressClusterHeader},
			// Downloads and tunnels last as long as they last; idleness
			// is bounded by the connection manager.
			Timeout: durationpb.New(0),
		}
		if connect {
			a.UpgradeConfigs = []*route.RouteAction_UpgradeConfig{{UpgradeType: "CONNECT", ConnectConfig: &route.RouteAction_UpgradeConfig_ConnectConfig{}}}
		}
		return a
	}
	routes := &route.RouteConfiguration{
		Name: contract.EgressListenerName(s.Name),
		VirtualHosts: []*route.VirtualHost{{
			Name:    "egress",
			Domains: []string{"*"},
			Routes: []*route.Route{
				{Name: "connect", Match: &route.RouteMatch{PathSpecifier: &route.RouteMatch_ConnectMatcher_{ConnectMatcher: &route.RouteMatch_ConnectMatcher{}}},
					Action: &route.Route_Route{Route: toHeaderCluster(true)}},
				{Name: "http", Match: &route.RouteMatch{PathSpecifier: &route.RouteMatch_Prefix{Prefix: "/"}},
					Action: &route.Route_Route{Route: toHeaderCluster(false)}},
			},
		}},
	}
	manager := &hcm.HttpConnectionManager{
		StatPrefix:     contract.EgressListenerName(s.Name),
		CodecType:      hcm.HttpConnectionManager_AUTO,
		RouteSpecifier: &hcm.HttpConnectionManager_RouteConfig{RouteConfig: routes},
		UpgradeConfigs: []*hcm.HttpConnectionManager_UpgradeConfig{{UpgradeType: "CONNECT"}},
		HttpFilters: []*hcm.HttpFilter{
			{Name: "envoy.filters.http.ext_proc", ConfigType: &hcm.HttpFilter_TypedConfig{TypedConfig: mustAny(egressExtProc(p, s))}},
			{Name: "envoy.filters.http.router", ConfigType: &hcm.HttpFilter_TypedConfig{TypedConfig: mustAny(&router.Router{SuppressEnvoyHeaders: true})}},
		},
		// Nothing of the mesh's own goes to a destination.
		GenerateRequestId: wrapperspb.Bool(false),
		StreamIdleTimeout: durationpb.New(5 * time.Minute),
		RequestTimeout:    durationpb.New(0),
	}
	return &listenerv3.Listener{
		Name:            contract.EgressListenerName(s.Name),
		Address:         socketAddress(listen),
		EnableReusePort: exclusivePort,
		FilterChains: []*listenerv3.FilterChain{{
			Filters: []*listenerv3.Filter{{
				Name:       "envoy.filters.network.http_connection_manager",
				ConfigType: &listenerv3.Filter_TypedConfig{TypedConfig: mustAny(manager)},
			}},
		}},
	}
}

// egressExtProc sends the request headers, and nothing else, to ext_proc:
// the decision is the destination's, bodies and tunnels pass untouched.
func egressExtProc(p *ir.Policy, s *ir.Server) *extproc.ExternalProcessor {
	return &extproc.ExternalProcessor{
		GrpcService: &core.GrpcService{
			TargetSpecifier: &core.GrpcService_EnvoyGrpc_{EnvoyGrpc: &core.GrpcService_EnvoyGrpc{ClusterName: extProcClusterName}},
			InitialMetadata: []*core.HeaderValue{
				{Key: contract.ServerHeader, Value: s.Name},
				{Key: contract.ListenerHeader, Value: contract.ListenerEgress},
			},
		},
		FailureModeAllow: false,
		ProcessingMode: &extproc.ProcessingMode{
			RequestHeaderMode:   extproc.ProcessingMode_SEND,
			ResponseHeaderMode:  extproc.ProcessingMode_SKIP,
			RequestBodyMode:     extproc.ProcessingMode_NONE,
			ResponseBodyMode:    extproc.ProcessingMode_NONE,
			RequestTrailerMode:  extproc.ProcessingMode_SKIP,
			ResponseTrailerMode: extproc.ProcessingMode_SKIP,
		},
		// The decision may wait on DNS.
		MessageTimeout: durationpb.New(time.Duration(p.Limits.MessageTimeoutMillis) * time.Millisecond),
	}
}

// egressCluster connects to the address ext_proc put in the target header
// (Envoy resolves nothing), and takes ext_proc's headers off the request
// once the address is chosen.
func egressCluster(p *ir.Policy, name string, tls *core.TransportSocket) *cluster.Cluster {
	strip := &headermutation.HeaderMutation{Mutations: &headermutation.Mutations{RequestMutations: []*mutation.HeaderMutation{
		{Action: &mutation.HeaderMutation_Remove{Remove: contract.EgressTargetHeader}},
		{Action: &mutation.HeaderMutation_Remove{Remove: contract.EgressClusterHeader}},
		{Action: &mutation.HeaderMutation_Remove{Remove: "x-forwarded-proto"}},
	}}}
	opts := &httpopts.HttpProtocolOptions{
		UpstreamProtocolOptions: &httpopts.HttpProtocolOptions_ExplicitHttpConfig_{ExplicitHttpConfig: &httpopts.HttpProtocolOptions_ExplicitHttpConfig{
			ProtocolConfig: &httpopts.HttpProtocolOptions_ExplicitHttpConfig_HttpProtocolOptions{HttpProtocolOptions: &core.Http1ProtocolOptions{}},
		}},
		HttpFilters: []*hcm.HttpFilter{
			{Name: "envoy.filters.http.header_mutation", ConfigType: &hcm.HttpFilter_TypedConfig{TypedConfig: mustAny(strip)}},
			{Name: "envoy.filters.http.upstream_codec", ConfigType: &hcm.HttpFilter_TypedConfig{TypedConfig: mustAny(&upstreamcodec.UpstreamCodec{})}},
		},
	}
	return &cluster.Cluster{
		Name:                 name,
		ClusterDiscoveryType: &cluster.Cluster_Type{Type: cluster.Cluster_ORIGINAL_DST},
		LbPolicy:             cluster.Cluster_CLUSTER_PROVIDED,
		ConnectTimeout:       durationpb.New(5 * time.Second),
		LbConfig: &cluster.Cluster_OriginalDstLbConfig_{OriginalDstLbConfig: &cluster.Cluster_OriginalDstLbConfig{
			UseHttpHeader:  true,
			HttpHeaderName: contract.EgressTargetHeader,
		}},
		CircuitBreakers: breakers(p.Limits.Streams()),
		TransportSocket: tls,
		TypedExtensionProtocolOptions: map[string]*anypb.Any{
			"envoy.extensions.upstreams.http.v3.HttpProtocolOptions": mustAny(opts),
		},
	}
}

// originateTLS connects to a credential's host over TLS, verifying that
// the certificate names the host, against the credential's CA file or the
// system bundle.
func originateTLS(c egress.Credential) *core.TransportSocket {
	ca := c.CAFile
	if ca == "" {
		ca = egress.DefaultCAFile
	}
	ctx := &tlsv3.UpstreamTlsContext{
		Sni: c.Host,
		CommonTlsContext: &tlsv3.CommonTlsContext{
			TlsParams: &tlsv3.TlsParameters{TlsMinimumProtocolVersion: tlsv3.TlsParameters_TLSv1_2},
			ValidationContextType: &tlsv3.CommonTlsContext_ValidationContext{ValidationContext: &tlsv3.CertificateValidationContext{
				TrustedCa: &core.DataSource{Specifier: &core.DataSource_Filename{Filename: ca}},
				MatchTypedSubjectAltNames: []*tlsv3.SubjectAltNameMatcher{{
					SanType: tlsv3.SubjectAltNameMatcher_DNS,
					Matcher: &matcher.StringMatcher{MatchPattern: &matcher.StringMatcher_Exact{Exact: c.Host}},
				}},
			}},
		},
	}
	return &core.TransportSocket{Name: "envoy.transport_sockets.tls", ConfigType: &core.TransportSocket_TypedConfig{TypedConfig: mustAny(ctx)}}
}
