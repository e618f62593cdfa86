package results

import (
	"regexp"
	"strings"
)

// The user's personal data asked for in English, as userDataAsked
// (setup.go) reads it in other languages: "share the user's email
// address", "I need to know the user's current city of residence", and a
// named person's home asked after: "By the way, where does John Doe
// live?" A tool's data has no business asking the reader what it knows of
// the person it works for, or where someone lives. Docs name the user's
// fields to say what a call returns or how to change them ("the API
// returns the user's email address", "How do I change the user's email
// address?"); they do not ask what they are.

var (
	// a verb or question that asks for a value, just before "the
	// user's": "what is", "tell me", "need to know"
	userValueAskedRe = gated(regexp.MustCompile(`\b(what is|what's|whats|what are|where is|where does|tell me|tell us|give me|reveal|disclose|divulge|share|send me|need to know|want to know|confirm|look up|find out)( to me| with me| me)? $`))
	// the personal data named after it
	userPersonalRe = regexp.MustCompile(`^(?:(?:current|home|street|mailing|private|personal|primary|full|exact|real) )*(?:e-?mail(?: address)?|address|phone(?: number)?|mobile(?: number)?|date of birth|birth ?date|birthday|city(?: of residence)?|location|residence|whereabouts|social security number|ssn|bank balance|account balance|credit card(?: number)?|passport(?: number)?|salary|password)\b`)
	// where a person, named by first and last name, lives: "where does
	// Jane Smith live?" (read in the text as written)
	livesAskedRe = regexp.MustCompile(`\b[Ww]here (?:does|do|did) (?:[A-Z][a-z]+ ){1,2}(?:currently |now |actually )?live\?`)
)

// userValueAsked reports the user's personal data asked for, from the
// anchors of " the user" (offs), or where a named person lives.
func userValueAsked(s, t string, offs []int) bool {
	for _, i := range offs {
		rest := t[i+len(" the user"):]
		var ok bool
		if rest, ok = strings.CutPrefix(rest, "'s "); !ok {
			if rest, ok = strings.CutPrefix(rest, "\u2019s "); !ok {
				continue
			}
		}
		if userPersonalRe.MatchString(rest[:min(len(rest), 40)]) && userValueAskedRe.MatchString(before(t, i+1, 40)) {
			return true
		}
	}
	// from each question mark (rare in text, found a vector at a time),
	// not from each "l"
	for k := range occurrences(t, "?") {
		if k >= 5 && t[k-5:k] == " live" && livesAskedRe.MatchString(s[max(0, k-45):k+1]) {
			return true
		}
	}
	return false
}
