package loadtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/localmesh"
	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/policy"
)

// Response modes of the MCP server.
const (
	ModeJSON = "json" // application/json
	ModeSSE  = "sse"  // text/event-stream
)

// The ways to the server.
const (
	PathDirect = "direct"  // client -> server
	PathEnvoy  = "envoy"   // client -> Envoy without ext_proc -> server
	PathFloor  = "floor"   // client -> Envoy + an ext_proc that judges nothing -> server (floor.go)
	PathMesh   = "mcpmesh" // client -> sidecar (Envoy + ext_proc) -> server
)

// Components whose CPU and memory are read from /proc.
const (
	CompClient  = "client" // the load generator (and the idle control plane)
	CompServer  = "server"
	CompEnvoy   = "envoy"
	CompExtProc = "ext_proc"
)

func serverName(mode string) string { return "demo-" + mode }

// Env is what every path shares: the MCP server (JSON and SSE listeners),
// the control plane (in this process) and ext_proc (a child process).
type Env struct {
	WorkDir  string
	EnvoyBin string
	// EnvoyConcurrency is every Envoy's worker threads (0: one per CPU).
	EnvoyConcurrency int
	Policy           *ir.Policy

	demo     *child
	upstream map[string]string // mode -> server address
	ext      *child
	floor    *child // started when a run measures the floor path
	memURL   string
	cp       *localmesh.ControlPlane
	network  string // how sidecars reach ext_proc: "tcp" or "unix"
	sockDir  string // the Unix sockets' folder, removed by Close
}

// NewEnvOver starts the MCP server, the control plane and ext_proc, which
// the sidecars (and the floor processor) reach over network: "tcp"
// (loopback) or "unix" (a socket file). Envoys are started per response
// mode by Start.
func NewEnvOver(workDir, envoyBin, network string) (*Env, error) {
	e := &Env{WorkDir: workDir, EnvoyBin: envoyBin, upstream: map[string]string{}, network: network}
	ok := false
	defer func() {
		if !ok {
			e.Close()
		}
	}()
	var err error
	if e.demo, err = startChild("demo", nil, workDir); err != nil {
		return nil, err
	}
	for _, mode := range []string{ModeJSON, ModeSSE} {
		if e.upstream[mode] = e.demo.Info[mode]; e.upstream[mode] == "" {
			return nil, fmt.Errorf("demo server did not report its %s address", mode)
		}
	}

	// One sidecar per response mode, on the default policy's tool rules.
	y := "version: 1\nservers:\n"
	for _, mode := range []string{ModeJSON, ModeSSE} {
		port, err := envoy.FreePort()
		if err != nil {
			return nil, err
		}
		y += fmt.Sprintf(`  - name: %s
    upstream: %s
    unverifiedLocal: true
    listen: 127.0.0.1:%d
    path: /mcp
    tools:
      allow: [echo, "get_*"]
      deny: [run_shell]
`, serverName(mode), e.upstream[mode], port)
	}
	if err := os.WriteFile(filepath.Join(workDir, "policy.yaml"), []byte(y), 0o644); err != nil {
		return nil, err
	}
	res, err := policy.Parse("loadtest policy", []byte(y))
	if err != nil {
		return nil, err
	}
	e.Policy = res.Policy

	epAddr, err := e.processorAddress("extproc")
	if err != nil {
		return nil, err
	}
	ep, err := ir.ParseAddress(epAddr)
	if err != nil {
		return nil, err
	}
	// The control plane runs here; ext_proc is a child process (procs.go)
	// that follows it, as `mcpmesh extproc` would.
	e.cp, err = localmesh.StartControlPlane(context.Background(), localmesh.ControlPlaneOptions{
		ExtProc: ep,
		Policy:  e.Policy,
	})
	if err != nil {
		return nil, err
	}

	e.ext, err = startChild("extproc", extProcArgs{
		Listen: epAddr,
		XDS:    e.cp.Addr,
		Audit:  filepath.Join(workDir, "audit.jsonl"),
	}, workDir)
	if err != nil {
		return nil, err
	}
	if v := e.ext.Info["policy"]; v != e.Policy.Version {
		return nil, fmt.Errorf("ext_proc enforces policy %q, want %q", v, e.Policy.Version)
	}
	e.memURL = "http://" + e.ext.Info["mem"] + "/"
	ok = true
	return e, nil
}

// Close stops everything NewEnvOver started.
func (e *Env) Close() {
	if e.ext != nil {
		e.ext.stop()
	}
	if e.floor != nil {
		e.floor.stop()
	}
	if e.cp != nil {
		e.cp.Stop()
	}
	if e.demo != nil {
		e.demo.stop()
	}
	if e.sockDir != "" {
		_ = os.RemoveAll(e.sockDir)
	}
}

// Target is one path to the server in one response mode.
type Target struct {
	Path, Mode string
	Addr       string         // host:port the client connects to
	PIDs       map[string]int // the processes on the path
	MemURL     string         // ext_proc's heap endpoint on the mcpmesh path
}

// Stack is the set of paths for one response mode.
type Stack struct {
	Targets map[string]*Target
	plain   *envoy.Process
	floor   *envoy.Process
	mesh    *envoy.Process
}

// Start starts the Envoys the paths need for mode.
func (e *Env) Start(ctx context.Context, mode string, paths []string) (*Stack, error) {
	s := &Stack{Targets: map[string]*Target{}}
	ok := false
	defer func() {
		if !ok {
			s.Close()
		}
	}()
	name := serverName(mode)
	var srv *ir.Server
	for i := range e.Policy.Servers {
		if e.Policy.Servers[i].Name == name {
			srv = &e.Policy.Servers[i]
		}
	}
	if srv == nil {
		return nil, fmt.Errorf("unknown mode %q", mode)
	}
	dir := filepath.Join(e.WorkDir, mode)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	self := os.Getpid()
	for _, path := range paths {
		t := &Target{Path: path, Mode: mode, PIDs: map[string]int{CompClient: self, CompServer: e.demo.PID()}}
		switch path {
		case PathDirect:
			t.Addr = e.upstream[mode]
		case PathEnvoy, PathFloor:
			// Both ports are picked before Envoy binds them: when another
			// test process binds one first, Envoy starts again on fresh ones.
			var p *envoy.Process
			err := envoy.WithFreePorts(2, func(ports []int) error {
				port, admin := ports[0], ports[1]
				t.Addr = "127.0.0.1:" + strconv.Itoa(port)
				listen := ir.Endpoint{Host: "127.0.0.1", Port: uint32(port)}
				var cfg []byte
				var err error
				if path == PathEnvoy {
					cfg, err = PlainBootstrap(e.Policy, name, listen, admin)
				} else {
					var proc ir.Endpoint
					if proc, err = e.floorProcessor(); err == nil {
						cfg, err = FloorBootstrap(e.Policy, name, listen, admin, proc)
					}
				}
				if err != nil {
					return err
				}
				p, err = startEnvoy(ctx, envoy.Options{
					Binary:      e.EnvoyBin,
					WorkDir:     dir,
					Concurrency: e.EnvoyConcurrency,
					Config:      cfg,
					Bootstrap:   envoy.Bootstrap{NodeID: staticNodeID(path == PathFloor, name), AdminHost: "127.0.0.1", AdminPort: admin},
				}, t.Addr)
				return err
			})
			if err != nil {
				return nil, err
			}
			t.PIDs[CompEnvoy] = p.PID()
			if path == PathEnvoy {
				s.plain = p
			} else {
				s.floor = p
				t.PIDs[CompExtProc] = e.floor.PID()
			}
		case PathMesh:
			t.Addr = srv.Listen.String()
			var err error
			s.mesh, err = localmesh.StartSidecar(ctx, localmesh.SidecarOptions{
				Binary: e.EnvoyBin, WorkDir: dir, ControlPlane: e.cp.Addr, Server: name, Listen: t.Addr, Concurrency: e.EnvoyConcurrency,
			})
			if err != nil {
				return nil, err
			}
			t.PIDs[CompEnvoy] = s.mesh.PID()
			t.PIDs[CompExtProc] = e.ext.PID()
			t.MemURL = e.memURL
		default:
			return nil, fmt.Errorf("unknown path %q", path)
		}
		s.Targets[path] = t
	}
	ok = true
	return s, nil
}

// startEnvoy starts an Envoy and waits until it accepts connections on listen.
func startEnvoy(ctx context.Context, o envoy.Options, listen string) (*envoy.Process, error) {
	p, err := envoy.Start(ctx, o)
	if err != nil {
		return nil, err
	}
	wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := p.WaitListener(wctx, listen); err != nil {
		p.Stop()
		return nil, err
	}
	return p, nil
}

// Close stops the stack's Envoys.
func (s *Stack) Close() {
	if s.plain != nil {
		s.plain.Stop()
	}
	if s.floor != nil {
		s.floor.Stop()
	}
	if s.mesh != nil {
		s.mesh.Stop()
	}
}

// floorProcessor starts the floor path's processor once and returns its address.
func (e *Env) floorProcessor() (ir.Endpoint, error) {
	if e.floor == nil {
		addr, err := e.processorAddress("floor")
		if err != nil {
			return ir.Endpoint{}, err
		}
		c, err := startChild("floor", floorArgs{Listen: addr}, e.WorkDir)
		if err != nil {
			return ir.Endpoint{}, err
		}
		e.floor = c
	}
	ep, err := ir.ParseAddress(e.floor.Info["addr"])
	if err != nil {
		return ir.Endpoint{}, fmt.Errorf("floor processor address %q: %w", e.floor.Info["addr"], err)
	}
	return ep, nil
}

// processorAddress is where a processor (ext_proc, the floor) listens over
// the Env's network: a free loopback port, or a socket in a short folder
// of its own (socket paths are limited to 107 bytes).
func (e *Env) processorAddress(name string) (string, error) {
	if e.network != "unix" {
		port, err := envoy.FreePort()
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("127.0.0.1:%d", port), nil
	}
	if e.sockDir == "" {
		d, err := os.MkdirTemp("", "mcpmesh-load")
		if err != nil {
			return "", err
		}
		e.sockDir = d
	}
	return ir.UnixPrefix + filepath.Join(e.sockDir, name+".sock"), nil
}

// pool is a target's keep-alive connections.
type pool struct {
	t     *Target
	conns []*conn
}

func newPool(t *Target, n int) *pool {
	p := &pool{t: t}
	for range n {
		p.conns = append(p.conns, newConn(t.Addr, t.Mode == ModeSSE))
	}
	return p
}

// take returns n connections set up for calls of size.
func (p *pool) take(n, size int) []*conn {
	tmpl := newCallTemplate(p.t.Addr, "/mcp", size)
	for _, c := range p.conns[:n] {
		c.tmpl = tmpl
	}
	return p.conns[:n]
}

func (p *pool) close() {
	for _, c := range p.conns {
		c.close()
	}
}

// OpenLoop measures t at a fixed rate; calls still queued grace after the
// schedule ended are not sent.
func OpenLoop(t *Target, p *pool, size, conns int, rate float64, warmup, duration, grace time.Duration) *Result {
	w := watch(t.PIDs, t.MemURL)
	r := openLoop(p.take(conns, size), rate, warmup, duration, grace)
	w.finish(r)
	r.Path, r.Mode, r.Size = t.Path, t.Mode, size
	return r
}

// ClosedLoop measures t's maximum rate with conc callers.
func ClosedLoop(t *Target, p *pool, size, conc int, warmup, duration time.Duration) *Result {
	w := watch(t.PIDs, t.MemURL)
	r := closedLoop(p.take(conc, size), warmup, duration)
	w.finish(r)
	r.Path, r.Mode, r.Size = t.Path, t.Mode, size
	return r
}
