package sequences

import "github.com/mcpmesh/mcpmesh/interceptors"

// Policy is the "sequences" section of a server: tags on tools, and risky
// orders of them within one MCP session (a tool that reads secrets, then
// one that sends data out).
type Policy struct {
	// Tags maps a tag to the tool patterns it names.
	Tags  map[string][]string `json:"tags"`
	Rules []Rule              `json:"rules"`
}

// Rule fires when a tool tagged Then is called within Within calls after
// one tagged After, in the same session.
type Rule struct {
	Name   string            `json:"name"`
	After  string            `json:"after"`
	Then   string            `json:"then"`
	Within int               `json:"within"`
	Mode   interceptors.Mode `json:"mode"`
}

// DefaultWithin is how many earlier calls a rule looks back by default.
const DefaultWithin = 20
