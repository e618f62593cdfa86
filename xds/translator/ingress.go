package translator

import (
	"time"

	"github.com/envoyproxy/go-control-plane/pkg/cache/types"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	listenerv3 "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	route "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	router "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/router/v3"
	hcm "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3"
	tlsv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/transport_sockets/tls/v3"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// ingress builds the ingress node: one HTTPS listener whose certificate
// comes over SDS (so a rotated certificate replaces the old one without a
// restart or a new listener), and one route per server to its sidecar.
func ingress(p *ir.Policy) Resources {
	in := p.Ingress
	clusters := make([]types.Resource, 0, len(p.Servers))
	for i := range p.Servers {
		s := &p.Servers[i]
		c := staticOrDNS(contract.IngressClusterName(s.Name), s.SidecarAddress())
		c.CircuitBreakers = breakers(p.Limits.Streams())
		c.PerConnectionBufferLimitBytes = wrapperspb.UInt32(p.Limits.MaxBodyBytes)
		clusters = append(clusters, c)
	}
	return Resources{
		resource.SecretType:   {ingressSecret(in)},
		resource.ClusterType:  clusters,
		resource.ListenerType: {ingressListener(p)},
		resource.RouteType:    {ingressRoutes(p)},
	}
}

func ingressSecret(in *ir.Ingress) *tlsv3.Secret {
	return &tlsv3.Secret{
		Name: contract.IngressCertSecret,
		Type: &tlsv3.Secret_TlsCertificate{TlsCertificate: &tlsv3.TlsCertificate{
			CertificateChain: &core.DataSource{Specifier: &core.DataSource_InlineBytes{InlineBytes: in.TLS.CertPEM}},
			PrivateKey:       &core.DataSource{Specifier: &core.DataSource_InlineBytes{InlineBytes: in.TLS.KeyPEM}},
		}},
	}
}

// modernCiphers are the TLS 1.2 suites offered: forward secrecy and AEAD
// only (TLS 1.3 suites are not configurable and all qualify).
var modernCiphers = []string{
	"ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
	"ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
	"ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
}

func ingressListener(p *ir.Policy) *listenerv3.Listener {
	manager := &hcm.HttpConnectionManager{
		StatPrefix: contract.IngressListenerName,
		CodecType:  hcm.HttpConnectionManager_AUTO,
		RouteSpecifier: &hcm.HttpConnectionManager_Rds{Rds: &hcm.Rds{
			RouteConfigName: contract.IngressRouteConfigName,
			ConfigSource:    adsSource(),
		}},
		HttpFilters: []*hcm.HttpFilter{
			{Name: "envoy.filters.http.router", ConfigType: &hcm.HttpFilter_TypedConfig{TypedConfig: mustAny(&router.Router{})}},
		},
		NormalizePath:                wrapperspb.Bool(true),
		MergeSlashes:                 true,
		PathWithEscapedSlashesAction: hcm.HttpConnectionManager_REJECT_REQUEST,
		StreamIdleTimeout:            durationpb.New(10 * time.Minute),
		RequestTimeout:               durationpb.New(0),
		LocalReplyConfig:             localReplies(p),
		// The ingress is the edge: a client's X-Forwarded-For is not trusted,
		// and what the sidecars see is set here.
		UseRemoteAddress: wrapperspb.Bool(true),
	}
	tlsCtx := &tlsv3.DownstreamTlsContext{
		CommonTlsContext: &tlsv3.CommonTlsContext{
			TlsParams: &tlsv3.TlsParameters{
				TlsMinimumProtocolVersion: tlsv3.TlsParameters_TLSv1_2,
				TlsMaximumProtocolVersion: tlsv3.TlsParameters_TLSv1_3,
				CipherSuites:              modernCiphers,
			},
			TlsCertificateSdsSecretConfigs: []*tlsv3.SdsSecretConfig{{Name: contract.IngressCertSecret, SdsConfig: adsSource()}},
			AlpnProtocols:                  []string{"h2", "http/1.1"},
		},
	}
	return &listenerv3.Listener{
		Name:                          contract.IngressListenerName,
		Address:                       socketAddress(p.Ingress.Listen),
		PerConnectionBufferLimitBytes: wrapperspb.UInt32(p.Limits.MaxBodyBytes),
		FilterChains: []*listenerv3.FilterChain{{
			TransportSocket: &core.TransportSocket{
				Name:       "envoy.transport_sockets.tls",
				ConfigType: &core.TransportSocket_TypedConfig{TypedConfig: mustAny(tlsCtx)},
			},
			Filters: []*listenerv3.Filter{{
				Name:       "envoy.filters.network.http_connection_manager",
				ConfigType: &listenerv3.Filter_TypedConfig{TypedConfig: mustAny(manager)},
			}},
		}},
	}
}

// ingressRoutes sends /servers/<name>/mcp to that server's sidecar, at the
// path the sidecar serves, and answers every other path itself.
func ingressRoutes(p *ir.Policy) *route.RouteConfiguration {
	routes := make([]*route.Route, 0, len(p.Servers)+1)
	for i := range p.Servers {
		s := &p.Servers[i]
		routes = append(routes, &route.Route{
			Name:  s.Name,
			Match: &route.RouteMatch{PathSpecifier: &route.RouteMatch_Path{Path: ir.IngressPath(s.Name)}},
			Action: &route.Route_Route{Route: &route.RouteAction{
				ClusterSpecifier: &route.RouteAction_Cluster{Cluster: contract.IngressClusterName(s.Name)},
				PrefixRewrite:    s.Path,
				Timeout:          durationpb.New(0),
			}},
		})
	}
	routes = append(routes, &route.Route{
		Name:  "not-mcp",
		Match: &route.RouteMatch{PathSpecifier: &route.RouteMatch_Prefix{Prefix: "/"}},
		Action: &route.Route_DirectResponse{DirectResponse: &route.DirectResponseAction{
			Status: 404,
			Body: &core.DataSource{Specifier: &core.DataSource_InlineString{
				InlineString: "mcpmesh: MCP servers are served at /servers/<name>/mcp\n",
			}},
		}},
	})
	return &route.RouteConfiguration{
		Name:         contract.IngressRouteConfigName,
		VirtualHosts: []*route.VirtualHost{{Name: "ingress", Domains: []string{"*"}, Routes: routes}},
	}
}

func adsSource() *core.ConfigSource {
	return &core.ConfigSource{
		ResourceApiVersion:    core.ApiVersion_V3,
		ConfigSourceSpecifier: &core.ConfigSource_Ads{Ads: &core.AggregatedConfigSource{}},
	}
}
