package extproc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"strconv"
	"strings"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"
	typev3 "github.com/envoyproxy/go-control-plane/envoy/type/v3"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/sse"
	"github.com/mcpmesh/mcpmesh/interceptors/webhook"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

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

	httpMethod string
	requestID  string
	sessionID  string
	mcpMethod  string // Mcp-Method header, checked against the body
	mcpName    string // Mcp-Name header, checked against the body

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

// unavailable refuses every message for a server the control plane does
// not route to (e.g. its image failed verification); nil otherwise.
func (st *stream) unavailable(id []byte) *extprocv3.ProcessingResponse {
	if st.spec == nil || st.spec.Unavailable == "" {
		return nil
	}
	return st.refuse(503, contract.CodeServerUnavailable, id, contract.MsgUnavailable(st.spec), "server_unavailable")
}

// imageLabel is what audit records say about the server's image.
func (st *stream) imageLabel() string {
	switch {
	case st.spec == nil:
		return ""
	case st.spec.UnverifiedLocal:
		return "unverified-local"
	}
	return st.spec.Image
}

// chainContext carries what interceptors may need beyond the message.
func (st *stream) chainContext(ctx context.Context) context.Context {
	if st.sessionID != "" {
		return webhook.WithSessionID(ctx, st.sessionID)
	}
	return ctx
}

func (st *stream) onRequestHeaders(h *extprocv3.HttpHeaders) *extprocv3.ProcessingResponse {
	st.httpMethod = header(h.Headers, ":method")
	st.requestID = header(h.Headers, "x-request-id")
	st.sessionID = header(h.Headers, "mcp-session-id")
	st.mcpMethod = header(h.Headers, "mcp-method")
	st.mcpName = header(h.Headers, "mcp-name")
	if st.pol == nil {
		return st.refuse(503, jsonrpc.CodeInternalError, nil, "mcpmesh: no policy has been received from the control plane yet; refusing", "no_policy")
	}
	if st.chain == nil {
		return st.refuse(503, jsonrpc.CodeInternalError, nil, fmt.Sprintf("mcpmesh: server %q is not in the policy in force", st.server), "unknown_server")
	}
	if st.httpMethod != "POST" {
		// A POST is refused once its body is read, with the caller's id.
		if resp := st.unavailable(nil); resp != nil {
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
	// Ask the server for identity encoding so that every response can be read.
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestHeaders{
		RequestHeaders: &extprocv3.HeadersResponse{Response: &extprocv3.CommonResponse{
			HeaderMutation: &extprocv3.HeaderMutation{RemoveHeaders: []string{"accept-encoding"}},
		}},
	}}
}

// onRequestBody judges a whole request body (duplex.go collects it).
func (st *stream) onRequestBody(ctx context.Context, body []byte) *extprocv3.ProcessingResponse {
	start := time.Now()
	batch, err := jsonrpc.Parse(body, jsonrpc.Limits{})
	if err != nil {
		code := jsonrpc.CodeInvalidRequest
		if isSyntax(err) {
			code = jsonrpc.CodeParseError
		}
		return st.refuse(400, code, nil, "mcpmesh: request refused: "+err.Error(), "malformed")
	}
	if resp := st.unavailable(firstID(batch)); resp != nil {
		return resp
	}
	if st.mcpMethod != "" || st.mcpName != "" {
		if resp := st.checkStandardHeaders(batch); resp != nil {
			return resp
		}
	}

	exs := make([]*interceptors.Exchange, len(batch.Messages))
	denied, modified, answered := false, false, false
	for i, m := range batch.Messages {
		e := &interceptors.Exchange{Server: st.server, Direction: interceptors.ToServer, Message: m, Method: m.Method}
		exs[i] = e
		// A tools/call without an id is malformed, but it is judged like a
		// request all the same: a lenient server might still run it.
		if m.Method == "tools/call" {
			tc, err := e.ToolCall()
			if err != nil {
				e.Refuse("jsonrpc", "invalid tools/call params: "+err.Error())
				e.Code = jsonrpc.CodeInvalidParams
				denied = true
				continue
			}
			e.Tool = tc.Name
		}
		if err := st.chain.Run(ctx, e); err != nil {
			e.Refuse("internal", "the message could not be inspected: "+err.Error())
		}
		if e.Action == interceptors.Respond && !m.IsRequest() {
			// Nobody to answer; it must not reach the server either.
			e.Refuse(e.Rule, "answered by a webhook, but a message without an id cannot be answered")
		}
		denied = denied || e.Action == interceptors.Deny
		modified = modified || e.Action == interceptors.Modify
		answered = answered || e.Action == interceptors.Respond
	}
	latency := time.Since(start)

	if denied {
		var replies [][]byte
		for _, e := range exs {
			if e.Action != interceptors.Deny {
				e.Refuse("batch", "refused with the rest of its batch, which holds a denied message")
			}
			if e.Message.IsRequest() {
				replies = append(replies, denyReply(e))
			}
		}
		st.auditAll(exs, latency) // a refusal stands even if it cannot be recorded
		body := joinReplies(replies, batch.IsBatch)
		if len(replies) == 0 {
			return st.immediate(403, "deny", []byte(`{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"mcpmesh: notification refused by policy"}}`), "policy_denied")
		}
		// 200: a JSON-RPC error is a normal MCP answer that every client reads.
		return st.immediate(200, "deny", body, "policy_denied")
	}
	if answered {
		return st.answerLocally(ctx, batch, exs, latency)
	}
	if err := st.auditAll(exs, latency); err != nil {
		id := firstID(batch)
		return st.refuse(statusFor(id, 503), jsonrpc.CodeInternalError, id, "mcpmesh: the audit log cannot be written; refusing rather than acting unrecorded", "audit_unavailable")
	}
	st.pending = make(map[string]call, len(exs))
	for _, e := range exs {
		if e.Message.IsRequest() {
			st.pending[e.Message.IDKey()] = call{method: e.Method, tool: e.Tool}
		}
	}
	cr := &extprocv3.CommonResponse{}
	if modified {
		for i, e := range exs {
			batch.Messages[i] = e.Message
		}
		setBody(cr, jsonrpc.EncodeBatch(batch))
	}
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestBody{RequestBody: &extprocv3.BodyResponse{Response: cr}}}
}

// checkStandardHeaders makes sure the Mcp-Method and Mcp-Name headers, which
// proxies and servers may act on, say what the body says.
func (st *stream) checkStandardHeaders(batch *jsonrpc.Batch) *extprocv3.ProcessingResponse {
	if batch.IsBatch || len(batch.Messages) != 1 {
		return st.refuse(400, contract.CodeHeaderMismatch, nil, "mcpmesh: Mcp-Method/Mcp-Name headers are not allowed on a batch", "header_mismatch")
	}
	m := batch.Messages[0]
	if st.mcpMethod != "" && st.mcpMethod != m.Method {
		return st.refuse(400, contract.CodeHeaderMismatch, m.ID, fmt.Sprintf("mcpmesh: Mcp-Method header %q does not match the body's method %q", st.mcpMethod, m.Method), "header_mismatch")
	}
	if name := m.ParamName(); st.mcpName != "" && name != "" && st.mcpName != name {
		return st.refuse(400, contract.CodeHeaderMismatch, m.ID, fmt.Sprintf("mcpmesh: Mcp-Name header %q does not match the body's %q", st.mcpName, name), "header_mismatch")
	}
	return nil
}

func (st *stream) onResponseHeaders(h *extprocv3.HttpHeaders) *extprocv3.ProcessingResponse {
	if ce := header(h.Headers, "content-encoding"); ce != "" && !strings.EqualFold(ce, "identity") {
		return st.refuse(502, jsonrpc.CodeInternalError, st.singlePendingID(), fmt.Sprintf("mcpmesh: the server answered with %s encoding, which cannot be inspected", ce), "response_encoding")
	}
	st.respStatus, _ = strconv.Atoi(header(h.Headers, ":status"))
	resp := &extprocv3.ProcessingResponse{}
	hr := &extprocv3.HeadersResponse{Response: &extprocv3.CommonResponse{}}
	resp.Response = &extprocv3.ProcessingResponse_ResponseHeaders{ResponseHeaders: hr}
	switch mediaType(header(h.Headers, "content-type")) {
	case "text/event-stream":
		st.respKind = respSSE
		st.sse.MaxEventBytes = int(st.pol.policy.Limits.MaxBodyBytes)
		// Events are judged one by one as they arrive; the stream's length
		// is no longer known once events can change.
		hr.Response.HeaderMutation = &extprocv3.HeaderMutation{RemoveHeaders: []string{"content-length"}}
	case "application/json":
		st.respKind = respJSON
	default:
		st.respKind = respOther
	}
	return resp
}

// onResponseBody judges a whole response body that is not an event stream
// (duplex.go collects it; events go to onSSEChunk as they arrive).
func (st *stream) onResponseBody(ctx context.Context, body []byte) *extprocv3.ProcessingResponse {
	if st.respKind == respJSON {
		return st.onJSONResponse(ctx, body)
	}
	// Not an MCP message: HTTP errors (plain-text reasons such as "session
	// not found") pass; a successful answer the gateway cannot read does not.
	if st.respStatus < 300 && len(bytes.TrimSpace(body)) > 0 {
		return st.refuse(502, jsonrpc.CodeInternalError, st.singlePendingID(), "mcpmesh: the server's answer is neither JSON nor an event stream", "response_type")
	}
	return bodyContinue(nil)
}

func (st *stream) onJSONResponse(ctx context.Context, body []byte) *extprocv3.ProcessingResponse {
	if len(bytes.TrimSpace(body)) == 0 {
		return bodyContinue(nil)
	}
	start := time.Now()
	batch, err := jsonrpc.Parse(body, jsonrpc.Limits{})
	if err != nil {
		return st.refuse(502, jsonrpc.CodeInternalError, st.singlePendingID(), "mcpmesh: the server's answer is not valid JSON-RPC: "+err.Error(), "malformed_response")
	}
	changed := false
	for i, m := range batch.Messages {
		e, err := st.inspectToClient(ctx, m)
		if err != nil {
			return st.refuse(502, jsonrpc.CodeInternalError, m.ID, "mcpmesh: "+err.Error(), "response_inspection")
		}
		if e.Action != interceptors.Allow || len(e.Findings) > 0 {
			if werr := st.auditOne(e, time.Since(start)); werr != nil {
				return st.refuse(503, jsonrpc.CodeInternalError, m.ID, "mcpmesh: the audit log cannot be written; refusing rather than acting unrecorded", "audit_unavailable")
			}
		}
		if e.Action == interceptors.Deny {
			batch.Messages[i] = &jsonrpc.Message{ID: m.ID, Error: errorObject(e)}
			changed = true
			continue
		}
		if e.Action == interceptors.Modify {
			batch.Messages[i] = e.Message
			changed = true
		}
	}
	cr := &extprocv3.CommonResponse{}
	if changed {
		setBody(cr, jsonrpc.EncodeBatch(batch))
	}
	return bodyContinue(cr)
}

// onSSEChunk judges every complete event in the chunk and forwards the
// events (changed or not); a partial event waits for the next chunk.
func (st *stream) onSSEChunk(ctx context.Context, chunk []byte, end bool) *extprocv3.ProcessingResponse {
	start := time.Now()
	events, err := st.sse.Feed(chunk)
	if err != nil {
		return st.refuse(502, jsonrpc.CodeInternalError, nil, "mcpmesh: event stream refused: "+err.Error(), "malformed_response")
	}
	if end {
		last, err := st.sse.Finish()
		if err != nil {
			return st.refuse(502, jsonrpc.CodeInternalError, nil, "mcpmesh: event stream refused: "+err.Error(), "malformed_response")
		}
		if last != nil {
			events = append(events, *last)
		}
	}
	var out []byte
	for i, ev := range events {
		b := st.judgeEvent(ctx, ev, start)
		if i == 0 {
			out = b // most chunks complete one event: forwarded without a copy
			continue
		}
		out = append(out[:len(out):len(out)], b...)
	}
	cr := &extprocv3.CommonResponse{}
	if len(out) == 0 {
		cr.BodyMutation = &extprocv3.BodyMutation{Mutation: &extprocv3.BodyMutation_ClearBody{ClearBody: true}}
	} else {
		cr.BodyMutation = &extprocv3.BodyMutation{Mutation: &extprocv3.BodyMutation_Body{Body: out}}
	}
	return bodyContinue(cr)
}

// judgeEvent returns the bytes to forward for one event. Events without a
// JSON-RPC payload (priming events, comments, retry hints) pass as they are.
// An event that is not valid JSON-RPC is dropped, never forwarded unread.
func (st *stream) judgeEvent(ctx context.Context, ev sse.Event, start time.Time) []byte {
	if !ev.HasData || len(bytes.TrimSpace(ev.Data)) == 0 {
		return ev.Raw
	}
	batch, err := jsonrpc.Parse(ev.Data, jsonrpc.Limits{})
	if err != nil {
		st.srv.Metrics.refused.WithLabelValues(st.server, "malformed_event").Inc()
		if werr := st.srv.Audit.Write(st.record("response", "", "", "deny", "jsonrpc", "event dropped: "+err.Error(), time.Since(start))); werr != nil {
			st.srv.Metrics.auditErrors.Inc() // the event is dropped either way
		}
		st.srv.Log.Warn("dropped an event that is not JSON-RPC", "server", st.server, "error", err)
		return nil
	}
	changed := false
	for i, m := range batch.Messages {
		e, err := st.inspectToClient(ctx, m)
		if err != nil {
			e = &interceptors.Exchange{Server: st.server, Direction: interceptors.ToClient, Message: m}
			e.Refuse("internal", err.Error())
		}
		if e.Action != interceptors.Allow || len(e.Findings) > 0 {
			if werr := st.auditOne(e, time.Since(start)); werr != nil {
				e.Refuse("audit", "the audit log cannot be written")
			}
		}
		switch e.Action {
		case interceptors.Deny:
			if m.ID == nil {
				return nil // a refused notification is simply not delivered
			}
			batch.Messages[i] = &jsonrpc.Message{ID: m.ID, Error: errorObject(e)}
			changed = true
		case interceptors.Modify:
			batch.Messages[i] = e.Message
			changed = true
		}
	}
	if !changed {
		return ev.Raw
	}
	return sse.Encode(sse.Event{ID: ev.ID, Type: ev.Type, Data: jsonrpc.EncodeBatch(batch), HasData: true})
}

// inspectToClient runs the chain on a message from the server.
func (st *stream) inspectToClient(ctx context.Context, m *jsonrpc.Message) (*interceptors.Exchange, error) {
	e := &interceptors.Exchange{Server: st.server, Direction: interceptors.ToClient, Message: m, Method: m.Method}
	if m.IsResponse() {
		if c, ok := st.pending[m.IDKey()]; ok {
			e.Method, e.Tool = c.method, c.tool
		}
	}
	if err := st.chain.Run(ctx, e); err != nil {
		return e, err
	}
	return e, nil
}

// refuse answers the HTTP request itself with a JSON-RPC error, records why,
// and counts it.
func (st *stream) refuse(status, code int, id []byte, msg, reason string) *extprocv3.ProcessingResponse {
	st.srv.Metrics.refused.WithLabelValues(st.server, reason).Inc()
	rec := st.record("http", "", "", "deny", reason, msg, 0)
	if len(id) > 0 {
		rec.ID = string(id)
	}
	if err := st.srv.Audit.Write(rec); err != nil {
		st.srv.Metrics.auditErrors.Inc()
	}
	return st.immediate(status, "deny", jsonrpc.ErrorResponse(id, code, msg, nil), reason)
}

// immediate answers the HTTP request from ext_proc; decision goes into the
// x-mcpmesh-decision header (deny, or respond for a webhook's answer).
func (st *stream) immediate(status int, decision string, body []byte, details string) *extprocv3.ProcessingResponse {
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ImmediateResponse{
		ImmediateResponse: &extprocv3.ImmediateResponse{
			Status: &typev3.HttpStatus{Code: typev3.StatusCode(status)},
			Headers: &extprocv3.HeaderMutation{SetHeaders: []*core.HeaderValueOption{
				{Header: &core.HeaderValue{Key: "content-type", RawValue: []byte("application/json")}},
				{Header: &core.HeaderValue{Key: contract.DecisionHeader, RawValue: []byte(decision)}},
			}},
			Body:    body,
			Details: "mcpmesh_" + details,
		},
	}}
}

func (st *stream) auditAll(exs []*interceptors.Exchange, latency time.Duration) error {
	var first error
	for _, e := range exs {
		if err := st.auditOne(e, latency); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func (st *stream) auditOne(e *interceptors.Exchange, latency time.Duration) error {
	m := e.Message
	kind := "response"
	switch {
	case m.IsRequest():
		kind = "request"
	case m.IsNotification():
		kind = "notification"
	}
	rec := st.record(kind, e.Method, e.Tool, e.Action.String(), e.Rule, e.Reason, latency)
	rec.Direction = e.Direction.String()
	rec.Removed = e.Removed
	rec.Findings = e.Findings
	if m.ID != nil {
		rec.ID = string(m.ID)
	}
	st.srv.Metrics.messages.WithLabelValues(st.server, e.Direction.String(), methodLabel(e.Method), rec.Decision).Inc()
	if e.Method == "tools/call" && kind == "request" {
		st.srv.Metrics.toolCall(st.server, e.Tool, rec.Decision)
	}
	if err := st.srv.Audit.Write(rec); err != nil {
		st.srv.Metrics.auditErrors.Inc()
		st.srv.Log.Error("audit write failed", "error", err)
		return err
	}
	return nil
}

func (st *stream) record(kind, method, tool, decision, rule, reason string, latency time.Duration) *audit.Record {
	r := &audit.Record{
		RequestID: st.requestID, SessionID: st.sessionID, Server: st.server,
		Direction: interceptors.ToServer.String(), Kind: kind, Method: method, Tool: tool,
		Decision: decision, Rule: rule, Reason: reason, LatencyMicros: latency.Microseconds(),
	}
	if st.pol != nil {
		r.PolicyVersion = st.pol.policy.Version
	}
	r.Image = st.imageLabel()
	return r
}

// singlePendingID is the id to answer with when exactly one request is
// outstanding on this stream.
func (st *stream) singlePendingID() []byte {
	if len(st.pending) != 1 {
		return nil
	}
	for k := range st.pending {
		return []byte(k)
	}
	return nil
}

func denyReply(e *interceptors.Exchange) []byte {
	code := contract.CodePolicyDenied
	if e.Code != 0 {
		code = e.Code
	}
	return jsonrpc.ErrorResponse(e.Message.ID, code, "mcpmesh: "+e.Reason+" (rule: "+e.Rule+")",
		map[string]string{"rule": e.Rule, "server": e.Server, "tool": e.Tool})
}

// errorObject is the "error" member of a refusal sent in place of a server message.
func errorObject(e *interceptors.Exchange) []byte {
	return jsonrpc.ErrorObject(contract.CodePolicyDenied, "mcpmesh: "+e.Reason+" (rule: "+e.Rule+")", nil)
}

func joinReplies(replies [][]byte, asBatch bool) []byte {
	if !asBatch && len(replies) == 1 {
		return replies[0]
	}
	return append(append([]byte("["), bytes.Join(replies, []byte(","))...), ']')
}

// statusFor is the HTTP status of a refusal: a JSON-RPC error that answers a
// request travels as a normal 200 answer, which every MCP client reads and
// shows to the agent; without an id only the HTTP status can say it.
func statusFor(id []byte, otherwise int) int {
	if len(id) > 0 {
		return 200
	}
	return otherwise
}

func firstID(b *jsonrpc.Batch) []byte {
	if !b.IsBatch && len(b.Messages) == 1 {
		return b.Messages[0].ID
	}
	return nil
}

func setBody(cr *extprocv3.CommonResponse, body []byte) {
	cr.BodyMutation = &extprocv3.BodyMutation{Mutation: &extprocv3.BodyMutation_Body{Body: body}}
	// A body of new length with the old content-length is a broken message.
	cr.HeaderMutation = &extprocv3.HeaderMutation{SetHeaders: []*core.HeaderValueOption{{
		Header:       &core.HeaderValue{Key: "content-length", RawValue: []byte(strconv.Itoa(len(body)))},
		AppendAction: core.HeaderValueOption_OVERWRITE_IF_EXISTS_OR_ADD,
	}}}
}

func bodyContinue(cr *extprocv3.CommonResponse) *extprocv3.ProcessingResponse {
	if cr == nil {
		cr = &extprocv3.CommonResponse{}
	}
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ResponseBody{ResponseBody: &extprocv3.BodyResponse{Response: cr}}}
}

func isSyntax(err error) bool { return errors.Is(err, jsonrpc.ErrSyntax) }

func header(hm *core.HeaderMap, key string) string {
	for _, h := range hm.GetHeaders() {
		if h.GetKey() == key {
			if len(h.GetRawValue()) > 0 {
				return string(h.GetRawValue())
			}
			return h.GetValue()
		}
	}
	return ""
}

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
