package extproc

import (
	"context"
	"fmt"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"

	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// Envoy runs the ext_proc filter with both bodies in FULL_DUPLEX_STREAMED
// mode (xds/translator/listener.go): it sends a message's headers and then
// its body chunks without waiting for answers, and holds the headers until
// they are answered. ext_proc keeps the headers' answer back, collects the
// whole body, judges it as before, then answers the headers (with a correct
// Content-Length) and streams the body back. Envoy thus waits once per
// direction instead of twice. SSE responses are the exception: their headers
// are answered at once and events are forwarded as they are judged.
//
// In this mode Envoy forwards only what ext_proc streams back, enforces
// neither the body limit nor the message timeout, and expects a body answer
// only after it has sent a body chunk; all three are handled here.

// duplex is the framing state of one stream.
type duplex struct {
	req, resp half
	// closed: an immediate response ended the stream; what Envoy sent
	// before it learnt that is not judged.
	closed bool
	out    []*extprocv3.ProcessingResponse // answers to send, in order
}

// half is one direction of the stream.
type half struct {
	held    *extprocv3.ProcessingResponse // answer to the headers, sent with the body
	body    []byte                        // the body so far
	owned   bool                          // body is ext_proc's own buffer, not Envoy's first chunk
	gotBody bool                          // Envoy sent a body chunk, so it waits for a body answer
	size    int                           // bytes received
}

// add appends a body chunk. The first chunk is kept as it is: most bodies
// arrive in one. From the second on, the body is collected in a buffer of
// ext_proc's own that doubles as it fills, so a body in many chunks is
// copied about once rather than once per chunk. The buffer never grows past
// twice what has arrived (nor past the body limit): a Content-Length is not
// trusted for sizing, or a sender could make ext_proc reserve the limit for
// a body it never sends. A body over the limit is only counted: the caller
// refuses it, so it is not worth a copy.
func (h *half) add(chunk []byte, limit int) {
	h.gotBody = true
	h.size += len(chunk)
	switch {
	case h.size > limit:
		return
	case h.body == nil:
		h.body = chunk
		return
	case len(h.body)+len(chunk) > cap(h.body) || !h.owned:
		need := len(h.body) + len(chunk)
		buf := make([]byte, len(h.body), max(need, min(2*need, limit)))
		copy(buf, h.body)
		h.body, h.owned = buf, true
	}
	h.body = append(h.body, chunk...)
}

// requestHeaders judges the request headers; unless they refuse the request
// or end it, their answer waits for the body's (see finish).
func (st *stream) requestHeaders(ctx context.Context, h *extprocv3.HttpHeaders) {
	r := st.onRequestHeaders(ctx, h)
	if r.GetImmediateResponse() != nil || h.EndOfStream {
		st.emit(r)
		return
	}
	st.req.held = r
}

// requestBody collects the request body and judges it once it is complete
// (end of stream, or trailers when trailers follow).
func (st *stream) requestBody(ctx context.Context, chunk []byte, end, trailers bool) {
	if !trailers {
		st.req.add(chunk, int(st.pol.policy.Limits.MaxBodyBytes))
	}
	if limit := st.pol.policy.Limits.MaxBodyBytes; st.req.size > int(limit) {
		// Envoy maps a 413 to its own JSON-RPC error, as for a body it refuses itself.
		st.emit(st.refuse(413, jsonrpc.CodeInvalidRequest, nil, contract.MsgTooLarge(limit), "too_large"))
		return
	}
	if !end {
		return
	}
	body := st.req.body
	r := st.inTime(ctx, func(ctx context.Context) *extprocv3.ProcessingResponse {
		return st.onRequestBody(ctx, body)
	})
	st.finish(&st.req, r, r.GetRequestBody().GetResponse(), body, !trailers)
}

// responseHeaders judges the response headers; a JSON answer's wait for its
// body, as a request's do.
func (st *stream) responseHeaders(h *extprocv3.HttpHeaders) {
	r := st.onResponseHeaders(h)
	// An event stream is judged event by event, so its headers go now.
	if r.GetImmediateResponse() != nil || h.EndOfStream || st.respKind == respSSE {
		st.emit(r)
		return
	}
	st.resp.held = r
}

// responseBody judges an event stream chunk by chunk and any other answer
// once it is complete.
func (st *stream) responseBody(ctx context.Context, chunk []byte, end, trailers bool) {
	if st.respKind == respSSE {
		st.resp.gotBody = st.resp.gotBody || !trailers
		r := st.inTime(ctx, func(ctx context.Context) *extprocv3.ProcessingResponse {
			return st.onSSEChunk(ctx, chunk, end)
		})
		st.finish(&st.resp, r, r.GetResponseBody().GetResponse(), nil, end && !trailers)
		return
	}
	if !trailers {
		st.resp.add(chunk, int(st.pol.policy.Limits.MaxBodyBytes))
	}
	if limit := st.pol.policy.Limits.MaxBodyBytes; st.resp.size > int(limit) {
		st.emit(st.refuse(502, jsonrpc.CodeInternalError, st.singlePendingID(), fmt.Sprintf("mcpmesh: the server's answer is larger than %d bytes; refused", limit), "response_too_large"))
		return
	}
	if !end {
		return
	}
	body := st.resp.body
	r := st.inTime(ctx, func(ctx context.Context) *extprocv3.ProcessingResponse {
		return st.onResponseBody(ctx, body)
	})
	st.finish(&st.resp, r, r.GetResponseBody().GetResponse(), body, !trailers)
}

// finish sends the answers for a judged body: the held headers answer, now
// carrying the body's header changes (Content-Length), then the body to
// forward (body itself unless the judgement replaced or cleared it). An SSE
// chunk with nothing complete to forward sends nothing.
func (st *stream) finish(h *half, r *extprocv3.ProcessingResponse, cr *extprocv3.CommonResponse, body []byte, end bool) {
	if cr == nil { // an immediate response
		st.emit(r)
		return
	}
	if held := h.held; held != nil {
		h.held = nil
		if m := cr.GetHeaderMutation(); m != nil {
			hc := headersCommon(held)
			if hc.HeaderMutation == nil {
				hc.HeaderMutation = &extprocv3.HeaderMutation{}
			}
			hc.HeaderMutation.SetHeaders = append(hc.HeaderMutation.SetHeaders, m.SetHeaders...)
			hc.HeaderMutation.RemoveHeaders = append(hc.HeaderMutation.RemoveHeaders, m.RemoveHeaders...)
		}
		st.emit(held)
	}
	switch m := cr.GetBodyMutation().GetMutation().(type) {
	case *extprocv3.BodyMutation_Body:
		body = m.Body
	case *extprocv3.BodyMutation_ClearBody:
		body = nil
	}
	// Envoy takes a body answer only after a body chunk, and the end of
	// the stream only with the last one.
	if !h.gotBody || (len(body) == 0 && !end) {
		return
	}
	sb := &extprocv3.BodyResponse{Response: &extprocv3.CommonResponse{BodyMutation: &extprocv3.BodyMutation{
		Mutation: &extprocv3.BodyMutation_StreamedResponse{StreamedResponse: &extprocv3.StreamedBodyResponse{Body: body, EndOfStream: end}},
	}}}
	if h == &st.req {
		st.emit(&extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestBody{RequestBody: sb}})
	} else {
		st.emit(&extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ResponseBody{ResponseBody: sb}})
	}
}

func headersCommon(r *extprocv3.ProcessingResponse) *extprocv3.CommonResponse {
	var hr *extprocv3.HeadersResponse
	switch v := r.Response.(type) {
	case *extprocv3.ProcessingResponse_RequestHeaders:
		hr = v.RequestHeaders
	case *extprocv3.ProcessingResponse_ResponseHeaders:
		hr = v.ResponseHeaders
	}
	if hr.Response == nil {
		hr.Response = &extprocv3.CommonResponse{}
	}
	return hr.Response
}
