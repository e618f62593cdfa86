package extproc

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"slices"
	"strings"

	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"
)

// checkOrigin refuses what a web page could make a browser send (the MCP
// transport asks servers to validate Origin against DNS rebinding): a
// request with an Origin that is not loopback, the ingress's own, or one the
// policy allows; and, on a sidecar that listens on loopback, a request whose
// Host is not a loopback name (a rebound DNS name pointing at 127.0.0.1).
func (st *stream) checkOrigin(authority, origin string) *extprocv3.ProcessingResponse {
	if st.spec == nil {
		return nil
	}
	if loopbackHost(st.spec.Listen.Host) && authority != "" && !loopbackHost(hostOf(authority)) && !st.ingressHost(authority) {
		return st.refuse(403, jsonrpc.CodeInvalidRequest, nil, fmt.Sprintf("mcpmesh: Host %q is not this sidecar's (it listens on %s); refused against DNS rebinding", authority, st.spec.Listen), "host")
	}
	if origin == "" {
		return nil
	}
	if st.originAllowed(origin) {
		return nil
	}
	return st.refuse(403, jsonrpc.CodeInvalidRequest, nil, fmt.Sprintf("mcpmesh: Origin %q is not allowed for server %q; refused against DNS rebinding and cross-site requests", origin, st.server), "origin")
}

func (st *stream) originAllowed(origin string) bool {
	if slices.Contains(st.spec.AllowedOrigins, origin) {
		return true
	}
	if in := st.pol.policy.Ingress; in != nil && in.PublicURL != "" && strings.EqualFold(origin, in.PublicURL) {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return loopbackHost(u.Hostname())
}

// ingressHost: the ingress forwards the Host agents used, its public one.
func (st *stream) ingressHost(authority string) bool {
	in := st.pol.policy.Ingress
	if in == nil || in.PublicURL == "" {
		return false
	}
	u, err := url.Parse(in.PublicURL)
	return err == nil && (strings.EqualFold(authority, u.Host) || strings.EqualFold(hostOf(authority), u.Hostname()))
}

func hostOf(authority string) string {
	if h, _, err := net.SplitHostPort(authority); err == nil {
		return h
	}
	return strings.Trim(authority, "[]")
}

func loopbackHost(h string) bool {
	if strings.EqualFold(h, "localhost") || strings.HasSuffix(strings.ToLower(h), ".localhost") {
		return true
	}
	a, err := netip.ParseAddr(strings.Trim(h, "[]"))
	return err == nil && a.IsLoopback()
}
