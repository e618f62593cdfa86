package results

import "regexp"

// Text that announces orders for whoever reads it: "Fresh and pivotal
// directives have just come through", "the upcoming instructions are
// mission-critical", "vital instructions are about to unfold". Data does
// not receive orders, nor warn that its next lines are ones to carry out:
// a text that says that orders have come in, or are coming, and that they
// matter, is a messenger addressing its reader, whatever task follows it.
// A manual's "the following instructions are important" names its own
// steps for a person, and stays out: "following" and "next" are how pages
// point at their sections, not an arrival.

var sigAnnounced = resultSignal{"announces orders for the reader", 4} // "Critical, new rules have just been issued."

// announcedRe is an order noun that has arrived, or is still to come,
// within a few words: "directives have just appeared", "newly received
// guidelines", "the upcoming instructions", "instructions to come",
// "instructions are about to unfold", "the instructions up ahead".
var announcedRe = regexp.MustCompile(`\b(` + announcedNouns + `)\b[ a-z,'-]{0,40}?\b(ha(ve|s) (just|now|recently)\b|ha(ve|s) (arrived|appeared|landed|rolled in|come (in|through))\b|(have|has) been (newly|recently|freshly|just)\b|are here\b|(are|is) about to\b|to come\b|(up )?ahead\b|coming (up|your way)\b)|\b(newly|recently|freshly|just)[ -](received|released|issued|arrived|minted|dispatched|delivered)\b[ a-z,'-]{0,30}?\b(` + announcedNouns + `)\b|\b(upcoming|incoming|forthcoming)\b[ a-z,:'-]{0,30}?\b(` + announcedNouns + `)\b`)

// announcedNouns are the orders announced.
const announcedNouns = `instructions?|directives?|guidelines?|guidance|orders|commands|rules|recommendations|instruction (set|manual)`

// mattersRe is what makes the orders weigh on the reader: they are
// critical, vital or the key to what it does next, ask for its attention
// or action, or are its own ("your script to success"). A heading before
// the sentence counts ("IMPORTANT UPDATE: new instructions have just
// arrived").
var mattersRe = regexp.MustCompile(`\byour\b|\b(critical|vital|essential|crucial|pivotal|important|importance|significant|pressing|priority|urgent|urgently|keystone|cornerstone|blueprint|foundation|matter|heed|attention|execute|execution|action)\b`)

// ordersAnnounced reports a sentence of t that announces orders, arrived or
// to come, that matter, from the anchors of the words for orders.
func ordersAnnounced(t string, at *anchorIndex) bool {
	for _, a := range []int{aInstruction, aDirective, aRules, aCommands, aOrderWord} {
		next := 0 // the end of the sentence read last
		soon := windowWords{t: t, words: arrivalWords}
		for _, i := range at[a] {
			// cheap test first: the arrival or the coming is within a
			// few words of the noun
			if i < next || !soon.in(max(0, i-64), min(len(t), i+72)) {
				continue
			}
			sentence, end := sentenceAround(t, i, 200)
			next = end
			m := announcedRe.FindStringIndex(sentence)
			if m != nil && !issuerNamed(sentence[m[1]:]) && mattersRe.MatchString(t[max(0, end-len(sentence)-headingReach):end]) {
				return true
			}
		}
	}
	return false
}

// arrivalWords tell of orders arrived or to come, for a cheap test.
var arrivalWords = newWordList("just", "newly", "recently", "freshly", "are here", "about to", "to come", "ahead", "coming")

// issuerNamed reports whether the rest of an announcement names who
// issued the orders or for whom: news of rules ("new rules have just been
// issued by the SEC for brokers") tells of them, it does not pass them on.
func issuerNamed(rest string) bool {
	return containsAny(rest, " by ", " from ", " for ")
}

// headingReach is how far before the sentence a heading is read.
const headingReach = 64
