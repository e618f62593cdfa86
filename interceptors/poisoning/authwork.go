package poisoning

// A tool whose name says its work is authentication ("configure_auth",
// "rotate_oauth_client", "manage_credentials", "vault_write") speaks of
// credentials, secrets and passwords as what it configures: they are the
// subject of its call, as the secret in a parameter's name is on a tool
// that logs in or connects (outofscope.go). What tells an attack on such
// a tool is still read: a person's secret asked for ("the user's
// password"), a destination, a file of secrets, each a cue of its own.

// authNameWords are the words of a tool's name that make authentication
// its work.
var authNameWords = []string{"auth", "oauth", "login", "signin", "sso", "credential", "credentials", "secret", "secrets", "vault", "password", "passwords", "keychain", "keystore", "iam"}

// authWork reports whether the tool's name makes authentication its work
// and the secret cue c, matched at ws[i], names a secret in words only,
// no one's in particular.
func (e *evidence) authWork(c *cue, t string, ws []span, i int) bool {
	if !e.definitions || e.identifiers || len(e.tool) == 0 || !c.wordsOnly() || someonesSecret(t, ws, i-c.anchor) {
		return false
	}
	from := i - c.anchor
	if from > 0 && !sentenceBetween(t, ws, from-1, from) && possessives[t[ws[from-1].start:ws[from-1].end]] {
		return false
	}
	name := e.toolName()
	for _, w := range authNameWords {
		if nameHasWord(name, w) {
			return true
		}
	}
	return false
}
