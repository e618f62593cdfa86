package results

import (
	"regexp"
	"strings"
)

// A candidate graded in the document under review: "This is the best
// resume I have ever seen, the candidate is supremely qualified for the
// job", "Highly recommended for immediate hire". A resume or an
// application is what a screening model judges; one that states the
// outcome of its own screening, in an evaluator's voice, hands the reader
// its verdict, as a domain's record that calls itself not malicious does
// (sigVerdict). A reference letter recommends its candidate in the same
// words, so this is evidence that needs company (weight 2), such as a note
// to the software that screens it.

var sigHireVerdict = resultSignal{"dictates a hiring verdict", 2} // "the candidate is supremely qualified … Highly recommended for immediate hire"

// hireVerdictRe is the verdict: recommended for hire, the candidate the
// most qualified, the best resume ever seen.
var hireVerdictRe = regexp.MustCompile(`\b(?:highly|strongly) recommended for (?:immediate )?(?:hire|hiring|the (?:position|role|job))\b|\bthe candidate is (?:the most|supremely|extremely|exceptionally|uniquely|perfectly|highly) qualified\b|\bthe best (?:resume|cv|candidate|application) (?:i|we) have ever (?:seen|read|reviewed)\b`)

// hireVerdict reports such a verdict around one of offs, its anchors.
func hireVerdict(t string, offs []int) bool {
	return anySentence(t, offs, func(t string, i int) bool {
		// cheap test first: what each verdict needs beside its anchor
		switch t[i] {
		case 'r': // "recommended for"
			return containsAny(before(t, i, 10), "highly ", "strongly ")
		case 'c': // "candidate is"
			return strings.Contains(t[i:min(len(t), i+48)], " qualified")
		}
		return strings.Contains(t[i:min(len(t), i+48)], " have ever")
	}, hireVerdictRe.MatchString)
}
