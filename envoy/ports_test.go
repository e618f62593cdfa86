package envoy

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	listenerv3 "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	echov3 "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/echo/v3"
	discoverygrpc "github.com/envoyproxy/go-control-plane/envoy/service/discovery/v3"
	"github.com/envoyproxy/go-control-plane/pkg/cache/types"
	cachev3 "github.com/envoyproxy/go-control-plane/pkg/cache/v3"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"
	serverv3 "github.com/envoyproxy/go-control-plane/pkg/server/v3"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/anypb"
)

func envoyBinary(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	bin, err := FindBinary(filepath.Join(filepath.Dir(file), ".."))
	if err != nil {
		t.Fatalf("%v", err) // never skip: run `make envoy`
	}
	return bin
}

// ads is an ADS server for one node.
type ads struct {
	port      int
	node      string
	snapshots cachev3.SnapshotCache
	version   int
}

// startADS serves node an empty snapshot, so that Envoy finishes its initial
// fetch at once and opens its static listeners.
func startADS(t *testing.T, node string) *ads {
	t.Helper()
	a := &ads{node: node, snapshots: cachev3.NewSnapshotCache(true, cachev3.IDHash{}, nil)}
	a.set(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := grpc.NewServer()
	discoverygrpc.RegisterAggregatedDiscoveryServiceServer(g, serverv3.NewServer(context.Background(), a.snapshots, nil))
	go func() { _ = g.Serve(l) }()
	t.Cleanup(g.Stop)
	a.port = l.Addr().(*net.TCPAddr).Port
	return a
}

// set serves a new snapshot with these listeners.
func (a *ads) set(t *testing.T, listeners ...types.Resource) {
	t.Helper()
	a.version++
	s, err := cachev3.NewSnapshot(strconv.Itoa(a.version), map[resource.Type][]types.Resource{resource.ClusterType: {}, resource.ListenerType: listeners})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.snapshots.SetSnapshot(context.Background(), a.node, s); err != nil {
		t.Fatal(err)
	}
}

// echoListener is a listener on 127.0.0.1:port that echoes what it receives.
func echoListener(t *testing.T, port int) *listenerv3.Listener {
	t.Helper()
	echo, err := anypb.New(&echov3.Echo{})
	if err != nil {
		t.Fatal(err)
	}
	return &listenerv3.Listener{
		Name: "echo",
		Address: &core.Address{Address: &core.Address_SocketAddress{SocketAddress: &core.SocketAddress{
			Address: "127.0.0.1", PortSpecifier: &core.SocketAddress_PortValue{PortValue: uint32(port)}}}},
		FilterChains: []*listenerv3.FilterChain{{Filters: []*listenerv3.Filter{{
			Name: "envoy.filters.network.echo", ConfigType: &listenerv3.Filter_TypedConfig{TypedConfig: echo}}}}},
	}
}

// takenFirst makes the next port pick hand out a port that another listener
// holds, as when another test process binds a port between FreePort's
// check and Envoy's bind; later picks are FreePort's. The listener answers
// HTTP, as another Envoy's admin would. It returns the taken port and the
// number of picks made so far.
func takenFirst(t *testing.T) (taken int, picks func() int) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"command_line_options": {"config_path": "another Envoy's"}}`)
	}), ReadHeaderTimeout: time.Second}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	taken = l.Addr().(*net.TCPAddr).Port
	n := 0
	t.Cleanup(func() { pickPort = FreePort })
	pickPort = func() (int, error) {
		n++
		if n == 1 {
			return taken, nil
		}
		return FreePort()
	}
	return taken, func() int { return n }
}

func portOf(t *testing.T, addr string) int {
	t.Helper()
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	return atoi(p)
}

// The admin port Start picks itself is taken before Envoy binds it: Envoy
// exits, and Start starts it again on a fresh port. (The process holding
// the port answers HTTP: Start must not take it for its Envoy.)
func TestStartRetriesATakenAdminPort(t *testing.T) {
	bin := envoyBinary(t)
	xds := startADS(t, "admin-test")
	taken, picks := takenFirst(t)
	dir := t.TempDir()
	p, err := Start(context.Background(), Options{Binary: bin, WorkDir: dir,
		Bootstrap: Bootstrap{NodeID: "admin-test", XDSHost: "127.0.0.1", XDSPort: xds.port}})
	if err != nil {
		t.Fatalf("Envoy did not start on a fresh admin port after port %d was taken: %v", taken, err)
	}
	defer p.Stop()
	if got := portOf(t, p.AdminAddr); got == taken || picks() != 2 {
		t.Fatalf("Envoy's admin is on port %d after %d picks; want a fresh port (not %d) on the second", got, picks(), taken)
	}
	if info, err := p.Admin("/server_info"); err != nil || !strings.Contains(info, filepath.Join(dir, "admin-test.bootstrap.yaml")) {
		t.Fatalf("the admin address does not answer as this Envoy: %v %.200s", err, info)
	}
}

// A port of the caller's bootstrap (here the stats listener's) is taken:
// Envoy exits, and WithFreePorts starts it again on fresh ports.
func TestWithFreePortsRetriesATakenBootstrapPort(t *testing.T) {
	bin := envoyBinary(t)
	xds := startADS(t, "bootstrap-test")
	taken, picks := takenFirst(t)
	var p *Process
	var tried [][]int
	err := WithFreePorts(2, func(ports []int) error {
		tried = append(tried, ports)
		var err error
		p, err = Start(context.Background(), Options{Binary: bin, WorkDir: t.TempDir(),
			Bootstrap: Bootstrap{NodeID: "bootstrap-test", XDSHost: "127.0.0.1", XDSPort: xds.port,
				StatsHost: "127.0.0.1", StatsPort: ports[0], AdminPort: ports[1]}})
		if len(tried) == 1 && !IsPortInUse(err) {
			t.Errorf("the start with the stats port taken: %v, want a port in use", err)
		}
		return err
	})
	if err != nil {
		t.Fatalf("Envoy did not start on fresh ports after port %d was taken: %v", taken, err)
	}
	defer p.Stop()
	if len(tried) != 2 || tried[0][0] != taken || slices.Contains(tried[1], taken) || picks() != 4 {
		t.Fatalf("ports tried: %v (%d picks), want the taken port %d, then two fresh ones", tried, picks(), taken)
	}
	// Envoy's admin answers before its workers bind the static listeners
	stats := fmt.Sprintf("127.0.0.1:%d", tried[1][0])
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := p.WaitListener(ctx, stats); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get("http://" + stats + "/stats/prometheus")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("the stats listener on the fresh port: %d", resp.StatusCode)
	}
}

// A listener from the control plane cannot bind its port: Envoy keeps
// running without it, WaitListener says so at once (not at its deadline),
// and WithFreePorts tries again with a fresh port.
func TestWithFreePortsRetriesATakenListenerPort(t *testing.T) {
	bin := envoyBinary(t)
	xds := startADS(t, "listener-test")
	p, err := Start(context.Background(), Options{Binary: bin, WorkDir: t.TempDir(),
		Bootstrap: Bootstrap{NodeID: "listener-test", XDSHost: "127.0.0.1", XDSPort: xds.port}})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Stop()
	taken, _ := takenFirst(t)
	var tried []int
	err = WithFreePorts(1, func(ports []int) error {
		tried = append(tried, ports[0])
		xds.set(t, echoListener(t, ports[0]))
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		start := time.Now()
		err := p.WaitListener(ctx, fmt.Sprintf("127.0.0.1:%d", ports[0]))
		if len(tried) == 1 && (!IsPortInUse(err) || time.Since(start) > 10*time.Second) {
			t.Errorf("waiting for a listener on a taken port: %v after %v, want a port in use at once", err, time.Since(start))
		}
		return err
	})
	if err != nil {
		t.Fatalf("no listener on a fresh port after port %d was taken: %v", taken, err)
	}
	if len(tried) != 2 || tried[0] != taken || tried[1] == taken {
		t.Fatalf("ports tried: %v, want the taken port %d, then a fresh one", tried, taken)
	}
	c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", tried[1]))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Write([]byte("ping")); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 4)
	if _, err := c.Read(b); err != nil || string(b) != "ping" {
		t.Fatalf("the listener on the fresh port does not echo: %q %v", b, err)
	}
}

func TestWithFreePortsGivesUp(t *testing.T) {
	// A port in use that the try did not pick: no retry.
	calls := 0
	err := WithFreePorts(1, func([]int) error {
		calls++
		return &PortInUseError{Addrs: []string{"127.0.0.1:1"}, Detail: "fixed port"}
	})
	if calls != 1 || !IsPortInUse(err) {
		t.Errorf("a fixed port in use: %d calls, %v; want 1 call and the error", calls, err)
	}
	// Another error: no retry.
	calls = 0
	boom := errors.New("boom")
	if err := WithFreePorts(1, func([]int) error { calls++; return boom }); calls != 1 || err != boom {
		t.Errorf("another error: %d calls, %v", calls, err)
	}
	// Always taken: PortTries tries, and the error names the ports and
	// keeps the last failure's detail.
	calls = 0
	err = WithFreePorts(2, func(ports []int) error {
		calls++
		return &PortInUseError{Addrs: []string{fmt.Sprintf("127.0.0.1:%d", ports[1])}, Detail: "log tail here"}
	})
	if calls != PortTries || !IsPortInUse(err) || !strings.Contains(err.Error(), "log tail here") || !strings.Contains(err.Error(), fmt.Sprintf("%d tries", PortTries)) {
		t.Errorf("always taken: %d calls, %v", calls, err)
	}
}

func TestPortInUseIn(t *testing.T) {
	for _, c := range []struct {
		output string
		want   []int
	}{
		{"[2026-12-06 09:05:30.774][29084][critical][main] [source/server/server.cc:449] error `cannot bind '127.0.0.1:25111': Address already in use` initializing config", []int{25111}},
		{`"details": "cannot bind '0.0.0.0:20001': Address already in use"`, []int{20001}},
		{"controlplane: listen tcp 127.0.0.1:20002: bind: address already in use", []int{20002}},
		{"cannot bind '[::1]:20003': Address already in use", []int{20003}},
		{"cannot bind '127.0.0.1:20004': Permission denied", nil},
		{"all good", nil},
	} {
		e := PortInUseIn(c.output, "detail")
		var got []int
		if e != nil {
			got = e.Ports()
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: ports %v, want %v", c.output, got, c.want)
		}
	}
}

// Every port picked is taken, by a process that accepts connections and
// never answers: Start gives up after PortTries tries (it does not hang on
// the silent admin port) with an error naming the port and Envoy's log.
func TestStartGivesUp(t *testing.T) {
	bin := envoyBinary(t)
	xds := startADS(t, "give-up-test")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	taken := l.Addr().(*net.TCPAddr).Port
	picks := 0
	t.Cleanup(func() { pickPort = FreePort })
	pickPort = func() (int, error) { picks++; return taken, nil }
	_, err = Start(context.Background(), Options{Binary: bin, WorkDir: t.TempDir(),
		Bootstrap: Bootstrap{NodeID: "give-up-test", XDSHost: "127.0.0.1", XDSPort: xds.port}})
	addr := fmt.Sprintf("127.0.0.1:%d", taken)
	if !IsPortInUse(err) || picks != PortTries || !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "cannot bind '"+addr+"'") {
		t.Fatalf("%d picks of a taken port: %v; want %d and an error naming %s and quoting Envoy's log", picks, err, PortTries, addr)
	}
	t.Log(err)
}
