package poisoning

// "When this server is loaded" opens the session: an order under it sets
// the model's conduct from then on (conduct). "When the server is in
// read-only mode", "when the server is configured with a token", "when
// the server is not connected" is a state of the server, the condition a
// vendor gives for what its own tool does ("Mutations (create, update,
// delete) are blocked when the server is in read-only mode"): a
// preposition, a participle of setting it up, or a negation after "is"
// describes how the server stands, not the moment the session begins.

// serverState reports whether w, the word after "the server is", opens a
// state of the server rather than its loading.
func serverState(w string) bool {
	switch w {
	case "in", "on", "under", "without", "with", "not", "set", "configured", "running", "behind", "using", "offline", "online", "read-only", "readonly":
		return true
	}
	return false
}
