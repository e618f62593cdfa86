// Package imagegate decides which MCP servers the control plane may route
// to: a server is routed only once its image, pinned by digest, carries a
// signature that verifies under the policy's verification settings, or when
// the policy marks it unverifiedLocal (development only).
//
// Verifications run in the background through supplychain.Cache (bounded
// concurrency, one verification per digest, successes cached). Evaluate
// waits a short while for them; a server whose verification has not
// finished is held back as pending, and the gate calls its OnChange hook
// when a result arrives so the control plane can publish again.
package imagegate

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/supplychain"
)

// State of one server's image.
type State string

const (
	Verified        State = "verified"
	Failed          State = "failed"
	Pending         State = "pending"
	UnverifiedLocal State = "unverified_local"
)

// States lists every state, for metrics.
var States = []State{Verified, Failed, Pending, UnverifiedLocal}

// Status is what the gate knows about one server.
type Status struct {
	Server     string    `json:"server"`
	Image      string    `json:"image,omitempty"`
	State      State     `json:"state"`
	Reason     string    `json:"reason,omitempty"`
	Signatures int       `json:"signatures,omitempty"`
	CheckedAt  time.Time `json:"checked_at,omitzero"`
}

// Routable reports whether the server may receive traffic.
func (s Status) Routable() bool { return s.State == Verified || s.State == UnverifiedLocal }

// Options configure a Gate.
type Options struct {
	Logger  *slog.Logger
	Metrics *Metrics
	// Wait bounds how long Evaluate waits for verifications in flight
	// before it answers with the server pending (default 5s).
	Wait time.Duration
	// OnChange is called (from a background goroutine) when a pending
	// verification finishes, so the caller can evaluate and publish again.
	OnChange func()
	// RemoteOptions are added to every registry request, e.g. credentials.
	// Default: the Docker credential keychain.
	RemoteOptions []remote.Option
	// RetryAfter is how long a failed verification stands before the next
	// Evaluate tries again (default 30s); successes are kept for good.
	RetryAfter time.Duration
}

// Gate tracks image verification for every server of the policy in force.
type Gate struct {
	opts Options
	log  *slog.Logger

	mu       sync.Mutex
	caches   map[string]*supplychain.Cache // by verification settings
	limits   map[int]supplychain.Limit     // by supplyChain.concurrency, shared by its caches
	status   map[string]Status             // by server name
	failures map[string]Status             // by image and settings
}

// New returns a gate.
func New(o Options) *Gate {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Metrics == nil {
		o.Metrics = NewMetrics(nil)
	}
	if o.Wait == 0 {
		o.Wait = 5 * time.Second
	}
	if o.RetryAfter == 0 {
		o.RetryAfter = 30 * time.Second
	}
	if o.RemoteOptions == nil {
		o.RemoteOptions = []remote.Option{remote.WithAuthFromKeychain(authn.DefaultKeychain)}
	}
	return &Gate{opts: o, log: o.Logger, caches: map[string]*supplychain.Cache{}, limits: map[int]supplychain.Limit{}, status: map[string]Status{}, failures: map[string]Status{}}
}

// Evaluate returns the status of every server of p, verifying images it has
// not verified yet. Servers that are not Routable must not be routed.
func (g *Gate) Evaluate(ctx context.Context, p *ir.Policy) map[string]Status {
	type job struct {
		server string
		image  string
		done   chan Status
	}
	var jobs []job
	out := make(map[string]Status, len(p.Servers))
	for i := range p.Servers {
		s := &p.Servers[i]
		switch {
		case s.UnverifiedLocal:
			out[s.Name] = Status{Server: s.Name, Image: s.Image, State: UnverifiedLocal,
				Reason: "marked unverifiedLocal in the policy: the image is not verified (development only)"}
			g.log.Warn("server routed WITHOUT image verification (unverifiedLocal)", "server", s.Name, "image", s.Image)
		case s.Image == "" || s.Verify == nil:
			// The policy loader refuses this; an IR built another way must
			// not slip through either.
			out[s.Name] = Status{Server: s.Name, Image: s.Image, State: Failed, Reason: "no pinned image with a verification policy"}
		default:
			if st, ok := g.recentFailure(p.SupplyChain, s); ok {
				out[s.Name] = st
				continue
			}
			done := make(chan Status, 1)
			// Verification outlives this call when it runs past Wait.
			go func(s ir.Server) { done <- g.verify(context.WithoutCancel(ctx), p.SupplyChain, s) }(*s)
			jobs = append(jobs, job{server: s.Name, image: s.Image, done: done})
		}
	}
	timer := time.NewTimer(g.opts.Wait)
	defer timer.Stop()
	for _, j := range jobs {
		select {
		case st := <-j.done:
			out[j.server] = st
		case <-timer.C:
			// Give up waiting on the rest; each job still completes and calls OnChange.
			for _, rest := range jobs {
				if _, ok := out[rest.server]; !ok {
					select {
					case st := <-rest.done:
						out[rest.server] = st
					default:
						out[rest.server] = Status{Server: rest.server, Image: rest.image, State: Pending, Reason: "image signature verification in progress"}
						go g.notifyWhenDone(rest.done)
					}
				}
			}
			return g.record(p, out)
		}
	}
	return g.record(p, out)
}

func (g *Gate) notifyWhenDone(done chan Status) {
	<-done
	if g.opts.OnChange != nil {
		g.opts.OnChange()
	}
}

// record keeps out as the current status, updates metrics, and logs changes.
func (g *Gate) record(p *ir.Policy, out map[string]Status) map[string]Status {
	g.mu.Lock()
	defer g.mu.Unlock()
	for name, st := range out {
		prev, seen := g.status[name]
		if !seen || prev.State != st.State || prev.Reason != st.Reason || prev.Image != st.Image {
			switch st.State {
			case Failed:
				g.log.Error("server NOT routed: image verification failed", "server", name, "image", st.Image, "reason", st.Reason)
			case Pending:
				g.log.Info("server not routed until its image is verified", "server", name, "image", st.Image)
			case Verified:
				g.log.Info("server image verified", "server", name, "image", st.Image, "signatures", st.Signatures)
			}
		}
		g.status[name] = st
		g.opts.Metrics.setState(name, st.State)
	}
	for name := range g.status {
		if p.Server(name) == nil {
			delete(g.status, name)
			g.opts.Metrics.forget(name)
		}
	}
	return out
}

// Statuses returns the last known status of every server, by name.
func (g *Gate) Statuses() []Status {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]Status, 0, len(g.status))
	for _, st := range g.status {
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Server < out[j].Server })
	return out
}

func failureKey(sc ir.SupplyChain, s *ir.Server) string {
	return settingsKey(sc, s.Verify) + "/" + s.Image
}

// recentFailure returns the failure of s's image if it is younger than RetryAfter.
func (g *Gate) recentFailure(sc ir.SupplyChain, s *ir.Server) (Status, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	st, ok := g.failures[failureKey(sc, s)]
	if !ok || time.Since(st.CheckedAt) >= g.opts.RetryAfter {
		return Status{}, false
	}
	st.Server = s.Name
	return st, true
}

// verify checks one server's image through the cache of its settings.
func (g *Gate) verify(ctx context.Context, sc ir.SupplyChain, s ir.Server) (st Status) {
	defer func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		if st.State == Failed {
			g.failures[failureKey(sc, &s)] = st
		} else {
			delete(g.failures, failureKey(sc, &s))
		}
	}()
	st = Status{Server: s.Name, Image: s.Image, State: Failed, CheckedAt: time.Now()}
	ref, err := supplychain.ParsePinned(s.Image)
	if err != nil {
		st.Reason = err.Error()
		return st
	}
	cache, err := g.cache(sc, s.Verify)
	if err != nil {
		st.Reason = err.Error()
		return st
	}
	start := time.Now()
	res, err := cache.Verify(ctx, ref)
	st.CheckedAt = time.Now()
	g.opts.Metrics.observe(s.Name, res, err, time.Since(start))
	if err != nil {
		st.Reason = err.Error()
		return st
	}
	st.State, st.Reason, st.Signatures = Verified, res.Reason, res.Signatures
	return st
}

// cache returns the verification cache for one combination of settings,
// creating the verifier once.
func (g *Gate) cache(sc ir.SupplyChain, v *ir.Verification) (*supplychain.Cache, error) {
	key := settingsKey(sc, v)
	g.mu.Lock()
	defer g.mu.Unlock()
	if c := g.caches[key]; c != nil {
		return c, nil
	}
	iv, err := NewVerifier(sc, v, g.opts.RemoteOptions...)
	if err != nil {
		return nil, err
	}
	// One limit across all verification settings; in the cache, so that a
	// verified image is not held back behind verifications in progress.
	n := sc.MaxConcurrent()
	if g.limits[n] == nil {
		g.limits[n] = supplychain.NewLimit(n)
	}
	c := supplychain.NewLimitedCache(iv, g.limits[n])
	g.caches[key] = c
	return c, nil
}

func settingsKey(sc ir.SupplyChain, v *ir.Verification) string {
	return fmt.Sprintf("%s/%d/%d/%t", v.Digest, sc.Concurrency, sc.TimeoutMillis, sc.PlainHTTPLoopback)
}

// NewVerifier builds the verifier v describes, with the shared settings sc.
func NewVerifier(sc ir.SupplyChain, v *ir.Verification, extra ...remote.Option) (supplychain.ImageVerifier, error) {
	opts := []supplychain.Option{supplychain.WithTimeout(sc.Timeout())}
	if sc.PlainHTTPLoopback {
		opts = append(opts, supplychain.WithPlainHTTPLoopback())
	}
	if len(extra) > 0 {
		opts = append(opts, supplychain.WithRemoteOptions(extra...))
	}
	return newVerifier(v, opts)
}
