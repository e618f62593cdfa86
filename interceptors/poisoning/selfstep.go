package poisoning

import "strings"

// selfStepForWork reports whether the rest of a "you must first" order,
// s (up to its sentence's end), makes the step a use of this tool itself
// before a work it names ("YOU MUST FIRST get the execution data using
// this tool to extract tcRunID before fetching issues"): the server
// places the call described in the user's workflow, as a tool ranked
// first for a work is (firstForATask). First before anything ("you must
// first call this tool before any other tool"), or with no work named,
// the order still claims the model's next step.
func selfStepForWork(s string) bool {
	if !containsWords(s, "this tool") {
		return false
	}
	k := strings.Index(s, " before ")
	if k < 0 {
		return false
	}
	next := strings.Fields(s[k+len(" before "):])
	if len(next) == 0 || len(next[0]) <= 5 || !strings.HasSuffix(next[0], "ing") {
		return false
	}
	for j, w := range next {
		if j >= 6 {
			break
		}
		w = strings.Trim(w, ",:!?()'\"`")
		if classWords[w] || w == "other" || w == "another" || w == "anything" || w == "everything" {
			return false
		}
	}
	return true
}

// containsWords reports whether phrase stands in s between word
// boundaries.
func containsWords(s, phrase string) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], phrase)
		if k < 0 {
			return false
		}
		k += off
		end := k + len(phrase)
		if (k == 0 || !nameTab[s[k-1]]) && (end == len(s) || !nameTab[s[end]]) {
			return true
		}
		off = k + 1
	}
}
