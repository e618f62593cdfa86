package jsonrpc

import (
	"errors"
	"fmt"

	"github.com/go-json-experiment/json/jsontext"
)

// ErrNotToolsList: a result does not have the shape of a tools/list result.
var ErrNotToolsList = errors.New("not a tools/list result")

// ReadTools returns the elements of the "tools" array of a tools/list
// result, each aliasing result, in order (elements that are not objects
// included: what to do with them is the reader's): the Defs of ScanTools,
// its errors wrapped in ErrNotToolsList. The checks of one message share
// one read through interceptors.Exchange.ToolList.
func ReadTools(result jsontext.Value) ([]jsontext.Value, error) {
	l, err := ScanTools(result)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotToolsList, err)
	}
	return l.Defs, nil
}
