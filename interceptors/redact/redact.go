// Package redact rewrites the string values of JSON texts, and runs content
// detectors (secrets, personal data) over the fields of a JSON-RPC message.
//
// Rewrite walks a JSON value and hands every string value (never an object
// member name) to a callback together with its path. The text is rebuilt
// only when the callback changes something; otherwise the very same bytes
// are returned and nothing is copied.
//
// Strings that hold JSON text themselves (MCP servers often put a JSON
// document in content[].text) are treated as plain strings: detectors see
// the text as it is, escapes of the inner document included, and a
// replacement is spliced into it. Replacements ("[REDACTED:<rule>]") contain
// no quote and no backslash, so the inner document stays valid as long as a
// match does not cross its syntax; when it does, Apply keeps the inner
// quotes and escape sequences and replaces only what lies between them (see
// Apply).
package redact

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors/argpath"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// MaxDepth bounds the nesting of objects and arrays that Rewrite accepts.
// The JSON-RPC parser admits far less (64 levels); the bound only keeps a
// text from another source from costing unbounded memory.
const MaxDepth = 10000

// ErrTooDeep is returned for a text nested deeper than MaxDepth.
var ErrTooDeep = errors.New("redact: JSON nested too deeply")

// Rewrite calls f for every string value of v, in document order, with the
// path to it (object member names and decimal array indices; empty for a
// top-level string) and its unescaped text.
//
// When f reports a change, the string is replaced by the JSON quoting of
// the replacement. out is v itself, byte for byte and without copying, when
// nothing changed; otherwise a new, valid JSON text in which everything but
// the replaced strings is kept as it was (whitespace included).
//
// The path slice and its elements, and s, are only valid during the call:
// they may alias v and internal buffers, so f must copy what it keeps
// (strings.Clone, strings.Join). v must not be modified during the call.
// Object member names are not visited. Rewrite is iterative; texts nested
// deeper than MaxDepth are refused with ErrTooDeep, and invalid JSON with a
// syntax error.
func Rewrite(v jsontext.Value, f func(path []string, s string) (replacement string, changed bool)) (out jsontext.Value, changed bool, err error) {
	w := getWalker(v)
	defer putWalker(w)
	return w.run(v, func(path []string, s string) (edit, bool) {
		r, ok := f(path, s)
		return edit{repl: r}, ok
	})
}

// edit is how a string changes: into repl, or, when spans is not nil, by
// Apply(s, spans) (which the walker writes straight into the output).
type edit struct {
	repl  string
	spans []Span
}

// rewrite is Rewrite with edits and that, with skipBinary, leaves out
// binary payloads: the string values of members "data" and "blob" of an
// object that also has a "mimeType" member (MCP image and audio content,
// blob resource contents).
func rewrite(v jsontext.Value, skipBinary bool, f func(path []string, s string) (edit, bool)) (jsontext.Value, bool, error) {
	w := getWalker(v)
	defer putWalker(w)
	w.skipBinary = skipBinary
	return w.run(v, f)
}

type frame struct {
	array     bool
	wantValue bool // in an object: the name was read, its value comes next
	index     int
	start     int  // offset of the object's '{' in the text
	binary    int8 // 0: not yet known; 1: has a "mimeType" member; -1: has none
}

type walker struct {
	buf     bytes.Buffer
	dec     jsontext.Decoder
	frames  []frame
	path    []string
	scratch []byte // unescaped text of the current name or string

	skipBinary bool
}

var walkers = sync.Pool{New: func() any { return new(walker) }}

func getWalker(v []byte) *walker {
	w := walkers.Get().(*walker)
	w.buf = *bytes.NewBuffer(v) // read in place, without copying
	w.dec.Reset(&w.buf)
	return w
}

func putWalker(w *walker) {
	w.buf = bytes.Buffer{}
	w.dec.Reset(&w.buf)
	clear(w.path)
	w.frames, w.path = w.frames[:0], w.path[:0]
	w.skipBinary = false
	if cap(w.scratch) > 4<<20 {
		w.scratch = nil
	}
	walkers.Put(w)
}

func (w *walker) run(v jsontext.Value, f func([]string, string) (edit, bool)) (jsontext.Value, bool, error) {
	d := &w.dec
	var out []byte // the rewritten text, from the first change on
	last := 0      // v[last:] is not yet copied to out
	for started := false; !started || len(w.frames) > 0; started = true {
		k := d.PeekKind()
		top := len(w.frames) - 1
		switch k {
		case 0:
			_, err := d.ReadToken()
			if err == nil || errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, false, fmt.Errorf("redact: %w", err)
		case '}', ']':
			if _, err := d.ReadToken(); err != nil {
				return nil, false, fmt.Errorf("redact: %w", err)
			}
			w.frames = w.frames[:top]
			w.path = w.path[:top]
			continue
		}
		if top >= 0 {
			fr := &w.frames[top]
			switch {
			case fr.array:
				fr.index++
				w.path[top] = indexString(fr.index)
			case !fr.wantValue:
				raw, err := d.ReadValue()
				if err != nil {
					return nil, false, fmt.Errorf("redact: %w", err)
				}
				name, err := w.unquote(raw)
				if err != nil {
					return nil, false, err
				}
				w.path[top] = name
				fr.wantValue = true
				continue
			default:
				fr.wantValue = false
			}
		}
		switch k {
		case '{', '[':
			if len(w.frames) >= MaxDepth {
				return nil, false, ErrTooDeep
			}
			start := int(d.InputOffset())
			if _, err := d.ReadToken(); err != nil {
				return nil, false, fmt.Errorf("redact: %w", err)
			}
			w.frames = append(w.frames, frame{array: k == '[', index: -1, start: start + bytes.IndexByte(v[start:], byte(k))})
			w.path = append(w.path, "")
		case '"':
			raw, err := d.ReadValue()
			if err != nil {
				return nil, false, fmt.Errorf("redact: %w", err)
			}
			end := int(d.InputOffset())
			start := end - len(raw)
			if w.skipBinary && top >= 0 && w.isBinary(v, &w.frames[top], w.path[top]) {
				continue
			}
			s, err := w.unquoteValue(raw)
			if err != nil {
				return nil, false, err
			}
			e, ok := f(w.path, s)
			if !ok {
				continue
			}
			if out == nil {
				// The text as it is, give or take what the edit adds.
				out = make([]byte, 0, len(v)+max(len(e.repl)-(end-start), 0)+32*len(e.spans)+16)
			}
			out = append(out, v[last:start]...)
			if e.spans != nil {
				out = appendApplied(out, s, e.spans)
			} else {
				out = jsonrpc.AppendQuote(out, e.repl, jsonrpc.Minimal) // invalid UTF-8 becomes U+FFFD
			}
			last = end
		default:
			if _, err := d.ReadValue(); err != nil {
				return nil, false, fmt.Errorf("redact: %w", err)
			}
		}
	}
	// Only whitespace may follow the value.
	if rest := v[d.InputOffset():]; len(bytes.TrimLeft(rest, " \t\r\n")) > 0 {
		return nil, false, fmt.Errorf("redact: data after the JSON value at offset %d", d.InputOffset())
	}
	return finish(v, out, last)
}

func finish(v, out []byte, last int) (jsontext.Value, bool, error) {
	if out == nil {
		return v, false, nil
	}
	return append(out, v[last:]...), true, nil
}

// unquote returns the text of a JSON string literal (a member name, kept
// in the path). Without escapes it aliases raw (which aliases the input,
// never modified); otherwise it is built in a fresh allocation.
func (w *walker) unquote(raw []byte) (string, error) {
	if bytes.IndexByte(raw, '\\') < 0 {
		body := raw[1 : len(raw)-1]
		if len(body) == 0 {
			return "", nil
		}
		return unsafe.String(&body[0], len(body)), nil
	}
	b, err := appendUnquote(nil, raw)
	if err != nil {
		return "", fmt.Errorf("redact: %w", err)
	}
	return string(b), nil
}

// unquoteValue is unquote for a string value, which is only used during
// the callback: escaped text is unescaped into the walker's scratch buffer
// and not copied again.
func (w *walker) unquoteValue(raw []byte) (string, error) {
	if bytes.IndexByte(raw, '\\') < 0 {
		return w.unquote(raw)
	}
	var err error
	w.scratch, err = appendUnquote(w.scratch[:0], raw)
	if err != nil {
		return "", fmt.Errorf("redact: %w", err)
	}
	if len(w.scratch) == 0 {
		return "", nil
	}
	return unsafe.String(&w.scratch[0], len(w.scratch)), nil
}

// isBinary reports whether the string member name of the object fr holds a
// binary payload.
func (w *walker) isBinary(v []byte, fr *frame, name string) bool {
	if fr.array || (name != "data" && name != "blob") {
		return false
	}
	if fr.binary == 0 {
		fr.binary = -1
		if hasMember(v[fr.start:], "mimeType") {
			fr.binary = 1
		}
	}
	return fr.binary == 1
}

// hasMember reports whether the object at the start of b has a member
// named name. b continues past the object; only the object is read.
func hasMember(b []byte, name string) bool {
	var dec jsontext.Decoder
	dec.Reset(bytes.NewReader(b))
	if _, err := dec.ReadToken(); err != nil {
		return false
	}
	for dec.PeekKind() == '"' {
		raw, err := dec.ReadValue()
		if err != nil {
			return false
		}
		if string(argpath.Unquote(raw)) == name {
			return true
		}
		if _, err := dec.ReadValue(); err != nil {
			return false
		}
	}
	return false
}

var smallIndices = func() []string {
	s := make([]string, 256)
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()

func indexString(i int) string {
	if i < len(smallIndices) {
		return smallIndices[i]
	}
	return strconv.Itoa(i)
}
