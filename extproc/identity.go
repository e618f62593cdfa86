package extproc

import (
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"

	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// identityHeaders are removed from every request before it reaches the
// server: they are for ext_proc, and the server has no use for them.
var identityHeaders = []string{contract.IngressAuthHeader, contract.SubjectHeader, contract.IssuerHeader, contract.GroupsHeader, contract.ScopeHeader, contract.TokenIDHeader, contract.CertURIHeader, contract.CertDNSHeader}

// readIdentity takes the identity headers only from a request that carries
// the ingress's proof (a secret the control plane derives from the
// ingress's key and gives the ingress and ext_proc alone); from anyone else
// they are a forgery and ignored.
func (st *stream) readIdentity(hm *core.HeaderMap) {
	if st.pol == nil || st.pol.policy.Ingress == nil || st.pol.policy.Ingress.Secret == "" {
		return
	}
	proof := header(hm, contract.IngressAuthHeader)
	if subtle.ConstantTimeCompare([]byte(proof), []byte(st.pol.policy.Ingress.Secret)) != 1 {
		return
	}
	st.who.Subject = header(hm, contract.SubjectHeader)
	st.who.Issuer = header(hm, contract.IssuerHeader)
	st.who.Groups = decodeGroups(header(hm, contract.GroupsHeader))
	st.who.Scopes = strings.Fields(header(hm, contract.ScopeHeader))
	st.viaIngress = true
	if j := st.pol.policy.Ingress.JWT; j != nil {
		for i, name := range j.Claims {
			if v := decodeGroups(header(hm, contract.ClaimHeader(i))); len(v) > 0 {
				if st.who.Claims == nil {
					st.who.Claims = make(map[string][]string, len(j.Claims))
				}
				st.who.Claims[name] = v
			}
		}
	}
	if st.who.Subject == "" {
		// No token names the agent: its verified certificate does, by its
		// first URI name (a SPIFFE id, say), else its first DNS name.
		for _, h := range []string{contract.CertURIHeader, contract.CertDNSHeader} {
			if v, _, _ := strings.Cut(header(hm, h), ","); strings.TrimSpace(v) != "" {
				st.who.Subject = strings.TrimSpace(v)
				break
			}
		}
	}
	// Every value, not the first: were a client's own header ever kept
	// beside the one the ingress copied from the token, a revoked token
	// must not hide behind it.
	for _, v := range headerValues(hm, contract.SubjectHeader) {
		st.revoked = st.revoked || st.pol.revokedSubjects[v]
	}
	for _, v := range headerValues(hm, contract.TokenIDHeader) {
		st.revoked = st.revoked || st.pol.revokedTokens[v]
	}
}

// headerValues returns every value of key in hm.
func headerValues(hm *core.HeaderMap, key string) []string {
	var out []string
	for _, h := range hm.GetHeaders() {
		if h.GetKey() == key {
			out = append(out, headerValue(h))
		}
	}
	return out
}

// checkAuth refuses, when the ingress verifies tokens, a request that did
// not come through it (no proof: an agent that reached the sidecar
// directly skips the token check) and one whose token lacks a required
// scope (403 insufficient_scope, RFC 6750).
func (st *stream) checkAuth() *extprocv3.ProcessingResponse {
	in := st.pol.policy.Ingress
	if !in.Authenticated() {
		return nil
	}
	if !st.viaIngress {
		return st.refuse(401, contract.CodePolicyDenied, nil, contract.MsgNotViaIngress, "not_via_ingress")
	}
	if in.JWT == nil {
		return nil
	}
	if st.revoked {
		return withChallenge(st.refuse(401, contract.CodePolicyDenied, nil, contract.MsgRevoked, "revoked"),
			fmt.Sprintf(`Bearer error="invalid_token", error_description="the token has been revoked", resource_metadata="%s%s"`, in.PublicURL, ir.MetadataPath(st.server)))
	}
	var missing []string
	for _, s := range in.JWT.Scopes {
		if !slices.Contains(st.who.Scopes, s) {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return withChallenge(st.refuse(403, contract.CodePolicyDenied, nil, fmt.Sprintf("mcpmesh: the token lacks the scope(s) %s", strings.Join(missing, " ")), "insufficient_scope"),
		fmt.Sprintf(`Bearer error="insufficient_scope", scope="%s", resource_metadata="%s%s"`, strings.Join(in.JWT.Scopes, " "), in.PublicURL, ir.MetadataPath(st.server)))
}

// withChallenge adds the WWW-Authenticate header (RFC 6750) to a refusal.
func withChallenge(resp *extprocv3.ProcessingResponse, challenge string) *extprocv3.ProcessingResponse {
	h := resp.GetImmediateResponse().Headers
	h.SetHeaders = append(h.SetHeaders, &core.HeaderValueOption{Header: &core.HeaderValue{Key: "www-authenticate", RawValue: []byte(challenge)}})
	return resp
}

// decodeGroups reads the groups claim (or another chosen claim) as Envoy
// copies it: a list is JSON, base64-encoded; a plain string is one value.
func decodeGroups(v string) []string {
	if v == "" {
		return nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		b, err := enc.DecodeString(v)
		if err != nil {
			continue
		}
		var list []string
		if json.Unmarshal(b, &list) == nil {
			return list
		}
	}
	return []string{v}
}
