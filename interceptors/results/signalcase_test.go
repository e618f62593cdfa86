package results

import (
	"slices"
	"testing"
)

// signalCase is a text and whether a signal must fire on it (checkSignal)
// or the text be flagged (checkFlagged).
type signalCase struct {
	text string
	want bool
}

// checkSignal fails for each case where sig fires on a text it must not
// fire on, or does not fire where it must.
func checkSignal(t *testing.T, sig resultSignal, cases []signalCase) {
	t.Helper()
	for _, tc := range cases {
		_, found := resultSignals(tc.text)
		if got := slices.Contains(found, sig.name); got != tc.want {
			t.Errorf("%q: %v, want %q %v", tc.text, found, sig.name, tc.want)
		}
	}
}

// checkFlagged checks each case's verdict by the lexical signals alone
// (model: false), whatever signal makes it.
func checkFlagged(t *testing.T, cases []signalCase) {
	t.Helper()
	off := false
	c, err := New(&Policy{Model: &off})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		if got := flagged(t, c, tc.text); got != tc.want {
			t.Errorf("%q: flagged %v, want %v", tc.text, got, tc.want)
		}
	}
}
