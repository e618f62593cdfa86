package pii

import "github.com/mcpmesh/mcpmesh/interceptors"

// The "content.pii" section of a server's policy, as the control plane ships it.

// PII kinds with built-in detectors.
const (
	KindEmail = "email"
	KindCard  = "card"  // payment card numbers, Luhn-checked
	KindIBAN  = "iban"  // ISO 13616, mod-97 checked
	KindPhone = "phone" // libphonenumber-validated
	KindRegex = "regex" // Pattern from the policy
)

// Rule is one kind of personal data and what to do with it.
type Rule struct {
	Kind    string `json:"kind"`
	Name    string `json:"name,omitempty"`    // names a regex rule in findings and [REDACTED:<name>]
	Pattern string `json:"pattern,omitempty"` // RE2, for Kind == KindRegex
	// Region is the default region for phone numbers without a country code ("US", "DE").
	Region    string                  `json:"region,omitempty"`
	Action    interceptors.RuleAction `json:"action"`
	Mode      interceptors.Mode       `json:"mode"`
	Direction string                  `json:"direction,omitempty"` // "requests", "responses" or "" for both
}
