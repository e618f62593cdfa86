package results

import "testing"

// TestFlagDocGate lists a match of each of flagDoc's forms and words;
// each must pass mayFlagDoc in every spelling (and TestGatedExpressions
// reads the gate on the corpus).
func TestFlagDocGate(t *testing.T) {
	for _, s := range flagDocSeeds {
		if !flagDoc.MatchString(s) {
			t.Errorf("flagDoc does not match %q", s)
		}
		for _, v := range spellings(s) {
			v = lowerASCII(v)
			if flagDoc.MatchString(v) && !mayFlagDoc(v) {
				t.Errorf("flagDoc matches %q, mayFlagDoc fails", v)
			}
		}
	}
}

var flagDocSeeds = []string{"-y", "--yes to skip", "\n  * --force deletes", "\n- `-f`", "  -q", "use --yes", "pass `-y`", "add --force", "with -y",
	"set --no-confirm", "specify --yes", "supply -y", "append --force", "or --yes", "and -y", "the --force", "a -y",
	"the flag", "this option", "a switch", "the parameter", "that setting"}

func init() {
	gates = append(gates, gate{"flagDoc", flagDoc, mayFlagDoc, flagDocSeeds, false})
}
