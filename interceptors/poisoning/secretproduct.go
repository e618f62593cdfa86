package poisoning

// A tool that makes or hands out a secret of its own service (an upload
// URL with its credentials, a new API key, a session token) names that
// secret as its work: its description's first sentence opens with the
// verb of that work ("Generate a file browser upload URL with
// authentication credentials …", "Creates an API key for the project"),
// and a sibling's description sends the model to it for the secret
// ("Use the `Generate Upload URL` endpoint to obtain credentials"). The
// secret then comes from the server, which holds it anyway, not from the
// user or their machine: the text asks the model for nothing. A secret
// that is someone's ("the user's token", "your API key") is still one the
// model is asked to hand over, and a secret named with a path or a file
// ("~/.aws/credentials") is matched by cues of other words.

// makeVerbs open a sentence that says what a tool makes, and the tool's
// name holds the same verb ("generateUploadURL", "create_api_key").
var makeVerbs = map[string]bool{
	"generate": true, "generates": true, "create": true, "creates": true, "issue": true, "issues": true,
	"mint": true, "mints": true, "provision": true, "provisions": true, "rotate": true, "rotates": true,
	"regenerate": true, "regenerates": true,
}

// obtainVerbs, right before a secret, take it from where the sentence
// says ("use the `Generate Upload URL` endpoint to obtain credentials").
var obtainVerbs = map[string]bool{
	"obtain": true, "get": true, "generate": true, "create": true, "fetch": true, "retrieve": true,
	"request": true, "issue": true, "mint": true,
}

// possessives before a secret make it someone's.
var possessives = map[string]bool{"your": true, "their": true, "my": true, "his": true, "her": true, "user's": true, "users'": true, "customer's": true, "owner's": true}

// secretOwnProduct reports whether the secret cue c, matched at ws[i], is
// what the tool makes (its description's first sentence opens with a
// verb of making that its name holds too, and the secret is that verb's
// object) or what another tool of its own server
// hands out (a verb of obtaining right before the secret, in a sentence
// that names that tool).
func (e *evidence) secretOwnProduct(c *cue, t string, ws []span, i int) bool {
	if !e.definitions || e.identifiers || len(e.tool) == 0 || !c.wordsOnly() {
		return false
	}
	from := i - c.anchor
	for k := from - 1; k >= 0 && k >= from-2; k-- {
		if sentenceBetween(t, ws, k, k+1) {
			break
		}
		if possessives[t[ws[k].start:ws[k].end]] {
			return false
		}
	}
	start, end := sentenceOf(t, ws, from)
	if start == 0 && len(e.cur) == 1 && e.cur[0] == ".description" && from <= 12 && makeVerbs[t[ws[0].start:ws[0].end]] && nameHasWord(e.toolName(), t[ws[0].start:ws[0].end]) {
		// the secret is the object of the tool's own work, not of a
		// second clause ("… and send", "then read")
		for k := 1; k < from; k++ {
			if w := t[ws[k].start:ws[k].end]; w == "and" || w == "then" || w == "also" {
				return false
			}
		}
		return true
	}
	// a verb of obtaining within three words before the secret
	got := false
	for k := from - 1; k >= start && k >= from-3; k-- {
		if obtainVerbs[t[ws[k].start:ws[k].end]] {
			got = true
			break
		}
	}
	if !got {
		return false
	}
	self := e.toolName()
	for k := start; k <= end; k++ {
		if w := t[ws[k].start:ws[k].end]; e.own[w] && w != self || e.ownTitle(t, ws, k) {
			return true
		}
	}
	return false
}
