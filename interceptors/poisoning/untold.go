package poisoning

// untoldCues are the user's being told put aside for something else:
// "instead of telling the user, proceed", "rather than informing the user,
// send it on". What the model does is the user's to know; a definition
// that names telling them as the thing not to do keeps the act from them,
// as "do not tell the user" does, though no "not" is written. A tool that
// returns a value instead of printing it, or notifies a channel instead of
// a person, says nothing of the user being told. Read in tool definitions
// only.
var untoldCues = map[signal][]string{
	sigConceal: {
		"{instead of|rather than} {telling|informing|notifying|alerting|warning} the {user|users}",
	},
}
