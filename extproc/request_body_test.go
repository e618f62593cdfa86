package extproc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
	"github.com/mcpmesh/mcpmesh/interceptors/webhook"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

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

// fakeToken looks like a GitHub token; it is assembled at run time so the
// repository holds no string that looks like a credential.
func fakeToken() string { return "ghp_" + strings.Repeat("a1B2c3D4e5", 3) + "f6G7h8" }

// respondPolicy has a before-hook at url for the tool "echo" and redacts
// secrets in results.
func respondPolicy(url string, mode interceptors.Mode) *ir.Policy {
	p := testPolicy()
	s := &p.Servers[0]
	s.Tools.Allow = []string{"echo", "other"}
	s.Webhooks = []webhook.Policy{{Name: "answer", Phase: "before", URL: url, Tools: []string{"echo"}, TimeoutMillis: 1000, MaxBytes: 1 << 20, Mode: mode}}
	s.Content.Secrets = &secrets.Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact}
	return p
}

func respondHook(t *testing.T) (string, *atomic.Int32) {
	var n atomic.Int32
	h := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		fmt.Fprintf(w, `{"decision":"respond","result":{"content":[{"type":"text","text":"cached: token %s"}]}}`, fakeToken())
	}))
	t.Cleanup(h.Close)
	return h.URL, &n
}

func TestWebhookRespond(t *testing.T) {
	url, calls := respondHook(t)
	var log bytes.Buffer
	_, c := startServer(t, respondPolicy(url, interceptors.Enforce), &log)

	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	r := e.requestBody(`{"jsonrpc":"2.0","id":"a-7","method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`)
	status, body := immediate(t, r)
	var resp struct {
		ID     string `json:"id"`
		Result struct {
			Content []struct{ Text string } `json:"content"`
		} `json:"result"`
		Error json.RawMessage `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &resp); err != nil || status != 200 || resp.ID != "a-7" || resp.Error != nil || len(resp.Result.Content) != 1 {
		t.Fatalf("answer: %d %s %v", status, body, err)
	}
	if text := resp.Result.Content[0].Text; strings.Contains(text, fakeToken()) || !strings.Contains(text, "cached: token [REDACTED:") {
		t.Fatalf("the hook's secret was not redacted: %q", text)
	}
	var decision, ctype string
	for _, h := range r.GetImmediateResponse().GetHeaders().GetSetHeaders() {
		switch h.GetHeader().GetKey() {
		case "x-mcpmesh-decision":
			decision = string(h.GetHeader().GetRawValue())
		case "content-type":
			ctype = string(h.GetHeader().GetRawValue())
		}
	}
	if decision != "respond" || ctype != "application/json" {
		t.Errorf("headers: decision %q, content type %q", decision, ctype)
	}
	audit := log.String()
	if !strings.Contains(audit, `"decision":"respond"`) || !strings.Contains(audit, `"rule":"webhook.answer"`) || strings.Contains(audit, fakeToken()) {
		t.Errorf("audit: %s", audit)
	}
	if !strings.Contains(audit, `"direction":"to_client"`) || !strings.Contains(audit, `"decision":"modify"`) {
		t.Errorf("the redaction of the answer is not recorded: %s", audit)
	}

	// In a batch the answered call gets its result and the rest is refused,
	// as with a denial: nothing of the batch reaches the server.
	e = open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	status, body = immediate(t, e.requestBody(`[{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{}}},`+
		`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"other","arguments":{}}},{"jsonrpc":"2.0","method":"notifications/progress","params":{}}]`))
	var batch []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &batch); err != nil || status != 200 || len(batch) != 2 {
		t.Fatalf("batch: %d %s", status, body)
	}
	if string(batch[0]["id"]) != "1" || batch[0]["result"] == nil || string(batch[1]["id"]) != "2" || !strings.Contains(string(batch[1]["error"]), "answered by a webhook") {
		t.Fatalf("batch answers: %s", body)
	}

	// A call without an id cannot be answered; it is refused, not forwarded.
	e = open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	if status, _ := immediate(t, e.requestBody(`{"jsonrpc":"2.0","method":"tools/call","params":{"name":"echo","arguments":{}}}`)); status != 403 {
		t.Fatalf("notification: %d", status)
	}

	// Other tools are not sent to the hook and go on to the server.
	n := calls.Load()
	e = open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	if r := e.requestBody(`{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"other","arguments":{}}}`); r.GetRequestBody() == nil || calls.Load() != n {
		t.Fatalf("other tool: %v", r)
	}
}

func TestWebhookRespondAudit(t *testing.T) {
	url, calls := respondHook(t)
	var log bytes.Buffer
	_, c := startServer(t, respondPolicy(url, interceptors.AuditOnly), &log)
	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	r := e.requestBody(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{}}}`)
	if r.GetRequestBody() == nil || r.GetRequestBody().GetResponse().GetBodyMutation() != nil || calls.Load() != 1 {
		t.Fatalf("audit mode must forward the call unchanged: %v (hook calls %d)", r, calls.Load())
	}
	if !strings.Contains(log.String(), `"action":"respond","mode":"audit"`) || !strings.Contains(log.String(), `"decision":"allow"`) {
		t.Errorf("audit: %s", log.String())
	}
}
