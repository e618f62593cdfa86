package results

import (
	"slices"
	"testing"
)

// signalCase is a text and whether a signal must fire on it.
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
