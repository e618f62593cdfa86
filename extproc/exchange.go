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

// exchange is the state of one HTTP request/response pair (one ext_proc stream).
type exchange struct {
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

func newExchange(s *Server, server string) *exchange {
	x := &exchange{srv: s, server: server, pol: s.Policy.load()}
	if x.pol != nil {
		x.chain = x.pol.chains[server]
		x.spec = x.pol.specs[server]
	}
	return x
}

// unavailable refuses every message for a server the control plane does
// not route to (e.g. its image failed verification); nil otherwise.
func (x *exchange) unavailable(id []byte) *extprocv3.ProcessingResponse {
	if x.spec == nil || x.spec.Unavailable == "" {
		return nil
	}
	return x.refuse(503, contract.CodeServerUnavailable, id, contract.MsgUnavailable(x.spec), "server_unavailable")
}

// imageLabel is what audit records say about the server's image.
func (x *exchange) imageLabel() string {
	switch {
	case x.spec == nil:
		return ""
	case x.spec.UnverifiedLocal:
		return "unverified-local"
	}
	return x.spec.Image
}

// chainContext carries what interceptors may need beyond the message.
func (x *exchange) chainContext(ctx context.Context) context.Context {
	if x.sessionID != "" {
		return webhook.WithSessionID(ctx, x.sessionID)
	}
	return ctx
}

func (x *exchange) onRequestHeaders(h *extprocv3.HttpHeaders) *extprocv3.ProcessingResponse {
	x.httpMethod = header(h.Headers, ":method")
	x.requestID = header(h.Headers, "x-request-id")
	x.sessionID = header(h.Headers, "mcp-session-id")
	x.mcpMethod = header(h.Headers, "mcp-method")
	x.mcpName = header(h.Headers, "mcp-name")
	if x.pol == nil {
		return x.refuse(503, jsonrpc.CodeInternalError, nil, "mcpmesh: no policy has been received from the control plane yet; refusing", "no_policy")
	}
	if x.chain == nil {
		return x.refuse(503, jsonrpc.CodeInternalError, nil, fmt.Sprintf("mcpmesh: server %q is not in the policy in force", x.server), "unknown_server")
	}
	if x.httpMethod != "POST" {
		// A POST is refused once its body is read, with the caller's id.
		if resp := x.unavailable(nil); resp != nil {
			return resp
		}
	}
	switch x.httpMethod {
	case "POST":
		if mt := mediaType(header(h.Headers, "content-type")); mt != "application/json" {
			return x.refuse(415, jsonrpc.CodeInvalidRequest, nil, fmt.Sprintf("mcpmesh: POST body must be application/json, not %q", mt), "content_type")
		}
		if ce := header(h.Headers, "content-encoding"); ce != "" && !strings.EqualFold(ce, "identity") {
			return x.refuse(415, jsonrpc.CodeInvalidRequest, nil, fmt.Sprintf("mcpmesh: compressed request bodies (%s) are refused; send identity encoding", ce), "content_encoding")
		}
		if h.EndOfStream {
			return x.refuse(400, jsonrpc.CodeInvalidRequest, nil, "mcpmesh: POST without a body", "empty_body")
		}
	case "GET", "DELETE":
		if !h.EndOfStream {
			return x.refuse(400, jsonrpc.CodeInvalidRequest, nil, fmt.Sprintf("mcpmesh: %s must not carry a body", x.httpMethod), "body_not_allowed")
		}
	default:
		return x.refuse(405, jsonrpc.CodeInvalidRequest, nil, fmt.Sprintf("mcpmesh: HTTP method %s is not part of MCP Streamable HTTP", x.httpMethod), "http_method")
	}
	// Ask the server for identity encoding so that every response can be read.
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestHeaders{
		RequestHeaders: &extprocv3.HeadersResponse{Response: &extprocv3.CommonResponse{
			HeaderMutation: &extprocv3.HeaderMutation{RemoveHeaders: []string{"accept-encoding"}},
		}},
	}}
}

// onRequestBody judges a whole request body (duplex.go collects it).
func (x *exchange) onRequestBody(ctx context.Context, body []byte) *extprocv3.ProcessingResponse {
	start := time.Now()
	batch, err := jsonrpc.Parse(body, jsonrpc.Limits{})
	if err != nil {
		code := jsonrpc.CodeInvalidRequest
		if isSyntax(err) {
			code = jsonrpc.CodeParseError
		}
		return x.refuse(400, code, nil, "mcpmesh: request refused: "+err.Error(), "malformed")
	}
	if resp := x.unavailable(firstID(batch)); resp != nil {
		return resp
	}
	if x.mcpMethod != "" || x.mcpName != "" {
		if resp := x.checkStandardHeaders(batch); resp != nil {
			return resp
		}
	}

	exs := make([]*interceptors.Exchange, len(batch.Messages))
	denied, modified, answered := false, false, false
	for i, m := range batch.Messages {
		e := &interceptors.Exchange{Server: x.server, Direction: interceptors.ToServer, Message: m, Method: m.Method}
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
		if err := x.chain.Run(ctx, e); err != nil {
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
		x.auditAll(exs, latency) // a refusal stands even if it cannot be recorded
		body := joinReplies(replies, batch.IsBatch)
		if len(replies) == 0 {
			return x.immediate(403, "deny", []byte(`{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"mcpmesh: notification refused by policy"}}`), "policy_denied")
		}
		// 200: a JSON-RPC error is a normal MCP answer that every client reads.
		return x.immediate(200, "deny", body, "policy_denied")
	}
	if answered {
		return x.answerLocally(ctx, batch, exs, latency)
	}
	if err := x.auditAll(exs, latency); err != nil {
		id := firstID(batch)
		return x.refuse(statusFor(id, 503), jsonrpc.CodeInternalError, id, "mcpmesh: the audit log cannot be written; refusing rather than acting unrecorded", "audit_unavailable")
	}
	x.pending = make(map[string]call, len(exs))
	for _, e := range exs {
		if e.Message.IsRequest() {
			x.pending[e.Message.IDKey()] = call{method: e.Method, tool: e.Tool}
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
func (x *exchange) checkStandardHeaders(batch *jsonrpc.Batch) *extprocv3.ProcessingResponse {
	if batch.IsBatch || len(batch.Messages) != 1 {
		return x.refuse(400, contract.CodeHeaderMismatch, nil, "mcpmesh: Mcp-Method/Mcp-Name headers are not allowed on a batch", "header_mismatch")
	}
	m := batch.Messages[0]
	if x.mcpMethod != "" && x.mcpMethod != m.Method {
		return x.refuse(400, contract.CodeHeaderMismatch, m.ID, fmt.Sprintf("mcpmesh: Mcp-Method header %q does not match the body's method %q", x.mcpMethod, m.Method), "header_mismatch")
	}
	if name := m.ParamName(); x.mcpName != "" && name != "" && x.mcpName != name {
		return x.refuse(400, contract.CodeHeaderMismatch, m.ID, fmt.Sprintf("mcpmesh: Mcp-Name header %q does not match the body's %q", x.mcpName, name), "header_mismatch")
	}
	return nil
}

func (x *exchange) onResponseHeaders(h *extprocv3.HttpHeaders) *extprocv3.ProcessingResponse {
	if ce := header(h.Headers, "content-encoding"); ce != "" && !strings.EqualFold(ce, "identity") {
		return x.refuse(502, jsonrpc.CodeInternalError, x.singlePendingID(), fmt.Sprintf("mcpmesh: the server answered with %s encoding, which cannot be inspected", ce), "response_encoding")
	}
	x.respStatus, _ = strconv.Atoi(header(h.Headers, ":status"))
	resp := &extprocv3.ProcessingResponse{}
	hr := &extprocv3.HeadersResponse{Response: &extprocv3.CommonResponse{}}
	resp.Response = &extprocv3.ProcessingResponse_ResponseHeaders{ResponseHeaders: hr}
	switch mediaType(header(h.Headers, "content-type")) {
	case "text/event-stream":
		x.respKind = respSSE
		x.sse.MaxEventBytes = int(x.pol.policy.Limits.MaxBodyBytes)
		// Events are judged one by one as they arrive; the stream's length
		// is no longer known once events can change.
		hr.Response.HeaderMutation = &extprocv3.HeaderMutation{RemoveHeaders: []string{"content-length"}}
	case "application/json":
		x.respKind = respJSON
	default:
		x.respKind = respOther
	}
	return resp
}

// onResponseBody judges a whole response body that is not an event stream
// (duplex.go collects it; events go to onSSEChunk as they arrive).
func (x *exchange) onResponseBody(ctx context.Context, body []byte) *extprocv3.ProcessingResponse {
	if x.respKind == respJSON {
		return x.onJSONResponse(ctx, body)
	}
	// Not an MCP message: HTTP errors (plain-text reasons such as "session
	// not found") pass; a successful answer the gateway cannot read does not.
	if x.respStatus < 300 && len(bytes.TrimSpace(body)) > 0 {
		return x.refuse(502, jsonrpc.CodeInternalError, x.singlePendingID(), "mcpmesh: the server's answer is neither JSON nor an event stream", "response_type")
	}
	return bodyContinue(nil)
}

func (x *exchange) onJSONResponse(ctx context.Context, body []byte) *extprocv3.ProcessingResponse {
	if len(bytes.TrimSpace(body)) == 0 {
		return bodyContinue(nil)
	}
	start := time.Now()
	batch, err := jsonrpc.Parse(body, jsonrpc.Limits{})
	if err != nil {
		return x.refuse(502, jsonrpc.CodeInternalError, x.singlePendingID(), "mcpmesh: the server's answer is not valid JSON-RPC: "+err.Error(), "malformed_response")
	}
	changed := false
	for i, m := range batch.Messages {
		e, err := x.inspectToClient(ctx, m)
		if err != nil {
			return x.refuse(502, jsonrpc.CodeInternalError, m.ID, "mcpmesh: "+err.Error(), "response_inspection")
		}
		if e.Action != interceptors.Allow || len(e.Findings) > 0 {
			if werr := x.auditOne(e, time.Since(start)); werr != nil {
				return x.refuse(503, jsonrpc.CodeInternalError, m.ID, "mcpmesh: the audit log cannot be written; refusing rather than acting unrecorded", "audit_unavailable")
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
func (x *exchange) onSSEChunk(ctx context.Context, chunk []byte, end bool) *extprocv3.ProcessingResponse {
	start := time.Now()
	events, err := x.sse.Feed(chunk)
	if err != nil {
		return x.refuse(502, jsonrpc.CodeInternalError, nil, "mcpmesh: event stream refused: "+err.Error(), "malformed_response")
	}
	if end {
		last, err := x.sse.Finish()
		if err != nil {
			return x.refuse(502, jsonrpc.CodeInternalError, nil, "mcpmesh: event stream refused: "+err.Error(), "malformed_response")
		}
		if last != nil {
			events = append(events, *last)
		}
	}
	var out []byte
	for i, ev := range events {
		b := x.judgeEvent(ctx, ev, start)
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
func (x *exchange) judgeEvent(ctx context.Context, ev sse.Event, start time.Time) []byte {
	if !ev.HasData || len(bytes.TrimSpace(ev.Data)) == 0 {
		return ev.Raw
	}
	batch, err := jsonrpc.Parse(ev.Data, jsonrpc.Limits{})
	if err != nil {
		x.srv.Metrics.refused.WithLabelValues(x.server, "malformed_event").Inc()
		if werr := x.srv.Audit.Write(x.record("response", "", "", "deny", "jsonrpc", "event dropped: "+err.Error(), time.Since(start))); werr != nil {
			x.srv.Metrics.auditErrors.Inc() // the event is dropped either way
		}
		x.srv.Log.Warn("dropped an event that is not JSON-RPC", "server", x.server, "error", err)
		return nil
	}
	changed := false
	for i, m := range batch.Messages {
		e, err := x.inspectToClient(ctx, m)
		if err != nil {
			e = &interceptors.Exchange{Server: x.server, Direction: interceptors.ToClient, Message: m}
			e.Refuse("internal", err.Error())
		}
		if e.Action != interceptors.Allow || len(e.Findings) > 0 {
			if werr := x.auditOne(e, time.Since(start)); werr != nil {
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
func (x *exchange) inspectToClient(ctx context.Context, m *jsonrpc.Message) (*interceptors.Exchange, error) {
	e := &interceptors.Exchange{Server: x.server, Direction: interceptors.ToClient, Message: m, Method: m.Method}
	if m.IsResponse() {
		if c, ok := x.pending[m.IDKey()]; ok {
			e.Method, e.Tool = c.method, c.tool
		}
	}
	if err := x.chain.Run(ctx, e); err != nil {
		return e, err
	}
	return e, nil
}

// refuse answers the HTTP request itself with a JSON-RPC error, records why,
// and counts it.
func (x *exchange) refuse(status, code int, id []byte, msg, reason string) *extprocv3.ProcessingResponse {
	x.srv.Metrics.refused.WithLabelValues(x.server, reason).Inc()
	rec := x.record("http", "", "", "deny", reason, msg, 0)
	if len(id) > 0 {
		rec.ID = string(id)
	}
	if err := x.srv.Audit.Write(rec); err != nil {
		x.srv.Metrics.auditErrors.Inc()
	}
	return x.immediate(status, "deny", jsonrpc.ErrorResponse(id, code, msg, nil), reason)
}

// immediate answers the HTTP request from ext_proc; decision goes into the
// x-mcpmesh-decision header (deny, or respond for a webhook's answer).
func (x *exchange) immediate(status int, decision string, body []byte, details string) *extprocv3.ProcessingResponse {
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

func (x *exchange) auditAll(exs []*interceptors.Exchange, latency time.Duration) error {
	var first error
	for _, e := range exs {
		if err := x.auditOne(e, latency); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func (x *exchange) auditOne(e *interceptors.Exchange, latency time.Duration) error {
	m := e.Message
	kind := "response"
	switch {
	case m.IsRequest():
		kind = "request"
	case m.IsNotification():
		kind = "notification"
	}
	rec := x.record(kind, e.Method, e.Tool, e.Action.String(), e.Rule, e.Reason, latency)
	rec.Direction = e.Direction.String()
	rec.Removed = e.Removed
	rec.Findings = e.Findings
	if m.ID != nil {
		rec.ID = string(m.ID)
	}
	x.srv.Metrics.messages.WithLabelValues(x.server, e.Direction.String(), methodLabel(e.Method), rec.Decision).Inc()
	if e.Method == "tools/call" && kind == "request" {
		x.srv.Metrics.toolCall(x.server, e.Tool, rec.Decision)
	}
	if err := x.srv.Audit.Write(rec); err != nil {
		x.srv.Metrics.auditErrors.Inc()
		x.srv.Log.Error("audit write failed", "error", err)
		return err
	}
	return nil
}

func (x *exchange) record(kind, method, tool, decision, rule, reason string, latency time.Duration) *audit.Record {
	r := &audit.Record{
		RequestID: x.requestID, SessionID: x.sessionID, Server: x.server,
		Direction: interceptors.ToServer.String(), Kind: kind, Method: method, Tool: tool,
		Decision: decision, Rule: rule, Reason: reason, LatencyMicros: latency.Microseconds(),
	}
	if x.pol != nil {
		r.PolicyVersion = x.pol.policy.Version
	}
	r.Image = x.imageLabel()
	return r
}

// singlePendingID is the id to answer with when exactly one request is
// outstanding on this HTTP exchange.
func (x *exchange) singlePendingID() []byte {
	if len(x.pending) != 1 {
		return nil
	}
	for k := range x.pending {
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
