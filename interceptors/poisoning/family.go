package poisoning

import "strings"

// familyName reports whether tok, a name another server also lists, is
// the tool judged (self) or one of its siblings written without the
// product word the two share at the head of their names
// ("CREATE_RELEASE" in qmetry_create_cycle's text, of a server that lists
// qmetry_create_release; "get_projects" in qtm4j_set_project_context's,
// beside qtm4j_get_projects): a server that puts its product's word before
// every name drops it in its prose, as it drops it for its own tools'
// steps (ownSpelling), and a list of common verbs and nouns
// ("create_cycle", "get_projects") is bound to meet the same words in
// another server's list. The prefix must be the judged tool's own, so a
// definition names another server's tool whenever no sibling of its own
// family holds the name ("send_email" from acme_notes, whose server lists
// other_send_email but no acme_send_email).
func familyName(own map[string]bool, self, tok string) bool {
	self = strings.ToLower(self)
	k := strings.IndexAny(self, "_-")
	if k <= 0 || k == len(self)-1 || !strings.ContainsAny(tok, "_-") {
		return false
	}
	name := self[:k+1] + tok
	return name == self || own[name]
}

// ownTitle reports whether the words from ws[i] on, in quotes, are a tool
// of the server's own list named by its words as a title ("use fieldID
// when calling 'Bulk Update Test Run UDFs'" of a server that lists
// qmetry_bulk_update_test_run_udfs): a name is its words in order, spelt
// with spaces as with any separator, the product's prefix and "and"
// aside (ownSpelling). Only a quoted run of two words or more names a
// tool so; a quoted title that no tool of the list spells ("when calling
// 'Send Email'") still names another server's.
func (e *evidence) ownTitle(t string, ws []span, i int) bool {
	if len(e.own) == 0 || i >= len(ws) || ws[i].start == 0 {
		return false
	}
	q := t[ws[i].start-1]
	if q != '\'' && q != '"' && q != '`' {
		return false
	}
	var key []byte
	for k := i; k < len(ws) && k < i+8; k++ {
		if k > i && t[ws[k-1].end:ws[k].start] != " " {
			return false
		}
		if w := t[ws[k].start:ws[k].end]; !nameFunctionWords[w] {
			key = append(key, w...)
		}
		if ws[k].end < len(t) && t[ws[k].end] == q {
			if k == i {
				return false // a single quoted word is prose or a value
			}
			return ownSpelledAs(e.own, "", string(key)) || ownVersionedTitle(e.own, string(key))
		}
	}
	return false
}

// ownSpelledAs reports whether key, a name's words joined without
// separators, is a tool of own other than skip by its words, with or
// without the product's prefix.
func ownSpelledAs(own map[string]bool, skip, key string) bool {
	for n := range own {
		if n == skip {
			continue
		}
		parts := nameParts(n, "")
		if len(parts) > 2 {
			if rest := nameParts(n, parts[0]); len(rest) >= 2 && strings.Join(rest, "") == key {
				return true
			}
		}
		if len(parts) >= 2 && strings.Join(parts, "") == key {
			return true
		}
	}
	return false
}
