package poisoning

// In an API's documentation "send" is what the caller does with a field
// of the request: "always send proper tcVersionID", "for `archive` send
// `archive_path`", "include `from` and `segmentId`". A verb of sending
// whose object, within five words, is one of the tool's own parameters
// (or one item of a list parameter: "at least 1 valid step" of `steps`)
// puts that value in the call, and sends it nowhere else; with a place
// after it ("send the token to the log", "upload it into …", "to
// ops@…"), or no parameter for its object, it is a sending as before.
// "To" before a bare verb ("to identify which version") is the order's
// purpose, not a place.

// sendsOwnParam reports whether the verb of sending ws[k] has one of the
// tool's own parameters as its object within five words, and no
// destination in its sentence after it (placeWord).
func (e *evidence) sendsOwnParam(t string, ws []span, k int) bool {
	param := false
	for j := k + 1; j < len(ws) && j <= k+8; j++ {
		if sentenceBetween(t, ws, j-1, j) {
			break
		}
		w := t[ws[j].start:ws[j].end]
		if placeWord(t, ws, j) {
			return false
		}
		if j <= k+5 && (e.ownParam(w) || e.ownParam(w+"s")) {
			param = true
		}
	}
	return param
}

// placeWord reports whether ws[j] opens a place something is sent to:
// "into", "via", "out", "outside", "onto", "towards", or "to" before a
// determiner, a possessive or an address ("to the log", "to your
// server", "to ops@corp.io", "to https://…").
func placeWord(t string, ws []span, j int) bool {
	switch t[ws[j].start:ws[j].end] {
	case "into", "via", "out", "outside", "onto", "towards":
		return true
	case "to":
	default:
		return false
	}
	if j+1 >= len(ws) {
		return true
	}
	next := t[ws[j+1].start:ws[j+1].end]
	if determiners[next] || possessives[next] || next == "our" || next == "some" || next == "all" {
		return true
	}
	end := ws[j+1].end
	return end < len(t) && (t[end] == '@' || t[end] == ':' || t[end] == '.' && end+1 < len(t) && t[end+1] != ' ')
}
