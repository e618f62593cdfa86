package translator

import (
	"slices"
	"testing"

	cluster "github.com/envoyproxy/go-control-plane/envoy/config/cluster/v3"
	listenerv3 "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	route "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	hcm "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3"
	earlymutation "github.com/envoyproxy/go-control-plane/envoy/extensions/http/early_header_mutation/header_mutation/v3"
	tlsv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/transport_sockets/tls/v3"
	cachev3 "github.com/envoyproxy/go-control-plane/pkg/cache/v3"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"

	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// The ingress node: HTTPS only (TLS 1.2+, the certificate over SDS), one
// route per server rewritten to the path its sidecar serves, one cluster
// per sidecar at the address the ingress reaches it by.
func TestIngressNode(t *testing.T) {
	p := &ir.Policy{
		Version: "v",
		Limits:  ir.Limits{MaxBodyBytes: 4096, MessageTimeoutMillis: 750},
		Ingress: &ir.Ingress{Listen: ir.Endpoint{Host: "0.0.0.0", Port: 10443}, TLS: ir.TLS{CertPEM: []byte("cert"), KeyPEM: []byte("key"), Digest: "d"}},
		Servers: []ir.Server{
			{Name: "a", Upstream: ir.Endpoint{Host: "10.0.0.1", Port: 80}, Listen: ir.Endpoint{Host: "0.0.0.0", Port: 10000}, Path: "/mcp", Policy: chain.Policy{Tools: allowlist.Policy{AllowAll: true}}},
			{Name: "b", Upstream: ir.Endpoint{Host: "10.0.0.2", Port: 80}, Listen: ir.Endpoint{Host: "0.0.0.0", Port: 10001}, Address: ir.Endpoint{Host: "mcp-b.tools.svc", Port: 10001}, Path: "/rpc", Policy: chain.Policy{Tools: allowlist.Policy{AllowAll: true}}},
		},
	}
	nodes, err := Translate(p, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	res, ok := nodes[contract.IngressNodeID]
	if !ok {
		t.Fatal("no ingress node")
	}
	snap, err := cachev3.NewSnapshot("1", res)
	if err != nil {
		t.Fatal(err)
	}
	if err := snap.Consistent(); err != nil {
		t.Fatalf("ingress snapshot is inconsistent: %v", err)
	}
	l := res[resource.ListenerType][0].(*listenerv3.Listener)
	ts := l.FilterChains[0].GetTransportSocket()
	if ts == nil {
		t.Fatal("the ingress listener has no TLS")
	}
	var dtc tlsv3.DownstreamTlsContext
	if err := ts.GetTypedConfig().UnmarshalTo(&dtc); err != nil {
		t.Fatal(err)
	}
	params := dtc.GetCommonTlsContext().GetTlsParams()
	if params.GetTlsMinimumProtocolVersion() != tlsv3.TlsParameters_TLSv1_2 {
		t.Errorf("minimum TLS version %v, want 1.2", params.GetTlsMinimumProtocolVersion())
	}
	if sds := dtc.GetCommonTlsContext().GetTlsCertificateSdsSecretConfigs(); len(sds) != 1 || sds[0].Name != contract.IngressCertSecret || sds[0].GetSdsConfig().GetAds() == nil {
		t.Errorf("the certificate must come over ADS as %q: %v", contract.IngressCertSecret, sds)
	}
	if sec := res[resource.SecretType]; len(sec) != 1 || string(sec[0].(*tlsv3.Secret).GetTlsCertificate().GetPrivateKey().GetInlineBytes()) != "key" {
		t.Errorf("secret: %v", sec)
	}
	rc := res[resource.RouteType][0].(*route.RouteConfiguration)
	routes := rc.VirtualHosts[0].Routes
	if len(routes) != 3 || routes[0].GetMatch().GetPath() != "/servers/a/mcp" || routes[0].GetRoute().GetPrefixRewrite() != "/mcp" ||
		routes[1].GetMatch().GetPath() != "/servers/b/mcp" || routes[1].GetRoute().GetPrefixRewrite() != "/rpc" || routes[2].GetDirectResponse().GetStatus() != 404 {
		t.Fatalf("routes: %v", routes)
	}
	want := map[string]string{"sidecar_a": "127.0.0.1", "sidecar_b": "mcp-b.tools.svc"}
	for _, r := range res[resource.ClusterType] {
		c := r.(*cluster.Cluster)
		addr := c.GetLoadAssignment().GetEndpoints()[0].GetLbEndpoints()[0].GetEndpoint().GetAddress().GetSocketAddress()
		if want[c.Name] != addr.GetAddress() {
			t.Errorf("cluster %s reaches %s, want %s", c.Name, addr.GetAddress(), want[c.Name])
		}
		delete(want, c.Name)
	}
	if len(want) != 0 {
		t.Errorf("missing clusters: %v", want)
	}
	if _, ok := nodes[contract.IngressNodeID]; ok {
		p.Ingress = nil
		if nodes, _ := Translate(p, testOpts); nodes[contract.IngressNodeID] != nil {
			t.Error("a policy without ingress must have no ingress node")
		}
	}
}

// The agent's token goes on from the ingress only to a server that
// exchanges it; every other provider drops it.
func TestIngressForwardsTokenOnlyForExchange(t *testing.T) {
	p := &ir.Policy{
		Version: "v",
		Limits:  ir.Limits{MaxBodyBytes: 4096, MessageTimeoutMillis: 750},
		Ingress: &ir.Ingress{Listen: ir.Endpoint{Host: "0.0.0.0", Port: 10443}, PublicURL: "https://mcp.example.com", TLS: ir.TLS{CertPEM: []byte("cert"), KeyPEM: []byte("key"), Digest: "d"},
			JWT: &ir.JWT{Issuer: "https://auth.example.com", JWKS: []byte(`{"keys":[]}`), GroupsClaim: "groups"}},
		Servers: []ir.Server{
			{Name: "plain", Upstream: ir.Endpoint{Host: "10.0.0.1", Port: 80}, Listen: ir.Endpoint{Host: "0.0.0.0", Port: 10000}, Path: "/mcp", Policy: chain.Policy{Tools: allowlist.Policy{AllowAll: true}}},
			{Name: "exchanging", Upstream: ir.Endpoint{Host: "10.0.0.2", Port: 80}, Listen: ir.Endpoint{Host: "0.0.0.0", Port: 10001}, Path: "/mcp", Policy: chain.Policy{Tools: allowlist.Policy{AllowAll: true}},
				TokenExchange: &ir.TokenExchange{TokenURL: "https://auth.example.com/token", ClientID: "c", ClientSecretFile: "/s", Audience: "https://api.example.com"}},
		},
	}
	j := jwtAuthn(p)
	if j.Providers["server_plain"].GetForward() || !j.Providers["server_exchanging"].GetForward() {
		t.Fatalf("forward: plain %v, exchanging %v", j.Providers["server_plain"].GetForward(), j.Providers["server_exchanging"].GetForward())
	}
	claims := map[string]string{}
	for _, c := range j.Providers["server_plain"].GetClaimToHeaders() {
		claims[c.GetClaimName()] = c.GetHeaderName()
	}
	if claims["jti"] != contract.TokenIDHeader || claims["sub"] != contract.SubjectHeader {
		t.Fatalf("claims copied: %v", claims)
	}
	p.Ingress.JWT.Claims = []string{"tenant", "org.id"}
	claims = map[string]string{}
	for _, c := range jwtAuthn(p).Providers["server_plain"].GetClaimToHeaders() {
		claims[c.GetClaimName()] = c.GetHeaderName()
	}
	if claims["tenant"] != contract.ClaimHeader(0) || claims["org.id"] != contract.ClaimHeader(1) {
		t.Fatalf("chosen claims: %v", claims)
	}
	// Whatever a client sends under the mesh's prefix is gone before
	// jwt_authn copies the claims.
	var m hcm.HttpConnectionManager
	if err := ingressListener(p).FilterChains[0].Filters[0].GetTypedConfig().UnmarshalTo(&m); err != nil {
		t.Fatal(err)
	}
	var early earlymutation.HeaderMutation
	if ext := m.GetEarlyHeaderMutationExtensions(); len(ext) != 1 || ext[0].GetTypedConfig().UnmarshalTo(&early) != nil ||
		early.GetMutations()[0].GetRemoveOnMatch().GetKeyMatcher().GetPrefix() != contract.HeaderPrefix {
		t.Fatalf("early header mutation: %v", m.GetEarlyHeaderMutationExtensions())
	}
}

// With client certificates the ingress verifies them against the agents'
// CA and passes their names on, after removing what a client sent.
func TestIngressClientCertificates(t *testing.T) {
	p := &ir.Policy{
		Version: "v",
		Limits:  ir.Limits{MaxBodyBytes: 4096, MessageTimeoutMillis: 750},
		Ingress: &ir.Ingress{Listen: ir.Endpoint{Host: "0.0.0.0", Port: 10443}, TLS: ir.TLS{CertPEM: []byte("cert"), KeyPEM: []byte("key"), Digest: "d"},
			ClientCerts: &ir.ClientCerts{CAPEM: []byte("agents-ca"), Required: true}},
		Servers: []ir.Server{{Name: "a", Upstream: ir.Endpoint{Host: "10.0.0.1", Port: 80}, Listen: ir.Endpoint{Host: "0.0.0.0", Port: 10000}, Path: "/mcp", Policy: chain.Policy{Tools: allowlist.Policy{AllowAll: true}}}},
	}
	var dtc tlsv3.DownstreamTlsContext
	if err := ingressListener(p).FilterChains[0].GetTransportSocket().GetTypedConfig().UnmarshalTo(&dtc); err != nil {
		t.Fatal(err)
	}
	if !dtc.GetRequireClientCertificate().GetValue() || string(dtc.GetCommonTlsContext().GetValidationContext().GetTrustedCa().GetInlineBytes()) != "agents-ca" {
		t.Fatalf("client certificate validation: %v", &dtc)
	}
	r := ingressRoutes(p).VirtualHosts[0].Routes[0]
	if !slices.Contains(r.RequestHeadersToRemove, contract.CertURIHeader) || !slices.Contains(r.RequestHeadersToRemove, contract.CertDNSHeader) {
		t.Errorf("client-sent certificate headers are not removed: %v", r.RequestHeadersToRemove)
	}
	set := map[string]string{}
	for _, h := range r.RequestHeadersToAdd {
		set[h.GetHeader().GetKey()] = h.GetHeader().GetValue()
	}
	if set[contract.CertURIHeader] != "%DOWNSTREAM_PEER_URI_SAN%" || set[contract.CertDNSHeader] != "%DOWNSTREAM_PEER_DNS_SAN%" {
		t.Errorf("certificate names: %v", set)
	}
}
