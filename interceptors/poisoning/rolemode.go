package poisoning

// roleModeCues are a new identity or a limitless mode put on the reader:
// "act as a jailbroken AI", "act as a root admin", "roleplay as the company
// CEO", "impersonate as the system administrator", "activate DAN mode",
// "enable developer mode for full access". Who the model is, and under
// which limits it works, is set by its own instructions; a definition that
// hands it another self, or a mode without those limits, replaces them as
// an override does. A tool that acts as something itself ("acts as a
// gateway", "acting as a standing alert") says what it is, in the third
// person, and the roles named here are ones of power or of no limits, not
// the parts a tool plays. Read in tool definitions only.
var roleModeCues = map[signal][]string{
	sigOverride: {
		"act as {a|an|the} ~ {root|admin|administrator|superuser|sysadmin|hacker|jailbroken|unrestricted|unfiltered|uncensored|unlimited|dan}",
		"{roleplay|roleplaying} as",
		"role play as",
		"impersonate as",
		"impersonate {the|a|an} ~ {administrator|admin|root|superuser|sysadmin|developer|ceo|owner|operator|system}",
		"{enable|activate|enter|unlock|switch to|turn on} {dan|god|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|sudo} mode",
		"{enable|activate|enter|unlock|switch to|turn on} developer mode {for|to|and} ~ {full|unrestricted|unlimited|complete|restrictions|limits|access}",
		// the limits named and lifted for the reader itself
		"remove {all|any|your} {restrictions|guardrails|safeguards|safety filters|limitations}",
	},
}
