package poisoning

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// secretWithheld reports whether the secret whose last word is ws[i] is
// said to be kept back ("the client_secret is redacted in this
// response", "passwords are masked", "the token is not returned"): the
// text tells what the tool does not hand out, the opposite of a request
// for it.
func secretWithheld(t string, ws []span, i int) bool {
	if secretMadeByTool(t, ws, i) || secretEvent(t, ws, i) {
		return true
	}
	k := i + 1
	if k >= len(ws) || sentenceBetween(t, ws, i, k) || !beWords[t[ws[k].start:ws[k].end]] {
		return false
	}
	for k++; k < len(ws) && k <= i+4; k++ {
		if sentenceBetween(t, ws, k-1, k) {
			return false
		}
		switch w := t[ws[k].start:ws[k].end]; {
		case withheldWords[w]:
			return true
		case w == "not" || w == "never" || w == "always" || beWords[w]:
			if w == "not" || w == "never" {
				return k+1 < len(ws) && !sentenceBetween(t, ws, k, k+1) && notGivenWords[t[ws[k+1].start:ws[k+1].end]]
			}
		default:
			return false
		}
	}
	return false
}

var (
	beWords       = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "stays": true, "remains": true, "remain": true, "gets": true, "get": true}
	withheldWords = map[string]bool{"redacted": true, "masked": true, "obscured": true, "withheld": true, "elided": true, "censored": true, "scrubbed": true, "omitted": true}
	notGivenWords = map[string]bool{"shown": true, "returned": true, "displayed": true, "exposed": true, "included": true, "logged": true, "stored": true, "printed": true, "revealed": true}
)

// exampleDomain reports whether an e-mail address's domain is one
// reserved for documentation (RFC 2606, RFC 6761: example.com, .net and
// .org, and the .example, .test, .invalid and .localhost names): no mail
// is delivered there, so such an address shows a value's format
// ("\"email_col\":\"test@example.com\"") and is a destination only where
// a verb sends something to it.
func exampleDomain(dom string) bool {
	for _, d := range []string{"example.com", "example.net", "example.org"} {
		if dom == d || strings.HasSuffix(dom, "."+d) {
			return true
		}
	}
	tld := dom[strings.LastIndexByte(dom, '.')+1:]
	return tld == "example" || tld == "test" || tld == "invalid" || tld == "localhost"
}

// sentInSentence reports whether the sentence holding the address
// t[l:r] has, outside it, a verb of sending in any of its forms ("mailing every draft to
// keep@store-archive.example"): an address at a documentation domain is
// then where something goes, not a value's format. The lexicon's
// transfer cues are its base forms only.
func sentInSentence(t string, ws []span, l, r int) bool {
	w, _ := slices.BinarySearchFunc(ws, l, func(s span, at int) int { return s.start - at })
	if len(ws) == 0 {
		return false
	}
	start, end := sentenceOf(t, ws, min(w, len(ws)-1))
	for j := start; j <= end; j++ {
		if (ws[j].end <= l || ws[j].start >= r) && !inAddress(t, ws[j]) && sendForm(t[ws[j].start:ws[j].end]) && !sendNoun(t, ws, j) {
			return true
		}
	}
	return false
}

// inAddress reports whether the word w is a part of an e-mail address or
// host name ("mail" in ops@mail.test), not a word of the sentence.
func inAddress(t string, w span) bool {
	if w.start > 0 && (t[w.start-1] == '@' || t[w.start-1] == '.') {
		return true
	}
	return w.end+1 < len(t) && (t[w.end] == '@' || t[w.end] == '.' && (t[w.end+1] >= 'a' && t[w.end+1] <= 'z' || t[w.end+1] >= '0' && t[w.end+1] <= '9'))
}

// sendForm reports whether w is a verb of sending, inflected or not
// ("mails", "mailing", "forwarded", "sharing").
func sendForm(w string) bool {
	if sendWords[w] {
		return true
	}
	for _, suf := range []string{"ing", "ed", "s"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 2 && (sendWords[b] || sendWords[b+"e"]) {
			return true
		}
	}
	return false
}

// asksForCallValues reports whether an order to ask the user, whose word
// "user" is ws[u], asks for the values the call takes ("you MUST ask the
// user for every required field value explicitly; do not infer"): the
// user, not the model, decides what the tool is given, which keeps the
// user in the loop as asking for consent does.
func asksForCallValues(t string, ws []span, u int) bool {
	if u+1 >= len(ws) || t[ws[u+1].start:ws[u+1].end] != "for" {
		return false
	}
	return wordWithin(t, ws, u+1, 4, func(w string) bool { return callValueWords[w] }) >= 0
}

var callValueWords = map[string]bool{"value": true, "values": true, "field": true, "fields": true, "parameter": true, "parameters": true, "input": true, "inputs": true}

// localNameURL reports whether the URL at t[off:] names its host by a
// single label ("http://prometheus:9090", "http://grafana/"): a name only
// the reader's own network resolves (a container's service, a host on
// the local domain), as in the examples of a service's address a
// definition gives; a destination out of it has a domain.
func localNameURL(t string, off int) bool {
	h := t[off+strings.Index(t[off:], "//")+2:]
	n := 0
	for n < len(h) && (h[n] >= 'a' && h[n] <= 'z' || h[n] >= '0' && h[n] <= '9' || h[n] == '-') {
		n++
	}
	if n == 0 || n == len(h) || strings.IndexByte(":/?#\"'`", h[n]) < 0 {
		return false
	}
	for _, c := range h[:n] {
		if c < '0' || c > '9' {
			return true // a name, not a number
		}
	}
	return false
}

// whetherSentence reports whether the sentence that holds ws[i] opens
// with "whether" ("Whether Grafana should forward credentials such as
// cookies"): the description of a yes-or-no option, which says what the
// option turns on and asks the model for nothing.
func (e *evidence) whetherSentence(t string, ws []span, i int) bool {
	k, _ := e.sentenceAt(t, ws, i)
	return t[ws[k].start:ws[k].end] == "whether"
}

// sentenceOf returns the first and the last word of the sentence that
// holds ws[i].
func sentenceOf(t string, ws []span, i int) (start, end int) {
	start, end = i, i
	for start > 0 && !sentenceBetween(t, ws, start-1, start) {
		start--
	}
	for end+1 < len(ws) && !sentenceBetween(t, ws, end, end+1) {
		end++
	}
	return start, end
}

// sentenceAt is sentenceOf in the text whose cues are read, the last
// sentence found kept: a definition may repeat a cue all through one long
// sentence, which must not be walked again for each.
func (e *evidence) sentenceAt(t string, ws []span, i int) (start, end int) {
	if e.sentence[0] <= i && i < e.sentence[1] {
		return e.sentence[0], e.sentence[1] - 1
	}
	start, end = sentenceOf(t, ws, i)
	e.sentence, e.sentenceSends = [2]int{start, end + 1}, 0
	return start, end
}

// sendsAround reports whether the sentence that holds ws[i] has a verb of
// sending in any of its forms (sendForm), read once a sentence as
// sentenceAt finds it.
func (e *evidence) sendsAround(t string, ws []span, i int) bool {
	start, end := e.sentenceAt(t, ws, i)
	if e.sentenceSends == 0 {
		e.sentenceSends = 1
		for j := start; j <= end; j++ {
			if !inAddress(t, ws[j]) && sendForm(t[ws[j].start:ws[j].end]) {
				e.sentenceSends = 2
				break
			}
		}
	}
	return e.sentenceSends == 2
}

// rulesOfAFile reports whether the override cue c, matched from ws[i],
// sets aside the rules of a file it names ("Ignore robots.txt rules for
// this request"): a site's or a tool's configuration, named by its file,
// is what the option skips; the model's instructions are no file.
func rulesOfAFile(c *cue, t string, ws []span, i int) bool {
	from := i - c.anchor
	for k := max(from, 0); k+2 < len(ws) && k < from+5; k++ {
		if ruleWords[t[ws[k].start:ws[k].end]] {
			return false
		}
		if t[ws[k].end:ws[k+1].start] == "." && ruleWords[t[ws[k+2].start:ws[k+2].end]] {
			return true // "robots" "." "txt" "rules"
		}
	}
	return false
}

var ruleWords = map[string]bool{"rules": true, "rule": true, "guidelines": true, "restrictions": true}

// useOfCompliance reports whether the authority cue c, matched at ws[i],
// is "for compliance" qualifying the work it serves ("Use for compliance
// reporting and issue traceability", "Audit issue-test case relationships
// for compliance"): a use the tool has, where a claim says something is
// required for compliance. A sentence that also sends something ("forward
// a copy to … for compliance tracking") gives compliance as the pretext
// of the transfer, which counts.
func (e *evidence) useOfCompliance(c *cue, t string, ws []span, i int) bool {
	if c.text != "for compliance" {
		return false
	}
	from := i - c.anchor
	if e.sendsAround(t, ws, from) {
		return false
	}
	k := from + len(c.slots)
	if k+1 < len(ws) && (t[ws[k].start:ws[k].end] == "and" || t[ws[k].start:ws[k].end] == "or") {
		k++ // "for compliance and reporting": the use named beside it
	}
	if k < len(ws) && !sentenceBetween(t, ws, k-1, k) && complianceWork[t[ws[k].start:ws[k].end]] {
		return true
	}
	for j := from - 1; j >= 0 && j >= from-8 && !sentenceBetween(t, ws, j, j+1); j-- {
		if complianceWork[t[ws[j].start:ws[j].end]] {
			return true
		}
	}
	return false
}

var sendWords = map[string]bool{"send": true, "sends": true, "forward": true, "forwards": true, "upload": true, "uploads": true, "email": true, "mail": true, "copy": true, "cc": true, "bcc": true, "transmit": true, "share": true, "post": true}

var complianceWork = map[string]bool{"reporting": true, "reports": true, "report": true, "tracking": true, "track": true, "audit": true, "audits": true, "auditing": true, "reviews": true, "review": true, "analysis": true, "monitoring": true, "dashboards": true, "teams": true}

// ownStepsOnly reports whether a "before using the tool … call" match
// names a tool of the definition's own server ("before using the tool,
// use `browser_get_clickable_elements` to get the index"): the step
// before the call is the server's own workflow, as ownTool allows for
// cues; a step that names no tool of the server (read a file, call
// another server's tool) still counts.
func (e *evidence) ownStepsOnly(m string) bool {
	if !strings.HasPrefix(m, "before ") || len(e.own) == 0 {
		return false
	}
	self := strings.ToLower(e.toolName())
	for _, w := range strings.FieldsFunc(m, func(r rune) bool { return !nameRune(r) }) {
		if e.own[w] && w != self {
			return true
		}
	}
	return false
}

// fillsOwnParam reports whether the directive cue c, matched at ws[i],
// ends with a verb of filling in whose object is one of the tool's own
// parameters ("Always include a productId in the request"): the order is
// to fill in the call, as ordersOwnParam reads it after "you must". An
// order to put something else into a parameter ("always include the
// conversation in notes") has that thing as its object and still counts.
func (e *evidence) fillsOwnParam(c *cue, t string, ws []span, i int) bool {
	if !c.wordsOnly() || !fillVerbs[c.words[len(c.words)-1]] {
		return false
	}
	k := i - c.anchor + len(c.slots)
	for k < len(ws) && objectDeterminers[t[ws[k].start:ws[k].end]] {
		k++
	}
	return k < len(ws) && !sentenceBetween(t, ws, i-c.anchor+len(c.slots)-1, k) && e.ownParam(t[ws[k].start:ws[k].end])
}

var objectDeterminers = map[string]bool{"the": true, "a": true, "an": true, "your": true, "its": true}

// namesTheReader reports whether the word at ws[from], after a "created
// by", is the reader or the user ("Created by me", "created by the
// current user"): a filter on the user's own items, not someone who
// vouches for the tool.
func (m *cueMatch) namesTheReader(from int) bool {
	if from < len(m.ws) && (m.word(from) == "the" || m.word(from) == "a") {
		from++
	}
	if from >= len(m.ws) || from > 0 && m.endBefore(from) {
		return false
	}
	switch m.word(from) {
	case "me", "you", "us", "myself", "yourself", "user", "users", "current", "caller":
		return true
	}
	return false
}

// supersedesAThing reports whether the override cue c, matched at ws[i],
// is "supersede" with a pronoun for its object ("publish another version
// to supersede it"): one record replacing another the text just named;
// instructions that supersede others name what they set aside.
func supersedesAThing(c *cue, t string, ws []span, i int) bool {
	if c.text != "supersede" && c.text != "supersedes" {
		return false
	}
	k := i - c.anchor + len(c.slots)
	if k >= len(ws) || sentenceBetween(t, ws, k-1, k) {
		return false
	}
	w := t[ws[k].start:ws[k].end]
	return w == "it" || w == "them"
}

// supersedesADocument reports whether the override cue c, matched at
// ws[i], is "supersede(s)" with an agreement, a version or a notice for
// its object ("This Agreement supersedes all prior agreements and
// understandings", "this version supersedes the 2023 edition"): how a
// contract or a document replaces its predecessor, which legal texts and
// release notes say in every copy; what an injection supersedes is the
// reader's instructions, rules or prompt, which stay an override.
func supersedesADocument(c *cue, t string, ws []span, i int) bool {
	if c.text != "supersede" && c.text != "supersedes" {
		return false
	}
	for k := i - c.anchor + len(c.slots); k < len(ws) && k <= i-c.anchor+len(c.slots)+5; k++ {
		if sentenceBetween(t, ws, k-1, k) {
			return false
		}
		w := t[ws[k].start:ws[k].end]
		switch {
		case supersededDocuments[w]:
			return true
		case supersededRules[w]:
			return false
		}
	}
	return false
}

var (
	supersededDocuments = map[string]bool{"agreement": true, "agreements": true, "contract": true, "contracts": true, "terms": true,
		"understandings": true, "understanding": true, "arrangements": true, "representations": true, "communications": true,
		"proposals": true, "negotiations": true, "version": true, "versions": true, "edition": true, "editions": true,
		"notice": true, "notices": true, "policy": true, "policies": true, "release": true, "releases": true, "document": true,
		"documents": true, "statement": true, "statements": true, "license": true, "licence": true, "licenses": true}
	supersededRules = map[string]bool{"instruction": true, "instructions": true, "rules": true, "rule": true, "guidelines": true,
		"prompt": true, "prompts": true, "directives": true, "directive": true, "orders": true, "guidance": true, "programming": true}
)

// statesRequirement reports whether the directive cue c, matched at
// ws[i], is "you must have" or "you must be" with a permission or a
// role after it ("you must have permissions to edit the collection",
// "you must be signed in"): the condition an account meets for the call,
// which orders the model to do nothing.
func statesRequirement(c *cue, t string, ws []span, i int) bool {
	if !c.wordsOnly() {
		return false
	}
	k := i - c.anchor + len(c.slots)
	if k+1 >= len(ws) || sentenceBetween(t, ws, k-1, k+1) {
		return false
	}
	w := t[ws[k+1].start:ws[k+1].end]
	switch t[ws[k].start:ws[k].end] {
	case "have":
		return heldWords[w]
	case "be":
		return beenWords[w]
	}
	return false
}

var (
	heldWords = map[string]bool{"permission": true, "permissions": true, "access": true, "rights": true, "role": true, "roles": true, "admin": true, "administrator": true, "edit": true, "write": true, "owner": true}
	beenWords = map[string]bool{"logged": true, "signed": true, "authenticated": true, "authorized": true, "authorised": true, "an": true, "admin": true, "administrator": true, "owner": true, "member": true}
)

// The voice of a definition (emphasis markup, claims of urgency, orders
// to the model: "**IMPORTANT**", "MANDATORY", "you MUST") says how loudly
// it speaks, not what it asks for. What tells a server's documentation
// from an attack is the scope of its orders: an order whose object lies
// within the tool's own call and its own server's tools (a parameter to
// fill in, the call to check, a tool of the same list to run first) asks
// for nothing a server's author could not ask by writing the tool; an
// attack reaches past it, to other servers' tools, the user's files and
// secrets, the conversation, a destination, the model's own instructions
// or its choice of tool, each a signal of its own. So a voice cue whose
// sentence names one of the tool's own parameters or another tool of its
// server is held back (holdScoped), and counts only beside a signal that
// reaches beyond the call (rejoinScoped); an order with no object in
// scope ("**IMPORTANT** follow these rules", "always call init first")
// counts as before.

// scopeReach is how far from a voice cue, in its sentence, the name of
// its object is looked for.
const scopeReach = 20

func voiceSignal(s signal) bool { return s == sigTag || s == sigAuthority || s == sigDirective }

// callScoped reports whether the sentence of the words ws[from:to] names,
// within scopeReach words of them, one of the tool's own parameters or a
// tool of its own server other than itself ("AI agents MUST validate
// their tool calls to ensure `outputDir` is present", "[IMPORTANT] use
// update_items instead of calling this tool in a loop"), and nothing past
// the call: no other tool, conversation or prompt, nothing "of the user",
// no verb of sending, no parameter the tool does not have ("you must pass
// the config of the user in the note", "flatten them and send them to the
// audit log", "flatten them using the flatten parameter" of a tool
// without one).
func (e *evidence) callScoped(t string, ws []span, from, to int) bool {
	if !e.definitions || e.identifiers || len(e.tool) == 0 || from < 0 || to > len(ws) || from >= to {
		return false
	}
	if e.usesThisParam(t, ws, from) || e.usesThisParam(t, ws, to) {
		return true
	}
	self := strings.ToLower(e.toolName())
	lo, hi := from, to
	for lo > 0 && lo > from-scopeReach && !sentenceBetween(t, ws, lo-1, lo) {
		lo--
	}
	for hi < len(ws) && hi < to+scopeReach && !sentenceBetween(t, ws, hi-1, hi) {
		hi++
	}
	if len(e.scoped) != len(ws) {
		e.scoped = append(e.scoped[:0], make([]uint8, len(ws))...)
	}
	named := false
	for k := lo; k < hi; k++ {
		c := e.scoped[k]
		if c == 0 {
			c = e.scopeClass(t, ws, k, self)
			e.scoped[k] = c
		}
		if c&scopePast != 0 {
			return false // the order also reaches past the call, or to another tool's parameter
		}
		named = named || c&scopeNamed != 0
	}
	return named
}

// What callScoped reads of a word, kept per word of the text (evidence.scoped)
// so that cues every few words do not read the same words again for each.
const (
	scopeRead  uint8 = 1 << iota // the word was classed
	scopePast                    // reaches past the call: another tool's parameter, the conversation, a sending
	scopeNamed                   // names a parameter of the tool or another tool of its server
)

// scopeClass classes ws[k] for callScoped.
func (e *evidence) scopeClass(t string, ws []span, k int, self string) uint8 {
	w := t[ws[k].start:ws[k].end]
	if e.otherOwnTools(t, ws, k) || w == "this" && callsItselfOnRequest(t, ws, k) {
		return scopeRead | scopeNamed // the product's own tools; the tool's own trigger (ownproduct.go)
	}
	if beyondCall[w] || sendForm(w) && !e.sendNamesParam(t, ws, k) && !e.sendsOwnParam(t, ws, k) || w == "user" && k >= 2 && t[ws[k-2].start:ws[k-2].end] == "of" {
		return scopeRead | scopePast
	}
	if (w == "parameter" || w == "option") && k > 0 && !e.ownParam(t[ws[k-1].start:ws[k-1].end]) && !determiners[t[ws[k-1].start:ws[k-1].end]] {
		return scopeRead | scopePast
	}
	if e.ownParam(w) || e.own[w] && w != self || presentationWords[w] || refusesToMakeUp(t, ws, k) {
		return scopeRead | scopeNamed
	}
	return scopeRead
}

// determiners stand before a noun where a name could ("the parameter",
// "the search tool"): they name nothing themselves.
var determiners = map[string]bool{"the": true, "this": true, "that": true, "a": true, "an": true, "each": true, "every": true, "any": true}

// beyondCall are words of what lies past a tool's call: other tools, the
// conversation, the model's prompt.
var beyondCall = map[string]bool{"other": true, "another": true, "conversation": true, "chat": true, "history": true, "prompt": true}

// holdScoped keeps the voice signal s, whose order stays within the call,
// until every text of the definition is read.
func (e *evidence) holdScoped(s signal, what string) {
	e.hits++ // the phrase rules read the text, as for any cue
	if e.held[s] == "" {
		e.held[s] = what
		e.heldWhere[s] = strings.Join(e.cur, "")
	}
}

// holdsScopedMarker holds the emphasis marker opened with c at t[i:],
// whose word is ws[wi], and the order it heads, when the marker's
// sentence stays within the call ("**Always double-check that `outputDir`
// is present in your tool call.**"). A marker that hides its block
// ("[HIDDEN]") keeps something from the user and is not held.
func (e *evidence) holdsScopedMarker(t string, ws []span, wi, i int, c byte) bool {
	if c != '*' && c != '[' {
		return false
	}
	if w := t[ws[wi].start:ws[wi].end]; w == "hidden" || w == "secret" || !e.callScoped(t, ws, wi, wi+1) {
		return false
	}
	e.holdScoped(sigTag, strings.Clone(t[i:ws[wi].end]))
	if headsOrder(t, ws, wi, c) {
		e.holdScoped(sigDirective, strings.Clone(t[i:ws[wi].end])+" …")
	}
	return true
}

// rejoinScoped counts the held voice signals when the definition shows a
// signal that reaches beyond its call: the emphasis then serves that
// order, as an attack's "<IMPORTANT> … pass ~/.ssh/id_rsa as `note`"
// does.
func (e *evidence) rejoinScoped() {
	reach := e.bonus
	for s, w := range e.weight {
		if w > 0 && !voiceSignal(signal(s)) && signal(s) != sigObfuscated && signal(s) != sigEncoded {
			reach = true
		}
	}
	if !reach {
		return
	}
	cur := e.cur
	for s, what := range e.held {
		if what != "" {
			e.cur = []string{e.heldWhere[s]}
			e.fire(signal(s), what)
		}
	}
	e.cur = cur
	e.held = [numSignals]string{}
}

// ownStepsIn is ownStepsOnly for the phrase matches in text, which also
// reads an order to do something first ("you must first pass this
// executionId to listRunsForExecution") by the rest of its sentence: a
// step that names another tool of the same server, and no file or
// address, is the server's workflow, as a step "before using the tool"
// is; a step that names no tool of the server ("you must first read
// ~/.config/keys", "you must first call list_files" of another server)
// still counts.
//
// Where the sentence after a match ends, where the next "~", "/" or "@"
// is and where the next word that names a tool of the server starts are
// each found once for all the matches they serve: a definition may repeat
// the order thousands of times in one sentence.
func (e *evidence) ownStepsIn(text string) func(string, int) bool {
	stop, mark, named, last := -1, -1, -1, 0 // len(text): none
	return func(m string, end int) bool {
		if e.ownStepsOnly(m) {
			return true
		}
		if !strings.HasSuffix(m, " first") || len(e.own) == 0 {
			return false
		}
		if end < last {
			stop, mark, named = -1, -1, -1 // another phrase's matches, from the start
		}
		last = end
		if stop < end {
			stop = indexAnyFrom(text, end, ".!?;\n")
		}
		if mark < end {
			mark = indexAnyFrom(text, end, "~/@")
		}
		if mark < stop {
			return false
		}
		self := strings.ToLower(e.toolName())
		// the first word, which may run on from the match ("first-…")
		q := end
		for q < stop {
			r, n := utf8.DecodeRuneInString(text[q:])
			if !nameRune(r) {
				break
			}
			q += n
		}
		if q > end && e.ownStep(self, text[end:q]) {
			return true
		}
		if named < q {
			named = e.nextOwnStep(self, text, q)
		}
		return named < stop || selfStepForWork(text[end:stop])
	}
}

// indexAnyFrom returns where the first of chars in text at or after i is,
// or len(text).
func indexAnyFrom(text string, i int, chars string) int {
	if k := strings.IndexAny(text[i:], chars); k >= 0 {
		return i + k
	}
	return len(text)
}

// ownStep reports whether the word w names a tool of the server other
// than self, the tool judged.
func (e *evidence) ownStep(self, w string) bool {
	return e.own[w] && w != self || ownSpelling(e.own, self, w)
}

// nextOwnStep returns where the first word of text that starts at or
// after i, after a character that is no part of a name, and names a tool
// of the server other than self (ownStep) starts, or len(text).
func (e *evidence) nextOwnStep(self, text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !nameRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !nameRune(r) {
				break
			}
			j += n
		}
		if e.ownStep(self, text[i:j]) {
			return i
		}
		i = j
	}
	return len(text)
}

// usesThisParam reports whether the words from ws[k] on, in a parameter's
// own description, order the parameter used with no other object ("[IMPORTANT]
// ALWAYS use when you have user IDs in context", "Use ALWAYS when
// requesting current user information"): the description of a parameter
// speaks of that parameter, so an order to use, set or pass with nothing
// else as its object is an order to fill it in, within the call.
func (e *evidence) usesThisParam(t string, ws []span, k int) bool {
	if n := len(e.cur); n < 3 || e.cur[n-1] != ".description" || e.cur[n-3] != ".properties" {
		return false
	}
	for ; k < len(ws) && (t[ws[k].start:ws[k].end] == "always" || t[ws[k].start:ws[k].end] == "only"); k++ {
	}
	if k >= len(ws) || !fillVerbs[t[ws[k].start:ws[k].end]] {
		return false
	}
	if k+1 == len(ws) || sentenceBetween(t, ws, k, k+1) {
		return true
	}
	switch t[ws[k+1].start:ws[k+1].end] {
	case "when", "if", "this", "it", "always", "only", "whenever":
		return true
	}
	return false
}

// essentialForAWork reports whether the preference cue c, matched at
// ws[i], declares the tool essential for a work it names ("This tool is
// essential for defect tracking and traceability audits"): it says what
// the tool serves, as "for compliance reporting" is a use; declared
// essential with no work after it ("This tool is ESSENTIAL and
// REQUIRED", "essential for every request") it still pushes the choice.
func essentialForAWork(c *cue, t string, ws []span, i int) bool {
	if !c.wordsOnly() || c.words[len(c.words)-1] != "essential" {
		return false
	}
	k := i - c.anchor + len(c.slots)
	if k+1 >= len(ws) || t[ws[k].start:ws[k].end] != "for" || sentenceBetween(t, ws, k-1, k+1) {
		return false
	}
	for j := k + 1; j < len(ws) && j <= k+4 && !sentenceBetween(t, ws, j-1, j); j++ {
		w := t[ws[j].start:ws[j].end]
		if classWords[w] {
			return false // "for all", "for every request"
		}
		if complianceWork[w] || workWords[w] || len(w) > 5 && strings.HasSuffix(w, "ing") {
			return true
		}
	}
	return false
}

var (
	classWords = map[string]bool{"all": true, "every": true, "any": true, "each": true}
	workWords  = map[string]bool{"management": true, "traceability": true, "planning": true, "analysis": true, "debugging": true, "testing": true}
)

// camelWords parts a camelCase name into its words with spaces
// ("detectedSecretsQueries": "detected Secrets Queries"): such a name is
// made of words as a snake_case one is, and the data a word of it names
// (the secrets a secret scanner lists) is the tool's own subject.
func camelWords(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' && i > 0 && name[i-1] >= 'a' && name[i-1] <= 'z' {
			b.WriteByte(' ')
		}
		b.WriteByte(name[i])
	}
	return b.String()
}

// ownSpelling reports whether the identifier w names, in a spelling of
// its own, a tool of the server's own list (own, lower-cased names) other
// than self ("FETCH_RELEASES_CYCLES" for qmetry_fetch_releases_and_cycles,
// "fetch-project-info" for qmetry_fetch_qmetry_project_info): a name is
// its words in order, whatever their case and separators, and a server
// that prefixes every name with its product's word, or joins words with
// "and", names its tools in its prose without them. The identifier must
// be one (two words or more, joined by "_" or "-"); a plain word is prose.
func ownSpelling(own map[string]bool, self, w string) bool {
	if !strings.ContainsAny(strings.Trim(w, "_-"), "_-") {
		return false
	}
	return ownSpelledAs(own, self, strings.Join(nameParts(w, ""), ""))
}

// nameParts returns the words of the lower-cased name n, with the
// function words ("and", "or", "of") and the word ns left out.
func nameParts(n, ns string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(strings.ToLower(n), func(r rune) bool { return r == '_' || r == '-' }) {
		if p != ns && !nameFunctionWords[p] {
			out = append(out, p)
		}
	}
	return out
}

var nameFunctionWords = map[string]bool{"and": true, "or": true, "of": true, "the": true}

// exampleValue reports whether the quoted word tok stands in the text
// lower as a member's value of a JSON example (`"search": "test"`): an
// example call's argument, one of the tool's own values as an enum value
// is (ownWord), so the text that quotes it ("projects containing 'TEST'")
// speaks of that value. A member that names what to call ("tool",
// "name", "function", "method", "action") holds a tool's name, not a
// value.
func exampleValue(lower, tok string) bool {
	q := `"` + tok + `"`
	for off := 0; ; {
		k := strings.Index(lower[off:], q)
		if k < 0 {
			return false
		}
		k += off
		off = k + len(q)
		before, ok := strings.CutSuffix(strings.TrimRight(lower[:k], " "), ":")
		if !ok {
			continue
		}
		before, ok = strings.CutSuffix(strings.TrimRight(before, " "), `"`)
		ks := strings.LastIndexByte(before, '"')
		if !ok || ks < 0 {
			continue
		}
		if key := before[ks+1:]; key != "" && !strings.ContainsAny(key, " \"") && !callKey(key) {
			return true
		}
	}
}

func callKey(key string) bool {
	for _, w := range []string{"tool", "function", "method", "action"} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return strings.Contains(key, "name") && !ownedName(key)
}

// ownCompound reports whether the plain word at lower[start:], before
// "tool", ends a compound whose word before it is a word of the server's
// own tool names (own) ("call the project info tool" of a server with
// qmetry_fetch_qmetry_project_info, "another udf fetch tool" of one with
// qmetry_fetch_udf_layout): the compound names a tool of the server's own
// domain, not another server's tool called by its last word. After a
// determiner or a verb of using ("the search tool", "use search tool") the
// word is the whole name.
func ownCompound(lower string, start int, own map[string]bool) bool {
	j := start
	for j > 0 && lower[j-1] == ' ' {
		j--
	}
	i := j
	for i > 0 && nameTab[lower[i-1]] && lower[i-1] != '.' {
		i--
	}
	w := lower[i:j]
	if w == "" || nameFunctionWords[w] || determiners[w] || useVerbs[w] {
		return false
	}
	for n := range own {
		for p := range strings.FieldsFuncSeq(n, func(r rune) bool { return r == '_' || r == '-' }) {
			if p == w {
				return true
			}
		}
	}
	return false
}

var useVerbs = map[string]bool{"use": true, "call": true, "invoke": true, "run": true, "try": true, "prefer": true, "using": true, "calling": true}

// firstForATask reports whether the preference cue c, matched at ws[i],
// ranks this tool first for a work it names after "before" ("CALL THIS
// TOOL FIRST: Before creating or updating entities with UDF values"): the
// step that work needs, as the server orders its workflow. First before
// anything ("try this tool FIRST before any other options") or with
// nothing after it ("ALWAYS CHOOSE THIS TOOL FIRST!") it still claims the
// model's choice.
func firstForATask(c *cue, t string, ws []span, i int) bool {
	if !c.wordsOnly() || c.words[len(c.words)-1] != "first" {
		return false
	}
	k := i - c.anchor + len(c.slots)
	if k+1 >= len(ws) || t[ws[k].start:ws[k].end] != "before" || sentenceBetween(t, ws, k, k+1) {
		return false
	}
	if gap := strings.TrimSpace(t[ws[k-1].end:ws[k].start]); gap != "" && gap != ":" && gap != "," {
		return false
	}
	if w := t[ws[k+1].start:ws[k+1].end]; len(w) <= 5 || !strings.HasSuffix(w, "ing") {
		return false
	}
	for j := k + 1; j < len(ws) && j <= k+6 && !sentenceBetween(t, ws, j-1, j); j++ {
		if w := t[ws[j].start:ws[j].end]; classWords[w] || w == "other" || w == "another" || w == "anything" || w == "everything" {
			return false
		}
	}
	return true
}
