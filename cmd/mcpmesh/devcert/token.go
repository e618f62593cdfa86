package devcert

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// Issuer signs development bearer tokens (ES256) for the ingress's token
// check; its public key set goes in the policy's jwksFile.
type Issuer struct {
	URL    string
	key    *ecdsa.PrivateKey
	signer jose.Signer
}

// NewIssuer makes an issuer named url with a fresh key.
func NewIssuer(url string) (*Issuer, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: jose.JSONWebKey{Key: key, KeyID: "dev"}}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return nil, err
	}
	return &Issuer{URL: url, key: key, signer: s}, nil
}

// JWKS is the issuer's public key set.
func (is *Issuer) JWKS() ([]byte, error) {
	return json.Marshal(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &is.key.PublicKey, KeyID: "dev", Algorithm: "ES256", Use: "sig"}}})
}

// Token signs a token for subject with the given audience and groups.
func (is *Issuer) Token(subject, audience string, groups []string, ttl time.Duration) (string, error) {
	now := time.Now()
	return jwt.Signed(is.signer).Claims(map[string]any{
		"iss": is.URL, "sub": subject, "aud": audience, "groups": groups,
		"iat": now.Unix(), "exp": now.Add(ttl).Unix(),
	}).Serialize()
}
