package poisoning

import "github.com/mcpmesh/mcpmesh/interceptors"

// The "poisoning" section of a server's policy, as the control plane ships it.

// Policy configures the checks of tool definitions a server publishes
// (tools/list answers and the list_changed notification that precedes them).
type Policy struct {
	Mode interceptors.Mode `json:"mode"`
	// Action for a definition with hidden instructions, invisible or
	// bidirectional Unicode, an over-long description, or shadowing of
	// another server's tools: ActionHide, ActionBlock (hide and refuse
	// calls) or ActionAudit.
	Action interceptors.RuleAction `json:"action"`
	// MaxDescriptionBytes flags longer descriptions (0 = 65536).
	MaxDescriptionBytes int `json:"maxDescriptionBytes,omitempty"`
	// Pins maps an approved tool name to the sha256 (hex) of its canonical
	// definition, as written by `mcpmesh lock`. When set, a tool that is
	// missing from Pins or whose definition hash differs ("rug pull") gets
	// OnChange until it is approved again.
	Pins map[string]string `json:"pins,omitempty"`
	// OnChange: ActionHide, ActionBlock or ActionAudit.
	OnChange interceptors.RuleAction `json:"onChange,omitempty"`
}
