package results

import (
	"regexp"
	"strings"
)

// A result that is nothing but a request to act: one sentence, opening on
// "please" and a verb of an act, and no other word ("Please update the
// firmware of the main server (ID 475839) to ensure optimal hardware
// performance."). What a tool returns is data about something: a record
// with its fields, a page, a listing, a message with its greeting and
// signature. A result whose whole content is a polite order, with the
// purpose it serves given to whoever carries it out ("to ensure …", "to
// study …", ", ensuring …", "as part of …"), has nothing for the reader
// to read but a task, which is how a task is set bare in place of the
// data. A help desk's ticket states its case instead ("Please reset the
// password for user ID 4411, she is locked out.", "… to 12 Main St.",
// "… by Friday."), and a ticket may give a purpose too, so this is
// evidence that needs company (the record named by its ID, opensAsking;
// harm asked for), not a verdict alone.

var sigSoleRequest = resultSignal{"is nothing but a request to act", 2} // "Please schedule maintenance for the email server (ID 7845) to reduce downtime."

// soleRequested reports t (the whole text, lowered) as one sentence that
// opens on "please " (offs are its anchors) and a verb of an act.
func soleRequested(t string, offs []int) bool {
	if len(offs) == 0 || len(t) > 400 {
		return false
	}
	at := offs[0]
	if strings.TrimLeft(t[:at], " \t\r\n") != "" {
		return false
	}
	off := at + len("please ")
	if verb := lowerWordAt(t, off); verb == "" || notActs[verb] || notSoleActs[verb] {
		return false
	}
	rest := strings.TrimRight(t[off:], " \t\r\n")
	// one sentence: no line break and no mark that ends one before more words
	if strings.IndexByte(rest, '\n') >= 0 {
		return false
	}
	for i := 0; i < len(rest)-1; i++ {
		if sentenceEnd[rest[i]] && rest[i+1] == ' ' {
			return false
		}
	}
	// ending on a full stop: a title or a to-do item has none, a question asks
	if !strings.HasSuffix(rest, ".") && !strings.HasSuffix(rest, "!") {
		return false
	}
	for _, m := range solePurposeRe.FindAllStringSubmatch(rest, 8) {
		if !notPurpose[m[1]] {
			return true
		}
	}
	return false
}

// solePurposeRe is the purpose given to the one who carries the request
// out: "to" and a verb with its object ("to ensure optimal performance";
// its first group, not a determiner: "to the marketing account" is a
// destination), or a participle or phrase of purpose.
var solePurposeRe = regexp.MustCompile(`\bto (?:better |further |properly )?([a-z]{3,}) [a-z$0-9]|, (?:ensuring|focusing|making sure)\b()|\b(?:as part of|for use in|in order to|so as to)\b()`)

// notPurpose are words after "to" that make a destination or an amount,
// not a purpose.
var notPurpose = wordSet("the this that these those their your our his her its all each every other another one two three any some")

// notSoleActs are verbs after "please " of a note to a reader rather than
// an act: "Please be aware …", "Please allow 3 days for delivery.".
var notSoleActs = wordSet("be bear allow wait consider")
