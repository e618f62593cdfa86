package extproc

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"

	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// onRequestHeaders judges what the headers alone can tell: no policy, an
// unknown or unavailable server, an HTTP method, content type or encoding the
// body could not be read in. Refusing here spares collecting a body that
// cannot pass.
func (st *stream) onRequestHeaders(ctx context.Context, h *extprocv3.HttpHeaders) *extprocv3.ProcessingResponse {
	st.httpMethod = header(h.Headers, ":method")
	st.requestID = header(h.Headers, "x-request-id")
	st.sessionID = header(h.Headers, "mcp-session-id")
	st.protocolVersion = header(h.Headers, "mcp-protocol-version")
	st.mcpMethod = header(h.Headers, "mcp-method")
	st.mcpName = header(h.Headers, "mcp-name")
	st.readIdentity(h.Headers)
	if st.pol == nil {
		return st.refuse(503, jsonrpc.CodeInternalError, nil, "mcpmesh: no policy has been received from the control plane yet; refusing", "no_policy")
	}
	if st.chain == nil {
		return st.refuse(503, jsonrpc.CodeInternalError, nil, fmt.Sprintf("mcpmesh: server %q is not in the policy in force", st.server), "unknown_server")
	}
	if resp := st.checkOrigin(header(h.Headers, ":authority"), header(h.Headers, "origin")); resp != nil {
		return resp
	}
	if resp := st.checkAuth(); resp != nil {
		return resp
	}
	if st.httpMethod != "POST" {
		// A POST is refused once its body is read, with the caller's id.
		if resp := st.unavailable(nil); resp != nil {
			return resp
		}
		if resp := st.overload(nil); resp != nil {
			return resp
		}
	}
	switch st.httpMethod {
	case "POST":
		if mt := mediaType(header(h.Headers, "content-type")); mt != "application/json" {
			return st.refuse(415, jsonrpc.CodeInvalidRequest, nil, fmt.Sprintf("mcpmesh: POST body must be application/json, not %q", mt), "content_type")
		}
		if ce := header(h.Headers, "content-encoding"); ce != "" && !strings.EqualFold(ce, "identity") {
			return st.refuse(415, jsonrpc.CodeInvalidRequest, nil, fmt.Sprintf("mcpmesh: compressed request bodies (%s) are refused; send identity encoding", ce), "content_encoding")
		}
		if h.EndOfStream {
			return st.refuse(400, jsonrpc.CodeInvalidRequest, nil, "mcpmesh: POST without a body", "empty_body")
		}
	case "GET", "DELETE":
		if !h.EndOfStream {
			return st.refuse(400, jsonrpc.CodeInvalidRequest, nil, fmt.Sprintf("mcpmesh: %s must not carry a body", st.httpMethod), "body_not_allowed")
		}
	default:
		return st.refuse(405, jsonrpc.CodeInvalidRequest, nil, fmt.Sprintf("mcpmesh: HTTP method %s is not part of MCP Streamable HTTP", st.httpMethod), "http_method")
	}
	// Clipped: the list is shared by every stream, and an answer merged
	// into this one later must append to a copy (see finish).
	mutation := &extprocv3.HeaderMutation{RemoveHeaders: slices.Clip(st.pol.removeHeaders)}
	if x := st.pol.exchangers[st.server]; x != nil {
		// The agent's token is replaced by one for the server, never passed on.
		set, resp := st.exchangeToken(ctx, x, header(h.Headers, "authorization"))
		if resp != nil {
			return resp
		}
		mutation.SetHeaders = append(mutation.SetHeaders, set)
	}
	// Ask the server for identity encoding so that every response can be read.
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestHeaders{
		RequestHeaders: &extprocv3.HeadersResponse{Response: &extprocv3.CommonResponse{HeaderMutation: mutation}},
	}}
}

// exchangeToken trades the agent's bearer token for the server's, within
// the message timeout; a failure refuses the request.
func (st *stream) exchangeToken(ctx context.Context, x *exchanger, authorization string) (*core.HeaderValueOption, *extprocv3.ProcessingResponse) {
	// The scheme is case-insensitive (RFC 9110 §11.1).
	scheme, subject, _ := strings.Cut(authorization, " ")
	subject = strings.TrimSpace(subject)
	if !strings.EqualFold(scheme, "Bearer") || subject == "" || !st.viaIngress {
		st.srv.Metrics.exchanges.WithLabelValues(st.server, "no_token").Inc()
		return nil, st.refuse(401, contract.CodePolicyDenied, nil, contract.MsgUnauthenticated, "token_exchange")
	}
	ctx, cancel := context.WithTimeout(ctx, time.Duration(st.pol.policy.Limits.MessageTimeoutMillis)*time.Millisecond)
	defer cancel()
	tok, hit, err := x.exchange(ctx, subject)
	if err != nil {
		st.srv.Metrics.exchanges.WithLabelValues(st.server, "failed").Inc()
		return nil, st.refuse(502, contract.CodePolicyDenied, nil, fmt.Sprintf("mcpmesh: the agent's token could not be exchanged for server %q: %v", st.server, err), "token_exchange")
	}
	result := "exchanged"
	if hit {
		result = "cached"
	}
	st.srv.Metrics.exchanges.WithLabelValues(st.server, result).Inc()
	return overwrite("authorization", "Bearer "+tok), nil
}

// removedRequestHeaders: Accept-Encoding, so that every response can be
// read, and the identity headers, which are for ext_proc alone. A token the
// ingress forwarded for an exchange is replaced, not removed: see
// exchangeToken.
var removedRequestHeaders = append([]string{"accept-encoding"}, identityHeaders...)
