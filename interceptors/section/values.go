package section

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/mcpmesh/mcpmesh/interceptors"
)

// Readers of the kinds of value every section uses.

// Mode reads an enforce or audit switch; e may be nil (enforce). offHint
// tells how to turn the thing off instead of writing "off".
func (l *Reader) Mode(e *Entry, offHint string) interceptors.Mode {
	if e == nil {
		return interceptors.Enforce
	}
	if v, ok := l.Choice(e, modes, map[string]string{"off": offHint}); ok {
		return interceptors.Mode(v)
	}
	return interceptors.Enforce
}

// ArgumentPathProblem describes what is wrong with an argument path, if anything.
func ArgumentPathProblem(s string) string {
	if problem := NameProblem("argument path", s); problem != "" {
		return problem
	}
	for _, seg := range strings.Split(s, ".") {
		if seg == "" {
			return fmt.Sprintf(`argument path %q has an empty segment; separate names with single dots, as in "options.target"`, s)
		}
	}
	return ""
}

// Count reads a bound such as maxLength: a whole number from 1 up.
func (l *Reader) Count(e *Entry, unit string) (int, bool) {
	return l.Bounded(e, "a whole number of "+unit, 1, math.MaxInt32, "%d and %d "+unit, "; remove the key for no bound")
}

// Regexps reads a list of RE2 regular expressions, compiling each.
func (l *Reader) Regexps(e *Entry) []string {
	items, ok := l.Items(e, "a list of regular expressions")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		l.Errorf(e.Pos(), e.Path, "must list at least one regular expression; remove the key for no constraint")
		return nil
	}
	var out []string
	for _, it := range items {
		s, ok := l.Str(it, "a regular expression (a string)")
		if !ok {
			continue
		}
		if problem := RegexpProblem(s); problem != "" {
			l.Errorf(it.Pos(), it.Path, "%s", problem)
			continue
		}
		out = append(out, s)
	}
	return out
}

// RegexpProblem describes why s is not a usable RE2 expression, if it is not.
func RegexpProblem(s string) string {
	if s == "" {
		return "regular expression must not be empty (it would match every string)"
	}
	_, err := regexp.Compile(s)
	if err == nil {
		return ""
	}
	var se *syntax.Error
	if !errors.As(err, &se) {
		return fmt.Sprintf("%q is not a valid RE2 regular expression: %v", s, err)
	}
	msg := fmt.Sprintf("%q is not a valid RE2 regular expression: %s", s, se.Code)
	if se.Expr != "" && se.Expr != s {
		msg += fmt.Sprintf(" in %q", se.Expr)
	}
	backreference := se.Code == syntax.ErrInvalidEscape && len(se.Expr) > 1 && se.Expr[1] >= '1' && se.Expr[1] <= '9'
	if se.Code == syntax.ErrInvalidPerlOp || backreference {
		msg += " (RE2 has no lookahead, lookbehind or backreferences)"
	}
	return msg
}

// Abbreviate shortens a value quoted in a message.
func Abbreviate(s string) string {
	const limit = 40
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// OneLine joins a multi-line message into one line.
func OneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// Bounded reads a whole number in [lo, hi] (at most MaxInt32). want names
// it in a type error; between, a format taking lo and hi, names the range
// ("%d (64) and %d (1 MiB) bytes"); zeroHint is added when the value is 0.
func (l *Reader) Bounded(e *Entry, want string, lo, hi int64, between, zeroHint string) (int, bool) {
	n, ok := e.Node.(*ast.IntegerNode)
	if !ok {
		if e.Node != nil {
			l.TypeError(e, want)
		}
		return 0, false
	}
	v, ok := IntValue(n)
	if !ok || v < lo || v > hi || v > math.MaxInt32 {
		hint := ""
		if ok && v == 0 {
			hint = zeroHint
		}
		l.Errorf(e.Pos(), e.Path, "must be between %s, got %s%s", fmt.Sprintf(between, lo, hi), n.GetToken().Value, hint)
		return 0, false
	}
	return int(v), true
}

// ReadLimited reads a regular file of at most limit bytes.
func ReadLimited(name string, limit int) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return data, nil
}

// LineColumn converts a byte offset in data to a 1-based line and column.
func LineColumn(data []byte, offset int64) (int, int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	return line, int(offset) - (bytes.LastIndexByte(before, '\n') + 1) + 1
}

// ReadFile reads the file named by e, relative to the policy file, of at
// most limit bytes. hint, if set, adds to the message of a missing file.
func (l *Reader) ReadFile(e *Entry, what string, limit int, hint func(file string) string) (string, []byte) {
	p, ok := l.Str(e, "the path of a "+what+" file (a string)")
	if !ok {
		return "", nil
	}
	if problem := NameProblem(what+" file path", p); problem != "" {
		l.Errorf(e.Pos(), e.Path, "%s", problem)
		return "", nil
	}
	file := p
	if !filepath.IsAbs(file) {
		file = filepath.Join(l.Dir, file)
	}
	data, err := ReadLimited(file, limit)
	if err != nil {
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		if hint != nil && errors.Is(err, fs.ErrNotExist) {
			msg += hint(file)
		}
		l.Errs = append(l.Errs, &Error{File: l.File, Line: e.Pos().Line, Column: e.Pos().Col, Field: e.Path,
			Msg: fmt.Sprintf("cannot read %s file %s: %s", what, file, msg), Cause: err})
		return "", nil
	}
	l.Files = append(l.Files, file)
	return file, data
}

// FirstUse is where a value that must be unique was first used.
type FirstUse struct {
	Path string
	Line int
}

// UniqueName checks that s, held by f in owner, is a valid name (what: "rule
// name") that names has not seen yet, and records it.
func (l *Reader) UniqueName(f *Entry, s, what, owner string, names map[string]FirstUse) {
	if !ruleName.MatchString(s) {
		l.Errorf(f.Pos(), f.Path, "%q is not a valid %s: use lowercase letters, digits and '-' (at most 63 characters)", s, what)
	} else if first, dup := names[s]; dup {
		l.Errorf(f.Pos(), f.Path, "%s %q is already used by %s (line %d)", what, s, first.Path, first.Line)
	} else {
		names[s] = FirstUse{Path: owner, Line: f.Pos().Line}
	}
}

// Pattern is one tool Pattern and where it was written.
type Pattern struct {
	Value string
	Path  string
	At    Pos
}

// Patterns reads a list of tool name Patterns. Invalid entries are reported
// and left out.
func (l *Reader) Patterns(e *Entry, emptyHint string) []Pattern {
	if IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, "must be a list of tool name patterns; %s", emptyHint)
		return nil
	}
	items, ok := l.Items(e, "a list of tool name patterns")
	if !ok {
		return nil
	}
	out := []Pattern{}
	seen := map[string]Pattern{}
	for _, it := range items {
		s, ok := l.Str(it, "a tool name or glob pattern (a string)")
		if !ok {
			continue
		}
		p := Pattern{Value: s, Path: it.Path, At: it.Pos()}
		if problem := PatternProblem(s); problem != "" {
			l.Errorf(p.At, p.Path, "%s", problem)
			continue
		}
		if first, dup := seen[s]; dup {
			l.Warnf(p.At, p.Path, "pattern %q is listed twice (first at line %d)", s, first.At.Line)
		} else {
			seen[s] = p
		}
		out = append(out, p)
	}
	return out
}

func PatternProblem(s string) string { return NameProblem("pattern", s) }

// NameProblem describes why s cannot name something (what), if it cannot:
// names are non-empty, printable UTF-8.
func NameProblem(what, s string) string {
	if s == "" {
		return what + " must not be empty"
	}
	if !utf8.ValidString(s) {
		return what + " is not valid UTF-8"
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return fmt.Sprintf("%s %q contains the non-printable character %U", what, s, r)
		}
	}
	return ""
}

var DNSLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

var ruleName = regexp.MustCompile(`^[a-z0-9-]{1,63}$`)

// modes are the values of every enforce/audit switch.
var modes = []string{string(interceptors.Enforce), string(interceptors.AuditOnly)}

// HostProblem describes why host is not a host name or IP address ("" if it is).
func HostProblem(host string, bracketed bool) string {
	if host == "" {
		return `host is missing; write "0.0.0.0:PORT" to mean every interface`
	}
	if bracketed || strings.Contains(host, ":") {
		if a, err := netip.ParseAddr(host); err != nil || !a.Is6() {
			return fmt.Sprintf("%q is not a valid IPv6 address", host)
		}
		return ""
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return ""
	}
	if AllNumeric(host) {
		return fmt.Sprintf("%q is not a valid IPv4 address", host)
	}
	if len(host) > 253 {
		return "host name is longer than 253 characters"
	}
	for _, label := range strings.Split(strings.TrimSuffix(host, "."), ".") {
		if !hostLabel.MatchString(label) {
			return fmt.Sprintf("%q is not a valid host name or IP address", host)
		}
	}
	return ""
}

var hostLabel = regexp.MustCompile(`^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$`)

// AllNumeric reports whether a dotted name looks like an IPv4 address.
func AllNumeric(host string) bool {
	return strings.Trim(host, "0123456789.") == ""
}

// duration reads a whole number of milliseconds in [lo, hi]; examples
// ("2s" or "500ms") and bounds ("10ms and 60s") are for messages.
// Duration reads a duration such as "2s" in [lo, hi], whole milliseconds.
func (l *Reader) Duration(e *Entry, examples string, lo, hi time.Duration, bounds string) (time.Duration, bool) {
	s, ok := l.Str(e, "a duration such as "+examples)
	if !ok {
		return 0, false
	}
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		l.Errorf(e.Pos(), e.Path, "must be a duration such as %s, got %q", examples, s)
	case d < lo || d > hi:
		l.Errorf(e.Pos(), e.Path, "must be between %s, got %s", bounds, s)
	case d%time.Millisecond != 0:
		l.Errorf(e.Pos(), e.Path, "must be a whole number of milliseconds, got %s", s)
	default:
		return d, true
	}
	return 0, false
}

// Scopes reads a list of OAuth scopes: each one token, without spaces or
// quotes. Bad entries are reported and left out.
func (l *Reader) Scopes(e *Entry) []string {
	items, ok := l.Items(e, "a list of scopes (strings)")
	if !ok {
		return nil
	}
	var out []string
	for _, it := range items {
		v, ok := l.Str(it, "a scope (a string)")
		if !ok {
			continue
		}
		if v == "" || strings.ContainsAny(v, " \t\"\\") {
			l.Errorf(it.Pos(), it.Path, "%q is not a scope: one token, no spaces or quotes", v)
			continue
		}
		out = append(out, v)
	}
	return out
}

// ServiceURL reads the URL of a service the mesh calls (a token endpoint,
// a key set): https, or http on a loopback address for local development.
// ok is false when the value is not such a URL (reported).
func (l *Reader) ServiceURL(e *Entry, what string) (string, bool) {
	v, ok := l.Str(e, "the "+what+" URL (a string)")
	if !ok {
		return "", false
	}
	if u, err := url.Parse(v); err != nil || u.Host == "" || u.User != nil || u.Fragment != "" || (u.Scheme != "https" && !(u.Scheme == "http" && LoopbackHost(u.Hostname()))) {
		l.Errorf(e.Pos(), e.Path, "must be an https URL (http only on loopback), got %q", v)
		return v, false
	}
	return v, true
}

// LoopbackHost reports whether h is "localhost" or a loopback address.
func LoopbackHost(h string) bool {
	if h == "localhost" {
		return true
	}
	a, err := netip.ParseAddr(h)
	return err == nil && a.IsLoopback()
}
