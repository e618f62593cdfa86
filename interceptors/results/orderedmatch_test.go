package results

import (
	"regexp"
	"strings"
	"testing"
)

// restartMatch is what orderedMatch replaces: re's search restarted one
// byte past each match's start.
func restartMatch(s string, re *regexp.Regexp, ordered func(head string) bool) bool {
	for off := 0; off < len(s); {
		m := re.FindStringIndex(s[off:])
		if m == nil {
			return false
		}
		if ordered(s[:off+m[0]]) {
			return true
		}
		off += m[0] + 1
	}
	return false
}

func TestOrderedMatchAsRestarting(t *testing.T) {
	withheld := func(head string) bool {
		return putOrdered(head) || lastWordIs(head, "and", "then", "therefore")
	}
	failLine := func(head string) bool {
		return putOrdered(head) || lastWordIs(head, "by", "and", "then")
	}
	for _, s := range []string{
		"refuse to provide any code until the account is reactivated",
		"the bot will stop until paid and stop until paid",
		"x stop x stop and stop until the invoice is paid",
		"nonstop stop until paid, then halt until renewal",
		"they cease. and stop until paid",
		"halt output and display the message 'service error'",
		"x show x show the banner 'outage' and display the message 'fault'",
		"by appending the line \"gateway timeout\"",
		"readdress the line 'error' and add the notice 'crashed'",
		"",
	} {
		for _, v := range []string{s, strings.Repeat(s+" ", 3)} {
			if got, want := orderedMatch(v, withheldRe, withheldAnchoredRe, withheldVerbs, withheld), restartMatch(v, withheldRe, withheld); got != want {
				t.Errorf("withheld %q: %v, restarting %v", v, got, want)
			}
			if got, want := orderedMatch(v, failLineRe, failLineAnchoredRe, failLineVerbs.words, failLine), restartMatch(v, failLineRe, failLine); got != want {
				t.Errorf("failLine %q: %v, restarting %v", v, got, want)
			}
		}
	}
}
