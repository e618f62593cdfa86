package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/localmesh"
	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/policy"
)

// HoldConfig is a capacity run: Streams MCP sessions, each with its SSE GET
// stream open, and Calls slow tools/call requests held open at once over
// them, through one sidecar.
type HoldConfig struct {
	Calls   int
	Streams int
	// Limit is the policy's limits.maxConcurrentStreams (0: the default).
	Limit int
	// HTTP2: agents speak HTTP/2 (cleartext) and multiplex their requests
	// on a few connections, so each held request costs the sidecar one file
	// descriptor (to the server) instead of two.
	HTTP2 bool
	// Timeout bounds the whole run.
	Timeout time.Duration
	Log     func(format string, args ...any)
}

// HoldReport is what a capacity run saw.
type HoldReport struct {
	Calls, Streams int
	HTTP2          bool
	Completed      int      // slow calls that returned their result
	Failed         int      // slow calls that failed
	FirstErrors    []string // a few of the failures
	QuickCall      time.Duration
	QuickCallErr   string
	// Probe is the answer to one raw tools/call (id "probe-1") sent while
	// everything was held: past the limit, ext_proc's refusal.
	ProbeStatus     int
	ProbeBody       string
	ExtProcStreams  int64 // ext_proc streams Envoy had open at the peak
	DownstreamOpen  int64 // requests the sidecar had in flight at the peak
	Envoy, ExtProc  Footprint
	HeldFor         time.Duration
	SetUp, Released time.Duration
}

// Footprint is a process's open files and resident memory, idle and with
// everything held open.
type Footprint struct {
	IdleFDs, PeakFDs int
	IdleRSS, PeakRSS int64
}

// PerStream is the cost of one held request (a call or an SSE stream).
func (f Footprint) PerStream(n int) (fds float64, bytes float64) {
	if n == 0 {
		return 0, 0
	}
	return float64(f.PeakFDs-f.IdleFDs) / float64(n), float64(f.PeakRSS-f.IdleRSS) / float64(n)
}

// slowServer is an MCP server (sessions, JSON answers) whose "hold" tool
// returns only once release is closed, and whose "echo" answers at once.
type slowServer struct {
	addr    string
	srv     *http.Server
	held    atomic.Int64
	release chan struct{}
}

type holdIn struct {
	N int `json:"n"`
}

func startSlowServer() (*slowServer, error) {
	s := &slowServer{release: make(chan struct{})}
	m := mcp.NewServer(&mcp.Implementation{Name: "mcpmesh-hold", Version: "1.0.0"}, nil)
	mcp.AddTool(m, &mcp.Tool{Name: "hold", Description: "Answers once the test releases it."},
		func(ctx context.Context, _ *mcp.CallToolRequest, in holdIn) (*mcp.CallToolResult, any, error) {
			s.held.Add(1)
			defer s.held.Add(-1)
			select {
			case <-s.release:
			case <-ctx.Done():
				return nil, nil, ctx.Err()
			}
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "released " + strconv.Itoa(in.N)}}}, nil, nil
		})
	mcp.AddTool(m, &mcp.Tool{Name: "echo", Description: "Returns its text."},
		func(_ context.Context, _ *mcp.CallToolRequest, in struct {
			Text string `json:"text"`
		}) (*mcp.CallToolResult, any, error) {
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: in.Text}}}, nil, nil
		})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return m }, &mcp.StreamableHTTPOptions{JSONResponse: true})
	s.srv = &http.Server{Handler: h}
	s.addr = l.Addr().String()
	go func() { _ = s.srv.Serve(l) }()
	return s, nil
}

// RunHold runs a capacity test through one sidecar: control plane here,
// ext_proc as a child process (its footprint is its own), Envoy, and the
// sessions and calls of cfg. Every slow call must complete, and a quick call
// made while they are held must succeed.
func RunHold(ctx context.Context, workDir, envoyBin string, cfg HoldConfig) (*HoldReport, error) {
	logf := cfg.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 5 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	rep := &HoldReport{Calls: cfg.Calls, Streams: cfg.Streams, HTTP2: cfg.HTTP2}
	start := time.Now()

	srv, err := startSlowServer()
	if err != nil {
		return nil, err
	}
	defer srv.srv.Close()
	defer closeOnce(srv.release)

	limits := ""
	if cfg.Limit > 0 {
		limits = fmt.Sprintf("limits: {maxConcurrentStreams: %d}\n", cfg.Limit)
	}
	// The sidecar's and ext_proc's ports are picked before they are bound:
	// when another test process binds one first, the three parts start
	// again on fresh ones.
	var (
		listen string
		cp     *localmesh.ControlPlane
		ext    *child
		side   *envoy.Process
	)
	err = envoy.WithFreePorts(2, func(ports []int) error {
		listen = fmt.Sprintf("127.0.0.1:%d", ports[0])
		y := fmt.Sprintf("version: 1\n%sservers:\n  - name: hold\n    upstream: %s\n    unverifiedLocal: true\n    listen: %s\n    tools: {allow: [hold, echo]}\n", limits, srv.addr, listen)
		res, err := policy.Parse("hold policy", []byte(y))
		if err != nil {
			return err
		}
		if cp, err = localmesh.StartControlPlane(ctx, localmesh.ControlPlaneOptions{
			ExtProc: ir.Endpoint{Host: "127.0.0.1", Port: uint32(ports[1])}, Policy: res.Policy,
		}); err != nil {
			return err
		}
		if ext, err = startChild("extproc", extProcArgs{Listen: fmt.Sprintf("127.0.0.1:%d", ports[1]), XDS: cp.Addr, Audit: filepath.Join(workDir, "audit.jsonl")}, workDir); err != nil {
			cp.Stop()
			return err
		}
		if side, err = localmesh.StartSidecar(ctx, localmesh.SidecarOptions{Binary: envoyBin, WorkDir: workDir, ControlPlane: cp.Addr, Server: "hold", Listen: listen}); err != nil {
			ext.stop()
			cp.Stop()
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	defer cp.Stop()
	defer ext.stop()
	defer side.Stop()
	url := "http://" + listen + "/mcp"

	time.Sleep(500 * time.Millisecond) // let both settle before the idle reading
	rep.Envoy.IdleFDs, rep.Envoy.IdleRSS = footprint(side.PID())
	rep.ExtProc.IdleFDs, rep.ExtProc.IdleRSS = footprint(ext.PID())

	// HTTP/1.1: one transport per session, so a session's GET stream and
	// its calls each get their own connection, as separate agents' would.
	// HTTP/2: one transport for all, multiplexing every request.
	transport := func() http.RoundTripper { return &http.Transport{MaxIdleConnsPerHost: 64} }
	if cfg.HTTP2 {
		var p http.Protocols
		p.SetUnencryptedHTTP2(true)
		shared := &http.Transport{Protocols: &p}
		defer shared.CloseIdleConnections()
		transport = func() http.RoundTripper { return shared }
	}
	sessions := make([]*mcp.ClientSession, cfg.Streams)
	defer func() {
		for _, s := range sessions {
			if s != nil {
				_ = s.Close()
			}
		}
	}()
	if err := parallel(ctx, cfg.Streams, 64, func(i int) error {
		c := mcp.NewClient(&mcp.Implementation{Name: "hold-agent", Version: "1"}, nil)
		s, err := c.Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, HTTPClient: &http.Client{Transport: transport()}}, nil)
		if err != nil {
			return fmt.Errorf("session %d: %w", i, err)
		}
		sessions[i] = s
		return nil
	}); err != nil {
		return rep, err
	}
	logf("%d sessions connected in %v", cfg.Streams, time.Since(start).Round(time.Millisecond))

	// The slow calls, spread over the sessions.
	var wg sync.WaitGroup
	var completed, failed atomic.Int64
	var errMu sync.Mutex
	for i := range cfg.Calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := sessions[i%cfg.Streams].CallTool(ctx, &mcp.CallToolParams{Name: "hold", Arguments: map[string]any{"n": i}})
			if err == nil && (r.IsError || len(r.Content) == 0 || r.Content[0].(*mcp.TextContent).Text != "released "+strconv.Itoa(i)) {
				err = fmt.Errorf("unexpected result %+v", r)
			}
			if err != nil {
				failed.Add(1)
				errMu.Lock()
				if len(rep.FirstErrors) < 5 {
					rep.FirstErrors = append(rep.FirstErrors, err.Error())
				}
				errMu.Unlock()
				return
			}
			completed.Add(1)
		}()
	}
	// Wait until the server holds every call (or some failed).
	for srv.held.Load()+failed.Load() < int64(cfg.Calls) {
		if ctx.Err() != nil {
			return rep, fmt.Errorf("only %d of %d calls reached the server (%d failed): %w", srv.held.Load(), cfg.Calls, failed.Load(), ctx.Err())
		}
		time.Sleep(50 * time.Millisecond)
	}
	rep.SetUp = time.Since(start)
	logf("%d calls held at the server, %d failed, after %v", srv.held.Load(), failed.Load(), rep.SetUp.Round(time.Millisecond))
	rep.DownstreamOpen = envoyStat(side, "http."+contract.ListenerName("hold")+".downstream_rq_active")
	rep.ExtProcStreams = envoyStat(side, "cluster."+contract.ExtProcClusterName+".upstream_rq_active")
	rep.Envoy.PeakFDs, rep.Envoy.PeakRSS = footprint(side.PID())
	rep.ExtProc.PeakFDs, rep.ExtProc.PeakRSS = footprint(ext.PID())

	// A quick call from a new agent while everything is held.
	q := time.Now()
	if err := quickCall(ctx, url); err != nil {
		rep.QuickCallErr = err.Error()
	}
	rep.QuickCall = time.Since(q)
	rep.ProbeStatus, rep.ProbeBody = probe(ctx, url)

	rep.HeldFor = time.Since(start)
	r := time.Now()
	closeOnce(srv.release)
	wg.Wait()
	rep.Released = time.Since(r)
	rep.Completed, rep.Failed = int(completed.Load()), int(failed.Load())
	return rep, nil
}

func quickCall(ctx context.Context, url string) error {
	qctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	c := mcp.NewClient(&mcp.Implementation{Name: "quick-agent", Version: "1"}, nil)
	s, err := c.Connect(qctx, &mcp.StreamableClientTransport{Endpoint: url}, nil)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := s.CallTool(qctx, &mcp.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "still here"}})
	if err != nil {
		return err
	}
	if r.IsError || len(r.Content) == 0 || r.Content[0].(*mcp.TextContent).Text != "still here" {
		return fmt.Errorf("unexpected result %+v", r)
	}
	return nil
}

// probe sends one tools/call outside any session and returns the answer.
func probe(ctx context.Context, url string) (int, string) {
	body := `{"jsonrpc":"2.0","id":"probe-1","method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}`
	req, err := http.NewRequestWithContext(ctx, "POST", url, strings.NewReader(body))
	if err != nil {
		return 0, err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	return resp.StatusCode, string(b)
}

// parallel runs f(0..n-1) with at most width at once and returns the first error.
func parallel(ctx context.Context, n, width int, f func(int) error) error {
	sem := make(chan struct{}, width)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := f(i); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if first == nil {
		first = ctx.Err()
	}
	return first
}

func closeOnce(c chan struct{}) {
	select {
	case <-c:
	default:
		close(c)
	}
}

// footprint is pid's open file descriptors and resident set.
func footprint(pid int) (fds int, rss int64) {
	if ents, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid)); err == nil {
		fds = len(ents)
	}
	rss, _ = procRSS(pid)
	return fds, rss
}

// envoyStat reads one counter or gauge from Envoy's admin endpoint (-1 if absent).
func envoyStat(p *envoy.Process, name string) int64 {
	out, err := p.Admin("/stats?filter=^" + strings.ReplaceAll(name, ".", `\.`) + "$")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, name+": "); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err == nil {
				return n
			}
		}
	}
	return -1
}

// Markdown writes the report as the table docs/benchmarks.md keeps.
func (r *HoldReport) Markdown(w io.Writer) {
	held := r.Calls + r.Streams
	efd, erss := r.Envoy.PerStream(held)
	xfd, xrss := r.ExtProc.PerStream(held)
	fmt.Fprintf(w, "| held open | completed / failed | quick call | Envoy fds idle → peak | Envoy RSS idle → peak (MiB) | ext_proc fds idle → peak | ext_proc RSS idle → peak (MiB) |\n")
	fmt.Fprintf(w, "| --- | --- | --- | --- | --- | --- | --- |\n")
	quick := ms(r.QuickCall)
	if r.QuickCallErr != "" {
		quick = "failed: " + r.QuickCallErr
	}
	proto := "HTTP/1.1"
	if r.HTTP2 {
		proto = "HTTP/2"
	}
	fmt.Fprintf(w, "| %d calls + %d SSE streams, agents on %s (sidecar: %d in flight, %d ext_proc streams) | %d / %d | %s | %d → %d | %s → %s | %d → %d | %s → %s |\n",
		r.Calls, r.Streams, proto, r.DownstreamOpen, r.ExtProcStreams, r.Completed, r.Failed, quick,
		r.Envoy.IdleFDs, r.Envoy.PeakFDs, mib(r.Envoy.IdleRSS), mib(r.Envoy.PeakRSS),
		r.ExtProc.IdleFDs, r.ExtProc.PeakFDs, mib(r.ExtProc.IdleRSS), mib(r.ExtProc.PeakRSS))
	fmt.Fprintf(w, "\nPer request held open: Envoy %.2f fds and %.1f KiB, ext_proc %.3f fds and %.1f KiB. Set-up %v, release to last answer %v.\n",
		efd, erss/1024, xfd, xrss/1024, r.SetUp.Round(time.Millisecond), r.Released.Round(time.Millisecond))
}

// Check says what a run that must pass got wrong.
func (r *HoldReport) Check() error {
	var errs []error
	if r.Completed != r.Calls || r.Failed != 0 {
		errs = append(errs, fmt.Errorf("%d of %d held calls completed, %d failed; first errors: %q", r.Completed, r.Calls, r.Failed, r.FirstErrors))
	}
	if r.QuickCallErr != "" {
		errs = append(errs, fmt.Errorf("a quick call while %d were held failed: %s", r.Calls+r.Streams, r.QuickCallErr))
	}
	if r.DownstreamOpen < int64(r.Calls+r.Streams) {
		errs = append(errs, fmt.Errorf("the sidecar had %d requests in flight, want at least %d (calls + SSE streams)", r.DownstreamOpen, r.Calls+r.Streams))
	}
	return errors.Join(errs...)
}
