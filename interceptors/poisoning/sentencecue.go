package poisoning

// partedBySentence reports whether a sentence ends between the words of
// the cue c, matched at ws[i] ("… e.g. \"(Performance,Security)\".
// Policy: To prevent overly broad results …" holds "security" and
// "policy" side by side): a cue is a phrase, and a phrase is words of one
// sentence; the last word of one statement and the first of the next say
// nothing together. Read in tool definitions, whose lists of values and
// headings ("Security. Policy:") put such words next to each other; a
// cue whose words may be apart ("~") is read within a sentence already.
func partedBySentence(c *cue, t string, ws []span, i int) bool {
	if len(c.slots) < 2 || !c.wordsOnly() {
		return false
	}
	first := i - c.anchor
	return first >= 0 && first+len(c.slots)-1 < len(ws) && sentenceBetween(t, ws, first, first+len(c.slots)-1)
}
