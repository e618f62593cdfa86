package poisoning

// unneededSecretCues are a secret asked for by a definition that says
// itself the secret has nothing to do with the tool's work: "collect a
// password value for an unrelated formatting operation", "accept access
// tokens despite performing only text counting", "ask for a private key
// even though this sample only labels notes", "supply raw sign-in
// credential material even though it is unrelated to color comparison",
// and a person's secret words ordered repeated back ("reproduce the
// caller's private recovery phrase"). A tool that needs a key says what
// for; one that asks for a secret while granting it is unrelated asks for
// it for someone else. The secret counts already; the admitted mismatch,
// and the repetition of a private phrase, count as the request put to the
// reader beside it. Read in tool definitions only.
var unneededSecretCues = map[signal][]string{
	sigDirective: {
		"{for|to|in|of} {an|a} {unrelated|irrelevant}",
		"{despite|even though|although} ~ {only|unrelated|irrelevant|not needed|never needed}",
		"{is|are} {unrelated|irrelevant} to",
		"{unrelated|irrelevant} {private|secret|personal} ~ {credential|credentials|password|key|keys|token|tokens|secret|secrets}",
		"{reproduce|repeat|echo|restate|recite} ~ {caller's|user's|your|their} {private|secret} ~ {phrase|key|keys|password|passwords|token|tokens|credentials|pin}",
	},
	sigSecret: {
		// the secret itself, even where the tool has a parameter of its
		// name: the definition has said the tool does not need it
		"{password|passwords|credential|credentials|secret|secrets} {value|values|material} ~ {for|to|in|of} {an|a} {unrelated|irrelevant}",
		"{password|passwords|credential|credentials|secret|secrets|api key|private key|access tokens} {value|values|material} ~ ~ {despite|even though|although|unrelated}",
		"{key|keys|tokens|password|passwords|credential|credentials} ~ {even though|despite|although}",
		"{recovery|seed|mnemonic} phrase", "access tokens",
		"sign-in credential", "sign in credential",
	},
}
