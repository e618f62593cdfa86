package secrets

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

func TestSecretName(t *testing.T) {
	for _, n := range []string{"password", "DB_PASSWORD", "dbPassword", "api-key", "apiKey", "X-Api-Key", "client_secret",
		"pass\u200bword", "api\u00adkey", "private_key", "access_key", "authToken", "auth", "Authorization", "credentials", "smtp.pass", "pass", "passphrase"} {
		if !secretName(n) {
			t.Errorf("%q: not a secret name", n)
		}
	}
	for _, n := range []string{"id", "key", "etag", "request_id", "sha", "author", "next_page_token", "nextPageToken", "token_type",
		"max_tokens", "progressToken", "clientToken", "public_key_id", "secret_name", "passport", "bypass_cache", "keyboard", "oauth_provider"} {
		if secretName(n) {
			t.Errorf("%q: a secret name", n)
		}
	}
}

func TestCredentialLike(t *testing.T) {
	for _, v := range []string{"Winter2025!", "hunter2hunter2", "Bearer abcDEF123456", "s3cr3t_Value_99"} {
		if !credentialLike(v) {
			t.Errorf("%q: not credential-like", v)
		}
	}
	for _, v := range []string{"", "hunter2", "***", "********", "<redacted>", "changeme", "${DB_PASSWORD}", "{{ .Values.pw }}",
		"unauthorized", "incorrect_password", "[REDACTED:github-pat]", "true", "aaaaaaaa1", "/run/secrets/db", "projects/p/secrets/s",
		"r.Header.Get(\"x\")", "your_token_here", "https://vault.example.com/v1/kv"} {
		if credentialLike(v) {
			t.Errorf("%q: credential-like", v)
		}
	}
}

// A member named as a secret is redacted whole in structuredContent,
// arguments and JSON text, and the documents stay valid.
func TestSecretMemberRedacted(t *testing.T) {
	s := newScanner(t, Policy{Requests: interceptors.ActionRedact})
	inner := `{"db":{"user":"app","password":"Winter2025!"},"n":1}`
	x := run(t, s, interceptors.ToClient, `{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":`+quote(inner)+
		`}],"structuredContent":{"db":{"password":"Winter2025!","user":"app"}}}}`)
	out := string(x.Message.Marshal())
	if strings.Contains(out, "Winter2025") || !strings.Contains(out, "[REDACTED:"+RuleSecretMember+"]") {
		t.Fatalf("not redacted: %s", out)
	}
	var res struct {
		Content []struct{ Text string } `json:"content"`
	}
	parse(t, out)
	if err := json.Unmarshal(x.Message.Result, &res); err != nil || !json.Valid([]byte(res.Content[0].Text)) {
		t.Fatalf("inner document broken: %v %s", err, out)
	}
	x = run(t, s, interceptors.ToServer, toolsCall(`{"user":"app","password":"Winter2025!"}`))
	if x.Action != interceptors.Modify || x.Findings[0].Where != "params.arguments.password" {
		t.Errorf("arguments: %v %+v", x.Action, x.Findings)
	}
	// Off when disabled.
	s = newScanner(t, Policy{Disable: []string{RuleSecretMember}})
	if x := run(t, s, interceptors.ToServer, toolsCall(`{"password":"Winter2025!"}`)); len(x.Findings) != 0 {
		t.Errorf("disabled context rule fired: %+v", x.Findings)
	}
}

// In JSON text inside a string, an escape is one unit of the value: a
// value that ends in an escaped backslash is taken up to its closing
// quote, not to the middle of the escape. Cut there, the redaction would
// have to keep the inner document's escapes, and of a value made of
// escapes nothing would go: a second pass would find it again.
func TestSecretMemberEndsOnWholeEscape(t *testing.T) {
	s := newScanner(t, Policy{Requests: interceptors.ActionRedact})
	inner := `{"k":{"password":"\n\u0003\u001d\u0011\r\u0017\\"},"n":1}`
	x := run(t, s, interceptors.ToClient, `{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":`+quote(inner)+`}]}}`)
	out := string(x.Message.Marshal())
	if x.Action != interceptors.Modify || !strings.Contains(out, "[REDACTED:"+RuleSecretMember+"]") {
		t.Fatalf("not redacted: %v %s", x.Action, out)
	}
	if again := run(t, s, interceptors.ToClient, out); len(again.Findings) != 0 {
		t.Fatalf("a second pass found %+v in %s", again.Findings, out)
	}
}

// A token with an invisible character inside is found and redacted whole.
func TestInvisibleInsideToken(t *testing.T) {
	s := newScanner(t, Policy{Requests: interceptors.ActionRedact})
	pat := githubPAT()
	for _, inv := range []string{"\u200b", "\u00ad", "\u2060", "\u202e", "\U000E0041"} {
		split := pat[:10] + inv + pat[10:20] + inv + pat[20:]
		ms := s.Find("x " + split + " y")
		if len(ms) != 1 || ms[0].Rule != "github-pat" || ms[0].Start != 2 || ms[0].End != 2+len(split) {
			t.Errorf("%q: %+v", inv, ms)
		}
		x := run(t, s, interceptors.ToServer, toolsCall(`{"v":`+quote("a "+split+" b")+`}`))
		out := string(x.Message.Marshal())
		parse(t, out)
		if !strings.Contains(out, `"a [REDACTED:github-pat] b"`) {
			t.Errorf("%q: %s", inv, out)
		}
	}
}

// A lenient rule stays silent where gitleaks' exact rule matches, and
// covers the whole token where it is longer; disabling the exact rule
// disables its widening.
func TestLenientRules(t *testing.T) {
	s := newScanner(t, Policy{})
	pat := githubPAT()
	if ms := s.Find("t " + pat); len(ms) != 1 || ms[0].Rule != "github-pat" {
		t.Errorf("exact: %+v", ms)
	}
	long := pat + "Ab"
	ms := s.Find("t " + long + " u")
	end := 0
	for _, m := range ms {
		end = max(end, m.End)
	}
	if end != 2+len(long) {
		t.Errorf("longer token not covered: %+v", ms)
	}
	short := pat[:len(pat)-3]
	if ms := s.Find("t " + short); len(ms) != 1 || ms[0].Rule != "mcpmesh-github-token-lenient" {
		t.Errorf("shorter: %+v", ms)
	}
	s = newScanner(t, Policy{Disable: []string{"github-pat"}})
	if ms := s.Find("t " + short); len(ms) != 0 {
		t.Errorf("widening of a disabled rule fired: %+v", ms)
	}
}

func TestURLCredentials(t *testing.T) {
	s := newScanner(t, Policy{})
	for _, u := range []string{"postgres://app:Winter2025!@db:5432/x", "mongodb+srv://root:hunter2hunter2@c0.mongodb.net", "amqp://u:p4ss@mq", "redis://:s3cret@cache:6379"} {
		ms := s.Find("dsn " + u)
		if len(ms) != 1 || ms[0].Rule != RuleURLCredentials {
			t.Errorf("%s: %+v", u, ms)
			continue
		}
		userinfo := u[strings.Index(u, "://")+3 : strings.LastIndex(u, "@")]
		if got := ("dsn " + u)[ms[0].Start:ms[0].End]; got != userinfo {
			t.Errorf("%s: redacts %q, want %q", u, got, userinfo)
		}
	}
	for _, u := range []string{"https://example.com:8443/a@b", "postgres://user:password@localhost", "https://u:${PASS}@h", "git@github.com:a/b"} {
		if ms := s.Find(u); len(ms) != 0 {
			t.Errorf("%s: %+v", u, ms)
		}
	}
}
