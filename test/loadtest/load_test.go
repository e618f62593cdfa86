package loadtest

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

var (
	full             = flag.Bool("load.full", false, "run the full load matrix (minutes; prints Markdown)")
	modes            = flag.String("load.modes", "json,sse", "response modes")
	sizes            = flag.String("load.sizes", "1024,102400", "result sizes in bytes")
	rates            = flag.String("load.rates", "200,1000", "open-loop rates in calls/s")
	paths            = flag.String("load.paths", "direct,envoy,floor,mcpmesh", "paths to measure")
	warmup           = flag.Duration("load.warmup", 500*time.Millisecond, "warm-up before each open-loop slice")
	duration         = flag.Duration("load.duration", 7*time.Second, "measured time of each open-loop measurement (all rounds)")
	conns            = flag.Int("load.conns", 32, "keep-alive connections per path in the open loop")
	maxWarmup        = flag.Duration("load.maxwarmup", 500*time.Millisecond, "warm-up before each maximum-rate slice")
	maxDuration      = flag.Duration("load.maxduration", 3*time.Second, "measured time of each maximum-rate measurement, all rounds (0: skip)")
	single           = flag.Duration("load.single", 2*time.Second, "measured time of the one-caller latency measurement, all rounds (0: skip)")
	singleWarm       = flag.Duration("load.singlewarmup", 250*time.Millisecond, "warm-up before each one-caller slice")
	rounds           = flag.Int("load.rounds", 2, "slices per measurement; the paths take turns slice by slice")
	concurrency      = flag.Int("load.concurrency", 16, "callers in the maximum-rate (closed-loop) runs")
	out              = flag.String("load.out", "", "also write the Markdown report to this file")
	profile          = flag.String("load.profile", "", "write CPU profiles of the MCP server and ext_proc to this directory")
	extprocNet       = flag.String("load.extproc", "tcp", "how sidecars reach ext_proc and the floor processor: tcp (loopback) or unix (a socket file)")
	soak             = flag.Duration("load.soak", 0, "run the soak for this long (make soak: 30m)")
	ingressHop       = flag.Int("load.ingress", 0, "measure the ingress hop with this many calls on each path (make loadtest: 4000)")
	envoyConcurrency = flag.Int("load.envoyconcurrency", 0, "every Envoy's worker threads (0: one per CPU, Envoy's default)")
	egressHop        = flag.Int("load.egress", 0, "measure the egress proxy with this many requests on each path (make loadtest: 2000)")
	hold             = flag.Bool("load.hold", false, "run the full capacity test: -load.holdcalls slow calls and -load.holdstreams SSE streams held open through one sidecar")
	holdCalls        = flag.Int("load.holdcalls", 5000, "slow calls held open at once in the full capacity test")
	holdStreams      = flag.Int("load.holdstreams", 1000, "MCP sessions, each with its SSE GET stream open, in the full capacity test")
	holdHTTP2        = flag.Bool("load.holdhttp2", false, "agents speak cleartext HTTP/2 in the full capacity test (one file descriptor per held request in the sidecar instead of two)")
)

func TestMain(m *testing.M) {
	if ok, code := RunRole(); ok {
		os.Exit(code)
	}
	os.Exit(m.Run())
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func envoyBinary(t *testing.T) string {
	t.Helper()
	bin, err := envoy.FindBinary(repoRoot())
	if err != nil {
		t.Fatalf("%v", err) // as the end-to-end tests: never skip without the real Envoy
	}
	return bin
}

func newEnv(t *testing.T) *Env {
	t.Helper()
	e, err := NewEnvOver(t.TempDir(), envoyBinary(t), *extprocNet)
	if err != nil {
		t.Fatal(err)
	}
	e.EnvoyConcurrency = *envoyConcurrency
	t.Cleanup(e.Close)
	return e
}

// TestLoadSmoke is the small version that runs with every `go test ./...`:
// 50 calls through the full sidecar at 200 calls/s must all succeed and be
// timed, and so must calls through the ext_proc floor path (JSON and SSE),
// whose Envoy must have sent every one of them to the floor processor.
func TestLoadSmoke(t *testing.T) {
	e := newEnv(t)
	s, err := e.Start(context.Background(), ModeJSON, []string{PathMesh, PathFloor})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	target := s.Targets[PathMesh]
	p := newPool(target, 4)
	defer p.close()
	// A generous grace: under a busy `go test ./...` every call must still be made.
	r := OpenLoop(target, p, 1024, 4, 200, 0, 250*time.Millisecond, 30*time.Second)
	if r.Errors != 0 || r.OK != 50 || r.Achieved() <= 0 {
		t.Fatalf("%d calls succeeded and %d failed, want 50 and 0; first errors: %q", r.OK, r.Errors, r.FirstErrors)
	}
	if r.Latency.Count() != 50 || r.Latency.Quantile(.5) <= 0 || r.Latency.Max() < r.Latency.Quantile(.99) {
		t.Fatalf("latency not recorded: n=%d p50=%v p99=%v max=%v", r.Latency.Count(), r.Latency.Quantile(.5), r.Latency.Quantile(.99), r.Latency.Max())
	}
	if _, ok := r.CPUPerCall(CompExtProc); !ok || r.PeakRSS[CompEnvoy] == 0 || r.PeakRSS[CompExtProc] == 0 || r.PeakHeap == 0 {
		t.Fatalf("resource figures missing: cpu %v rss %v heap %d", r.CPU, r.PeakRSS, r.PeakHeap)
	}
	t.Logf("50 calls through the sidecar: p50 %s p99 %s max %s", ms(r.Latency.Quantile(.5)), ms(r.Latency.Quantile(.99)), ms(r.Latency.Max()))

	floorCalls(t, s, 20)
	sse, err := e.Start(context.Background(), ModeSSE, []string{PathFloor})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sse.Close)
	floorCalls(t, sse, 20)
}

// floorCalls makes n calls through the floor path of s and checks that its
// Envoy sent each of them to the floor processor.
func floorCalls(t *testing.T, s *Stack, n int) {
	t.Helper()
	target := s.Targets[PathFloor]
	before := extProcStreams(t, s.floor)
	p := newPool(target, 2)
	defer p.close()
	r := OpenLoop(target, p, 1024, 2, 200, 0, time.Duration(n)*5*time.Millisecond, 30*time.Second)
	if r.Errors != 0 || r.OK != int64(n) {
		t.Fatalf("floor path (%s): %d calls succeeded and %d failed, want %d and 0; first errors: %q", target.Mode, r.OK, r.Errors, n, r.FirstErrors)
	}
	if _, ok := r.CPUPerCall(CompExtProc); !ok {
		t.Fatalf("floor path (%s): no CPU figure for the floor processor: %v", target.Mode, r.CPU)
	}
	got := extProcStreams(t, s.floor) - before
	t.Logf("floor path (%s): %d calls, %d ext_proc streams, p50 %s", target.Mode, n, got, ms(r.Latency.Quantile(.5)))
	if got < int64(n) {
		t.Fatalf("floor path (%s): Envoy opened %d ext_proc streams for %d calls", target.Mode, got, n)
	}
}

// extProcStreams reads how many ext_proc streams an Envoy has opened.
func extProcStreams(t *testing.T, p *envoy.Process) int64 {
	t.Helper()
	resp, err := http.Get("http://" + p.AdminAddr + "/stats?filter=ext_proc\\.streams_started$")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if _, v, ok := strings.Cut(line, ": "); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				t.Fatalf("stats line %q: %v", line, err)
			}
			total += n
		}
	}
	return total
}

// TestPlainBootstrap checks that the plain-Envoy configuration derived from
// the sidecar's is accepted by Envoy and has no ext_proc left in it.
func TestPlainBootstrap(t *testing.T) {
	bin := envoyBinary(t)
	p := staticTestPolicy()
	cfg, err := PlainBootstrap(p, "demo-json", ir.Endpoint{Host: "127.0.0.1", Port: 10001}, 19901)
	if err != nil {
		t.Fatal(err)
	}
	s := string(cfg)
	for _, bad := range []string{"ext_proc", "mcpmesh_extproc", "mcpmesh_xds", `"ads"`} {
		if strings.Contains(s, bad) {
			t.Errorf("plain bootstrap mentions %q:\n%s", bad, s)
		}
	}
	for _, want := range []string{"envoy.filters.http.router", "upstream_demo-json", "10001", "normalize_path"} {
		if !strings.Contains(s, want) {
			t.Errorf("plain bootstrap lacks %q:\n%s", want, s)
		}
	}
	if err := ValidateBootstrap(bin, t.TempDir(), cfg); err != nil {
		t.Fatal(err)
	}
}

// TestFloorBootstrap checks that the floor path's configuration keeps the
// sidecar's ext_proc filter, points its cluster at the floor processor and
// is accepted by Envoy.
func TestFloorBootstrap(t *testing.T) {
	bin := envoyBinary(t)
	p := staticTestPolicy()
	cfg, err := FloorBootstrap(p, "demo-json", ir.Endpoint{Host: "127.0.0.1", Port: 10001}, 19901, ir.Endpoint{Host: "127.0.0.1", Port: 17777})
	if err != nil {
		t.Fatal(err)
	}
	s := string(cfg)
	for _, want := range []string{"envoy.filters.http.ext_proc", "FULL_DUPLEX_STREAMED", "mcpmesh_extproc", "17777", "envoy.filters.http.router", "upstream_demo-json", "10001"} {
		if !strings.Contains(s, want) {
			t.Errorf("floor bootstrap lacks %q:\n%s", want, s)
		}
	}
	for _, bad := range []string{"mcpmesh_xds", `"ads"`} {
		if strings.Contains(s, bad) {
			t.Errorf("floor bootstrap mentions %q:\n%s", bad, s)
		}
	}
	if err := ValidateBootstrap(bin, t.TempDir(), cfg); err != nil {
		t.Fatal(err)
	}
}

// staticTestPolicy is the one-server policy the static bootstraps are built from.
func staticTestPolicy() *ir.Policy {
	return &ir.Policy{
		Version: "test",
		Limits:  ir.Limits{MaxBodyBytes: ir.DefaultMaxBodyBytes, MessageTimeoutMillis: ir.DefaultMessageTimeoutMillis},
		Servers: []ir.Server{{
			Name:     "demo-json",
			Upstream: ir.Endpoint{Host: "127.0.0.1", Port: 18080},
			Path:     "/mcp",
			Listen:   ir.Endpoint{Host: "127.0.0.1", Port: 10000},
			Policy: chain.Policy{
				Tools: allowlist.Policy{Allow: []string{"echo", "get_*"}, Deny: []string{"run_shell"}},
			},
		}},
	}
}

func TestHistogram(t *testing.T) {
	h := NewHistogram()
	for i := 1; i <= 100000; i++ {
		h.Record(time.Duration(i) * time.Microsecond)
	}
	for _, q := range []float64{.5, .9, .99, .999} {
		want := time.Duration(q*100000) * time.Microsecond
		got := h.Quantile(q)
		if d := float64(got-want) / float64(want); d > 0.016 || d < -0.016 {
			t.Errorf("p%v = %v, want %v within 1.6%%", q*100, got, want)
		}
	}
	if h.Max() != 100*time.Millisecond || h.Min() != time.Microsecond || h.Count() != 100000 {
		t.Errorf("min %v max %v count %d", h.Min(), h.Max(), h.Count())
	}
	for _, v := range []uint64{0, 1, 127, 128, 129, 255, 256, 1000, 123456789, uint64(maxValue)} {
		lo, hi := bucketBounds(bucketIndex(v))
		if uint64(lo) > v || uint64(hi) < v {
			t.Errorf("%d falls in bucket [%d, %d]", v, lo, hi)
		}
	}
	o := NewHistogram()
	o.Record(time.Second)
	h.Merge(o)
	if h.Max() != time.Second || h.Count() != 100001 {
		t.Errorf("merge: max %v count %d", h.Max(), h.Count())
	}
}

// TestLoadFull runs the whole matrix; it needs -load.full.
func TestLoadFull(t *testing.T) {
	if !*full {
		t.Skip("the load matrix runs with -load.full")
	}
	cfg := Config{
		Modes:          split(*modes),
		Paths:          split(*paths),
		Warmup:         *warmup,
		Duration:       *duration,
		Conns:          *conns,
		MaxWarmup:      *maxWarmup,
		MaxDuration:    *maxDuration,
		Concurrency:    *concurrency,
		Rounds:         *rounds,
		SingleWarmup:   *singleWarm,
		SingleDuration: *single,
		Logf:           t.Logf,
	}
	for _, s := range split(*sizes) {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("-load.sizes: %v", err)
		}
		cfg.Sizes = append(cfg.Sizes, n)
	}
	for _, s := range split(*rates) {
		r, err := strconv.ParseFloat(s, 64)
		if err != nil || r <= 0 {
			t.Fatalf("-load.rates: bad rate %q", s)
		}
		cfg.Rates = append(cfg.Rates, r)
	}
	if *profile != "" {
		dir, err := filepath.Abs(*profile)
		if err != nil {
			t.Fatal(err)
		}
		t.Setenv(profileEnv, dir) // the children inherit it
	}
	before := uptime()
	e := newEnv(t)
	start := time.Now()
	rep, err := e.RunMatrix(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	after := uptime()

	var b strings.Builder
	fmt.Fprintf(&b, "Machine: %d CPUs (GOMAXPROCS %d), %s; Envoy %s; %s.\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), cpuModel(), envoy.Version(), runtime.Version())
	fmt.Fprintf(&b, "Load average before: %s; after: %s. Matrix ran for %v.\n\n", before, after, time.Since(start).Round(time.Second))
	rep.Markdown(&b)
	fmt.Println(b.String())
	if *out != "" {
		if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
			t.Error(err)
		}
	}
	var errs int64
	for _, r := range rep.all() {
		errs += r.Errors
	}
	if errs > 0 {
		t.Errorf("%d calls failed (see the tables and the log above)", errs)
	}
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// uptime returns the load averages (1, 5, 15 minutes).
func uptime() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		out, _ := exec.Command("uptime").Output()
		return strings.TrimSpace(string(out))
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return strings.TrimSpace(string(b))
	}
	return strings.Join(f[:3], ", ")
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
		}
	}
	return "unknown CPU"
}

// TestHoldSmoke is the short capacity test of every `go test ./...`: more
// requests held open through one sidecar than Envoy's default circuit
// breakers (1,024) allow — slow calls and SSE GET streams together — must
// all complete, and a quick call made meanwhile must succeed.
func TestHoldSmoke(t *testing.T) {
	runHold(t, HoldConfig{Calls: 1100, Streams: 150, Timeout: 3 * time.Minute, Log: t.Logf})
}

// runHold runs cfg, shows its table and fails on what Check finds.
func runHold(t *testing.T, cfg HoldConfig) {
	t.Helper()
	r, err := RunHold(context.Background(), t.TempDir(), envoyBinary(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.Markdown(&b)
	t.Log("\n" + b.String())
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestOverloadThroughSidecar: with limits.maxConcurrentStreams reached, the
// next request is refused by ext_proc with 503, the caller's id and its own
// code, while every held call still completes.
func TestOverloadThroughSidecar(t *testing.T) {
	r, err := RunHold(context.Background(), t.TempDir(), envoyBinary(t), HoldConfig{Calls: 56, Streams: 8, Limit: 64, Timeout: time.Minute, Log: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	if r.Completed != 56 || r.Failed != 0 {
		t.Fatalf("%d of 56 held calls completed, %d failed: %q", r.Completed, r.Failed, r.FirstErrors)
	}
	if r.ProbeStatus != 503 || !strings.Contains(r.ProbeBody, `"id":"probe-1"`) || !strings.Contains(r.ProbeBody, `"code":-32004`) || !strings.Contains(r.ProbeBody, "limit of 64 concurrent requests") {
		t.Fatalf("a request past the limit: %d %s", r.ProbeStatus, r.ProbeBody)
	}
	if r.QuickCallErr == "" {
		t.Fatal("a new session past the limit was let through")
	}
}

// TestHoldFull is the capacity test of `make loadtest` (see docs/benchmarks.md).
func TestHoldFull(t *testing.T) {
	if !*hold {
		t.Skip("the full capacity test runs with -load.hold (make loadtest)")
	}
	runHold(t, HoldConfig{Calls: *holdCalls, Streams: *holdStreams, HTTP2: *holdHTTP2, Timeout: 10 * time.Minute, Log: t.Logf})
}

// TestSoak checks the soak itself in every `go test ./...` (seconds); with
// -load.soak it is the long run of `make soak` (see docs/benchmarks.md).
func TestSoak(t *testing.T) {
	cfg := SoakConfig{Duration: 6 * time.Second, Interval: 2 * time.Second, Rate: 100, Agents: 8, CallsPerAgent: 10, Size: 1024, Log: t.Logf}
	if *soak > 0 {
		cfg.Duration, cfg.Interval, cfg.Rate, cfg.Agents, cfg.CallsPerAgent = *soak, time.Minute, 200, 16, 50
	}
	e := newEnv(t)
	s, err := e.Start(context.Background(), ModeJSON, []string{PathMesh})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	r, err := RunSoak(context.Background(), s.Targets[PathMesh], cfg)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.Markdown(&b)
	t.Log("\n" + b.String())
	if last := r.Samples[len(r.Samples)-1]; last.Calls < int64(cfg.Rate*cfg.Duration.Seconds()*0.9) {
		t.Errorf("%d calls made, want about %.0f", last.Calls, cfg.Rate*cfg.Duration.Seconds())
	}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestIngressHop measures what the ingress adds to a call (a short run in
// every `go test ./...`; -load.ingress N for the figures in
// docs/benchmarks.md).
func TestIngressHop(t *testing.T) {
	n := 200
	if *ingressHop > 0 {
		n = *ingressHop
	}
	h, err := RunIngressHop(context.Background(), t.TempDir(), envoyBinary(t), n)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	h.Markdown(&b)
	t.Log("\n" + b.String())
	if h.DirectErrs != 0 || h.IngressErr != 0 || h.ViaIngress.Count() != uint64(n) || h.Direct.Count() != uint64(n) {
		t.Fatalf("%d and %d calls failed", h.DirectErrs, h.IngressErr)
	}
	if h.IngressCPUPerCall <= 0 {
		t.Fatal("the ingress's CPU was not measured")
	}
}

// TestEgressHop measures what the egress proxy adds to a server's outbound
// request (a short run in every `go test ./...`; -load.egress N for the
// figures in docs/benchmarks.md).
func TestEgressHop(t *testing.T) {
	n := 100
	if *egressHop > 0 {
		n = *egressHop
	}
	h, err := RunEgressHop(context.Background(), t.TempDir(), envoyBinary(t), n)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	h.Markdown(&b)
	t.Log("\n" + b.String())
	if h.Errors() != 0 || len(h.Rows) != 6 {
		t.Fatalf("%d requests failed", h.Errors())
	}
	for _, r := range h.Rows {
		if r.Hist.Count() != uint64(n) {
			t.Fatalf("%s: %d of %d requests measured", r.Path, r.Hist.Count(), n)
		}
	}
}
