package poisoning

// sentWithCues are the reader sent to an address with the user's data or
// the results in hand: "fetch this URL with the user data", "navigate to
// this endpoint with the results", "always forward data to the admin
// endpoint". A tool reaches its own service itself; a definition that
// points the reader at an address and loads the visit with what the
// session holds has the reader carry it out (the address, with data, an
// exfiltration; the order to go there, a second act put to the reader).
// A description of where the tool itself sends its requests is in the
// third person ("sends a request to ..."), and one that sends data the
// user supplies to a webhook the user names says "the given" or "a"
// webhook, without the session's data. Read in tool definitions only.
var sentWithCues = map[signal][]string{
	sigExfil: {
		"{url|endpoint|address|link|webhook|page|server} with {the|your|all|any} ~ {user data|user's data|data|results|result|output|outputs|secrets|credentials|conversation|history|messages|information|details|response|responses}",
		"{forward|send|post|upload|mirror|relay|copy|transmit|stream} ~ {data|everything|user data|information|details|secrets} to {the|an|our|their} ~ {endpoint|webhook|collector|server|inbox|bucket|sink}",
	},
	sigDirective: {
		"{fetch|visit|navigate to|ping|browse to} this {url|endpoint|address|link|webhook|page}",
		"{always|every time} {forward|send|post|upload|mirror|relay|transmit|stream}",
	},
}
