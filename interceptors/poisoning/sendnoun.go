package poisoning

// A mail or publishing product's definitions name its own data with the
// words of sending ("the email body", "your post", "From email address",
// "email subject"): there they are nouns, the thing the tool makes or
// edits, and send nothing anywhere. A word of sending is a verb of an
// order only where it can be one: not after a determiner, a possessive or
// a preposition ("the email", "your upload", "from email address"), and
// not right before one of the tool's own parameters, which it then
// qualifies ("email html" of a tool with an `html` parameter, "email
// subject" of one with `subject`). "Email the notes to …", "and post them
// to …", "upload it to …" keep their verb.

// nounWords are the words of sending that are nouns too, in their base
// and plural forms; "send", "transmit" and the inflected verbs
// ("emailed", "uploading") are verbs only.
var nounWords = map[string]bool{
	"email": true, "emails": true, "mail": true, "mails": true, "post": true, "posts": true,
	"copy": true, "copies": true, "share": true, "shares": true, "upload": true, "uploads": true,
}

// nounLead are the words after which a word is a noun: determiners,
// possessives and prepositions ("to" is left out: "to email" is a verb).
var nounLead = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"each": true, "every": true, "any": true, "no": true, "your": true, "their": true, "its": true,
	"our": true, "my": true, "his": true, "her": true, "from": true, "of": true, "in": true,
	"per": true, "for": true, "with": true, "by": true, "on": true, "new": true, "existing": true,
}

// sendHeads are the parts of a message or a post that a word of sending
// before them qualifies ("email address", "post body", "mail server").
var sendHeads = map[string]bool{
	"address": true, "addresses": true, "account": true, "accounts": true, "body": true, "subject": true,
	"header": true, "headers": true, "content": true, "template": true, "templates": true, "list": true,
	"domain": true, "domains": true, "server": true, "provider": true, "client": true, "id": true,
	"link": true, "url": true, "notification": true, "notifications": true, "thread": true, "format": true,
}

// sendNoun reports whether the word of sending ws[k] is a noun by the
// word before it in its sentence (nounLead) or the one after it
// (sendHeads).
func sendNoun(t string, ws []span, k int) bool {
	if !nounWords[t[ws[k].start:ws[k].end]] {
		return false
	}
	if k > 0 && !sentenceBetween(t, ws, k-1, k) && nounLead[t[ws[k-1].start:ws[k-1].end]] {
		return true
	}
	return k+1 < len(ws) && t[ws[k].end:ws[k+1].start] == " " && sendHeads[t[ws[k+1].start:ws[k+1].end]]
}

// sendNamesParam is sendNoun, or the word qualifies the tool's own
// parameter named right after it in its sentence ("email html", "email
// subject").
func (e *evidence) sendNamesParam(t string, ws []span, k int) bool {
	if sendNoun(t, ws, k) {
		return true
	}
	if !nounWords[t[ws[k].start:ws[k].end]] || k+1 >= len(ws) || sentenceBetween(t, ws, k, k+1) || t[ws[k].end:ws[k+1].start] != " " {
		return false
	}
	return e.ownParam(t[ws[k+1].start:ws[k+1].end])
}
