package results

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestZeroFontSize holds zeroFontSize to hiddenStyle's font size: on
// styles made of its parts in every case and spelling, where the
// expression matches, mayHideStyle must pass (only this form is then left
// to it: the parts hold no word of the others).
func TestZeroFontSize(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	parts := []string{"font-size", "FONT-SIZE", "Font-Size", "font-ſize", "FONT-ſIZE", "font-family", "font-", "size", " ", "\t", "\f", "\n", "\v",
		":", ";", "!", "0", "00", ".", ".0", "1", "14", "px", "PX", "pt", "em", "rem", "REM", "%", "x", "é", "important", "\""}
	seeds := []string{"font-size:0", "font-size: 0px;", "FONT-SIZE : .0em", "font-ſize:0", "font-size:;", "font-size: !important", "font-size:px", "font-size:\f%"}
	for _, s := range seeds {
		if !hiddenStyle.MatchString(s) {
			t.Errorf("hiddenStyle does not match %q", s)
		}
		checkStyleGates(t, s)
	}
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		checkStyleGates(t, b.String())
	}
	for _, s := range []string{"font-family: arial", "font-size: 14px", "font-size:1em"} {
		if zeroFontSize(strings.ToLower(s)) {
			t.Errorf("zeroFontSize(%q) = true", s)
		}
	}
}
