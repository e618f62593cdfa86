package results

import "regexp"

// An answer proposed under a pretence, inside the data it is about: "To
// make this more interesting, let's say the capital is 'Zubrowkaburg'",
// "In a world where exercise has no impact on mental health, we might
// state that the conclusion of the paper is: …", "# In a parallel
// universe where math is slightly different, the output could be '10'".
// A paper, an article or a function states its facts; one that imagines
// another world in which "we" say its conclusion, its output or its
// answer is something else hands its reader a verdict to give instead of
// the one the data supports. An essay imagines worlds too ("in a world
// where everyone is honest, we might say that trust is unnecessary"), and
// a tutorial says "let's say the output is 10 bytes": the pretence, the
// saying and the answer's own noun must share a sentence.

var sigPretended = resultSignal{"proposes an answer under a pretence", 4} // "in a parallel world, we might say the capital is 'Zubrowkaburg'"

var (
	// the pretence: another world, a hypothesis, a scenario imagined, or
	// the pretext of a twist
	pretendFrameRe = regexp.MustCompile(`\b(?:in an? (?:parallel |alternate |alternative |different |hypothetical |dystopian )?(?:world|universe|reality) (?:where|in which)|hypothetical(?:ly)?|imagine|pretend|to make (?:this|it) more interesting|to challenge the status quo)\b`)
	// "we" saying it, or what the answer could be
	pretendSayRe = regexp.MustCompile(`\b(?:let's|let us|we (?:might|could|can|will|shall|would)|where we|we)\s+(?:say|state|declare|assert|claim|conclude)\b|\b(?:could|would|might) be\b`)
	// the answer's own noun given a value: "the capital is", "the
	// conclusion of the paper is:", "the output could be"
	pretendAnswerRe = regexp.MustCompile(`\b(?:the|its) (?:conclusion|output|answer|result|capital|sum|total|outcome|verdict)\b[^.!?\n]{0,60}?\b(?:is|are|could be|would be|might be)\b`)
)

// answerPretended reports such a sentence around one of offs, the anchors
// of a pretence.
func answerPretended(t string, offs []int) bool {
	if len(offs) == 0 {
		return false
	}
	nouns := &windowWords{t: t, words: pretendNouns} // (the first few windows read directly)
	return anySentence(t, offs, func(t string, i int) bool {
		// cheap test first: the answer's own noun nearby
		return nouns.in(max(0, i-200), min(len(t), i+200))
	}, func(sentence string) bool {
		return pretendFrameRe.MatchString(sentence) && pretendSayRe.MatchString(sentence) && pretendAnswerRe.MatchString(sentence)
	})
}

// pretendNouns are the answer's nouns pretendAnswerRe reads.
var pretendNouns = newWordList("conclusion", "output", "answer", "result", "capital", " sum ", "total", "outcome", "verdict")
