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
