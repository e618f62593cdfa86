package secrets

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// corpusLines are what tool results carry: logs, source code, prose and
// JSON records, with the words that the rules key on ("key", "token",
// "access", "api", "auth", "secret", "password") at an ordinary rate.
var corpusLines = []string{
	`2025-05-01T12:00:%02dZ INFO request_id=7f3c2a%04d path=/api/v1/users/%d status=200 duration=12ms`,
	`func (s *Server) handle%d(ctx context.Context, req *Request) error {`,
	`	token := r.Header.Get("Authorization") // line %d`,
	`	if err != nil { return fmt.Errorf("load key %d: %%w", err) }`,
	`The access control list is evaluated before request %d reaches the handler; see the API reference.`,
	`{"id": "550e8400-e29b-41d4-a716-4466554400%02d", "commit": "3f786850e387550fdab836ed7e6dc881de23001b", "size": %d}`,
	`Users reset their password from the account page (step %d of 4); the secret question is optional.`,
	`| %d | eu-west-1 | t3.medium | running | 10.0.3.17 | i-0a1b2c3d4e5f67890 |`,
	`    - name: worker-%d`,
	`      image: registry.example.com/team/worker:1.4.%d`,
	`def refresh(session, attempt=%d): return session.auth.refresh() if session.expired else session`,
	`Monkeys and turkeys were counted at site %d; the keyboard and the keystone were left unchanged.`,
}

func corpus(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		line := corpusLines[i%len(corpusLines)]
		switch strings.Count(line, "%d") + strings.Count(line, "%02d") + strings.Count(line, "%04d") {
		case 1:
			fmt.Fprintf(&b, line, i)
		case 2:
			fmt.Fprintf(&b, line, i%60, i)
		case 3:
			fmt.Fprintf(&b, line, i%60, i, i)
		default:
			b.WriteString(line)
		}
		b.WriteByte('\n')
	}
	return b.String()[:size]
}

// toolResult builds a tools/call response carrying text in content[0].text.
func toolResult(text string) *jsonrpc.Message {
	q, _ := jsontext.AppendQuote(nil, text)
	body := `{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":` + string(q) + `}],"isError":false}}`
	b, err := jsonrpc.Parse([]byte(body), jsonrpc.Limits{})
	if err != nil {
		panic(err)
	}
	return b.Messages[0]
}

func benchScan(b *testing.B, m *jsonrpc.Message, wantModify bool) {
	s, err := New(&Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionRedact, Responses: interceptors.ActionRedact})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(m.Result) + len(m.Params)))
	b.ReportAllocs()
	dir := interceptors.ToClient
	if m.Params != nil {
		dir = interceptors.ToServer
	}
	for b.Loop() {
		x := &interceptors.Exchange{Direction: dir, Message: m}
		if err := s.Intercept(context.Background(), x); err != nil {
			b.Fatal(err)
		}
		if (x.Action == interceptors.Modify) != wantModify {
			b.Fatalf("action %v", x.Action)
		}
	}
}

func BenchmarkScanClean100KB(b *testing.B) {
	benchScan(b, toolResult(corpus(100<<10)), false)
}

func BenchmarkRedact100KB(b *testing.B) {
	text := corpus(100 << 10)
	third := len(text) / 3
	text = text[:third] + "\nexport GITHUB_TOKEN=" + githubPAT() + "\n" +
		text[third:2*third] + "\naws_access_key_id = " + awsKeyID() + "\naws_secret_access_key = " + awsSecret() + "\n" +
		text[2*third:] + "\n" + privateKeyPEM() + "\n"
	benchScan(b, toolResult(text), true)
}

func BenchmarkScanArgs1KB(b *testing.B) {
	msg, _ := jsontext.AppendQuote(nil, corpus(700))
	body := `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"create_commit","arguments":{` +
		`"repository":"mcpmesh/mcpmesh","branch":"main","path":"docs/interceptors.md","message":` + string(msg) +
		`,"author":{"name":"Jane Roe","email":"jane@example.com"},"labels":["docs","security"],"draft":false}}}`
	bt, err := jsonrpc.Parse([]byte(body), jsonrpc.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	benchScan(b, bt.Messages[0], false)
}
