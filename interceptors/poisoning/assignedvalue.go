package poisoning

import "strings"

// A word quoted as the value assigned to a named argument in an example
// call (`searchType="files", pattern="auth"`) is the argument's value,
// data the model would pass, as a JSON member's value is (exampleValue).
// The key before "=" must be a name of code; a key that names what to
// call ("tool=", "name=", "function=") holds a tool's name and still
// counts.

// assignedValue reports whether the quote at lower[q] opens the value of
// an assignment `key=` (spaces allowed around "=").
func assignedValue(lower string, q int) bool {
	before := strings.TrimRight(lower[:q], " ")
	if !strings.HasSuffix(before, "=") || strings.HasSuffix(before, "==") {
		return false
	}
	before = strings.TrimRight(before[:len(before)-1], " ")
	i := len(before)
	for i > 0 && nameTab[before[i-1]] && before[i-1] != '.' {
		i--
	}
	key := before[i:]
	return key != "" && !callKey(key)
}
