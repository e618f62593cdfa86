// Package ratelimit refuses tools/call beyond a rate, per agent (the
// subject the ingress verified) and tool pattern, or per server. It runs in
// ext_proc because its key needs the body (the tool) and the identity.
// Buckets live in memory, per ext_proc instance; their number is bounded.
package ratelimit

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/time/rate"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/toolglob"
)

// MaxBuckets bounds the buckets one rule keeps: agents are many but not
// unbounded; past it the least recently used bucket is dropped (its agent
// starts again with a full bucket).
const MaxBuckets = 10000

// CodeRateLimited is the JSON-RPC error code of a call refused for its rate.
const CodeRateLimited = -32029

// Limiter is the compiled form of Policy.
type Limiter struct {
	rules []*rule
	now   func() time.Time
}

type rule struct {
	tools  []toolglob.Pattern
	per    string
	limit  rate.Limit
	burst  int
	name   string
	mu     sync.Mutex
	bucket *simplelru.LRU[string, *rate.Limiter] // by key, the least recently used dropped first
}

var _ interceptors.Interceptor = (*Limiter)(nil)

// New compiles p.
func New(p *Policy) (*Limiter, error) {
	l := &Limiter{now: time.Now}
	for i, r := range p.Rules {
		if r.PerSecond <= 0 || r.Burst < 1 {
			return nil, fmt.Errorf("rateLimits[%d]: rate and burst must be positive", i)
		}
		buckets, err := simplelru.NewLRU[string, *rate.Limiter](MaxBuckets, nil)
		if err != nil {
			return nil, err
		}
		cr := &rule{per: r.Per, limit: rate.Limit(r.PerSecond), burst: r.Burst, bucket: buckets,
			name: fmt.Sprintf("rateLimits[%d]", i)}
		for _, t := range r.Tools {
			g, err := toolglob.Compile(t)
			if err != nil {
				return nil, fmt.Errorf("rateLimits[%d]: %w", i, err)
			}
			cr.tools = append(cr.tools, g)
		}
		l.rules = append(l.rules, cr)
	}
	return l, nil
}

// Name implements interceptors.Interceptor.
func (l *Limiter) Name() string { return "ratelimit" }

// Intercept implements interceptors.Interceptor.
func (l *Limiter) Intercept(_ context.Context, x *interceptors.Exchange) error {
	if x.Direction != interceptors.ToServer || x.Message.Method != "tools/call" {
		return nil
	}
	now := l.now()
	for _, r := range l.rules {
		if !r.matches(x.Tool) {
			continue
		}
		key := ""
		if r.per == PerClient {
			key = x.Client.Subject
		}
		if !r.allow(key, now) {
			x.Refuse(r.name, fmt.Sprintf("too many calls of %q: at most %s (burst %d) %s; retry later", x.Tool, perText(r.limit), r.burst, scope(r.per)))
			x.Code = CodeRateLimited
			x.HTTPStatus = 429
			return nil
		}
	}
	return nil
}

func (r *rule) matches(tool string) bool {
	for _, g := range r.tools {
		if g.Match(tool) {
			return true
		}
	}
	return false
}

func (r *rule) allow(key string, now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	l, ok := r.bucket.Get(key)
	if !ok {
		l = rate.NewLimiter(r.limit, r.burst)
		r.bucket.Add(key, l)
	}
	return l.AllowN(now, 1)
}

func perText(l rate.Limit) string {
	if l >= 1 {
		return fmt.Sprintf("%g a second", float64(l))
	}
	return fmt.Sprintf("%g a minute", float64(l)*60)
}

func scope(per string) string {
	if per == PerServer {
		return "for all agents together"
	}
	return "per agent"
}
