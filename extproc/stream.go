package extproc

import (
	"context"
	"mime"
	"runtime/debug"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/sse"
	"github.com/mcpmesh/mcpmesh/interceptors/webhook"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// How a stream is judged, file by file:
//
//	stream.go            the state, the phase dispatch (handle), the time budget
//	duplex.go            full-duplex framing: bodies collected, answers ordered
//	request_headers.go   request_body.go   response_headers.go   response_body.go
//	                     one judgement per phase
//	verdict.go           chain results turned into answers for Envoy
//	audit.go             the audit record of every decision
//	crash.go             a panic while judging turned into a refusal

// stream is the state of one ext_proc stream, which Envoy opens per HTTP
// request: what the request said, what it asked for, and how the response is
// read. (interceptors.Exchange is one JSON-RPC message under inspection; a
// stream judges one or more of them, a batch or the events of an SSE answer.)
type stream struct {
	srv    *Server
	server string
	pol    *compiled
	chain  interceptors.Chain
	spec   *ir.Server // the server's policy; nil when unknown
	// overloaded: this stream is past limits.maxConcurrentStreams; its
	// request is refused (with the caller's id once the body is read).
	overloaded bool

	httpMethod string
	requestID  string
	sessionID  string
	// protocolVersion is the MCP-Protocol-Version the client sent, repeated
	// when ext_proc answers the server in the client's place.
	protocolVersion string
	mcpMethod       string // Mcp-Method header, checked against the body
	mcpName         string // Mcp-Name header, checked against the body
	who             interceptors.Identity
	viaIngress      bool // the request carries the ingress's proof
	revoked         bool // its token's subject or id is revoked

	// pending maps request ids of this POST to what they asked, so responses
	// can be judged in context (a tools/list result is filtered as such).
	pending map[string]call

	respKind   respKind
	respStatus int
	sse        sse.Parser

	duplex // how the phases travel on the stream (duplex.go)
}

type call struct{ method, tool string }

type respKind int

const (
	respNone respKind = iota
	respJSON
	respSSE
	respOther
)

func newStream(srv *Server, server string) *stream {
	st := &stream{srv: srv, server: server, pol: srv.Policy.load()}
	if st.pol != nil {
		st.chain = st.pol.chains[server]
		st.spec = st.pol.specs[server]
	}
	return st
}

// admit marks the stream overloaded when it is the n-th in progress and n
// is past the policy's limit.
func (st *stream) admit(n int64) {
	st.overloaded = st.pol != nil && n > int64(st.pol.policy.Limits.Streams())
}

// handle takes one message from Envoy and returns the answers to send, in
// order (none while a body is still arriving). The slice is reused by the
// next call. A panic while judging refuses the message (see crashed) instead
// of ending the process with every stream in flight.
func (st *stream) handle(ctx context.Context, req *extprocv3.ProcessingRequest) (out []*extprocv3.ProcessingResponse, phase string) {
	defer func() {
		if p := recover(); p != nil {
			out, phase = st.crashed(req, p, debug.Stack())
		}
	}()
	return st.dispatch(ctx, req)
}

// dispatch judges one message from Envoy by its phase.
func (st *stream) dispatch(ctx context.Context, req *extprocv3.ProcessingRequest) ([]*extprocv3.ProcessingResponse, string) {
	st.out = st.out[:0]
	if st.closed {
		return nil, "after_refusal"
	}
	if _, ok := req.Request.(*extprocv3.ProcessingRequest_RequestHeaders); !ok && st.chain == nil {
		// Only request headers open a stream; they refuse it without a policy.
		st.emit(st.refuse(503, jsonrpc.CodeInternalError, nil, "mcpmesh: no policy for this request; refusing", "no_policy"))
		return st.out, "unknown"
	}
	switch r := req.Request.(type) {
	case *extprocv3.ProcessingRequest_RequestHeaders:
		st.requestHeaders(ctx, r.RequestHeaders)
		return st.out, phaseName(req)
	case *extprocv3.ProcessingRequest_RequestBody:
		st.requestBody(ctx, r.RequestBody.GetBody(), r.RequestBody.GetEndOfStream(), false)
		return st.out, phaseName(req)
	case *extprocv3.ProcessingRequest_RequestTrailers:
		// Trailers mark the end of the body; they are passed as they are.
		st.requestBody(ctx, nil, true, true)
		st.emit(&extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestTrailers{RequestTrailers: &extprocv3.TrailersResponse{}}})
		return st.out, phaseName(req)
	case *extprocv3.ProcessingRequest_ResponseHeaders:
		st.responseHeaders(r.ResponseHeaders)
		return st.out, phaseName(req)
	case *extprocv3.ProcessingRequest_ResponseBody:
		st.responseBody(ctx, r.ResponseBody.GetBody(), r.ResponseBody.GetEndOfStream(), false)
		return st.out, phaseName(req)
	case *extprocv3.ProcessingRequest_ResponseTrailers:
		st.responseBody(ctx, nil, true, true)
		st.emit(&extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ResponseTrailers{ResponseTrailers: &extprocv3.TrailersResponse{}}})
		return st.out, phaseName(req)
	}
	// Unknown phases cannot be judged: stop the request.
	st.emit(st.refuse(502, jsonrpc.CodeInternalError, nil, "mcpmesh: unexpected processing phase", "protocol"))
	return st.out, "unknown"
}

// emit queues an answer; after an immediate response nothing more is sent.
func (st *stream) emit(r *extprocv3.ProcessingResponse) {
	if st.closed {
		return
	}
	st.out = append(st.out, r)
	if r.GetImmediateResponse() != nil {
		st.closed = true
	}
}

// inTime runs one judgement under the policy's message timeout, which Envoy
// does not enforce in full-duplex mode: a decision that comes too late is a
// refusal, as Envoy's own 504 was. Webhooks, the interceptors that wait on
// something outside ext_proc, also get the deadline so they stop in time.
func (st *stream) inTime(ctx context.Context, judge func(context.Context) *extprocv3.ProcessingResponse) *extprocv3.ProcessingResponse {
	d := time.Duration(st.pol.policy.Limits.MessageTimeoutMillis) * time.Millisecond
	ctx = st.chainContext(ctx)
	if st.spec == nil || len(st.spec.Webhooks) > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	start := time.Now()
	r := judge(ctx)
	if time.Since(start) > d && r.GetImmediateResponse() == nil {
		return st.refuse(504, jsonrpc.CodeInternalError, nil, contract.MsgInspectionTimeout, "timeout")
	}
	return r
}

// chainContext carries what interceptors may need beyond the message.
func (st *stream) chainContext(ctx context.Context) context.Context {
	if st.sessionID != "" {
		return webhook.WithSessionID(ctx, st.sessionID)
	}
	return ctx
}

// header returns the value of key in hm ("" when absent); Envoy sends
// values as raw bytes.
func header(hm *core.HeaderMap, key string) string {
	for _, h := range hm.GetHeaders() {
		if h.GetKey() == key {
			return headerValue(h)
		}
	}
	return ""
}

// headerValue is h's value, whichever field Envoy put it in.
func headerValue(h *core.HeaderValue) string {
	if len(h.GetRawValue()) > 0 {
		return string(h.GetRawValue())
	}
	return h.GetValue()
}

// mediaType is the media type of a Content-Type value without parameters;
// "invalid" when it cannot be parsed, so that it matches nothing.
func mediaType(ct string) string {
	if ct == "" {
		return ""
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return "invalid"
	}
	return mt
}
