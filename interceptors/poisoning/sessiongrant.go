package poisoning

// sessionGrantCues are power raised, or a check turned off, for the
// reader's own session or request: "grant admin access to the current
// session", "enable root privileges for this operation", "disable auth
// guards for this request", and the reader's earlier instructions set
// aside with a verb other than "ignore" ("skip prior directives", "bypass
// prior instructions"). A tool that manages accounts grants a role to a
// user the caller names, and a tool's switch turns off its own cache or
// check; a definition that lifts the reader's limits for the session it is
// read in orders an escalation nobody asked for. The privilege words count
// as a bypass, the session they are raised for as an order to the reader
// (both needed); instructions set aside are an override.
var sessionGrantCues = map[signal][]string{
	sigBypass: {
		"{root|admin|administrator|superuser|sudo|elevated} {privileges|privilege|rights}",
		"{disable|turn off|switch off} ~ {auth|authentication|authorization|authorisation|security|safety|permission|permissions|access} {guards|guard|checks|check|controls|gates|gate|filters}",
	},
	sigDirective: {
		"{grant|enable|elevate|escalate|disable|turn off|switch off|lift} ~ {to|for} {this|the current|the active|your|the} {session|operation|request|conversation|chat|call|agent|assistant|model}",
	},
	sigOverride: {
		"{skip|bypass|drop|discard|abandon|set aside|throw out} {prior|previous|earlier|preceding|above|existing|original} {directives|directive|instructions|instruction|rules|guidance|directions|prompts|prompt|orders}",
		"{skip|bypass|drop|discard|abandon|set aside|throw out} {all|any|the|your} {prior|previous|earlier|preceding|above|existing|original} {directives|directive|instructions|instruction|rules|guidance|directions|prompts|prompt|orders}",
	},
}
