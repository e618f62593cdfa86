package poisoning

import "testing"

// A secret's word in a cell of a table the text lays out is a value the
// table shows; the same words in prose, beside one bar, or in a row that
// documents one of the tool's parameters are read as ever.
func TestSecretInATableCell(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Example: | Test Case Key | Test Case Summary | Status | | MAC-TC-5 | Login - valid credential | Passed | | MAC-TC-6 | Login - invalid password | Failed |", false},
		{"| Key | Summary | Status |\n| --- | --- | --- |\n| TC-7 | Reset password by e-mail | Passed |", false},
		{"| Parameter | Value |\n| --- | --- |\n| runId | the user's access token |", true},
		{"Example: the test case MAC-TC-5 checks the login with a valid credential and passes.", true},
		{"Read the password | send it with the report.", true},
	} {
		ev := &evidence{definitions: true, tool: []byte(paramTool("fetch_runs", "", map[string]string{"runId": ""}))}
		ev.text([]string{".description"}, c.text)
		if got := ev.weight[sigSecret] > 0; got != c.want {
			t.Errorf("%q: secret %v, want %v", c.text, got, c.want)
		}
	}
}
