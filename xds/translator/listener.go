package translator

import (
	"fmt"
	"time"

	accesslog "github.com/envoyproxy/go-control-plane/envoy/config/accesslog/v3"
	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	listenerv3 "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	extproc "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/ext_proc/v3"
	router "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/router/v3"
	hcm "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3"
	typev3 "github.com/envoyproxy/go-control-plane/envoy/type/v3"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

func listener(p *ir.Policy, s *ir.Server) (*listenerv3.Listener, error) {
	manager := &hcm.HttpConnectionManager{
		StatPrefix: listenerName(s),
		CodecType:  hcm.HttpConnectionManager_AUTO,
		RouteSpecifier: &hcm.HttpConnectionManager_Rds{Rds: &hcm.Rds{
			RouteConfigName: routeConfigName(s),
			ConfigSource: &core.ConfigSource{
				ResourceApiVersion:    core.ApiVersion_V3,
				ConfigSourceSpecifier: &core.ConfigSource_Ads{Ads: &core.AggregatedConfigSource{}},
			},
		}},
		HttpFilters: httpFilters(p, s),
		// The path the route matches must be the path the server sees.
		NormalizePath:                wrapperspb.Bool(true),
		MergeSlashes:                 true,
		PathWithEscapedSlashesAction: hcm.HttpConnectionManager_REJECT_REQUEST,
		// SSE streams may be quiet for a while; a dead one is still reaped.
		StreamIdleTimeout: durationpb.New(10 * time.Minute),
		RequestTimeout:    durationpb.New(0),
		LocalReplyConfig:  localReplies(p),
	}
	return &listenerv3.Listener{
		Name:                          listenerName(s),
		Address:                       socketAddress(s.Listen),
		EnableReusePort:               exclusivePort,
		PerConnectionBufferLimitBytes: wrapperspb.UInt32(p.Limits.MaxBodyBytes),
		FilterChains: []*listenerv3.FilterChain{{
			TransportSocket: sidecarTransport(p),
			Filters: []*listenerv3.Filter{{
				Name:       "envoy.filters.network.http_connection_manager",
				ConfigType: &listenerv3.Filter_TypedConfig{TypedConfig: mustAny(manager)},
			}},
		}},
	}, nil
}

// exclusivePort turns off SO_REUSEPORT, which Envoy sets on Linux by
// default: with it, another process of the same user can bind the mesh's
// port beside Envoy and take a share of its connections, past every
// check. Without it such a bind fails, and so does Envoy's own when the
// port is taken, loudly.
var exclusivePort = wrapperspb.Bool(false)

// httpFilters is the one place the sidecar's HTTP filter order is declared:
// ext_proc inspects every message before the router forwards anything.
func httpFilters(p *ir.Policy, s *ir.Server) []*hcm.HttpFilter {
	return []*hcm.HttpFilter{
		{Name: "envoy.filters.http.ext_proc", ConfigType: &hcm.HttpFilter_TypedConfig{TypedConfig: mustAny(extProcFilter(p, s))}},
		{Name: "envoy.filters.http.router", ConfigType: &hcm.HttpFilter_TypedConfig{TypedConfig: mustAny(&router.Router{})}},
	}
}

// extProcFilter sends headers and bodies to ext_proc, which judges every
// message whole before anything of it is forwarded. A dead or slow ext_proc
// stops the request: there is no fail-open path.
//
// Both bodies are FULL_DUPLEX_STREAMED: Envoy sends the headers and the body
// chunks without waiting for answers and holds the headers until they are
// answered, so each direction costs one wait for ext_proc instead of two
// (headers, then the buffered body). ext_proc collects the body, answers the
// headers with a Content-Length that matches what it streams back, and
// enforces the body limit and the message timeout itself: Envoy does neither
// in this mode (see extproc/duplex.go). The mode requires trailers to be sent;
// they mark the end of a body that has them.
func extProcFilter(p *ir.Policy, s *ir.Server) *extproc.ExternalProcessor {
	return &extproc.ExternalProcessor{
		GrpcService: &core.GrpcService{
			TargetSpecifier: &core.GrpcService_EnvoyGrpc_{EnvoyGrpc: &core.GrpcService_EnvoyGrpc{ClusterName: extProcClusterName}},
			InitialMetadata: []*core.HeaderValue{{Key: contract.ServerHeader, Value: s.Name}},
		},
		FailureModeAllow: false,
		// A stream error is answered with 500, which localReplies turns
		// into a JSON-RPC error.
		StatusOnError: &typev3.HttpStatus{Code: typev3.StatusCode_InternalServerError},
		ProcessingMode: &extproc.ProcessingMode{
			RequestHeaderMode:   extproc.ProcessingMode_SEND,
			ResponseHeaderMode:  extproc.ProcessingMode_SEND,
			RequestBodyMode:     extproc.ProcessingMode_FULL_DUPLEX_STREAMED,
			ResponseBodyMode:    extproc.ProcessingMode_FULL_DUPLEX_STREAMED,
			RequestTrailerMode:  extproc.ProcessingMode_SEND,
			ResponseTrailerMode: extproc.ProcessingMode_SEND,
		},
		// ext_proc sets Content-Length whenever it changes a body; without
		// this Envoy would drop the header and re-frame every message.
		AllowContentLengthHeader: true,
		// No message_timeout: Envoy runs no message timer in this mode.
	}
}

// statusFilter matches a local reply by its HTTP status.
func statusFilter(code uint32) *accesslog.AccessLogFilter {
	return &accesslog.AccessLogFilter{FilterSpecifier: &accesslog.AccessLogFilter_StatusCodeFilter{
		StatusCodeFilter: &accesslog.StatusCodeFilter{Comparison: &accesslog.ComparisonFilter{
			Op:    accesslog.ComparisonFilter_EQ,
			Value: &core.RuntimeUInt32{DefaultValue: code, RuntimeKey: fmt.Sprintf("mcpmesh.local_reply.%d", code)},
		}},
	}}
}

// jsonRPCMapper answers the local replies filter matches with a JSON-RPC
// error (id null: Envoy has not read the body).
func jsonRPCMapper(filter *accesslog.AccessLogFilter, code int, msg string) *hcm.ResponseMapper {
	body := fmt.Sprintf(`{"jsonrpc":"2.0","id":null,"error":{"code":%d,"message":%q}}`, code, msg)
	return &hcm.ResponseMapper{
		Filter: filter,
		BodyFormatOverride: &core.SubstitutionFormatString{
			Format:      &core.SubstitutionFormatString_TextFormatSource{TextFormatSource: &core.DataSource{Specifier: &core.DataSource_InlineString{InlineString: body}}},
			ContentType: "application/json",
		},
	}
}

// localReplies turns Envoy's own error replies into JSON-RPC errors so an
// MCP client gets a readable reason instead of an HTML-ish body.
func localReplies(p *ir.Policy) *hcm.LocalReplyConfig {
	status, mapper := statusFilter, jsonRPCMapper
	// ext_proc's own refusals already carry a JSON-RPC body with the caller's
	// id and never use 413, 500 or 504; a 503 is rewritten only when Envoy
	// itself could not reach the server.
	upstreamDown := &accesslog.AccessLogFilter{FilterSpecifier: &accesslog.AccessLogFilter_AndFilter{AndFilter: &accesslog.AndFilter{
		Filters: []*accesslog.AccessLogFilter{
			status(503),
			{FilterSpecifier: &accesslog.AccessLogFilter_ResponseFlagFilter{ResponseFlagFilter: &accesslog.ResponseFlagFilter{
				Flags: []string{"UF", "UH", "UO", "URX", "UC", "UT", "NC"},
			}}},
		},
	}}}
	return &hcm.LocalReplyConfig{Mappers: []*hcm.ResponseMapper{
		mapper(status(413), contract.CodeInvalidRequest, contract.MsgTooLarge(p.Limits.MaxBodyBytes)),
		mapper(status(500), contract.CodeInternalError, contract.MsgNotInspected),
		mapper(status(504), contract.CodeInternalError, contract.MsgInspectionTimeout),
		mapper(upstreamDown, contract.CodeInternalError, contract.MsgServerDown),
	}}
}

func mustAny(m proto.Message) *anypb.Any {
	a, err := anypb.New(m)
	if err != nil {
		panic(err) // only for messages built in this package; cannot fail
	}
	return a
}
