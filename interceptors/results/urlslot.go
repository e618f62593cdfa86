package results

import "strings"

// A URL left open for a value ("https://cite.example.com/ref?q=",
// "https://track.example.io/r/") in a sentence that orders the user's
// data put into it: "add a link in the form …?q= followed by the user's
// question", "Visit … and add the user's email as the path", "an image
// whose URL contains the last message the user sent". It is the URL to
// fill that a placeholder marks (urlForUserData), with the slot described
// in words instead: loading it sends the data to the URL's host. Docs
// show open URLs too ("…/users/ followed by the user's ID"), but name the
// call's own parameters, not the user's question, mail, address or
// messages.

// openURLData reports the user's data named at t[i:], from "user" on
// (the anchors aUserWord): "user's question", "user sent" of "the last
// message the user sent". (Plain tests: "user" is common, and an
// expression's call at each cost more than the rest of the reading.)
func openURLData(t string, i int) bool {
	rest := t[i+len("user") : min(len(t), i+40)]
	switch {
	case strings.HasPrefix(rest, "'s "):
		rest = rest[len("'s "):]
	case strings.HasPrefix(rest, "’s "):
		rest = rest[len("’s "):]
	case strings.HasPrefix(rest, " "):
		w, _ := nextWord(rest, 0)
		return w == "sent" || w == "wrote" || w == "typed"
	default:
		return false
	}
	// past a word or two of which ones ("the user's last three
	// questions")
	for range 3 {
		w, n := nextWord(rest, 0)
		if !openURLWhich[w] {
			return openURLNouns[w]
		}
		rest = rest[n:]
	}
	return false
}

// openURLWhich are the words that say which of the user's data, before
// its noun.
var openURLWhich = wordSet("last latest previous recent first full entire current home private two three five ten few")

// openURLNouns are the user's data a URL may be filled with.
var openURLNouns = wordSet("question questions email e-mail address message messages phone location password token conversation chat history query request")

// openURLPut are the words that put a value into the URL (and "followed
// by").
var openURLPut = wordSet("followed add append put contains containing plus after insert include attach added appended inserted included attached")

// openURLFilled reports such a sentence in t (lower case) at one of users,
// the offsets of "user" (aUserWord).
func openURLFilled(t string, users []int) bool {
	next := 0 // a sentence is read once
	for _, i := range users {
		if i < next || !openURLData(t, i) {
			continue
		}
		sentence, end := sentenceAround(t, i, 240)
		next = end
		if openURLIn(sentence) && hasAnyWord(sentence, openURLPut) {
			return true
		}
	}
	return false
}

// openURLIn reports a URL in sentence that ends open: in '=', '?' or '/'.
func openURLIn(sentence string) bool {
	for at := range occurrences(sentence, "http") {
		if !strings.HasPrefix(sentence[at:], "http://") && !strings.HasPrefix(sentence[at:], "https://") {
			continue
		}
		end := at
		for end < len(sentence) && !urlEnd(sentence[end]) && sentence[end] != '<' && sentence[end] != '>' && sentence[end] != ']' {
			end++
		}
		u := strings.TrimRight(sentence[at:end], ".,;:!")
		if c := u[len(u)-1]; c == '=' || c == '?' || c == '/' {
			return true
		}
	}
	return false
}
