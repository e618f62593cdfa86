package arguments

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// walker reads one JSON value in place with a pooled decoder. Raw values it
// returns are slices of the source.
type walker struct {
	buf bytes.Buffer
	dec jsontext.Decoder
	src []byte

	// While selecting argument values for a rule:
	where []byte // "params.arguments" and the concrete path so far
	run   *run
	rule  *rule
}

var walkers = sync.Pool{New: func() any { return new(walker) }}

func getWalker(src []byte) *walker {
	w := walkers.Get().(*walker)
	w.src = src
	w.buf = *bytes.NewBuffer(src) // read in place, without copying
	w.dec.Reset(&w.buf)
	return w
}

func putWalker(w *walker) {
	w.src = nil
	w.buf = bytes.Buffer{}
	w.dec.Reset(&w.buf) // drop references to the source
	w.where = w.where[:0]
	w.run, w.rule = nil, nil
	walkers.Put(w)
}

// value reads the next value and returns it as a slice of the source.
func (w *walker) value() (jsontext.Value, error) {
	v, err := w.dec.ReadValue()
	if err != nil {
		return nil, err
	}
	end := int(w.dec.InputOffset())
	return jsontext.Value(w.src[end-len(v) : end : end]), nil
}

// segment is one step of a rule's argument path.
type segment struct {
	name  string // the member name; "*" for a wildcard
	nameB []byte
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
		segs[i] = segment{name: s, nameB: []byte(s), wild: s == "*", index: -1}
		if n, err := strconv.Atoi(s); err == nil && n >= 0 && strconv.Itoa(n) == s {
			segs[i].index = n
		}
	}
	return segs, true
}

// matches reports whether a member name (unescaped) selects seg. Besides the
// exact name, it accepts names that differ only by letter case (under
// Unicode simple folding) or after a NUL: decoders that match member names
// case-insensitively (Go's encoding/json, for one) or cut them at NUL would
// read such a member as the argument, so the argument's constraints apply
// to it as well.
func (seg *segment) matches(name []byte) bool {
	if seg.wild || string(name) == seg.name {
		return true
	}
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	return bytes.EqualFold(name, seg.nameB)
}

// confusable reports whether name, not n itself, could be read as n.
func confusable(name []byte, n string) bool {
	if string(name) == n {
		return false
	}
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	return strings.EqualFold(string(name), n)
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

// walk selects the values at segs below the value the decoder is at,
// consuming that value. It calls w.run.value for each selected value and
// w.run.missing for each place where the path cannot be followed or ends
// at null.
func (w *walker) walk(segs []segment) error {
	d := &w.dec
	if len(segs) == 0 {
		v, err := w.value()
		if err != nil {
			return err
		}
		if v.Kind() == 'n' {
			// null is how many clients say "not given" for an optional
			// argument: it counts as missing, and carries nothing to check.
			w.run.missing(w)
			return nil
		}
		w.run.value(w, v)
		return nil
	}
	seg := &segs[0]
	mark := len(w.where)
	switch d.PeekKind() {
	case '{':
		if _, err := d.ReadToken(); err != nil {
			return err
		}
		found := false
		for d.PeekKind() != '}' {
			rawName, err := d.ReadValue()
			if err != nil {
				return err
			}
			name := unquote(rawName)
			if !seg.matches(name) {
				if err := d.SkipValue(); err != nil {
					return err
				}
				continue
			}
			found = true
			w.where = appendName(w.where, name)
			if err := w.walk(segs[1:]); err != nil {
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
	case '[':
		if !seg.wild && seg.index < 0 {
			if err := d.SkipValue(); err != nil {
				return err
			}
			w.missingAt(seg, mark)
			return nil
		}
		if _, err := d.ReadToken(); err != nil {
			return err
		}
		found := false
		for i := 0; d.PeekKind() != ']'; i++ {
			if !seg.wild && i != seg.index {
				if err := d.SkipValue(); err != nil {
					return err
				}
				continue
			}
			found = true
			w.where = strconv.AppendInt(append(w.where, '.'), int64(i), 10)
			if err := w.walk(segs[1:]); err != nil {
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
	default:
		// A scalar where the path goes on: nothing can be found below it.
		if err := d.SkipValue(); err != nil {
			return err
		}
		w.missingAt(seg, mark)
	}
	return nil
}

func (w *walker) missingAt(seg *segment, mark int) {
	if seg.wild {
		w.where = append(w.where, ".*"...)
	} else {
		w.where = appendName(w.where, seg.nameB)
	}
	w.run.missing(w)
	w.where = w.where[:mark]
}

// maxNameInWhere bounds how much of a member name goes into Where.
const maxNameInWhere = 64

// appendName appends ".name", or `["name"]` when the name is not a plain
// identifier (it holds dots, quotes, spaces, control characters, ...).
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

// decode reads a JSON value into the form the JSON Schema library
// validates: map[string]any, []any, string, json.Number (exact: numbers are
// never rounded through float64), bool and nil.
func decode(v []byte) (any, error) {
	w := getWalker(v)
	defer putWalker(w)
	return w.decodeValue()
}

func (w *walker) decodeValue() (any, error) {
	d := &w.dec
	switch d.PeekKind() {
	case '{':
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		m := map[string]any{}
		for d.PeekKind() != '}' {
			rawName, err := d.ReadValue()
			if err != nil {
				return nil, err
			}
			name := string(unquote(rawName))
			if m[name], err = w.decodeValue(); err != nil {
				return nil, err
			}
		}
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		return m, nil
	case '[':
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		a := []any{}
		for d.PeekKind() != ']' {
			e, err := w.decodeValue()
			if err != nil {
				return nil, err
			}
			a = append(a, e)
		}
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		return a, nil
	}
	v, err := d.ReadValue()
	if err != nil {
		return nil, err
	}
	switch v.Kind() {
	case '"':
		return string(unquote(v)), nil
	case '0':
		return json.Number(v), nil
	case 't':
		return true, nil
	case 'f':
		return false, nil
	}
	return nil, nil
}
