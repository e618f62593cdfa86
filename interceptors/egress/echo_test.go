package egress

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

const echoSecret = "s3cr3t-token-value-123"

var redactedLabel = "[REDACTED:" + RuleNetworkCredential + "]"

// response builds a tools/call response to the client with result.
func response(result string) *interceptors.Exchange {
	return &interceptors.Exchange{
		Server:    "s",
		Direction: interceptors.ToClient,
		Message:   &jsonrpc.Message{ID: jsontext.Value("1"), Result: jsontext.Value(result)},
		Method:    "tools/call",
		Tool:      "fetch",
	}
}

func textResult(text string) string {
	return fmt.Sprintf(`{"content":[{"type":"text","text":%q}],"isError":false}`, text)
}

// newGuard guards one credential whose secret file (on disk, read the
// ordinary way) holds echoSecret.
func newGuard(t *testing.T) *CredentialGuard {
	t.Helper()
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte(echoSecret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	g := NewCredentialGuard(&Network{Credentials: []Credential{{Host: "api.example.com", Port: 443, Header: "Authorization", Prefix: "Bearer ", SecretFile: path}}}, NewSecretFiles(), nil)
	if g == nil {
		t.Fatal("nil guard")
	}
	return g
}

// The secret is redacted wherever it shows up, in both directions, and the
// message stays valid JSON-RPC.
func TestCredentialGuard(t *testing.T) {
	g := newGuard(t)
	inner := `{"echo":{"headers":{"Authorization":"Bearer ` + echoSecret + `"}}}`
	cases := []struct {
		name  string
		x     *interceptors.Exchange
		where string // "" = unchanged
	}{
		{"arguments", call("fetch", `{"url":"https://api.example.com/","auth":"Bearer `+echoSecret+`"}`), "params.arguments.auth"},
		{"arguments, escaped", call("fetch", `{"auth":"s3cr3t\u002dtoken\u002dvalue\u002d123"}`), "params.arguments.auth"},
		{"result text", response(textResult("your header was Bearer " + echoSecret + ", twice: " + echoSecret)), "result.content.0.text"},
		{"embedded JSON document", response(textResult(inner)), "result.content.0.text"},
		{"JSON in JSON", response(textResult(fmt.Sprintf(`{"body":%q}`, inner))), "result.content.0.text"},
		// Escaped inside a document embedded in a string: the outer decode
		// leaves \u002d and \/ as they are written.
		{"escaped in an embedded document", response(textResult(`{"h":"s3cr3t\u002dtoken-value-123"}`)), "result.content.0.text"},
		{"escaped two levels down", response(textResult(`{"body":"{\"h\":\"s3cr3t\\u002dtoken\\u002dvalue\\u002d123\"}"}`)), "result.content.0.text"},
		{"structured content", response(`{"content":[],"structuredContent":{"h":{"authorization":"Bearer ` + echoSecret + `"}}}`), "result.structuredContent.h.authorization"},
		{"no secret", response(textResult("s3cr3t-token-value-12 and Bearer xyz")), ""},
		{"no secret, request", call("fetch", `{"url":"https://api.example.com/"}`), ""},
	}
	for _, c := range cases {
		before := string(c.x.Message.Marshal())
		if err := g.Intercept(context.Background(), c.x); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		out := string(c.x.Message.Marshal())
		if _, err := jsonrpc.Parse([]byte(out), jsonrpc.Limits{}); err != nil {
			t.Errorf("%s: invalid output %v: %s", c.name, err, out)
		}
		if c.where == "" {
			if c.x.Action != interceptors.Allow || len(c.x.Findings) != 0 || out != before {
				t.Errorf("%s: changed: %v %+v %s", c.name, c.x.Action, c.x.Findings, out)
			}
			continue
		}
		if c.x.Action != interceptors.Modify || strings.Contains(out, echoSecret) || strings.Contains(out, `s3cr3t\u002d`) || !strings.Contains(out, redactedLabel) {
			t.Errorf("%s: not redacted: %v %s", c.name, c.x.Action, out)
		}
		if len(c.x.Findings) != 1 || c.x.Findings[0].Rule != RuleNetworkCredential || c.x.Findings[0].Interceptor != Name || c.x.Findings[0].Where != c.where {
			t.Errorf("%s: findings %+v", c.name, c.x.Findings)
		}
		for _, f := range c.x.Findings {
			if strings.Contains(f.Detail, echoSecret) {
				t.Errorf("%s: finding holds the secret: %+v", c.name, f)
			}
		}
		if c.x.Rule != Name || strings.Contains(c.x.Reason, echoSecret) {
			t.Errorf("%s: rule %q reason %q", c.name, c.x.Rule, c.x.Reason)
		}
	}

	// Only the secret goes: the embedded document keeps its shape.
	x := response(textResult(inner))
	if err := g.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	if r := x.Message.Result; !strings.Contains(string(r), `{\"echo\":{\"headers\":{\"Authorization\":\"Bearer `+redactedLabel+`\"}}}`) {
		t.Errorf("embedded document: %s", r)
	}
}

// A value the secret had before a rotation is still redacted; before the
// first read succeeds nothing is known and messages pass untouched.
func TestCredentialGuardRotation(t *testing.T) {
	clock := time.Unix(1_000_000, 0)
	value, fail := "old-secret-value-1", true
	files := NewSecretFiles()
	files.now = func() time.Time { return clock }
	files.read = func(string) ([]byte, error) {
		if fail {
			return nil, os.ErrNotExist
		}
		return []byte(value), nil
	}
	g := NewCredentialGuard(&Network{Credentials: []Credential{{Host: "api.example.com", Port: 443, Header: "Authorization", SecretFile: "/s/token"}}}, files, nil)
	steps := []struct {
		name     string
		fail     bool
		value    string
		text     string
		redacted bool
	}{
		{"unreadable", true, "old-secret-value-1", "old-secret-value-1", false},
		{"current", false, "old-secret-value-1", "got old-secret-value-1", true},
		{"rotated: new", false, "new-secret-value-2", "got new-secret-value-2", true},
		{"rotated: old", false, "new-secret-value-2", "got old-secret-value-1", true},
		{"unreadable again: still known", true, "new-secret-value-2", "got new-secret-value-2", true},
	}
	for _, st := range steps {
		clock = clock.Add(time.Second)
		fail, value = st.fail, st.value
		x := response(textResult(st.text))
		if err := g.Intercept(context.Background(), x); err != nil {
			t.Fatal(err)
		}
		out := string(x.Message.Marshal())
		if got := x.Action == interceptors.Modify && strings.Contains(out, redactedLabel) && !strings.Contains(out, "secret-value"); got != st.redacted {
			t.Errorf("%s: redacted=%v: %v %+v %s", st.name, got, x.Action, x.Findings, out)
		}
	}
}

func TestNewCredentialGuardNil(t *testing.T) {
	if g := NewCredentialGuard(&Network{Allow: []string{"api.example.com"}}, NewSecretFiles(), nil); g != nil {
		t.Errorf("guard without credentials: %+v", g)
	}
	if g := NewCredentialGuard(nil, NewSecretFiles(), nil); g != nil {
		t.Errorf("guard for nil network: %+v", g)
	}
}
