package poisoning

// decodeCallCues are the order to decode a text and act on it written as
// the call of a decoding function: "execute base64_decode('...')", "run
// atob('...') to get instructions". As with "decode the following and
// execute it" (definitionLexicon), the user sees only the encoded form, so
// what the reader is made to do is kept from them; a tool that decodes
// takes the text as its input and says what it returns. Read in tool
// definitions only.
var decodeCallCues = map[signal][]string{
	sigConceal: {
		"{execute|run|eval|evaluate|call|apply|invoke} {atob|base64_decode|b64decode|base64decode|fromcharcode|decodeuricomponent|unescape}",
	},
}
