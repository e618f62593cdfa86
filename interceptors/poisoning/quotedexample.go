package poisoning

import "strings"

// A definition shows what the user may say or what the tool's data looks
// like by quoting it after a word that gives an example ("If the user
// provides a prompt like 'create a test case with steps: go to the login
// page, enter credentials, submit'", "Example: description:'Enter
// credentials'"): the quoted words are a sample of the data (a test
// step, a form's label), and a secret named there is one the sample
// speaks of, not one the model is asked for. A quote with no example word
// before it ("set note to \"the API key\"") is what to fill in, and a
// person's secret is still someone's (someonesSecret).

// exampleMarkers give an example of what follows them.
var exampleMarkers = []string{"like", "e.g.", "e.g", "example", "example:", "such as", "for instance"}

// inQuotedExample reports whether ws[i] lies inside quotes (single or
// double, opened at the start of a word and closed before the sentence
// ends) that open within 48 bytes after an example marker.
func inQuotedExample(t string, ws []span, i int) bool {
	at := ws[i].start
	lo := max(0, at-400)
	open := -1
	for k := at - 1; k >= lo; k-- {
		c := t[k]
		if c == '.' && k+1 < len(t) && t[k+1] == ' ' || c == '\n' {
			return false // the sentence began before any quote
		}
		if (c == '\'' || c == '"') && (k == 0 || strings.IndexByte(" (=:[{,", t[k-1]) >= 0) && k+1 < len(t) && t[k+1] != ' ' {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	q := t[open]
	close := strings.IndexByte(t[ws[i].end:], q)
	if close < 0 || close > 400 {
		return false
	}
	head := t[max(0, open-48):open]
	for _, m := range exampleMarkers {
		if k := strings.LastIndex(head, m); k >= 0 && (k == 0 || !wordByte(head[k-1])) {
			return true
		}
	}
	return false
}
