package egress

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// segment is one step of an argument path.
type segment struct {
	name  string // the member name; "*" for a wildcard
	wild  bool
	index int // the array index the name denotes, or -1
}

// parsePath splits a dotted argument path. Every segment must be non-empty.
func parsePath(p string) ([]segment, bool) {
	if p == "" {
		return nil, false
	}
	parts := strings.Split(p, ".")
	segs := make([]segment, len(parts))
	for i, s := range parts {
		if s == "" {
			return nil, false
		}
		segs[i] = segment{name: s, wild: s == "*", index: -1}
		if n, err := strconv.Atoi(s); err == nil && n >= 0 && strconv.Itoa(n) == s {
			segs[i].index = n
		}
	}
	return segs, true
}

// matches reports whether a member name (unescaped) selects seg. As in
// the argument checks, a name that differs only by letter case or after a
// NUL also matches: decoders that match member names case-insensitively,
// or cut them at NUL, would read that member as the argument.
func (seg *segment) matches(name []byte) bool {
	if seg.wild || string(name) == seg.name {
		return true
	}
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	return strings.EqualFold(string(name), seg.name)
}

// unquote returns the text of a JSON string value; it aliases raw when raw
// has no escapes. raw has been validated by the decoder.
func unquote(raw []byte) []byte {
	if len(raw) < 2 {
		return nil
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1]
	}
	s, _ := jsontext.AppendUnquote(nil, raw)
	return s
}

// maxNameInWhere bounds how much of a member name goes into Where.
const maxNameInWhere = 64

// appendName appends ".name", or `["name"]` when the name is not a plain
// identifier.
func appendName(b, name []byte) []byte {
	if plainName(name) {
		return append(append(b, '.'), name...)
	}
	if len(name) > maxNameInWhere {
		name = name[:maxNameInWhere]
		for len(name) > 0 && !utf8.Valid(name) {
			name = name[:len(name)-1]
		}
	}
	b = append(b, '[')
	b, _ = jsontext.AppendQuote(b, name)
	return append(b, ']')
}

func plainName(name []byte) bool {
	if len(name) == 0 || len(name) > maxNameInWhere {
		return false
	}
	for _, c := range name {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-', c == '$', c == '@':
		default:
			return false
		}
	}
	return true
}
