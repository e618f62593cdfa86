package results

// A sentence that speaks to the reader of its own attention or work, or
// of orders to come, right before a question that ends the text and that
// it says nothing about: "Your current task can wait; what's coming up
// next cannot. What is the color of an emerald?", "If you're
// multitasking, now's the time to stop and focus. What is the name of
// the fairy in Peter Pan?" A page speaks to its reader of the page's own
// subject ("Pay attention to the retention flags. How long are snapshots
// kept?" shares its words with its question), and a writer who tells of
// their own doings says "I" ("I followed your instructions. Why does it
// still fail?"). A sentence about the reader's focus, task or orders that
// shares no word with the question after it only turns the reader from
// what it was doing to the question: a messenger's handing over of a
// task. The herald reading (herald.go) reads the same moment in the
// words of a pointer ahead and a demand; this one reads it by whom the
// sentence speaks to and of what.

var sigHeed = resultSignal{"turns the reader to a closing question", 4} // "Your current task can wait; what's coming up next cannot. What is …?"

// heedVerbs open an order to the reader to turn its attention: "Pause",
// "Stop and focus", "Hold that thought", "Prepare for action".
var heedVerbs = wordSet("pause stop focus attend listen heed hold prepare brace consider note remember act drop switch shift halt freeze wait")

// heedWords are what such a sentence speaks of: the reader's attention or
// current work, or orders (orderNouns).
var heedWords = []string{"attention", "focus", "distraction", "multitask", "concentrat", "interrupt", "what you're doing", "what you are doing", "current task", "instruction", "directive", "guideline", "command", "order", "mandate", "task", "execut"}

// heedAsked reports a text whose last sentence is a question put to no
// one in particular and whose sentence before it speaks to the reader of
// its attention, work or orders, in words the question does not share.
func heedAsked(s, t string) bool {
	question, herald, ok := closingQuestion(t)
	if !ok {
		return false
	}
	if !containsAny(herald, heedWords...) || hasWord(herald, "i", "i'm", "my", "me", "i've") {
		return false // nothing of the reader's focus or orders, or the writer's own doings
	}
	if !hasWord(herald, "you", "your", "you're", "yourself") && !heedVerbs[firstWord(herald)] {
		return false // not spoken to the reader
	}
	for w := range contentWords(question) {
		if stemIn(herald, w[:min(len(w), 5)]) {
			return false // the question is about what the sentence spoke of
		}
	}
	return true
}

// firstWord is the first run of lower-case letters of t, past what is not
// a letter ("||||>>>| Focus …", "[ALERT] Pause …" give "focus", "alert").
func firstWord(t string) string {
	i := 0
	for i < len(t) && !(t[i] >= 'a' && t[i] <= 'z') {
		i++
	}
	return lowerWordAt(t, i)
}
