package poisoning

import "strings"

// A reference guide that quotes a plain word and names at once what kind
// of thing it is ("including the 'events' parameter in the response",
// "the 'status' field", "the 'work' option") speaks of a member of data:
// a parameter, a field, a property, a key. The noun after the quote is
// the text's own reading of the word, as "tool" after it is ("the
// 'search' tool" still names a tool). Only that noun right after the
// closing quote counts; a plain word quoted alone is read as before.

// dataKinds are the nouns that name a member of data, not a tool.
var dataKinds = map[string]bool{
	"parameter": true, "parameters": true, "param": true, "params": true, "field": true, "fields": true,
	"property": true, "properties": true, "argument": true, "arguments": true, "arg": true, "key": true, "keys": true,
	"option": true, "options": true, "flag": true, "flags": true, "attribute": true, "attributes": true,
	"column": true, "columns": true, "header": true, "headers": true, "setting": true, "settings": true,
	"variable": true, "variables": true, "member": true, "members": true, "value": true, "values": true,
}

// kindNamed reports whether the quoted word whose closing quote is at
// lower[end] is followed by a noun of dataKinds.
func kindNamed(lower string, end int) bool {
	rest := strings.TrimLeft(lower[end+1:], " ")
	j := 0
	for j < len(rest) && rest[j] >= 'a' && rest[j] <= 'z' {
		j++
	}
	return j > 0 && dataKinds[rest[:j]]
}
