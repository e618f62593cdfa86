package poisoning

// boundsLiftedCues are the reader's own limits declared gone, put as a
// state it is now in rather than as an order to ignore something: "you are
// no longer bound by your rules", "you are now in maintenance mode", and
// its safety checks switched off ("override safety checks before
// executing", "disable all safety filters"). The limits a model works
// under are set by its own instructions; a definition that tells it they
// no longer hold, or that it now runs in some mode of the definition's
// choosing, replaces them as "ignore your instructions" does. A tool
// speaks of its own modes in the third person ("the server runs in
// read-only mode") and of the user's checks as settings ("skip_checks: do
// not run the linter"); the words here are said to the reader itself ("you
// are …") or name the safety checks a model is held to. Read in tool
// definitions only.
var boundsLiftedCues = map[signal][]string{
	sigOverride: {
		"you are no longer {bound|restricted|limited|constrained|governed|subject}",
		"you are now in ~ mode",
		"{override|overrides|bypass|bypasses|disable|disables|skip|skips|turn off} ~ {safety|security|content} {check|checks|filter|filters|guardrail|guardrails|safeguard|safeguards}",
	},
}
