package jsonrpc

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/go-json-experiment/json/jsontext"
)

// ErrNotToolsList: a result does not have the shape of a tools/list result.
var ErrNotToolsList = errors.New("not a tools/list result")

// ReadTools returns the elements of the "tools" array of a tools/list
// result, each aliasing result, in order (elements that are not objects
// included: what to do with them is the reader's). The result must be an
// object with exactly one "tools" member, an array; a member whose name
// differs from "tools" only by letter case (or after a NUL) is refused,
// since a client could read it instead. It is the one reader of the list:
// the checks that look into definitions share its result through
// interceptors.Exchange.ToolDefs; FilterTools rewrites a list.
func ReadTools(result jsontext.Value) ([]jsontext.Value, error) {
	d := jsontext.NewDecoder(bytes.NewReader(result))
	if d.PeekKind() != '{' {
		return nil, fmt.Errorf("%w: the result is not an object", ErrNotToolsList)
	}
	if _, err := d.ReadToken(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotToolsList, err)
	}
	var tools []jsontext.Value
	hasTools := false
	for d.PeekKind() != '}' {
		rawName, err := d.ReadValue()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotToolsList, err)
		}
		name := unquoteName(rawName)
		if string(name) != "tools" {
			if confusable(name, []byte("tools")) {
				return nil, fmt.Errorf("%w: a member name differs from \"tools\" only by letter case", ErrNotToolsList)
			}
			if err := d.SkipValue(); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrNotToolsList, err)
			}
			continue
		}
		if hasTools || d.PeekKind() != '[' {
			return nil, fmt.Errorf("%w: \"tools\" must be one array", ErrNotToolsList)
		}
		hasTools = true
		if _, err := d.ReadToken(); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotToolsList, err)
		}
		for d.PeekKind() != ']' {
			start := int(d.InputOffset())
			if err := d.SkipValue(); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrNotToolsList, err)
			}
			v := jsontext.Value(bytes.TrimLeft(result[start:d.InputOffset()], " \t\r\n,"))
			tools = append(tools, v)
		}
		if _, err := d.ReadToken(); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotToolsList, err)
		}
	}
	if _, err := d.ReadToken(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotToolsList, err)
	}
	if !hasTools {
		return nil, fmt.Errorf("%w: no \"tools\" array", ErrNotToolsList)
	}
	return tools, nil
}
