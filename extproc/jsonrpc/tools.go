package jsonrpc

import (
	"bytes"
	"fmt"

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
func (m *Message) ToolCall() (*ToolCall, error) {
	if m.Params == nil {
		return nil, fmt.Errorf("%w: tools/call without params", ErrInvalid)
	}
	if k := m.Params.Kind(); k != '{' {
		return nil, fmt.Errorf("%w: tools/call params must be an object, not a %s", ErrInvalid, kindName(k))
	}
	tc := new(ToolCall)
	hasName := false
	err := eachMember(m.Params, func(name []byte, val jsontext.Value) error {
		switch string(name) {
		case "name":
			if val.Kind() != '"' {
				return fmt.Errorf("%w: the tool name must be a string, not a %s", ErrInvalid, kindName(val.Kind()))
			}
			n := unquoteName(val)
			if len(n) == 0 {
				return fmt.Errorf("%w: the tool name must not be empty", ErrInvalid)
			}
			tc.Name = string(n)
			hasName = true
		case "arguments":
			// The official SDKs send and accept "arguments": null for a call
			// without arguments; it means the same as leaving it out.
			if val.Kind() == 'n' {
				return nil
			}
			if val.Kind() != '{' {
				return fmt.Errorf("%w: the tool arguments must be an object, not a %s", ErrInvalid, kindName(val.Kind()))
			}
			tc.Arguments = val
		case "_meta":
			if val.Kind() == 'n' {
				return nil
			}
			if val.Kind() != '{' {
				return fmt.Errorf("%w: _meta must be an object, not a %s", ErrInvalid, kindName(val.Kind()))
			}
			tc.Meta = val
		default:
			if n := caseVariant(name, toolCallNames); n != nil {
				return fmt.Errorf("%w: %q in tools/call params (for %q)", ErrCaseVariantKey, name, n)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if !hasName {
		return nil, fmt.Errorf("%w: tools/call params need a tool name", ErrInvalid)
	}
	return tc, nil
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

// FilterTools rewrites a tools/list result, keeping only the tools for which
// keep(name) is true.
//
// Every other member of the result object (nextCursor, _meta, unknown ones)
// and every kept tool stays byte-identical and in order; only the
// whitespace between the elements of the tools array may change. A tool
// that is not an object, has no string "name", or has a member whose name
// differs from "name" only by letter case or after a NUL, is removed
// without calling keep
// and reported with the name "" (or its "name" when it is a string).
//
// It returns the new result (result itself when nothing changed), the
// names removed, and whether anything changed. The result must be an
// object holding a "tools" array; a member whose name differs from "tools"
// only by letter case or after a NUL is refused with ErrCaseVariantKey,
// since a client could read it instead.
func FilterTools(result jsontext.Value, keep func(name string) bool) (out jsontext.Value, removed []string, changed bool, err error) {
	r := getReader(result)
	defer putReader(r)
	p := parser{body: result, dec: &r.dec}
	d := p.dec
	if k := d.PeekKind(); k != '{' {
		if k == 0 {
			return nil, nil, false, p.token()
		}
		return nil, nil, false, fmt.Errorf("%w: a tools/list result must be an object, not a %s", ErrInvalid, kindName(k))
	}
	if err := p.token(); err != nil {
		return nil, nil, false, err
	}
	hasTools := false
	var buf []byte // the rewritten result, once a tool is removed
	for {
		k := d.PeekKind()
		if k == '}' {
			break
		}
		if k == 0 {
			return nil, nil, false, p.token()
		}
		rawName, err := p.value()
		if err != nil {
			return nil, nil, false, err
		}
		name := unquoteName(rawName)
		if !bytes.Equal(name, nameTools) {
			if confusable(name, nameTools) {
				return nil, nil, false, fmt.Errorf("%w: %s in a tools/list result (for \"tools\")", ErrCaseVariantKey, clip(rawName))
			}
			if _, err := p.value(); err != nil {
				return nil, nil, false, err
			}
			continue
		}
		hasTools = true
		if k := d.PeekKind(); k != '[' {
			if k == 0 {
				return nil, nil, false, p.token()
			}
			return nil, nil, false, fmt.Errorf("%w: \"tools\" must be an array, not a %s", ErrInvalid, kindName(k))
		}
		if err := p.token(); err != nil {
			return nil, nil, false, err
		}
		open := int(d.InputOffset()) - 1
		firstStart, lastEnd := -1, -1 // the kept tools before the first removal
		kept := 0
		for {
			k := d.PeekKind()
			if k == ']' {
				break
			}
			if k == 0 {
				return nil, nil, false, p.token()
			}
			start, end, tname, ok, err := p.tool()
			if err != nil {
				return nil, nil, false, err
			}
			if ok && keep(tname) {
				switch {
				case buf == nil:
					if firstStart < 0 {
						firstStart = start
					}
					lastEnd = end
				case kept > 0:
					buf = append(buf, ',')
					fallthrough
				default:
					buf = append(buf, result[start:end]...)
				}
				kept++
				continue
			}
			removed = append(removed, tname)
			if buf == nil {
				buf = make([]byte, 0, len(result))
				buf = append(buf, result[:open+1]...)
				if firstStart >= 0 {
					buf = append(buf, result[firstStart:lastEnd]...)
				}
			}
		}
		if err := p.token(); err != nil {
			return nil, nil, false, err
		}
		if buf != nil {
			closing := int(d.InputOffset()) - 1
			buf = append(buf, result[closing:]...)
		}
	}
	if err := p.token(); err != nil {
		return nil, nil, false, err
	}
	if err := p.end(); err != nil {
		return nil, nil, false, err
	}
	if !hasTools {
		return nil, nil, false, fmt.Errorf("%w: a tools/list result needs a \"tools\" array", ErrInvalid)
	}
	if buf == nil {
		return result, nil, false, nil
	}
	return jsontext.Value(buf), removed, true, nil
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
