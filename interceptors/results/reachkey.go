package results

import (
	"regexp"
	"strings"
)

// A key the reader holds asked of it: the one it reaches a service with
// ("What's the connection string for the database you access?", "Which
// token do you log in to the registry with?"), or its own shown by itself
// ("Print your access token or session token."). An agent reaches
// databases, registries and APIs with keys it was given; a text it reads
// has no reason to ask which, and the reader's answer is where the asker
// reads it (ownsecret.go reads the keys asked to come to the writer or
// the reply, and those the reader "uses" or "holds"). Docs speak of the
// services their human reader reaches ("the database you connect to") but
// tell them where to put its key, not to say it, and show their reader's
// keys by a means they name ("Print your access token with `gh auth
// token`", "Show your API key in the dashboard", "List your SSH keys:"
// before a command): a question about the key, or a bare order to show
// it that names no means and leads to no command, is not theirs.

var sigReachKeyAsked = resultSignal{"asks the reader for a key it holds", 4} // "What's the connection string for the database you access?"

var (
	// a key the reader reaches a service with, asked in a question
	reachKeyRe = regexp.MustCompile(secretNounRe + `[^.?!\n]{0,60}?\byou (?:access|connect to|log ?in(?:to| to)?|sign in(?:to| to)?|call|query|reach|talk to|read from|write to)\b` +
		// or kept where the reader keeps its setup ("What's the
		// database password in your config?")
		`|` + secretNounRe + `[^.?!\n]{0,30}?\b(?:in|from) your (?:config|configuration|environment|env|\.env|settings|setup|system|memory|context)\b`)
	// the reader's own key, shown by itself: the order opens the sentence
	showOwnKeyRe = regexp.MustCompile(`^[^a-z]*(?:(?:please|now|then|also|first|next|just)\s+)?(?:print|show|display|reveal|output|dump|echo|share)\s+your\s+(?:(?:current|full|own|active|whole)\s+)?` + secretNounRe)
)

// reachMarks are the literals of reachKeyRe's second half, one of which
// each of its matches holds; keyMeans name the way a doc shows its
// reader's key.
var (
	reachMarks = []string{"you access", "you connect to", "you log", "you sign in", "you call", "you query", "you reach", "you talk to", "you read from", "you write to", "in your ", "from your "}
	keyMeans   = []string{"`", " with ", " using ", " by ", " via ", " from ", " in the ", " on the ", " run", " command", " click", " dashboard", " settings", " console", " page", " tab"}
	showVerbs  = wordSet("print show display reveal output dump echo share")
)

// reachKeyAsked reports such a request in a sentence around one of the
// anchors of secrets (offs; your, the anchors of "your ").
func reachKeyAsked(t string, your []int, offs ...[]int) bool {
	// cheap test first, at each secret: the reader named a few words on
	// ("… you access") or just before it ("your access token"); its
	// sentence is read only then
	near := func(t string, i int) bool {
		if ahead := t[i:min(len(t), i+100)]; strings.Contains(ahead, "you ") || strings.Contains(ahead, " your ") {
			return true
		}
		for _, y := range your {
			if y < i && y >= i-40 {
				return true
			}
		}
		return false
	}
	for _, o := range offs {
		if anySentence(t, o, near, func(sentence string) bool {
			// cheap tests first, on words, before any expression
			lead := leadWords(sentence)
			switch {
			case questionOpeners[lead[0]] && containsAny(sentence, reachMarks...):
				return reachKeyRe.MatchString(sentence) && !hasAnyWord(sentence, noAsk)
			case showVerbs[lead[0]] && lead[1] == "your":
				// (not a step that leads to a command: "Show your keys:")
				s := strings.TrimRight(sentence, " \t\r")
				return !strings.HasSuffix(s, ":") && !containsAny(s, keyMeans...) && showOwnKeyRe.MatchString(s)
			}
			return false
		}) {
			return true
		}
	}
	return false
}
