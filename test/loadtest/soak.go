package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// SoakConfig is a long run at a steady, moderate rate through the full
// sidecar, with connections (agents) coming and going, to find slow growth
// of memory or goroutines that a short run cannot show.
type SoakConfig struct {
	Duration time.Duration
	Interval time.Duration // between samples
	Rate     float64       // calls/s
	Agents   int           // agents calling at once; each makes CallsPerAgent calls on its own connection, then leaves
	// CallsPerAgent calls, then the agent closes its connection and a new
	// one takes its place.
	CallsPerAgent int
	Size          int // result size in bytes
	Log           func(format string, args ...any)
}

// SoakSample is one reading of the processes on the path.
type SoakSample struct {
	At                  time.Duration
	Calls, Errors       int64
	EnvoyRSS, ExtRSS    int64
	ExtHeap, Goroutines int64
}

// SoakReport is every sample of a run.
type SoakReport struct {
	Config  SoakConfig
	Samples []SoakSample
}

// RunSoak runs cfg against target (the mcpmesh path of a Stack).
func RunSoak(ctx context.Context, target *Target, cfg SoakConfig) (*SoakReport, error) {
	if cfg.Log == nil {
		cfg.Log = func(string, ...any) {}
	}
	if target.MemURL == "" {
		return nil, errors.New("soak: the target has no ext_proc heap endpoint (use the mcpmesh path)")
	}
	rep := &SoakReport{Config: cfg}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var calls, errs, nextID atomic.Int64
	tmpl := newCallTemplate(target.Addr, "/mcp", cfg.Size)
	perAgent := time.Duration(float64(time.Second) * float64(cfg.Agents) / cfg.Rate)
	var wg sync.WaitGroup
	for range cfg.Agents {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tick := time.NewTicker(perAgent)
			defer tick.Stop()
			for ctx.Err() == nil {
				c := newConn(target.Addr, false)
				c.tmpl = tmpl
				for i := 0; i < cfg.CallsPerAgent && ctx.Err() == nil; i++ {
					select {
					case <-ctx.Done():
					case <-tick.C:
						if err := c.call(nextID.Add(1)); err != nil && ctx.Err() == nil {
							errs.Add(1)
						} else if err == nil {
							calls.Add(1)
						}
					}
				}
				c.close()
			}
		}()
	}
	client := &http.Client{Timeout: 5 * time.Second}
	start := time.Now()
	sample := func() {
		s := SoakSample{At: time.Since(start).Round(time.Second), Calls: calls.Load(), Errors: errs.Load()}
		s.EnvoyRSS, _ = procRSS(target.PIDs[CompEnvoy])
		s.ExtRSS, _ = procRSS(target.PIDs[CompExtProc])
		if m, err := fetchGoMem(client, target.MemURL); err == nil {
			s.ExtHeap, s.Goroutines = m.HeapObjects, m.Goroutines
		}
		rep.Samples = append(rep.Samples, s)
		cfg.Log("%v: %d calls, %d errors; Envoy %s MiB, ext_proc %s MiB (heap %s MiB, %d goroutines)",
			s.At, s.Calls, s.Errors, mib(s.EnvoyRSS), mib(s.ExtRSS), mib(s.ExtHeap), s.Goroutines)
	}
	sample()
	t := time.NewTicker(cfg.Interval)
	defer t.Stop()
	for done := false; !done; {
		select {
		case <-ctx.Done():
			done = true
		case <-t.C:
			sample()
		}
	}
	wg.Wait()
	sample()
	return rep, nil
}

// Bounds a soak must stay within, between the first sample after warm-up
// (the second) and the largest seen after it: memory may grow by a fixed
// allowance plus a share (caches fill, allocators settle), goroutines by a
// handful (agents in flight at the moment of reading).
const (
	soakRSSAllowance    = 24 << 20
	soakRSSShare        = 0.25
	soakHeapAllowance   = 16 << 20
	soakGoroutineGrowth = 64
)

// Check fails a run whose memory or goroutines grew past the bounds, or
// that had errors.
func (r *SoakReport) Check() error {
	if len(r.Samples) < 3 {
		return fmt.Errorf("soak: %d samples, need at least 3", len(r.Samples))
	}
	base := r.Samples[1]
	var errs []error
	last := r.Samples[len(r.Samples)-1]
	if last.Errors > 0 {
		errs = append(errs, fmt.Errorf("%d of %d calls failed", last.Errors, last.Calls+last.Errors))
	}
	for _, s := range r.Samples[2:] {
		if lim := base.EnvoyRSS + soakRSSAllowance + int64(soakRSSShare*float64(base.EnvoyRSS)); s.EnvoyRSS > lim {
			errs = append(errs, fmt.Errorf("at %v Envoy's resident set is %s MiB, above the bound %s MiB", s.At, mib(s.EnvoyRSS), mib(lim)))
		}
		if lim := base.ExtRSS + soakRSSAllowance + int64(soakRSSShare*float64(base.ExtRSS)); s.ExtRSS > lim {
			errs = append(errs, fmt.Errorf("at %v ext_proc's resident set is %s MiB, above the bound %s MiB", s.At, mib(s.ExtRSS), mib(lim)))
		}
		if lim := base.ExtHeap + soakHeapAllowance; s.ExtHeap > lim {
			errs = append(errs, fmt.Errorf("at %v ext_proc's heap is %s MiB, above the bound %s MiB", s.At, mib(s.ExtHeap), mib(lim)))
		}
		if s.Goroutines > base.Goroutines+soakGoroutineGrowth {
			errs = append(errs, fmt.Errorf("at %v ext_proc runs %d goroutines, %d at the start", s.At, s.Goroutines, base.Goroutines))
		}
	}
	return errors.Join(errs...)
}

// Markdown writes the samples as a table.
func (r *SoakReport) Markdown(w io.Writer) {
	c := r.Config
	fmt.Fprintf(w, "%v at %.0f calls/s of %d-byte results, %d agents each making %d calls on a connection of its own and then leaving; sampled every %v.\n\n",
		c.Duration, c.Rate, c.Size, c.Agents, c.CallsPerAgent, c.Interval)
	fmt.Fprintln(w, "| at | calls | errors | Envoy RSS (MiB) | ext_proc RSS (MiB) | ext_proc heap (MiB) | ext_proc goroutines |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- |")
	for _, s := range r.Samples {
		fmt.Fprintf(w, "| %v | %d | %d | %s | %s | %s | %d |\n", s.At, s.Calls, s.Errors, mib(s.EnvoyRSS), mib(s.ExtRSS), mib(s.ExtHeap), s.Goroutines)
	}
}
