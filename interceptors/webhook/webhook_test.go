package webhook

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// hookServer answers every call with status and body, after delay, and
// keeps what it was sent.
type hookServer struct {
	*httptest.Server
	mu     sync.Mutex
	got    []map[string]any
	raw    []string
	ctype  string
	status int
	body   string
	delay  time.Duration
}

func newServer(t *testing.T, status int, body string) *hookServer {
	h := &hookServer{status: status, body: body}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil || r.Method != http.MethodPost {
			t.Errorf("hook got %s %q", r.Method, data)
		}
		h.mu.Lock()
		h.got = append(h.got, m)
		h.raw = append(h.raw, string(data))
		h.ctype = r.Header.Get("Content-Type")
		h.mu.Unlock()
		if h.delay > 0 {
			select {
			case <-time.After(h.delay):
			case <-r.Context().Done():
				return
			}
		}
		w.WriteHeader(h.status)
		io.WriteString(w, h.body)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hookServer) calls() []map[string]any {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]map[string]any(nil), h.got...)
}

func (h *hookServer) lastRaw() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.raw) == 0 {
		return ""
	}
	return h.raw[len(h.raw)-1]
}

func newHook(t *testing.T, wh Policy, url string) *Hook {
	t.Helper()
	wh.URL = url
	if wh.Name == "" {
		wh.Name = "policy"
	}
	if wh.TimeoutMillis == 0 {
		wh.TimeoutMillis = 100
	}
	k, err := New(wh, nil)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

const params = `{"name":"fetch","arguments":{"url":"https://example.com","n":1},"_meta":{"progressToken":7}}`

func toolRequest(tool string) *interceptors.Exchange {
	p := strings.Replace(params, `"fetch"`, `"`+tool+`"`, 1)
	return &interceptors.Exchange{
		Server: "srv", Direction: interceptors.ToServer, Method: "tools/call", Tool: tool,
		Message: &jsonrpc.Message{ID: jsontext.Value("3"), Method: "tools/call", Params: jsontext.Value(p)},
	}
}

const result = `{"content":[{"type":"text","text":"hello"}],"isError":false}`

func response(tool string) *interceptors.Exchange {
	return &interceptors.Exchange{
		Server: "srv", Direction: interceptors.ToClient, Method: "tools/call", Tool: tool,
		Message: &jsonrpc.Message{ID: jsontext.Value("3"), Result: jsontext.Value(result)},
	}
}

func intercept(t *testing.T, k *Hook, x *interceptors.Exchange) *interceptors.Exchange {
	t.Helper()
	if err := k.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	return x
}

func TestBeforeAllowAndContract(t *testing.T) {
	s := newServer(t, 200, `{"decision":"allow","extra":true}`)
	k := newHook(t, Policy{Phase: Before}, s.URL)
	x := toolRequest("fetch")
	ctx := WithSessionID(context.Background(), "sess-1")
	if err := k.Intercept(ctx, x); err != nil {
		t.Fatal(err)
	}
	if x.Action != interceptors.Allow || len(x.Findings) != 0 {
		t.Fatalf("allow: %v %+v", x.Action, x.Findings)
	}
	got := s.calls()
	if len(got) != 1 || s.ctype != "application/json" {
		t.Fatalf("calls %v, content type %q", got, s.ctype)
	}
	want := map[string]any{"version": 1.0, "phase": "before", "server": "srv", "tool": "fetch", "sessionId": "sess-1",
		"arguments": map[string]any{"url": "https://example.com", "n": 1.0}}
	if !equalJSON(got[0], want) {
		t.Fatalf("request %v, want %v", got[0], want)
	}
	// Without a session id, and with no arguments: "arguments":{} is sent.
	x = toolRequest("fetch")
	x.Message.Params = jsontext.Value(`{"name":"fetch"}`)
	intercept(t, k, x)
	got = s.calls()
	if _, ok := got[1]["sessionId"]; ok || !equalJSON(got[1]["arguments"], map[string]any{}) {
		t.Fatalf("request %v", got[1])
	}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestBeforeDeny(t *testing.T) {
	s := newServer(t, 200, `{"decision":"deny","message":"no fetching\nof that"}`)
	k := newHook(t, Policy{Phase: Before}, s.URL)
	x := intercept(t, k, toolRequest("fetch"))
	if x.Action != interceptors.Deny || x.Rule != "webhook.policy" || !strings.Contains(x.Reason, "no fetching of that") {
		t.Fatalf("deny: %v %q %q", x.Action, x.Rule, x.Reason)
	}
}

func TestBeforeRewrite(t *testing.T) {
	s := newServer(t, 200, `{"decision":"rewrite","arguments":{"url":"https://safe.example.com"}}`)
	k := newHook(t, Policy{Phase: Before}, s.URL)
	x := intercept(t, k, toolRequest("fetch"))
	if x.Action != interceptors.Modify {
		t.Fatalf("rewrite: %v %+v", x.Action, x.Findings)
	}
	want := `{"name":"fetch","arguments":{"url":"https://safe.example.com"},"_meta":{"progressToken":7}}`
	if string(x.Message.Params) != want {
		t.Fatalf("params %s", x.Message.Params)
	}
	tc, err := x.Message.ToolCall()
	if err != nil || tc.Name != "fetch" || string(x.Message.ID) != "3" {
		t.Fatalf("rewritten call: %v %+v", err, tc)
	}
	// Arguments added where there were none.
	x = toolRequest("fetch")
	x.Message.Params = jsontext.Value(`{"name":"fetch"}`)
	intercept(t, k, x)
	if string(x.Message.Params) != `{"name":"fetch","arguments":{"url":"https://safe.example.com"}}` {
		t.Fatalf("params %s", x.Message.Params)
	}
	// Arguments that are not an object are a failure.
	s.body = `{"decision":"rewrite","arguments":[1]}`
	x = intercept(t, k, toolRequest("fetch"))
	if x.Action != interceptors.Deny || x.Rule != "webhook.policy.failure" {
		t.Fatalf("bad rewrite: %v %q", x.Action, x.Rule)
	}
	// "replace" belongs to after hooks.
	s.body = `{"decision":"replace","result":{}}`
	x = intercept(t, k, toolRequest("fetch"))
	if x.Action != interceptors.Deny || x.Rule != "webhook.policy.failure" {
		t.Fatalf("replace before: %v %q", x.Action, x.Rule)
	}
}

func TestAfter(t *testing.T) {
	s := newServer(t, 200, `{"decision":"replace","result":{"content":[{"type":"text","text":"[removed]"}]}}`)
	k := newHook(t, Policy{Phase: After}, s.URL)
	// A request is not for an after hook.
	if x := intercept(t, k, toolRequest("fetch")); x.Action != interceptors.Allow || len(s.calls()) != 0 {
		t.Fatal("after hook called for a request")
	}
	x := intercept(t, k, response("fetch"))
	if x.Action != interceptors.Modify || string(x.Message.Result) != `{"content":[{"type":"text","text":"[removed]"}]}` || string(x.Message.ID) != "3" {
		t.Fatalf("replace: %v %s", x.Action, x.Message.Result)
	}
	got := s.calls()[0]
	if !equalJSON(got, map[string]any{"version": 1.0, "phase": "after", "server": "srv", "tool": "fetch",
		"result": map[string]any{"content": []any{map[string]any{"type": "text", "text": "hello"}}, "isError": false}}) {
		t.Fatalf("request %v", got)
	}
	// Only tools/call responses with a result.
	x = response("fetch")
	x.Method = "resources/read"
	intercept(t, k, x)
	x = response("fetch")
	x.Message.Result, x.Message.Error = nil, jsontext.Value(`{"code":1,"message":"m"}`)
	intercept(t, k, x)
	if n := len(s.calls()); n != 1 {
		t.Fatalf("%d calls", n)
	}
	// Deny refuses the result; rewrite is for before hooks.
	s.body = `{"decision":"deny"}`
	if x := intercept(t, k, response("fetch")); x.Action != interceptors.Deny || x.Rule != "webhook.policy" {
		t.Fatalf("deny: %v", x.Action)
	}
	s.body = `{"decision":"rewrite","arguments":{}}`
	if x := intercept(t, k, response("fetch")); x.Rule != "webhook.policy.failure" {
		t.Fatalf("rewrite after: %v %q", x.Action, x.Rule)
	}
	s.body = `{"decision":"replace","result":"text"}`
	if x := intercept(t, k, response("fetch")); x.Rule != "webhook.policy.failure" {
		t.Fatalf("replace with a string: %v %q", x.Action, x.Rule)
	}
}

func TestFailures(t *testing.T) {
	cases := []struct {
		name, why string
		status    int
		body      string
		delay     time.Duration
		maxBytes  int
	}{
		{"timeout", "timeout", 200, `{"decision":"allow"}`, 2 * time.Second, 0},
		{"status", "HTTP status 500", 500, `{"decision":"allow"}`, 0, 0},
		{"redirect", "HTTP status 302", 302, ``, 0, 0},
		{"large", "larger than 64 bytes", 200, `{"decision":"allow","message":"` + strings.Repeat("x", 100) + `"}`, 0, 64},
		{"invalid", "not a valid JSON", 200, `{"decision":"allow"`, 0, 0},
		{"duplicate", "not a valid JSON", 200, `{"decision":"deny","decision":"allow"}`, 0, 0},
		{"array", "not a valid JSON", 200, `["allow"]`, 0, 0},
		{"unknown", `unknown decision "maybe"`, 200, `{"decision":"maybe"}`, 0, 0},
		{"case", `unknown decision ""`, 200, `{"Decision":"allow"}`, 0, 0},
		{"empty", `unknown decision ""`, 200, `null`, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t, tc.status, tc.body)
			s.delay = tc.delay
			if tc.status == 302 {
				s.Config.Handler = http.RedirectHandler(s.URL+"/elsewhere", http.StatusFound)
			}
			u := strings.Replace(s.URL, "http://", "http://user:s3cret@", 1)
			for _, open := range []bool{false, true} {
				k := newHook(t, Policy{Phase: Before, FailOpen: open, MaxBytes: tc.maxBytes}, u)
				start := time.Now()
				x := intercept(t, k, toolRequest("fetch"))
				if d := time.Since(start); d > time.Second {
					t.Fatalf("took %v", d)
				}
				if len(x.Findings) != 1 {
					t.Fatalf("findings %+v", x.Findings)
				}
				f := x.Findings[0]
				if f.Rule != "webhook.policy.failure" || !strings.Contains(f.Detail, tc.why) ||
					!strings.Contains(f.Detail, `webhook "policy"`) || strings.Contains(f.Detail, "s3cret") || strings.Contains(f.Detail, "127.0.0.1") {
					t.Fatalf("finding %+v", f)
				}
				if open {
					if x.Action != interceptors.Allow || f.Action != "audit" {
						t.Fatalf("fail-open: %v %+v", x.Action, f)
					}
				} else if x.Action != interceptors.Deny || f.Action != "block" || strings.Contains(x.Reason, "s3cret") {
					t.Fatalf("fail-closed: %v %+v %q", x.Action, f, x.Reason)
				}
			}
		})
	}
}

func TestConnectionError(t *testing.T) {
	s := newServer(t, 200, `{"decision":"allow"}`)
	url := s.URL
	s.Close()
	k := newHook(t, Policy{Phase: Before}, url)
	x := intercept(t, k, toolRequest("fetch"))
	if x.Action != interceptors.Deny || !strings.Contains(x.Reason, "connection error") || strings.Contains(x.Reason, "127.0.0.1") {
		t.Fatalf("%v %q", x.Action, x.Reason)
	}
}

func TestAudit(t *testing.T) {
	s := newServer(t, 200, `{"decision":"deny","message":"nope"}`)
	k := newHook(t, Policy{Phase: Before, Mode: interceptors.AuditOnly}, s.URL)
	for _, body := range []string{`{"decision":"deny","message":"nope"}`, `{"decision":"rewrite","arguments":{"a":1}}`, `{"decision":"allow"}`, `oops`} {
		s.body = body
		x := toolRequest("fetch")
		orig := x.Message
		intercept(t, k, x)
		if x.Action != interceptors.Allow || x.Message != orig || len(x.Findings) != 1 || x.Findings[0].Mode != "audit" {
			t.Fatalf("%s: %v %+v", body, x.Action, x.Findings)
		}
	}
	k = newHook(t, Policy{Phase: After, Mode: interceptors.AuditOnly}, s.URL)
	s.body = `{"decision":"replace","result":{"content":[]}}`
	x := intercept(t, k, response("fetch"))
	if x.Action != interceptors.Allow || string(x.Message.Result) != result || x.Findings[0].Action != "redact" {
		t.Fatalf("after audit: %v %+v", x.Action, x.Findings)
	}
}

func TestToolFilter(t *testing.T) {
	s := newServer(t, 200, `{"decision":"deny"}`)
	k := newHook(t, Policy{Phase: Before, Tools: []string{"fetch*", "get_?"}}, s.URL)
	for tool, called := range map[string]bool{"fetch": true, "fetch_url": true, "get_x": true, "get_xy": false, "run": false} {
		n := len(s.calls())
		x := intercept(t, k, toolRequest(tool))
		if (len(s.calls()) > n) != called || (x.Action == interceptors.Deny) != called {
			t.Errorf("%s: called %v, action %v", tool, len(s.calls()) > n, x.Action)
		}
	}
	// Other methods are never sent.
	x := toolRequest("fetch")
	x.Method, x.Message.Method, x.Tool = "tools/list", "tools/list", ""
	n := len(s.calls())
	intercept(t, k, x)
	if len(s.calls()) != n {
		t.Fatal("tools/list sent to the hook")
	}
}

func TestNewErrors(t *testing.T) {
	for _, h := range []Policy{
		{Phase: Before, URL: "http://h/"},
		{Name: "n", Phase: "during", URL: "http://h/"},
		{Name: "n", Phase: Before, URL: "ftp://h/"},
		{Name: "n", Phase: Before, URL: "/relative"},
		{Name: "n", Phase: Before, URL: "http://h/", TimeoutMillis: -1},
		{Name: "n", Phase: Before, URL: "http://h/", MaxBytes: -1},
		{Name: "n", Phase: Before, URL: "http://h/", Mode: "shadow"},
		{Name: "n", Phase: Before, URL: "http://h/", Tools: []string{""}},
	} {
		if _, err := New(h, nil); err == nil {
			t.Errorf("New(%+v): no error", h)
		}
	}
	_, err := New(Policy{Name: "n", Phase: "x", URL: "http://user:s3cret@h/"}, nil)
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Fatal(err)
	}
	_, err = New(Policy{Name: "n", Phase: Before, URL: "http://user:s3cret@h:bad/"}, nil)
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Fatal(err)
	}
	// A client of the caller's is copied, with redirects off.
	c := &http.Client{}
	k, err := New(Policy{Name: "n", Phase: Before, URL: "http://h/"}, c)
	if err != nil || c.CheckRedirect != nil || k.client == c || k.client.CheckRedirect == nil {
		t.Fatal("client not copied")
	}
}

func TestBeforeRespond(t *testing.T) {
	const answer = `{"content":[{"type":"text","text":"from the hook"}],"isError":false}`
	s := newServer(t, 200, `{"decision":"respond","result":`+answer+`}`)
	k := newHook(t, Policy{Phase: Before}, s.URL)
	x := toolRequest("fetch")
	orig := x.Message
	intercept(t, k, x)
	if x.Action != interceptors.Respond || string(x.Reply) != answer || x.Rule != "webhook.policy" || !strings.Contains(x.Reason, `webhook "policy"`) {
		t.Fatalf("respond: %v %s %q %q", x.Action, x.Reply, x.Rule, x.Reason)
	}
	if x.Message != orig {
		t.Fatal("the request was changed")
	}
	if len(x.Findings) != 1 || x.Findings[0].Action != "respond" || x.Findings[0].Mode != "enforce" {
		t.Fatalf("findings %+v", x.Findings)
	}
	// The chain stops: nothing after the hook judges a call that goes nowhere.
	later := &recorder{}
	x = toolRequest("fetch")
	if err := (interceptors.Chain{k, later}).Run(context.Background(), x); err != nil || later.n != 0 || x.Action != interceptors.Respond {
		t.Fatalf("chain ran on after a respond: %v %d %v", err, later.n, x.Action)
	}

	for _, tc := range []struct{ name, body, why string }{
		{"no result", `{"decision":"respond"}`, `"respond" needs "result" as an object`},
		{"string result", `{"decision":"respond","result":"text"}`, `"respond" needs "result" as an object`},
		{"array result", `{"decision":"respond","result":[]}`, `"respond" needs "result" as an object`},
		{"duplicate names", `{"decision":"respond","result":{"a":1,"a":2}}`, "not a valid JSON object"},
	} {
		s.body = tc.body
		x := intercept(t, k, toolRequest("fetch"))
		if x.Action != interceptors.Deny || x.Rule != "webhook.policy.failure" || !strings.Contains(x.Reason, tc.why) {
			t.Errorf("%s: %v %q %q", tc.name, x.Action, x.Rule, x.Reason)
		}
	}
	// The size cap covers the result.
	big := newServer(t, 200, `{"decision":"respond","result":{"content":[{"type":"text","text":"`+strings.Repeat("x", 2000)+`"}]}}`)
	k = newHook(t, Policy{Phase: Before, MaxBytes: 1024}, big.URL)
	if x := intercept(t, k, toolRequest("fetch")); x.Action != interceptors.Deny || !strings.Contains(x.Reason, "larger than 1024 bytes") {
		t.Fatalf("too large: %v %q", x.Action, x.Reason)
	}
	// "respond" belongs to before hooks.
	s.body = `{"decision":"respond","result":{}}`
	k = newHook(t, Policy{Phase: After}, s.URL)
	if x := intercept(t, k, response("fetch")); x.Action != interceptors.Deny || x.Rule != "webhook.policy.failure" || !strings.Contains(x.Reason, "only for before hooks") {
		t.Fatalf("respond after: %v %q", x.Action, x.Reason)
	}
	// Audit mode: recorded, the call goes on unchanged.
	k = newHook(t, Policy{Phase: Before, Mode: interceptors.AuditOnly}, s.URL)
	x = toolRequest("fetch")
	orig = x.Message
	intercept(t, k, x)
	if x.Action != interceptors.Allow || x.Reply != nil || x.Message != orig || len(x.Findings) != 1 ||
		x.Findings[0].Action != "respond" || x.Findings[0].Mode != "audit" || !strings.Contains(x.Findings[0].Detail, "would answer") {
		t.Fatalf("audit respond: %v %+v", x.Action, x.Findings)
	}
}

// recorder counts the messages it sees.
type recorder struct{ n int }

func (r *recorder) Name() string { return "recorder" }
func (r *recorder) Intercept(context.Context, *interceptors.Exchange) error {
	r.n++
	return nil
}

func TestDockerCompat(t *testing.T) {
	s := newServer(t, 200, "")
	k := newHook(t, Policy{Phase: Before, Compat: CompatDocker}, s.URL)
	x := toolRequest("fetch")
	orig := x.Message
	intercept(t, k, x)
	// Docker's request: the method and the call's params, _meta included.
	if want := `{"method":"tools/call","params":` + params + `}`; s.lastRaw() != want {
		t.Fatalf("request %s, want %s", s.lastRaw(), want)
	}
	if x.Action != interceptors.Allow || x.Message != orig || len(x.Findings) != 0 {
		t.Fatalf("empty answer: %v %+v", x.Action, x.Findings)
	}
	// An empty answer lets the call go on, whatever 2xx status and white space.
	for _, st := range []struct {
		status int
		body   string
	}{{204, ""}, {200, " \n"}, {202, ""}} {
		s.status, s.body = st.status, st.body
		if x := intercept(t, k, toolRequest("fetch")); x.Action != interceptors.Allow {
			t.Errorf("%d %q: %v %q", st.status, st.body, x.Action, x.Reason)
		}
	}
	// A non-empty answer is the call's result; the tool is not called.
	const res = `{"content":[{"type":"text","text":"intercepted"}]}`
	s.status, s.body = 200, res+"\n"
	x = intercept(t, k, toolRequest("fetch"))
	if x.Action != interceptors.Respond || string(x.Reply) != res || x.Rule != "webhook.policy" {
		t.Fatalf("respond: %v %s %q", x.Action, x.Reply, x.Rule)
	}
	// What Docker would fail on fails here, closed by default; so does a
	// status outside 2xx (which Docker does not look at).
	for _, st := range []struct {
		status    int
		body, why string
	}{
		{200, `"text"`, "neither empty nor a valid JSON object"},
		{200, `{"content":`, "neither empty nor a valid JSON object"},
		{200, `{"a":1,"a":2}`, "neither empty nor a valid JSON object"},
		{500, "", "HTTP status 500"},
		{302, "", "HTTP status 302"},
	} {
		s.status, s.body = st.status, st.body
		x := intercept(t, k, toolRequest("fetch"))
		if x.Action != interceptors.Deny || x.Rule != "webhook.policy.failure" || !strings.Contains(x.Reason, st.why) {
			t.Errorf("%d %q: %v %q %q", st.status, st.body, x.Action, x.Rule, x.Reason)
		}
	}
	// Fail open lets it through with a finding.
	s.status, s.body = 500, ""
	k = newHook(t, Policy{Phase: Before, Compat: CompatDocker, FailOpen: true}, s.URL)
	if x := intercept(t, k, toolRequest("fetch")); x.Action != interceptors.Allow || len(x.Findings) != 1 || x.Findings[0].Action != "audit" {
		t.Fatalf("fail-open: %v %+v", x.Action, x.Findings)
	}
	// The size cap applies.
	s.status, s.body = 200, `{"content":[{"type":"text","text":"`+strings.Repeat("x", 2000)+`"}]}`
	k = newHook(t, Policy{Phase: Before, Compat: CompatDocker, MaxBytes: 1024}, s.URL)
	if x := intercept(t, k, toolRequest("fetch")); x.Action != interceptors.Deny || !strings.Contains(x.Reason, "larger than 1024") {
		t.Fatalf("size cap: %v %q", x.Action, x.Reason)
	}
	// Audit mode: recorded, nothing changed.
	s.body = res
	k = newHook(t, Policy{Phase: Before, Compat: CompatDocker, Mode: interceptors.AuditOnly}, s.URL)
	x = toolRequest("fetch")
	orig = x.Message
	if intercept(t, k, x); x.Action != interceptors.Allow || x.Message != orig || len(x.Findings) != 1 || x.Findings[0].Mode != "audit" {
		t.Fatalf("audit: %v %+v", x.Action, x.Findings)
	}

	// After: the result object itself is sent; an empty answer keeps it,
	// a non-empty one replaces it.
	s.status, s.body = 200, ""
	k = newHook(t, Policy{Phase: After, Compat: CompatDocker}, s.URL)
	x = intercept(t, k, response("fetch"))
	if s.lastRaw() != result || x.Action != interceptors.Allow || string(x.Message.Result) != result {
		t.Fatalf("after, empty answer: sent %s, %v %s", s.lastRaw(), x.Action, x.Message.Result)
	}
	s.body = res
	x = intercept(t, k, response("fetch"))
	if x.Action != interceptors.Modify || string(x.Message.Result) != res || string(x.Message.ID) != "3" {
		t.Fatalf("after, replaced: %v %s", x.Action, x.Message.Result)
	}
	s.body = `[1]`
	if x := intercept(t, k, response("fetch")); x.Action != interceptors.Deny || x.Rule != "webhook.policy.failure" {
		t.Fatalf("after, not an object: %v %q", x.Action, x.Rule)
	}

	if _, err := New(Policy{Name: "n", Phase: Before, URL: "http://h/", Compat: "mcp"}, nil); err == nil {
		t.Fatal("unknown compat accepted")
	}
}

// Each call is timed by outcome, so a slow or failing guardrail service
// shows in the metrics.
func TestCallsTimed(t *testing.T) {
	count := func(name, outcome string) uint64 {
		m := &dto.Metric{}
		if err := callSeconds.WithLabelValues("srv", name, After, outcome).(prometheus.Histogram).Write(m); err != nil {
			t.Fatal(err)
		}
		return m.GetHistogram().GetSampleCount()
	}
	ok := newServer(t, 200, `{"decision":"deny","message":"classified as injection"}`)
	k := newHook(t, Policy{Name: "classifier", Phase: After}, ok.URL)
	intercept(t, k, response("fetch"))
	if count("classifier", DecisionDeny) != 1 {
		t.Errorf("a deny was not timed")
	}
	down := newServer(t, 500, "")
	k = newHook(t, Policy{Name: "classifier-down", Phase: After}, down.URL)
	intercept(t, k, response("fetch"))
	if count("classifier-down", "failure") != 1 {
		t.Errorf("a failure was not timed")
	}
}
