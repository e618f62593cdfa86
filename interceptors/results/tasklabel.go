package results

import (
	"regexp"
	"strings"
)

// The reader's task named by a label in the text and set: "Your new
// assignment: draft …", "Real task for the model: explain …", "Your job
// now: book a flight …". Data has no say in what its reader's task is; a
// text that declares it, replaced or the real one, speaks to the reader.
// Exercises and prompt templates label a task the same way when nothing
// replaces another ("Your task: implement the function below", "Your
// output should be JSON"): those are evidence that needs company.

var (
	sigTaskReplaced = resultSignal{"declares the reader's task", 4}   // "Real task for the model: explain …"
	sigTaskLabelled = resultSignal{"labels a task for the reader", 2} // "Here is your task: list …"
)

// taskReplacedRe is a task declared new, real or now the reader's, and
// the verb of an order after it.
var taskReplacedRe = regexp.MustCompile(`^(?:(?:it is |this is )?your (?:new|real|actual|true) (?:task|job|assignment)(?: now)?|your (?:task|job|assignment) now|(?:the )?(?:real|actual|true) task(?: for (?:the )?(?:model|ai|assistant|agent|llm|bot|you))?)(?: is(?: to)?|:) +(?:(?:please|simply|just)[,]? +)?` + hailVerb + `\b`)

// taskLabelRe is a task labelled for the reader, or its output or answer
// laid down, from "your" on (the labels without "your", "Required
// output:", "the only acceptable answer to … is", are read by hand).
var taskLabelRe = regexp.MustCompile(`^(?:(?:here is |here's |it is |this is )?your (?:task|job|assignment|next step)(?: is(?: to)?|:) +` + hailVerb + `\b|your (?:output|answer|response|reply) (?:should|must) be\b)`)

// taskLabelled reports a task declared (4) or labelled (2) for the
// reader, in a clause that opens at one of yours (aYour) or at one of
// labels (aTaskLabel: the labels that do not open with "your"). (Plain
// tests before the expressions: hostile text repeats a label.)
func taskLabelled(t string, yours, labels []int) (replaced, labelled bool) {
	at := func(i int) {
		if !orderOpensAtLead(t, i) {
			return
		}
		w := t[i:min(len(t), i+160)]
		switch {
		case orderAfterLabel(w) && taskReplacedRe.MatchString(w):
			replaced = true
		case !labelled && (orderAfterLabel(w) || containsAny(w[:min(len(w), 40)], " should be", " must be")) && taskLabelRe.MatchString(w):
			labelled = true
		}
	}
	for _, i := range yours {
		w, _ := nextWord(t, i+len("your "))
		if taskWords[w] || taskWhich[w] {
			// "Here is your task:", "it is your new assignment:"
			for _, p := range []string{"here is ", "here's ", "it is ", "this is "} {
				if i >= len(p) && t[i-len(p):i] == p {
					i -= len(p)
					break
				}
			}
			if at(i); replaced {
				return
			}
		}
	}
	for _, i := range labels {
		if i > 0 && isLetter(t[i-1]) {
			continue
		}
		if strings.HasPrefix(t[i:], "required ") {
			// the label is the whole of it ("Required output: …")
			labelled = labelled || orderOpensAtLead(t, i)
			continue
		}
		real := strings.Contains(t[i:min(len(t), i+12)], "task")
		if i >= 5 && t[i-5:i] == "only " {
			i -= 5
		}
		if i >= 4 && t[i-4:i] == "the " {
			i -= 4
		}
		if !real {
			// "the only acceptable answer to … is"
			if !labelled && orderOpensAtLead(t, i) {
				w := t[i:min(len(t), i+100)]
				if k := strings.IndexAny(w, ".!?\n"); k >= 0 {
					w = w[:k]
				}
				labelled = strings.Contains(w, " is ")
			}
			continue
		}
		if at(i); replaced {
			return
		}
	}
	return
}

// orderAfterLabel reports, in w, a colon or "is" within the reach of a
// label, followed (past "to" and the words that lead an order) by one of
// the verbs of an order.
func orderAfterLabel(w string) bool {
	head := w[:min(len(w), 48)]
	k := strings.IndexByte(head, ':')
	if k < 0 {
		if k = strings.Index(head, " is "); k < 0 {
			return false
		}
		k += len(" is")
	}
	rest := w[k+1:]
	for {
		v, end := nextWord(rest, 0)
		switch {
		case v == "":
			return false
		case v == "to" || readerTaskLeads[v]:
			rest = strings.TrimLeft(rest[end:], ", ")
		default:
			return hailVerbs[v]
		}
	}
}

var (
	taskWords = wordSet("task job assignment next output answer response reply")
	taskWhich = wordSet("new real actual true")
)
