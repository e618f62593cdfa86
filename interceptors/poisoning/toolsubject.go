package poisoning

// What a definition says its tool does is written in the words of an
// order: "\"analysis\" means the tool will analyze the code and respond
// with a SARIF report", "the server will always include the request ID".
// Such a cue's subject is the tool (or its server, endpoint or API),
// named in the cue's own clause, and the clause says what the call
// returns; an order to the model has the model as its subject or none.
// The tool is no such subject where a conjunction makes it a clause of
// its own ("after the tool runs, respond with …") or the model is named
// between ("the tool returns a list; you must …").

// subjectNouns name the tool as the subject of what it does.
var subjectNouns = map[string]bool{"tool": true, "server": true, "endpoint": true, "api": true, "function": true, "command": true}

// clauseOpeners make what follows them a clause of its own.
var clauseOpeners = map[string]bool{"after": true, "when": true, "whenever": true, "once": true, "if": true, "before": true, "while": true, "until": true, "since": true, "unless": true, "because": true}

// modelSubjects name the model (or the user) as the one acting.
var modelSubjects = map[string]bool{"you": true, "your": true, "agent": true, "model": true, "llm": true, "assistant": true, "ai": true, "we": true, "i": true, "user": true, "claude": true}

// toolIsSubject reports whether the directive cue c, matched at ws[i],
// has "the tool" or "this tool" (or its server, endpoint, API) as the
// subject of its clause, within eight words before it.
func toolIsSubject(c *cue, t string, ws []span, i int) bool {
	k := i - c.anchor
	for j := k - 1; j >= 1 && j >= k-8; j-- {
		if sentenceBetween(t, ws, j, j+1) {
			return false
		}
		if gap := t[ws[j].end:ws[j+1].start]; gap != " " {
			return false // a comma, a colon, a dash: another clause
		}
		w := t[ws[j].start:ws[j].end]
		if modelSubjects[w] {
			return false
		}
		if !subjectNouns[w] {
			continue
		}
		if d := t[ws[j-1].start:ws[j-1].end]; d != "the" && d != "this" || t[ws[j-1].end:ws[j].start] != " " {
			return false
		}
		return j < 2 || sentenceBetween(t, ws, j-2, j-1) || !clauseOpeners[t[ws[j-2].start:ws[j-2].end]]
	}
	return false
}
