package results

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// styleAttrValue reads what styleAttr does, and hiddenElement's tests
// before its expressions pass every style they match, on generated
// attributes and styles.
func TestStyleAttrValueAndGates(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	attrParts := []string{"style", "STYLE", "Style", "ſtyle", "ſTYLE", "styl", "xstyle", "data-style", "_style", "é", "ſ",
		" ", "  ", "\t", "\v", "\n", "=", "\"", "'", "a", "1", "-", ";", ":", "display:none", "hidden", "color:white"}
	pick := func(parts []string) string { return parts[rng.IntN(len(parts))] }
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(12) {
			if rng.IntN(3) == 0 {
				// most often an attribute that may be a style
				b.WriteString(pick(attrParts[:10]) + pick([]string{"", " ", "\t"}) + pick([]string{"=", "", ":"}) +
					pick([]string{"", " ", "\n"}) + pick([]string{`"`, `'`, "x"}) + pick(attrParts) + pick([]string{`"`, `'`, ""}))
				continue
			}
			b.WriteString(pick(attrParts))
		}
		checkStyleAttrValue(t, b.String())
	}
	styleParts := []string{"display", "DISPLAY", "none", "NoNe", "visibility", "hidden", "HIDDEN", "font-size", "FONT-SIZE", "ſize", "opacity",
		"color", "transparent", "TRANSPARENT", "left", "top", "text-indent", "height", "width", "max-height", "overflow", "white", "WHITE",
		"#fff", "#FFF", "#ffffff", "rgb(", "255", ",", ")", ":", ";", " ", "  ", "\n", "-", "0", "9", "999", "1000", ".", ".0", "px", "em",
		"%", "!", "\"", "'", "background", "K", "k", "é"}
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(styleParts[rng.IntN(len(styleParts))])
		}
		checkStyleGates(t, b.String())
	}
}

func FuzzStyleAttrValueAndGates(f *testing.F) {
	f.Add(` style = "font-size:0;" ſtyle='left:-9999px'`)
	f.Fuzz(func(t *testing.T, s string) {
		checkStyleAttrValue(t, s)
		checkStyleGates(t, s)
	})
}

func checkStyleAttrValue(t *testing.T, attrs string) {
	got, ok := styleAttrValue(attrs)
	m := styleAttr.FindStringSubmatch(attrs)
	if ok != (m != nil) || m != nil && got != m[1] {
		t.Fatalf("styleAttrValue(%q) = %q %v, styleAttr %q", attrs, got, ok, m)
	}
}

func checkStyleGates(t *testing.T, style string) {
	low := strings.ToLower(style)
	if hiddenStyle.MatchString(style) && !mayHideStyle(low) {
		t.Fatalf("hiddenStyle matches %q, mayHideStyle says no", style)
	}
	if whiteText.MatchString(style) && !mayBeWhite(low) {
		t.Fatalf("whiteText matches %q, mayBeWhite says no", style)
	}
}
