// Package argpath selects values inside tools/call arguments by the dotted
// argument paths of the policy ("path", "operations.*.destination.path",
// "argv.0") and renders where they were found ("params.arguments.argv.0",
// `params.arguments.operations["a.b"]`).
//
// A path is parsed once into a Path. Member names are matched the way a
// lenient server could read them: a name that differs only by letter case,
// or that goes on after a NUL, selects the segment as well, so that the
// constraints on an argument cannot be dodged by spelling its name in a way
// the server still reads as that argument.
package argpath

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// Root is the location of the arguments object in a tools/call request.
const Root = "params.arguments"

// MaxName bounds how much of a member name goes into a location.
const MaxName = 64

// Segment is one step of a path.
type Segment struct {
	name  string // the member name; "*" for a wildcard
	nameB []byte
	wild  bool
	index int // the array index the name denotes, or -1
}

// Path is a parsed argument path: one Segment per dotted part.
type Path []Segment

// Parse splits a dotted argument path. Every segment must be non-empty.
// "*" selects every member or element; a segment written as a decimal
// number without leading zeros also selects that array element.
func Parse(p string) (Path, bool) {
	if p == "" {
		return nil, false
	}
	parts := strings.Split(p, ".")
	segs := make(Path, len(parts))
	for i, s := range parts {
		if s == "" {
			return nil, false
		}
		segs[i] = Segment{name: s, nameB: []byte(s), wild: s == "*", index: -1}
		if n, err := strconv.Atoi(s); err == nil && n >= 0 && strconv.Itoa(n) == s {
			segs[i].index = n
		}
	}
	return segs, true
}

// Wild reports whether the segment is "*".
func (seg *Segment) Wild() bool { return seg.wild }

// Member reports whether a member name (unescaped) selects the segment.
// Besides the exact name, it accepts names that differ only by letter case
// (under Unicode simple folding) or after a NUL: decoders that match member
// names case-insensitively (Go's encoding/json, for one) or cut them at NUL
// would read such a member as the argument, so the argument's constraints
// apply to it as well.
func (seg *Segment) Member(name []byte) bool {
	return seg.wild || ReadAs(name, seg.name)
}

// ReadAs reports whether a lenient decoder could read the member name
// (unescaped) as n: it is n, differs from it only by letter case (Unicode
// simple folding), or is n followed by a NUL and anything.
func ReadAs(name []byte, n string) bool {
	if string(name) == n {
		return true
	}
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	return strings.EqualFold(string(name), n)
}

// Element reports whether the array element at index i selects the segment.
func (seg *Segment) Element(i int) bool { return seg.wild || seg.index == i }

// Visitor receives what Walk selects. where is the location of the value
// (or of the place where the path could not be followed); it is valid only
// during the call and may be appended to, but not written within.
type Visitor interface {
	// Value is called for each selected value; v is a slice of the source.
	Value(where []byte, v jsontext.Value)
	// Missing is called for each place where the path cannot be followed
	// (a member or element that is not there, a scalar where the path goes
	// on) or ends at null.
	Missing(where []byte)
}

// Walk selects the values at p below the value d is at, consuming that
// value, and reports them to v. d must read src in place from its start
// (from a bytes.Buffer over src, say), so that the values it reads can be
// handed out as slices of src. where is the location of the value d is at,
// typically Root; Walk appends to it and returns it at its original length,
// for the caller to reuse its storage. Walk does not allocate unless where
// has to grow.
func (p Path) Walk(d *jsontext.Decoder, src, where []byte, v Visitor) ([]byte, error) {
	w := walk{d: d, src: src, where: where, v: v}
	err := w.walk(p)
	return w.where[:len(where)], err
}

type walk struct {
	d     *jsontext.Decoder
	src   []byte
	where []byte
	v     Visitor
}

func (w *walk) walk(p Path) error {
	d := w.d
	if len(p) == 0 {
		val, err := d.ReadValue()
		if err != nil {
			return err
		}
		end := int(d.InputOffset())
		val = jsontext.Value(w.src[end-len(val) : end : end])
		if val.Kind() == 'n' {
			// null is how many clients say "not given" for an optional
			// argument: it counts as missing, and carries nothing to check.
			w.v.Missing(w.where)
			return nil
		}
		w.v.Value(w.where, val)
		return nil
	}
	seg := &p[0]
	mark := len(w.where)
	open := d.PeekKind()
	if open != '{' && open != '[' || open == '[' && !seg.wild && seg.index < 0 {
		// A scalar where the path goes on, or an array where it names a
		// member: nothing can be found below it.
		if err := d.SkipValue(); err != nil {
			return err
		}
		w.missingAt(seg, mark)
		return nil
	}
	if _, err := d.ReadToken(); err != nil {
		return err
	}
	closing := jsontext.Kind('}')
	if open == '[' {
		closing = ']'
	}
	found := false
	for i := 0; d.PeekKind() != closing; i++ {
		var selected bool
		if open == '{' {
			rawName, err := d.ReadValue()
			if err != nil {
				return err
			}
			name := Unquote(rawName)
			if selected = seg.Member(name); selected {
				w.where = AppendName(w.where, name)
			}
		} else if selected = seg.Element(i); selected {
			w.where = AppendIndex(w.where, i)
		}
		if !selected {
			if err := d.SkipValue(); err != nil {
				return err
			}
			continue
		}
		found = true
		if err := w.walk(p[1:]); err != nil {
			return err
		}
		w.where = w.where[:mark]
	}
	if _, err := d.ReadToken(); err != nil {
		return err
	}
	if !found && !seg.wild {
		w.missingAt(seg, mark)
	}
	return nil
}

func (w *walk) missingAt(seg *Segment, mark int) {
	if seg.wild {
		w.where = append(w.where, ".*"...)
	} else {
		w.where = AppendName(w.where, seg.nameB)
	}
	w.v.Missing(w.where)
	w.where = w.where[:mark]
}

// Unquote returns the text of a JSON string value; it aliases raw when raw
// has no escapes. raw must have been validated (read by a decoder).
func Unquote(raw []byte) []byte {
	if len(raw) < 2 {
		return nil
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1]
	}
	s, _ := jsontext.AppendUnquote(nil, raw)
	return s
}

// AppendName appends the location of a member: ".name", or `["name"]` when
// the name is not a plain identifier (it holds dots, quotes, spaces,
// control characters, ...). A quoted name is cut to MaxName bytes, on a
// character boundary.
func AppendName(b, name []byte) []byte {
	if plainName(name) {
		return append(append(b, '.'), name...)
	}
	if len(name) > MaxName {
		name = name[:MaxName]
		for len(name) > 0 && !utf8.Valid(name) {
			name = name[:len(name)-1]
		}
	}
	b = append(b, '[')
	b, _ = jsontext.AppendQuote(b, name)
	return append(b, ']')
}

// AppendIndex appends the location of an array element: ".i".
func AppendIndex(b []byte, i int) []byte {
	return strconv.AppendInt(append(b, '.'), int64(i), 10)
}

func plainName(name []byte) bool {
	if len(name) == 0 || len(name) > MaxName {
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
