package poisoning

// thisToolsScope reports whether the steering cue c, matched at ws[i],
// opens "this tool must" and bounds where the tool itself applies ("This
// tool must NOT be used for any non DevOps Center or Sandbox orgs", "This
// tool must be used for the DevOps Center org only"): a server states the
// target its tool serves, which narrows the tool's own use and steers no
// other tool. Said to claim the model's choice ("this tool must be used
// for all requests", "this tool must be called first", "… instead of
// send_email") it still steers.
func thisToolsScope(c *cue, t string, ws []span, i int) bool {
	k := i - c.anchor // the cue's first word
	if !c.wordsOnly() || len(c.words) != 2 || c.words[0] != "tool" || c.words[1] != "must" || k < 1 || sentenceBetween(t, ws, k-1, k) || t[ws[k-1].start:ws[k-1].end] != "this" {
		return false
	}
	j := k + 2
	word := func(j int) string {
		if j >= len(ws) || sentenceBetween(t, ws, j-1, j) {
			return ""
		}
		return t[ws[j].start:ws[j].end]
	}
	negated := false
	switch word(j) {
	case "not", "never":
		negated = true
		j++
	case "only":
		j++
	}
	if word(j) != "be" {
		return false
	}
	j++
	switch word(j) {
	case "used", "called", "run", "invoked":
	default:
		return false
	}
	j++
	if negated {
		return true // a restriction of this tool's own use
	}
	switch word(j) {
	case "for", "with", "on", "against", "only", "in":
	default:
		return false
	}
	for n := j + 1; n < j+10; n++ {
		w := word(n)
		if w == "" {
			break
		}
		if classWords[w] || w == "other" || w == "another" || w == "first" || w == "before" || w == "instead" || w == "whenever" {
			return false
		}
	}
	return true
}

// consentWords name what a user gives to let a step go ahead.
var consentWords = map[string]bool{"confirmation": true, "approval": true, "consent": true}
