package poisoning

import (
	"encoding/json"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

// A secret named by a boolean or numeric parameter of the tool's own is a
// setting of the product about that secret, which no such parameter can
// carry; the same words with the secret asked into a string parameter, or
// beside a setting of another name, are a request.
func TestSecretOfASetting(t *testing.T) {
	for _, c := range []struct {
		param, typ, desc string
		want             bool
	}{
		{"credentialsEnabled", "boolean", "Updates the portal. credentialsEnabled: enable or disable authentication credentials for portal access - controls whether users can view private content.", false},
		{"password_min_length", "integer", "Updates the policy. The minimum password length for access to private content.", false},
		{"credentials_note", "string", "Updates the portal. credentials_note: the authentication credentials for portal access - controls whether users can view private content.", true},
		{"offline", "boolean", "Updates the portal. offline: enable or disable authentication credentials for portal access - controls whether users can view private content.", true},
		{"include_credentials", "boolean", "Updates the portal. include_credentials: the authentication credentials for portal access - controls whether users can view private content.", true},
		{"offline", "boolean", "Updates the policy. The minimum password length for access to private content.", true},
	} {
		b, _ := json.Marshal(map[string]any{
			"name":        "update_portal",
			"description": c.desc,
			"inputSchema": map[string]any{"type": "object", "properties": map[string]any{
				c.param: map[string]any{"type": c.typ},
			}},
		})
		ch := mustNew(t, &Policy{Mode: interceptors.Enforce, Action: interceptors.ActionHide}, nil)
		x := runList(t, ch, "tools/list", string(b))
		if got := len(x.Removed) > 0; got != c.want {
			t.Errorf("%q (%s %s): flagged %v, want %v (%v)", c.desc, c.param, c.typ, got, c.want, x.Findings)
		}
	}
}
