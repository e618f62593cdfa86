package controlplane

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

const publicSet = `{"keys":[{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","kid":"1"}]}`
const privateSet = `{"keys":[{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","d":"870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE","kid":"1"}]}`

// A failed fetch keeps the last good key set; a set with a private key or
// no keys is refused.
func TestJWKSCache(t *testing.T) {
	var body atomic.Value
	body.Store(publicSet)
	var status atomic.Int32
	status.Store(200)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(int(status.Load()))
		_, _ = w.Write([]byte(body.Load().(string)))
	}))
	defer srv.Close()
	c := newJWKSCache()
	ctx := context.Background()
	if b, err := c.get(ctx, srv.URL); err != nil || string(b) != publicSet {
		t.Fatalf("first fetch: %v", err)
	}
	status.Store(500)
	c.sets[srv.URL] = jwksEntry{data: c.sets[srv.URL].data, fetched: time.Now().Add(-2 * JWKSRefresh)}
	if b, err := c.get(ctx, srv.URL); err == nil || string(b) != publicSet {
		t.Fatalf("a failed refresh must keep the last good set and say why: %q %v", b, err)
	}
	status.Store(200)
	body.Store(privateSet)
	if _, err := c.fetch(ctx, srv.URL); err == nil {
		t.Fatal("a key set holding a private key was accepted")
	}
	body.Store(`{"keys":[]}`)
	if _, err := c.fetch(ctx, srv.URL); err == nil {
		t.Fatal("an empty key set was accepted")
	}
}
