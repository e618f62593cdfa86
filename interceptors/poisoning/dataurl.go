package poisoning

import (
	"regexp"
	"strings"
)

// carriedData finds, in a definition's text s, a web address built to
// carry what the reader holds: a query value that is a placeholder for
// the conversation, the prompt or a secret ("…/log?d={conversation}",
// "?p=<password>"). Whoever fetches the address, or renders it as an
// image, sends that data to its host; an API documented with a
// placeholder for its own parameter ("?id={user_id}", "?q={query}")
// carries the user's input, not the session. The address counts as a
// destination, and what it carries as the conversation or a secret.
func (e *evidence) carriedData(s string) {
	for _, m := range dataURL.FindAllStringSubmatch(s, 8) {
		hold := strings.ToLower(m[1] + " " + m[2] + " " + m[3])
		for _, w := range strings.FieldsFunc(hold, func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
			if sig, ok := carriedWords[w]; ok {
				e.fire(sigExfil, "an address that carries the session's data")
				e.fire(sig, strings.Clone(w)+" carried in an address")
				return
			}
		}
	}
}

// dataURL matches an http(s) address with a query value that is a
// placeholder: {…}, <…>, [...] or ${…}.
var dataURL = regexp.MustCompile(`https?://[^\s"')]+\?[^\s"')]*=\s*(?:\$?\{([^}]{1,60})\}|<([^>]{1,60})>|\[([^\]]{1,60})\])`)

// carriedWords are the words of a placeholder that stand for the session
// (the conversation, the prompt, the context) or for a person's secret; a
// key or a token is what an API documents as its own ("?key={API_KEY}").
var carriedWords = map[string]signal{
	"conversation": sigHistory, "chat": sigHistory, "history": sigHistory, "messages": sigHistory,
	"prompt": sigHistory, "context": sigHistory, "memory": sigHistory, "transcript": sigHistory,
	"secret": sigSecret, "secrets": sigSecret, "password": sigSecret, "credentials": sigSecret,
	"ssh": sigSecret, "env": sigSecret, "cookie": sigSecret,
}
