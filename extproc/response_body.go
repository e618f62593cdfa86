package extproc

import (
	"bytes"
	"context"
	"time"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/sse"
)

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

// onJSONResponse judges every message of a JSON answer. A denied message is
// replaced by a JSON-RPC error in its place, so the caller still gets an
// answer for each id it sent.
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
			st.settleDenied(batch, i, e)
			changed = true
			continue
		}
		if e.Action == interceptors.Modify {
			batch.Messages[i] = e.Message
			changed = true
		}
	}
	cr := &extprocv3.CommonResponse{}
	switch {
	case changed && !compact(batch):
		setBody(cr, nil) // only a refused request of the server's: nothing for the client
	case changed:
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
			e = &interceptors.Exchange{Server: st.server, Session: st.sessionID, Client: st.who, Direction: interceptors.ToClient, Message: m}
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
			st.settleDenied(batch, i, e)
			changed = true
		case interceptors.Modify:
			batch.Messages[i] = e.Message
			changed = true
		}
	}
	if !changed {
		return ev.Raw
	}
	if !compact(batch) {
		return nil // only the server's own refused request: answered to the server
	}
	return sse.Encode(sse.Event{ID: ev.ID, Type: ev.Type, Data: jsonrpc.EncodeBatch(batch), HasData: true})
}

// inspectToClient runs the chain on a message from the server.
func (st *stream) inspectToClient(ctx context.Context, m *jsonrpc.Message) (*interceptors.Exchange, error) {
	e := &interceptors.Exchange{Server: st.server, Session: st.sessionID, Client: st.who, Direction: interceptors.ToClient, Message: m, Method: m.Method}
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
