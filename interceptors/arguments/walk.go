package arguments

import (
	"bytes"
	"encoding/json"
	"sync"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors/argpath"
)

// walker reads one JSON value in place with a pooled decoder. Raw values it
// returns are slices of the source.
type walker struct {
	buf bytes.Buffer
	dec jsontext.Decoder
	src []byte

	// While selecting argument values for a rule (see run.applyRule):
	where []byte // storage for the locations argpath.Path.Walk builds
	run   *run
	rule  *rule
}

var walkers = sync.Pool{New: func() any { return new(walker) }}

func getWalker(src []byte) *walker {
	w := walkers.Get().(*walker)
	w.reset(src)
	return w
}

func putWalker(w *walker) {
	w.release()
	walkers.Put(w)
}

// reset makes w read src from its start.
func (w *walker) reset(src []byte) {
	w.src = src
	w.buf = *bytes.NewBuffer(src) // read in place, without copying
	w.dec.Reset(&w.buf)
}

// release drops w's references to what it read.
func (w *walker) release() {
	w.src = nil
	w.buf = bytes.Buffer{}
	w.dec.Reset(&w.buf)
	w.where = w.where[:0]
	w.run, w.rule = nil, nil
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

// Value implements argpath.Visitor for the rule being applied.
func (w *walker) Value(where []byte, v jsontext.Value) { w.run.value(w.rule, where, v) }

// Missing implements argpath.Visitor for the rule being applied.
func (w *walker) Missing(where []byte) { w.run.missing(w.rule, where) }

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
			name := string(argpath.Unquote(rawName))
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
		return string(argpath.Unquote(v)), nil
	case '0':
		return json.Number(v), nil
	case 't':
		return true, nil
	case 'f':
		return false, nil
	}
	return nil, nil
}
