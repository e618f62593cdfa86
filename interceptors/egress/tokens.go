package egress

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Tokens fetches short-lived access tokens with the OAuth 2.0 client
// credentials grant (RFC 6749 §4.4) for credentials that name an oauth
// client, and replaces each shortly before it expires, so that the sidecar
// never holds a long-lived key for those destinations. One Tokens serves a
// server across policy versions: a token survives a policy change that
// leaves its client alone.
type Tokens struct {
	files  *SecretFiles
	client *http.Client
	now    func() time.Time

	mu      sync.Mutex
	clients map[string]*tokenClient // by clientKey
}

type tokenClient struct {
	mu      sync.Mutex
	secret  string        // the client secret of the last fetch
	token   *oauth2.Token // the last usable token
	failed  time.Time     // when the last fetch failed, and why
	failure error

	// known guards current and history apart from mu, so that the guard
	// reading them never waits on a fetch.
	known   sync.Mutex
	current string
	history []string
}

const (
	// tokenFetchTimeout bounds one request to a token endpoint (the
	// caller's deadline, when sooner, bounds it too).
	tokenFetchTimeout = 10 * time.Second
	// tokenEarly is how long before its expiry a token is replaced.
	tokenEarly = 10 * time.Second
	// tokenNoExpiry is how long a token that states no lifetime is used.
	tokenNoExpiry = time.Minute
	// tokenRetryAfter spaces fetches after a failure, so that a refusing
	// or hung endpoint is not asked once per proxied request.
	tokenRetryAfter = time.Second
)

// NewTokens returns an empty token cache reading client secrets through files.
func NewTokens(files *SecretFiles) *Tokens {
	return &Tokens{files: files, client: &http.Client{Timeout: tokenFetchTimeout}, now: time.Now, clients: map[string]*tokenClient{}}
}

func clientKey(o *OAuthClient) string {
	return strings.Join([]string{o.TokenURL, o.ClientID, o.ClientSecretFile, strings.Join(o.Scopes, " "), o.Audience}, "\x00")
}

// Token returns a valid access token for o, fetching one when there is none,
// the last is about to expire, or the client secret changed on disk (the
// old tokens stay known for redaction). The fetch runs within ctx.
func (t *Tokens) Token(ctx context.Context, o *OAuthClient) (string, error) {
	secret, err := t.files.Read(o.ClientSecretFile)
	if err != nil {
		return "", fmt.Errorf("client secret: %w", err)
	}
	t.mu.Lock()
	c := t.clients[clientKey(o)]
	if c == nil {
		c = &tokenClient{}
		t.clients[clientKey(o)] = c
	}
	t.mu.Unlock()

	c.mu.Lock()
	defer c.mu.Unlock()
	now := t.now()
	if c.secret == secret {
		if c.token != nil && c.token.Expiry.Add(-tokenEarly).After(now) {
			return c.token.AccessToken, nil
		}
		if c.failure != nil && now.Sub(c.failed) < tokenRetryAfter {
			return "", c.failure
		}
	}
	tok, err := t.fetch(ctx, o, secret)
	if err != nil {
		// The secret may have been rotated since it was last read: try
		// once more with what the file holds now.
		if fresh, ferr := t.files.ReadFresh(o.ClientSecretFile); ferr == nil && fresh != secret {
			secret = fresh
			tok, err = t.fetch(ctx, o, secret)
		}
	}
	if err == nil && (tok.AccessToken == "" || strings.ContainsAny(tok.AccessToken, "\r\n\x00")) {
		err = errors.New("the token endpoint returned no usable access token")
	}
	if err != nil {
		c.secret, c.token, c.failed, c.failure = secret, nil, now, tokenError(err)
		return "", c.failure
	}
	if tok.Expiry.IsZero() {
		tok.Expiry = now.Add(tokenNoExpiry)
	}
	c.secret, c.token, c.failure = secret, tok, nil
	c.known.Lock()
	defer c.known.Unlock()
	if tok.AccessToken != c.current {
		if c.current != "" {
			c.history = append(c.history, c.current)
			if len(c.history) > keepHistory {
				c.history = c.history[1:]
			}
		}
		c.current = tok.AccessToken
	}
	return c.current, nil
}

// fetch asks the token endpoint for a new token, within ctx.
func (t *Tokens) fetch(ctx context.Context, o *OAuthClient, secret string) (*oauth2.Token, error) {
	cfg := &clientcredentials.Config{ClientID: o.ClientID, ClientSecret: secret, TokenURL: o.TokenURL, Scopes: o.Scopes, AuthStyle: oauth2.AuthStyleInHeader}
	if o.Audience != "" {
		cfg.EndpointParams = url.Values{"audience": {o.Audience}, "resource": {o.Audience}}
	}
	return cfg.Token(context.WithValue(ctx, oauth2.HTTPClient, t.client))
}

// tokenError says why a fetch failed by status and OAuth error code only:
// the endpoint's answer may be long, or echo what was sent.
func tokenError(err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		msg := fmt.Sprintf("the token endpoint answered HTTP %d", re.Response.StatusCode)
		if OAuthErrorCode(re.ErrorCode) {
			msg += " " + re.ErrorCode
		}
		return errors.New(msg)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("fetching a token: %v", ue.Err)
	}
	return fmt.Errorf("fetching a token: %w", err)
}

// OAuthErrorCode reports whether s can be an OAuth error code (RFC 6749
// §5.2: printable ASCII without '"' and '\'), short enough to quote; what
// else an endpoint sends is not repeated.
func OAuthErrorCode(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// Known returns the tokens issued for the oauth clients of creds, current
// and recent.
func (t *Tokens) Known(creds []Credential) []string {
	var out []string
	for i := range creds {
		o := creds[i].OAuth
		if o == nil {
			continue
		}
		t.mu.Lock()
		c := t.clients[clientKey(o)]
		t.mu.Unlock()
		if c == nil {
			continue
		}
		c.known.Lock()
		if c.current != "" {
			out = append(out, c.current)
		}
		out = append(out, c.history...)
		c.known.Unlock()
	}
	return out
}
