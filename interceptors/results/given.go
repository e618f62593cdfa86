package results

import (
	"regexp"
	"strings"
)

// A task set on the text as its input: "Translate the given text to
// Danish", "Identify every adverb in the subsequent text", "Optimize
// conjunction use in the text to follow". That is how a task statement
// speaks of the data it hands over; data does not call itself "the given
// text", and a page that tells a person to copy "the following text" uses
// the word manuals use. The order has to open its sentence on a verb in
// the imperative: a doc comment describes a function in the third person
// ("Parses a reference in the given text"), a docstring that opens on the
// imperative ("""Return the given text …) stays out, and a statement
// about the text ("The given text is UTF-8") has no verb first.

var sigGivenTask = resultSignal{"sets a task on the text it is given", 4} // "Translate the given text to Danish."

// givenTextRe names the text handed over: "the given text", "the
// subsequent passage", "the text to follow", "this text segment".
var givenTextRe = regexp.MustCompile(`\b(the (given|subsequent) ` + textNouns + `|the ` + textNouns + ` to follow|(this|the) ` + textNouns + ` segment)\b`)

// notVerbs are the words that open a sentence about the text rather than
// an order: articles, pronouns, prepositions, conjunctions.
var notVerbs = wordSet("the this that these those a an it its we you i they he she our your my their in on for if when to with from by of as at all each every no not and or but so then here there what which who how where why is are was were be will can may must should would could does do")

// givenTextTask reports a sentence that opens on a verb in the
// imperative and sets a task on the text it is given (offs are the
// anchors of the names of that text).
func givenTextTask(s, t string, offs []int) bool {
	next := 0 // the end of the sentence read last
	for _, i := range offs {
		if i < next || !textNamedAt(t, i) {
			continue // cheap test first: the text is named at the anchor
		}
		sentence, end := sentenceAround(t, i, 200)
		next = end
		start := end - len(sentence)
		for start < end && (t[start] == ' ' || t[start] == '\t') {
			start++
		}
		verb := start
		if strings.HasPrefix(t[start:], "please ") {
			verb += len("please ")
		}
		m := givenTextRe.FindStringIndex(t[verb:end])
		if m == nil || m[0] > 120 || !imperativeAt(s, t, start, verb) {
			continue
		}
		return true
	}
	return false
}

// textNounWords are the words of textNouns.
var textNounWords = wordSet("email emails e-mail e-mails mail message messages article articles text texts passage passages document documents page pages web webpage webpages post posts content paragraph paragraphs letter letters review reviews note notes story report tweet tweets comment comments thread conversation sentence sentences snippet")

// textNamedAt reports whether the anchor at t[i] names a text: the word
// after "the given " or "the subsequent ", the word before " to follow"
// or " segment".
func textNamedAt(t string, i int) bool {
	for _, a := range []string{"the given ", "the subsequent "} {
		if strings.HasPrefix(t[i:], a) {
			w := i + len(a)
			e := w
			for e < len(t) && (isLetter(t[e]) || t[e] == '-') {
				e++
			}
			return textNounWords[t[w:e]]
		}
	}
	return textNounWords[lastWord(t, i)]
}

// imperativeAt reports whether the sentence at t[at] (not a docstring)
// opens, after "please" if it is there (the word at t[verb]), on what can
// be a verb in the imperative: not a function word, not inflected
// ("parses", "returned", "using").
func imperativeAt(s, t string, at, verb int) bool {
	head := before(t, at, 8)
	if strings.HasSuffix(head, `"""`) || strings.HasSuffix(head, "'''") || !opensRequest(s, t, at) {
		return false
	}
	word := lowerWordAt(t, verb)
	w := verb + len(word)
	if len(word) < 3 || w < len(t) && t[w] != ' ' || notVerbs[word] {
		return false
	}
	if strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss") || strings.HasSuffix(word, "ed") || strings.HasSuffix(word, "ing") {
		return false
	}
	return true
}
