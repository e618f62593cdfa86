package secrets

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

func newScanner(t testing.TB, r Policy) *Scanner {
	t.Helper()
	s, err := New(&r)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func parse(t testing.TB, body string) *jsonrpc.Message {
	t.Helper()
	b, err := jsonrpc.Parse([]byte(body), jsonrpc.Limits{})
	if err != nil {
		t.Fatalf("parse %s: %v", body, err)
	}
	return b.Messages[0]
}

func quote(s string) string {
	q, err := jsontext.AppendQuote(nil, s)
	if err != nil {
		panic(err)
	}
	return string(q)
}

func TestTruePositives(t *testing.T) {
	s := newScanner(t, Policy{})
	cases := []struct {
		name, text, secret, rule string
	}{
		{"github pat", "export GITHUB_TOKEN=" + githubPAT(), githubPAT(), "github-pat"},
		{"aws key id", "aws_access_key_id: " + awsKeyID(), awsKeyID(), "aws-access-token"},
		{"aws secret", "aws_secret_access_key = " + awsSecret(), awsSecret(), "generic-api-key"},
		{"slack bot", "SLACK=" + slackBot() + " ok", slackBot(), "slack-bot-token"},
		{"private key", "key:\n" + privateKeyPEM() + "\n", privateKeyPEM(), "private-key"},
		{"stripe", "charge with " + stripeLive() + " now", stripeLive(), "stripe-access-token"},
		{"jwt", "Authorization: Bearer " + jwtToken() + "\n", jwtToken(), "jwt"},
		{"openai", "OPENAI_API_KEY=" + openAIStyle(), openAIStyle(), "openai-api-key"},
		{"password in json text", `{"db":{"password":"` + awsSecret() + `"}}`, awsSecret(), "generic-api-key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := s.Find(c.text)
			if len(ms) != 1 {
				t.Fatalf("found %+v, want one %s", ms, c.rule)
			}
			m := ms[0]
			if m.Rule != c.rule || c.text[m.Start:m.End] != c.secret {
				t.Errorf("found %s %q, want %s %q", m.Rule, c.text[m.Start:m.End], c.rule, c.secret)
			}
		})
	}
}

func TestFalsePositives(t *testing.T) {
	s := newScanner(t, Policy{})
	for name, text := range map[string]string{
		"uuid":         "id 550e8400-e29b-41d4-a716-446655440000 and 6fa459ea-ee8a-3ca4-894e-db77e160355e",
		"git sha":      "commit 3f786850e387550fdab836ed7e6dc881de23001b (HEAD -> main), parent da39a3ee5e6b4b0d3255bfef95601890afd80709",
		"image data":   imageData(48 << 10),
		"word":         "password",
		"prose":        "Please enter your password to continue. The API key is shown once; keep your access token secret.",
		"placeholders": `api_key = "${API_KEY}"` + "\npassword: {{ .Values.password }}\ntoken=<your-token-here>",
		"code":         corpus(20 << 10),
		"timestamps":   "2025-05-01T12:00:03Z 1714564803 1714564803123 +1 415 555 0100",
		"hex color":    "color: #ff00aa; border-key: 0x7fffffff",
	} {
		if ms := s.Find(text); len(ms) > 0 {
			t.Errorf("%s: found %+v (%q)", name, ms, text[ms[0].Start:ms[0].End])
		}
	}
}

func TestNew(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("nil rules accepted")
	}
	if _, err := New(&Policy{Disable: []string{"github-pat", "no-such-rule"}}); err == nil || !strings.Contains(err.Error(), `"no-such-rule"`) {
		t.Errorf("unknown disable id: %v", err)
	}
	if _, err := New(&Policy{Responses: interceptors.ActionBlock}); err == nil {
		t.Error("responses: block accepted")
	}
	if _, err := New(&Policy{Mode: "shadow"}); err == nil {
		t.Error("unknown mode accepted")
	}
	s := newScanner(t, Policy{Disable: []string{"github-pat"}})
	if ms := s.Find("token " + githubPAT()); len(ms) != 0 {
		t.Errorf("disabled rule fired: %+v", ms)
	}
	// A path-only rule of the set can be disabled too.
	ids, err := RuleIDs()
	if err != nil || len(ids) < 100 {
		t.Fatalf("RuleIDs: %d, %v", len(ids), err)
	}
	for _, id := range ids {
		if _, err := New(&Policy{Disable: []string{id}}); err != nil {
			t.Fatalf("disable %s: %v", id, err)
		}
	}
}

func toolsCall(args string) string {
	return `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"deploy","arguments":` + args + `}}`
}

func run(t *testing.T, s *Scanner, dir interceptors.Direction, body string) *interceptors.Exchange {
	t.Helper()
	m := parse(t, body)
	x := &interceptors.Exchange{Server: "s", Direction: dir, Message: m, Method: m.Method}
	if err := s.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	for _, f := range x.Findings {
		b, _ := json.Marshal(f)
		for _, secret := range []string{githubPAT(), awsKeyID(), slackBot(), stripeLive()} {
			if strings.Contains(string(b), secret) || strings.Contains(x.Reason, secret) {
				t.Fatalf("finding or reason leaks the secret: %s / %s", b, x.Reason)
			}
		}
	}
	return x
}

func TestRequestBlock(t *testing.T) {
	s := newScanner(t, Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact})
	x := run(t, s, interceptors.ToServer, toolsCall(`{"repo":"a/b","token":`+quote(githubPAT())+`}`))
	if x.Action != interceptors.Deny || x.Rule != "github-pat" {
		t.Fatalf("action %v rule %q", x.Action, x.Rule)
	}
	if !strings.Contains(x.Reason, "params.arguments.token") || !strings.Contains(x.Reason, "github-pat") {
		t.Errorf("reason %q", x.Reason)
	}
	f := x.Findings[0]
	if f.Interceptor != "secrets" || f.Action != "block" || f.Mode != "enforce" || f.Where != "params.arguments.token" ||
		f.Detail != "github-pat at params.arguments.token" {
		t.Errorf("finding %+v", f)
	}

	// Prompt arguments and completion arguments are params too.
	x = run(t, s, interceptors.ToServer, `{"jsonrpc":"2.0","id":2,"method":"prompts/get","params":{"name":"p","arguments":{"k":`+quote("use "+slackBot())+`}}}`)
	if x.Action != interceptors.Deny || x.Rule != "slack-bot-token" {
		t.Errorf("prompts/get: %v %q", x.Action, x.Rule)
	}
	x = run(t, s, interceptors.ToServer, `{"jsonrpc":"2.0","method":"notifications/message","params":{"data":`+quote(stripeLive())+`}}`)
	if x.Action != interceptors.Deny {
		t.Errorf("notification: %v", x.Action)
	}
	// Nothing to find: nothing happens.
	x = run(t, s, interceptors.ToServer, toolsCall(`{"password":"hunter2","note":"the key is under the mat"}`))
	if x.Action != interceptors.Allow || len(x.Findings) != 0 {
		t.Errorf("clean call: %v %+v", x.Action, x.Findings)
	}
}

func TestRequestRedact(t *testing.T) {
	s := newScanner(t, Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionRedact, Responses: interceptors.ActionRedact})
	body := toolsCall(`{"repo":"a/b","env":[` + quote("AWS_ACCESS_KEY_ID="+awsKeyID()+"\nREGION=eu-west-1") + `],"n":1}`)
	x := run(t, s, interceptors.ToServer, body)
	if x.Action != interceptors.Modify {
		t.Fatalf("action %v", x.Action)
	}
	out := string(x.Message.Marshal())
	want := `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"deploy","arguments":{"repo":"a/b","env":["AWS_ACCESS_KEY_ID=[REDACTED:aws-access-token]\nREGION=eu-west-1"],"n":1}}}`
	if out != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
	parse(t, out)
	if f := x.Findings[0]; f.Action != "redact" || f.Where != "params.arguments.env.0" {
		t.Errorf("finding %+v", f)
	}
}

func TestAuditMode(t *testing.T) {
	s := newScanner(t, Policy{Mode: interceptors.AuditOnly, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact})
	m := parse(t, toolsCall(`{"token":`+quote(githubPAT())+`}`))
	x := &interceptors.Exchange{Direction: interceptors.ToServer, Message: m}
	if err := s.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	if x.Action != interceptors.Allow || x.Message != m || len(x.Findings) != 1 || x.Findings[0].Mode != "audit" || x.Findings[0].Action != "block" {
		t.Errorf("audit mode: %v %+v", x.Action, x.Findings)
	}
	s = newScanner(t, Policy{Requests: interceptors.ActionAudit, Responses: interceptors.ActionAudit})
	x = &interceptors.Exchange{Direction: interceptors.ToClient, Message: parse(t, `{"jsonrpc":"2.0","id":1,"result":{"v":`+quote(githubPAT())+`}}`)}
	if err := s.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	if x.Action != interceptors.Allow || len(x.Findings) != 1 || x.Findings[0].Action != "audit" || x.Findings[0].Mode != "enforce" {
		t.Errorf("audit action: %v %+v", x.Action, x.Findings)
	}
}

func TestResponseRedactEverywhere(t *testing.T) {
	s := newScanner(t, Policy{})
	pat := githubPAT()
	// The same secret in content[].text (as JSON text, next to escapes) and
	// in structuredContent.
	inner := `{"token":"` + pat + `","note":"caf\u00e9\nline"}`
	body := `{"jsonrpc":"2.0","id":9,"result":{"content":[{"type":"text","text":` + quote(inner) + `},` +
		`{"type":"text","text":"caf\u00e9\n` + pat + `\t\"quoted\""}],` +
		`"structuredContent":{"token":"` + pat + `","list":["x","` + pat + `"]},"isError":false}}`
	x := run(t, s, interceptors.ToClient, body)
	if x.Action != interceptors.Modify {
		t.Fatalf("action %v", x.Action)
	}
	out := x.Message.Marshal()
	if strings.Contains(string(out), pat) {
		t.Fatalf("secret left in %s", out)
	}
	m := parse(t, string(out))
	var res struct {
		Content []struct {
			Text string `json:"text"`
		} `json:"content"`
		Structured struct {
			Token string   `json:"token"`
			List  []string `json:"list"`
		} `json:"structuredContent"`
	}
	if err := json.Unmarshal(m.Result, &res); err != nil {
		t.Fatal(err)
	}
	var innerDoc map[string]string
	if err := json.Unmarshal([]byte(res.Content[0].Text), &innerDoc); err != nil {
		t.Fatalf("inner JSON broken: %v: %s", err, res.Content[0].Text)
	}
	if innerDoc["token"] != "[REDACTED:github-pat]" || innerDoc["note"] != "café\nline" {
		t.Errorf("inner %+v", innerDoc)
	}
	if res.Content[1].Text != "café\n[REDACTED:github-pat]\t\"quoted\"" {
		t.Errorf("text %q", res.Content[1].Text)
	}
	if res.Structured.Token != "[REDACTED:github-pat]" || res.Structured.List[1] != "[REDACTED:github-pat]" || res.Structured.List[0] != "x" {
		t.Errorf("structured %+v", res.Structured)
	}
	wheres := map[string]bool{}
	for _, f := range x.Findings {
		wheres[f.Where] = true
	}
	for _, w := range []string{"result.content.0.text", "result.content.1.text", "result.structuredContent.token", "result.structuredContent.list.1"} {
		if !wheres[w] {
			t.Errorf("no finding at %s: %+v", w, x.Findings)
		}
	}
}

func TestServerMessages(t *testing.T) {
	s := newScanner(t, Policy{})
	for name, body := range map[string]string{
		"logging notification": `{"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":{"msg":` + quote("login with "+slackBot()) + `}}}`,
		"sampling request":     `{"jsonrpc":"2.0","id":"s1","method":"sampling/createMessage","params":{"messages":[{"role":"user","content":{"type":"text","text":` + quote(stripeLive()) + `}}]}}`,
		"error":                `{"jsonrpc":"2.0","id":4,"error":{"code":-32000,"message":` + quote("bad token "+githubPAT()) + `}}`,
		"resource":             `{"jsonrpc":"2.0","id":5,"result":{"contents":[{"uri":"file:///a/.env","mimeType":"text/plain","text":` + quote("AWS_ACCESS_KEY_ID="+awsKeyID()) + `}]}}`,
	} {
		x := run(t, s, interceptors.ToClient, body)
		if x.Action != interceptors.Modify {
			t.Errorf("%s: action %v", name, x.Action)
			continue
		}
		out := string(x.Message.Marshal())
		parse(t, out)
		if !strings.Contains(out, "[REDACTED:") {
			t.Errorf("%s: %s", name, out)
		}
	}
}

func TestUnchangedMessageKeepsBytes(t *testing.T) {
	s := newScanner(t, Policy{})
	m := toolResult(corpus(4 << 10))
	x := &interceptors.Exchange{Direction: interceptors.ToClient, Message: m}
	if err := s.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	if x.Message != m || x.Action != interceptors.Allow {
		t.Errorf("clean result changed")
	}
}

func TestFindingsBounded(t *testing.T) {
	s := newScanner(t, Policy{Requests: interceptors.ActionRedact})
	var b strings.Builder
	b.WriteString("{")
	for i := range 100 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(quote("k" + strings.Repeat("x", i)))
		b.WriteString(":")
		b.WriteString(quote(githubPAT()))
	}
	b.WriteString("}")
	x := run(t, s, interceptors.ToServer, toolsCall(b.String()))
	if len(x.Findings) != 33 || x.Findings[32].Rule != "more" {
		t.Errorf("%d findings", len(x.Findings))
	}
	if strings.Contains(string(x.Message.Marshal()), githubPAT()) {
		t.Error("secret left")
	}
}

func TestConcurrentUse(t *testing.T) {
	s := newScanner(t, Policy{Requests: interceptors.ActionRedact})
	text := corpus(8<<10) + "\ntoken=" + githubPAT() + "\n"
	done := make(chan []Match)
	for range 8 {
		go func() {
			var last []Match
			for range 20 {
				last = s.Find(text)
			}
			done <- last
		}()
	}
	for range 8 {
		if ms := <-done; len(ms) != 1 || ms[0].Rule != "github-pat" {
			t.Errorf("%+v", ms)
		}
	}
}

// A rule without keywords would never be selected by the keyword pass: the
// set is refused rather than run without it.
func TestRuleWithoutKeywordsRefused(t *testing.T) {
	r := &rule{id: "x", re: regexp.MustCompile(`secret-[0-9a-f]{32}`)}
	if err := r.analyse(); err == nil {
		t.Fatal("a rule without keywords was accepted")
	}
}
