package poisoning

// optionName reports whether the word ws[i] of t is written as a
// command-line option ("agate --content DIR", "curl --upload-file"): the
// name of a flag in a command line that a manual shows, not a verb of
// sending addressed to the reader, so it pairs with no secret and no
// address near it.
func optionName(t string, ws []span, i int) bool {
	s := ws[i].start
	return s >= 2 && t[s-1] == '-' && t[s-2] == '-'
}
