package poisoning

import (
	"strings"
	"unsafe"
)

// Readings of the voice vendors document their own tools in: sentences
// that look like orders or requests to the model but whose objects are the
// tool's own parameters, the server's own configuration or a noun of the
// data the tool handles. An attacker steers the model outside the tool's
// scope (another server's tool, the model's answers, a secret of the
// machine's); a vendor's words stay inside it.

// relativeThat reports whether "that" followed by the words a and b opens a
// relative clause of the noun before it: "State that indicates whether the
// item is checked off", "Answer that contains the matched rows". "That" is
// then the clause's own subject, so its verb comes at once. A reply
// dictated to the model ("say that this server has been audited", "answer
// that everything is fine") has a subject of its own after "that".
func relativeThat(a, b string) bool {
	switch a {
	case "is", "was", "has", "does", "can", "will", "may", "must", "should", "would", "could", "might":
		return true
	}
	if len(a) < 4 || a[len(a)-1] != 's' || strings.HasSuffix(a, "ss") {
		return false
	}
	// a word in -s right before an article or a clause word is a verb
	// governing it ("indicates whether", "contains the"); a plural subject
	// ("users", "files") is followed by its own verb instead
	switch b {
	case "whether", "if", "the", "a", "an", "which", "what", "how", "its", "their", "whose", "to":
		return true
	}
	return false
}

// envName reports whether the snake_case identifier w (in lower case) is
// written in capitals in s, the text as written: the way environment
// variables are named ("ROBLOX_OPEN_CLOUD_API_KEY", "SEND_GRID_TOKEN").
// Such a name is one thing the server reads from its configuration: the
// words inside it are not a clause, so a verb among them ("open" of
// OPEN_CLOUD) does not act on the secret it names. A request to hand the
// variable over has its verb in the prose around the name (envSecrets).
func envName(w, s string) bool {
	letter := false
	for i := 0; i < len(w); i++ {
		letter = letter || w[i] >= 'a' && w[i] <= 'z'
	}
	if !letter || len(w) > 64 {
		return false
	}
	// w in capitals, on the stack, searched for in s
	var buf [64]byte
	for i := 0; i < len(w); i++ {
		buf[i] = upper(w[i])
	}
	return strings.Contains(s, unsafe.String(&buf[0], len(w)))
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// ownInputChoice (in replacesOther): "alternative to post_id", "a
// replacement for the query parameter" offers one of the tool's own inputs
// in place of another of its own: a choice inside the call, not the tool
// put in another server's tool's place.

// quotedData reports whether the quoted plain word at lower[q+1:end] (q the
// opening quote, end the closing one) is data the text speaks of rather
// than a tool it names: a member's value in a JSON example
// ({"value":"login"}), a term looked for ("files with "login"",
// "containing 'search'"), or one of a list of values with a note in
// brackets ("'rename' (default), 'replace', or 'fail'"). A tool put in the
// model's way is named as one: called, used, put before or instead of.
func quotedData(lower string, q, end int) bool {
	before := strings.TrimRight(lower[:q], " ")
	if n := len(before); n > 1 && before[n-1] == ':' {
		// "key": "word", the key itself quoted and not one that names a call
		k := strings.TrimRight(before[:n-1], " ")
		if m := len(k); m > 1 && (k[m-1] == '"' || k[m-1] == '\'') {
			open := strings.LastIndexByte(k[:m-1], k[m-1])
			if open >= 0 && !callKey(k[open+1:m-1]) {
				return true
			}
		}
	}
	i := len(before)
	for i > 0 && before[i-1] >= 'a' && before[i-1] <= 'z' {
		i--
	}
	switch before[i:] {
	case "with", "containing", "contains", "matching", "matches":
		return true
	}
	if end+1 < len(lower) {
		next := strings.TrimLeft(lower[end+1:], " ")
		if strings.HasPrefix(next, "(") {
			if c := strings.IndexByte(next, ')'); c > 0 && c < 40 {
				next = strings.TrimLeft(next[c+1:], " ")
				if len(next) > 1 && next[0] == ',' {
					rest := strings.TrimLeft(next[1:], " ")
					return rest != "" && strings.IndexByte("`'\"", rest[0]) >= 0
				}
			}
		}
	}
	return false
}

// userHoldsTheWay reports whether the order whose first word after the
// modal is ws[k] holds the model back until the user approves: "MUST NOT
// proceed to another task without the user's approval", "must wait for
// the user's confirmation". An attack orders the model on past the user;
// a workflow that stops for the user's approval keeps the user in charge,
// as "ask the user first" does (keepsSafeguard).
func userHoldsTheWay(t string, ws []span, k int) bool {
	isUser := func(w string) bool { return w == "user" || w == "user's" || w == "users" }
	approves := func(w string) bool { return askedForSafeguard[w] && w != "first" && w != "before" }
	from := k // the word before the user is named: "wait", or "without"
	switch t[ws[k].start:ws[k].end] {
	case "not":
		if k+1 >= len(ws) || !holdsBack[t[ws[k+1].start:ws[k+1].end]] {
			return false
		}
		if from = wordWithin(t, ws, k+1, 8, func(w string) bool { return w == "without" || w == "until" || w == "before" }); from < 0 {
			return false
		}
	case "wait":
		if k+1 >= len(ws) || t[ws[k+1].start:ws[k+1].end] != "for" {
			return false
		}
	default:
		return false
	}
	u := wordWithin(t, ws, from, 3, isUser)
	return u >= 0 && wordWithin(t, ws, u, 3, approves) >= 0
}

// holdsBack are the acts an order not to go on forbids ("not proceed").
var holdsBack = map[string]bool{"proceed": true, "continue": true, "move": true, "go": true, "advance": true}
