package extproc

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"testing"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"

	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// These tests drive a stream message by message and check the framing
// Envoy's full-duplex mode needs: what is answered when, and in which order.

func duplexServer(t *testing.T, p *ir.Policy) *Server {
	t.Helper()
	srv := NewServer(NewMetrics(nil), audit.New(io.Discard), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := srv.Policy.Update(p); err != nil {
		t.Fatal(err)
	}
	return srv
}

func reqHeaders(eos bool, kv ...string) *extprocv3.ProcessingRequest {
	return &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_RequestHeaders{RequestHeaders: &extprocv3.HttpHeaders{Headers: hdrs(kv...), EndOfStream: eos}}}
}

func reqChunk(s string, eos bool) *extprocv3.ProcessingRequest {
	return &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_RequestBody{RequestBody: &extprocv3.HttpBody{Body: []byte(s), EndOfStream: eos}}}
}

func respHeaders(eos bool, kv ...string) *extprocv3.ProcessingRequest {
	return &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseHeaders{ResponseHeaders: &extprocv3.HttpHeaders{Headers: hdrs(kv...), EndOfStream: eos}}}
}

func respChunk(s string, eos bool) *extprocv3.ProcessingRequest {
	return &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseBody{ResponseBody: &extprocv3.HttpBody{Body: []byte(s), EndOfStream: eos}}}
}

// step hands one message to st and checks how many answers come back.
func step(t *testing.T, st *stream, req *extprocv3.ProcessingRequest, want int) []*extprocv3.ProcessingResponse {
	t.Helper()
	out, _ := st.handle(context.Background(), req)
	if len(out) != want {
		t.Fatalf("%d answers, want %d: %v", len(out), want, out)
	}
	return append([]*extprocv3.ProcessingResponse(nil), out...)
}

func streamed(t *testing.T, r *extprocv3.ProcessingResponse) *extprocv3.StreamedBodyResponse {
	t.Helper()
	cr := r.GetRequestBody().GetResponse()
	if cr == nil {
		cr = r.GetResponseBody().GetResponse()
	}
	sr := cr.GetBodyMutation().GetStreamedResponse()
	if sr == nil {
		t.Fatalf("not a streamed body answer: %v", r)
	}
	return sr
}

func contentLength(r *extprocv3.ProcessingResponse) string {
	for _, h := range headersCommon(r).GetHeaderMutation().GetSetHeaders() {
		if h.GetHeader().GetKey() == "content-length" {
			return string(h.GetHeader().GetRawValue())
		}
	}
	return ""
}

func TestDuplexHeadersWaitForTheBody(t *testing.T) {
	st := newStream(duplexServer(t, testPolicy()), "demo")
	body := `{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`
	step(t, st, reqHeaders(false, postHeaders...), 0)
	step(t, st, reqChunk(body[:20], false), 0)
	out := step(t, st, reqChunk(body[20:], true), 2)
	if rm := headersCommon(out[0]).GetHeaderMutation().GetRemoveHeaders(); out[0].GetRequestHeaders() == nil || !slices.Equal(rm, removedRequestHeaders) {
		t.Fatalf("first answer is not the request headers': %v", out[0])
	}
	if cl := contentLength(out[0]); cl != "" {
		t.Errorf("content-length %q set for an unchanged body", cl)
	}
	if sr := streamed(t, out[1]); string(sr.Body) != body || !sr.EndOfStream {
		t.Fatalf("forwarded %q (end %v), want the whole body", sr.Body, sr.EndOfStream)
	}

	result := `{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"hi"}]}}`
	step(t, st, respHeaders(false, ":status", "200", "content-type", "application/json"), 0)
	out = step(t, st, respChunk(result, true), 2)
	if out[0].GetResponseHeaders() == nil || contentLength(out[0]) != "" {
		t.Fatalf("first answer: %v", out[0])
	}
	if sr := streamed(t, out[1]); string(sr.Body) != result || !sr.EndOfStream {
		t.Fatalf("forwarded %q", sr.Body)
	}
}

func TestDuplexChangedBodyGetsItsLength(t *testing.T) {
	st := newStream(duplexServer(t, testPolicy()), "demo")
	step(t, st, reqHeaders(false, postHeaders...), 0)
	step(t, st, reqChunk(`{"jsonrpc":"2.0","id":2,"method":"tools/list"}`, true), 2)
	step(t, st, respHeaders(false, ":status", "200", "content-type", "application/json", "content-length", strconv.Itoa(len(toolsList))), 0)
	out := step(t, st, respChunk(toolsList, true), 2)
	sr := streamed(t, out[1])
	if want := `{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo"}]}}`; string(sr.Body) != want {
		t.Fatalf("forwarded %s, want %s", sr.Body, want)
	}
	if cl := contentLength(out[0]); cl != strconv.Itoa(len(sr.Body)) {
		t.Fatalf("content-length %q for a body of %d bytes", cl, len(sr.Body))
	}
}

func TestDuplexBodylessMessages(t *testing.T) {
	srv := duplexServer(t, testPolicy())
	for _, m := range []string{"GET", "DELETE"} {
		st := newStream(srv, "demo")
		if out := step(t, st, reqHeaders(true, ":method", m, ":path", "/mcp"), 1); out[0].GetRequestHeaders() == nil {
			t.Fatalf("%s: %v", m, out[0])
		}
		// 202 Accepted and the like: nothing more to wait for.
		if out := step(t, st, respHeaders(true, ":status", "202"), 1); out[0].GetResponseHeaders() == nil {
			t.Fatalf("%s response: %v", m, out[0])
		}
	}
}

func TestDuplexTrailersEndTheBody(t *testing.T) {
	st := newStream(duplexServer(t, testPolicy()), "demo")
	body := `{"jsonrpc":"2.0","id":1,"method":"tools/list"}`
	step(t, st, reqHeaders(false, postHeaders...), 0)
	step(t, st, reqChunk(body, false), 0)
	out := step(t, st, &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_RequestTrailers{RequestTrailers: &extprocv3.HttpTrailers{}}}, 3)
	if sr := streamed(t, out[1]); out[0].GetRequestHeaders() == nil || string(sr.Body) != body || sr.EndOfStream || out[2].GetRequestTrailers() == nil {
		t.Fatalf("answers: %v", out)
	}
	// Trailers without any body chunk: no body answer, which Envoy would
	// take for a protocol error.
	step(t, st, respHeaders(false, ":status", "200", "content-type", "application/json"), 0)
	out = step(t, st, &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseTrailers{ResponseTrailers: &extprocv3.HttpTrailers{}}}, 2)
	if out[0].GetResponseHeaders() == nil || out[1].GetResponseTrailers() == nil {
		t.Fatalf("answers: %v", out)
	}
}

func TestDuplexBodyLimit(t *testing.T) {
	p := testPolicy()
	p.Limits.MaxBodyBytes = 100
	srv := duplexServer(t, p)

	st := newStream(srv, "demo")
	step(t, st, reqHeaders(false, postHeaders...), 0)
	step(t, st, reqChunk(strings.Repeat(" ", 60), false), 0)
	out := step(t, st, reqChunk(strings.Repeat(" ", 60), false), 1)
	if status, body := immediate(t, out[0]); status != 413 || !strings.Contains(body, "larger than 100 bytes") {
		t.Fatalf("got %d %s", status, body)
	}
	// Envoy has answered the client; what it had already sent is dropped.
	step(t, st, reqChunk("{}", true), 0)

	st = newStream(srv, "demo")
	step(t, st, reqHeaders(false, postHeaders...), 0)
	step(t, st, reqChunk(`{"jsonrpc":"2.0","id":3,"method":"tools/list"}`, true), 2)
	step(t, st, respHeaders(false, ":status", "200", "content-type", "application/json"), 0)
	out = step(t, st, respChunk(`{"jsonrpc":"2.0","id":3,"result":{"tools":[`+strings.Repeat(" ", 100), false), 1)
	if status, body := immediate(t, out[0]); status != 502 || !strings.Contains(body, `"id":3`) || !strings.Contains(body, "larger than 100 bytes") {
		t.Fatalf("got %d %s", status, body)
	}
}

func TestDuplexSSEForwardsCompleteEvents(t *testing.T) {
	st := newStream(duplexServer(t, testPolicy()), "demo")
	step(t, st, reqHeaders(false, postHeaders...), 0)
	step(t, st, reqChunk(`{"jsonrpc":"2.0","id":2,"method":"tools/list"}`, true), 2)
	if out := step(t, st, respHeaders(false, ":status", "200", "content-type", "text/event-stream", "content-length", "999"), 1); headersCommon(out[0]).GetHeaderMutation().GetRemoveHeaders()[0] != "content-length" {
		t.Fatalf("headers: %v", out[0])
	}
	event := "id: e1\nevent: message\ndata: " + toolsList + "\n\n"
	step(t, st, respChunk(event[:30], false), 0) // nothing complete yet
	out := step(t, st, respChunk(event[30:], false), 1)
	if sr := streamed(t, out[0]); !strings.Contains(string(sr.Body), `"tools":[{"name":"echo"}]`) || sr.EndOfStream {
		t.Fatalf("forwarded %q", sr.Body)
	}
	out = step(t, st, respChunk("", true), 1)
	if sr := streamed(t, out[0]); len(sr.Body) != 0 || !sr.EndOfStream {
		t.Fatalf("end of stream: %v", sr)
	}
}

// A body in many chunks is collected whole, whatever its Content-Length
// claims, and Envoy's first chunk is never written into.
func TestDuplexBodyInManyChunks(t *testing.T) {
	result := `{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"` + strings.Repeat("abcdefgh", 2000) + `"}]}}`
	for _, declared := range []string{"", strconv.Itoa(len(result)), "10", "99999999"} {
		st := newStream(duplexServer(t, testPolicy()), "demo")
		step(t, st, reqHeaders(false, postHeaders...), 0)
		step(t, st, reqChunk(`{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`, true), 2)
		h := []string{":status", "200", "content-type", "application/json"}
		if declared != "" {
			h = append(h, "content-length", declared)
		}
		step(t, st, respHeaders(false, h...), 0)
		// Envoy's first chunk has room to spare in its buffer.
		buf := make([]byte, 1000, 4096)
		copy(buf, result)
		step(t, st, &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseBody{ResponseBody: &extprocv3.HttpBody{Body: buf}}}, 0)
		var out []*extprocv3.ProcessingResponse
		for rest, n := result[1000:], 10; len(rest) > 0; n = 777 {
			n = min(len(rest), n)
			out = step(t, st, respChunk(rest[:n], n == len(rest)), map[bool]int{true: 2, false: 0}[n == len(rest)])
			rest = rest[n:]
		}
		if sr := streamed(t, out[1]); string(sr.Body) != result || !sr.EndOfStream {
			t.Fatalf("Content-Length %q: forwarded %d bytes, want the %d of the body", declared, len(sr.Body), len(result))
		}
		if !bytes.Equal(buf[:cap(buf)], append([]byte(result[:1000]), make([]byte, cap(buf)-1000)...)) {
			t.Fatalf("Content-Length %q: the first chunk's buffer was written into", declared)
		}
	}
}
