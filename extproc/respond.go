package extproc

import (
	"context"
	"time"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

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
		id := firstID(batch)
		return st.refuse(statusFor(id, 503), jsonrpc.CodeInternalError, id, "mcpmesh: the audit log cannot be written; refusing rather than acting unrecorded", "audit_unavailable")
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
	e := &interceptors.Exchange{Server: st.server, Direction: interceptors.ToClient, Message: m, Method: req.Method, Tool: req.Tool}
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
