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
