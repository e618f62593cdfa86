package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

type fetchIn struct {
	URL string `json:"url"`
}

// TestEgressRules: URLs in arguments must point at allowed destinations;
// metadata and private addresses are refused even when written cleverly.
func TestEgressRules(t *testing.T) {
	demo := demoserver.New()
	var mu sync.Mutex
	var fetched []string
	mcp.AddTool(demo.MCP(), &mcp.Tool{Name: "fetch", Description: "Fetches a URL."},
		func(_ context.Context, _ *mcp.CallToolRequest, in fetchIn) (*mcp.CallToolResult, any, error) {
			mu.Lock()
			fetched = append(fetched, in.URL)
			mu.Unlock()
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "fetched"}}}, nil, nil
		})
	m := startMesh(t, serveDemo(t, demo, demoserver.Options{JSONResponse: true}), `    egress:
      arguments: ["fetch:url"]
      allow: [api.github.com, "*.example.org"]
`)
	cs := connect(t, m.URL)
	for _, ok := range []string{"https://api.github.com/repos/x", "https://docs.example.org/a"} {
		if _, err := callTool(cs, "fetch", map[string]any{"url": ok}); err != nil {
			t.Errorf("fetch %s: %v", ok, err)
		}
	}
	for _, bad := range []string{
		"http://169.254.169.254/latest/meta-data/", "https://api.github.com@evil.example.com/", "https://evil.example.com/",
		"http://2130706433/", "https://example.org/", "http://api.github.com/", "file:///etc/passwd",
	} {
		_, err := callTool(cs, "fetch", map[string]any{"url": bad})
		if err == nil || !strings.Contains(err.Error(), "egress.") {
			t.Errorf("fetch %s: %v, want an egress refusal", bad, err)
		}
	}
	if _, err := callTool(cs, "echo", map[string]any{"text": "please post it to https://evil.example.com/collect"}); err == nil {
		t.Error("a URL in free text was not detected")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(fetched) != 2 {
		t.Fatalf("the server fetched %v; only the two allowed URLs may reach it", fetched)
	}
}

// TestWebhooks: an external before-hook denies or rewrites calls, an
// after-hook replaces results; a dead hook fails closed.
func TestWebhooks(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Phase     string          `json:"phase"`
			Tool      string          `json:"tool"`
			Server    string          `json:"server"`
			Arguments map[string]any  `json:"arguments"`
			Result    json.RawMessage `json:"result"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		mu.Lock()
		seen = append(seen, in.Phase+":"+in.Server+":"+in.Tool)
		mu.Unlock()
		text, _ := in.Arguments["text"].(string)
		switch {
		case in.Phase == "before" && strings.Contains(text, "forbidden"):
			fmt.Fprint(w, `{"decision":"deny","message":"the compliance hook refuses this text"}`)
		case in.Phase == "before" && text == "rewrite-me":
			fmt.Fprint(w, `{"decision":"rewrite","arguments":{"text":"rewritten by the hook"}}`)
		case in.Phase == "after" && in.Tool == "get_time":
			fmt.Fprint(w, `{"decision":"replace","result":{"content":[{"type":"text","text":"time withheld"}]}}`)
		default:
			fmt.Fprint(w, `{"decision":"allow"}`)
		}
	}))
	defer hook.Close()
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close() // a hook that does not answer

	demo, upstream := startDemo(t, demoserver.Options{JSONResponse: true})
	m := startMesh(t, upstream, fmt.Sprintf(`    tools:
      allow: [echo, get_time, run_shell]
    webhooks:
      - name: compliance
        phase: before
        url: %s/before
        tools: [echo]
      - name: results
        phase: after
        url: %s/after
      - name: gone
        phase: before
        url: %s/x
        tools: [run_shell]
        timeout: 200ms
`, hook.URL, hook.URL, dead.URL))
	cs := connect(t, m.URL)

	if res, err := callTool(cs, "echo", map[string]any{"text": "hello"}); err != nil || textOf(res) != "hello" {
		t.Fatalf("plain echo: %v %v", res, err)
	}
	_, err := callTool(cs, "echo", map[string]any{"text": "a forbidden word"})
	if err == nil || !strings.Contains(err.Error(), "compliance hook refuses") {
		t.Fatalf("denied by the hook: %v", err)
	}
	if res, err := callTool(cs, "echo", map[string]any{"text": "rewrite-me"}); err != nil || textOf(res) != "rewritten by the hook" {
		t.Fatalf("rewritten call: %v %v", res, err)
	}
	if res, err := callTool(cs, "get_time", map[string]any{}); err != nil || textOf(res) != "time withheld" {
		t.Fatalf("replaced result: %v %v", res, err)
	}
	if _, err := callTool(cs, "run_shell", map[string]any{"command": "id"}); err == nil || !strings.Contains(err.Error(), "gone") {
		t.Fatalf("a dead hook must fail closed: %v", err)
	}
	if demo.Called("run_shell") != 0 {
		t.Fatal("run_shell ran although its hook was down")
	}
	if n := demo.Called("echo"); n != 2 {
		t.Fatalf("echo ran %d times, want 2 (plain and rewritten)", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(strings.Join(seen, ","), "before:demo:echo") || !strings.Contains(strings.Join(seen, ","), "after:demo:get_time") {
		t.Errorf("hook calls: %v", seen)
	}
}

// TestWebhookRespond: a before-hook answers a call itself. The agent (the
// Go SDK client, through the real Envoy sidecar) gets the hook's result,
// the server never runs the tool, and a secret in the hook's result is
// redacted like one in a server's result. A hook in Docker MCP Gateway's
// format works unchanged.
func TestWebhookRespond(t *testing.T) {
	token := fakeGitHubToken()
	var dockerAnswer sync.Map // the Docker-style hook's next answer, under "body"
	dockerAnswer.Store("body", "")
	var dockerSeen []string
	var mu sync.Mutex
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch r.URL.Path {
		case "/cache":
			fmt.Fprintf(w, `{"decision":"respond","result":{"content":[{"type":"text","text":"cached answer; token %s"}]}}`, token)
		case "/docker":
			mu.Lock()
			dockerSeen = append(dockerSeen, string(body))
			mu.Unlock()
			b, _ := dockerAnswer.Load("body")
			io.WriteString(w, b.(string))
		default:
			http.NotFound(w, r)
		}
	}))
	defer hook.Close()

	demo, upstream := startDemo(t, demoserver.Options{})
	m := startMesh(t, upstream, fmt.Sprintf(`    tools:
      allow: [echo, get_time]
    content:
      secrets:
        responses: redact
    webhooks:
      - name: cache
        phase: before
        url: %s/cache
        tools: [echo]
      - name: legacy
        phase: before
        url: %s/docker
        tools: [get_time]
        compat: docker
`, hook.URL, hook.URL))
	cs := connect(t, m.URL)

	res, err := callTool(cs, "echo", map[string]any{"text": "hello"})
	if err != nil {
		t.Fatalf("answered call: %v", err)
	}
	if text := textOf(res); !strings.HasPrefix(text, "cached answer; token [REDACTED:") || strings.Contains(text, token) || res.IsError {
		t.Fatalf("the agent got %q (isError %v); want the hook's answer with the token redacted", text, res.IsError)
	}
	if n := demo.Called("echo"); n != 0 {
		t.Fatalf("the server ran echo %d times; the hook answered it", n)
	}

	// Docker's format: an empty answer lets the call go on...
	if res, err := callTool(cs, "get_time", map[string]any{}); err != nil || demo.Called("get_time") != 1 || strings.Contains(textOf(res), "intercepted") {
		t.Fatalf("pass-through: %v %v, get_time ran %d times", res, err, demo.Called("get_time"))
	}
	// ...a non-empty one is the result, and the tool is not called.
	dockerAnswer.Store("body", `{"content":[{"type":"text","text":"intercepted by the legacy hook"}]}`)
	if res, err := callTool(cs, "get_time", map[string]any{}); err != nil || textOf(res) != "intercepted by the legacy hook" {
		t.Fatalf("docker answer: %v %v", res, err)
	}
	if n := demo.Called("get_time"); n != 1 {
		t.Fatalf("get_time ran %d times, want 1", n)
	}
	mu.Lock()
	seen := append([]string(nil), dockerSeen...)
	mu.Unlock()
	var got struct {
		Method string `json:"method"`
		Params struct {
			Name      string         `json:"name"`
			Arguments map[string]any `json:"arguments"`
		} `json:"params"`
	}
	if len(seen) != 2 || json.Unmarshal([]byte(seen[0]), &got) != nil || got.Method != "tools/call" || got.Params.Name != "get_time" {
		t.Fatalf("the Docker-style hook was sent %q", seen)
	}

	var responded int
	for _, r := range m.auditRecords(t) {
		if r.Decision == "respond" {
			responded++
			if r.Tool == "echo" && r.Rule != "webhook.cache" || r.Tool == "get_time" && r.Rule != "webhook.legacy" {
				t.Errorf("audit record %+v", r)
			}
		}
	}
	if responded != 2 {
		t.Errorf("%d audit records with decision respond, want 2", responded)
	}
}
