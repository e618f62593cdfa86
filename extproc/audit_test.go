package extproc

import (
	"strings"
	"testing"
)

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
