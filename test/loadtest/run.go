package loadtest

import (
	"encoding/json"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Result is one measurement on one path, possibly merged from several
// slices of the same measurement.
type Result struct {
	Path, Mode string
	Size       int
	Rate       float64 // offered calls/s; 0 for a closed-loop (maximum rate) run
	Conns      int     // connections (open loop) or concurrent callers (closed loop)
	Duration   time.Duration

	OK, Errors int64
	Unsent     int64 // open loop: calls dropped because the path fell behind
	AllCalls   int64 // calls made, warm-up included

	// Completed calls in Window give the achieved rate. In the open loop
	// they are every successful call that ended after the warm-up (when the
	// path falls behind, the window is spent on the warm-up's backlog too).
	Completed int64
	Window    time.Duration

	// Latency runs from the scheduled send time in the open loop (so a
	// call that waited for a free connection counts its wait) and from the
	// actual send in the closed loop.
	Latency *Histogram
	// SendLag is how late calls were put on the wire compared with their
	// schedule (generator resolution plus waiting for a free connection).
	SendLag *Histogram

	// CPU is the CPU time (user + system) each component used during the
	// run, warm-up included: client, server, envoy, ext_proc.
	CPU map[string]time.Duration
	// PeakRSS is the largest resident set seen during the run, per component.
	PeakRSS map[string]int64
	// PeakHeap is ext_proc's largest Go heap (live and unswept objects) seen.
	PeakHeap int64
	// Wall is how long the run took; OtherCPU is the CPU time processes
	// outside the path used meanwhile (the machine is shared) and Steal what
	// the hypervisor took.
	Wall, OtherCPU, Steal time.Duration

	FirstErrors []string
}

// Achieved is the rate of successful calls.
func (r *Result) Achieved() float64 {
	if r.Window <= 0 {
		return 0
	}
	return float64(r.Completed) / r.Window.Seconds()
}

// CPUPerCall is a component's CPU time per call.
func (r *Result) CPUPerCall(comp string) (time.Duration, bool) {
	c, ok := r.CPU[comp]
	if !ok || r.AllCalls == 0 {
		return 0, false
	}
	return c / time.Duration(r.AllCalls), true
}

// Other is the CPU, in cores, used by processes outside the path.
func (r *Result) Other() float64 { return cores(r.OtherCPU, r.Wall) }

// StealCores is the CPU, in cores, the hypervisor took.
func (r *Result) StealCores() float64 { return cores(r.Steal, r.Wall) }

func cores(d, wall time.Duration) float64 {
	if wall <= 0 {
		return 0
	}
	return float64(d) / float64(wall)
}

// Merge adds slice o of the same measurement to r (nil r starts a new one).
func (r *Result) Merge(o *Result) *Result {
	if r == nil {
		c := *o
		c.Latency, c.SendLag = NewHistogram(), NewHistogram()
		c.Latency.Merge(o.Latency)
		c.SendLag.Merge(o.SendLag)
		c.CPU, c.PeakRSS = map[string]time.Duration{}, map[string]int64{}
		for k, v := range o.CPU {
			c.CPU[k] = v
		}
		for k, v := range o.PeakRSS {
			c.PeakRSS[k] = v
		}
		c.FirstErrors = append([]string(nil), o.FirstErrors...)
		return &c
	}
	r.Duration += o.Duration
	r.OK += o.OK
	r.Errors += o.Errors
	r.Unsent += o.Unsent
	r.AllCalls += o.AllCalls
	r.Completed += o.Completed
	r.Window += o.Window
	r.Latency.Merge(o.Latency)
	r.SendLag.Merge(o.SendLag)
	for k, v := range o.CPU {
		r.CPU[k] += v
	}
	for k, v := range o.PeakRSS {
		r.PeakRSS[k] = max(r.PeakRSS[k], v)
	}
	r.PeakHeap = max(r.PeakHeap, o.PeakHeap)
	r.Wall += o.Wall
	r.OtherCPU += o.OtherCPU
	r.Steal += o.Steal
	r.addFirstErrors(o.FirstErrors)
	return r
}

// addFirstErrors keeps the first few error messages of a measurement.
func (r *Result) addFirstErrors(errs []string) {
	for _, e := range errs {
		if len(r.FirstErrors) < 5 {
			r.FirstErrors = append(r.FirstErrors, e)
		}
	}
}

type workerStats struct {
	lat, lag  *Histogram
	ok, errs  int64
	all       int64
	unsent    int64
	completed int64
	firstErrs []string
	lastEnd   time.Duration
}

func newWorkerStats() *workerStats {
	return &workerStats{lat: NewHistogram(), lag: NewHistogram()}
}

func (w *workerStats) fail(err error) {
	w.errs++
	if len(w.firstErrs) < 3 {
		w.firstErrs = append(w.firstErrs, err.Error())
	}
}

func mergeStats(r *Result, ws []*workerStats) time.Duration {
	r.Latency, r.SendLag = NewHistogram(), NewHistogram()
	var last time.Duration
	for _, w := range ws {
		r.Latency.Merge(w.lat)
		r.SendLag.Merge(w.lag)
		r.OK += w.ok
		r.Errors += w.errs
		r.AllCalls += w.all
		r.Unsent += w.unsent
		r.Completed += w.completed
		r.addFirstErrors(w.firstErrs)
		last = max(last, w.lastEnd)
	}
	return last
}

// startWorkers starts work once per connection, each in its own goroutine
// with its own statistics; wait returns the statistics once every worker
// has returned. The call ids of connection i start after i<<32, so they are
// unique in a run.
func startWorkers(conns []*conn, work func(c *conn, id int64, w *workerStats)) (wait func() []*workerStats) {
	stats := make([]*workerStats, len(conns))
	var wg sync.WaitGroup
	for i, c := range conns {
		w := newWorkerStats()
		stats[i] = w
		wg.Go(func() { work(c, int64(i)<<32, w) })
	}
	return func() []*workerStats {
		wg.Wait()
		return stats
	}
}

type scheduled struct {
	n          int
	sched, due time.Duration // offsets from the start: planned, and when the scheduler released it
}

// openLoop offers calls at rate for warmup+duration over conns; only calls
// scheduled after the warm-up are measured. Calls still queued grace after
// the end of the schedule (the path fell behind) are not sent and are
// counted in Unsent, so an overloaded path cannot stretch the run.
func openLoop(conns []*conn, rate float64, warmup, duration, grace time.Duration) *Result {
	total := int((warmup + duration).Seconds() * rate)
	nWarm := int(warmup.Seconds() * rate)
	queue := make(chan scheduled, total)
	start := time.Now().Add(10 * time.Millisecond)
	giveUp := warmup + duration + grace
	wait := startWorkers(conns, func(c *conn, id int64, w *workerStats) {
		for it := range queue {
			id++
			sent := time.Since(start)
			measured := it.n >= nWarm
			if sent > giveUp {
				if measured {
					w.unsent++
				}
				continue
			}
			err := c.call(id)
			end := time.Since(start)
			w.all++
			if err == nil && end >= warmup {
				// Throughput counts every completion in the window: when
				// the path falls behind, the window is spent on the
				// warm-up's backlog too.
				w.completed++
				w.lastEnd = max(w.lastEnd, end)
			}
			if !measured {
				continue
			}
			if err != nil {
				w.fail(err)
				continue
			}
			// A call released early (the scheduler aims slightly ahead
			// of its wake-up jitter) is timed from its release.
			begin := min(it.sched, it.due)
			w.ok++
			w.lat.Record(end - begin)
			w.lag.Record(sent - it.sched)
		}
	})
	schedule(queue, start, rate, total)
	close(queue)
	r := &Result{Rate: rate, Conns: len(conns), Duration: duration}
	last := mergeStats(r, wait())
	r.Window = max(last-warmup, duration)
	return r
}

// schedule releases total calls into queue at rate, from start. Go's timers
// round sub-millisecond sleeps up to about a millisecond, so the scheduler
// sleeps with nanosleep(2) on a locked thread with a 1 µs timer slack and
// wakes a little early by the wake-up delay it has been seeing.
func schedule(queue chan<- scheduled, start time.Time, rate float64, total int) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const prSetTimerSlack = 29
	_, _, _ = syscall.RawSyscall(syscall.SYS_PRCTL, prSetTimerSlack, 1000, 0)
	comp := 30 * time.Microsecond // expected oversleep
	for n := range total {
		sched := time.Duration(float64(n) * float64(time.Second) / rate)
		for {
			now := time.Since(start)
			d := sched - now - comp
			if d < 5*time.Microsecond {
				break
			}
			nanosleep(d)
			over := time.Since(start) - (now + d)
			comp = min(max((comp*7+over)/8, 0), 300*time.Microsecond)
		}
		queue <- scheduled{n: n, sched: sched, due: time.Since(start)}
	}
}

func nanosleep(d time.Duration) {
	ts := syscall.NsecToTimespec(int64(d))
	for {
		var rem syscall.Timespec
		if err := syscall.Nanosleep(&ts, &rem); err != syscall.EINTR {
			return
		}
		ts = rem
	}
}

// closedLoop runs len(conns) callers back to back for warmup+duration and
// measures the calls that start and end inside the measured window.
func closedLoop(conns []*conn, warmup, duration time.Duration) *Result {
	start := time.Now()
	from, to := warmup, warmup+duration
	wait := startWorkers(conns, func(c *conn, id int64, w *workerStats) {
		for {
			id++
			begin := time.Since(start)
			if begin >= to {
				return
			}
			err := c.call(id)
			end := time.Since(start)
			w.all++
			if begin < from || end > to {
				continue
			}
			if err != nil {
				w.fail(err)
				if c.c == nil {
					time.Sleep(10 * time.Millisecond) // do not spin on a refused dial
				}
				continue
			}
			w.ok++
			w.lat.Record(end - begin)
		}
	})
	r := &Result{Conns: len(conns), Duration: duration}
	mergeStats(r, wait())
	r.Completed, r.Window = r.OK, duration
	return r
}

// watcher samples CPU and memory of the components of a path while it runs.
type watcher struct {
	pids   map[string]int
	memURL string // ext_proc's heap endpoint, "" when ext_proc is not on the path
	cpu0   map[string]time.Duration
	start  time.Time
	stat0  machineCPU

	stop chan struct{}
	done chan struct{}
	rss  map[string]int64
	heap int64
}

func watch(pids map[string]int, memURL string) *watcher {
	w := &watcher{pids: pids, memURL: memURL, cpu0: map[string]time.Duration{},
		stop: make(chan struct{}), done: make(chan struct{}), rss: map[string]int64{}}
	for name, pid := range pids {
		w.cpu0[name], _ = procCPU(pid)
	}
	w.start, w.stat0 = time.Now(), readMachineCPU()
	client := &http.Client{Timeout: time.Second}
	go func() {
		defer close(w.done)
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			w.sample(client)
			select {
			case <-w.stop:
				w.sample(client)
				return
			case <-t.C:
			}
		}
	}()
	return w
}

func (w *watcher) sample(client *http.Client) {
	for name, pid := range w.pids {
		if v, err := procRSS(pid); err == nil {
			w.rss[name] = max(w.rss[name], v)
		}
	}
	if w.memURL == "" {
		return
	}
	if m, err := fetchGoMem(client, w.memURL); err == nil {
		w.heap = max(w.heap, m.HeapObjects)
	}
}

// fetchGoMem reads ext_proc's Go heap from its memory endpoint url.
func fetchGoMem(client *http.Client, url string) (GoMem, error) {
	var m GoMem
	resp, err := client.Get(url)
	if err != nil {
		return m, err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&m)
	return m, err
}

// finish stops sampling and fills r's CPU and memory figures.
func (w *watcher) finish(r *Result) {
	close(w.stop)
	<-w.done
	stat := readMachineCPU()
	r.Wall = time.Since(w.start)
	r.CPU = map[string]time.Duration{}
	var ours time.Duration
	for name, pid := range w.pids {
		if c, err := procCPU(pid); err == nil {
			r.CPU[name] = c - w.cpu0[name]
			ours += c - w.cpu0[name]
		}
	}
	if stat.ok && w.stat0.ok {
		r.OtherCPU = max(stat.busy-w.stat0.busy-ours, 0)
		r.Steal = stat.steal - w.stat0.steal
	}
	r.PeakRSS = w.rss
	r.PeakHeap = w.heap
}

// machineCPU is the busy and stolen CPU time of the whole machine.
type machineCPU struct {
	busy, steal time.Duration
	ok          bool
}

func readMachineCPU() machineCPU {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return machineCPU{}
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return machineCPU{}
	}
	v := make([]int64, len(f))
	for i := 1; i < len(f); i++ {
		v[i], _ = strconv.ParseInt(f[i], 10, 64)
	}
	// user nice system idle iowait irq softirq steal ...
	busy := v[1] + v[2] + v[3] + v[6] + v[7]
	return machineCPU{busy: time.Duration(busy) * clockTick, steal: time.Duration(v[8]) * clockTick, ok: true}
}
