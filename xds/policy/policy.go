// Package policy loads an mcpmesh policy file (YAML) into the compiled IR.
//
// Every problem is reported with the file, line, column and field it concerns,
// and all of them are reported at once, so that `mcpmesh validate` can show a
// complete list. Unknown keys are errors: a misspelt field must never be
// silently ignored by a security gateway.
//
// The format is documented in docs/policy.md; default.yaml in this directory
// is a complete, commented example and the policy used by `mcpmesh dev`.
package policy

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors/section"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// Accepted values and defaults of the policy file, beyond those in package ir.
const (
	// SchemaVersion is the only accepted value of the top-level "version" field.
	SchemaVersion = 1
	// DefaultListen is the sidecar listener address when neither the server
	// nor "defaults" sets one.
	DefaultListen = "0.0.0.0:10000"

	// MinMaxBodyBytes and MaxMaxBodyBytes bound limits.maxBodyBytes.
	MinMaxBodyBytes = 1 << 10
	MaxMaxBodyBytes = 64 << 20
	// MinMessageTimeout and MaxMessageTimeout bound limits.messageTimeout.
	MinMessageTimeout = 10 * time.Millisecond
	MaxMessageTimeout = 60 * time.Second
	// MinMaxConcurrentStreams and MaxMaxConcurrentStreams bound
	// limits.maxConcurrentStreams.
	MinMaxConcurrentStreams = 16
	MaxMaxConcurrentStreams = 1000000
)

// Error is one problem, positioned in the file; Errors is every problem
// found; a Warning is a non-fatal remark, positioned like an Error.
type (
	Error   = section.Error
	Errors  = section.Errors
	Warning = section.Error
)

// Result of a successful parse.
type Result struct {
	Policy   *ir.Policy
	Warnings []*Warning
	// Files are the files the policy refers to, as read (see Reader.Files).
	Files []string
}

// Parse reads a policy from data; filename is only used in messages. On
// failure the error is an Errors value holding every problem found.
func Parse(filename string, data []byte) (*Result, error) {
	return parse(filename, data, true)
}

// parse is Parse; requireImage false lets tests of other sections leave
// out the image fields.
func parse(filename string, data []byte, requireImage bool) (*Result, error) {
	l := newLoader(filename)
	l.imageOptional = !requireImage
	p := l.load(data)
	if p == nil && len(l.Errs) == 0 {
		l.Errorf(section.Pos{}, "", "policy could not be read")
	}
	if len(l.Errs) > 0 {
		sortByPosition(l.Errs)
		return nil, l.Errs
	}
	p.Version = contentVersion(p)
	if err := p.Validate(); err != nil {
		// The checks above are meant to catch everything Validate does, with
		// positions; reaching this is a bug in this package.
		var errs Errors
		for _, e := range splitJoined(err) {
			errs = append(errs, &Error{File: filename, Msg: "policy failed final validation: " + e.Error(), Cause: e})
		}
		return nil, errs
	}
	sortByPosition(l.Warns)
	return &Result{Policy: p, Warnings: l.Warns, Files: l.Files}, nil
}

// Load reads and parses the policy file at path. A read error is an *Error
// naming the file; parse errors are as for Parse.
func Load(path string) (*Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return nil, &Error{File: path, Msg: "cannot read policy file: " + msg, Cause: err}
	}
	return Parse(path, data)
}

//go:embed default.yaml
var defaultYAML []byte

// DefaultFile is the name under which the embedded default policy is reported.
const DefaultFile = "default.yaml"

// DefaultYAML returns the text of the embedded default policy: the demo used
// by `mcpmesh dev` and `make run`, and a commented example of the format.
func DefaultYAML() []byte { return slices.Clone(defaultYAML) }

// Default parses the embedded default policy. It panics if that policy is
// invalid, which the package tests rule out.
func Default() *Result {
	res, err := Parse(DefaultFile, defaultYAML)
	if err != nil {
		panic("policy: embedded default policy is invalid:\n" + err.Error())
	}
	return res
}

// contentVersion is the first 12 hex digits of the SHA-256 of the policy's
// JSON encoding with Version left empty. The IR carries no trace of comments,
// layout, key order or quoting, so only a change of meaning changes it; the
// exception is the key order inside argument schemas, which is kept as
// written. Byte-slice fields (schemas, enum values) are encoded in base64 and
// so take part like any other field.
func contentVersion(p *ir.Policy) string {
	c := *p
	c.Version = ""
	b, err := json.Marshal(&c)
	if err != nil {
		// Plain strings, numbers and slices always encode.
		panic("policy: encoding policy: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:12]
}

func splitJoined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func sortByPosition(errs []*Error) {
	slices.SortStableFunc(errs, func(a, b *Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
}
