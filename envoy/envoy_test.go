package envoy

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestFreePortIsOutsideTheEphemeralRange(t *testing.T) {
	for range 20 {
		p, err := FreePort()
		if err != nil {
			t.Fatal(err)
		}
		if p < 20000 || p >= 32000 {
			t.Fatalf("port %d outside 20000-31999", p)
		}
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
		if err != nil {
			t.Fatalf("port %d is not free: %v", p, err)
		}
		l.Close()
	}
}

// Parallel tests of one process pick ports before any of them binds: a
// port is never handed out twice, though it stays free until bound.
func TestFreePortNeverTwice(t *testing.T) {
	seen := map[int]bool{}
	for range 500 {
		p, err := FreePort()
		if err != nil {
			t.Fatal(err)
		}
		if seen[p] {
			t.Fatalf("port %d handed out twice", p)
		}
		seen[p] = true
	}
}

func TestBootstrapRender(t *testing.T) {
	y, err := Bootstrap{NodeID: "sidecar/demo", XDSHost: "127.0.0.1", XDSPort: 18000, AdminPort: 9901}.Render()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"id: sidecar/demo", "cluster: mcpmesh", "port_value: 18000", "port_value: 9901", "ads: {}"} {
		if !strings.Contains(string(y), want) {
			t.Errorf("bootstrap lacks %q:\n%s", want, y)
		}
	}
	if _, err := (Bootstrap{NodeID: "x"}).Render(); err == nil {
		t.Error("a bootstrap without a control plane address was rendered")
	}
}

func TestPinnedVersion(t *testing.T) {
	if v := Version(); strings.Count(v, ".") != 2 {
		t.Fatalf("envoy/VERSION holds %q, want x.y.z", v)
	}
}

// With a stats port, the real Envoy serves its Prometheus metrics there and
// nothing else of its admin interface.
func TestStatsListener(t *testing.T) {
	bin := envoyBinary(t)
	xds := startADS(t, "stats-test")
	// The stats port is the caller's: another process may take it before
	// Envoy binds it.
	var p *Process
	var stats int
	err := WithFreePorts(1, func(ports []int) error {
		stats = ports[0]
		var err error
		p, err = Start(context.Background(), Options{Binary: bin, WorkDir: t.TempDir(),
			Bootstrap: Bootstrap{NodeID: "stats-test", XDSHost: "127.0.0.1", XDSPort: xds.port, StatsHost: "127.0.0.1", StatsPort: stats}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Stop()
	base := fmt.Sprintf("http://127.0.0.1:%d", stats)
	var body []byte
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(base + "/stats/prometheus")
		if err == nil {
			body, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(p.LogPath)
			t.Fatalf("no metrics on the stats port: %v\n%s", err, log)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(string(body), "envoy_server_live") {
		t.Errorf("the stats port does not serve Envoy's metrics:\n%.300s", body)
	}
	for _, path := range []string{"/config_dump", "/clusters", "/stats", "/quitquitquit", "/stats/prometheus/../../config_dump"} {
		resp, err := http.Post(base+path, "text/plain", nil)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Errorf("POST %s on the stats port: %d, want 404", path, resp.StatusCode)
		}
	}
}
