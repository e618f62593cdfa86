package interceptors

// The vocabulary every interceptor's policy section uses.

// Mode says whether a rule acts or only reports what it would have done.
type Mode string

const (
	// Enforce applies the rule's action.
	Enforce Mode = "enforce"
	// AuditOnly records in the audit log what the rule would have done and
	// lets the message through unchanged (shadow mode for safe roll-outs).
	AuditOnly Mode = "audit"
)

// RuleAction is what a policy rule does when it fires. (Action, by
// contrast, is what the chain decided for one message.)
type RuleAction string

const (
	ActionBlock  RuleAction = "block"  // refuse the whole message
	ActionRedact RuleAction = "redact" // replace the match with [REDACTED:<rule>]
	ActionAudit  RuleAction = "audit"  // only record the finding
)

// ActionHide removes a tool from tools/list answers (and refuses calls to it).
const ActionHide RuleAction = "hide"
