package poisoning

// "Start here for general guidance, then use the specialised tools for
// deeper dives" ranks a guide first for the work it names after "for",
// as "call this tool first before creating entities" does
// (firstForATask): the server orders its own workflow. "Start here" with
// nothing after it, or for every task ("start here for all queries",
// "for anything else"), still claims the model's choice.

// startsForAWork reports whether the preference cue c, matched at ws[i],
// is "start here" followed in its sentence by "for" and a work that is
// no class of everything.
func startsForAWork(c *cue, t string, ws []span, i int) bool {
	if !c.wordsOnly() || len(c.words) != 2 || c.words[0] != "start" || c.words[1] != "here" {
		return false
	}
	k := i - c.anchor + len(c.slots)
	if k+1 >= len(ws) || sentenceBetween(t, ws, k-1, k+1) || t[ws[k].start:ws[k].end] != "for" {
		return false
	}
	for j := k + 1; j < len(ws) && j <= k+6 && !sentenceBetween(t, ws, j-1, j); j++ {
		switch w := t[ws[j].start:ws[j].end]; {
		case classWords[w], w == "other", w == "another", w == "anything", w == "everything", w == "tools", w == "queries", w == "requests", w == "tasks":
			return false
		}
	}
	return true
}
