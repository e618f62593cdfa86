package policy

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

// The "poisoning" section of a server: checks of the tool definitions the
// server publishes, optionally pinned by a lock file.

var poisoningActions = []string{string(interceptors.ActionHide), string(interceptors.ActionBlock), string(interceptors.ActionAudit)}

// Defaults and bounds of the poisoning section.
const (
	DefaultMaxDescriptionBytes = 4096
	MinMaxDescriptionBytes     = 64
	MaxMaxDescriptionBytes     = 1 << 20
	// LockFileVersion is the only accepted "version" of a lock file.
	LockFileVersion = 1
	// maxLockFileBytes bounds the lock file read.
	maxLockFileBytes = 8 << 20
)

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

func (l *loader) poisoning(e *section.Entry, server string) *poisoning.Policy {
	if e == nil {
		return nil
	}
	if section.IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, `must be a mapping; write "poisoning: {}" to check tool definitions with the defaults, or remove the key to turn the checks off`)
		return nil
	}
	fs := l.Fields(e, "a mapping with mode, action, maxDescriptionBytes, lockFile and onChange", "mode", "action", "maxDescriptionBytes", "lockFile", "onChange")
	if fs == nil {
		return nil
	}
	p := &poisoning.Policy{Action: interceptors.ActionHide, MaxDescriptionBytes: DefaultMaxDescriptionBytes}
	p.Mode = l.Mode(fs["mode"], "remove the poisoning key to turn the checks off")
	if f := fs["action"]; f != nil {
		if v, ok := l.Choice(f, poisoningActions, nil); ok {
			p.Action = interceptors.RuleAction(v)
		}
	}
	if f := fs["maxDescriptionBytes"]; f != nil {
		if v, ok := l.Bounded(f, "a whole number of bytes", MinMaxDescriptionBytes, MaxMaxDescriptionBytes, "%d (64) and %d (1 MiB) bytes", ""); ok {
			p.MaxDescriptionBytes = v
		}
	}
	lock := fs["lockFile"]
	if lock != nil {
		p.OnChange = interceptors.ActionBlock
		p.Pins = l.lockFile(lock, server)
	}
	if f := fs["onChange"]; f != nil {
		if lock == nil {
			l.Errorf(f.KeyPos, f.Path, "only used with lockFile: without a lock file no tool definition is pinned, so it would do nothing")
		} else if v, ok := l.Choice(f, poisoningActions, nil); ok {
			p.OnChange = interceptors.RuleAction(v)
		}
	}
	return p
}

// lockFile reads and checks the lock file named by e and returns its pins.
// Problems with the file's content are reported at e, naming the file.
func (l *loader) lockFile(e *section.Entry, server string) map[string]string {
	var hint func(string) string
	if server != "" {
		hint = func(file string) string {
			return fmt.Sprintf(`; write it with "mcpmesh lock -server %s -o %s"`, server, file)
		}
	}
	file, data := l.ReadFile(e, "lock", maxLockFileBytes, hint)
	if data == nil {
		return nil
	}
	bad := func(format string, args ...any) {
		l.Errorf(e.Pos(), e.Path, "lock file %s: %s", file, fmt.Sprintf(format, args...))
	}
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
		bad(`"version" is missing; it must be %d`, LockFileVersion)
	} else if string(v) != fmt.Sprint(LockFileVersion) {
		bad(`"version" must be %d, got %s`, LockFileVersion, section.Abbreviate(string(v)))
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
