package poisoning

import "strings"

// A plain word quoted as a member of data is not the name of a tool:
// the noun of a member before it ("one field: `diff`", "the key
// 'project'"), a JSON member's key (`"project": {"key": …}`) or the
// value of an attribute inside a markup element (`<meta
// name="viewport" …>`). Each is the reading of an example or a
// reference, as kindNamed is for the noun after the word.

// memberWord reports whether the word quoted from lower[q] to its
// closing quote at lower[end] is a member of data.
func memberWord(lower string, q, end int) bool {
	before := strings.TrimRight(lower[:q], " :")
	i := len(before)
	for i > 0 && before[i-1] >= 'a' && before[i-1] <= 'z' {
		i--
	}
	if i < len(before) && dataKinds[before[i:]] && (i == 0 || !nameTab[before[i-1]]) {
		return true
	}
	if lower[q] == '"' {
		if rest, ok := strings.CutPrefix(strings.TrimLeft(lower[end+1:], " "), ":"); ok {
			rest = strings.TrimLeft(rest, " ")
			if rest != "" && (strings.IndexByte(`{["-0123456789`, rest[0]) >= 0 ||
				strings.HasPrefix(rest, "true") || strings.HasPrefix(rest, "false") || strings.HasPrefix(rest, "null")) {
				return true
			}
		}
	}
	return markupAttribute(lower, q)
}

// markupAttribute reports whether the quote at lower[q] opens the value
// of an attribute (`name="…"`) of an element whose tag is still open.
func markupAttribute(lower string, q int) bool {
	before := strings.TrimRight(lower[:q], " ")
	if !strings.HasSuffix(before, "=") {
		return false
	}
	lt := strings.LastIndexByte(before, '<')
	if lt < 0 || strings.IndexByte(before[lt:], '>') >= 0 {
		return false
	}
	j := lt + 1
	for j < len(before) && before[j] >= 'a' && before[j] <= 'z' {
		j++
	}
	return j > lt+1 && j < len(before) && before[j] == ' ' && !callKey(before[lt+1:j])
}
