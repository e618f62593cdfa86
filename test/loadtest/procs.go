package loadtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/localmesh"
	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

// The MCP server and ext_proc run as child processes (the test binary run
// again in a role), as they do in a deployment: their CPU and memory can be
// read from /proc, and the load generator's garbage collector does not run
// inside them.
const (
	roleEnv    = "MCPMESH_LOADTEST_ROLE"
	argsEnv    = "MCPMESH_LOADTEST_ARGS"
	profileEnv = "MCPMESH_LOADTEST_PROFILE" // directory for the children's CPU profiles
)

// RunRole runs this process as a child role when the environment names one.
// TestMain calls it first; ok is false in the test process itself.
func RunRole() (ok bool, code int) {
	role := os.Getenv(roleEnv)
	if role == "" {
		return false, 0
	}
	stopProfile := func() {}
	if dir := os.Getenv(profileEnv); dir != "" {
		if f, err := os.Create(filepath.Join(dir, role+".cpu.pprof")); err == nil && pprof.StartCPUProfile(f) == nil {
			stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
		}
	}
	// The parent holds our stdin open; when it goes away, so do we.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stopProfile()
		os.Exit(0)
	}()
	var err error
	switch role {
	case "demo":
		err = runDemo()
	case "extproc":
		err = runExtProc()
	case "floor":
		err = runFloor()
	default:
		err = fmt.Errorf("unknown role %q", role)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "loadtest %s: %v\n", role, err)
		return true, 1
	}
	return true, 0
}

// ready tells the parent the child is serving, with details as JSON.
func ready(v any) {
	b, _ := json.Marshal(v)
	fmt.Printf("READY %s\n", b)
}

// PayloadIn is the input of the payload tool.
type PayloadIn struct {
	Size int `json:"size" jsonschema:"length of the returned text in bytes"`
}

// AddPayloadTool adds get_payload to the demo server: it returns a text of
// the requested size (at most 4 MiB).
func AddPayloadTool(d *demoserver.Server) {
	var mu sync.Mutex
	texts := map[int]string{}
	mcp.AddTool(d.MCP(), &mcp.Tool{Name: PayloadTool, Description: "Returns a text of the requested size."},
		func(_ context.Context, _ *mcp.CallToolRequest, in PayloadIn) (*mcp.CallToolResult, any, error) {
			if in.Size < 0 || in.Size > 4<<20 {
				return nil, nil, fmt.Errorf("size %d out of range", in.Size)
			}
			mu.Lock()
			s, ok := texts[in.Size]
			if !ok {
				s = strings.Repeat("x", in.Size)
				texts[in.Size] = s
			}
			mu.Unlock()
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: s}}}, nil, nil
		})
}

// runDemo serves the demo MCP server, stateless, once with JSON responses
// and once with SSE responses.
func runDemo() error {
	d := demoserver.New()
	AddPayloadTool(d)
	addrs := map[string]string{}
	for _, mode := range []string{ModeJSON, ModeSSE} {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		h := d.Handler(demoserver.Options{JSONResponse: mode == ModeJSON, Stateless: true})
		go func() { _ = (&http.Server{Handler: h}).Serve(l) }()
		addrs[mode] = l.Addr().String()
	}
	ready(addrs)
	select {}
}

type extProcArgs struct {
	Listen string // gRPC address
	XDS    string // control plane
	Audit  string // audit file
}

// runExtProc runs ext_proc as `mcpmesh extproc` does, following the control
// plane, plus an HTTP endpoint reporting its Go heap.
func runExtProc() error {
	var a extProcArgs
	if err := json.Unmarshal([]byte(os.Getenv(argsEnv)), &a); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	al, err := audit.Open(a.Audit)
	if err != nil {
		return err
	}
	ctx := context.Background()
	ep, err := localmesh.StartExtProc(ctx, localmesh.ExtProcOptions{
		Addr: a.Listen, ControlPlane: a.XDS,
		Metrics: extproc.NewMetrics(prometheus.NewRegistry()), Audit: al, Logger: log,
	})
	if err != nil {
		return err
	}
	ml, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go func() {
		_ = http.Serve(ml, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_ = json.NewEncoder(w).Encode(readGoMem())
		}))
	}()
	wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := ep.WaitPolicy(wctx, ""); err != nil {
		return err
	}
	ready(map[string]string{"mem": ml.Addr().String(), "policy": ep.Policy.Version()})
	return ep.Wait()
}

// GoMem is a Go process's heap as runtime/metrics reports it.
type GoMem struct {
	HeapObjects int64 `json:"heapObjects"` // bytes in live and not yet swept objects (HeapAlloc)
	HeapGoal    int64 `json:"heapGoal"`
	Total       int64 `json:"total"` // all memory mapped by the runtime
	Goroutines  int64 `json:"goroutines"`
}

func readGoMem() GoMem {
	s := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/goal:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/sched/goroutines:goroutines"},
	}
	metrics.Read(s)
	v := func(i int) int64 {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return int64(s[i].Value.Uint64())
	}
	return GoMem{HeapObjects: v(0), HeapGoal: v(1), Total: v(2), Goroutines: v(3)}
}

// child is a running child role.
type child struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	Info  map[string]string
	done  chan struct{}
}

func (c *child) PID() int { return c.cmd.Process.Pid }

// startChild runs the test binary in role and waits for its READY line.
func startChild(role string, args any, workDir string) (*child, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	b, _ := json.Marshal(args)
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), roleEnv+"="+role, argsEnv+"="+string(b))
	logPath := filepath.Join(workDir, role+".log")
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd.Stderr = logf
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, stdin: stdin, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		logf.Close()
		close(c.done)
	}()
	line := make(chan string, 1)
	go func() {
		br := bufio.NewReader(stdout)
		for {
			s, err := br.ReadString('\n')
			if rest, ok := strings.CutPrefix(s, "READY "); ok {
				line <- rest
				_, _ = io.Copy(io.Discard, br)
				return
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case s := <-line:
		if err := json.Unmarshal([]byte(s), &c.Info); err != nil {
			c.stop()
			return nil, fmt.Errorf("%s: bad READY line %q", role, s)
		}
		return c, nil
	case <-c.done:
		detail := fmt.Sprintf("%s exited during start-up: %s", role, tailFile(logPath, 20))
		if e := envoy.PortInUseIn(detail, detail); e != nil {
			return nil, e // another process took its port: the caller may pick another
		}
		return nil, errors.New(detail)
	case <-time.After(30 * time.Second):
		c.stop()
		return nil, fmt.Errorf("%s not ready within 30s: %s", role, tailFile(logPath, 20))
	}
}

func (c *child) stop() {
	_ = c.stdin.Close() // the child exits on EOF
	select {
	case <-c.done:
	case <-time.After(3 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.done
	}
}

// procRSS returns the resident set size of pid.
func procRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for pid %d", pid)
}

// clockTick is USER_HZ, the unit of /proc/<pid>/stat times (100 on Linux).
const clockTick = 10 * time.Millisecond

// procCPU returns the user plus system CPU time pid has used, all its threads.
func procCPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	// Fields 14 (utime) and 15 (stime); f[0] is field 3.
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	s, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	return time.Duration(u+s) * clockTick, nil
}

func tailFile(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
