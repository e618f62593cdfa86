package results

import "strings"

// A role marker written as a Markdown link to a part of a prompt:
// "[system](#context)", "[system](#assistant)", "[assistant](#inner_monologue)",
// the syntax in which Bing Chat's prompt marked whose turn a block was,
// which injections copy to pass as that prompt's own blocks. At a line's
// start it is a turn marker as "system:" is (sigTurn). A table of contents
// links a heading of the same name ("[System](#system)"), which does not
// count: the link's target must name another part than its label.

// roleFragments are the parts of a prompt such a link points at.
var roleFragments = []string{"context", "assistant", "system", "user", "instructions", "message", "inner_monologue", "additional_instructions", "suggestions", "search_query", "search_results"}

// roleLink reports "[system](#…)" or "[assistant](#…)" at a line start,
// at the anchors of those words (label: aSystem or aAssistant).
func roleLink(t string, offs []int, label string) bool {
	for _, at := range offs {
		// "[" right before, only blanks between it and the line's start
		if at == 0 || t[at-1] != '[' {
			continue
		}
		j := at - 1
		for j > 0 && (t[j-1] == ' ' || t[j-1] == '\t') {
			j--
		}
		if j > 0 && t[j-1] != '\n' {
			continue
		}
		rest := t[at+len(label):]
		if !strings.HasPrefix(rest, "](#") {
			continue
		}
		rest = rest[len("](#"):]
		k := strings.IndexByte(rest, ')')
		if k <= 0 || k > 32 {
			continue
		}
		frag := rest[:k]
		if frag == label {
			continue // a table of contents: the heading of that name
		}
		for _, f := range roleFragments {
			if frag == f {
				return true
			}
		}
	}
	return false
}
