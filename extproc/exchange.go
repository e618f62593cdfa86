package extproc

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// RFC 8693 token exchange: the agent's token, verified at the ingress, is
// traded at the authorization server for one whose audience is the server
// (or the API behind it), and that one is what the server receives. The
// agent's own token never reaches the server, so a server cannot replay it
// elsewhere (MCP forbids token passthrough).

const (
	grantTokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange"
	tokenTypeAccess    = "urn:ietf:params:oauth:token-type:access_token"
	// exchangeEarly is how long before its expiry an exchanged token is
	// exchanged again, so none expires on the way.
	exchangeEarly = 10 * time.Second
	// maxExchanged bounds the cache: one entry per agent token in use.
	maxExchanged = 10000
)

// exchanger exchanges tokens for one server and caches the results until
// shortly before they expire, keyed by a hash of the agent's token.
type exchanger struct {
	cfg    ir.TokenExchange
	files  *egress.SecretFiles
	client *http.Client
	now    func() time.Time

	mu    sync.Mutex
	cache map[[32]byte]exchanged
}

type exchanged struct {
	token   string
	expires time.Time
}

func newExchanger(cfg ir.TokenExchange, files *egress.SecretFiles) *exchanger {
	return &exchanger{cfg: cfg, files: files, client: &http.Client{Timeout: 10 * time.Second}, now: time.Now, cache: map[[32]byte]exchanged{}}
}

// exchange returns a token for the server in place of subject; hit says it
// came from the cache.
func (x *exchanger) exchange(ctx context.Context, subject string) (token string, hit bool, err error) {
	key := sha256.Sum256([]byte(subject))
	x.mu.Lock()
	e, ok := x.cache[key]
	x.mu.Unlock()
	if ok && x.now().Before(e.expires) {
		return e.token, true, nil
	}
	secret, err := x.files.Read(x.cfg.ClientSecretFile)
	if err != nil {
		return "", false, fmt.Errorf("client secret: %w", err)
	}
	tok, lifetime, err := x.request(ctx, subject, secret)
	if err != nil {
		return "", false, err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if len(x.cache) >= maxExchanged {
		x.evict()
	}
	x.cache[key] = exchanged{token: tok, expires: x.now().Add(lifetime - exchangeEarly)}
	return tok, false, nil
}

// evict drops expired entries, and then arbitrary ones if it must. The
// caller holds mu.
func (x *exchanger) evict() {
	now := x.now()
	for k, e := range x.cache {
		if now.After(e.expires) {
			delete(x.cache, k)
		}
	}
	for k := range x.cache {
		if len(x.cache) < maxExchanged {
			break
		}
		delete(x.cache, k)
	}
}

// request makes one RFC 8693 exchange; the client authenticates with HTTP
// Basic (RFC 6749 §2.3.1).
func (x *exchanger) request(ctx context.Context, subject, secret string) (string, time.Duration, error) {
	form := url.Values{
		"grant_type":         {grantTokenExchange},
		"subject_token":      {subject},
		"subject_token_type": {tokenTypeAccess},
		"audience":           {x.cfg.Audience},
	}
	if len(x.cfg.Scopes) > 0 {
		form.Set("scope", strings.Join(x.cfg.Scopes, " "))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, x.cfg.TokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.SetBasicAuth(url.QueryEscape(x.cfg.ClientID), url.QueryEscape(secret))
	resp, err := x.client.Do(req)
	if err != nil {
		return "", 0, fmt.Errorf("token exchange: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var out struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
		Error       string `json:"error"`
	}
	_ = json.Unmarshal(body, &out)
	if resp.StatusCode != http.StatusOK {
		// The status and the OAuth error code only: the answer may echo
		// what was sent.
		msg := fmt.Sprintf("the authorization server answered HTTP %d", resp.StatusCode)
		if egress.OAuthErrorCode(out.Error) {
			msg += " " + out.Error
		}
		return "", 0, errors.New(msg)
	}
	if out.AccessToken == "" || strings.ContainsAny(out.AccessToken, "\r\n\x00") {
		return "", 0, errors.New("the authorization server returned no usable access token")
	}
	lifetime := time.Duration(out.ExpiresIn) * time.Second
	if out.ExpiresIn <= 0 {
		lifetime = exchangeEarly + time.Minute // none given: keep it a minute
	}
	return out.AccessToken, lifetime, nil
}
