package extproc

import (
	"context"
	"errors"
	"fmt"
	"time"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// onRequestBody judges a whole request body (duplex.go collects it): it is
// parsed once, strictly, and every message of it runs the server's chain.
// A batch with a denied message is refused whole: the server sees all of a
// batch or none of it.
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
	if resp := st.overload(firstID(batch)); resp != nil {
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
		e := &interceptors.Exchange{Server: st.server, Session: st.sessionID, Client: st.who, Direction: interceptors.ToServer, Message: m, Method: m.Method}
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
		return st.refuseBatch(batch, exs, latency)
	}
	if answered {
		return st.answerLocally(ctx, batch, exs, latency)
	}
	if err := st.auditAll(exs, latency); err != nil {
		return st.auditUnavailable(firstID(batch))
	}
	// Remembered so that the answers are judged as answers to these calls.
	st.pending = make(map[string]call, len(exs))
	for _, e := range exs {
		if e.Message.IsRequest() {
			st.pending[e.Message.IDKey()] = call{method: e.Method, tool: e.Tool}
		}
	}
	return st.forwardRequest(batch, exs, modified)
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

// answerLocally replies to a request that a webhook answered itself: the
// server never sees it. As with a denial, the other messages of its batch
// are refused rather than forwarded without it.
func (st *stream) answerLocally(ctx context.Context, batch *jsonrpc.Batch, exs []*interceptors.Exchange, latency time.Duration) *extprocv3.ProcessingResponse {
	for _, e := range exs {
		if e.Action != interceptors.Respond {
			e.Refuse("batch", "refused with the rest of its batch, which holds a call answered by a webhook")
		}
	}
	if err := st.auditAll(exs, latency); err != nil {
		return st.auditUnavailable(firstID(batch))
	}
	var replies [][]byte
	for _, e := range exs {
		switch {
		case e.Action == interceptors.Respond:
			replies = append(replies, st.judgeReply(ctx, e))
		case e.Message.IsRequest():
			replies = append(replies, denyReply(e))
		}
	}
	return st.immediate(200, "respond", joinReplies(replies, batch.IsBatch), "webhook_respond")
}

// judgeReply returns the response that carries a webhook's answer to req.
// The answer goes through the chain as the server's result would, so secret
// and PII redaction (and after-hooks) cover what a hook returns: a hook is
// no way around them.
func (st *stream) judgeReply(ctx context.Context, req *interceptors.Exchange) []byte {
	start := time.Now()
	m := &jsonrpc.Message{ID: req.Message.ID, Result: req.Reply}
	e := &interceptors.Exchange{Server: st.server, Session: st.sessionID, Client: st.who, Direction: interceptors.ToClient, Message: m, Method: req.Method, Tool: req.Tool}
	if err := st.chain.Run(ctx, e); err != nil {
		e.Refuse("internal", "the answer could not be inspected: "+err.Error())
	}
	if e.Action != interceptors.Allow || len(e.Findings) > 0 {
		if err := st.auditOne(e, time.Since(start)); err != nil {
			return jsonrpc.ErrorResponse(m.ID, jsonrpc.CodeInternalError, "mcpmesh: the audit log cannot be written; refusing rather than acting unrecorded", nil)
		}
	}
	switch e.Action {
	case interceptors.Deny:
		return (&jsonrpc.Message{ID: m.ID, Error: errorObject(e)}).Marshal()
	case interceptors.Modify:
		return e.Message.Marshal()
	}
	return m.Marshal()
}

func isSyntax(err error) bool { return errors.Is(err, jsonrpc.ErrSyntax) }
