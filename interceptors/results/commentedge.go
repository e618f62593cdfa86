package results

import "strings"

// A question or a task for the reader written as a comment on the last
// line of code, on a subject the code never touches: a function followed
// by "# Output the first ten prime numbers." or "// What is the capital
// of Australia?". Code a tool returns is read by
// a model as data, and its comments are where prose goes in code: a task
// set in one is the asking edge's (aside.go) task behind a comment
// marker, which that edge does not read past (a sentence opens with a
// capital, not with "#" or "//"). A comment of the code's own speaks of
// its code, in the words of its identifiers and calls ("# Print the
// moving average of the readings"), which the test of shared words
// leaves alone; code whose comments give orders throughout (a tutorial's
// "# Create the table", "# Insert the rows") is read as a how-to. The
// first line is not read: a doc comment opens on the verb of what the
// code below it does ("// Create forces the initialization of …"), in
// words its identifiers hold only inside their camel case.

var sigCommentAsk = resultSignal{"asks about a foreign subject in a comment", 4} // "…return a\n# Output the first ten prime numbers."

// commentMarks open a comment line in the common languages: shell,
// Python, Ruby and YAML; C, Go, Java, JavaScript and Rust; SQL, Lua and
// Haskell; HTML and XML.
var commentMarks = []string{"#", "//", "/*", "--", "<!--"}

// commentAsked reports a text whose last line is a comment asking a
// question or setting a task on a subject foreign to the rest.
// s is the text as written, t the same in lower case.
func commentAsked(s, t string) bool {
	begin, end := trimBlanks(t)
	if end-begin < 80 {
		return false // no rest to differ from
	}
	if c := t[end-1]; c != '.' && c != '?' && c != '/' && c != '>' {
		return false // cheap test first: a question, a sentence or a comment closed
	}
	if nl := strings.LastIndexByte(t[max(begin, end-asideReach):end], '\n'); nl >= 0 {
		line := max(begin, end-asideReach) + nl + 1
		if start, stop := commentText(t, line, end); start > 0 && asideAt(s, t, start, stop, begin, line) && !commentsOrder(t[:line]) {
			return true
		}
	}
	return false
}

// commentText returns where the text of a comment line t[line:stop]
// starts and ends, past its mark and blanks and before a closing mark, or
// 0 when the line opens on no comment mark.
func commentText(t string, line, stop int) (int, int) {
	for line < stop && (t[line] == ' ' || t[line] == '\t') {
		line++
	}
	for _, m := range commentMarks {
		if !strings.HasPrefix(t[line:stop], m+" ") {
			continue
		}
		start := line + len(m) + 1
		for start < stop && t[start] == ' ' {
			start++
		}
		text := strings.TrimRight(t[start:stop], " \r")
		text = strings.TrimSuffix(strings.TrimSuffix(text, "*/"), "-->")
		return start, start + len(strings.TrimRight(text, " "))
	}
	return 0, 0
}

// commented reports whether the line of t[start] opens on a comment mark
// right before it: the text of a comment, not an item of a list.
func commented(t string, start int) bool {
	i := start
	for i > 0 && t[i-1] != '\n' && start-i < 8 {
		i--
	}
	head := strings.TrimSpace(t[i:start])
	for _, m := range commentMarks {
		if head == m {
			return true
		}
	}
	return false
}

// commentsOrder reports whether a comment line of code opens on an order,
// as the steps of a tutorial's code do ("# Create the table").
func commentsOrder(code string) bool {
	for len(code) > 0 {
		line := code
		if nl := strings.IndexByte(code, '\n'); nl >= 0 {
			line, code = code[:nl], code[nl+1:]
		} else {
			code = ""
		}
		if start, stop := commentText(line, 0, len(line)); start > 0 && stepsGiven(line[start:stop]) {
			return true
		}
	}
	return false
}
