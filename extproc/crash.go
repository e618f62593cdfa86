package extproc

import (
	"encoding/json"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"

	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// msgInternalError is what the caller reads when judging its message failed
// inside mcpmesh: the message is refused, never passed on unjudged.
const msgInternalError = "mcpmesh: internal error while judging this message; refused (the ext_proc log has the details)"

// crashed answers a phase whose judgement panicked: the panic is logged with
// its stack, the message is refused with the caller's id when it is known
// (audited as rule internal_error, counted in refused_total), and the stream
// ends there. Other streams go on.
func (st *stream) crashed(req *extprocv3.ProcessingRequest, p any, stack []byte) ([]*extprocv3.ProcessingResponse, string) {
	phase := phaseName(req)
	st.srv.Log.Error("panic while judging a message; refused", "server", st.server, "phase", phase,
		"request_id", st.requestID, "panic", p, "stack", string(stack))
	if st.closed {
		// The refusal that closed the stream is queued already.
		return st.out, phase
	}
	var id []byte
	switch req.Request.(type) {
	case *extprocv3.ProcessingRequest_RequestBody, *extprocv3.ProcessingRequest_RequestTrailers:
		id = requestIDOf(st.req.body)
	case *extprocv3.ProcessingRequest_RequestHeaders:
	default:
		id = st.singlePendingID()
	}
	st.out = st.out[:0]
	st.emit(st.refuse(statusFor(id, 500), jsonrpc.CodeInternalError, id, msgInternalError, "internal_error"))
	return st.out, phase
}

// requestIDOf is the id of a request body that holds one message, read with
// the standard decoder rather than the parser that may have just failed;
// nil for a batch, a null id or anything unreadable.
func requestIDOf(body []byte) []byte {
	var m struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(body, &m) != nil || len(m.ID) == 0 {
		return nil
	}
	// A string or a number, as JSON-RPC allows; nothing else is echoed.
	if c := m.ID[0]; c == '"' || c == '-' || c >= '0' && c <= '9' {
		return m.ID
	}
	return nil
}

// phaseName labels a phase for the latency histogram and the log
// ("unknown" for a phase ext_proc does not handle).
func phaseName(req *extprocv3.ProcessingRequest) string {
	switch req.Request.(type) {
	case *extprocv3.ProcessingRequest_RequestHeaders:
		return "request_headers"
	case *extprocv3.ProcessingRequest_RequestBody:
		return "request_body"
	case *extprocv3.ProcessingRequest_RequestTrailers:
		return "request_trailers"
	case *extprocv3.ProcessingRequest_ResponseHeaders:
		return "response_headers"
	case *extprocv3.ProcessingRequest_ResponseBody:
		return "response_body"
	case *extprocv3.ProcessingRequest_ResponseTrailers:
		return "response_trailers"
	}
	return "unknown"
}
