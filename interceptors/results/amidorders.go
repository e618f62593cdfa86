package results

import "strings"

// A question set at the edge of a how-to, a recipe or a prompt, on a
// subject none of its steps names: "Mix the flour and the sugar … bake
// for twenty minutes until golden.\nWho wrote the novel Moby-Dick?" The
// asking edge (aside.go) leaves texts that give orders alone, since a
// how-to's or a prompt's closing task is one more of its steps and, set
// in general words ("Provide credible sources"), shares no word with
// them by nature. A question is not so: the questions a how-to asks are
// about what it teaches ("Does the dough rise?", "What if the build
// fails?"), in its words. A question that shares not one content word
// with the steps around it is foreign to them however they are written.

// foreignQuestion reports whether sentence, read at a text's edge, is a
// question whose content words the rest of the text shares none of.
func foreignQuestion(sentence string, shared int) bool {
	return shared == 0 && strings.HasSuffix(sentence, "?")
}
