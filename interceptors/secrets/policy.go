package secrets

import "github.com/mcpmesh/mcpmesh/interceptors"

// The "content.secrets" section of a server's policy, as the control plane ships it.

// Policy configures credential detection.
type Policy struct {
	Mode interceptors.Mode `json:"mode"`
	// Requests: what to do with a credential in tools/call arguments
	// (ActionBlock, ActionRedact or ActionAudit).
	Requests interceptors.RuleAction `json:"requests"`
	// Responses: what to do with a credential in anything the server sends
	// (ActionRedact or ActionAudit; blocking a result helps nobody).
	Responses interceptors.RuleAction `json:"responses"`
	// Disable lists rule ids of the built-in set that must not fire.
	Disable []string `json:"disable,omitempty"`
}
