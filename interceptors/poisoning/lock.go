package poisoning

import (
	jsonv1 "encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

// The lock file: written by `mcpmesh lock` (Lock), read by the policy
// loader (ParseLock), its pins checked by this interceptor.

// LockVersion is the format version of the lock file written by Lock.
const LockVersion = 1

// lockFile is the JSON form written by Lock.
type lockFile struct {
	Version int               `json:"version"`
	Server  string            `json:"server"`
	Tools   map[string]string `json:"tools"`
}

// Lock returns the lock file for a server's tools/list result: the
// definition hash of every tool, as `mcpmesh lock` writes it and
// Policy.Pins reads it:
//
//	{
//	  "version": 1,
//	  "server": "github",
//	  "tools": {
//	    "create_issue": "<sha256 hex>",
//	    ...
//	  }
//	}
//
// Tools are sorted by name; two tools with one name are refused.
func Lock(server string, toolsListResult jsontext.Value) ([]byte, error) {
	tools, err := jsonrpc.ReadTools(toolsListResult)
	if err != nil {
		return nil, err
	}
	lf := lockFile{Version: LockVersion, Server: server, Tools: make(map[string]string, len(tools))}
	for i, t := range tools {
		name, sum, err := definition(t)
		if err != nil {
			return nil, fmt.Errorf("tools[%d]: %w", i, err)
		}
		if _, dup := lf.Tools[name]; dup {
			return nil, fmt.Errorf("tools[%d]: tool %q is listed twice", i, name)
		}
		lf.Tools[name] = sum
	}
	// encoding/json writes map keys sorted.
	out, err := jsonv1.MarshalIndent(lf, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// ParseLock checks a lock file written by Lock and returns its pins (tool
// name to hash). Each problem is passed to bad, and a file that is unusable
// as a whole gives nil. server, when set, must be the server it names. This
// is the one reader of the format: the policy loader reports its problems
// at the lockFile field.
func ParseLock(data []byte, server string, bad func(format string, args ...any)) map[string]string {
	var top map[string]jsontext.Value
	if err := json.Unmarshal(data, &top); err != nil || top == nil {
		var se *jsontext.SyntacticError
		if errors.As(err, &se) {
			line, col := section.LineColumn(data, se.ByteOffset)
			bad("not valid JSON at line %d, column %d: %v", line, col, se.Err)
		} else {
			bad(`must be a JSON object with "version", "server" and "tools"`)
		}
		return nil
	}
	known := []string{"version", "server", "tools"}
	for _, k := range slices.Sorted(maps.Keys(top)) {
		if !slices.Contains(known, k) {
			bad("unknown member %q%s", k, section.Suggest(k, known))
		}
	}
	if v, ok := top["version"]; !ok {
		bad(`"version" is missing; it must be %d`, LockVersion)
	} else if string(v) != fmt.Sprint(LockVersion) {
		bad(`"version" must be %d, got %s`, LockVersion, section.Abbreviate(string(v)))
	}
	if v, ok := top["server"]; !ok {
		bad(`"server" is missing; it must name this server (%q)`, server)
	} else {
		var s string
		if json.Unmarshal(v, &s) != nil {
			bad(`"server" must be a string, got %s`, section.Abbreviate(string(v)))
		} else if server != "" && s != server {
			bad(`"server" is %q, but the lock file is used by server %q; each server needs its own lock file`, s, server)
		}
	}
	v, ok := top["tools"]
	if !ok {
		bad(`"tools" is missing; it maps each approved tool to the sha256 of its definition`)
		return nil
	}
	var tools map[string]jsontext.Value
	if json.Unmarshal(v, &tools) != nil || tools == nil {
		bad(`"tools" must be an object mapping tool names to sha256 hashes, got %s`, section.Abbreviate(string(v)))
		return nil
	}
	if len(tools) == 0 {
		bad(`"tools" is empty, so no tool would be approved; write the lock file with "mcpmesh lock" while the server offers its tools`)
		return nil
	}
	pins := map[string]string{}
	for _, tool := range slices.Sorted(maps.Keys(tools)) {
		if problem := section.NameProblem("tool name", tool); problem != "" {
			bad("%s", problem)
			continue
		}
		var h string
		if json.Unmarshal(tools[tool], &h) != nil || !sha256Hex.MatchString(h) {
			bad("tool %q: hash must be a sha256 in 64 lower-case hexadecimal digits, got %s", tool, section.Abbreviate(string(tools[tool])))
			continue
		}
		pins[tool] = h
	}
	return pins
}

func validHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
