// Package supplychain verifies that MCP server images are signed before the
// control plane routes to them.
//
// Only digest-pinned references are accepted (see ParsePinned). Signatures are
// the ones `cosign sign` stores next to the image (the sha256-<hex>.sig
// manifest) and are checked with cosign (github.com/sigstore/cosign/v2/pkg/cosign)
// in one of two modes:
//
//   - Key mode (NewKeyVerifier): the signature must verify with a configured
//     public key.
//   - Keyless mode (NewKeylessVerifier): the signature carries a short-lived
//     certificate that must chain to a certificate authority of a Sigstore
//     trusted root (trusted_root.json) and name the configured identity (SAN)
//     and OIDC issuer.
//
// Verification is offline: apart from the image's own registry nothing is
// contacted, neither TUF, Rekor nor Fulcio. The trusted root is supplied by
// the caller. A transparency-log proof can be required in both modes; it is
// then the Rekor bundle attached to the signature, whose signed entry
// timestamp is checked against the Rekor keys of the trusted root. In keyless
// mode a Rekor bundle that is present is verified even when not required,
// because its integrated time is what lets a certificate that has since
// expired (Fulcio certificates live ten minutes) be checked at signing time.
//
// Every rejection carries a Reason and matches one sentinel error (see
// Error); Cache memoises successful verifications.
package supplychain
