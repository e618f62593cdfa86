package results

// A question or a task joined to the end of data with no mark between
// them: "… for i in range(n): total += i What is the capital of
// France?", "… apples, pears, plums Name the largest planet." Text put
// after data by a program (a string concatenated with a space) follows
// whatever the data ended on: a line of code, an item of a list, a line
// of verse, a word cut off. The asking edge (aside.go) finds the last
// sentence by the mark or the line break before it, and there it finds
// the data's last line with the task run on after it, which opens on no
// question. Here the task's start is found by its own first word instead:
// a capital opening a question or a task, right after a word of the data
// that ends no sentence (a letter, a digit, a closing bracket or quote)
// and a space; from there on, the sentence is read as the asking edge
// reads it, on the same test of a subject foreign to the rest. Data does
// not run a sentence of its own into its last line: a sentence of prose
// ends on its mark before the next begins, and a capitalised word inside
// a line (a name, a title) opens no question or order to the reader.

var sigRunOn = resultSignal{"runs a foreign task onto the data's end", 4} // "…total += i What is the capital of France?"

// runOnAskedAt reports a text whose last sentence runs on, with no mark,
// from the data's last words into a question or a task for the reader on
// a subject foreign to the rest. s is the text as written, t the same in
// lower case.
// e is t's edges (edgesOf), which the caller finds once for every reading
// of them.
func runOnAskedAt(s, t string, e textEdges) bool {
	begin, end := e.begin, e.end
	if end-begin < 80 || t[end-1] != '?' && t[end-1] != '.' {
		return false // cheap test first: the text ends on a question or a sentence
	}
	start := max(e.last, end-asideReach)
	for i := start + 2; i < end-12; i++ {
		if t[i-1] != ' ' || !isUpper(s[i]) || !isLower(s[i+1]) || !runsOn(t[i-2]) {
			continue // a capitalised word right after a word that ends no sentence
		}
		if asks(t[i:end]) {
			return asideAt(s, t, i, end, begin, i)
		}
	}
	return false
}

// runsOn reports whether c, the last byte of a word, ends no sentence and
// sets off no lead: a letter, a digit, a closing bracket or quote.
func runsOn(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == '`' || c == '>'
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
