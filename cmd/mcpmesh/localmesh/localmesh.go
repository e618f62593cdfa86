// Package localmesh starts mcpmesh's parts and wires them to each other: a
// control plane serving a policy, an ext_proc service following it, and one
// Envoy sidecar per MCP server. Start runs a whole mesh on one machine, on
// loopback, as a deployment wires it; `mcpmesh dev`, the end-to-end tests
// and the load test start their meshes there, so all of them exercise one
// wiring instead of a copy each.
//
// StartControlPlane, StartExtProc and StartSidecar start one part, for
// callers that run the others their own way: the `controlplane` and
// `extproc` commands run one part per process, and the load test runs
// ext_proc in a child process to measure it alone.
package localmesh

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/controlplane"
	"github.com/mcpmesh/mcpmesh/xds/imagegate"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/translator"
)

// StartTimeout bounds how long Start waits for each part to hold the policy.
const StartTimeout = 20 * time.Second

// Options configure a whole mesh. Start fills in what the parts must know of
// each other: the control plane learns where ext_proc listens, ext_proc and
// the sidecars where the control plane listens.
type Options struct {
	ControlPlane ControlPlaneOptions
	ExtProc      ExtProcOptions
	// EnvoyBinary, when set, starts one sidecar per server of the policy,
	// with its bootstrap and log in WorkDir.
	EnvoyBinary string
	WorkDir     string
}

// Mesh is a running mesh.
type Mesh struct {
	ControlPlane *ControlPlane
	ExtProc      *ExtProc
	Sidecars     map[string]*envoy.Process // by server name
	// Ingress is the ingress Envoy, when the policy declares one.
	Ingress *envoy.Process

	opts Options
	mu   sync.Mutex
}

// Start starts the control plane, ext_proc and the sidecars, and returns
// once ext_proc enforces the control plane's policy and every sidecar
// accepts connections on its listen address (so it has its listener from
// the control plane). On error, what was started is stopped.
func Start(ctx context.Context, o Options) (*Mesh, error) {
	m := &Mesh{Sidecars: map[string]*envoy.Process{}}
	if err := m.start(ctx, o); err != nil {
		m.Stop()
		return nil, err
	}
	return m, nil
}

func (m *Mesh) start(ctx context.Context, o Options) error {
	// ext_proc's socket is bound first: the control plane tells sidecars
	// where it is, and ext_proc follows the control plane.
	epL, err := listen(o.ExtProc.Listener, o.ExtProc.Addr)
	if err != nil {
		return fmt.Errorf("ext_proc: %w", err)
	}
	o.ExtProc.Listener = epL
	if o.ControlPlane.ExtProc, err = endpoint(epL.Addr()); err != nil {
		epL.Close()
		return err
	}
	cpL, err := listen(o.ControlPlane.Listener, o.ControlPlane.Addr)
	if err != nil {
		epL.Close()
		return fmt.Errorf("control plane: %w", err)
	}
	o.ControlPlane.Listener = cpL
	if m.ControlPlane, err = StartControlPlane(ctx, o.ControlPlane); err != nil {
		epL.Close()
		if o.ControlPlane.PolicyFile != "" {
			return fmt.Errorf("policy %s: %w", o.ControlPlane.PolicyFile, err)
		}
		return fmt.Errorf("policy: %w", err)
	}
	o.ExtProc.ControlPlane = m.ControlPlane.Addr
	if m.ExtProc, err = StartExtProc(ctx, o.ExtProc); err != nil {
		return err
	}
	m.opts = o
	wctx, cancel := context.WithTimeout(ctx, StartTimeout)
	defer cancel()
	if err := m.WaitPolicy(wctx); err != nil {
		return err
	}
	if o.EnvoyBinary == "" {
		return nil
	}
	for _, s := range m.ControlPlane.Policy().Servers {
		p, err := StartSidecar(ctx, SidecarOptions{
			Binary: o.EnvoyBinary, WorkDir: o.WorkDir, ControlPlane: m.ControlPlane.Addr,
			Server: s.Name, Listen: s.Listen.String(),
		})
		if err != nil {
			return err
		}
		m.Sidecars[s.Name] = p
	}
	if in := m.ControlPlane.Policy().Ingress; in != nil {
		p, err := StartIngress(ctx, SidecarOptions{Binary: o.EnvoyBinary, WorkDir: o.WorkDir, ControlPlane: m.ControlPlane.Addr, Listen: in.Listen.String()})
		if err != nil {
			return err
		}
		m.Ingress = p
	}
	return nil
}

// Stop stops the sidecars, ext_proc and the control plane, in that order
// (the last to go is what the others depend on). It may be called again.
func (m *Mesh) Stop() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Ingress != nil {
		m.Ingress.Stop()
		m.Ingress = nil
	}
	for _, p := range m.Sidecars {
		p.Stop()
	}
	if m.ExtProc != nil {
		m.ExtProc.Stop()
	}
	if m.ControlPlane != nil {
		m.ControlPlane.Stop()
	}
}

// WaitPolicy waits until ext_proc enforces the policy the control plane
// serves now.
func (m *Mesh) WaitPolicy(ctx context.Context) error {
	m.mu.Lock()
	cp, ep := m.ControlPlane, m.ExtProc
	m.mu.Unlock()
	return ep.WaitPolicy(ctx, cp.Policy().Version)
}

// RestartControlPlane stops the control plane and starts a new one on the
// same address from the same policy source, as a restarted process would
// start; its metrics go to reg (the old plane's stay registered where they
// were).
func (m *Mesh) RestartControlPlane(ctx context.Context, reg prometheus.Registerer) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ControlPlane.Stop()
	o := m.opts.ControlPlane
	o.Registry, o.Images.Metrics = reg, nil
	l, err := listenAgain(ctx, m.ControlPlane.Addr)
	if err != nil {
		return err
	}
	o.Listener = l
	cp, err := StartControlPlane(ctx, o)
	if err != nil {
		return err
	}
	m.ControlPlane = cp
	return nil
}

// RestartExtProc stops ext_proc and starts a new one on the same address
// with an empty policy store that follows the control plane, as a
// restarted process would; metrics, audit log and logger are kept. wrap,
// when set, wraps the new listener (tests use it to inject faults).
func (m *Mesh) RestartExtProc(ctx context.Context, wrap func(net.Listener) net.Listener) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ExtProc.Stop()
	o := m.opts.ExtProc
	o.Metrics, o.Audit, o.Logger = m.ExtProc.Metrics, m.ExtProc.Audit, m.ExtProc.Log
	o.ControlPlane = m.ControlPlane.Addr
	l, err := listenAgain(ctx, m.ExtProc.Addr)
	if err != nil {
		return err
	}
	if wrap != nil {
		l = wrap(l)
	}
	o.Listener = l
	ep, err := StartExtProc(ctx, o)
	if err != nil {
		return err
	}
	m.ExtProc = ep
	return nil
}

// ControlPlaneOptions configure a control plane.
type ControlPlaneOptions struct {
	// Listener serves ADS; when nil, Addr is listened on (default
	// 127.0.0.1:0, any free port).
	Listener net.Listener
	Addr     string
	// ExtProc is where sidecars reach ext_proc (Start sets it).
	ExtProc ir.Endpoint
	// The policy: PolicyFile is loaded, then polled every Poll (default 1s)
	// so that edits apply live (an invalid edit keeps the last good policy);
	// without a file, Policy is served as it is.
	PolicyFile string
	Poll       time.Duration
	Policy     *ir.Policy
	// Registry receives the control plane's and the image gate's metrics
	// (nil: not registered).
	Registry prometheus.Registerer
	// Images configures image verification; RetryImages, when set, is how
	// often images that failed verification are tried again.
	Images      imagegate.Options
	RetryImages time.Duration
	Logger      *slog.Logger
}

// ControlPlane is a running control plane.
type ControlPlane struct {
	*controlplane.ControlPlane
	Addr string // ADS address

	stop func()
	done chan struct{}
	err  error
}

// StartControlPlane starts a control plane and returns once it serves ADS
// with the policy loaded. The error of an initial policy that does not load
// is returned as it is; the caller says which policy it was.
func StartControlPlane(ctx context.Context, o ControlPlaneOptions) (*ControlPlane, error) {
	if (o.PolicyFile == "") == (o.Policy == nil) {
		return nil, errors.New("localmesh: a control plane needs either a policy file or a policy")
	}
	l, err := listen(o.Listener, o.Addr)
	if err != nil {
		return nil, fmt.Errorf("control plane: %w", err)
	}
	if o.Images.Metrics == nil && o.Registry != nil {
		o.Images.Metrics = imagegate.NewMetrics(o.Registry)
	}
	cp := controlplane.New(controlplane.Options{
		Translator: translator.Options{ExtProc: o.ExtProc},
		Logger:     logger(o.Logger),
		Metrics:    controlplane.NewMetrics(o.Registry),
		Images:     o.Images,
	})
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	c := &ControlPlane{ControlPlane: cp, Addr: l.Addr().String(), done: make(chan struct{})}
	c.stop = sync.OnceFunc(func() { cancel(); wg.Wait() })
	if o.RetryImages > 0 {
		wg.Go(func() { cp.RetryFailedImages(ctx, o.RetryImages) })
	}
	// Mesh certificates (with the ingress's mTLS) are renewed hourly: after a
	// third of their 24-hour life, well before they expire.
	wg.Go(func() { cp.RenewMeshCerts(ctx, time.Hour) })
	// Issuers' key sets named by URL are fetched again every few minutes.
	wg.Go(func() { cp.RefreshJWKS(ctx, controlplane.JWKSRefresh) })
	if o.PolicyFile != "" {
		poll := o.Poll
		if poll == 0 {
			poll = time.Second
		}
		ready := make(chan error, 1)
		wg.Go(func() { cp.WatchFile(ctx, o.PolicyFile, poll, func(err error) { ready <- err }) })
		err = <-ready
	} else {
		err = cp.Apply(ctx, o.Policy)
	}
	if err != nil {
		l.Close()
		close(c.done)
		c.Stop()
		return nil, err
	}
	wg.Go(func() {
		defer close(c.done)
		c.err = cp.Serve(ctx, l)
		cancel() // a control plane that serves nobody stops watching
	})
	return c, nil
}

// Stop stops the control plane and waits until it has. It may be called again.
func (c *ControlPlane) Stop() { c.stop() }

// Wait blocks until the control plane stops serving and returns why (nil
// once stopped).
func (c *ControlPlane) Wait() error {
	<-c.done
	return c.err
}

// ExtProcOptions configure an ext_proc service.
type ExtProcOptions struct {
	// Listener serves the ExternalProcessor; when nil, Addr is listened on
	// (default 127.0.0.1:0).
	Listener net.Listener
	Addr     string
	// ControlPlane is the ADS address the policy comes from (Start sets it).
	ControlPlane string
	// Metrics (nil: registered nowhere), the audit log (nil: discarded) and
	// the logger of the service.
	Metrics *extproc.Metrics
	Audit   *audit.Logger
	Logger  *slog.Logger
}

// ExtProc is a running ext_proc service in this process.
type ExtProc struct {
	*extproc.Server
	Addr string

	stop func()
	done chan struct{}
	err  error
}

// StartExtProc starts ext_proc following the control plane. It returns at
// once: until the first policy arrives, it refuses every request (see
// WaitPolicy).
func StartExtProc(ctx context.Context, o ExtProcOptions) (*ExtProc, error) {
	if o.ControlPlane == "" {
		return nil, errors.New("localmesh: ext_proc needs a control plane address")
	}
	l, err := listen(o.Listener, o.Addr)
	if err != nil {
		return nil, fmt.Errorf("ext_proc: %w", err)
	}
	if o.Metrics == nil {
		o.Metrics = extproc.NewMetrics(nil)
	}
	if o.Audit == nil {
		o.Audit = audit.New(io.Discard)
	}
	srv := extproc.NewServer(o.Metrics, o.Audit, logger(o.Logger))
	ctx, cancel := context.WithCancel(ctx)
	e := &ExtProc{Server: srv, Addr: addrString(l.Addr()), done: make(chan struct{})}
	var follow sync.WaitGroup
	follow.Go(func() { _ = extproc.FollowControlPlane(ctx, o.ControlPlane, srv.Policy, srv.Log) })
	go func() {
		defer close(e.done)
		e.err = srv.Serve(ctx, l)
		cancel() // a service that failed follows nothing
		follow.Wait()
	}()
	e.stop = sync.OnceFunc(func() { cancel(); <-e.done })
	return e, nil
}

// Stop stops ext_proc and waits until it has. It may be called again.
func (e *ExtProc) Stop() { e.stop() }

// Wait blocks until the service stops and returns why (nil once stopped).
func (e *ExtProc) Wait() error {
	<-e.done
	return e.err
}

// WaitPolicy waits until ext_proc enforces the policy version (any policy
// when version is "").
func (e *ExtProc) WaitPolicy(ctx context.Context, version string) error {
	for {
		have := e.Policy.Version()
		if have != "" && (version == "" || have == version) {
			return nil
		}
		select {
		case <-ctx.Done():
			want := version
			if want == "" {
				want = "any policy"
			}
			return fmt.Errorf("ext_proc never received %s from the control plane (has %q)", want, have)
		case <-e.done:
			return fmt.Errorf("ext_proc stopped before it received a policy: %v", e.err)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// SidecarOptions configure the Envoy sidecar of one MCP server.
type SidecarOptions struct {
	Binary       string
	WorkDir      string // the bootstrap and the log go here
	ControlPlane string // ADS address
	Server       string // the server the sidecar fronts
	Listen       string // where it accepts agents, as the policy says
	Concurrency  int    // Envoy's worker threads (0: one per CPU)
}

// StartSidecar starts an Envoy as the sidecar of a server, configured over
// ADS only, and returns once it accepts connections on o.Listen.
func StartSidecar(ctx context.Context, o SidecarOptions) (*envoy.Process, error) {
	return startNode(ctx, o, contract.SidecarNodeID(o.Server), contract.SidecarNodeCluster, "sidecar "+o.Server)
}

// StartIngress starts the ingress Envoy (o.Server is unused) and returns
// once it accepts connections on o.Listen.
func StartIngress(ctx context.Context, o SidecarOptions) (*envoy.Process, error) {
	return startNode(ctx, o, contract.IngressNodeID, contract.IngressNodeCluster, "ingress")
}

func startNode(ctx context.Context, o SidecarOptions, node, nodeCluster, what string) (*envoy.Process, error) {
	ep, err := ir.ParseEndpoint(o.ControlPlane)
	if err != nil {
		return nil, fmt.Errorf("control plane address: %w", err)
	}
	p, err := envoy.Start(ctx, envoy.Options{
		Binary:      o.Binary,
		WorkDir:     o.WorkDir,
		Concurrency: o.Concurrency,
		Bootstrap: envoy.Bootstrap{
			NodeID: node, Cluster: nodeCluster,
			XDSHost: ep.Host, XDSPort: int(ep.Port),
		},
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	wctx, cancel := context.WithTimeout(ctx, StartTimeout)
	defer cancel()
	if err := p.WaitListener(wctx, o.Listen); err != nil {
		p.Stop()
		return nil, fmt.Errorf("%s never listened on %s: %w (log: %s)", what, o.Listen, err, p.LogPath)
	}
	return p, nil
}

func listen(l net.Listener, addr string) (net.Listener, error) {
	if l != nil {
		return l, nil
	}
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	return listenOn(addr)
}

// listenOn listens on a TCP "host:port" or a Unix socket "unix:/path"; a
// socket file left by an earlier run is removed first, since nothing can
// listen on it otherwise.
func listenOn(addr string) (net.Listener, error) {
	if !strings.HasPrefix(addr, ir.UnixPrefix) {
		return net.Listen("tcp", addr)
	}
	ep, err := ir.ParseAddress(addr)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Lstat(ep.Unix); err == nil && fi.Mode()&os.ModeSocket != 0 {
		_ = os.Remove(ep.Unix)
	}
	l, err := net.Listen("unix", ep.Unix)
	if err != nil {
		return nil, err
	}
	// Envoy runs as another user: in a pod the two share the volume's group
	// (fsGroup), and connecting needs write permission on the socket.
	if err := os.Chmod(ep.Unix, 0o660); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// listenAgain listens on the address a stopped service had; the old socket
// may linger for a moment.
func listenAgain(ctx context.Context, addr string) (net.Listener, error) {
	deadline := time.Now().Add(2 * time.Second)
	for {
		l, err := listenOn(addr)
		if err == nil || time.Now().After(deadline) {
			return l, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func endpoint(a net.Addr) (ir.Endpoint, error) {
	if u, ok := a.(*net.UnixAddr); ok {
		return ir.Endpoint{Unix: u.Name}, nil
	}
	return ir.ParseEndpoint(a.String())
}

func logger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return l
}

// addrString is a listener's address as the flags take it ("unix:/path" for
// a Unix socket).
func addrString(a net.Addr) string {
	if u, ok := a.(*net.UnixAddr); ok {
		return ir.UnixPrefix + u.Name
	}
	return a.String()
}
