package extproc

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

func testPolicy() *ir.Policy {
	return &ir.Policy{
		Version: "t1",
		Limits:  ir.Limits{MaxBodyBytes: 1 << 20, MessageTimeoutMillis: 1000},
		Servers: []ir.Server{{
			Name:     "demo",
			Upstream: ir.Endpoint{Host: "127.0.0.1", Port: 1},
			Listen:   ir.Endpoint{Host: "127.0.0.1", Port: 2},
			Path:     "/mcp",
			Policy: chain.Policy{
				Tools: allowlist.Policy{Allow: []string{"echo"}},
			},
		}},
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// startServer runs the ExternalProcessor on a real loopback gRPC server, as Envoy sees it.
func startServer(t testing.TB, p *ir.Policy, auditTo io.Writer) (*Server, extprocv3.ExternalProcessorClient) {
	t.Helper()
	srv := NewServer(NewMetrics(nil), audit.New(auditTo), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if p != nil {
		if err := srv.Policy.Update(p); err != nil {
			t.Fatal(err)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go func() { _ = srv.Serve(ctx, l) }()
	conn, err := grpc.NewClient(l.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return srv, extprocv3.NewExternalProcessorClient(conn)
}

// envoyStream plays Envoy's side of one HTTP request as Envoy runs the
// filter (full duplex, see duplex.go): messages go out without waiting for
// answers, and a message with a body has its headers answered with the body.
type envoyStream struct {
	t *testing.T
	s extprocv3.ExternalProcessor_ProcessClient
	// headers is the last headers answer that came with a body answer.
	headers *extprocv3.ProcessingResponse
	sse     bool // the response is an event stream
}

func open(t *testing.T, c extprocv3.ExternalProcessorClient, server string) *envoyStream {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	ctx = metadata.AppendToOutgoingContext(ctx, contract.ServerHeader, server)
	s, err := c.Process(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return &envoyStream{t: t, s: s}
}

func hdrs(kv ...string) *core.HeaderMap {
	hm := &core.HeaderMap{}
	for i := 0; i < len(kv); i += 2 {
		hm.Headers = append(hm.Headers, &core.HeaderValue{Key: kv[i], RawValue: []byte(kv[i+1])})
	}
	return hm
}

func (e *envoyStream) put(req *extprocv3.ProcessingRequest) {
	e.t.Helper()
	if err := e.s.Send(req); err != nil {
		e.t.Fatal(err)
	}
}

// answer waits for ext_proc's next answer.
func (e *envoyStream) answer() *extprocv3.ProcessingResponse {
	e.t.Helper()
	resp, err := e.s.Recv()
	if err != nil {
		e.t.Fatal(err)
	}
	return resp
}

// requestHeaders sends request headers. Headers that end the message are
// answered at once (returned); others only with the body or by a refusal
// (nil is returned; call answer for a refusal).
func (e *envoyStream) requestHeaders(eos bool, kv ...string) *extprocv3.ProcessingResponse {
	e.t.Helper()
	e.put(&extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_RequestHeaders{RequestHeaders: &extprocv3.HttpHeaders{Headers: hdrs(kv...), EndOfStream: eos}}})
	if eos {
		return e.answer()
	}
	return nil
}

// requestBody sends a whole request body and returns the verdict in the shape
// of a buffered-body answer (see verdict).
func (e *envoyStream) requestBody(body string) *extprocv3.ProcessingResponse {
	e.t.Helper()
	e.put(&extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_RequestBody{RequestBody: &extprocv3.HttpBody{Body: []byte(body), EndOfStream: true}}})
	return e.verdict(body, true)
}

// responseHeaders sends response headers; an event stream's are answered at
// once (returned), others with the body (nil; call answer for a refusal).
func (e *envoyStream) responseHeaders(kv ...string) *extprocv3.ProcessingResponse {
	e.t.Helper()
	e.put(&extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseHeaders{ResponseHeaders: &extprocv3.HttpHeaders{Headers: hdrs(kv...)}}})
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i] == "content-type" && strings.HasPrefix(kv[i+1], "text/event-stream") {
			e.sse = true
			return e.answer()
		}
	}
	return nil
}

// responseBody sends a response body chunk. For an event stream it returns
// what ext_proc forwarded of the chunk (it must forward something); for
// other responses the chunk is the whole body and the verdict is returned.
func (e *envoyStream) responseBody(chunk string, eos bool) *extprocv3.ProcessingResponse {
	e.t.Helper()
	e.put(&extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseBody{ResponseBody: &extprocv3.HttpBody{Body: []byte(chunk), EndOfStream: eos}}})
	if !e.sse {
		return e.verdict(chunk, false)
	}
	r := e.answer()
	sr := r.GetResponseBody().GetResponse().GetBodyMutation().GetStreamedResponse()
	if sr == nil {
		return r
	}
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ResponseBody{ResponseBody: &extprocv3.BodyResponse{Response: &extprocv3.CommonResponse{
		BodyMutation: &extprocv3.BodyMutation{Mutation: &extprocv3.BodyMutation_Body{Body: sr.Body}},
	}}}}
}

// verdict reads the answers to a complete body: an immediate response, or
// the held headers answer (kept in e.headers) followed by the streamed body.
// It returns them as the old buffered-body answer: the header changes of the
// headers answer, and a body mutation only if the forwarded body differs
// from sent.
func (e *envoyStream) verdict(sent string, request bool) *extprocv3.ProcessingResponse {
	e.t.Helper()
	var body []byte
	cr := &extprocv3.CommonResponse{}
	for {
		r := e.answer()
		if r.GetImmediateResponse() != nil {
			return r
		}
		if hr := r.GetRequestHeaders().GetResponse(); hr != nil || r.GetResponseHeaders() != nil {
			if hr == nil {
				hr = r.GetResponseHeaders().GetResponse()
			}
			e.headers = r
			cr.HeaderMutation = hr.GetHeaderMutation()
			continue
		}
		sr := r.GetRequestBody().GetResponse().GetBodyMutation().GetStreamedResponse()
		if sr == nil {
			sr = r.GetResponseBody().GetResponse().GetBodyMutation().GetStreamedResponse()
		}
		if sr == nil {
			e.t.Fatalf("expected a streamed body answer, got %v", r)
		}
		if e.headers == nil {
			e.t.Fatalf("body answered before the headers")
		}
		body = append(body, sr.Body...)
		if sr.EndOfStream {
			break
		}
	}
	if string(body) != sent {
		cr.BodyMutation = &extprocv3.BodyMutation{Mutation: &extprocv3.BodyMutation_Body{Body: body}}
	}
	if request {
		return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestBody{RequestBody: &extprocv3.BodyResponse{Response: cr}}}
	}
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ResponseBody{ResponseBody: &extprocv3.BodyResponse{Response: cr}}}
}

var postHeaders = []string{":method", "POST", ":path", "/mcp", "content-type", "application/json", "accept-encoding", "gzip", "x-request-id", "req-1"}

func immediate(t *testing.T, r *extprocv3.ProcessingResponse) (int, string) {
	t.Helper()
	ir := r.GetImmediateResponse()
	if ir == nil {
		t.Fatalf("expected an immediate response, got %v", r)
	}
	return int(ir.GetStatus().GetCode()), string(ir.GetBody())
}

func TestNoPolicyRefuses(t *testing.T) {
	_, c := startServer(t, nil, &bytes.Buffer{})
	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	status, body := immediate(t, e.answer())
	if status != 503 || !strings.Contains(body, "no policy") {
		t.Fatalf("got %d %s", status, body)
	}
}

func TestUnknownServerRefuses(t *testing.T) {
	_, c := startServer(t, testPolicy(), &bytes.Buffer{})
	e := open(t, c, "nope")
	e.requestHeaders(false, postHeaders...)
	status, body := immediate(t, e.answer())
	if status != 503 || !strings.Contains(body, `server \"nope\" is not in the policy`) {
		t.Fatalf("got %d %s", status, body)
	}
}

func TestDeniedCallKeepsCallerID(t *testing.T) {
	var log bytes.Buffer
	_, c := startServer(t, testPolicy(), &log)
	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	status, body := immediate(t, e.requestBody(`{"jsonrpc":"2.0","id":"call-\u00e9","method":"tools/call","params":{"name":"run_shell","arguments":{}}}`))
	if status != 200 || !strings.Contains(body, `"id":"call-\u00e9"`) && !strings.Contains(body, `"id":"call-é"`) {
		t.Fatalf("got %d %s", status, body)
	}
	if !strings.Contains(body, `"code":-32001`) || !strings.Contains(body, "tools.allow (no pattern matches)") {
		t.Errorf("denial does not name the rule: %s", body)
	}
	if !strings.Contains(log.String(), `"decision":"deny"`) || !strings.Contains(log.String(), `"request_id":"req-1"`) {
		t.Errorf("audit: %s", log.String())
	}
}

func TestAuditFailureRefuses(t *testing.T) {
	srv, c := startServer(t, testPolicy(), failingWriter{})
	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	status, body := immediate(t, e.requestBody(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{}}}`))
	if status != 200 || !strings.Contains(body, "audit") || !strings.Contains(body, `"id":1`) || !strings.Contains(body, `"error"`) {
		t.Fatalf("an allowed call went through unrecorded: %d %s", status, body)
	}
	if srv.Metrics == nil {
		t.Fatal("no metrics")
	}
}

const toolsList = `{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo"},{"name":"run_shell"}]}}`

func TestJSONToolsListFiltered(t *testing.T) {
	_, c := startServer(t, testPolicy(), &bytes.Buffer{})
	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	if r := e.requestBody(`{"jsonrpc":"2.0","id":2,"method":"tools/list"}`); r.GetRequestBody() == nil || r.GetRequestBody().GetResponse().GetBodyMutation() != nil {
		t.Fatalf("tools/list request not continued as it is: %v", r)
	}
	if rm := e.headers.GetRequestHeaders().GetResponse().GetHeaderMutation().GetRemoveHeaders(); len(rm) != 1 || rm[0] != "accept-encoding" {
		t.Errorf("accept-encoding not removed: %v", rm)
	}
	e.responseHeaders(":status", "200", "content-type", "application/json", "content-length", strconv.Itoa(len(toolsList)))
	r := e.responseBody(toolsList, true)
	cr := r.GetResponseBody().GetResponse()
	got := string(cr.GetBodyMutation().GetBody())
	want := `{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo"}]}}`
	if got != want {
		t.Fatalf("body %s, want %s", got, want)
	}
	set := cr.GetHeaderMutation().GetSetHeaders()
	if len(set) != 1 || set[0].GetHeader().GetKey() != "content-length" || string(set[0].GetHeader().GetRawValue()) != strconv.Itoa(len(want)) {
		t.Fatalf("content-length not fixed: %v", set)
	}
}

func TestSSEToolsListFilteredAcrossChunks(t *testing.T) {
	_, c := startServer(t, testPolicy(), &bytes.Buffer{})
	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	e.requestBody(`{"jsonrpc":"2.0","id":2,"method":"tools/list"}`)
	r := e.responseHeaders(":status", "200", "content-type", "text/event-stream")
	if rm := r.GetResponseHeaders().GetResponse().GetHeaderMutation().GetRemoveHeaders(); len(rm) != 1 || rm[0] != "content-length" {
		t.Errorf("content-length not removed: %v", rm)
	}
	prime := "id: p1\ndata: \n\n"
	event := "id: e1\nevent: message\ndata: " + toolsList + "\n\n"
	split := len(prime) + 30 // the tools/list event is cut in the middle

	first := e.responseBody((prime + event)[:split], false).GetResponseBody().GetResponse().GetBodyMutation()
	if got := string(first.GetBody()); got != prime {
		t.Fatalf("first chunk forwarded %q, want only the complete priming event %q", got, prime)
	}
	second := e.responseBody((prime + event)[split:], true).GetResponseBody().GetResponse().GetBodyMutation()
	want := "id: e1\nevent: message\ndata: " + `{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo"}]}}` + "\n\n"
	if got := string(second.GetBody()); got != want {
		t.Fatalf("second chunk forwarded %q, want %q", got, want)
	}
}

func TestSSEGarbageEventDropped(t *testing.T) {
	var log bytes.Buffer
	_, c := startServer(t, testPolicy(), &log)
	e := open(t, c, "demo")
	e.requestHeaders(true, ":method", "GET", ":path", "/mcp")
	e.responseHeaders(":status", "200", "content-type", "text/event-stream")
	r := e.responseBody("data: {not json\n\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\n", false)
	got := string(r.GetResponseBody().GetResponse().GetBodyMutation().GetBody())
	if strings.Contains(got, "not json") || !strings.Contains(got, "list_changed") {
		t.Fatalf("forwarded %q", got)
	}
	if !strings.Contains(log.String(), "event dropped") {
		t.Errorf("the dropped event is not audited: %s", log.String())
	}
}

func TestRequestHeaderRefusals(t *testing.T) {
	_, c := startServer(t, testPolicy(), &bytes.Buffer{})
	cases := []struct {
		name   string
		eos    bool
		kv     []string
		status int
	}{
		{"put", false, []string{":method", "PUT", "content-type", "application/json"}, 405},
		{"get with body", false, []string{":method", "GET"}, 400},
		{"delete with body", false, []string{":method", "DELETE"}, 400},
		{"post without body", true, []string{":method", "POST", "content-type", "application/json"}, 400},
		{"form post", false, []string{":method", "POST", "content-type", "application/x-www-form-urlencoded"}, 415},
		{"brotli", false, []string{":method", "POST", "content-type", "application/json", "content-encoding", "br"}, 415},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := open(t, c, "demo")
			r := e.requestHeaders(tc.eos, tc.kv...)
			if r == nil {
				r = e.answer()
			}
			status, body := immediate(t, r)
			if status != tc.status || !strings.Contains(body, `"jsonrpc":"2.0"`) {
				t.Fatalf("got %d %s, want %d", status, body, tc.status)
			}
		})
	}
}

func TestCompressedResponseRefused(t *testing.T) {
	_, c := startServer(t, testPolicy(), &bytes.Buffer{})
	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	e.requestBody(`{"jsonrpc":"2.0","id":9,"method":"tools/list"}`)
	e.responseHeaders(":status", "200", "content-type", "application/json", "content-encoding", "gzip")
	status, body := immediate(t, e.answer())
	if status != 502 || !strings.Contains(body, `"id":9`) {
		t.Fatalf("got %d %s", status, body)
	}
}
