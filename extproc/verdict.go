package extproc

import (
	"bytes"
	"strconv"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"
	typev3 "github.com/envoyproxy/go-control-plane/envoy/type/v3"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// refuse answers the HTTP request itself with a JSON-RPC error, records why,
// and counts it.
func (st *stream) refuse(status, code int, id []byte, msg, reason string) *extprocv3.ProcessingResponse {
	st.srv.Metrics.refused.WithLabelValues(st.serverLabel(), reason).Inc()
	rec := st.record("http", "", "", "deny", reason, msg, 0)
	if len(id) > 0 {
		rec.ID = string(id)
	}
	if err := st.srv.Audit.Write(rec); err != nil {
		st.srv.Metrics.auditErrors.Inc()
	}
	return st.immediate(status, "deny", jsonrpc.ErrorResponse(id, code, msg, nil), reason)
}

// serverLabel is the server for metrics: the name Envoy sent only when the
// policy knows it, since anything that reaches ext_proc's socket can send
// any name and grow the label set.
func (st *stream) serverLabel() string {
	if st.spec == nil {
		return "_unknown"
	}
	return st.server
}

// refuseBatch answers a request body that holds a denied message: every
// request of it gets a JSON-RPC error with its own id, the others are
// refused with it, and the server sees none of it.
func (st *stream) refuseBatch(batch *jsonrpc.Batch, exs []*interceptors.Exchange, latency time.Duration) *extprocv3.ProcessingResponse {
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
	// 200: a JSON-RPC error is a normal MCP answer that every client reads;
	// a rate limit says 429 so that HTTP clients back off as well.
	for _, e := range exs {
		if e.HTTPStatus != 0 {
			return st.immediate(e.HTTPStatus, "deny", body, "policy_denied")
		}
	}
	return st.immediate(200, "deny", body, "policy_denied")
}

// forwardRequest lets a judged request body through, re-encoded only when
// an interceptor changed a message of it.
func (st *stream) forwardRequest(batch *jsonrpc.Batch, exs []*interceptors.Exchange, modified bool) *extprocv3.ProcessingResponse {
	cr := &extprocv3.CommonResponse{}
	if modified {
		for i, e := range exs {
			batch.Messages[i] = e.Message
		}
		setBody(cr, jsonrpc.EncodeBatch(batch))
	}
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestBody{RequestBody: &extprocv3.BodyResponse{Response: cr}}}
}

// auditUnavailable refuses a message that cannot be recorded: nothing acts
// unrecorded.
func (st *stream) auditUnavailable(id []byte) *extprocv3.ProcessingResponse {
	return st.refuse(statusFor(id, 503), jsonrpc.CodeInternalError, id, "mcpmesh: the audit log cannot be written; refusing rather than acting unrecorded", "audit_unavailable")
}

// overload refuses the request of a stream past the concurrent-request
// limit: 503 with a reason of its own, so an operator tells a full sidecar
// from a broken one (a dead ext_proc answers 500).
func (st *stream) overload(id []byte) *extprocv3.ProcessingResponse {
	if !st.overloaded {
		return nil
	}
	return st.refuse(503, contract.CodeOverloaded, id, contract.MsgOverloaded(st.pol.policy.Limits.Streams()), "overload")
}

// unavailable refuses every message for a server the control plane does
// not route to (e.g. its image failed verification); nil otherwise.
func (st *stream) unavailable(id []byte) *extprocv3.ProcessingResponse {
	if st.spec == nil || st.spec.Unavailable == "" {
		return nil
	}
	return st.refuse(503, contract.CodeServerUnavailable, id, contract.MsgUnavailable(st.spec), "server_unavailable")
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

func setBody(cr *extprocv3.CommonResponse, body []byte) {
	cr.BodyMutation = &extprocv3.BodyMutation{Mutation: &extprocv3.BodyMutation_Body{Body: body}}
	// A body of new length with the old content-length is a broken message.
	cr.HeaderMutation = &extprocv3.HeaderMutation{SetHeaders: []*core.HeaderValueOption{overwrite("content-length", strconv.Itoa(len(body)))}}
}

func bodyContinue(cr *extprocv3.CommonResponse) *extprocv3.ProcessingResponse {
	if cr == nil {
		cr = &extprocv3.CommonResponse{}
	}
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ResponseBody{ResponseBody: &extprocv3.BodyResponse{Response: cr}}}
}
