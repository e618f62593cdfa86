package extproc

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/interceptors/webhook"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// Envoy runs no message timer in full-duplex mode; ext_proc refuses a
// decision that took longer than the policy's message timeout, even one a
// fail-open hook would have let through.
func TestDuplexMessageTimeout(t *testing.T) {
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(hook.Close)
	p := testPolicy()
	p.Limits.MessageTimeoutMillis = 100
	p.Servers[0].Webhooks = []webhook.Policy{{Name: "slow", Phase: "before", URL: hook.URL, TimeoutMillis: 5000, MaxBytes: 1 << 20, FailOpen: true, Mode: interceptors.Enforce}}
	var log bytes.Buffer
	srv := NewServer(NewMetrics(nil), audit.New(&log), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := srv.Policy.Update(p); err != nil {
		t.Fatal(err)
	}
	st := newStream(srv, "demo")
	step(t, st, reqHeaders(false, postHeaders...), 0)
	start := time.Now()
	out := step(t, st, reqChunk(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{}}}`, true), 1)
	if status, _ := immediate(t, out[0]); status != 504 {
		t.Fatalf("status %d, want 504", status)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("the hook was waited for %v; the deadline is 100ms", d)
	}
	if !strings.Contains(log.String(), `"rule":"timeout"`) {
		t.Errorf("the refusal is not audited: %s", log.String())
	}
}

// A stream past limits.maxConcurrentStreams is refused with its own reason:
// a POST with the caller's id once the body is read, a GET (an SSE stream,
// which has no id) at its headers. A stream within the limit passes.
func TestOverloadRefusedWithCallersID(t *testing.T) {
	p := testPolicy()
	p.Limits.MaxConcurrentStreams = 16
	srv := duplexServer(t, p)

	st := newStream(srv, "demo")
	st.admit(16)
	step(t, st, reqHeaders(false, postHeaders...), 0)
	if out := step(t, st, reqChunk(`{"jsonrpc":"2.0","id":"call-9","method":"tools/call","params":{"name":"echo","arguments":{}}}`, true), 2); out[0].GetImmediateResponse() != nil {
		t.Fatalf("the 16th stream of 16 must pass: %v", out[0])
	}

	st = newStream(srv, "demo")
	st.admit(17)
	step(t, st, reqHeaders(false, postHeaders...), 0)
	out := step(t, st, reqChunk(`{"jsonrpc":"2.0","id":"call-9","method":"tools/call","params":{"name":"echo","arguments":{}}}`, true), 1)
	status, body := immediate(t, out[0])
	if status != 503 || !strings.Contains(body, `"id":"call-9"`) || !strings.Contains(body, `"code":-32004`) || !strings.Contains(body, "limit of 16 concurrent requests") {
		t.Fatalf("overloaded POST: %d %s", status, body)
	}

	st = newStream(srv, "demo")
	st.admit(17)
	out = step(t, st, reqHeaders(true, ":method", "GET", ":path", "/mcp", "accept", "text/event-stream"), 1)
	if status, body := immediate(t, out[0]); status != 503 || !strings.Contains(body, `"code":-32004`) {
		t.Fatalf("overloaded GET: %d %s", status, body)
	}
	if got := testutil.ToFloat64(srv.Metrics.refused.WithLabelValues("demo", "overload")); got != 2 {
		t.Errorf("refused{reason=overload} = %v, want 2", got)
	}
}
