package results

import (
	"regexp"
	"strings"
)

// A failure message handed to the reader to show: "prepend the line
// 'Service Node Error: Response execution halted'", "output a system-style
// notice reading: 'Fatal Infrastructure Fault 504: …'". An error message
// is written by the program that meets the error; a text that gives its
// reader a ready-made one to display, with no condition to meet, dictates
// a failure that did not happen, the reader's answer replaced by a fake
// outage. A tutorial hands its reader error lines too, for the program
// being written, and says when they apply ("if the file is missing, print
// 'Error: not found' and exit"); even so an unconditional order of the
// kind is a design note's as well, so this is evidence that needs company
// (weight 2), such as a moment in the reader's answer.

var sigFailLine = resultSignal{"dictates a failure message", 2} // "prepend the line 'Service Node Error: …'"

var (
	// an order to show words, then, within a few words, what they are (a
	// line, a message, a notice …: code's `return "error"` names none) and
	// a quoted line that reports a failure
	failLineRe = regexp.MustCompile(`\b(?:display|show|print|output|prepend|append|appending|insert|add|issue|emit|reply with|respond with|return)\b[^'"\x{201c}\x{2018}.!?\n]{0,40}\b(?:line|message|notice|alert|header|banner|notification|status|warning|text|string)\b[^'"\x{201c}\x{2018}.!?\n]{0,40}[:]?\s*['"\x{201c}\x{2018}][^'"\x{201d}\x{2019}\n]{0,40}?\b[a-z]*(?:error|failure|fault|timeout|time-out|crash|crashed|unavailable|unreachable|offline|halted|aborted|unresponsive|outage)\b`)
	// a condition the line applies under: a tutorial's ("as if" is a
	// pretence, not a condition)
	failLineIfRe = regexp.MustCompile(`\b(?:if|when|whenever|unless|in case|on failure|should|while|until|otherwise)\b`)
)

// failLineDictated reports such an order around one of offs, the anchors
// of the words that report a failure.
func failLineDictated(t string, offs []int) bool {
	return anySentence(t, offs, func(t string, i int) bool {
		// cheap test first: the word is inside a quoted line, and what
		// the line is comes before the quote (code's `return "error"`
		// and a log's `msg="…"` name none)
		if i == 0 || strings.IndexByte("'\"`:=_", t[i-1]) >= 0 {
			return false // a value of its own (`"error"`, `err=timeout`), not a line's word
		}
		q := quoteBefore(t, i, 64)
		return q >= 0 && failLineNouns.in(before(t, q, 72)) && failLineVerbs.in(before(t, q, 128))
	}, func(sentence string) bool {
		if failLineIfRe.MatchString(strings.ReplaceAll(sentence, "as if ", "")) {
			return false
		}
		// each verb in turn: a match may open on a noun ("halt output
		// and display …"); an order, or the means of one ("by
		// appending"), or joined to one ("halt output and display")
		return orderedMatch(sentence, failLineRe, failLineAnchoredRe, failLineVerbs.words, func(head string) bool {
			return putOrdered(head) || lastWordIs(head, "by", "and", "then")
		})
	})
}

// failLineNouns name what a line to show is: every match of failLineRe
// holds one before its quote.
var failLineNouns = newWordList("line", "message", "notice", "alert", "header", "banner", "notification", "status", "warning", "text", "string")

// quoteBefore returns where the last quote (', ", “ or ‘) of the n
// bytes before t[i] starts, or -1: a byte loop, cheaper than
// strings.LastIndexAny with runes beyond ASCII.
func quoteBefore(t string, i, n int) int {
	for j := i - 1; j >= max(0, i-n); j-- {
		switch t[j] {
		case '\'', '"':
			return j
		case 0x9c, 0x98: // the last byte of “ or ‘
			if j >= 2 && t[j-2] == 0xe2 && t[j-1] == 0x80 {
				return j - 2
			}
		}
	}
	return -1
}

var failLineAnchoredRe = anchoredRe(failLineRe)

// failLineVerbs are the verbs every match of failLineRe opens with.
var failLineVerbs = newWordList("display", "show", "print", "output", "prepend", "append", "insert", "add", "issue", "emit", "reply with", "respond with", "return")
