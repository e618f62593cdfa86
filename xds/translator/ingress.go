package translator

import (
	"encoding/json"
	"time"

	"github.com/envoyproxy/go-control-plane/pkg/cache/types"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	listenerv3 "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	route "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	jwtv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/jwt_authn/v3"
	router "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/router/v3"
	hcm "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3"
	tlsv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/transport_sockets/tls/v3"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	mutation "github.com/envoyproxy/go-control-plane/envoy/config/common/mutation_rules/v3"
	earlymutation "github.com/envoyproxy/go-control-plane/envoy/extensions/http/early_header_mutation/header_mutation/v3"
	matcher "github.com/envoyproxy/go-control-plane/envoy/type/matcher/v3"
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
		if meshTLS(p) {
			c.TransportSocket = ingressUpstreamTLS(p, s)
		}
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

// Limits on what an agent's request headers may be.
const (
	ingressMaxHeadersKB = 32
	ingressMaxHeaders   = 64
)

func ingressListener(p *ir.Policy) *listenerv3.Listener {
	manager := &hcm.HttpConnectionManager{
		StatPrefix: contract.IngressListenerName,
		CodecType:  hcm.HttpConnectionManager_AUTO,
		RouteSpecifier: &hcm.HttpConnectionManager_Rds{Rds: &hcm.Rds{
			RouteConfigName: contract.IngressRouteConfigName,
			ConfigSource:    adsSource(),
		}},
		HttpFilters:                  ingressFilters(p),
		NormalizePath:                wrapperspb.Bool(true),
		MergeSlashes:                 true,
		PathWithEscapedSlashesAction: hcm.HttpConnectionManager_REJECT_REQUEST,
		StreamIdleTimeout:            durationpb.New(10 * time.Minute),
		RequestTimeout:               durationpb.New(0),
		LocalReplyConfig:             ingressLocalReplies(p),
		// The ingress is the edge: a client's X-Forwarded-For is not trusted,
		// and what the sidecars see is set here.
		UseRemoteAddress: wrapperspb.Bool(true),
		// Headers are bounded at the edge (431 beyond), and a header name
		// with an underscore, which some servers read as its dashed twin,
		// is refused rather than passed on.
		MaxRequestHeadersKb: wrapperspb.UInt32(ingressMaxHeadersKB),
		// Every header a client sends under the mesh's prefix is dropped
		// before any filter runs: identity, proof and certificate headers
		// are the ingress's to set, whether or not a token carries the
		// claim they come from.
		EarlyHeaderMutationExtensions: []*core.TypedExtensionConfig{{
			Name: "envoy.http.early_header_mutation.header_mutation",
			TypedConfig: mustAny(&earlymutation.HeaderMutation{Mutations: []*mutation.HeaderMutation{{
				Action: &mutation.HeaderMutation_RemoveOnMatch_{RemoveOnMatch: &mutation.HeaderMutation_RemoveOnMatch{
					KeyMatcher: &matcher.StringMatcher{MatchPattern: &matcher.StringMatcher_Prefix{Prefix: contract.HeaderPrefix}},
				}},
			}}}),
		}},
		CommonHttpProtocolOptions: &core.HttpProtocolOptions{
			MaxHeadersCount:              wrapperspb.UInt32(ingressMaxHeaders),
			HeadersWithUnderscoresAction: core.HttpProtocolOptions_REJECT_REQUEST,
		},
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
	if cc := p.Ingress.ClientCerts; cc != nil {
		// Agents' certificates chain to this CA; without Required a client
		// may present none (and is then identified by its token, if any).
		tlsCtx.RequireClientCertificate = wrapperspb.Bool(cc.Required)
		tlsCtx.CommonTlsContext.ValidationContextType = &tlsv3.CommonTlsContext_ValidationContext{ValidationContext: &tlsv3.CertificateValidationContext{
			TrustedCa: &core.DataSource{Specifier: &core.DataSource_InlineBytes{InlineBytes: cc.CAPEM}},
		}}
	}
	return &listenerv3.Listener{
		Name:                          contract.IngressListenerName,
		Address:                       socketAddress(p.Ingress.Listen),
		EnableReusePort:               exclusivePort,
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
	routes := make([]*route.Route, 0, 2*len(p.Servers)+1)
	for i := range p.Servers {
		s := &p.Servers[i]
		if p.Ingress.JWT != nil {
			routes = append(routes, metadataRoute(p.Ingress, s))
		}
		routes = append(routes, &route.Route{
			Name:  s.Name,
			Match: &route.RouteMatch{PathSpecifier: &route.RouteMatch_Path{Path: ir.IngressPath(s.Name)}},
			Action: &route.Route_Route{Route: &route.RouteAction{
				ClusterSpecifier: &route.RouteAction_Cluster{Cluster: contract.IngressClusterName(s.Name)},
				PrefixRewrite:    s.Path,
				Timeout:          durationpb.New(0),
			}},
			// Whatever a client sent under these names is removed first
			// (Envoy removes before it adds), then what the ingress knows
			// is set.
			RequestHeadersToRemove: []string{contract.CertURIHeader, contract.CertDNSHeader},
			RequestHeadersToAdd:    ingressHeaders(p.Ingress),
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

// ingressHeaders are the headers the ingress sets on every request it
// forwards: its proof and, with client certificates, the verified names
// (an empty value, no certificate, adds nothing).
func ingressHeaders(in *ir.Ingress) []*core.HeaderValueOption {
	set := func(k, v string) *core.HeaderValueOption {
		return &core.HeaderValueOption{Header: &core.HeaderValue{Key: k, Value: v}, AppendAction: core.HeaderValueOption_OVERWRITE_IF_EXISTS_OR_ADD}
	}
	out := []*core.HeaderValueOption{set(contract.IngressAuthHeader, in.Secret)}
	if in.ClientCerts != nil {
		out = append(out, set(contract.CertURIHeader, "%DOWNSTREAM_PEER_URI_SAN%"), set(contract.CertDNSHeader, "%DOWNSTREAM_PEER_DNS_SAN%"))
	}
	return out
}

func adsSource() *core.ConfigSource {
	return &core.ConfigSource{
		ResourceApiVersion:    core.ApiVersion_V3,
		ConfigSourceSpecifier: &core.ConfigSource_Ads{Ads: &core.AggregatedConfigSource{}},
	}
}

// ingressFilters is the one place the ingress's HTTP filter order is
// declared: tokens are verified before anything is routed.
func ingressFilters(p *ir.Policy) []*hcm.HttpFilter {
	var fs []*hcm.HttpFilter
	if p.Ingress.JWT != nil {
		fs = append(fs, &hcm.HttpFilter{Name: "envoy.filters.http.jwt_authn", ConfigType: &hcm.HttpFilter_TypedConfig{TypedConfig: mustAny(jwtAuthn(p))}})
	}
	return append(fs, &hcm.HttpFilter{Name: "envoy.filters.http.router", ConfigType: &hcm.HttpFilter_TypedConfig{TypedConfig: mustAny(&router.Router{})}})
}

// jwtAuthn has one provider per server, whose audience is that server's
// resource URI (MCP authorization: a token is bound to the server it was
// issued for), and a rule per server path that requires it. The verified
// subject and groups go to the sidecar as headers the filter sets itself
// (and strips from every request first); the token itself is not forwarded.
func jwtAuthn(p *ir.Policy) *jwtv3.JwtAuthentication {
	j := p.Ingress.JWT
	cfg := &jwtv3.JwtAuthentication{Providers: map[string]*jwtv3.JwtProvider{}}
	for i := range p.Servers {
		s := &p.Servers[i]
		name := "server_" + s.Name
		cfg.Providers[name] = &jwtv3.JwtProvider{
			Issuer:    j.Issuer,
			Audiences: append([]string{p.Ingress.ResourceURI(s.Name)}, j.Audiences...),
			JwksSourceSpecifier: &jwtv3.JwtProvider_LocalJwks{LocalJwks: &core.DataSource{
				Specifier: &core.DataSource_InlineBytes{InlineBytes: j.JWKS},
			}},
			// The token goes on only to a sidecar that exchanges it;
			// ext_proc takes it off before the server.
			Forward: s.TokenExchange != nil,
			ClaimToHeaders: append([]*jwtv3.JwtClaimToHeader{
				{HeaderName: contract.SubjectHeader, ClaimName: "sub"},
				{HeaderName: contract.GroupsHeader, ClaimName: j.GroupsClaim},
				{HeaderName: contract.IssuerHeader, ClaimName: "iss"},
				{HeaderName: contract.ScopeHeader, ClaimName: "scope"},
				{HeaderName: contract.TokenIDHeader, ClaimName: "jti"},
			}, claimHeaders(j)...),
			ClockSkewSeconds: 30,
		}
		cfg.Rules = append(cfg.Rules, &jwtv3.RequirementRule{
			Match: &route.RouteMatch{PathSpecifier: &route.RouteMatch_Path{Path: ir.IngressPath(s.Name)}},
			RequirementType: &jwtv3.RequirementRule_Requires{Requires: &jwtv3.JwtRequirement{
				RequiresType: &jwtv3.JwtRequirement_ProviderName{ProviderName: name},
			}},
		})
	}
	return cfg
}

// claimHeaders copies the policy's chosen claims, each to its own header.
func claimHeaders(j *ir.JWT) []*jwtv3.JwtClaimToHeader {
	out := make([]*jwtv3.JwtClaimToHeader, len(j.Claims))
	for i, c := range j.Claims {
		out[i] = &jwtv3.JwtClaimToHeader{HeaderName: contract.ClaimHeader(i), ClaimName: c}
	}
	return out
}

// metadataRoute serves the protected-resource metadata of a server (RFC
// 9728), which tells an MCP client which authorization server issues its
// tokens.
func metadataRoute(in *ir.Ingress, s *ir.Server) *route.Route {
	doc, _ := json.Marshal(struct {
		Resource             string   `json:"resource"`
		AuthorizationServers []string `json:"authorization_servers"`
		BearerMethods        []string `json:"bearer_methods_supported"`
		ResourceName         string   `json:"resource_name"`
	}{in.ResourceURI(s.Name), []string{in.JWT.Issuer}, []string{"header"}, "MCP server " + s.Name})
	return &route.Route{
		Name:  "metadata_" + s.Name,
		Match: &route.RouteMatch{PathSpecifier: &route.RouteMatch_Path{Path: ir.MetadataPath(s.Name)}},
		Action: &route.Route_DirectResponse{DirectResponse: &route.DirectResponseAction{
			Status: 200,
			Body:   &core.DataSource{Specifier: &core.DataSource_InlineBytes{InlineBytes: doc}},
		}},
		ResponseHeadersToAdd: []*core.HeaderValueOption{{
			Header:       &core.HeaderValue{Key: "content-type", Value: "application/json"},
			AppendAction: core.HeaderValueOption_OVERWRITE_IF_EXISTS_OR_ADD,
		}},
	}
}

// ingressLocalReplies are the sidecar's, plus the answer to a request
// without a valid token: 401 with the WWW-Authenticate challenge that names
// the server's metadata (MCP authorization), and a JSON-RPC error.
func ingressLocalReplies(p *ir.Policy) *hcm.LocalReplyConfig {
	lr := localReplies(p)
	if p.Ingress.JWT == nil {
		return lr
	}
	challenge := `Bearer resource_metadata="` + p.Ingress.PublicURL + `/.well-known/oauth-protected-resource%REQ(:path)%"`
	var ms []*hcm.ResponseMapper
	// jwt_authn answers 401 for a missing or unverifiable token and 403 for
	// one of another audience; a token for another resource is as invalid
	// as any (RFC 6750 invalid_token, MCP authorization), so both become 401
	// with the challenge. (Nothing else on the ingress answers 403.)
	for _, status := range []uint32{401, 403} {
		m := jsonRPCMapper(statusFilter(status), contract.CodePolicyDenied, contract.MsgUnauthenticated)
		m.StatusCode = wrapperspb.UInt32(401)
		m.HeadersToAdd = []*core.HeaderValueOption{{
			Header:       &core.HeaderValue{Key: "www-authenticate", Value: challenge},
			AppendAction: core.HeaderValueOption_OVERWRITE_IF_EXISTS_OR_ADD,
		}}
		ms = append(ms, m)
	}
	lr.Mappers = append(ms, lr.Mappers...)
	return lr
}
