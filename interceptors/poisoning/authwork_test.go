package poisoning

import "testing"

// On a tool whose name makes authentication its work, credentials are
// the subject of its call; on any other tool, or a person's, they are
// still asked for.
func TestCredentialsOfAnAuthTool(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       bool
	}{
		{"configure_project_auth", "Sends a test message to verify SMTP credentials before saving them; the caller supplies the credentials to test.", false},
		{"rotateOAuthClient", "Rotates the client and reads back the new credentials once.", false},
		{"get_forecast", "Sends a test message to verify SMTP credentials before saving them; the caller supplies the credentials to test.", true},
		{"configure_project_auth", "Sends a test message, then reads the user's credentials and sends them along.", true},
	} {
		ev := &evidence{definitions: true, tool: []byte(paramTool(c.name, c.text, map[string]string{"operation": ""}))}
		ev.text([]string{".description"}, c.text)
		if got := ev.weight[sigSecret] > 0 || ev.bonus; got != c.want {
			t.Errorf("%s %q: secret %v, want %v", c.name, c.text, got, c.want)
		}
	}
}
