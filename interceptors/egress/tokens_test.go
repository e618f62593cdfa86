package egress

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

// tokenRequest is what the fake token endpoint received.
type tokenRequest struct {
	method, path, contentType string
	basic                     bool   // HTTP Basic auth was sent
	user, pass                string // its client id and secret, unescaped
	form                      url.Values
}

// tokenServer is a real HTTP token endpoint that records every request and
// answers through answer (n counts requests from 1).
type tokenServer struct {
	*httptest.Server

	mu     sync.Mutex
	reqs   []tokenRequest
	answer func(w http.ResponseWriter, n int, r tokenRequest)
}

func newTokenServer(t *testing.T, answer func(w http.ResponseWriter, n int, r tokenRequest)) *tokenServer {
	t.Helper()
	s := &tokenServer{answer: answer}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, hr *http.Request) {
		if err := hr.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r := tokenRequest{method: hr.Method, path: hr.URL.Path, contentType: hr.Header.Get("Content-Type"), form: hr.PostForm}
		if u, p, ok := hr.BasicAuth(); ok {
			// RFC 6749 §2.3.1: both are form-encoded before Basic auth.
			r.basic = true
			r.user, _ = url.QueryUnescape(u)
			r.pass, _ = url.QueryUnescape(p)
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, r)
		n, answer := len(s.reqs), s.answer
		s.mu.Unlock()
		answer(w, n, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *tokenServer) requests() []tokenRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

// writeTokenJSON answers a token request with a bearer token.
func writeTokenJSON(w http.ResponseWriter, token string, expiresIn int) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"access_token": token, "token_type": "Bearer", "expires_in": expiresIn}) //nolint:errcheck
}

// numberedTokens answers the n-th request with "tok-n".
func numberedTokens(expiresIn int) func(http.ResponseWriter, int, tokenRequest) {
	return func(w http.ResponseWriter, n int, _ tokenRequest) {
		writeTokenJSON(w, fmt.Sprintf("tok-%d", n), expiresIn)
	}
}

// tokenErrorDetail is in every refusal of the fake endpoint: an error must
// not repeat it.
const tokenErrorDetail = "the-endpoint-says-more-than-the-code"

// acceptingSecret answers "tok-n" when the client secret is the one
// secret() returns at the time, and 401 invalid_client otherwise.
func acceptingSecret(secret func() string, expiresIn int) func(http.ResponseWriter, int, tokenRequest) {
	return func(w http.ResponseWriter, n int, r tokenRequest) {
		if !r.basic || r.user != "mesh-client" || r.pass != secret() {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, `{"error":"invalid_client","error_description":"%s: got secret %s"}`, tokenErrorDetail, r.pass)
			return
		}
		writeTokenJSON(w, fmt.Sprintf("tok-%d", n), expiresIn)
	}
}

// testOAuthClient is a client of the endpoint at base whose secret is in
// /s/client.
func testOAuthClient(base string) *OAuthClient {
	return &OAuthClient{
		TokenURL:         base + "/oauth/token",
		ClientID:         "mesh-client",
		ClientSecretFile: "/s/client",
		Scopes:           []string{"read:things", "write:things"},
		Audience:         "https://api.example.com/",
	}
}

// clockedFiles is a SecretFiles over files (read when its cache lets it)
// whose clock stands at *clock.
func clockedFiles(clock *time.Time, files map[string]string) *SecretFiles {
	s := fakeFiles(files)
	s.now = func() time.Time { return *clock }
	return s
}

func mustToken(t *testing.T, tokens *Tokens, o *OAuthClient) string {
	t.Helper()
	tok, err := tokens.Token(context.Background(), o)
	if err != nil {
		t.Fatalf("Token: %v", err)
	}
	return tok
}

// A token is fetched once and reused while it is valid; one the library
// treats as expired (within 10 s of its expiry) is fetched again on every
// call.
func TestTokensReuse(t *testing.T) {
	t.Run("valid token reused", func(t *testing.T) {
		srv := newTokenServer(t, numberedTokens(3600))
		tokens := NewTokens(fakeFiles(map[string]string{"/s/client": "client-secret-1"}))
		o := testOAuthClient(srv.URL)
		for i := range 3 {
			if tok := mustToken(t, tokens, o); tok != "tok-1" {
				t.Errorf("call %d: token %q, want tok-1", i, tok)
			}
		}
		if n := len(srv.requests()); n != 1 {
			t.Errorf("%d requests to the endpoint, want 1", n)
		}
		// An equal client (a new value, as a new policy version has) shares
		// the token.
		if tok := mustToken(t, tokens, testOAuthClient(srv.URL)); tok != "tok-1" || len(srv.requests()) != 1 {
			t.Errorf("equal client: token %q after %d requests", tok, len(srv.requests()))
		}
		// A client that differs in anything sent gets its own token.
		other := testOAuthClient(srv.URL)
		other.Audience = "https://other.example.com/"
		if tok := mustToken(t, tokens, other); tok != "tok-2" || len(srv.requests()) != 2 {
			t.Errorf("other audience: token %q after %d requests", tok, len(srv.requests()))
		}
		other = testOAuthClient(srv.URL)
		other.Scopes = []string{"read:things"}
		if tok := mustToken(t, tokens, other); tok != "tok-3" || len(srv.requests()) != 3 {
			t.Errorf("other scopes: token %q after %d requests", tok, len(srv.requests()))
		}
		if tok := mustToken(t, tokens, o); tok != "tok-1" || len(srv.requests()) != 3 {
			t.Errorf("first client again: token %q after %d requests", tok, len(srv.requests()))
		}
	})
	t.Run("expiring token refetched", func(t *testing.T) {
		srv := newTokenServer(t, numberedTokens(1))
		tokens := NewTokens(fakeFiles(map[string]string{"/s/client": "client-secret-1"}))
		o := testOAuthClient(srv.URL)
		for i := 1; i <= 3; i++ {
			if tok, want := mustToken(t, tokens, o), fmt.Sprintf("tok-%d", i); tok != want {
				t.Errorf("call %d: token %q, want %q", i, tok, want)
			}
		}
		if n := len(srv.requests()); n != 3 {
			t.Errorf("%d requests to the endpoint, want 3", n)
		}
	})
}

// The request is a client credentials grant: scopes space-separated, the
// audience as audience and resource, the client authenticated with HTTP
// Basic auth (and not in the form).
func TestTokensRequest(t *testing.T) {
	srv := newTokenServer(t, numberedTokens(3600))
	tokens := NewTokens(fakeFiles(map[string]string{"/s/client": " client-secret-1\n", "/s/bare": "bare-secret"}))
	if tok := mustToken(t, tokens, testOAuthClient(srv.URL)); tok != "tok-1" {
		t.Fatalf("token %q", tok)
	}
	reqs := srv.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	r := reqs[0]
	if r.method != http.MethodPost || r.path != "/oauth/token" || !strings.HasPrefix(r.contentType, "application/x-www-form-urlencoded") {
		t.Errorf("request %s %s (%s)", r.method, r.path, r.contentType)
	}
	if !r.basic || r.user != "mesh-client" || r.pass != "client-secret-1" {
		t.Errorf("basic auth %v %q %q, want mesh-client and the trimmed secret", r.basic, r.user, r.pass)
	}
	for key, want := range map[string]string{
		"grant_type": "client_credentials",
		"scope":      "read:things write:things",
		"audience":   "https://api.example.com/",
		"resource":   "https://api.example.com/",
	} {
		if got := r.form[key]; len(got) != 1 || got[0] != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	for _, key := range []string{"client_id", "client_secret"} {
		if r.form.Has(key) {
			t.Errorf("%s sent in the form: %q", key, r.form[key])
		}
	}

	// Without scopes or audience none of them is sent.
	bare := &OAuthClient{TokenURL: srv.URL + "/oauth/token", ClientID: "bare-client", ClientSecretFile: "/s/bare"}
	if tok := mustToken(t, tokens, bare); tok != "tok-2" {
		t.Fatalf("bare client: token %q", tok)
	}
	r = srv.requests()[1]
	if r.user != "bare-client" || r.pass != "bare-secret" || r.form.Get("grant_type") != "client_credentials" {
		t.Errorf("bare client: %+v", r)
	}
	for _, key := range []string{"scope", "audience", "resource"} {
		if r.form.Has(key) {
			t.Errorf("bare client: %s sent: %q", key, r.form[key])
		}
	}
}

// A rotated client secret is used once the file cache sees it: the next
// call fetches with it even though the last token is still valid, and the
// old token stays known.
func TestTokensSecretRotation(t *testing.T) {
	clock := time.Unix(1_000_000, 0)
	files := map[string]string{"/s/client": "secret-old"}
	accepted := "secret-old"
	srv := newTokenServer(t, acceptingSecret(func() string { return accepted }, 3600))
	tokens := NewTokens(clockedFiles(&clock, files))
	o := testOAuthClient(srv.URL)

	if tok := mustToken(t, tokens, o); tok != "tok-1" {
		t.Fatalf("token %q", tok)
	}
	files["/s/client"], accepted = "secret-new", "secret-new"

	// Within the file cache's interval the old secret is what is known;
	// the token it got is still valid, so nothing is fetched.
	clock = clock.Add(500 * time.Millisecond)
	if tok := mustToken(t, tokens, o); tok != "tok-1" || len(srv.requests()) != 1 {
		t.Errorf("before the file is read again: token %q after %d requests", tok, len(srv.requests()))
	}

	clock = clock.Add(time.Second)
	if tok := mustToken(t, tokens, o); tok != "tok-2" {
		t.Errorf("after the rotation: token %q, want tok-2", tok)
	}
	reqs := srv.requests()
	if len(reqs) != 2 || reqs[0].pass != "secret-old" || reqs[1].pass != "secret-new" {
		t.Errorf("requests: %+v", reqs)
	}
	// Reused from now on.
	clock = clock.Add(time.Second)
	if tok := mustToken(t, tokens, o); tok != "tok-2" || len(srv.requests()) != 2 {
		t.Errorf("after the rotation, again: token %q after %d requests", tok, len(srv.requests()))
	}
	if known := tokens.Known([]Credential{{OAuth: o}}); !sameSet(known, []string{"tok-2", "tok-1"}) {
		t.Errorf("Known = %q", known)
	}
}

// The endpoint already takes only the new secret while the file cache still
// holds the old one: the refusal makes Token read the file afresh and try
// once more with what it holds now.
func TestTokensSecretRetry(t *testing.T) {
	t.Run("first fetch", func(t *testing.T) {
		clock := time.Unix(1_000_000, 0)
		files := map[string]string{"/s/client": "secret-old"}
		secrets := clockedFiles(&clock, files)
		srv := newTokenServer(t, acceptingSecret(func() string { return "secret-new" }, 3600))
		tokens := NewTokens(secrets)
		o := testOAuthClient(srv.URL)

		if v, err := secrets.Read("/s/client"); err != nil || v != "secret-old" {
			t.Fatalf("priming the cache: %q %v", v, err)
		}
		files["/s/client"] = "secret-new" // the clock stands: the cache holds the old value
		if v, _ := secrets.Read("/s/client"); v != "secret-old" {
			t.Fatalf("cache: %q", v)
		}

		if tok := mustToken(t, tokens, o); tok != "tok-2" {
			t.Errorf("token %q, want tok-2", tok)
		}
		reqs := srv.requests()
		if len(reqs) != 2 || reqs[0].pass != "secret-old" || reqs[1].pass != "secret-new" {
			t.Fatalf("requests: %+v", reqs)
		}
		// The fresh read replaced the cached value, and the token is reused.
		if v, _ := secrets.Read("/s/client"); v != "secret-new" {
			t.Errorf("cache after the retry: %q", v)
		}
		if tok := mustToken(t, tokens, o); tok != "tok-2" || len(srv.requests()) != 2 {
			t.Errorf("again: token %q after %d requests", tok, len(srv.requests()))
		}
	})
	t.Run("refresh", func(t *testing.T) {
		clock := time.Unix(1_000_000, 0)
		files := map[string]string{"/s/client": "secret-old"}
		var mu sync.Mutex
		accepted := "secret-old"
		srv := newTokenServer(t, acceptingSecret(func() string { mu.Lock(); defer mu.Unlock(); return accepted }, 1))
		tokens := NewTokens(clockedFiles(&clock, files))
		o := testOAuthClient(srv.URL)

		if tok := mustToken(t, tokens, o); tok != "tok-1" {
			t.Fatalf("token %q", tok)
		}
		// Rotated at the endpoint and on disk within the cache's interval.
		files["/s/client"] = "secret-new"
		mu.Lock()
		accepted = "secret-new"
		mu.Unlock()
		if tok := mustToken(t, tokens, o); tok != "tok-3" {
			t.Errorf("token %q, want tok-3", tok)
		}
		reqs := srv.requests()
		if len(reqs) != 3 || reqs[0].pass != "secret-old" || reqs[1].pass != "secret-old" || reqs[2].pass != "secret-new" {
			t.Errorf("requests: %+v", reqs)
		}
		if known := tokens.Known([]Credential{{OAuth: o}}); !sameSet(known, []string{"tok-3", "tok-1"}) {
			t.Errorf("Known = %q", known)
		}
	})
}

// Failures are errors that say why without repeating the endpoint's answer
// or the client secret; a bad access token is never handed out.
func TestTokensErrors(t *testing.T) {
	const secret = "client-secret-never-shown"
	t.Run("invalid client", func(t *testing.T) {
		srv := newTokenServer(t, acceptingSecret(func() string { return "another-secret" }, 3600))
		tokens := NewTokens(fakeFiles(map[string]string{"/s/client": secret}))
		tok, err := tokens.Token(context.Background(), testOAuthClient(srv.URL))
		if err == nil || tok != "" {
			t.Fatalf("token %q, err %v", tok, err)
		}
		msg := err.Error()
		if !strings.Contains(msg, "HTTP 401") || !strings.Contains(msg, "invalid_client") {
			t.Errorf("error %q does not give the status and the code", msg)
		}
		if strings.Contains(msg, secret) || strings.Contains(msg, tokenErrorDetail) || strings.Contains(msg, "error_description") {
			t.Errorf("error %q repeats the answer or the secret", msg)
		}
		// The file did not change: no second attempt.
		if n := len(srv.requests()); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
		if known := tokens.Known([]Credential{{OAuth: testOAuthClient(srv.URL)}}); len(known) != 0 {
			t.Errorf("Known after a failure: %q", known)
		}
	})
	t.Run("server error with a page", func(t *testing.T) {
		srv := newTokenServer(t, func(w http.ResponseWriter, _ int, r tokenRequest) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusInternalServerError)
			fmt.Fprintf(w, "<html>%s, secret %s</html>", tokenErrorDetail, r.pass)
		})
		tokens := NewTokens(fakeFiles(map[string]string{"/s/client": secret}))
		_, err := tokens.Token(context.Background(), testOAuthClient(srv.URL))
		if err == nil || !strings.Contains(err.Error(), "HTTP 500") || strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), tokenErrorDetail) {
			t.Errorf("error %v", err)
		}
	})
	t.Run("endpoint unreachable", func(t *testing.T) {
		srv := newTokenServer(t, numberedTokens(3600))
		base := srv.URL
		srv.Close()
		tokens := NewTokens(fakeFiles(map[string]string{"/s/client": secret}))
		_, err := tokens.Token(context.Background(), testOAuthClient(base))
		if err == nil || strings.Contains(err.Error(), secret) {
			t.Errorf("error %v", err)
		}
	})
	for name, files := range map[string]map[string]string{
		"unreadable client secret": {},
		"empty client secret":      {"/s/client": " \n"},
	} {
		t.Run(name, func(t *testing.T) {
			srv := newTokenServer(t, numberedTokens(3600))
			tokens := NewTokens(fakeFiles(files))
			tok, err := tokens.Token(context.Background(), testOAuthClient(srv.URL))
			if err == nil || tok != "" || !strings.Contains(err.Error(), "client secret") {
				t.Errorf("token %q, err %v", tok, err)
			}
			if n := len(srv.requests()); n != 0 {
				t.Errorf("%d requests without a secret", n)
			}
		})
	}
	for name, token := range map[string]string{
		"line break in the token": "tok-a\nInjected: header",
		"carriage return":         "tok-a\rb",
		"NUL in the token":        "tok-a\x00b",
		"empty token":             "",
	} {
		t.Run(name, func(t *testing.T) {
			srv := newTokenServer(t, func(w http.ResponseWriter, _ int, _ tokenRequest) { writeTokenJSON(w, token, 3600) })
			tokens := NewTokens(fakeFiles(map[string]string{"/s/client": secret}))
			o := testOAuthClient(srv.URL)
			tok, err := tokens.Token(context.Background(), o)
			if err == nil || tok != "" {
				t.Errorf("token %q, err %v", tok, err)
			}
			if err != nil && strings.Contains(err.Error(), secret) {
				t.Errorf("error %v holds the secret", err)
			}
			if known := tokens.Known([]Credential{{OAuth: o}}); len(known) != 0 {
				t.Errorf("Known = %q", known)
			}
		})
	}
}

// Known gives the current token of each oauth credential and the few
// before it; other credentials, and clients never fetched for, add nothing.
func TestTokensKnown(t *testing.T) {
	srv := newTokenServer(t, numberedTokens(1))
	tokens := NewTokens(fakeFiles(map[string]string{"/s/client": "client-secret-1"}))
	o := testOAuthClient(srv.URL)
	unfetched := testOAuthClient(srv.URL)
	unfetched.ClientID = "never-fetched"
	creds := []Credential{
		{Host: "files.example.com", Port: 443, Header: "Authorization", SecretFile: "/s/token"},
		{Host: "api.example.com", Port: 443, Header: "Authorization", OAuth: o},
		{Host: "other.example.com", Port: 443, Header: "Authorization", OAuth: unfetched},
	}

	if known := tokens.Known(creds); len(known) != 0 {
		t.Errorf("before any fetch: %q", known)
	}
	if known := tokens.Known(nil); len(known) != 0 {
		t.Errorf("no credentials: %q", known)
	}

	mustToken(t, tokens, o)
	if known := tokens.Known(creds); !slices.Equal(known, []string{"tok-1"}) {
		t.Errorf("after one fetch: %q", known)
	}
	mustToken(t, tokens, o)
	if known := tokens.Known(creds); len(known) != 2 || known[0] != "tok-2" || !sameSet(known, []string{"tok-1", "tok-2"}) {
		t.Errorf("after a refetch: %q", known)
	}
	if known := tokens.Known(creds[:1]); len(known) != 0 {
		t.Errorf("secret file credential: %q", known)
	}
	if known := tokens.Known(creds[2:]); len(known) != 0 {
		t.Errorf("client never fetched for: %q", known)
	}

	// Only the last few earlier tokens are kept.
	for range 8 {
		mustToken(t, tokens, o)
	}
	known := tokens.Known(creds)
	want := []string{"tok-10"}
	for i := 10 - keepHistory; i < 10; i++ {
		want = append(want, fmt.Sprintf("tok-%d", i))
	}
	if len(known) != 1+keepHistory || known[0] != "tok-10" || !sameSet(known, want) {
		t.Errorf("after 10 fetches: %q, want %q", known, want)
	}
}

// An endpoint that hands out the same token again adds no history.
func TestTokensKnownSameToken(t *testing.T) {
	srv := newTokenServer(t, func(w http.ResponseWriter, _ int, _ tokenRequest) { writeTokenJSON(w, "same-token", 1) })
	tokens := NewTokens(fakeFiles(map[string]string{"/s/client": "client-secret-1"}))
	o := testOAuthClient(srv.URL)
	for range 3 {
		if tok := mustToken(t, tokens, o); tok != "same-token" {
			t.Fatalf("token %q", tok)
		}
	}
	if n := len(srv.requests()); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
	if known := tokens.Known([]Credential{{OAuth: o}}); !slices.Equal(known, []string{"same-token"}) {
		t.Errorf("Known = %q", known)
	}
}

// oauthNetwork has one oauth credential for api.example.com.
func oauthNetwork(o *OAuthClient) *Network {
	return &Network{Credentials: []Credential{{Host: "api.example.com", Port: 443, Header: "Authorization", Prefix: "Bearer ", OAuth: o}}}
}

// The gate adds a fetched token as the credential's header, and refuses
// with 503 rather than send the request without one.
func TestTokensGate(t *testing.T) {
	const public = "203.0.113.10"
	r := fakeResolver{addrs: map[string][]netip.Addr{"api.example.com": addrs(public)}}
	files := fakeFiles(map[string]string{"/s/client": "client-secret-1"})

	srv := newTokenServer(t, numberedTokens(3600))
	tokens := NewTokens(files)
	o := testOAuthClient(srv.URL)
	g, err := NewGate(oauthNetwork(o), r, files, tokens)
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range []Request{plain("api.example.com"), plain("api.example.com:443")} {
		d := g.Decide(context.Background(), req)
		if !d.Allowed || d.Rule != RuleNetworkCredential || d.Credential != 0 || d.Header != "Authorization" || d.Value != "Bearer tok-1" {
			t.Errorf("%s: %+v", req.Authority, d)
		}
		if d.Target != netip.MustParseAddrPort(public+":443") {
			t.Errorf("%s: target %v", req.Authority, d.Target)
		}
	}
	if n := len(srv.requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
	// CONNECT would bypass the header: refused without fetching anything.
	if d := g.Decide(context.Background(), connect("api.example.com:443")); d.Allowed || d.Rule != RuleNetworkCredential || d.Value != "" {
		t.Errorf("connect: %+v", d)
	}

	// The endpoint refuses: the request is refused, the reason says why
	// and holds no secret.
	bad := newTokenServer(t, acceptingSecret(func() string { return "another-secret" }, 3600))
	g, err = NewGate(oauthNetwork(testOAuthClient(bad.URL)), r, files, NewTokens(files))
	if err != nil {
		t.Fatal(err)
	}
	d := g.Decide(context.Background(), plain("api.example.com"))
	if d.Allowed || d.Rule != RuleNetworkSecret || d.Status() != 503 || d.Value != "" || d.Header != "" {
		t.Errorf("failing endpoint: allowed=%v rule=%q status=%d %q %q", d.Allowed, d.Rule, d.Status(), d.Header, d.Value)
	}
	if !strings.Contains(d.Reason, "api.example.com") || !strings.Contains(d.Reason, "HTTP 401") || strings.Contains(d.Reason, "client-secret-1") || strings.Contains(d.Reason, tokenErrorDetail) {
		t.Errorf("failing endpoint: reason %q", d.Reason)
	}

	// An unreadable client secret refuses the same way.
	g, err = NewGate(oauthNetwork(testOAuthClient(srv.URL)), r, files, NewTokens(fakeFiles(nil)))
	if err != nil {
		t.Fatal(err)
	}
	if d := g.Decide(context.Background(), plain("api.example.com")); d.Allowed || d.Rule != RuleNetworkSecret || d.Status() != 503 || d.Value != "" {
		t.Errorf("unreadable client secret: %+v", d)
	}
}

func TestTokensNewGateErrors(t *testing.T) {
	o := testOAuthClient("https://auth.example.com")
	if g, err := NewGate(oauthNetwork(o), fakeResolver{}, NewSecretFiles(), nil); err == nil {
		t.Errorf("oauth credential without a token cache: no error (%v)", g)
	}
	both := oauthNetwork(o)
	both.Credentials[0].SecretFile = "/s/token"
	if g, err := NewGate(both, fakeResolver{}, NewSecretFiles(), NewTokens(NewSecretFiles())); err == nil {
		t.Errorf("secretFile and oauth: no error (%v)", g)
	}
	if _, err := NewGate(oauthNetwork(o), fakeResolver{}, NewSecretFiles(), NewTokens(NewSecretFiles())); err != nil {
		t.Errorf("valid oauth credential: %v", err)
	}
}

// The credential guard redacts fetched tokens, current and earlier, in
// both directions.
func TestTokensCredentialGuard(t *testing.T) {
	srv := newTokenServer(t, func(w http.ResponseWriter, n int, _ tokenRequest) {
		writeTokenJSON(w, fmt.Sprintf("access-token-%d-9f8e7d6c", n), 1)
	})
	files := fakeFiles(map[string]string{"/s/client": "client-secret-1"})
	tokens := NewTokens(files)
	o := testOAuthClient(srv.URL)
	guard := NewCredentialGuard(oauthNetwork(o), files, tokens)
	if guard == nil {
		t.Fatal("nil guard")
	}
	intercept := func(x *interceptors.Exchange) string {
		t.Helper()
		if err := guard.Intercept(context.Background(), x); err != nil {
			t.Fatal(err)
		}
		return string(x.Message.Marshal())
	}

	// Nothing fetched yet: nothing is known, the message passes.
	x := response(textResult("Bearer access-token-1-9f8e7d6c"))
	if out := intercept(x); x.Action != interceptors.Allow || strings.Contains(out, redactedLabel) {
		t.Errorf("before a fetch: %v %s", x.Action, out)
	}

	first := mustToken(t, tokens, o)
	x = response(textResult("your header was Bearer " + first))
	if out := intercept(x); x.Action != interceptors.Modify || strings.Contains(out, first) || !strings.Contains(out, redactedLabel) {
		t.Errorf("current token: %v %s", x.Action, out)
	}
	x = call("fetch", `{"auth":"`+first+`"}`)
	if out := intercept(x); x.Action != interceptors.Modify || strings.Contains(out, first) || !strings.Contains(out, redactedLabel) {
		t.Errorf("current token in a request: %v %s", x.Action, out)
	}

	second := mustToken(t, tokens, o)
	if second == first {
		t.Fatalf("no new token: %q", second)
	}
	x = response(textResult("old " + first + " new " + second))
	out := intercept(x)
	if x.Action != interceptors.Modify || strings.Contains(out, first) || strings.Contains(out, second) || strings.Count(out, redactedLabel) != 2 {
		t.Errorf("current and earlier token: %v %s", x.Action, out)
	}
	for _, f := range x.Findings {
		if f.Rule != RuleNetworkCredential || strings.Contains(f.Detail, "access-token") {
			t.Errorf("finding %+v", f)
		}
	}

	// A text without a token is left alone.
	x = response(textResult("access-token-3-9f8e7d6c is not issued yet"))
	if out := intercept(x); x.Action != interceptors.Allow || strings.Contains(out, redactedLabel) {
		t.Errorf("no token: %v %s", x.Action, out)
	}
}

// Many requests needing the same client's token at once cause one fetch.
func TestTokensConcurrent(t *testing.T) {
	srv := newTokenServer(t, func(w http.ResponseWriter, n int, r tokenRequest) {
		time.Sleep(20 * time.Millisecond) // let the callers pile up
		writeTokenJSON(w, fmt.Sprintf("tok-%s-%d", r.user, n), 3600)
	})
	tokens := NewTokens(fakeFiles(map[string]string{"/s/client": "client-secret-1"}))
	a := testOAuthClient(srv.URL)
	b := testOAuthClient(srv.URL)
	b.ClientID = "mesh-client-b"
	creds := []Credential{{OAuth: a}, {OAuth: b}}

	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		got = map[string]int{}
	)
	start := make(chan struct{})
	for i := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			o := a
			if i%2 == 1 {
				o = b
			}
			for range 5 {
				tok, err := tokens.Token(context.Background(), o)
				if err != nil {
					t.Errorf("Token: %v", err)
					return
				}
				tokens.Known(creds)
				mu.Lock()
				got[tok]++
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()

	reqs := srv.requests()
	if len(reqs) != 2 {
		t.Errorf("%d requests, want one per client", len(reqs))
	}
	want := map[string]int{}
	for i, r := range reqs {
		want[fmt.Sprintf("tok-%s-%d", r.user, i+1)] = 16 * 5
	}
	if len(want) != 2 || len(got) != 2 {
		t.Errorf("tokens handed out: %v, want %v", got, want)
	}
	for tok, n := range want {
		if got[tok] != n {
			t.Errorf("token %q handed out %d times, want %d (all: %v)", tok, got[tok], n, got)
		}
	}
	if known := tokens.Known(creds); len(known) != 2 {
		t.Errorf("Known = %q", known)
	}
}
