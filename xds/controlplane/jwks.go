package controlplane

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-json-experiment/json"

	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// JWKSRefresh is how often a key set named by URL is fetched again.
const JWKSRefresh = 5 * time.Minute

// jwksCache holds key sets fetched from their URLs. A failed fetch keeps
// the last good set; with none, the ingress gets an empty set and refuses
// every token (closed, never open).
type jwksCache struct {
	client *http.Client
	mu     sync.Mutex
	sets   map[string]jwksEntry
}

type jwksEntry struct {
	data    []byte
	fetched time.Time
}

func newJWKSCache() *jwksCache {
	return &jwksCache{client: &http.Client{Timeout: 10 * time.Second}, sets: map[string]jwksEntry{}}
}

// get returns the key set at url, fetched when older than JWKSRefresh.
func (c *jwksCache) get(ctx context.Context, url string) ([]byte, error) {
	c.mu.Lock()
	e, ok := c.sets[url]
	c.mu.Unlock()
	if ok && time.Since(e.fetched) < JWKSRefresh {
		return e.data, nil
	}
	data, err := c.fetch(ctx, url)
	if err != nil {
		if ok {
			return e.data, err // the last good set keeps serving
		}
		return nil, err
	}
	c.mu.Lock()
	c.sets[url] = jwksEntry{data: data, fetched: time.Now()}
	c.mu.Unlock()
	return data, nil
}

func (c *jwksCache) fetch(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("JWKS %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("JWKS %s: HTTP %d", url, resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("JWKS %s: %w", url, err)
	}
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(data, &set, json.RejectUnknownMembers(false)); err != nil || len(set.Keys) == 0 {
		return nil, fmt.Errorf("JWKS %s: not a key set with keys", url)
	}
	for _, k := range set.Keys {
		if !k.IsPublic() {
			return nil, fmt.Errorf("JWKS %s: holds a private key; refused", url)
		}
	}
	return data, nil
}

// withJWKS fills the key set of an ingress whose issuer's keys are named by
// URL. A fetch that fails with no set cached leaves an empty one: no token
// verifies until the issuer answers.
func (cp *ControlPlane) withJWKS(ctx context.Context, p *ir.Policy) *ir.Policy {
	if p.Ingress == nil || p.Ingress.JWT == nil || p.Ingress.JWT.JWKSURL == "" {
		return p
	}
	j := *p.Ingress.JWT
	data, err := cp.jwks.get(ctx, j.JWKSURL)
	if err != nil {
		cp.log.Error("issuer keys could not be fetched; the last good set serves, or none (every token refused)", "url", j.JWKSURL, "error", err)
	}
	if data == nil {
		data = []byte(`{"keys":[]}`)
	}
	j.JWKS = data
	in := *p.Ingress
	in.JWT = &j
	eff := *p
	eff.Ingress = &in
	return &eff
}

// RefreshJWKS republishes every interval while the policy names a key set
// by URL, so a rotated key reaches the ingress (a republish that changes
// nothing pushes nothing).
func (cp *ControlPlane) RefreshJWKS(ctx context.Context, every time.Duration) {
	cp.republishEvery(ctx, every, func(p *ir.Policy) bool {
		return p.Ingress != nil && p.Ingress.JWT != nil && p.Ingress.JWT.JWKSURL != ""
	})
}
