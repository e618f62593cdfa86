package imagegate

import (
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/supplychain"
)

// newVerifier maps the policy's verification settings onto package supplychain.
func newVerifier(v *ir.Verification, opts []supplychain.Option) (supplychain.ImageVerifier, error) {
	if v.Keyless != nil {
		return supplychain.NewKeylessVerifier(supplychain.KeylessPolicy{
			TrustedRootJSON: v.TrustedRootJSON,
			Identity:        v.Keyless.Identity,
			IdentityRegexp:  v.Keyless.IdentityRegexp,
			Issuer:          v.Keyless.Issuer,
			IssuerRegexp:    v.Keyless.IssuerRegexp,
			RequireTlog:     v.RequireTlog,
		}, opts...)
	}
	return supplychain.NewKeyVerifier(supplychain.KeyPolicy{
		PublicKeyPEM:    v.PublicKeyPEM,
		RequireTlog:     v.RequireTlog,
		TrustedRootJSON: v.TrustedRootJSON,
	}, opts...)
}
