package extproc

import (
	"bytes"
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

func TestNoPolicyRefuses(t *testing.T) {
	_, c := startServer(t, nil, &bytes.Buffer{})
	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	status, body := immediate(t, e.answer())
	if status != 503 || !strings.Contains(body, "no policy") {
		t.Fatalf("got %d %s", status, body)
	}
}

func TestUnknownServerRefuses(t *testing.T) {
	_, c := startServer(t, testPolicy(), &bytes.Buffer{})
	e := open(t, c, "nope")
	e.requestHeaders(false, postHeaders...)
	status, body := immediate(t, e.answer())
	if status != 503 || !strings.Contains(body, `server \"nope\" is not in the policy`) {
		t.Fatalf("got %d %s", status, body)
	}
}

func TestRequestHeaderRefusals(t *testing.T) {
	_, c := startServer(t, testPolicy(), &bytes.Buffer{})
	cases := []struct {
		name   string
		eos    bool
		kv     []string
		status int
	}{
		{"put", false, []string{":method", "PUT", "content-type", "application/json"}, 405},
		{"get with body", false, []string{":method", "GET"}, 400},
		{"delete with body", false, []string{":method", "DELETE"}, 400},
		{"post without body", true, []string{":method", "POST", "content-type", "application/json"}, 400},
		{"form post", false, []string{":method", "POST", "content-type", "application/x-www-form-urlencoded"}, 415},
		{"brotli", false, []string{":method", "POST", "content-type", "application/json", "content-encoding", "br"}, 415},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := open(t, c, "demo")
			r := e.requestHeaders(tc.eos, tc.kv...)
			if r == nil {
				r = e.answer()
			}
			status, body := immediate(t, r)
			if status != tc.status || !strings.Contains(body, `"jsonrpc":"2.0"`) {
				t.Fatalf("got %d %s, want %d", status, body, tc.status)
			}
		})
	}
}

// Identity headers count only with the ingress's proof; without it (an agent
// that reached the sidecar directly and forged them) they are ignored. Both
// ways they are removed before the server.
func TestIdentityOnlyFromTheIngress(t *testing.T) {
	p := testPolicy()
	p.Ingress = &ir.Ingress{Secret: "s3cret"}
	srv := duplexServer(t, p)
	groups := base64.StdEncoding.EncodeToString([]byte(`["eng","oncall"]`))
	for _, c := range []struct {
		proof, want string
	}{{"s3cret", "alice"}, {"wrong", ""}, {"", ""}} {
		st := newStream(srv, "demo")
		h := append(append([]string{}, postHeaders...), contract.SubjectHeader, "alice", contract.GroupsHeader, groups, contract.IssuerHeader, "https://auth.example.com")
		if c.proof != "" {
			h = append(h, contract.IngressAuthHeader, c.proof)
		}
		step(t, st, reqHeaders(false, h...), 0)
		if st.who.Subject != c.want || (c.want != "" && !slices.Equal(st.who.Groups, []string{"eng", "oncall"})) || (c.want == "" && (st.who.Groups != nil || st.who.Issuer != "")) {
			t.Errorf("proof %q: identity %+v, want subject %q", c.proof, st.who, c.want)
		}
		out := step(t, st, reqChunk(`{"jsonrpc":"2.0","id":1,"method":"ping"}`, true), 2)
		rm := headersCommon(out[0]).GetHeaderMutation().GetRemoveHeaders()
		for _, name := range []string{contract.SubjectHeader, contract.GroupsHeader, contract.IssuerHeader, contract.IngressAuthHeader} {
			if !slices.Contains(rm, name) {
				t.Errorf("proof %q: %s reaches the server", c.proof, name)
			}
		}
	}
}
