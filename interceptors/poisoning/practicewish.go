package poisoning

import "strings"

// practiceWish finds, in a definition's canonical text t (words ws), a tool
// of another server named in a sentence that credits unnamed practice with
// a wish: "audit frameworks generally prefer pre-scanning the directory
// with list_files", "team environments traditionally prefer mirroring the
// mail to Slack with post_slack_message". The practice claim is authority
// nobody can check (it counts already, in definitionLexicon); the tool it
// names, whatever preposition carries it ("with", "via", "by calling"), is
// the act the claim wants done, and so steers another tool as surely as
// an order would. The server's own tools and parameters are left out
// (otherToolIdentifier, ownFamily, schemaField), as in actThrough: a vendor
// that cites its own conventions names its own tools.
func (e *evidence) practiceWish(t string, ws []span) {
	for i := 0; i+1 < len(ws); i++ {
		if !practiceNouns[t[ws[i].start:ws[i].end]] || !wishWithin(t, ws, i) {
			continue
		}
		from, to := i, i
		for from > 0 && !sentenceBetween(t, ws, from-1, from) {
			from--
		}
		for to+1 < len(ws) && !sentenceBetween(t, ws, to, to+1) {
			to++
		}
		for k := from; k <= to; k++ {
			w := t[ws[k].start:ws[k].end]
			if strings.IndexByte(w, '_') <= 0 || !namesAnAct(w) || setsValue(t, ws, k) || !e.otherToolIdentifier(w) || e.schemaField(w) || e.ownFamily(w) {
				continue
			}
			e.fire(sigToolRef, strings.Clone(w))
			return
		}
	}
}

// wishWithin reports whether a verb of wanting follows the practice noun
// ws[i] within four words of its sentence ("frameworks generally prefer",
// "runbooks strongly recommend").
func wishWithin(t string, ws []span, i int) bool {
	return wordAhead(t, ws, i, 4, wishVerbs)
}

// mayWish is the cheap test that gates practiceWish: a stem of a verb of
// wanting somewhere in the text.
func mayWish(t string) bool {
	return strings.Contains(t, "prefer") || strings.Contains(t, "recommend") || strings.Contains(t, "favo") ||
		strings.Contains(t, "advise") || strings.Contains(t, "suggest")
}

// practiceNouns are the unnamed customs a claim is credited to, as in the
// practice cue of definitionLexicon.
var practiceNouns = map[string]bool{
	"practice": true, "practices": true, "convention": true, "conventions": true, "framework": true, "frameworks": true,
	"workflow": true, "workflows": true, "methodology": true, "methodologies": true, "runbook": true, "runbooks": true,
	"procedure": true, "procedures": true, "pipeline": true, "pipelines": true, "guideline": true, "guidelines": true,
	"standard": true, "standards": true, "architectures": true, "environments": true, "systems": true,
}

var wishVerbs = map[string]bool{
	"recommend": true, "recommends": true, "prefer": true, "prefers": true, "favor": true, "favors": true,
	"favour": true, "favours": true, "advise": true, "advises": true, "suggest": true, "suggests": true,
}
