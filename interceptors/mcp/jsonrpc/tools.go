package jsonrpc

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/go-json-experiment/json/jsontext"
)

// ToolCall is the params of "tools/call".
type ToolCall struct {
	Name      string
	Arguments jsontext.Value // nil when absent; an object when present
	Meta      jsontext.Value // "_meta", raw; nil when absent; an object when present
}

var (
	nameName      = []byte("name")
	nameArguments = []byte("arguments")
	nameMeta      = []byte("_meta")
	toolCallNames = [][]byte{nameName, nameArguments, nameMeta}
	nameURI       = []byte("uri")
	nameTools     = []byte("tools")
)

// ToolCall reads the params of a tools/call request, strictly: params must
// be an object; "name" a non-empty string; "arguments" and "_meta", when
// present, objects; a member whose name differs from "name", "arguments" or
// "_meta" only by letter case (or after a NUL) is refused with
// ErrCaseVariantKey. Other
// members (such as "task") are allowed. The method itself is not checked.
// Arguments and Meta alias Params.
//
// It is small enough to be inlined, so the ToolCall stays on the caller's
// stack when the caller does not keep it.
func (m *Message) ToolCall() (*ToolCall, error) {
	tc := new(ToolCall)
	if err := m.ReadToolCall(tc, ""); err != nil {
		return nil, err
	}
	return tc, nil
}

// ReadToolCall is ToolCall into tc. When the tool's name equals
// known, tc.Name is set to known itself, so that interceptors that already
// have the name (the exchange read it) do not allocate a copy of it.
func (m *Message) ReadToolCall(tc *ToolCall, known string) error {
	*tc = ToolCall{}
	if m.Params == nil {
		return fmt.Errorf("%w: tools/call without params", ErrInvalid)
	}
	if k := m.Params.Kind(); k != '{' {
		return fmt.Errorf("%w: tools/call params must be an object, not a %s", ErrInvalid, kindName(k))
	}
	if m.validated() {
		return readToolCallValid(m.Params, tc, known)
	}
	hasName := false
	err := eachMember(m.Params, func(name []byte, val jsontext.Value) error {
		isName, err := tc.member(name, val, known)
		hasName = hasName || isName
		return err
	})
	if err != nil {
		return err
	}
	if !hasName {
		return fmt.Errorf("%w: tools/call params need a tool name", ErrInvalid)
	}
	return nil
}

// validated reports whether Params is still the text Parse validated: the
// same bytes, not a copy (raw fields are never modified in place).
func (m *Message) validated() bool {
	p, v := m.Params, m.parsedParams
	return len(p) > 0 && len(p) == len(v) && &p[0] == &v[0]
}

// readToolCallValid is ReadToolCall for params that Parse validated: the
// same checks in the same order, on members found without validating the
// text again (one pass of the decoder over a 1 KB call costs about as much
// as the rest of reading it).
func readToolCallValid(params []byte, tc *ToolCall, known string) error {
	hasName := false
	for it := (members{b: params, i: 1}); it.next(); {
		isName, err := tc.member(unquoteName(it.name), jsontext.Value(it.val), known)
		if err != nil {
			return err
		}
		hasName = hasName || isName
	}
	if !hasName {
		return fmt.Errorf("%w: tools/call params need a tool name", ErrInvalid)
	}
	return nil
}

// member applies one member of tools/call params to tc; isName reports
// that it was the tool name.
func (tc *ToolCall) member(name []byte, val jsontext.Value, known string) (isName bool, err error) {
	switch string(name) {
	case "name":
		if val.Kind() != '"' {
			return false, fmt.Errorf("%w: the tool name must be a string, not a %s", ErrInvalid, kindName(val.Kind()))
		}
		n := unquoteName(val)
		if len(n) == 0 {
			return false, fmt.Errorf("%w: the tool name must not be empty", ErrInvalid)
		}
		if string(n) == known {
			tc.Name = known
		} else {
			tc.Name = internName(n)
		}
		return true, nil
	case "arguments":
		// The official SDKs send and accept "arguments": null for a call
		// without arguments; it means the same as leaving it out.
		switch val.Kind() {
		case 'n':
		case '{':
			tc.Arguments = val
		default:
			return false, fmt.Errorf("%w: the tool arguments must be an object, not a %s", ErrInvalid, kindName(val.Kind()))
		}
	case "_meta":
		switch val.Kind() {
		case 'n':
		case '{':
			tc.Meta = val
		default:
			return false, fmt.Errorf("%w: _meta must be an object, not a %s", ErrInvalid, kindName(val.Kind()))
		}
	default:
		if n := caseVariant(name, toolCallNames); n != nil {
			return false, fmt.Errorf("%w: %q in tools/call params (for %q)", ErrCaseVariantKey, name, n)
		}
	}
	return false, nil
}

// members walks the members of a valid JSON object text: name is the raw
// name (quoted), val the raw value, both slices of b with a capacity cut
// at their end.
type members struct {
	b         []byte
	i         int
	name, val []byte
}

func (it *members) next() bool {
	b := it.b
	i := SkipSpace(b, it.i)
	if i < len(b) && b[i] == ',' {
		i = SkipSpace(b, i+1)
	}
	if i >= len(b) || b[i] != '"' {
		return false // '}': the end
	}
	end := endOfString(b, i)
	it.name = b[i:end:end]
	i = SkipSpace(b, SkipSpace(b, end)+1) // past the colon
	end = ValueEnd(b, i)
	it.val = b[i:end:end]
	it.i = end
	return true
}

// SkipSpace returns the offset of the first non-whitespace byte at or after i.
func SkipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// ValueEnd returns the offset just past the JSON value at i in b, which
// must be valid JSON text (as Parse leaves it).
func ValueEnd(b []byte, i int) int {
	if i >= len(b) {
		return len(b)
	}
	switch b[i] {
	case '"':
		return endOfString(b, i)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = endOfString(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return len(b)
	}
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// endOfString returns the offset just past the string literal at i: the
// first quote after it not escaped by an odd run of backslashes.
func endOfString(b []byte, i int) int {
	for j := i + 1; j < len(b); {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return len(b)
		}
		j += k
		n := 0
		for l := j - 1; l > i && b[l] == '\\'; l-- {
			n++
		}
		if n%2 == 0 {
			return j + 1
		}
		j++
	}
	return len(b)
}

// Tool names are interned: a server has a few tools, called over and over,
// and each call would otherwise copy its name. The table is bounded in
// entries and name length; past the bounds names are simply copied.
const (
	maxInterned   = 1024
	maxInternName = 128
)

var interned struct {
	names atomic.Pointer[map[string]string] // read without locking; replaced on insert
	mu    sync.Mutex                        // serialises inserts
}

func internName(b []byte) string {
	if m := interned.names.Load(); m != nil {
		if s, ok := (*m)[string(b)]; ok {
			return s
		}
	}
	s := string(b)
	if len(s) > maxInternName {
		return s
	}
	interned.mu.Lock()
	defer interned.mu.Unlock()
	var old map[string]string
	if m := interned.names.Load(); m != nil {
		old = *m
	}
	if _, ok := old[s]; ok || len(old) >= maxInterned {
		return s
	}
	next := make(map[string]string, len(old)+1)
	for k, v := range old {
		next[k] = v
	}
	next[s] = s
	interned.names.Store(&next)
	return s
}

// ParamName is the primary name carried by the params of a request:
// params.name for tools/call and prompts/get, params.uri for resources/read.
// It is "" for other messages, and when the member is missing, is not a
// string, or is accompanied by a member whose name differs from it only by
// letter case or after a NUL (which another decoder could read instead).
func (m *Message) ParamName() string {
	if !m.IsRequest() || m.Params == nil {
		return ""
	}
	var key []byte
	switch m.Method {
	case "tools/call", "prompts/get":
		key = nameName
	case "resources/read":
		key = nameURI
	default:
		return ""
	}
	var out []byte
	found, ambiguous := false, false
	err := eachMember(m.Params, func(name []byte, val jsontext.Value) error {
		switch {
		case bytes.Equal(name, key):
			if val.Kind() == '"' {
				out, found = unquoteName(val), true
			}
		case confusable(name, key):
			ambiguous = true
		}
		return nil
	})
	if err != nil || !found || ambiguous {
		return ""
	}
	return string(out)
}

// ToolList is a tools/list result read once: every element of its "tools"
// array with its span in the result and its name under the strict rules
// below. The checks that look into definitions read Defs; the filters
// rewrite the list from the spans, without reading it again.
type ToolList struct {
	// Defs are the elements of the array, in order, each aliasing the
	// result (elements that are not objects included).
	Defs   []jsontext.Value
	result jsontext.Value
	tools  []listedTool
	// open and closing are the offsets of the array's brackets.
	open, closing int
}

type listedTool struct {
	start, end int
	name       string
	ok         bool // an object with exactly one string "name" and no look-alike of it
}

// ScanTools reads a tools/list result. The result must be an object
// holding a "tools" array; a member whose name differs from "tools" only by
// letter case or after a NUL is refused with ErrCaseVariantKey, since a
// client could read it instead.
func ScanTools(result jsontext.Value) (*ToolList, error) {
	r := getReader(result)
	defer putReader(r)
	p := parser{body: result, dec: &r.dec}
	d := p.dec
	if k := d.PeekKind(); k != '{' {
		if k == 0 {
			return nil, p.token()
		}
		return nil, fmt.Errorf("%w: a tools/list result must be an object, not a %s", ErrInvalid, kindName(k))
	}
	if err := p.token(); err != nil {
		return nil, err
	}
	l := &ToolList{result: result, open: -1}
	for {
		k := d.PeekKind()
		if k == '}' {
			break
		}
		if k == 0 {
			return nil, p.token()
		}
		rawName, err := p.value()
		if err != nil {
			return nil, err
		}
		name := unquoteName(rawName)
		if !bytes.Equal(name, nameTools) {
			if confusable(name, nameTools) {
				return nil, fmt.Errorf("%w: %s in a tools/list result (for \"tools\")", ErrCaseVariantKey, clip(rawName))
			}
			if _, err := p.value(); err != nil {
				return nil, err
			}
			continue
		}
		if l.open >= 0 {
			return nil, fmt.Errorf("%w: a tools/list result holds one \"tools\" array", ErrInvalid)
		}
		if k := d.PeekKind(); k != '[' {
			if k == 0 {
				return nil, p.token()
			}
			return nil, fmt.Errorf("%w: \"tools\" must be an array, not a %s", ErrInvalid, kindName(k))
		}
		if err := p.token(); err != nil {
			return nil, err
		}
		l.open = int(d.InputOffset()) - 1
		for {
			k := d.PeekKind()
			if k == ']' {
				break
			}
			if k == 0 {
				return nil, p.token()
			}
			start, end, tname, ok, err := p.tool()
			if err != nil {
				return nil, err
			}
			l.tools = append(l.tools, listedTool{start: start, end: end, name: tname, ok: ok})
			l.Defs = append(l.Defs, result[start:end])
		}
		if err := p.token(); err != nil {
			return nil, err
		}
		l.closing = int(d.InputOffset()) - 1
	}
	if err := p.token(); err != nil {
		return nil, err
	}
	if err := p.end(); err != nil {
		return nil, err
	}
	if l.open < 0 {
		return nil, fmt.Errorf("%w: a tools/list result needs a \"tools\" array", ErrInvalid)
	}
	return l, nil
}

// Filter rewrites the result, keeping only the tools for which keep(name)
// is true.
//
// Every other member of the result object (nextCursor, _meta, unknown ones)
// and every kept tool stays byte-identical and in order; only the
// whitespace between the elements of the tools array may change. A tool
// that is not an object, has no string "name", or has a member whose name
// differs from "name" only by letter case or after a NUL, is removed
// without calling keep and reported with the name "" (or its "name" when
// it is a string).
//
// It returns the new result (the list's own when nothing changed), the
// names removed, and whether anything changed.
func (l *ToolList) Filter(keep func(name string) bool) (out jsontext.Value, removed []string, changed bool) {
	var buf []byte                // the rewritten result, once a tool is removed
	firstStart, lastEnd := -1, -1 // the kept tools before the first removal
	kept := 0
	for _, t := range l.tools {
		if t.ok && keep(t.name) {
			switch {
			case buf == nil:
				if firstStart < 0 {
					firstStart = t.start
				}
				lastEnd = t.end
			case kept > 0:
				buf = append(buf, ',')
				fallthrough
			default:
				buf = append(buf, l.result[t.start:t.end]...)
			}
			kept++
			continue
		}
		removed = append(removed, t.name)
		if buf == nil {
			buf = make([]byte, 0, len(l.result))
			buf = append(buf, l.result[:l.open+1]...)
			if firstStart >= 0 {
				buf = append(buf, l.result[firstStart:lastEnd]...)
			}
		}
	}
	if buf == nil {
		return l.result, nil, false
	}
	buf = append(buf, l.result[l.closing:]...)
	return jsontext.Value(buf), removed, true
}

// tool reads one element of a tools array, reporting its span in the
// result, its name, and whether it is a well-formed tool with a name.
func (p *parser) tool() (start, end int, name string, ok bool, err error) {
	d := p.dec
	if d.PeekKind() != '{' {
		v, err := p.value()
		if err != nil {
			return 0, 0, "", false, err
		}
		end = int(d.InputOffset())
		return end - len(v), end, "", false, nil
	}
	if err := p.token(); err != nil {
		return 0, 0, "", false, err
	}
	start = int(d.InputOffset()) - 1
	found, ambiguous := false, false
	for {
		k := d.PeekKind()
		if k == '}' {
			break
		}
		if k == 0 {
			return 0, 0, "", false, p.token()
		}
		rawName, err := p.value()
		if err != nil {
			return 0, 0, "", false, err
		}
		n := unquoteName(rawName)
		v, err := p.value()
		if err != nil {
			return 0, 0, "", false, err
		}
		switch {
		case bytes.Equal(n, nameName):
			if v.Kind() == '"' {
				name, found = string(unquoteName(v)), true
			}
		case confusable(n, nameName):
			ambiguous = true
		}
	}
	if err := p.token(); err != nil {
		return 0, 0, "", false, err
	}
	end = int(d.InputOffset())
	return start, end, name, found && !ambiguous, nil
}
