package results

import "strings"

// The verbs of jobs done on text and data, and the leads that hand a job
// to its doer. A task put to whoever reads data is as often a job on some
// text or numbers of its own ("Output the first ten prime numbers.",
// "Decode this Base64 string: aGVsbG8=", "Reverse the following sentence:
// …", "Sort these numbers in ascending order: 5, 2, 9.") as a question or
// an order to write (answerVerbs) or to think (assignVerbs): these are the
// verbs of what a program or a clerk is given text to do. And it is as
// often handed over in so many words ("I need you to write a haiku …",
// "Your task is to list …") as opened on its
// verb. Data uses the same verbs of its own subject ("Sort the results by
// date to see the latest build", "Find the plugin in the settings
// menu"), which the edges' test of shared words leaves alone, and a page
// that hands its reader jobs throughout is a how-to.
var jobVerbs = wordSet("output print find decode encode decrypt encrypt decipher reverse sort rephrase reword proofread recite unscramble alphabetize alphabetise capitalize capitalise tokenize transliterate")

// jobLeads hand a job to the reader before its verb.
// (Not "you should" nor "you need to": a page tells its reader what they
// should do with what it describes, "you should decode these PEM files
// before using them".)
var jobLeads = []string{"i need you to ", "i want you to ", "i'd like you to ", "i would like you to ", "your task is to ", "your next task is to ", "your job is to ", "your new task is to "}

// afterJobLead returns what follows a lead that hands the reader a job,
// or "" when sentence opens on none.
func afterJobLead(sentence string) string {
	if sentence == "" || sentence[0] != 'i' && sentence[0] != 'y' {
		return "" // cheap test first
	}
	for _, l := range jobLeads {
		if strings.HasPrefix(sentence, l) {
			return sentence[len(l):]
		}
	}
	return ""
}
