package poisoning

// "Wait for explicit confirmation before running any checkout command"
// holds the call back for the user as "wait for the user's answer"
// does (waitsForUser): a confirmation, an approval or a consent
// (consentWords) is the user's to give, whether or not the sentence
// names them. Waiting for anything else ("wait for the other tool to
// finish before running") still steers.

// userGives reports whether w names what only the user gives.
func userGives(w string) bool {
	return consentWords[w] || consentWords[stripS(w)] || w == "permission"
}

func stripS(w string) string {
	if len(w) > 1 && w[len(w)-1] == 's' {
		return w[:len(w)-1]
	}
	return w
}
