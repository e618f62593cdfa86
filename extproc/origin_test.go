package extproc

import (
	"strings"
	"testing"
)

// Against DNS rebinding and cross-site calls: an Origin other than loopback,
// the ingress's or a listed one is refused; on a loopback sidecar a Host
// that is not a loopback name is refused; plain agents (no Origin) pass.
func TestOriginAndHost(t *testing.T) {
	p := testPolicy()
	p.Servers[0].AllowedOrigins = []string{"https://app.example.com"}
	srv := duplexServer(t, p)
	for _, c := range []struct {
		authority, origin string
		refused           string // reason, "" when allowed
	}{
		{"127.0.0.1:2", "", ""},
		{"localhost:2", "http://localhost:6274", ""},
		{"127.0.0.1:2", "https://app.example.com", ""},
		{"127.0.0.1:2", "https://evil.example", "origin"},
		{"127.0.0.1:2", "null", "origin"},
		{"attacker.example:2", "", "host"},
		{"attacker.example:2", "http://attacker.example:2", "host"},
	} {
		st := newStream(srv, "demo")
		h := append(append([]string{}, postHeaders...), ":authority", c.authority)
		if c.origin != "" {
			h = append(h, "origin", c.origin)
		}
		out, _ := st.handle(t.Context(), reqHeaders(false, h...))
		if c.refused == "" {
			if len(out) != 0 {
				t.Errorf("%s %s refused: %v", c.authority, c.origin, out[0])
			}
			continue
		}
		if len(out) != 1 {
			t.Errorf("%s %s: not refused", c.authority, c.origin)
			continue
		}
		status, body := immediate(t, out[0])
		if status != 403 || !strings.Contains(body, "DNS rebinding") || !strings.Contains(body, `"code":-32600`) {
			t.Errorf("%s %s: %d %s", c.authority, c.origin, status, body)
		}
	}
}
