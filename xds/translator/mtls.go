package translator

import (
	"net/netip"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	tlsv3 "github.com/envoyproxy/go-control-plane/envoy/extensions/transport_sockets/tls/v3"
	matcher "github.com/envoyproxy/go-control-plane/envoy/type/matcher/v3"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/meshcert"
)

// Mutual TLS between the ingress and the sidecars: each side's certificate
// comes over SDS, and each side accepts only the other's identity (a URI
// SAN) signed by the mesh CA.

func meshTLS(p *ir.Policy) bool { return p.Ingress != nil && p.Ingress.MTLS != nil }

func keyPairSecret(name string, kp ir.KeyPair) *tlsv3.Secret {
	return &tlsv3.Secret{
		Name: name,
		Type: &tlsv3.Secret_TlsCertificate{TlsCertificate: &tlsv3.TlsCertificate{
			CertificateChain: &core.DataSource{Specifier: &core.DataSource_InlineBytes{InlineBytes: kp.CertPEM}},
			PrivateKey:       &core.DataSource{Specifier: &core.DataSource_InlineBytes{InlineBytes: kp.KeyPEM}},
		}},
	}
}

// peerValidation trusts the mesh CA alone and only the peer named uri.
func peerValidation(p *ir.Policy, uri string) *tlsv3.CommonTlsContext_ValidationContext {
	return &tlsv3.CommonTlsContext_ValidationContext{ValidationContext: &tlsv3.CertificateValidationContext{
		TrustedCa: &core.DataSource{Specifier: &core.DataSource_InlineBytes{InlineBytes: p.Ingress.MTLS.CACertPEM}},
		MatchTypedSubjectAltNames: []*tlsv3.SubjectAltNameMatcher{{
			SanType: tlsv3.SubjectAltNameMatcher_URI,
			Matcher: &matcher.StringMatcher{MatchPattern: &matcher.StringMatcher_Exact{Exact: uri}},
		}},
	}}
}

// TLS 1.3 only; the maximum is set too, since an upstream context otherwise
// stops at 1.2.
var meshTLSParams = &tlsv3.TlsParameters{TlsMinimumProtocolVersion: tlsv3.TlsParameters_TLSv1_3, TlsMaximumProtocolVersion: tlsv3.TlsParameters_TLSv1_3}

// sidecarTLS makes the sidecar's listener accept the ingress only.
func sidecarTLS(p *ir.Policy) *core.TransportSocket {
	ctx := &tlsv3.DownstreamTlsContext{
		RequireClientCertificate: wrapBool(true),
		CommonTlsContext: &tlsv3.CommonTlsContext{
			TlsParams:                      meshTLSParams,
			TlsCertificateSdsSecretConfigs: []*tlsv3.SdsSecretConfig{{Name: contract.SidecarCertSecret, SdsConfig: adsSource()}},
			ValidationContextType:          peerValidation(p, meshcert.IngressURI),
		},
	}
	return &core.TransportSocket{Name: "envoy.transport_sockets.tls", ConfigType: &core.TransportSocket_TypedConfig{TypedConfig: mustAny(ctx)}}
}

// ingressUpstreamTLS makes the ingress present its certificate to s's
// sidecar and accept only that sidecar's.
func ingressUpstreamTLS(p *ir.Policy, s *ir.Server) *core.TransportSocket {
	ctx := &tlsv3.UpstreamTlsContext{
		Sni: sniFor(s.SidecarAddress().Host),
		CommonTlsContext: &tlsv3.CommonTlsContext{
			TlsParams: meshTLSParams,
			// Inline, not over SDS: a second secret subscribed to after the
			// first on one ADS stream waits for Envoy's 15 s initial-fetch
			// timeout with the snapshot cache (same version, new name).
			// Renewing it updates the cluster, which drains gracefully.
			TlsCertificates:       []*tlsv3.TlsCertificate{keyPairSecret("", p.Ingress.ClientCert).GetTlsCertificate()},
			ValidationContextType: peerValidation(p, meshcert.SidecarURI(s.Name)),
		},
	}
	return &core.TransportSocket{Name: "envoy.transport_sockets.tls", ConfigType: &core.TransportSocket_TypedConfig{TypedConfig: mustAny(ctx)}}
}

// sidecarTransport is the sidecar listener's transport: plain unless the
// ingress and the sidecars use mutual TLS.
func sidecarTransport(p *ir.Policy) *core.TransportSocket {
	if !meshTLS(p) {
		return nil
	}
	return sidecarTLS(p)
}

func wrapBool(b bool) *wrapperspb.BoolValue { return wrapperspb.Bool(b) }

// sniFor is the server name to send: a DNS name, never an IP address (TLS
// forbids addresses in SNI, and the peer is checked by its URI anyway).
func sniFor(host string) string {
	if _, err := netip.ParseAddr(host); err == nil {
		return ""
	}
	return host
}
