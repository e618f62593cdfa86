package extproc

import (
	"bytes"
	"context"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"google.golang.org/grpc/metadata"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// panicking is an interceptor with a bug: it panics on the messages of one
// direction and lets the others pass.
type panicking struct{ on interceptors.Direction }

func (panicking) Name() string { return "panicking" }

func (p panicking) Intercept(_ context.Context, x *interceptors.Exchange) error {
	if x.Direction == p.on {
		var m map[string]int
		m["boom"]++ // assignment to a nil map
	}
	return nil
}

// lockedBuffer collects audit lines written by the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// A panic while judging a request refuses that request with the caller's id
// and an audit record, and the process goes on serving other streams.
func TestPanicInRequestRefusesAndServerLivesOn(t *testing.T) {
	var log lockedBuffer
	srv, c := startServer(t, testPolicy(), &log)
	srv.Policy.load().chains["demo"] = interceptors.Chain{panicking{on: interceptors.ToServer}}

	call := `{"jsonrpc":"2.0","id":"call-7","method":"tools/call","params":{"name":"echo","arguments":{}}}`
	for i := range 2 { // the second stream proves the process survived the first panic
		s := open(t, c, "demo")
		s.requestHeaders(false, postHeaders...)
		status, body := immediate(t, s.requestBody(call))
		if status != 200 || !strings.Contains(body, `"id":"call-7"`) || !strings.Contains(body, `"code":-32603`) || !strings.Contains(body, "internal error") {
			t.Fatalf("stream %d: %d %s, want a JSON-RPC internal error with the caller's id", i, status, body)
		}
	}
	if got := strings.Count(log.String(), `"rule":"internal_error"`); got != 2 {
		t.Errorf("%d audit records name internal_error, want 2: %s", got, log.String())
	}
	if got := testutil.ToFloat64(srv.Metrics.refused.WithLabelValues("demo", "internal_error")); got != 2 {
		t.Errorf("refused{reason=internal_error} = %v, want 2", got)
	}
}

// A panic while judging the server's answer refuses the answer: the caller
// gets an error with its id, never the unjudged result.
func TestPanicInResponseRefusesTheAnswer(t *testing.T) {
	var log lockedBuffer
	srv, c := startServer(t, testPolicy(), &log)
	srv.Policy.load().chains["demo"] = interceptors.Chain{panicking{on: interceptors.ToClient}}

	s := open(t, c, "demo")
	s.requestHeaders(false, postHeaders...)
	call := `{"jsonrpc":"2.0","id":41,"method":"tools/call","params":{"name":"echo","arguments":{}}}`
	if r := s.requestBody(call); r.GetImmediateResponse() != nil {
		t.Fatalf("the request must pass: %v", r)
	}
	s.responseHeaders(":status", "200", "content-type", "application/json")
	result := `{"jsonrpc":"2.0","id":41,"result":{"content":[{"type":"text","text":"secret result"}]}}`
	status, body := immediate(t, s.responseBody(result, true))
	if status != 200 || !strings.Contains(body, `"id":41`) || strings.Contains(body, "secret result") {
		t.Fatalf("%d %s, want a refusal with id 41 and without the result", status, body)
	}
	if !strings.Contains(log.String(), `"rule":"internal_error"`) {
		t.Errorf("no audit record of the refusal: %s", log.String())
	}
}

// A request body that cannot be read for an id is refused without one.
func TestRequestIDOf(t *testing.T) {
	for body, want := range map[string]string{
		`{"jsonrpc":"2.0","id":"a","method":"x"}`: `"a"`,
		`{"jsonrpc":"2.0","id":-3,"method":"x"}`:  `-3`,
		`{"jsonrpc":"2.0","id":null}`:             ``,
		`{"id":{"nested":1}}`:                     ``,
		`[{"id":1},{"id":2}]`:                     ``,
		`not json`:                                ``,
	} {
		if got := string(requestIDOf([]byte(body))); got != want {
			t.Errorf("requestIDOf(%s) = %q, want %q", body, got, want)
		}
	}
}

type panickingResolver struct{}

func (panickingResolver) LookupNetIP(context.Context, string, string) ([]netip.Addr, error) {
	panic("resolver bug")
}

// A panic while deciding an egress request refuses the connection, audits
// it, and leaves the process serving.
func TestPanicInEgressRefuses(t *testing.T) {
	var log lockedBuffer
	srv, c := startServer(t, testPolicy(), &log)
	g, err := egress.NewGate(&egress.Network{Allow: []string{"example.com"}}, panickingResolver{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv.Policy.load().gates["demo"] = g
	for i := range 2 {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		ctx = metadata.AppendToOutgoingContext(ctx, contract.ServerHeader, "demo", contract.ListenerHeader, contract.ListenerEgress)
		s, err := c.Process(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Send(&extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_RequestHeaders{RequestHeaders: &extprocv3.HttpHeaders{
			Headers: hdrs(":method", "CONNECT", ":authority", "example.com:443"), EndOfStream: true}}}); err != nil {
			t.Fatal(err)
		}
		r, err := s.Recv()
		if err != nil {
			t.Fatalf("stream %d: %v", i, err)
		}
		if ir := r.GetImmediateResponse(); ir == nil || ir.GetStatus().GetCode() != 500 || !strings.Contains(string(ir.GetBody()), "internal error") {
			t.Fatalf("stream %d: %v, want a 500 refusal", i, r)
		}
	}
	if got := strings.Count(log.String(), `"rule":"internal_error"`); got != 2 {
		t.Errorf("%d audit records name internal_error, want 2: %s", got, log.String())
	}
}
