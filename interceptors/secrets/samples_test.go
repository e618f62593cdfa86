package secrets

import (
	"encoding/base64"
	"math/rand/v2"
	"strings"
)

// Credential-shaped test values are generated at run time from parts, so
// that the repository holds no literal credential for scanners to flag.

const (
	alnum   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	upper32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b64     = alnum + "+/"
	digits  = "0123456789"
)

func rnd(seed uint64, alphabet string, n int) string {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func githubPAT() string { return "gh" + "p_" + rnd(1, alnum, 36) }
func awsKeyID() string  { return "AK" + "IA" + rnd(2, upper32, 16) }
func awsSecret() string { return rnd(3, b64, 40) }
func slackBot() string {
	return "xo" + "xb-" + rnd(4, digits, 11) + "-" + rnd(5, digits, 12) + "-" + rnd(6, alnum, 24)
}
func stripeLive() string  { return "sk" + "_live_" + rnd(7, alnum, 24) }
func openAIStyle() string { return "sk-" + rnd(8, alnum, 20) + "T3Blbk" + "FJ" + rnd(9, alnum, 20) }

func jwtToken() string {
	enc := base64.RawURLEncoding
	h := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	p := enc.EncodeToString([]byte(`{"sub":"1234567890","name":"Jane Roe","iat":1516239022}`))
	return h + "." + p + "." + rnd(10, alnum, 43)
}

func privateKeyPEM() string {
	var b strings.Builder
	b.WriteString("-----BEGIN RSA " + "PRIVATE KEY-----\n")
	for i := range 6 {
		b.WriteString(rnd(uint64(20+i), b64, 64))
		b.WriteByte('\n')
	}
	b.WriteString("-----END RSA " + "PRIVATE KEY-----")
	return b.String()
}

// imageData is base64 of random bytes, as an image payload looks.
func imageData(n int) string {
	r := rand.New(rand.NewPCG(99, 1))
	raw := make([]byte, n)
	for i := range raw {
		raw[i] = byte(r.UintN(256))
	}
	return base64.StdEncoding.EncodeToString(raw)
}
