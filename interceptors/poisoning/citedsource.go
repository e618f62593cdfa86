package poisoning

// A reference guide names other tools as the place a value is looked up:
// "The `field_name` must be a dimension, as defined in the
// `get_standard_dimensions` and `get_dimensions` tools", "an ID as
// returned by list_projects". Such a name says where the allowed values
// are defined or come from; it orders nothing done with that tool, nor
// with this one around it. A name after "defined in", "returned by",
// "listed by" and the like (a participle of defining, listing or
// returning and its preposition, with only other names, "the" and "and"
// or "or" between) is read as that reference and not as a mention of
// another server's tool; any order in the sentence is still scored, and
// the same name after a verb of calling ("call get_dimensions first")
// still counts.

// citeWords are the participles of where a value is defined or comes from.
var citeWords = map[string]bool{
	"defined": true, "returned": true, "listed": true, "documented": true, "described": true,
	"specified": true, "reported": true, "provided": true, "given": true, "exposed": true,
}

// citedAsSource reports whether the name starting at lower[start] stands
// after a citation ("defined in", "returned by"), in its clause, within a
// few words.
func citedAsSource(lower string, start int) bool {
	i := start
	words := 0
	for words < 8 {
		// step back over separators; a clause ends at a sentence mark
		for i > 0 {
			b := lower[i-1]
			if b == ' ' || b == '`' || b == '\'' || b == '"' || b == ',' {
				i--
				continue
			}
			if b == '.' || b == ';' || b == ':' || b == '!' || b == '?' || b == '(' || b == ')' || b == '\n' {
				return false
			}
			break
		}
		if i == 0 {
			return false
		}
		j := i
		for j > 0 && nameTab[lower[j-1]] {
			j--
		}
		if j == i {
			return false // a character that is neither a word nor a separator
		}
		w := lower[j:i]
		switch {
		case w == "in" || w == "by" || w == "from":
			// the preposition: the participle must stand right before it
			k := j
			for k > 0 && lower[k-1] == ' ' {
				k--
			}
			m := k
			for m > 0 && nameTab[lower[m-1]] {
				m--
			}
			return m < k && citeWords[lower[m:k]]
		case w == "the" || w == "and" || w == "or" || w == "tool" || w == "tools":
		default:
			if !identifierLike(w) {
				return false
			}
		}
		i = j
		words++
	}
	return false
}

// identifierLike reports whether w is written as a name of code (with an
// underscore, a hyphen or a dot inside), as other tools' names are.
func identifierLike(w string) bool {
	for k := 1; k < len(w)-1; k++ {
		if w[k] == '_' || w[k] == '-' || w[k] == '.' {
			return true
		}
	}
	return false
}
