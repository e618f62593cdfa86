package poisoning

import "strings"

// settingWord reports whether w, or w without a plural s, is a word of the
// name of one of the tool's own parameters whose type is boolean, integer
// or number ("credentials" of a boolean credentialsEnabled, "password" of
// an integer password_min_length): such a parameter is a setting of the
// product about that kind of secret, and cannot carry one, so a text that
// names the secret speaks of what the tool administers ("credentialsEnabled:
// Enable/disable authentication credentials for portal access"). A secret
// named for a string parameter ("credentials_note") may be the secret
// itself, asked for, and still counts, as does a switch named for moving
// the secret ("include_credentials": a verb of transfer in its name turns
// the sending on).
func (e *evidence) settingWord(w string) bool {
	if len(e.tool) == 0 {
		return false
	}
	e.readParams()
	return e.settings[strings.TrimSuffix(w, "s")]
}

// settingParam adds to settings the words of the parameter seg
// (".name") whose schema type is typ, when that is boolean or numeric.
func (e *evidence) settingParam(seg, typ string) {
	switch typ {
	case "boolean", "integer", "number":
	default:
		return
	}
	name := strings.ToLower(camelWords(strings.TrimPrefix(seg, ".")))
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == '-' || r == ' ' })
	for _, p := range parts {
		if transferWords[p] || sendForm(p) {
			return // a switch that moves the secret: include_credentials
		}
	}
	for _, p := range parts {
		e.settings[strings.TrimSuffix(p, "s")] = true
	}
}

// transferWords are the single-word transfer cues of the lexicon (the
// verbs that move or read data: "include", "send", "read", "dump").
var transferWords = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range lexicon[sigTransfer] {
		if !strings.ContainsAny(c, " {~*") {
			m[c] = true
		}
	}
	return m
}()
