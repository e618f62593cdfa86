package supplychain

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
)

// fakeVerifier counts calls, tracks the peak number of concurrent calls and
// can hold every call until release is closed.
type fakeVerifier struct {
	calls   atomic.Int64
	active  atomic.Int64
	peak    atomic.Int64
	release chan struct{}
	fail    atomic.Bool
}

func (f *fakeVerifier) VerifyImage(ctx context.Context, ref name.Digest) (*Result, error) {
	f.calls.Add(1)
	n := f.active.Add(1)
	defer f.active.Add(-1)
	for {
		p := f.peak.Load()
		if n <= p || f.peak.CompareAndSwap(p, n) {
			break
		}
	}
	if f.release != nil {
		select {
		case <-f.release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if f.fail.Load() {
		e := &Error{Reason: ReasonNoSignatures, kind: ErrNoSignatures}
		return &Result{Digest: ref.DigestStr(), Reason: e.Reason}, e
	}
	return &Result{Digest: ref.DigestStr(), Verified: true, Reason: ReasonVerified, Signatures: 1}, nil
}

func digestRef(t *testing.T, i int) name.Digest {
	t.Helper()
	d, err := ParsePinned(fmt.Sprintf("127.0.0.1:5000/mcp/server@sha256:%064x", i+1))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCacheReturnsCachedResult(t *testing.T) {
	f := &fakeVerifier{}
	c := NewCache(f, 4)
	ref := digestRef(t, 0)
	for i := 0; i < 5; i++ {
		res, err := c.Verify(context.Background(), ref)
		if err != nil || !res.Verified {
			t.Fatalf("Verify #%d: %+v %v", i, res, err)
		}
	}
	if n := f.calls.Load(); n != 1 {
		t.Fatalf("verifier called %d times, want 1", n)
	}
	// Mutating a returned result must not change the cache.
	res, _ := c.Verify(context.Background(), ref)
	res.Verified = false
	if res2, _ := c.Verify(context.Background(), ref); !res2.Verified {
		t.Fatal("cached result was mutated through a returned copy")
	}
}

func TestCacheSingleflight(t *testing.T) {
	f := &fakeVerifier{release: make(chan struct{})}
	c := NewCache(f, 4)
	ref := digestRef(t, 0)

	const callers = 20
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	for i := 0; i < callers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := c.Verify(context.Background(), ref)
			if err == nil && !res.Verified {
				err = errors.New("not verified")
			}
			errs <- err
		}()
	}
	waitFor(t, func() bool { return f.calls.Load() == 1 })
	time.Sleep(20 * time.Millisecond) // give the other callers time to (wrongly) start verifications
	close(f.release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := f.calls.Load(); n != 1 {
		t.Fatalf("verifier called %d times for one digest, want 1", n)
	}
}

func TestCacheBoundsConcurrency(t *testing.T) {
	const limit, digests = 2, 8
	f := &fakeVerifier{release: make(chan struct{})}
	c := NewCache(f, limit)

	var wg sync.WaitGroup
	var ok atomic.Int64
	for i := 0; i < digests; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if res, err := c.Verify(context.Background(), digestRef(t, i)); err == nil && res.Verified {
				ok.Add(1)
			}
		}(i)
	}
	waitFor(t, func() bool { return f.active.Load() == limit })
	time.Sleep(20 * time.Millisecond) // would let a third verification start if the bound leaked
	if p := f.peak.Load(); p != limit {
		t.Fatalf("peak concurrency %d while blocked, want %d", p, limit)
	}
	close(f.release)
	wg.Wait()
	if p := f.peak.Load(); p > limit {
		t.Fatalf("peak concurrency %d, limit %d", p, limit)
	}
	if ok.Load() != digests || f.calls.Load() != digests || c.Len() != digests {
		t.Fatalf("ok=%d calls=%d cached=%d, want %d each", ok.Load(), f.calls.Load(), c.Len(), digests)
	}
}

func TestCacheDoesNotCacheRejections(t *testing.T) {
	f := &fakeVerifier{}
	f.fail.Store(true)
	c := NewCache(f, 1)
	ref := digestRef(t, 0)

	res, err := c.Verify(context.Background(), ref)
	if !errors.Is(err, ErrNoSignatures) || res == nil || res.Verified || res.Reason != ReasonNoSignatures {
		t.Fatalf("first Verify: %+v %v", res, err)
	}
	f.fail.Store(false) // e.g. the image got signed meanwhile
	res, err = c.Verify(context.Background(), ref)
	if err != nil || !res.Verified {
		t.Fatalf("second Verify: %+v %v", res, err)
	}
	if n := f.calls.Load(); n != 2 {
		t.Fatalf("verifier called %d times, want 2", n)
	}
}

// A caller that gives up gets its context error; the shared verification
// carries on for the other callers and is cached.
func TestCacheCallerCancellation(t *testing.T) {
	f := &fakeVerifier{release: make(chan struct{})}
	c := NewCache(f, 1)
	ref := digestRef(t, 0)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := c.Verify(ctx, ref)
		done <- err
	}()
	waitFor(t, func() bool { return f.calls.Load() == 1 })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled caller got %v", err)
	}

	second := make(chan *Result, 1)
	go func() {
		res, _ := c.Verify(context.Background(), ref)
		second <- res
	}()
	close(f.release)
	if res := <-second; res == nil || !res.Verified {
		t.Fatalf("second caller got %+v", res)
	}
	if n := f.calls.Load(); n != 1 {
		t.Fatalf("verifier called %d times, want 1", n)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached within 5s")
		}
		time.Sleep(time.Millisecond)
	}
}

// TestSharedLimit: caches built with one Limit share it, and a verified
// image is answered from the cache while the limit is taken.
func TestSharedLimit(t *testing.T) {
	lim := NewLimit(1)
	done := &fakeVerifier{}
	a := NewLimitedCache(done, lim)
	if _, err := a.Verify(context.Background(), digestRef(t, 0)); err != nil {
		t.Fatal(err)
	}
	slow := &fakeVerifier{release: make(chan struct{})}
	b, c := NewLimitedCache(slow, lim), NewLimitedCache(slow, lim)
	go func() { _, _ = b.Verify(context.Background(), digestRef(t, 1)) }()
	go func() { _, _ = c.Verify(context.Background(), digestRef(t, 2)) }()
	deadline := time.Now().Add(5 * time.Second)
	for slow.calls.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if _, err := a.Verify(ctx, digestRef(t, 0)); err != nil {
		t.Errorf("a cached result waited for the limit: %v", err)
	}
	time.Sleep(20 * time.Millisecond)
	if n := slow.calls.Load(); n != 1 {
		t.Errorf("%d verifications ran at once under a limit of 1", n)
	}
	close(slow.release)
}
