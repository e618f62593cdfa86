package poisoning

import "strings"

// A vendor documents the order of its own tools as a chain of steps:
// "**Workflow:** create-event (if needed) → create-automation (if
// needed) → send-event". A step of that chain, spelt in the server's own
// naming (each word of it a word of the server's own tool names, joined
// by the same separator) and next to a step the server lists, is one of
// its own tools, or one it used to list under that name; another
// server's tool with the same words is not what the chain speaks of. A
// name spelt another way ("read_file → send-event" of a server whose
// names are hyphenated), a word the server never uses in its names, or a
// name outside a chain of its own steps, still names another server's
// tool.

// ownChainStep reports whether the name lower[start:end] is a step of a
// chain (→ or ->) whose step before or after it is a tool of own, and is
// spelt with the words and separator of own's names.
func ownChainStep(lower string, start, end int, own map[string]bool) bool {
	if len(own) == 0 {
		return false
	}
	tok := lower[start:end]
	sep := byte('-')
	if strings.IndexByte(tok, '_') >= 0 {
		sep = '_'
	}
	if strings.IndexByte(tok, sep) < 0 || strings.IndexByte(tok, sep^('-'^'_')) >= 0 {
		return false
	}
	words := map[string]bool{}
	for n := range own {
		if strings.IndexByte(n, sep) < 0 {
			continue
		}
		for _, w := range strings.Split(strings.ToLower(n), string(sep)) {
			words[w] = true
		}
	}
	for _, w := range strings.Split(tok, string(sep)) {
		if !words[w] {
			return false
		}
	}
	return own[chainNeighbour(lower[end:], false)] || own[chainNeighbour(lower[:start], true)]
}

// chainNeighbour returns the step next to a name across an arrow: in s
// after it (back false) or before it (back true), a note in parentheses
// ("(if needed)") passed over.
func chainNeighbour(s string, back bool) string {
	skipNote := func(s string) string {
		if back {
			s = strings.TrimRight(s, " ")
			if strings.HasSuffix(s, ")") {
				if k := strings.LastIndexByte(s, '('); k >= 0 {
					s = s[:k]
				}
			}
			return strings.TrimRight(s, " ")
		}
		s = strings.TrimLeft(s, " ")
		if strings.HasPrefix(s, "(") {
			if k := strings.IndexByte(s, ')'); k >= 0 {
				s = s[k+1:]
			}
		}
		return strings.TrimLeft(s, " ")
	}
	if back {
		s = skipNote(s)
		var ok bool
		if s, ok = strings.CutSuffix(s, "→"); !ok {
			if s, ok = strings.CutSuffix(s, "->"); !ok {
				return ""
			}
		}
		s = skipNote(s)
		i := len(s)
		for i > 0 && nameTab[s[i-1]] && s[i-1] != '.' {
			i--
		}
		return s[i:]
	}
	s = skipNote(s)
	var ok bool
	if s, ok = strings.CutPrefix(s, "→"); !ok {
		if s, ok = strings.CutPrefix(s, "->"); !ok {
			return ""
		}
	}
	s = strings.TrimLeft(s, " ")
	j := 0
	for j < len(s) && nameTab[s[j]] && s[j] != '.' {
		j++
	}
	return s[:j]
}
