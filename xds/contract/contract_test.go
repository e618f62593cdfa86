package contract

import (
	"strings"
	"testing"

	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

func TestPolicyRoundTrip(t *testing.T) {
	in := &ir.Policy{Version: "v7", Limits: ir.Limits{MaxBodyBytes: 1024, MessageTimeoutMillis: 500}, Servers: []ir.Server{{
		Name: "demo", Path: "/mcp", Upstream: ir.Endpoint{Host: "127.0.0.1", Port: 9000}, Listen: ir.Endpoint{Host: "127.0.0.1", Port: 10000},
		UnverifiedLocal: true,
	}}}
	tc, err := EncodePolicy(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := DecodePolicy(tc)
	if err != nil {
		t.Fatal(err)
	}
	if out.Version != "v7" || len(out.Servers) != 1 || out.Servers[0].Upstream.Port != 9000 || out.Limits.MaxBodyBytes != 1024 {
		t.Fatalf("round trip lost data: %+v", out)
	}
	tc.Name = "something.else"
	if _, err := DecodePolicy(tc); err == nil || !strings.Contains(err.Error(), "unexpected resource") {
		t.Fatalf("a resource of another name must be refused, got %v", err)
	}
}

func TestDecodeRefusesInvalidPolicy(t *testing.T) {
	tc, err := EncodePolicy(&ir.Policy{Version: "v1", Servers: []ir.Server{{Name: "Not A Label"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DecodePolicy(tc); err == nil {
		t.Fatal("an invalid policy must not reach ext_proc's chain")
	}
}

func TestPolicyTypeURL(t *testing.T) {
	if PolicyTypeURL != resource.ExtensionConfigType {
		t.Fatalf("PolicyTypeURL %q differs from go-control-plane's %q", PolicyTypeURL, resource.ExtensionConfigType)
	}
}
