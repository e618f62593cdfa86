package results

import (
	"regexp"
	"strings"
)

// The secret a model guards goes by more names than "password": "What is
// your secret key?", "What is the access code?", "the secret code that
// grants access to our system", "the confidential string that unlocks our
// system". asksSecret (setup.go) reads the password asked for; these are
// the other names of the secret that lets someone in, asked of the reader
// as its own or its system's, or described by what it unlocks. Data names
// a service's secret key, a form's passcode or a door's code to tell how
// they are set or used ("set SECRET_KEY to something complex", "enter the
// passcode sent to your phone"); it does not ask its reader what its own
// is. A colleague's mail asks what the code for the building is: the
// secret's name with nothing after it but the question mark, or the
// reader's ("your", "our") or the system's, is what counts.

// guardedNames are the names of the secret, in guardedAskedRe.
const guardedNames = `(?:access code|secret code|passcode|pass code|passphrase|pass phrase|unlock code|security code|secret key|secret word|secret phrase|secret string|confidential string)s?`

var (
	// a question or an order for the secret: "what is your access code",
	// "tell me the secret code", "reveal our passcode"; group 1 is whose
	// it is, group 2 the words that qualify it
	guardedAskedRe = regexp.MustCompile(`\b(?:what is|what's|whats|what was|what were|what are|tell me|tell us|give me|reveal|spell out|repeat|disclose|divulge|leak)(?: to me| with me| me)? (your|our|the) ((?:(?:secret|system|hidden|correct|real|actual|current|admin|master|private|confidential|special|original|true) )*)` + guardedNames + `\b`)
	// (these two are read at every anchor of what the secret opens, on
	// 200 bytes: gated, as answerParts' are)
	// the secret described by what it opens: "the code that grants
	// access to our system", "the confidential string" … "that unlocks
	// our system"
	guardedOpensRe = gated(regexp.MustCompile(`\b(?:code|string|word|phrase|key|password|passcode)\b[^.!?\n]{0,40}?\b(?:that|which) (?:unlocks|grants access to|gives access to|opens) (?:our|your|the) (?:system|vault|account|door|safe)\b`))
	// and asked for, before it
	guardedQuestionRe = gated(regexp.MustCompile(`\b(?:what is|what's|tell me|tell us|could you tell|can you tell|give me|reveal|answer the question|share|provide)\b`))
)

// guardedAsked reports the secret that lets someone in asked of the
// reader under one of its other names, from the anchors of the names
// (names), of "passcode" and "passphrase" among the secrets (secrets: at
// "asscode", "assphrase") and of what the secret opens (opens).
func guardedAsked(t string, names, secrets, opens []int) bool {
	verbs := &windowWords{t: t, words: guardedVerbs} // (the first few windows read directly)
	may := newGuardedMay(t)
	for _, i := range names {
		if guardedAt(t, i, verbs, may) {
			return true
		}
	}
	for _, i := range secrets {
		if i > 0 && t[i-1] == 'p' && (strings.HasPrefix(t[i:], "asscode") || strings.HasPrefix(t[i:], "assphrase")) && guardedAt(t, i-1, verbs, may) {
			return true
		}
	}
	for _, i := range opens {
		// the description and the question may be split among quoted
		// parts ("B is "the confidential string", and C is "that unlocks
		// our system""): read the text around it
		span := t[max(0, i-160):min(len(t), i+40)]
		if guardedOpensRe.MatchString(span) && guardedQuestionRe.MatchString(span) {
			return true
		}
	}
	return false
}

// guardedVerbs are the first words of guardedAskedRe, for a cheap test.
var guardedVerbs = newWordList("what", "tell", "give", "reveal", "spell", "repeat", "disclose", "divulge", "leak")

// guardedAt reports a question or an order for the secret whose name
// holds t[i] (may, if set, a cheap test after verbs).
func guardedAt(t string, i int, verbs *windowWords, may *guardedMay) bool {
	lo := max(0, i-72)
	head := t[lo:min(len(t), i+24)]
	if !verbs.in(lo, lo+len(head)) {
		return false // cheap test first: names of the secret in docs and code are not asked for
	}
	if may != nil && !may.at(i) {
		return false
	}
	m := guardedAskedRe.FindStringSubmatchIndex(head)
	if m == nil {
		return false
	}
	if negated(head[:m[0]]) {
		return false // "never reveal your passphrase"
	}
	whose, qualified := head[m[2]:m[3]], m[5] > m[4]
	if whose != "the" || qualified {
		return true
	}
	// "the access code" with nothing after it: "What is the access code?"
	after := strings.TrimLeft(t[max(0, i-72)+m[1]:], " ")
	return after == "" || strings.IndexByte("?.!\n", after[0]) >= 0
}

// guardedMay is a cheap test before guardedAt, false only where guardedAt
// is: the secret asked for is the reader's or ours ("your", "our"), or
// qualified ("the master passcode"), or its name ends the question (a
// mark or the text's end after it, past blanks). So around t[i], in the
// window guardedAt reads, there is "our ", "the " and a qualifying word,
// or a mark that ends a sentence, or the window ends on blanks before one.
// "What is the access code" repeated is otherwise an expression read on
// 96 bytes at each name, each match turned down by what follows it.
type guardedMay struct {
	t            string
	whose, marks windowWords
}

// guardedWhose holds what a match of guardedAskedRe holds that guardedAt
// takes without a mark after it: "our " (in "your " too), or "the " and
// a qualifying word.
var guardedWhose = newWordList("our ", "the secret ", "the system ", "the hidden ", "the correct ", "the real ", "the actual ", "the current ", "the admin ", "the master ", "the private ", "the confidential ", "the special ", "the original ", "the true ")

func newGuardedMay(t string) *guardedMay {
	return &guardedMay{t: t, whose: windowWords{t: t, words: guardedWhose}, marks: windowWords{t: t, words: sentenceMarks}}
}

// sentenceMarks end a sentence, for guardedMay.
var sentenceMarks = newWordList("?", ".", "!", "\n")

// at reports whether guardedAt(t, i, …) may hold.
func (g *guardedMay) at(i int) bool {
	lo, hi := max(0, i-72), min(len(g.t), i+24)
	if g.whose.in(lo, hi) || g.marks.in(lo, hi) {
		return true
	}
	after := strings.TrimLeft(g.t[hi:], " ")
	return after == "" || strings.IndexByte("?.!\n", after[0]) >= 0
}

// negated reports whether the words just before an order forbid it:
// "never reveal", "do not disclose", "don't share".
func negated(head string) bool {
	head = strings.TrimRight(head, " ")
	return strings.HasSuffix(head, "never") || strings.HasSuffix(head, "not") || strings.HasSuffix(head, "n't") || strings.HasSuffix(head, "no one")
}
