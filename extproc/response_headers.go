package extproc

import (
	"fmt"
	"strconv"
	"strings"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"

	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// onResponseHeaders decides how the response body is read (a JSON answer
// whole, an event stream event by event) and refuses an encoding ext_proc
// could not read.
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
