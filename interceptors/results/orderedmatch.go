package results

import "regexp"

// orderedMatch reports whether re matches s from a start p where
// ordered(s[:p]) holds, as restarting re's search one byte past each
// match does: re's leftmost match first (none, nothing more to read),
// then each later word start that opens with one of verbs (every match
// of re opens with one), the order before it checked before anchored,
// re tried there. Restarting the search would read the rest of s again
// at each match.
func orderedMatch(s string, re, anchored *regexp.Regexp, verbs []string, ordered func(head string) bool) bool {
	m := re.FindStringIndex(s)
	if m == nil {
		return false
	}
	if ordered(s[:m[0]]) {
		return true
	}
	for p := m[0] + 1; p < len(s); p++ {
		if isWordByte(s[p-1]) || !hasPrefixAny(s[p:], verbs...) {
			continue
		}
		if ordered(s[:p]) && anchored.MatchString(s[p:]) {
			return true
		}
	}
	return false
}

// anchoredRe is re matched only at the start of the text.
func anchoredRe(re *regexp.Regexp) *regexp.Regexp {
	return regexp.MustCompile(`^(?:` + re.String() + `)`)
}

// isWordByte reports an ASCII word byte, as \b reads them.
func isWordByte(c byte) bool {
	return isLetter(c) || c >= '0' && c <= '9' || c == '_'
}
