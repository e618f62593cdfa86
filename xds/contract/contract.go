// Package contract is what the control plane promises every Envoy and every
// ext_proc instance, and so what both sides must agree on: node ids, cluster
// and resource names, how the policy travels, the headers they exchange,
// mcpmesh's JSON-RPC error codes and the texts of the refusals Envoy and
// ext_proc answer with.
//
// It is the only package of the control plane that ext_proc imports, and it
// builds no Envoy configuration: the translator does that, by these names.
package contract

import (
	"fmt"

	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// Node ids and the clusters they report. Every ext_proc instance shares one
// node, so all of them receive the same policy resource.
const (
	ExtProcNodeID      = "extproc"
	ExtProcNodeCluster = "mcpmesh-extproc"
	SidecarNodeCluster = "mcpmesh-sidecar"
)

// The ingress: one node, its listener, routes, certificate secret, and a
// cluster per server's sidecar.
const (
	IngressNodeID          = "ingress"
	IngressNodeCluster     = "mcpmesh-ingress"
	IngressListenerName    = "ingress"
	IngressRouteConfigName = "ingress_routes"
	IngressCertSecret      = "ingress_cert"
	// With mutual TLS: the certificate of each sidecar's listener.
	SidecarCertSecret = "sidecar_cert"
)

// IngressClusterName is the ingress's cluster for server's sidecar.
func IngressClusterName(server string) string { return "sidecar_" + server }

// SidecarNodeID is the node id of the sidecar in front of server.
func SidecarNodeID(server string) string { return "sidecar/" + server }

// Names of the Envoy resources the translator builds for a sidecar. Tests
// and dashboards find the sidecar's stats by them.
const ExtProcClusterName = "mcpmesh_extproc"

// UpstreamClusterName is the cluster of the MCP server behind a sidecar.
func UpstreamClusterName(server string) string { return "upstream_" + server }

// RouteConfigName is the sidecar's route configuration.
func RouteConfigName(server string) string { return "routes_" + server }

// ListenerName is the sidecar's listener; its stats use it as their prefix.
func ListenerName(server string) string { return "mcp_" + server }

// The egress listener of a sidecar: the forward proxy its MCP server's
// outbound HTTP and HTTPS go through. ext_proc judges every request on it
// and names the cluster and the address Envoy connects to, so Envoy never
// resolves a name itself (the address ext_proc checked is the one used).
const (
	// EgressDirectCluster connects to the address ext_proc names, as is
	// (plain HTTP, or the tunnel of a CONNECT).
	EgressDirectCluster = "egress_direct"
	// EgressClusterHeader names the cluster of an egress request and
	// EgressTargetHeader its address ("203.0.113.7:443"). ext_proc sets
	// both on every request it allows, over whatever the server sent; the
	// cluster removes them before anything leaves the sidecar.
	EgressClusterHeader = "x-mcpmesh-egress-cluster"
	EgressTargetHeader  = "x-mcpmesh-egress-target"
	// ListenerHeader is the gRPC metadata key by which a sidecar tells
	// ext_proc that a stream comes from its egress listener.
	ListenerHeader = "x-mcpmesh-listener"
	ListenerEgress = "egress"
)

// EgressListenerName is the egress listener of server's sidecar; its stats
// use it as their prefix.
func EgressListenerName(server string) string { return "egress_" + server }

// EgressCredentialCluster is the cluster that originates TLS to the
// destination of the server's i-th credential (egress.network.credentials).
func EgressCredentialCluster(i int) string { return fmt.Sprintf("egress_credential_%d", i) }

// HeaderPrefix starts every header the mesh sets between its components;
// the ingress drops whatever a client sends under it.
const HeaderPrefix = "x-mcpmesh-"

// ClaimHeader carries the i-th of the claims the policy chose
// (ingress.auth.jwt.claims).
func ClaimHeader(i int) string { return fmt.Sprintf("x-mcpmesh-claim-%d", i) }

// Headers between Envoy and ext_proc.
const (
	// SubjectHeader, GroupsHeader and IssuerHeader carry the identity the
	// ingress verified (groups as base64 JSON). Only the ingress sets them,
	// after removing whatever a client sent under those names.
	SubjectHeader = "x-mcpmesh-subject"
	GroupsHeader  = "x-mcpmesh-groups"
	IssuerHeader  = "x-mcpmesh-issuer"
	ScopeHeader   = "x-mcpmesh-scope"
	// TokenIDHeader carries the token's "jti", for revocation.
	TokenIDHeader = "x-mcpmesh-token-id"
	// CertURIHeader and CertDNSHeader carry the URI and DNS names of the
	// client certificate the ingress verified (comma-separated).
	CertURIHeader = "x-mcpmesh-cert-uri"
	CertDNSHeader = "x-mcpmesh-cert-dns"
	// IngressAuthHeader carries the ingress's proof that it set the
	// identity headers: a secret only the ingress and ext_proc know.
	IngressAuthHeader = "x-mcpmesh-ingress"
	// ServerHeader is the gRPC metadata key by which the sidecar tells
	// ext_proc which server a stream is for.
	ServerHeader = "x-mcpmesh-server"
	// DecisionHeader marks an answer ext_proc gave in the server's place:
	// "deny", or "respond" for a webhook's answer.
	DecisionHeader = "x-mcpmesh-decision"
)

// JSON-RPC error codes of mcpmesh's own refusals. The standard codes
// (-32600 invalid request, -32603 internal error) mean what JSON-RPC says.
const (
	// CodePolicyDenied: the policy forbids the message.
	CodePolicyDenied = -32001
	// CodeServerUnavailable: the control plane does not route to the server
	// (e.g. its image failed verification).
	CodeServerUnavailable = -32003
	// CodeHeaderMismatch: an Mcp-* header contradicts the body (the code MCP
	// servers use for the same fault, so clients see no difference).
	CodeHeaderMismatch = -32020
	// CodeOverloaded: the sidecar already has limits.maxConcurrentStreams
	// requests in flight; the caller may retry.
	CodeOverloaded     = -32004
	CodeInvalidRequest = -32600
	CodeInternalError  = -32603
)

// Texts of refusals that Envoy (through its local-reply mappers) and
// ext_proc both give, so a client sees one wording whoever refused.
const (
	MsgNotInspected      = "mcpmesh: the message could not be inspected; refused"
	MsgInspectionTimeout = "mcpmesh: inspection timed out; refused"
	MsgServerDown        = "mcpmesh: the MCP server is unavailable"
	MsgUnauthenticated   = "mcpmesh: a valid bearer token for this server is required"
	MsgNotViaIngress     = "mcpmesh: this server is reached through the ingress, which verifies tokens; refused"
	MsgRevoked           = "mcpmesh: the token has been revoked"
)

// MsgTooLarge refuses a request body over the limit.
func MsgTooLarge(limit uint32) string {
	return fmt.Sprintf("mcpmesh: message body larger than %d bytes; refused", limit)
}

// MsgOverloaded refuses a request over the concurrent-request limit.
func MsgOverloaded(limit uint32) string {
	return fmt.Sprintf("mcpmesh: the sidecar is at its limit of %d concurrent requests; refused, retry later", limit)
}

// MsgUnavailable refuses every message for a server that is not routed.
func MsgUnavailable(s *ir.Server) string {
	return fmt.Sprintf("mcpmesh: server %q is not available: %s", s.Name, s.Unavailable)
}
