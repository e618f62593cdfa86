package poisoning

import "strings"

// A product whose data is instructions (a voice agent's, an assistant's,
// a prompt store's) names that data with the words of an override: its
// update tool takes an `instructions` parameter described as "New
// instructions for the assistant". There the words are the value the
// call writes, named in the description of the very parameter that takes
// it; what the model was told is not their object. An override that is
// an order ("new instructions: ignore …", "forget your …") keeps its
// other words, and the same words anywhere else (the tool's description,
// another parameter's) still count.

// namesOwnValue reports whether the override cue c, matched from ws[i],
// ends on a noun that is the name of the parameter whose description is
// being read (e.cur: … ".properties", ".<name>", ".description").
func (e *evidence) namesOwnValue(c *cue, t string, ws []span, i int) bool {
	if !c.wordsOnly() || len(c.slots) < 2 {
		return false
	}
	n := len(e.cur)
	if n < 3 || e.cur[n-1] != ".description" || e.cur[n-3] != ".properties" {
		return false
	}
	last := i - c.anchor + len(c.slots) - 1
	if last >= len(ws) {
		return false
	}
	head := t[ws[last].start:ws[last].end]
	return unstyled(strings.TrimPrefix(e.cur[n-2], ".")) == unstyled(head) && e.ownParam(head)
}
