package extproc

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"
	"google.golang.org/grpc/metadata"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// benchServer has the default chain and an audit sink that costs nothing,
// so the figures are ext_proc's own work per message.
func benchServer(b *testing.B) *Server {
	srv := NewServer(NewMetrics(nil), audit.New(io.Discard), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := srv.Policy.Update(testPolicy()); err != nil {
		b.Fatal(err)
	}
	return srv
}

func requestPhases(body string) (*extprocv3.ProcessingRequest, *extprocv3.ProcessingRequest) {
	return &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_RequestHeaders{RequestHeaders: &extprocv3.HttpHeaders{Headers: hdrs(postHeaders...)}}},
		&extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_RequestBody{RequestBody: &extprocv3.HttpBody{Body: []byte(body), EndOfStream: true}}}
}

// BenchmarkToolsCall1KB is the pre-call path of one allowed 1 KB tools/call:
// headers, strict parse, chain, audit line.
func BenchmarkToolsCall1KB(b *testing.B) {
	srv := benchServer(b)
	body := `{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"echo","arguments":{"text":"` + strings.Repeat("x", 900) + `"},"_meta":{"progressToken":"p-42"}}}`
	h, bd := requestPhases(body)
	ctx := context.Background()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		st := newStream(srv, "demo")
		st.handle(ctx, h)
		if out, _ := st.handle(ctx, bd); len(out) != 2 || out[1].GetRequestBody() == nil {
			b.Fatal("call not allowed")
		}
	}
}

// BenchmarkToolsListResponse filters a 50-tool tools/list JSON response.
func BenchmarkToolsListResponse(b *testing.B) {
	srv := benchServer(b)
	var tools []string
	for i := range 50 {
		name := "echo"
		if i%2 == 1 {
			name = "tool_" + strings.Repeat("n", i%7+1)
		}
		tools = append(tools, `{"name":"`+name+`","description":"`+strings.Repeat("d", 120)+`","inputSchema":{"type":"object","properties":{"a":{"type":"string"}}}}`)
	}
	resp := `{"jsonrpc":"2.0","id":2,"result":{"tools":[` + strings.Join(tools, ",") + `]}}`
	h, bd := requestPhases(`{"jsonrpc":"2.0","id":2,"method":"tools/list"}`)
	rh := &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseHeaders{ResponseHeaders: &extprocv3.HttpHeaders{Headers: hdrs(":status", "200", "content-type", "application/json")}}}
	rb := &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseBody{ResponseBody: &extprocv3.HttpBody{Body: []byte(resp), EndOfStream: true}}}
	ctx := context.Background()
	b.SetBytes(int64(len(resp)))
	b.ReportAllocs()
	for b.Loop() {
		st := newStream(srv, "demo")
		st.handle(ctx, h)
		st.handle(ctx, bd)
		st.handle(ctx, rh)
		if out, _ := st.handle(ctx, rb); len(out) != 2 || len(headersCommon(out[0]).GetHeaderMutation().GetSetHeaders()) == 0 {
			b.Fatal("list not filtered")
		}
	}
}

// BenchmarkGRPCToolsCall drives the ExternalProcessor over real gRPC on
// loopback the way Envoy does for one allowed tools/call answered with JSON:
// one stream; request headers and body sent together, two answers (headers,
// body); then the same for the response, whose result is 1 KB or 100 KB.
func BenchmarkGRPCToolsCall(b *testing.B) {
	for _, size := range []int{1 << 10, 100 << 10} {
		b.Run(fmt.Sprintf("result=%dKB", size>>10), func(b *testing.B) { benchGRPCToolsCall(b, size) })
	}
}

func benchGRPCToolsCall(b *testing.B, resultBytes int) {
	_, c := startServer(b, testPolicy(), io.Discard)
	body := `{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"echo","arguments":{"text":"` + strings.Repeat("x", 900) + `"}}}`
	result := `{"jsonrpc":"2.0","id":42,"result":{"content":[{"type":"text","text":"` + strings.Repeat("x", resultBytes-124) + `"}]}}`
	h, bd := requestPhases(body)
	rh := &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseHeaders{ResponseHeaders: &extprocv3.HttpHeaders{Headers: hdrs(":status", "200", "content-type", "application/json")}}}
	rb := &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseBody{ResponseBody: &extprocv3.HttpBody{Body: []byte(result), EndOfStream: true}}}
	ctx := metadata.AppendToOutgoingContext(context.Background(), contract.ServerHeader, "demo")
	b.SetBytes(int64(len(body) + len(result)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := c.Process(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for _, pair := range [][2]*extprocv3.ProcessingRequest{{h, bd}, {rh, rb}} {
			for _, req := range pair {
				if err := s.Send(req); err != nil {
					b.Fatal(err)
				}
			}
			for range 2 {
				if _, err := s.Recv(); err != nil {
					b.Fatal(err)
				}
			}
		}
		if err := s.CloseSend(); err != nil {
			b.Fatal(err)
		}
	}
}

// fullPolicy turns on every built-in interceptor (webhooks aside: they are
// a network call by design).
func fullPolicy() *ir.Policy {
	p := testPolicy()
	s := &p.Servers[0]
	s.Tools = allowlist.Policy{Allow: []string{"echo", "fetch"}}
	s.Arguments = arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit, Rules: []arguments.Rule{
		{Tool: "echo", Argument: "text", Mode: interceptors.Enforce, MaxLength: 4096, Deny: []string{`\.\./`}},
	}}
	s.Content = chain.Content{
		Secrets: &secrets.Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact},
		PII: []pii.Rule{
			{Kind: pii.KindEmail, Action: interceptors.ActionRedact, Mode: interceptors.Enforce},
			{Kind: pii.KindCard, Action: interceptors.ActionRedact, Mode: interceptors.Enforce},
		},
	}
	s.Poisoning = &poisoning.Policy{Mode: interceptors.Enforce, Action: interceptors.ActionHide, MaxDescriptionBytes: 4096}
	s.Egress = &egress.Policy{Mode: interceptors.Enforce, Detect: true, Allow: []string{"api.github.com"}, Schemes: []string{"https"}}
	return p
}

// BenchmarkFullChainToolsCall1KB is the pre-call path of a 1 KB tools/call
// with every built-in interceptor on: allowlist, poisoning, arguments
// (schema learned from tools/list plus a rule), egress, secrets, PII, and
// the audit line.
func BenchmarkFullChainToolsCall1KB(b *testing.B) {
	srv := NewServer(NewMetrics(nil), audit.New(io.Discard), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := srv.Policy.Update(fullPolicy()); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	// Let the catalog learn echo's schema, as a tools/list answer would.
	lh, lb := requestPhases(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`)
	st := newStream(srv, "demo")
	st.handle(ctx, lh)
	st.handle(ctx, lb)
	st.handle(ctx, &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseHeaders{ResponseHeaders: &extprocv3.HttpHeaders{Headers: hdrs(":status", "200", "content-type", "application/json")}}})
	st.handle(ctx, &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseBody{ResponseBody: &extprocv3.HttpBody{EndOfStream: true,
		Body: []byte(`{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"echo","description":"Returns the text it is given.","inputSchema":{"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}}]}}`)}}})

	text := "Summarise the quarterly report for the team and keep it short. " + strings.Repeat("The numbers look fine overall. ", 28)
	body := `{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"echo","arguments":{"text":"` + text + `"},"_meta":{"progressToken":"p-42"}}}`
	h, bd := requestPhases(body)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		st := newStream(srv, "demo")
		st.handle(ctx, h)
		if out, _ := st.handle(ctx, bd); len(out) != 2 || out[1].GetRequestBody() == nil {
			b.Fatalf("call not allowed: %v", out)
		}
	}
}

// BenchmarkToolResult100KB judges a 100 KB tools/call result, as JSON and
// as one SSE event; the body arrives in the 16 KB chunks Envoy forwards.
func BenchmarkToolResult100KB(b *testing.B) {
	srv := benchServer(b)
	result := `{"jsonrpc":"2.0","id":42,"result":{"content":[{"type":"text","text":"` + strings.Repeat("x", 100<<10-124) + `"}]}}`
	h, bd := requestPhases(`{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`)
	for _, mode := range []struct{ name, contentType, body string }{
		{"json", "application/json", result},
		{"sse", "text/event-stream", "event: message\ndata: " + result + "\n\n"},
	} {
		b.Run(mode.name, func(b *testing.B) {
			rh := &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseHeaders{ResponseHeaders: &extprocv3.HttpHeaders{Headers: hdrs(":status", "200", "content-type", mode.contentType)}}}
			var chunks []*extprocv3.ProcessingRequest
			for rest := mode.body; len(rest) > 0; {
				n := min(len(rest), 16<<10)
				chunks = append(chunks, &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseBody{ResponseBody: &extprocv3.HttpBody{Body: []byte(rest[:n]), EndOfStream: n == len(rest)}}})
				rest = rest[n:]
			}
			ctx := context.Background()
			b.SetBytes(int64(len(mode.body)))
			b.ReportAllocs()
			for b.Loop() {
				st := newStream(srv, "demo")
				st.handle(ctx, h)
				st.handle(ctx, bd)
				st.handle(ctx, rh)
				forwarded := 0
				for _, c := range chunks {
					out, _ := st.handle(ctx, c)
					for _, r := range out {
						forwarded += len(r.GetResponseBody().GetResponse().GetBodyMutation().GetStreamedResponse().GetBody())
					}
				}
				if forwarded != len(mode.body) {
					b.Fatalf("forwarded %d of %d bytes", forwarded, len(mode.body))
				}
			}
		})
	}
}
