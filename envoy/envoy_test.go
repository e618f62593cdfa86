package envoy

import (
	"net"
	"strconv"
	"strings"
	"testing"
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
