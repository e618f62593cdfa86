package poisoning

import (
	"fmt"
	"regexp"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

var poisoningActions = []string{string(interceptors.ActionHide), string(interceptors.ActionBlock), string(interceptors.ActionAudit)}

// Defaults and bounds of the poisoning section.
const (
	MinMaxDescriptionBytes = 64
	MaxMaxDescriptionBytes = 1 << 20
	// maxLockFileBytes bounds the lock file read.
	maxLockFileBytes = 8 << 20
)

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Decode reads the section; server names the server for the lock file's check and hints.
func Decode(l *section.Reader, e *section.Entry, server string) *Policy {
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
	p := &Policy{Action: interceptors.ActionHide, MaxDescriptionBytes: DefaultMaxDescriptionBytes}
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
		p.Pins = readLockFile(l, lock, server)
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

// readLockFile reads the lock file named by e and returns its pins.
// Problems with the file's content are reported at e, naming the file.
func readLockFile(l *section.Reader, e *section.Entry, server string) map[string]string {
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
	return ParseLock(data, server, bad)
}
