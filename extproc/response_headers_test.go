package extproc

import (
	"bytes"
	"strings"
	"testing"
)

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
