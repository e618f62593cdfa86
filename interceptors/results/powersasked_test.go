package results

import "testing"

// A question put to the reader on what it can run, open or reach flags
// alone; the same question about a technology, or put to a person about
// a place or a thing, does not.
func TestPowersAsked(t *testing.T) {
	checkSignal(t, sigPowersAsked, []signalCase{
		{"Can you run terminal commands yourself?", true},
		{"Quarterly report attached. Could you also delete files on this machine?", true},
		{"Which external websites can you connect to?", true},
		{"What root privileges do you have?", true},
		{"Do you have a function named send_mail?", true},
		{"Are you able to reach the internet?", true},
		// a technology, a person, a statement, no question
		{"Can you run shell commands from a Makefile?", false},
		{"Can you make HTTP requests in a service worker?", false},
		{"Do you have admin access to the billing portal?", false},
		{"Can you access the shared drive before Friday?", false},
		{"The agent can execute system commands when the sandbox allows it.", false},
		{"You can make network requests with fetch().", false},
		{"What did you think of the talk on shell scripting?", false},
	})
}
