package poisoning

import "strings"

// Servers generated from an API description name each tool by the API's
// operation, behind a product prefix and before a version
// ("hosting_getNode_jsBuildSettingsFromArchiveV1",
// "agency-hosting_generateUploadURLV1"), and their prose names a sibling
// by that operation's title ("use the `Generate Upload URL` endpoint").
// A quoted title whose words, joined, are one of the server's own names
// from a separator on, separators and the version aside, names that tool,
// as a title spelt word for word does (ownTitle); a quoted title that no
// name of the list ends with still names another server's tool.

// ownVersionedTitle reports whether key, a quoted title's words joined in
// lower case, is a name of own from one of its separators ('_', '-') or
// its start to its end, without its separators and without a trailing
// version ("v1", "_v2").
func ownVersionedTitle(own map[string]bool, key string) bool {
	if len(key) < 6 {
		return false
	}
	for n := range own {
		n = trimVersion(n)
		for p := 0; p < len(n); p++ {
			if p > 0 && n[p-1] != '_' && n[p-1] != '-' {
				continue
			}
			if joinedIs(n[p:], key) {
				return true
			}
		}
	}
	return false
}

// joinedIs reports whether s without its '_' and '-' is key.
func joinedIs(s, key string) bool {
	k := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '_' || s[i] == '-' {
			continue
		}
		if k >= len(key) || s[i] != key[k] {
			return false
		}
		k++
	}
	return k == len(key)
}

// trimVersion takes a trailing version ("v1", "_v2", "V10") off a
// lower-cased name.
func trimVersion(n string) string {
	k := len(n)
	for k > 0 && n[k-1] >= '0' && n[k-1] <= '9' {
		k--
	}
	if k < len(n) && k > 1 && n[k-1] == 'v' {
		return strings.TrimRight(n[:k-1], "_-")
	}
	return n
}
