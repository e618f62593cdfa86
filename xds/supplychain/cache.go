package supplychain

import (
	"context"
	"sync"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
)

// Cache memoises verification results per pinned reference, runs at most
// maxConcurrent verifications at a time and coalesces concurrent requests for
// the same reference into one verification (singleflight).
//
// Only successful verifications are cached: a digest is immutable and the
// verifier's policy (key, or trusted root and identity) is fixed for the
// lifetime of the Cache, so a verified result stays valid.
// Rejections are not cached, so a transient registry failure or a signature
// pushed later is picked up on the next call; concurrent callers still share
// one attempt. Entries are keyed by the full reference (repository@digest),
// because signatures are stored per repository.
type Cache struct {
	v   ImageVerifier
	sem Limit

	// flightTimeout bounds a shared verification, which outlives the caller
	// that started it (other callers may be waiting on it).
	flightTimeout time.Duration

	mu       sync.Mutex
	verified map[string]*Result
	inflight map[string]*flight
}

type flight struct {
	done chan struct{}
	res  *Result
	err  error
}

// Limit bounds the verifications running at once across every Cache built
// with it (NewLimitedCache).
type Limit chan struct{}

// NewLimit returns a limit of n verifications; n < 1 is treated as 1.
func NewLimit(n int) Limit { return make(Limit, max(n, 1)) }

// NewCache wraps v. maxConcurrent < 1 is treated as 1.
func NewCache(v interface {
	VerifyImage(context.Context, name.Digest) (*Result, error)
}, maxConcurrent int) *Cache {
	return NewLimitedCache(v, NewLimit(maxConcurrent))
}

// NewLimitedCache wraps v; its verifications count against lim, which other
// caches (other verification settings) may share. Cache hits do not wait.
func NewLimitedCache(v interface {
	VerifyImage(context.Context, name.Digest) (*Result, error)
}, lim Limit) *Cache {
	return &Cache{
		v:             v,
		sem:           lim,
		flightTimeout: 2 * time.Minute,
		verified:      map[string]*Result{},
		inflight:      map[string]*flight{},
	}
}

// Verify returns the cached result for ref if it was verified before,
// otherwise verifies it (joining an in-flight verification of the same
// reference if there is one). The returned Result is a copy.
func (c *Cache) Verify(ctx context.Context, ref name.Digest) (*Result, error) {
	key := ref.Name()

	c.mu.Lock()
	if r, ok := c.verified[key]; ok {
		c.mu.Unlock()
		return copyResult(r), nil
	}
	f, ok := c.inflight[key]
	if !ok {
		f = &flight{done: make(chan struct{})}
		c.inflight[key] = f
		// The verification runs detached from this caller's cancellation so
		// that one caller giving up does not fail the others waiting on it.
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.flightTimeout)
		go func() {
			defer cancel()
			c.run(fctx, key, ref, f)
		}()
	}
	c.mu.Unlock()

	select {
	case <-f.done:
		return copyResult(f.res), f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (c *Cache) run(ctx context.Context, key string, ref name.Digest, f *flight) {
	defer func() {
		c.mu.Lock()
		if f.err == nil && f.res != nil && f.res.Verified {
			c.verified[key] = f.res
		}
		delete(c.inflight, key)
		c.mu.Unlock()
		close(f.done)
	}()

	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		f.err = ctx.Err()
		return
	}
	defer func() { <-c.sem }()

	f.res, f.err = c.v.VerifyImage(ctx, ref)
}

// Len reports how many verified results are cached.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.verified)
}

func copyResult(r *Result) *Result {
	if r == nil {
		return nil
	}
	cp := *r
	return &cp
}
