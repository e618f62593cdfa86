package poisoning

import "strings"

// A word quoted as a member's value in an object written as code, its
// key bare (`{ container_id: 'users', partition_key: 'user-456' }`, a
// JavaScript or YAML example call), is that member's value, data the
// model would pass, as it is in JSON (`"search": "test"`, exampleValue)
// and after `key=` (assignedValue). The brace still open before it shows
// the example; a key that names what to call (`tool:`, `name:`,
// `function:`) holds a tool's name and still counts, and a quoted name
// after a label of prose ("Note: 'send_email' first") has no brace.

// objectMemberValue reports whether the quote at lower[q] opens the value
// of a bare key inside an open brace.
func objectMemberValue(lower string, q int) bool {
	before := strings.TrimRight(lower[:q], " ")
	if !strings.HasSuffix(before, ":") || strings.HasSuffix(before, "::") {
		return false
	}
	before = before[:len(before)-1]
	i := len(before)
	for i > 0 && nameTab[before[i-1]] && before[i-1] != '.' {
		i--
	}
	key := before[i:]
	if key == "" || callKey(key) {
		return false
	}
	from := max(0, i-400)
	open := strings.LastIndexByte(before[from:i], '{')
	return open >= 0 && strings.IndexByte(before[from+open:i], '}') < 0
}
