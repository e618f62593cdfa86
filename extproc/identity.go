package extproc

import (
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"

	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// identityHeaders are removed from every request before it reaches the
// server: they are for ext_proc, and the server has no use for them.
var identityHeaders = []string{contract.IngressAuthHeader, contract.SubjectHeader, contract.IssuerHeader, contract.GroupsHeader}

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
}

// decodeGroups reads the groups claim as Envoy copies it: a list is JSON,
// base64-encoded; a plain string is one group.
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
