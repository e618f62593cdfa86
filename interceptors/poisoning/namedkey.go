package poisoning

import "strings"

// A key is read by the noun it names. "name" alone, or the name of a
// callable ("tool_name", "functionName", "command_name"), holds what to
// call, and a plain word quoted as its value still names a tool. A name
// qualified by a noun of data ("table_name = 'users'" in a SQL example,
// "column_name", "file_name", "user_name") is the name of that table,
// column, file or person: the quoted word is data, whatever another
// server calls its tools.

// callableNouns are the nouns of things called, which keep a name key
// qualified by them a key of what to call.
var callableNouns = []string{"command", "operation", "procedure", "endpoint", "handler", "skill", "agent", "server"}

// ownedName reports whether key (lower-cased, a key that holds "name") is
// the name of a thing that is not called: "name" after a qualifier ("table_",
// "column", "user_") that names no callable.
func ownedName(key string) bool {
	i := strings.Index(key, "name")
	qual := strings.Trim(key[:i], "_-.")
	if qual == "" {
		return false // "name", "names", "name_of_tool"
	}
	for _, n := range callableNouns {
		if strings.Contains(qual, n) {
			return false
		}
	}
	return true
}
