package poisoning

import "strings"

// enumStateName reports whether s, at path, is one word among the values
// of a parameter's enum ("suspended" in a user query's
// ["active", "new", "staff", "suspended", "silenced"]): such a value
// names a state or a choice the parameter takes, and a cue of one word
// there ("suspended", "elevated") names that state, never an order. A
// value with a space, a digit or any mark but "_" and "-" is read as any
// text is, so an order ("ignore previous instructions"), an encoded run
// or a path put in an enum still counts.
func enumStateName(path []string, s string) bool {
	if len(path) < 2 || path[len(path)-2] != ".enum" || !strings.HasPrefix(path[len(path)-1], "[") {
		return false
	}
	if len(s) == 0 || len(s) > 24 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
