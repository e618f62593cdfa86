package loadtest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Config is one run of the matrix.
type Config struct {
	Modes []string  // response modes
	Sizes []int     // result sizes in bytes
	Rates []float64 // offered calls/s of the open-loop runs
	Paths []string

	Warmup, Duration time.Duration // each open-loop measurement
	Conns            int           // keep-alive connections per path in the open loop

	MaxWarmup, MaxDuration time.Duration // each closed-loop measurement (0: none)
	Concurrency            int           // callers in the closed loop

	// SingleWarmup and SingleDuration time one caller sending calls back to
	// back: the latency of a path with no queueing (0: none).
	SingleWarmup, SingleDuration time.Duration

	// Rounds splits each measurement into this many slices, the paths
	// taking turns slice by slice, so that a change in the machine's
	// background load is shared by the paths. Each slice has its own
	// warm-up; the slices' results are merged.
	Rounds int

	Logf func(format string, args ...any)
}

// Report is the outcome of a matrix run.
type Report struct {
	Config Config
	Open   []*Result
	Max    []*Result
	Single []*Result
	// Idle is the resident set of each component before any load, per mode.
	Idle map[string]map[string]int64
	// IdleHeap is ext_proc's Go heap before any load.
	IdleHeap int64
}

// RunMatrix runs every open-loop and closed-loop measurement of cfg. The
// paths take turns (see Config.Rounds) in an order that rotates from cell to
// cell, so that the machine's background load does not always fall on the
// same path.
func (e *Env) RunMatrix(ctx context.Context, cfg Config) (*Report, error) {
	logf := cfg.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	rounds := max(cfg.Rounds, 1)
	rep := &Report{Config: cfg, Idle: map[string]map[string]int64{}}
	logErrors := func(r *Result) {
		for _, e := range r.FirstErrors {
			logf("    error: %s", e)
		}
	}
	cell := 0
	order := func(k int) []string {
		out := make([]string, len(cfg.Paths))
		for i := range cfg.Paths {
			out[i] = cfg.Paths[(k+i)%len(cfg.Paths)]
		}
		return out
	}
	// measure runs one cell: every path, in rounds, merged per path.
	measure := func(run func(path string) *Result) ([]*Result, error) {
		acc := map[string]*Result{}
		for round := range rounds {
			for _, path := range order(cell + round) {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				acc[path] = acc[path].Merge(run(path))
			}
		}
		cell++
		var out []*Result
		for _, path := range cfg.Paths {
			out = append(out, acc[path])
		}
		return out, nil
	}
	runMode := func(mode string) error {
		s, err := e.Start(ctx, mode, cfg.Paths)
		if err != nil {
			return err
		}
		defer s.Close()
		pools := map[string]*pool{}
		for _, path := range cfg.Paths {
			pools[path] = newPool(s.Targets[path], max(cfg.Conns, cfg.Concurrency))
			defer pools[path].close()
		}
		idle := map[string]int64{}
		for _, path := range cfg.Paths {
			for comp, pid := range s.Targets[path].PIDs {
				if v, err := procRSS(pid); err == nil {
					idle[idleKey(path, comp)] = v
				}
			}
			if u := s.Targets[path].MemURL; u != "" && rep.IdleHeap == 0 {
				if m, err := fetchGoMem(&http.Client{Timeout: time.Second}, u); err == nil {
					rep.IdleHeap = m.HeapObjects
				}
			}
		}
		rep.Idle[mode] = idle

		for _, size := range cfg.Sizes {
			for _, rate := range cfg.Rates {
				rs, err := measure(func(path string) *Result {
					return OpenLoop(s.Targets[path], pools[path], size, cfg.Conns, rate, cfg.Warmup, cfg.Duration/time.Duration(rounds), time.Second)
				})
				if err != nil {
					return err
				}
				for _, r := range rs {
					rep.Open = append(rep.Open, r)
					logf("%-4s %7s %5.0f/s %-8s achieved %7.1f/s p50 %s p99 %s max %s errors %d unsent %d lag p99 %s other CPU %.2f steal %.2f",
						mode, sizeName(size), rate, r.Path, r.Achieved(), ms(r.Latency.Quantile(.5)), ms(r.Latency.Quantile(.99)),
						ms(r.Latency.Max()), r.Errors, r.Unsent, ms(r.SendLag.Quantile(.99)), r.Other(), r.StealCores())
					logErrors(r)
				}
			}
		}
		if cfg.SingleDuration > 0 {
			for _, size := range cfg.Sizes {
				rs, err := measure(func(path string) *Result {
					return ClosedLoop(s.Targets[path], pools[path], size, 1, cfg.SingleWarmup, cfg.SingleDuration/time.Duration(rounds))
				})
				if err != nil {
					return err
				}
				for _, r := range rs {
					rep.Single = append(rep.Single, r)
					logf("%-4s %7s   one  %-8s %7.1f calls/s p50 %s p99 %s max %s errors %d other CPU %.2f",
						mode, sizeName(size), r.Path, r.Achieved(), ms(r.Latency.Quantile(.5)), ms(r.Latency.Quantile(.99)), ms(r.Latency.Max()), r.Errors, r.Other())
					logErrors(r)
				}
			}
		}
		if cfg.MaxDuration > 0 {
			for _, size := range cfg.Sizes {
				rs, err := measure(func(path string) *Result {
					return ClosedLoop(s.Targets[path], pools[path], size, cfg.Concurrency, cfg.MaxWarmup, cfg.MaxDuration/time.Duration(rounds))
				})
				if err != nil {
					return err
				}
				for _, r := range rs {
					rep.Max = append(rep.Max, r)
					logf("%-4s %7s   max  %-8s %7.1f calls/s p50 %s p99 %s errors %d other CPU %.2f steal %.2f",
						mode, sizeName(size), r.Path, r.Achieved(), ms(r.Latency.Quantile(.5)), ms(r.Latency.Quantile(.99)), r.Errors, r.Other(), r.StealCores())
					logErrors(r)
				}
			}
		}
		return nil
	}
	for _, mode := range cfg.Modes {
		if err := runMode(mode); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

func idleKey(path, comp string) string { return path + "/" + comp }

func ms(d time.Duration) string { return fmt.Sprintf("%.3f ms", float64(d)/1e6) }

func msNum(d time.Duration) string { return fmt.Sprintf("%.3f", float64(d)/1e6) }

func us(d time.Duration) string { return fmt.Sprintf("%.0f", float64(d)/1e3) }

func mib(b int64) string { return fmt.Sprintf("%.1f", float64(b)/(1<<20)) }

func sizeName(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func modeName(m string) string {
	if m == ModeSSE {
		return "SSE"
	}
	return "JSON"
}

var pathNames = map[string]string{PathDirect: "direct", PathEnvoy: "plain Envoy", PathFloor: "ext_proc floor", PathMesh: "mcpmesh"}

func find(rs []*Result, mode string, size int, rate float64, path string) *Result {
	for _, r := range rs {
		if r.Mode == mode && r.Size == size && r.Rate == rate && r.Path == path {
			return r
		}
	}
	return nil
}

func (rep *Report) open(mode string, size int, rate float64, path string) *Result {
	return find(rep.Open, mode, size, rate, path)
}

func (rep *Report) max(mode string, size int, path string) *Result {
	return find(rep.Max, mode, size, 0, path)
}

func ratio(a, b float64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", a/b)
}

// Targets of the product, checked against plain Envoy at the highest rate.
const (
	targetAddedP50   = 300 * time.Microsecond
	targetAddedP99   = time.Millisecond
	targetMaxRateMin = 0.6
)

// Markdown writes the report as Markdown tables.
func (rep *Report) Markdown(w io.Writer) {
	cfg := rep.Config
	has := func(p string) bool { return slices.Contains(cfg.Paths, p) }
	fmt.Fprintf(w, "Open loop: each measurement offers a fixed rate for %v in all, in %d slices that alternate with the other paths' (each after a %v warm-up), over %d keep-alive HTTP/1.1 connections; "+
		"latency runs from each call's scheduled send time to the end of its response, so waiting for a free connection counts. "+
		"Every response is parsed and checked (JSON-RPC id, a successful text result of the requested size). "+
		"Send lag is how late calls went on the wire; other load is the CPU that processes outside the path used meanwhile. "+
		"A path that could not keep up with the offered rate (achieved below %.0f%% of it) is marked saturated: its latency is then mostly queueing, "+
		"and calls still queued a second after the schedule ended were not sent (so its percentiles cover only the calls made).\n\n",
		cfg.Duration, max(cfg.Rounds, 1), cfg.Warmup, cfg.Conns, saturatedBelow*100)
	fmt.Fprintln(w, "| response | result | offered | path | achieved | p50 ms | p90 ms | p99 ms | max ms | errors | send lag p99 ms | other load (cores) |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	for _, mode := range cfg.Modes {
		for _, size := range cfg.Sizes {
			for _, rate := range cfg.Rates {
				for _, path := range cfg.Paths {
					r := rep.open(mode, size, rate, path)
					if r == nil {
						continue
					}
					achieved := fmt.Sprintf("%.0f/s", r.Achieved())
					if saturated(r) {
						achieved += " (saturated"
						if r.Unsent > 0 {
							achieved += fmt.Sprintf(", %d not sent", r.Unsent)
						}
						achieved += ")"
					}
					fmt.Fprintf(w, "| %s | %s | %.0f/s | %s | %s | %s | %s | %s | %s | %d | %s | %.2f |\n",
						modeName(mode), sizeName(size), rate, pathNames[path], achieved,
						msNum(r.Latency.Quantile(.5)), msNum(r.Latency.Quantile(.9)), msNum(r.Latency.Quantile(.99)),
						msNum(r.Latency.Max()), r.Errors, msNum(r.SendLag.Quantile(.99)), r.Other())
				}
			}
		}
	}

	if has(PathMesh) && has(PathEnvoy) {
		fmt.Fprintln(w, "\nWhat the sidecar adds (mcpmesh minus plain Envoy, in ms; and ratios):")
		floorCols := has(PathFloor)
		if floorCols {
			fmt.Fprintln(w, "the floor columns split the added p50 into what the ext_proc floor path adds over plain Envoy (any external processor, before it does any work) and what mcpmesh adds over the floor.")
		}
		fmt.Fprintln(w)
		fmt.Fprint(w, "| response | result | offered | added p50 | added p99 | p50 mcpmesh/Envoy | p99 mcpmesh/Envoy | p50 mcpmesh/direct | p99 mcpmesh/direct |")
		if floorCols {
			fmt.Fprint(w, " p50 floor - Envoy | p50 mcpmesh - floor |")
		}
		fmt.Fprintln(w)
		fmt.Fprint(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
		if floorCols {
			fmt.Fprint(w, " --- | --- |")
		}
		fmt.Fprintln(w)
		for _, mode := range cfg.Modes {
			for _, size := range cfg.Sizes {
				for _, rate := range cfg.Rates {
					m, p, d := rep.open(mode, size, rate, PathMesh), rep.open(mode, size, rate, PathEnvoy), rep.open(mode, size, rate, PathDirect)
					if m == nil || p == nil {
						continue
					}
					f := rep.open(mode, size, rate, PathFloor)
					if saturated(m) || saturated(p) || (d != nil && saturated(d)) {
						fmt.Fprintf(w, "| %s | %s | %.0f/s | saturated | | | | | |", modeName(mode), sizeName(size), rate)
						if floorCols {
							fmt.Fprint(w, " | |")
						}
						fmt.Fprintln(w)
						continue
					}
					dr := func(q float64) string {
						if d == nil {
							return "n/a"
						}
						return ratio(float64(m.Latency.Quantile(q)), float64(d.Latency.Quantile(q)))
					}
					fmt.Fprintf(w, "| %s | %s | %.0f/s | %+.3f | %+.3f | %s | %s | %s | %s |",
						modeName(mode), sizeName(size), rate,
						float64(m.Latency.Quantile(.5)-p.Latency.Quantile(.5))/1e6,
						float64(m.Latency.Quantile(.99)-p.Latency.Quantile(.99))/1e6,
						ratio(float64(m.Latency.Quantile(.5)), float64(p.Latency.Quantile(.5))),
						ratio(float64(m.Latency.Quantile(.99)), float64(p.Latency.Quantile(.99))),
						dr(.5), dr(.99))
					switch {
					case !floorCols:
					case f == nil || saturated(f):
						fmt.Fprint(w, " saturated | |")
					default:
						fmt.Fprintf(w, " %+.3f | %+.3f |", float64(f.Latency.Quantile(.5)-p.Latency.Quantile(.5))/1e6, float64(m.Latency.Quantile(.5)-f.Latency.Quantile(.5))/1e6)
					}
					fmt.Fprintln(w)
				}
			}
		}
	}

	if len(rep.Single) > 0 {
		fmt.Fprintf(w, "\nOne caller sending calls back to back (no queueing, the processes never idle) for %v in all, in %d alternating slices:\n\n",
			cfg.SingleDuration, max(cfg.Rounds, 1))
		fmt.Fprintln(w, "| response | result | path | calls/s | p50 ms | p90 ms | p99 ms | max ms | added p50 vs plain Envoy | added p99 vs plain Envoy |")
		fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
		for _, mode := range cfg.Modes {
			for _, size := range cfg.Sizes {
				p := find(rep.Single, mode, size, 0, PathEnvoy)
				for _, path := range cfg.Paths {
					r := find(rep.Single, mode, size, 0, path)
					if r == nil {
						continue
					}
					a50, a99 := "", ""
					if (path == PathMesh || path == PathFloor) && p != nil {
						a50 = fmt.Sprintf("%+.3f", float64(r.Latency.Quantile(.5)-p.Latency.Quantile(.5))/1e6)
						a99 = fmt.Sprintf("%+.3f", float64(r.Latency.Quantile(.99)-p.Latency.Quantile(.99))/1e6)
					}
					fmt.Fprintf(w, "| %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s |\n", modeName(mode), sizeName(size), pathNames[path], r.Achieved(),
						msNum(r.Latency.Quantile(.5)), msNum(r.Latency.Quantile(.9)), msNum(r.Latency.Quantile(.99)), msNum(r.Latency.Max()), a50, a99)
				}
			}
		}
	}

	if len(rep.Max) > 0 {
		fmt.Fprintf(w, "\nMaximum rate: %d callers in a closed loop (each sends its next call when the last one is answered) for %v in all, in %d alternating slices (each after a %v warm-up); calls/s that succeeded:\n\n",
			cfg.Concurrency, cfg.MaxDuration, max(cfg.Rounds, 1), cfg.MaxWarmup)
		fmt.Fprint(w, "| response | result |")
		for _, p := range cfg.Paths {
			fmt.Fprintf(w, " %s |", pathNames[p])
		}
		fmt.Fprintln(w, " mcpmesh/Envoy | mcpmesh/direct | mcpmesh p50 / p99 ms at max | errors |")
		fmt.Fprintln(w, "|"+strings.Repeat(" --- |", len(cfg.Paths)+6))
		for _, mode := range cfg.Modes {
			for _, size := range cfg.Sizes {
				fmt.Fprintf(w, "| %s | %s |", modeName(mode), sizeName(size))
				var errs int64
				rate := map[string]float64{}
				for _, p := range cfg.Paths {
					if r := rep.max(mode, size, p); r != nil {
						rate[p] = r.Achieved()
						errs += r.Errors
						fmt.Fprintf(w, " %.0f |", r.Achieved())
					} else {
						fmt.Fprint(w, " |")
					}
				}
				lat := "n/a"
				if r := rep.max(mode, size, PathMesh); r != nil {
					lat = msNum(r.Latency.Quantile(.5)) + " / " + msNum(r.Latency.Quantile(.99))
				}
				fmt.Fprintf(w, " %s | %s | %s | %d |\n", ratio(rate[PathMesh], rate[PathEnvoy]), ratio(rate[PathMesh], rate[PathDirect]), lat, errs)
			}
		}
	}

	top := slices.Max(cfg.Rates)
	fmt.Fprintf(w, "\nCPU time per call at %.0f calls/s, in µs, read from /proc (user + system, all threads; warm-up included). "+
		"The client is the load generator (its process also holds the idle control plane).\n\n", top)
	fmt.Fprintln(w, "| response | result | path | client | server | Envoy | ext_proc | all | proxy (Envoy + ext_proc) | proxy calls/s per core |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	for _, mode := range cfg.Modes {
		for _, size := range cfg.Sizes {
			for _, path := range cfg.Paths {
				r := rep.open(mode, size, top, path)
				if r == nil {
					continue
				}
				var total time.Duration
				cell := func(c string) string {
					v, ok := r.CPUPerCall(c)
					if !ok {
						return "-"
					}
					total += v
					return us(v)
				}
				fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |", modeName(mode), sizeName(size), pathNames[path],
					cell(CompClient), cell(CompServer), cell(CompEnvoy), cell(CompExtProc))
				pe, _ := r.CPUPerCall(CompEnvoy)
				px, _ := r.CPUPerCall(CompExtProc)
				proxy := pe + px
				if proxy > 0 {
					fmt.Fprintf(w, " %s | %s | %.0f |\n", us(total), us(proxy), float64(time.Second)/float64(proxy))
				} else {
					fmt.Fprintf(w, " %s | - | - |\n", us(total))
				}
			}
		}
	}

	fmt.Fprintln(w, "\nMemory: resident set (VmRSS from /proc) before any load and the largest seen while each path carried load (sampled every 250 ms), in MiB; ext_proc's Go heap is live plus not yet swept objects (runtime/metrics).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| response | process | idle RSS | peak RSS under load | peak during |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- |")
	for _, mode := range cfg.Modes {
		type row struct {
			name, path, comp string
		}
		rows := []row{{"plain Envoy", PathEnvoy, CompEnvoy}, {"floor Envoy", PathFloor, CompEnvoy}, {"floor processor", PathFloor, CompExtProc},
			{"mcpmesh Envoy", PathMesh, CompEnvoy}, {"ext_proc", PathMesh, CompExtProc}, {"MCP server", PathMesh, CompServer}}
		for _, rw := range rows {
			if !has(rw.path) {
				continue
			}
			var peak int64
			var at string
			for _, r := range rep.all() {
				if r.Mode == mode && r.Path == rw.path && r.PeakRSS[rw.comp] > peak {
					peak = r.PeakRSS[rw.comp]
					at = describeRun(r)
				}
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", modeName(mode), rw.name, mib(rep.Idle[mode][idleKey(rw.path, rw.comp)]), mib(peak), at)
		}
	}
	if has(PathMesh) {
		var peak int64
		var at string
		for _, r := range rep.all() {
			if r.PeakHeap > peak {
				peak, at = r.PeakHeap, modeName(r.Mode)+" "+describeRun(r)
			}
		}
		fmt.Fprintf(w, "\next_proc Go heap: %s MiB idle, at most %s MiB under load (%s).\n", mib(rep.IdleHeap), mib(peak), at)
	}

	if has(PathMesh) && has(PathEnvoy) {
		fmt.Fprintf(w, "\nTargets (against plain Envoy at %.0f calls/s: added p50 < %.1f ms, added p99 < %.0f ms; maximum rate >= %.0f%% of plain Envoy's). "+
			"Where a path was saturated at %.0f calls/s the latency targets are checked at the highest rate all paths sustained:\n\n",
			top, float64(targetAddedP50)/1e6, float64(targetAddedP99)/1e6, targetMaxRateMin*100, top)
		rates := slices.Clone(cfg.Rates)
		slices.Sort(rates)
		slices.Reverse(rates)
		for _, mode := range cfg.Modes {
			for _, size := range cfg.Sizes {
				var line string
				for _, rate := range rates {
					m, p, d := rep.open(mode, size, rate, PathMesh), rep.open(mode, size, rate, PathEnvoy), rep.open(mode, size, rate, PathDirect)
					if m == nil || p == nil || saturated(m) || saturated(p) || (d != nil && saturated(d)) {
						continue
					}
					a50 := m.Latency.Quantile(.5) - p.Latency.Quantile(.5)
					a99 := m.Latency.Quantile(.99) - p.Latency.Quantile(.99)
					line = fmt.Sprintf("- %s %s at %.0f/s: added p50 %.3f ms (%s), added p99 %.3f ms (%s)", modeName(mode), sizeName(size), rate,
						float64(a50)/1e6, verdict(a50, targetAddedP50), float64(a99)/1e6, verdict(a99, targetAddedP99))
					if rate != top {
						line += fmt.Sprintf(" (at %.0f/s: saturated)", top)
					}
					break
				}
				if line == "" {
					line = fmt.Sprintf("- %s %s: saturated at every rate; latency targets not measurable", modeName(mode), sizeName(size))
				}
				if mm, pm := rep.max(mode, size, PathMesh), rep.max(mode, size, PathEnvoy); mm != nil && pm != nil && pm.Achieved() > 0 {
					f := mm.Achieved() / pm.Achieved()
					line += fmt.Sprintf(", maximum rate %.0f%% of plain Envoy's (%s)", f*100, met(f >= targetMaxRateMin))
				}
				fmt.Fprintln(w, line)
			}
		}
	}
}

// saturatedBelow is the share of the offered rate under which a path is
// taken to have fallen behind.
const saturatedBelow = 0.97

func saturated(r *Result) bool { return r.Rate > 0 && r.Achieved() < saturatedBelow*r.Rate }

func (rep *Report) all() []*Result {
	return append(append(slices.Clone(rep.Open), rep.Max...), rep.Single...)
}

// verdict judges an added latency against its target; a negative one
// means plain Envoy was the slower path in this run, which says more about
// the machine than about the sidecar.
func verdict(added, target time.Duration) string {
	if added < 0 {
		return "inconclusive: plain Envoy was slower in this run"
	}
	return met(added < target)
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "not met"
}

func describeRun(r *Result) string {
	if r.Rate == 0 && r.Conns == 1 {
		return sizeName(r.Size) + " one caller"
	}
	if r.Rate == 0 {
		return sizeName(r.Size) + " max rate"
	}
	return fmt.Sprintf("%s at %.0f/s", sizeName(r.Size), r.Rate)
}
