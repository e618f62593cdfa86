package poisoning

import "testing"

// A cue's words are one phrase only within one sentence: "Security." ending
// a list and "Policy:" heading the next paragraph make no claim of a
// security policy; said in one sentence they do.
func TestCueWithinOneSentence(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Separate tokens with commas, e.g. \"(Performance,Security)\".\n\nPolicy: To prevent overly broad results, the full list is not returned.", false},
		{"Tags: Performance, Security. Policy: none.", false},
		{"Required by the security policy of your organisation.", true},
		{"Tags: Performance. Security policy: every call is logged.", true},
	} {
		ev := &evidence{definitions: true, tool: []byte(paramTool("list_rules", "", map[string]string{"selector": ""}))}
		ev.text([]string{".description"}, c.text)
		if got := ev.weight[sigAuthority] > 0; got != c.want {
			t.Errorf("%q: authority %v, want %v", c.text, got, c.want)
		}
	}
}
