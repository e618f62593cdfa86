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
// client, and refreshes each before it expires, so that the sidecar never
// holds a long-lived key for those destinations. One Tokens serves a server
// across policy versions: a token survives a policy change that leaves its
// client alone.
type Tokens struct {
	files  *SecretFiles
	client *http.Client

	mu      sync.Mutex
	clients map[string]*tokenClient // by clientKey
}

type tokenClient struct {
	mu      sync.Mutex
	secret  string // the client secret the source was built with
	source  oauth2.TokenSource
	current string
	history []string
}

// tokenFetchTimeout bounds one request to a token endpoint.
const tokenFetchTimeout = 10 * time.Second

// NewTokens returns an empty token cache reading client secrets through files.
func NewTokens(files *SecretFiles) *Tokens {
	return &Tokens{files: files, client: &http.Client{Timeout: tokenFetchTimeout}, clients: map[string]*tokenClient{}}
}

func clientKey(o *OAuthClient) string {
	return strings.Join([]string{o.TokenURL, o.ClientID, o.ClientSecretFile, strings.Join(o.Scopes, " "), o.Audience}, "\x00")
}

// Token returns a valid access token for o, fetching one when there is none
// or the last is about to expire. A client secret that changed on disk
// starts a new client (its old tokens stay known for redaction).
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
	tok, err := c.fetch(o, secret, t.client)
	if err != nil {
		// The secret may have been rotated since it was last read: try
		// once more with what the file holds now.
		if fresh, ferr := t.files.ReadFresh(o.ClientSecretFile); ferr == nil && fresh != secret {
			tok, err = c.fetch(o, fresh, t.client)
		}
	}
	if err != nil {
		return "", tokenError(err)
	}
	if tok.AccessToken == "" || strings.ContainsAny(tok.AccessToken, "\r\n\x00") {
		return "", errors.New("the token endpoint returned no usable access token")
	}
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

// fetch returns the client's token, building its source anew when the
// secret changed. The caller holds c.mu.
func (c *tokenClient) fetch(o *OAuthClient, secret string, client *http.Client) (*oauth2.Token, error) {
	if c.source == nil || c.secret != secret {
		cfg := &clientcredentials.Config{ClientID: o.ClientID, ClientSecret: secret, TokenURL: o.TokenURL, Scopes: o.Scopes, AuthStyle: oauth2.AuthStyleInHeader}
		if o.Audience != "" {
			cfg.EndpointParams = url.Values{"audience": {o.Audience}, "resource": {o.Audience}}
		}
		// The source keeps this context for every later fetch: it only
		// carries the HTTP client; each fetch is bounded by its timeout.
		c.source = cfg.TokenSource(context.WithValue(context.Background(), oauth2.HTTPClient, client))
		c.secret = secret
	}
	return c.source.Token()
}

// tokenError says why a fetch failed without repeating the endpoint's
// whole answer, which may be long or echo what was sent.
func tokenError(err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		msg := fmt.Sprintf("the token endpoint answered HTTP %d", re.Response.StatusCode)
		if re.ErrorCode != "" {
			msg += " " + re.ErrorCode
		}
		return errors.New(msg)
	}
	return fmt.Errorf("fetching a token: %w", err)
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
		c.mu.Lock()
		if c.current != "" {
			out = append(out, c.current)
		}
		out = append(out, c.history...)
		c.mu.Unlock()
	}
	return out
}
