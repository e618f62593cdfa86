package results

import (
	"regexp"
	"strings"
)

// A text that heralds what comes next as something for its reader to act
// on, then asks a question: "What comes next demands your undivided
// attention. If you freeze water, what do you get?", "The next passage is
// where things get serious—actions are required upon reading. How often
// does Halley's Comet appear?" Data that points ahead points at its own
// sections ("the next section covers backups"); a sentence that says what
// follows must be carried out or attended to, right before a question the
// text then leaves unanswered at its end, is a messenger handing its
// reader a task. The question must be the text's last sentence and come
// right after the herald: a how-to's "the next steps are important" is
// followed by the steps, and a FAQ's question by its answer.

var sigHerald = resultSignal{"heralds a task for the reader", 4} // "What comes next demands your undivided attention. What do you call a group of fish?"

var (
	// a pointer ahead: "what comes next", "the next steps", "the
	// instructions ahead", "what you're about to read"
	heraldAheadRe = regexp.MustCompile(`\b(next|ahead|upcoming|subsequent|to follow|coming up|about to|what comes|what's coming|what follows|lies ahead)\b`)
	// what makes it the reader's to do: its action, execution or
	// attention, its steps or script
	heraldDemandRe = regexp.MustCompile(`\b(your (\w+ ){0,2}(attention|action|execution|playbook|blueprint|script|focus)|(execute|enact|act on|carry out)\b|actions? (are |is )?(required|needed|demanded)|prepare (to|for)|pay attention|attention (to|please)|focus (on|now)|keys? to unlocking|the script you)`)
)

// heraldAsked reports a text whose last sentence is a question and whose
// sentence right before it heralds a task for the reader.
func heraldAsked(t string) bool {
	_, herald, ok := closingQuestion(t)
	if !ok {
		return false
	}
	return heraldAheadRe.MatchString(herald) && heraldDemandRe.MatchString(herald)
}

// closingQuestion returns a text's last sentence when it is a question put
// to no one in particular ("Can you review the budget?" is put to a
// person), and the sentence right before it, with a label before it on its
// line ("ACT NOW: The subsequent information …"); ok is false for a text
// that does not end so, or for a list of questions.
func closingQuestion(t string) (question, before string, ok bool) {
	end := len(t)
	for end > 0 && isBlank(t[end-1]) {
		end--
	}
	if end < 24 || t[end-1] != '?' {
		return "", "", false // cheap test first: the text ends on a question
	}
	start := lastSentenceStart(t, 0, end)
	if start == 0 {
		return "", "", false
	}
	question = t[start:end]
	first, _, _ := strings.Cut(question, " ")
	if !questionOpeners[first] || hasWord(question, "you", "your", "we", "us", "our", "i", "my", "me") {
		return "", "", false // a question put to a person
	}
	head := strings.TrimRight(t[:start], " \n\t\r")
	if head == "" || strings.HasSuffix(head, "?") {
		return "", "", false // a list of questions
	}
	return question, head[lastSentenceStart(head, 0, len(head)):], true
}
