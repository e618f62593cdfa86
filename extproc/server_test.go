package extproc

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
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
