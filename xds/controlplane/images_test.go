package controlplane

import (
	"context"
	"strings"
	"testing"

	cluster "github.com/envoyproxy/go-control-plane/envoy/config/cluster/v3"
	route "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"

	"github.com/mcpmesh/mcpmesh/test/imagetest"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// TestUnverifiedImageIsNotRouted: a server whose image fails verification
// gets no upstream cluster and a route that answers 503, and ext_proc
// receives the reason; a verified server is routed as usual.
func TestUnverifiedImageIsNotRouted(t *testing.T) {
	reg := imagetest.Start(t, nil)
	key := imagetest.NewKey(t)
	signed := reg.PushRandom(t, "mcp/good")
	key.Sign(t, signed)
	unsigned := reg.PushRandom(t, "mcp/bad")

	cp, addr := newCP(t)
	p := testPolicy("v1")
	p.SupplyChain.PlainHTTPLoopback = true
	v := &ir.Verification{PublicKeyPEM: key.PublicPEM, Digest: "k1"}
	good := p.Servers[0]
	good.Name, good.UnverifiedLocal, good.Image, good.Verify = "good", false, signed, v
	bad := good
	bad.Name, bad.Image, bad.Listen.Port = "bad", unsigned, 10001
	p.Servers = []ir.Server{good, bad}
	if err := cp.Apply(context.Background(), p); err != nil {
		t.Fatal(err)
	}

	clusters := func(server string) map[string]bool {
		snap, err := cp.cache.GetSnapshot(contract.SidecarNodeID(server))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for name, r := range snap.GetResources(resource.ClusterType) {
			_ = r.(*cluster.Cluster)
			out[name] = true
		}
		return out
	}
	if c := clusters("good"); !c["upstream_good"] {
		t.Errorf("verified server has no upstream cluster: %v", c)
	}
	if c := clusters("bad"); c["upstream_bad"] || len(c) != 1 {
		t.Errorf("unverified server must have only the ext_proc cluster: %v", c)
	}
	snap, _ := cp.cache.GetSnapshot(contract.SidecarNodeID("bad"))
	rc := snap.GetResources(resource.RouteType)["routes_bad"].(*route.RouteConfiguration)
	dr := rc.VirtualHosts[0].Routes[0].GetDirectResponse()
	if dr == nil || dr.Status != 503 || !strings.Contains(dr.GetBody().GetInlineString(), "no signatures found") {
		t.Errorf("route of the unverified server: %v", rc.VirtualHosts[0].Routes[0])
	}

	pol := fetchPolicy(t, adsClient(t, addr, contract.ExtProcNodeID, resource.ExtensionConfigType))
	if s := pol.Server("bad"); s == nil || !strings.Contains(s.Unavailable, "no signatures found") {
		t.Errorf("ext_proc policy for bad: %+v", s)
	}
	if s := pol.Server("good"); s == nil || s.Unavailable != "" {
		t.Errorf("ext_proc policy for good: %+v", s)
	}
	if cp.Policy().Servers[1].Unavailable != "" {
		t.Error("the policy in force must stay as loaded; only the published copy is marked")
	}
	states := map[string]string{}
	for _, st := range cp.Images() {
		states[st.Server] = string(st.State)
	}
	if states["good"] != "verified" || states["bad"] != "failed" {
		t.Errorf("Images() = %v", states)
	}

	// Once the image is signed, a control plane routes the server (a fresh
	// one: this one holds the failure back for the retry interval).
	key.Sign(t, unsigned)
	cp2, _ := newCP(t)
	if err := cp2.Apply(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	snap2, _ := cp2.cache.GetSnapshot(contract.SidecarNodeID("bad"))
	if _, ok := snap2.GetResources(resource.ClusterType)["upstream_bad"]; !ok {
		t.Error("once signed, the server is routed")
	}
}
