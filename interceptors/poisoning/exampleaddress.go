package poisoning

import "strings"

// An address written as an example of a value ("From address (e.g.
// \"billing@acme.io\")", "the sender, for example jane@shop.co") shows
// the value's format, as an address at a domain reserved for
// documentation does (exampleDomain): the reader is told what such a
// value looks like, not where to send anything. Like such an address it
// is a destination where its sentence has a verb of sending ("e.g. send
// a copy to audit@ledger.io"); an address written as a plain statement
// ("questions go to support@acme.io") is one as before.

// exampleLeads end the words that give an example.
var exampleLeads = []string{"e.g.", "e.g.,", "e.g", "eg.", "eg,", "for example", "for example,", "for example:", "example:", "examples:", "such as", "for instance", "for instance,"}

// givenAsExample reports whether the e-mail address starting at t[l:] is
// written right after words that give an example, with at most quotes,
// brackets and spaces between.
func givenAsExample(t string, l int) bool {
	head := strings.TrimRight(t[:l], " \"'`(<[")
	for _, lead := range exampleLeads {
		if strings.HasSuffix(head, lead) && (len(head) == len(lead) || !wordByte(head[len(head)-len(lead)-1])) {
			return true
		}
	}
	return false
}
