package results

import "github.com/mcpmesh/mcpmesh/interceptors"

// Policy is the "results" section of a server: what to do with a tool
// result whose text tries to steer the agent (prompt injection).
type Policy struct {
	Mode interceptors.Mode `json:"mode"`
	// Action: "annotate" (wrap the text in a marked, escaped block and add
	// a warning item), "redact" (replace it), "block" (answer with an error
	// instead), or "audit" (record only).
	Action string `json:"action"`
	// Tools limits the check to tool patterns (empty: every tool).
	Tools []string `json:"tools,omitempty"`
	// Rules give the tools they name their own action, ahead of Action:
	// the first rule that names a tool decides, and a tool a rule names is
	// checked whatever Tools says.
	Rules []Rule `json:"rules,omitempty"`
	// Threshold is the evidence score from which a text is flagged
	// (0: the poisoning check's default).
	Threshold int `json:"threshold,omitempty"`
	// Model turns the learned text model off when false (nil or true:
	// on). It flags a text the lexical signals pass when its own score
	// reaches the threshold chosen with it (README.md, "Learned model").
	Model *bool `json:"model,omitempty"`
}

// Rule is an action for the results of some tools: a server's fetch tools
// blocked where its other tools are annotated, or a chat-history tool,
// whose results are conversation turns by design, only audited.
type Rule struct {
	Tools  []string `json:"tools"`
	Action string   `json:"action"`
}

// ModelOn reports whether p has the learned text model read results.
func (p *Policy) ModelOn() bool { return p.Model == nil || *p.Model }

// Actions.
const (
	ActionAnnotate = "annotate"
	ActionRedact   = "redact"
	ActionBlock    = "block"
	ActionAudit    = "audit"
)

// actions are the values an action may take, for the policy section and New.
var actions = []string{ActionAnnotate, ActionRedact, ActionBlock, ActionAudit}
