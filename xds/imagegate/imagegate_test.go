package imagegate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/mcpmesh/mcpmesh/test/imagetest"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/supplychain"
)

func keyVerification(pem []byte) *ir.Verification {
	sum := sha256.Sum256(pem)
	return &ir.Verification{PublicKeyPEM: pem, Digest: hex.EncodeToString(sum[:6])}
}

func policyOf(servers ...ir.Server) *ir.Policy {
	return &ir.Policy{SupplyChain: ir.SupplyChain{PlainHTTPLoopback: true, TimeoutMillis: 5000}, Servers: servers}
}

func TestEvaluate(t *testing.T) {
	reg := imagetest.Start(t, nil)
	key := imagetest.NewKey(t)
	signed := reg.PushRandom(t, "mcp/files")
	key.Sign(t, signed)
	unsigned := reg.PushRandom(t, "mcp/search")
	otherKey := imagetest.NewKey(t)
	wrongKey := reg.PushRandom(t, "mcp/git")
	otherKey.Sign(t, wrongKey)

	m := NewMetrics(prometheus.NewRegistry())
	g := New(Options{Metrics: m, RemoteOptions: []remote.Option{}})
	v := keyVerification(key.PublicPEM)
	p := policyOf(
		ir.Server{Name: "files", Image: signed, Verify: v},
		ir.Server{Name: "search", Image: unsigned, Verify: v},
		ir.Server{Name: "git", Image: wrongKey, Verify: v},
		ir.Server{Name: "dev", UnverifiedLocal: true},
		ir.Server{Name: "noimage"},
	)
	got := g.Evaluate(context.Background(), p)
	want := map[string]struct {
		state  State
		reason string
	}{
		"files":   {Verified, "signature verified with the configured key"},
		"search":  {Failed, "no signatures found"},
		"git":     {Failed, "signature does not verify with the configured key"},
		"dev":     {UnverifiedLocal, "marked unverifiedLocal"},
		"noimage": {Failed, "no pinned image"},
	}
	for name, w := range want {
		st := got[name]
		if st.State != w.state || !strings.HasPrefix(st.Reason, w.reason) {
			t.Errorf("%s: got %s %q, want %s %q...", name, st.State, st.Reason, w.state, w.reason)
		}
		if st.Routable() != (w.state == Verified || w.state == UnverifiedLocal) {
			t.Errorf("%s: Routable() = %v", name, st.Routable())
		}
		if v := testutil.ToFloat64(m.state.WithLabelValues(name, string(w.state))); v != 1 {
			t.Errorf("%s: state gauge %s = %v, want 1", name, w.state, v)
		}
	}
	if got["files"].Signatures != 1 || got["files"].CheckedAt.IsZero() {
		t.Errorf("files: %+v", got["files"])
	}
	for class, n := range map[[2]string]float64{{"files", "verified"}: 1, {"search", "no_signatures"}: 1, {"git", "key_mismatch"}: 1} {
		if v := testutil.ToFloat64(m.results.WithLabelValues(class[0], class[1])); v != n {
			t.Errorf("verifications_total%v = %v, want %v", class, v, n)
		}
	}
	if len(g.Statuses()) != 5 {
		t.Errorf("Statuses() = %+v", g.Statuses())
	}

	// A server that leaves the policy leaves the status and the metrics.
	g.Evaluate(context.Background(), policyOf(ir.Server{Name: "files", Image: signed, Verify: v}))
	if st := g.Statuses(); len(st) != 1 || st[0].Server != "files" {
		t.Errorf("after removal: %+v", st)
	}
	if n := testutil.CollectAndCount(m.state); n != len(States) {
		t.Errorf("state series after removal = %d, want %d (one server)", n, len(States))
	}
}

// TestEvaluateKeyless: keyless settings as the policy loader produces them
// (identity, issuer, trusted root, log required) reach the verifier.
func TestEvaluateKeyless(t *testing.T) {
	const (
		identity = "https://github.com/mcpmesh/servers/.github/workflows/release.yml@refs/heads/main"
		issuer   = "https://token.actions.githubusercontent.com"
	)
	reg := imagetest.Start(t, nil)
	sigstore := imagetest.NewSigstore(t)
	signed := reg.PushRandom(t, "mcp/files")
	sigstore.SignKeyless(t, signed, identity, issuer, true)
	otherIssuer := reg.PushRandom(t, "mcp/search")
	sigstore.SignKeyless(t, otherIssuer, identity, "https://accounts.example.com", true)

	m := NewMetrics(prometheus.NewRegistry())
	g := New(Options{Metrics: m, RemoteOptions: []remote.Option{}})
	v := &ir.Verification{
		Keyless:         &ir.Keyless{Identity: identity, Issuer: issuer},
		TrustedRootJSON: sigstore.TrustedRootJSON(),
		RequireTlog:     true,
		Digest:          "keyless-test",
	}
	got := g.Evaluate(context.Background(), policyOf(
		ir.Server{Name: "files", Image: signed, Verify: v},
		ir.Server{Name: "search", Image: otherIssuer, Verify: v},
	))
	if st := got["files"]; st.State != Verified || st.Reason != supplychain.ReasonVerifiedKeyless || st.Signatures != 1 {
		t.Errorf("files: %+v", st)
	}
	if st := got["search"]; st.State != Failed || !strings.HasPrefix(st.Reason, supplychain.ReasonIssuerMismatch) || st.Routable() {
		t.Errorf("search: %+v", st)
	}
	for class, n := range map[[2]string]float64{{"files", "verified"}: 1, {"search", "issuer_mismatch"}: 1} {
		if v := testutil.ToFloat64(m.results.WithLabelValues(class[0], class[1])); v != n {
			t.Errorf("verifications_total%v = %v, want %v", class, v, n)
		}
	}
}

// TestCachesSuccessAndRetriesFailureLater: a verified digest is not fetched
// again; a failure stands for RetryAfter, then is tried again and can pass.
func TestCachesSuccessAndRetriesFailureLater(t *testing.T) {
	var requests atomic.Int64
	reg := imagetest.Start(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { requests.Add(1); h.ServeHTTP(w, r) })
	})
	key := imagetest.NewKey(t)
	ref := reg.PushRandom(t, "mcp/files")
	g := New(Options{RetryAfter: 300 * time.Millisecond, RemoteOptions: []remote.Option{}})
	p := policyOf(ir.Server{Name: "files", Image: ref, Verify: keyVerification(key.PublicPEM)})

	if st := g.Evaluate(context.Background(), p)["files"]; st.State != Failed {
		t.Fatalf("unsigned: %+v", st)
	}
	key.Sign(t, ref)
	before := requests.Load()
	if st := g.Evaluate(context.Background(), p)["files"]; st.State != Failed {
		t.Fatalf("within RetryAfter the failure stands: %+v", st)
	}
	if requests.Load() != before {
		t.Errorf("a recent failure was verified again (%d requests)", requests.Load()-before)
	}
	time.Sleep(350 * time.Millisecond)
	if st := g.Evaluate(context.Background(), p)["files"]; st.State != Verified {
		t.Fatalf("after RetryAfter, signed: %+v", st)
	}
	before = requests.Load()
	if st := g.Evaluate(context.Background(), p)["files"]; st.State != Verified || requests.Load() != before {
		t.Errorf("a verified digest must come from the cache: %+v, %d requests", st, requests.Load()-before)
	}
}

// TestPendingThenOnChange: a slow registry leaves the server pending (not
// routable) and OnChange fires when the verification finishes.
func TestPendingThenOnChange(t *testing.T) {
	release := make(chan struct{})
	var slow atomic.Bool
	reg := imagetest.Start(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if slow.Load() {
				<-release
			}
			h.ServeHTTP(w, r)
		})
	})
	key := imagetest.NewKey(t)
	ref := reg.PushRandom(t, "mcp/files")
	key.Sign(t, ref)
	slow.Store(true)
	changed := make(chan struct{}, 1)
	g := New(Options{Wait: 100 * time.Millisecond, OnChange: func() { changed <- struct{}{} }, RemoteOptions: []remote.Option{}})
	p := policyOf(ir.Server{Name: "files", Image: ref, Verify: keyVerification(key.PublicPEM)},
		ir.Server{Name: "dev", UnverifiedLocal: true})

	got := g.Evaluate(context.Background(), p)
	if st := got["files"]; st.State != Pending || st.Routable() {
		t.Fatalf("slow registry: %+v", st)
	}
	if st := got["dev"]; st.State != UnverifiedLocal {
		t.Errorf("other servers are decided meanwhile: %+v", st)
	}
	select {
	case <-changed:
		t.Fatal("OnChange before the verification finished")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	select {
	case <-changed:
	case <-time.After(10 * time.Second):
		t.Fatal("OnChange not called after the verification finished")
	}
	if st := g.Evaluate(context.Background(), p)["files"]; st.State != Verified {
		t.Errorf("after the verification: %+v", st)
	}
}

func TestUnreachableRegistry(t *testing.T) {
	reg := imagetest.Start(t, nil)
	key := imagetest.NewKey(t)
	ref := reg.PushRandom(t, "mcp/files")
	key.Sign(t, ref)
	reg.Close()
	m := NewMetrics(nil)
	g := New(Options{Metrics: m, RemoteOptions: []remote.Option{}})
	st := g.Evaluate(context.Background(), policyOf(ir.Server{Name: "files", Image: ref, Verify: keyVerification(key.PublicPEM)}))["files"]
	if st.State != Failed || !strings.HasPrefix(st.Reason, "registry unreachable") {
		t.Errorf("got %+v", st)
	}
	if v := testutil.ToFloat64(m.results.WithLabelValues("files", "registry_unreachable")); v != 1 {
		t.Errorf("registry_unreachable count = %v", v)
	}
}

// TestConcurrencyBound: supplyChain.concurrency bounds verifications across
// all verification settings, seen as requests in flight at the registry.
func TestConcurrencyBound(t *testing.T) {
	var inFlight, most atomic.Int64
	reg := imagetest.Start(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			time.Sleep(5 * time.Millisecond)
			h.ServeHTTP(w, r)
		})
	})
	k1, k2 := imagetest.NewKey(t), imagetest.NewKey(t)
	var servers []ir.Server
	for i, k := range []*imagetest.Key{k1, k2, k1, k2} {
		ref := reg.PushRandom(t, "mcp/s"+string(rune('a'+i)))
		k.Sign(t, ref)
		servers = append(servers, ir.Server{Name: "s" + string(rune('a'+i)), Image: ref, Verify: keyVerification(k.PublicPEM)})
	}
	most.Store(0)
	p := policyOf(servers...)
	p.SupplyChain.Concurrency = 1
	got := New(Options{RemoteOptions: []remote.Option{}}).Evaluate(context.Background(), p)
	for name, st := range got {
		if st.State != Verified {
			t.Errorf("%s: %+v", name, st)
		}
	}
	if m := most.Load(); m != 1 {
		t.Errorf("with concurrency 1, %d registry requests were in flight at once", m)
	}
}
