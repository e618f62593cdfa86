package results

import "strings"

// The verbs of an assignment. A task set to a solver, in an exam, a
// homework sheet or a benchmark's prompt, opens on a verb of mental work
// (the verbs of Bloom's taxonomy, by which teachers write objectives and
// questions): recall ("define", "identify"), understand ("interpret",
// "paraphrase"), apply ("solve", "estimate"), analyse ("analyze",
// "contrast", "examine"), evaluate ("assess", "critique", "rank") and
// create ("design", "devise", "propose"). answerVerbs held the verbs
// that ask for an answer in so many words ("name", "tell", "write"); an
// assignment set at a text's edge on a subject foreign to it ("Analyze
// the trend of electric car sales over the past decade.") is as much a
// task for whoever reads the text as a question is. Data that uses these
// verbs uses them of its own subject ("Evaluate the plugin's latency
// with the bench below"), which the asking edge's test of shared words
// leaves alone, or gives orders throughout (a course's exercises).
var assignVerbs = wordSet("analyze analyse assess evaluate critique interpret paraphrase predict estimate examine investigate research discuss contrast distinguish justify argue debate brainstorm devise design propose formulate rank rate illustrate demonstrate elaborate infer deduce")

// afterLead returns what follows a lead set off by a comma or a colon at
// the start of a sentence ("Also, name …", "By the way, what is …",
// "On top of that, translate …", "P.S.: write …"), or "" when there is
// none within reach. A task appended to data is joined to it by such a
// lead as often as it opens on its verb; the asking and acting edges read
// the task after it.
func afterLead(sentence string) string {
	for i := 0; i < min(len(sentence)-2, leadReach); i++ {
		switch sentence[i] {
		case '.', '?', '!', '\n':
			if sentence[i+1] == ' ' || sentence[i+1] == '\n' {
				return "" // the sentence ended before a lead did
			}
		case ',', ':', ';':
			if sentence[i+1] != ' ' {
				continue
			}
			lead := sentence[:i]
			first, _, _ := strings.Cut(lead, " ")
			if atIt := strings.HasPrefix(lead, "while you're at it") || strings.HasPrefix(lead, "while you are at it") || strings.HasPrefix(lead, "while you’re at it"); !atIt &&
				(strings.Count(lead, " ") >= leadMaxWords || leadClauses[first] || strings.HasSuffix(first, "ing")) {
				return "" // a clause of its own: "To use X, create …", "If it fails, run …", "Using a 5.0 server, create …"
			}
			return sentence[i+2:]
		}
	}
	return ""
}

// leadReach is how far into a sentence its lead may end, and leadMaxWords
// how many words it may have: a connective ("also", "by the way", "on top
// of your main task"), not a clause.
const (
	leadReach    = 48
	leadMaxWords = 6
)

// leadClauses open a lead that is a clause of purpose, condition or time,
// or that places a step in a sequence, as how-tos open their steps ("To
// build it, run …", "If the test fails, write …", "When done, send …",
// "Then, create …").
var leadClauses = wordSet("to if when once after before unless while whenever with then next first second third finally lastly afterwards subsequently")
