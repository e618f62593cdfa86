package section

import (
	"fmt"
	"strings"
)

// Error is one problem, positioned in the file.
type Error struct {
	File   string
	Line   int    // 1-based; 0 if unknown
	Column int    // 1-based; 0 if unknown
	Field  string // path like "servers[0].tools.allow[1]"; "" for whole file
	Msg    string

	Cause error // underlying cause, if any (see Unwrap)
}

// Error formats the problem as "file:line:column: field: message", leaving
// out the parts that are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying cause, such as the error of os.ReadFile, so
// that errors.Is(err, fs.ErrNotExist) works on the result of Load.
func (e *Error) Unwrap() error { return e.Cause }

// Errors is every problem found in a file, in file order. It implements
// error, one problem per line.
type Errors []*Error

func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, err := range e {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.Is and errors.As look at each problem.
func (e Errors) Unwrap() []error {
	out := make([]error, len(e))
	for i, err := range e {
		out[i] = err
	}
	return out
}
