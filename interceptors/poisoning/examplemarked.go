package poisoning

import "strings"

// A word quoted right after "e.g." or "for example" ("Account nickname(s)
// to query (e.g., 'work' or ['work', 'personal'])") is a sample of the
// value the text describes: the writer marks it as one of many a user
// might give. A name of another server's tool so quoted is data, as it is
// in a JSON example (exampleValue); after a verb of calling ("call
// 'search' first") or with "tool" after it, it still names the tool.

// exampleMarks end the words that mark what follows as an example.
var exampleMarks = []string{"e.g.", "e.g", "eg.", "for example", "for instance", "example:", "examples:", "ex:"}

// exampleMarked reports whether the quote at lower[q] stands right after
// an example mark (commas, colons and spaces between).
func exampleMarked(lower string, q int) bool {
	before := strings.TrimRight(lower[:q], " ,:")
	for _, m := range exampleMarks {
		m = strings.TrimRight(m, ":")
		if strings.HasSuffix(before, m) {
			k := len(before) - len(m)
			return k == 0 || !nameTab[before[k-1]] || before[k-1] == '.'
		}
	}
	return false
}
