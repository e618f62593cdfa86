package poisoning

import "strings"

// ownBySeparator reports whether tok, a name another server lists, is a
// tool of the judged tool's own server written with its words parted
// another way ("send_email" in the text of a server that lists
// send-email, as the step type of a workflow it documents): a server
// that names its tools with hyphens writes the same words with
// underscores for the keys and types of its own data, and the model
// reads both as the one tool. A name no tool of the server's own list
// spells with the same words in the same order is still another
// server's ("send_email" from a server that lists send-message only).
func ownBySeparator(own map[string]bool, tok string) bool {
	if len(own) == 0 || !strings.ContainsAny(tok, "_-") {
		return false
	}
	if strings.IndexByte(tok, '_') >= 0 && own[strings.ReplaceAll(tok, "_", "-")] {
		return true
	}
	return strings.IndexByte(tok, '-') >= 0 && own[strings.ReplaceAll(tok, "-", "_")]
}
