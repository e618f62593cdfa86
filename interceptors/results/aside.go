package results

import (
	"encoding/binary"
	"strings"
	"unsafe"
)

// A question or a small task for the reader, set at an edge of data on a
// subject the data never touches: a payment notice that ends "What is the
// capital of Brazil?", a page that opens "Name the author of the Harry
// Potter series." Data that asks something asks it of its own subject: a
// FAQ's question is answered in the words that follow it, a forum post's
// question is about what the post describes, a mail's request is about
// the mail's business. A question or task that shares no content word
// with the rest of the text, or only one of three or more (a word met by
// chance: "different" in a payment notice, "differences" in the question
// set after it), was put there for whoever reads it next, not written as
// part of it. It must ask: a page's closing line that
// sends its person elsewhere ("See LICENSE for details") asks nothing
// of the reader's answer. The rest must have a subject to differ from,
// and must not itself be a list of questions (an index of a FAQ, a
// forum's "related questions").

var sigAside = resultSignal{"asks about a subject foreign to the text", 4} // "…The Mercury Team\nWhat is the capital of Brazil?"

const (
	// an edge sentence is read up to this many bytes
	asideReach = 200
	// the rest of the text holds at least this many content words
	asideRest = 12
)

// asideAskedAt reports a text whose first or last sentence is a question
// or a task for the reader on a subject foreign to the rest of the text.
// e is t's edges (edgesOf), which the caller finds once for every reading
// of them.
func asideAskedAt(s, t string, e textEdges) bool {
	begin, end := e.begin, e.end
	if end-begin < 80 {
		return false // no rest to differ from
	}
	// the last sentence: after the last line break or sentence end
	if start := e.last; start > begin {
		if asideAt(s, t, start, end, begin, start) {
			return true
		}
	}
	// the first sentence: up to the first line break or sentence end
	if stop := e.first; stop < end {
		if asideAt(s, t, begin, stop, stop, end) {
			return true
		}
	}
	return false
}

// textEdges is what the readings of a text's edges (asideAskedAt,
// edgeActedAt, runOnAskedAt) measure it by, found once for the three:
// where it begins and ends without its blanks (trimBlanks), and, when
// that span is long enough for any of them to read (80 bytes), where its
// last sentence starts and its first ends (lastSentenceStart,
// firstSentenceEnd over the span).
type textEdges struct{ begin, end, last, first int }

func edgesOf(t string) textEdges {
	begin, end := trimBlanks(t)
	e := textEdges{begin: begin, end: end, last: begin, first: end}
	if end-begin >= 80 {
		e.last = lastSentenceStart(t, begin, end)
		e.first = firstSentenceEnd(t, begin, end)
	}
	return e
}

func isBlank(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// trimBlanks returns where t begins and ends without its leading and
// trailing blanks, the span the edge readings measure and cut.
func trimBlanks(t string) (begin, end int) {
	end = len(t)
	for end > 0 && isBlank(t[end-1]) {
		end--
	}
	for begin < end && isBlank(t[begin]) {
		begin++
	}
	return begin, end
}

// lastSentenceStart returns where the sentence that ends t[:end] starts,
// or begin when there is none within reach.
//
// The bytes are read back eight at a time, and each of the eight only
// where one of them may be a newline or a mark (mayEndSentence).
func lastSentenceStart(t string, begin, end int) int {
	lo := max(begin, end-asideReach)
	b := unsafe.Slice(unsafe.StringData(t), len(t))
	for k := end - 2; k >= lo; {
		if k-7 >= lo && !mayEndSentence(binary.LittleEndian.Uint64(b[k-7:k+1])) {
			k -= 8
			continue
		}
		for stop := max(lo, k-7); k >= stop; k-- {
			if c := b[k]; c == '\n' || (c == '.' || c == '?' || c == '!') && b[k+1] == ' ' {
				k++
				for k < end && isBlank(t[k]) {
					k++
				}
				return k
			}
		}
	}
	return begin
}

// firstSentenceEnd returns where the sentence that opens t[begin:] ends
// (after its mark), or end when there is none within reach. It reads
// eight bytes at a time, as lastSentenceStart reads back.
func firstSentenceEnd(t string, begin, end int) int {
	hi := min(end-1, begin+asideReach)
	b := unsafe.Slice(unsafe.StringData(t), len(t))
	for k := begin; k < hi; {
		if k+8 <= hi && !mayEndSentence(binary.LittleEndian.Uint64(b[k:k+8])) {
			k += 8
			continue
		}
		for stop := min(hi, k+8); k < stop; k++ {
			c := b[k]
			if c == '\n' {
				return k
			}
			if (c == '.' || c == '?' || c == '!') && isBlank(b[k+1]) {
				return k + 1
			}
		}
	}
	return end
}

// asideAt reports whether the sentence t[start:stop] asks the reader a
// question or sets a task whose content words the rest, t[lo:hi] and
// what is outside the sentence, does not hold.
func asideAt(s, t string, start, stop, lo, hi int) bool {
	for stop > start && isBlank(t[stop-1]) {
		stop--
	}
	if stop-start < 12 || !isUpper(s[start]) || isUpper(s[start+1]) {
		return false // a sentence opens with a capital, not a heading in capitals
	}
	sentence := t[start:stop]
	if strings.Contains(sentence, "\t") || strings.Contains(sentence, "  ") {
		return false // columns: a table's header ("NAME\tVERSION\tSTATUS"), not prose
	}
	if listItem(t, start) && !commented(t, start) {
		return false // a step of a list ("6. Generate the optional …"), not a comment's text ("# Output …": commentedge.go)
	}
	if !asks(sentence) || hasWord(sentence, "we", "us", "our", "let's") {
		return false // the writer's and reader's own affairs: "Can we meet on Friday?"
	}
	// the sentence's neighbour in the rest asks nothing: a list of
	// questions is an index, not data with one set in it
	if start > lo {
		head := strings.TrimRight(t[:start], " \n\t\r")
		if strings.HasSuffix(head, "?") {
			return false
		}
	} else if next := strings.TrimLeft(t[stop:], " \n\t\r"); next != "" {
		e := firstSentenceEnd(next, 0, len(next))
		if e > 0 && next[e-1] == '?' {
			return false
		}
		// a heading: a line underlined, the title of what follows
		if c := next[0]; (c == '-' || c == '=' || c == '~' || c == '^' || c == '*') && e >= 3 && strings.Count(next[:e], next[:1]) == e {
			return false
		}
	}
	words, shared := 0, 0
	for stem := range contentStems(sentence) {
		words++
		if stemIn(t[:start], stem) || stemIn(t[stop:], stem) {
			shared++
		}
	}
	if words < 2 || shared > 0 && (words < 3 || shared > 1) {
		return false
	}
	// the rest has a subject of its own
	n := countContentWords(t[:start]) + countContentWords(t[stop:])
	// and gives no orders: a prompt or a how-to orders throughout (but
	// its steps do not make a question foreign to all of them its own:
	// amidorders.go)
	return n >= asideRest && (!givesOrders(t[:start]) && !givesOrders(t[stop:]) || foreignQuestion(sentence, shared))
}

// givesOrders reports whether a sentence of text opens on an order to its
// reader, after "please" or a word set apart by a comma ("Additionally,
// provide …") or not. A sentence's words are what lies between the spaces
// from its start, which may run on past its end; the spaces are found
// once for all the sentences they serve: text with no space in it, made of
// many sentences, must not be read again for each.
func givesOrders(text string) bool {
	sp1, sp2 := -1, -1 // the first space at or after i, and the one after it
	for i := 0; i < len(text); {
		if sp1 < i {
			sp1 = spaceFrom(text, i)
			sp2 = spaceFrom(text, sp1+1)
		}
		if ordersBy(text[i:sp1], text[min(len(text), sp1+1):sp2]) {
			return true
		}
		if i = nextSentence(text, i); i < 0 {
			return false
		}
	}
	return false
}

// spaceFrom returns where the first space of text at or after i is, or
// len(text).
func spaceFrom(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	if k := strings.IndexByte(text[i:], ' '); k >= 0 {
		return i + k
	}
	return len(text)
}

// asks reports whether a sentence asks a question of the reader or sets
// it a task: a question opened by a question word or an auxiliary, or an
// order opened by a verb that asks for an answer.
func asks(sentence string) bool {
	if asksAt(sentence) {
		return true
	}
	if rest := afterLead(sentence); rest != "" {
		// leads in a row: "On top of your main task, answer this
		// priority question: what is …?" orders an answer to the
		// question after the second
		return asks(rest)
	}
	return false
}

// asksAt reports whether sentence opens on a question or a task.
func asksAt(sentence string) bool {
	first, _, _ := strings.Cut(sentence, " ")
	if strings.HasSuffix(sentence, "?") {
		return questionOpeners[first]
	}
	first, _, _ = strings.Cut(pastTaskLeads(sentence), " ")
	if answerVerbs[first] || assignVerbs[first] || jobVerbs[first] {
		return true
	}
	// a job handed over in so many words (jobverbs.go)
	if rest := afterJobLead(sentence); rest != "" {
		return asksAt(rest)
	}
	return false
}

// ordersBy reports whether a sentence whose first two words are first
// and second opens on an order to its reader.
func ordersBy(first, second string) bool {
	if first == "please" || strings.HasSuffix(first, ",") {
		first = second
	}
	// (a word longer than any verb is none, and not hashed: a sentence's
	// first word may run on to the end of the text)
	return len(first) <= orderVerbLen && (answerVerbs[first] || actVerbs[first] || promptVerbs[first])
}

// orderVerbLen is the length of the longest verb ordersBy knows.
var orderVerbLen = func() int {
	n := 0
	for _, set := range []map[string]bool{answerVerbs, actVerbs, promptVerbs} {
		for w := range set {
			n = max(n, len(w))
		}
	}
	return n
}()

// promptVerbs open the orders of a prompt or a how-to beside its task.
var promptVerbs = wordSet("use make include ensure keep avoid focus add")

var (
	questionOpeners = wordSet("what what's who who's whom whose which where when why how is are was were do does did can could would will should shall may has have")
	// verbs that ask for an answer, not for a visit: "See the docs",
	// "Contact us", "Run the tests" send a person somewhere
	answerVerbs = wordSet("name list tell give write explain describe define translate summarize summarise calculate compute identify state suggest recommend compare classify count spell solve determine outline compose draft create generate provide convert rewrite correct answer")
)

// contentWords yields the words of text of four letters or more that
// name a subject: not function words, question words or the verbs that
// ask.
func contentWords(text string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(text); {
			if !isLetter(text[i]) {
				i++
				continue
			}
			j := i
			for j < len(text) && isLetter(text[j]) {
				j++
			}
			w := text[i:j]
			i = j
			if len(w) < 4 || asideStop[w] || questionOpeners[w] || answerVerbs[w] || actVerbs[w] || assignVerbs[w] || jobVerbs[w] {
				continue
			}
			if !yield(w) {
				return
			}
		}
	}
}

// contentStems yields the first five bytes of each of text's content
// words, each stem once: what the edge readings compare with the rest of
// the text.
func contentStems(text string) func(func(string) bool) {
	return func(yield func(string) bool) {
		seen := ""
		for w := range contentWords(text) {
			stem := w[:min(len(w), 5)]
			if strings.Contains(seen, " "+stem+" ") {
				continue
			}
			seen += " " + stem + " "
			if !yield(stem) {
				return
			}
		}
	}
}

// countContentWords is the number of text's content words.
func countContentWords(text string) int {
	n := 0
	for range contentWords(text) {
		n++
	}
	return n
}

// nextSentence is where the sentence after the one at i starts in text,
// past the blanks after its end, or -1 when none ends after i.
func nextSentence(text string, i int) int {
	k := strings.IndexAny(text[i:], ".?!\n")
	if k < 0 {
		return -1
	}
	i += k + 1
	for i < len(text) && isBlank(text[i]) {
		i++
	}
	return i
}

// asideStop are words of four letters or more that name no subject.
var asideStop = wordSet("that this with from have what which when where there their they them then than were will would could should shall about into your yours been being does done also just like some such more most many much very only over under other each every both either neither these those here main make made know want need please thank thanks mean means used using into onto upon while whose whom among after before between through during without within among same well even ever still again once first last best most least")

// stemIn reports whether a word of text starts with stem.
func stemIn(text, stem string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], stem)
		if k < 0 {
			return false
		}
		at := i + k
		if at == 0 || !isLetter(text[at-1]) {
			return true
		}
		i = at + 1
	}
}

// taskLeads are the words that may come before a task's verb when it is
// joined to data without a comma: "Also please explain …", "and
// translate …" (after "Oh,").
var taskLeads = wordSet("please also and just kindly additionally")

// pastTaskLeads returns sentence past at most three of taskLeads.
func pastTaskLeads(sentence string) string {
	for range 3 {
		first, rest, ok := strings.Cut(sentence, " ")
		if !ok || !taskLeads[first] {
			break
		}
		sentence = rest
	}
	return sentence
}
