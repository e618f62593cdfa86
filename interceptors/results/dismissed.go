package results

import "regexp"

// The reader's other tools dismissed in a statement rather than forbidden
// by an order: "All other conversion tools are deprecated and should be
// ignored", "any other file servers are currently unavailable". A result
// that tells the model which of its tools it may no longer trust sends it
// to the one the writer names, as "do NOT use other tools" does
// (otherToolsForbidden, the same signal, evidence that needs company). A
// tool's own docs speak of its versions and flags ("the old flags are
// deprecated"), not of the reader's other tools as a class.

// otherDismissedRe is the reader's other tools, servers or functions as a
// class, and, a few words on, their being out of use.
var otherDismissedRe = regexp.MustCompile(`\b(?:all|any|every|the) other (?:[a-z_-]+ ){0,2}?(?:tools|servers|functions|plugins|integrations|tool|server)\b[^.?!\n]{0,30}?\b(?:(?:are|is|have been|has been|were)(?: now| currently| all| temporarily)? (?:deprecated|disabled|unavailable|offline|obsolete|unsafe|compromised|broken|untrusted|unreliable|forbidden|not (?:available|allowed|permitted|safe|trusted|to be used)|to be ignored)|(?:should|must|are to|need to) (?:be )?(?:ignored|avoided|disregarded|bypassed|not be used|never be used))\b`)

// otherToolsDismissed reports such a statement in a sentence around one of
// offs (the anchors of the words of being out of use).
func otherToolsDismissed(t string, offs []int) bool {
	return anySentence(t, offs, nil, func(sentence string) bool {
		// cheap test first: every match holds " other "
		return containsAny(sentence, " other ") && otherDismissedRe.MatchString(sentence)
	})
}
