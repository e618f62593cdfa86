package extproc

import (
	"bytes"
	"strings"
	"testing"
)

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
