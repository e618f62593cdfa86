package extproc

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// The exchanger caches per agent token until shortly before expiry,
// reports a refusal by status and code only, and keeps its cache bounded.
func TestExchanger(t *testing.T) {
	calls := 0
	status, expiresIn := 200, 3600
	sts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		_ = r.ParseForm()
		if status != 200 {
			w.WriteHeader(status)
			fmt.Fprintf(w, `{"error":"invalid_grant","error_description":"subject %s rejected"}`, r.Form.Get("subject_token"))
			return
		}
		fmt.Fprintf(w, `{"access_token":"x-%s-%d","expires_in":%d}`, r.Form.Get("subject_token"), calls, expiresIn)
	}))
	defer sts.Close()
	secret := filepath.Join(t.TempDir(), "s")
	if err := os.WriteFile(secret, []byte("client-secret-value"), 0o600); err != nil {
		t.Fatal(err)
	}
	x := newExchanger(ir.TokenExchange{TokenURL: sts.URL, ClientID: "c", ClientSecretFile: secret, Audience: "a"}, egress.NewSecretFiles())
	clock := time.Unix(1_000_000, 0)
	x.now = func() time.Time { return clock }
	ctx := context.Background()

	tok, hit, err := x.exchange(ctx, "agent1")
	if err != nil || hit || tok != "x-agent1-1" {
		t.Fatalf("first: %q %v %v", tok, hit, err)
	}
	if tok, hit, _ := x.exchange(ctx, "agent1"); !hit || tok != "x-agent1-1" || calls != 1 {
		t.Fatalf("second: %q %v, %d calls", tok, hit, calls)
	}
	// Ten seconds before expiry it is exchanged again.
	clock = clock.Add(3600*time.Second - 9*time.Second)
	if tok, hit, _ := x.exchange(ctx, "agent1"); hit || tok != "x-agent1-2" {
		t.Fatalf("near expiry: %q %v", tok, hit)
	}
	status = 400
	_, _, err = x.exchange(ctx, "agent2")
	if err == nil || !strings.Contains(err.Error(), "HTTP 400 invalid_grant") || strings.Contains(err.Error(), "agent2") || strings.Contains(err.Error(), "client-secret-value") {
		t.Fatalf("refusal: %v", err)
	}
	// A full cache makes room.
	status = 200
	for i := range maxExchanged + 10 {
		x.cache[[32]byte{byte(i), byte(i >> 8), byte(i >> 16)}] = exchanged{token: "t", expires: clock.Add(time.Hour)}
	}
	if _, _, err := x.exchange(ctx, "agent3"); err != nil || len(x.cache) > maxExchanged {
		t.Fatalf("bounded cache: %v, %d entries", err, len(x.cache))
	}
}

// The headers of the policy's chosen claims are taken off before the server,
// with the fixed identity headers.
func TestClaimHeadersRemoved(t *testing.T) {
	ps := NewPolicyStore(nil)
	p := &ir.Policy{Version: "v", Limits: ir.Limits{MaxBodyBytes: 1024, MessageTimeoutMillis: 500},
		Ingress: &ir.Ingress{JWT: &ir.JWT{Claims: []string{"tenant", "plan"}}},
		Servers: []ir.Server{{Name: "a", Path: "/mcp", Upstream: ir.Endpoint{Host: "127.0.0.1", Port: 1}, Listen: ir.Endpoint{Host: "127.0.0.1", Port: 2}}}}
	if err := ps.Update(p); err != nil {
		t.Fatal(err)
	}
	got := ps.load().removeHeaders
	for _, h := range []string{contract.ClaimHeader(0), contract.ClaimHeader(1), contract.SubjectHeader, contract.TokenIDHeader, contract.CertURIHeader} {
		if !slices.Contains(got, h) {
			t.Errorf("%s is not removed before the server: %v", h, got)
		}
	}
}
