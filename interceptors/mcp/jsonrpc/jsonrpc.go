// Package jsonrpc parses and re-encodes the JSON-RPC 2.0 messages of MCP as
// the gateway inspects them.
//
// The parser sits on the security boundary: whatever it accepts must mean
// the same to the gateway as to the MCP server (or client) behind it, so it
// refuses everything that decoders in the wild may read differently:
// duplicate object names anywhere in the document, invalid UTF-8 (including
// escaped lone surrogates), a byte order mark, data after the value, member
// names that differ from a protocol name only by letter case or after a
// U+0000 (decoders that match names case-insensitively, or cut them at NUL,
// would read them), unknown top-level members, and ids that servers would
// round or truncate.
//
// Values are kept as raw slices of the parsed body, so what is not changed
// is forwarded byte-identical.
package jsonrpc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"sync"

	"github.com/go-json-experiment/json/jsontext"
)

// Message is one JSON-RPC 2.0 message, fields kept raw so that what is not
// changed is forwarded byte-identical.
//
// Raw fields returned by Parse alias the parsed body and must not be
// modified.
type Message struct {
	ID     jsontext.Value // nil when absent (notification); a string, an integer or null when present
	Method string         // "" when absent (Parse refuses a present but empty method)
	Params jsontext.Value // nil when absent; object or array when present
	Result jsontext.Value // nil when absent
	Error  jsontext.Value // nil when absent; an object with integer "code" and string "message"

	// parsedParams is Params as Parse read (and validated) it. Set by
	// Parse only, and only read afterwards; while Params is still that
	// very slice, readers may skip validating it again.
	parsedParams jsontext.Value
}

// IsRequest reports whether the message has a method and an id.
func (m *Message) IsRequest() bool { return m.Method != "" && m.ID != nil }

// IsNotification reports whether the message has a method and no id.
func (m *Message) IsNotification() bool { return m.Method != "" && m.ID == nil }

// IsResponse reports whether the message has a result or an error and no method.
func (m *Message) IsResponse() bool { return m.Method == "" && (m.Result != nil || m.Error != nil) }

// IDKey is the canonical form of the id, for use as a map key that matches
// a response to its request. It is itself a JSON text, so it can be sent
// back as an id:
//
//   - absent: "" (no key);
//   - null: `null`;
//   - string: the minimal JSON quoting of the unescaped string, quotes kept,
//     so `"\u0061"` and `"a"` share the key `"a"`, and `"1"` differs from `1`;
//   - number: the decimal integer it denotes, so `1`, `1.0`, `1e0` and
//     `10e-1` all have the key `1`, and `-0` has the key `0`. MCP servers
//     decode ids as IEEE doubles (JSON.parse; the Go SDK via float64) and
//     echo that value, so these spellings are one id to them. Parse admits
//     only numeric ids that are integers of magnitude at most 2^53-1, where
//     every server agrees on the value; an id it would refuse keeps its raw
//     text as key.
func (m *Message) IDKey() string {
	if m.ID == nil {
		return ""
	}
	id := bytes.TrimSpace(m.ID)
	if len(id) == 0 {
		return string(m.ID)
	}
	switch id[0] {
	case '"':
		if bytes.IndexByte(id, '\\') < 0 {
			return string(id)
		}
		s, err := jsontext.AppendUnquote(nil, id)
		if err != nil {
			return string(id)
		}
		q, err := jsontext.AppendQuote(nil, s)
		if err != nil {
			return string(id)
		}
		return string(q)
	case 'n':
		return string(id)
	}
	if v, ok := integerID(id); ok {
		return strconv.FormatInt(v, 10)
	}
	return string(id)
}

// maxSafeInteger is the largest integer that every JSON implementation in
// the MCP ecosystem (IEEE doubles, int64, Python int) represents exactly.
const maxSafeInteger = 1<<53 - 1

// integerID reports the value of a numeric id when it is an integer of
// magnitude at most 2^53-1, however it is spelled.
func integerID(num []byte) (int64, bool) {
	plain := len(num) > 0 && len(num) <= 17
	for i, c := range num {
		if !(c >= '0' && c <= '9' || c == '-' && i == 0) {
			plain = false
			break
		}
	}
	if plain {
		v, err := strconv.ParseInt(string(num), 10, 64)
		if err != nil || v > maxSafeInteger || v < -maxSafeInteger {
			return 0, false
		}
		return v, true
	}
	f, err := strconv.ParseFloat(string(num), 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > maxSafeInteger {
		return 0, false
	}
	return int64(f), true
}

// Batch is the parsed body: one message, or a JSON array of them.
type Batch struct {
	Messages []*Message
	IsBatch  bool // the body was a JSON array
}

// Limits bound the work of Parse.
type Limits struct {
	// MaxDepth is the deepest nesting of objects and arrays allowed; the
	// outermost value is at depth 1 (so the params of a single message are
	// at depth 2, and those of a message in a batch at depth 3).
	// Zero or less means DefaultMaxDepth.
	MaxDepth int
}

// DefaultMaxDepth is the nesting limit used when Limits.MaxDepth is zero.
const DefaultMaxDepth = 64

// Errors returned by this package, wrapped with detail; test with errors.Is.
var (
	ErrSyntax         = errors.New("invalid JSON")
	ErrDuplicateKey   = errors.New("duplicate object member name")
	ErrCaseVariantKey = errors.New("member name differs from a protocol name only by letter case (or after a NUL)")
	ErrTooDeep        = errors.New("JSON nested too deeply")
	ErrEmptyBatch     = errors.New("empty batch")
	ErrInvalid        = errors.New("invalid JSON-RPC message")
)

// Standard JSON-RPC error codes.
const (
	CodeParseError     = -32700
	CodeInvalidRequest = -32600
	CodeMethodNotFound = -32601
	CodeInvalidParams  = -32602
	CodeInternalError  = -32603
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Parse parses a request or response body: exactly one JSON value, either
// an object holding one message or a non-empty array of such objects, with
// optional whitespace around it.
//
// When a body breaks several rules, errors of the JSON text itself
// (ErrTooDeep, ErrSyntax, ErrDuplicateKey) are reported before errors of
// the protocol (ErrCaseVariantKey, ErrInvalid, ErrEmptyBatch).
//
// Besides the rules of the package documentation, Parse refuses: a method
// that is present but empty; a request whose id is null; a response whose
// id is absent or, with a result, null; numeric ids that are not integers
// of magnitude at most 2^53-1; and two requests of one batch with the same
// IDKey (MCP forbids reusing an id, and their responses could not be told
// apart).
//
// The returned raw values alias body.
func Parse(body []byte, lim Limits) (*Batch, error) {
	maxDepth := lim.MaxDepth
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	if bytes.HasPrefix(body, utf8BOM) {
		return nil, fmt.Errorf("%w: a byte order mark is not allowed", ErrSyntax)
	}
	if err := checkDepth(body, maxDepth); err != nil {
		return nil, err
	}
	r := getReader(body)
	defer putReader(r)
	p := parser{body: body, dec: &r.dec}
	b, err := p.parse()
	if err != nil {
		if p.semantic {
			// Prefer an error in the JSON text that follows.
			if serr := p.drain(); serr != nil {
				return nil, serr
			}
		}
		return nil, err
	}
	return b, nil
}

// checkDepth refuses a text whose objects and arrays nest deeper than max.
// It stops at the first byte beyond the limit, before any decoding. Bytes
// inside strings are skipped; the text is otherwise validated later, so an
// invalid text may be refused for depth rather than syntax.
func checkDepth(b []byte, max int) error {
	depth := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			// Skip to the closing quote: the first quote not escaped by an
			// odd run of backslashes.
			j := i + 1
			for {
				k := bytes.IndexByte(b[j:], '"')
				if k < 0 {
					return nil // unterminated string: a syntax error later
				}
				j += k
				n := 0
				for l := j - 1; l > i && b[l] == '\\'; l-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			i = j
		case '{', '[':
			depth++
			if depth > max {
				return fmt.Errorf("%w: more than %d levels at offset %d", ErrTooDeep, max, i)
			}
		case '}', ']':
			depth--
		}
	}
	return nil
}

// reader is a pooled decoder over a byte slice.
type reader struct {
	buf bytes.Buffer
	dec jsontext.Decoder
}

var readers = sync.Pool{New: func() any { return new(reader) }}

func getReader(b []byte) *reader {
	r := readers.Get().(*reader)
	r.buf = *bytes.NewBuffer(b) // parsed in place, without copying
	r.dec.Reset(&r.buf)
	return r
}

func putReader(r *reader) {
	r.buf = bytes.Buffer{}
	r.dec.Reset(&r.buf) // drop references to the parsed text
	readers.Put(r)
}

// syntaxError classifies an error of the decoder.
func syntaxError(err error) error {
	switch {
	case errors.Is(err, jsontext.ErrDuplicateName):
		return fmt.Errorf("%w: %v", ErrDuplicateKey, err)
	case err == io.EOF:
		return fmt.Errorf("%w: unexpected end of input", ErrSyntax)
	}
	return fmt.Errorf("%w: %v", ErrSyntax, err)
}

type parser struct {
	body     []byte
	dec      *jsontext.Decoder
	semantic bool // the error returned is a protocol error, not a JSON one
}

// invalid records a protocol error.
func (p *parser) invalid(sentinel error, format string, args ...any) error {
	p.semantic = true
	return fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))
}

// drain reads the rest of the text and reports the first JSON error in it.
func (p *parser) drain() error {
	d := p.dec
	for d.StackDepth() > 0 {
		var err error
		switch d.PeekKind() {
		case '}', ']', 0:
			_, err = d.ReadToken()
		default:
			_, err = d.ReadValue()
		}
		if err != nil {
			return syntaxError(err)
		}
	}
	return p.end()
}

// end checks that nothing but whitespace follows the value.
func (p *parser) end() error {
	_, err := p.dec.ReadValue()
	switch {
	case err == io.EOF:
		return nil
	case err == nil:
		return fmt.Errorf("%w: data after the JSON value at offset %d", ErrSyntax, p.dec.InputOffset())
	}
	return syntaxError(err)
}

// value reads the next value and returns it as a slice of the body.
func (p *parser) value() (jsontext.Value, error) {
	v, err := p.dec.ReadValue()
	if err != nil {
		return nil, syntaxError(err)
	}
	end := int(p.dec.InputOffset())
	start := end - len(v)
	return jsontext.Value(p.body[start:end:end]), nil
}

// token reads a delimiter token.
func (p *parser) token() error {
	if _, err := p.dec.ReadToken(); err != nil {
		return syntaxError(err)
	}
	return nil
}

// batchMessages holds a single-message batch in one allocation.
type batchMessages struct {
	b   Batch
	arr [1]*Message
	m   Message
}

func (p *parser) parse() (*Batch, error) {
	d := p.dec
	switch d.PeekKind() {
	case '{':
		bm := new(batchMessages)
		if err := p.message(&bm.m); err != nil {
			return nil, err
		}
		if err := p.end(); err != nil {
			return nil, err
		}
		bm.arr[0] = &bm.m
		bm.b.Messages = bm.arr[:]
		return &bm.b, nil
	case '[':
		if err := p.token(); err != nil {
			return nil, err
		}
		var msgs []Message
		for {
			k := d.PeekKind()
			if k == ']' {
				break
			}
			if k == 0 {
				return nil, p.token()
			}
			if k != '{' {
				return nil, p.invalid(ErrInvalid, "batch element %d is not an object", len(msgs))
			}
			msgs = append(msgs, Message{})
			if err := p.message(&msgs[len(msgs)-1]); err != nil {
				return nil, err
			}
		}
		if err := p.token(); err != nil {
			return nil, err
		}
		if err := p.end(); err != nil {
			return nil, err
		}
		if len(msgs) == 0 {
			p.semantic = true
			return nil, fmt.Errorf("%w: a batch must hold at least one message", ErrEmptyBatch)
		}
		b := &Batch{IsBatch: true, Messages: make([]*Message, len(msgs))}
		for i := range msgs {
			b.Messages[i] = &msgs[i]
		}
		if err := checkRequestIDs(b.Messages); err != nil {
			p.semantic = true
			return nil, err
		}
		return b, nil
	case 0:
		_, err := d.ReadToken()
		return nil, syntaxError(err)
	}
	k := d.PeekKind()
	if _, err := p.value(); err != nil {
		return nil, err
	}
	return nil, p.invalid(ErrInvalid, "the body is a JSON %s, not an object or an array of objects", kindName(k))
}

func kindName(k jsontext.Kind) string {
	switch k {
	case '"':
		return "string"
	case '0':
		return "number"
	case 'n':
		return "null"
	case 't', 'f':
		return "boolean"
	}
	return k.String()
}

// checkRequestIDs refuses two requests of one batch with the same IDKey.
func checkRequestIDs(msgs []*Message) error {
	var seen map[string]struct{}
	var small []string
	for _, m := range msgs {
		if !m.IsRequest() {
			continue
		}
		k := m.IDKey()
		if seen == nil && len(small) < 16 {
			for _, s := range small {
				if s == k {
					return fmt.Errorf("%w: two requests in one batch have the id %s", ErrInvalid, k)
				}
			}
			small = append(small, k)
			continue
		}
		if seen == nil {
			seen = make(map[string]struct{}, 2*len(small))
			for _, s := range small {
				seen[s] = struct{}{}
			}
		}
		if _, dup := seen[k]; dup {
			return fmt.Errorf("%w: two requests in one batch have the id %s", ErrInvalid, k)
		}
		seen[k] = struct{}{}
	}
	return nil
}

var (
	nameJSONRPC = []byte("jsonrpc")
	nameID      = []byte("id")
	nameMethod  = []byte("method")
	nameParams  = []byte("params")
	nameResult  = []byte("result")
	nameError   = []byte("error")
	topNames    = [][]byte{nameJSONRPC, nameID, nameMethod, nameParams, nameResult, nameError}
)

// caseVariant reports the protocol name that name stands for without being
// it, or nil. Such a name is one that some decoder could take for the
// protocol name: equal when letter case is ignored (with Unicode simple
// folding, as case-insensitive decoders do: "ſ" matches "s" and the Kelvin
// sign matches "k"), or equal up to a U+0000 (which decoders built on C
// strings cut names at). Callers test exact names first.
func caseVariant(name []byte, names [][]byte) []byte {
	for _, n := range names {
		if confusable(name, n) {
			return n
		}
	}
	return nil
}

// confusable reports whether name, which is not n, could be read as n.
func confusable(name, n []byte) bool {
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	return bytes.EqualFold(name, n)
}

// unquoteName returns the unescaped text of a quoted name or string. It
// aliases raw when raw has no escapes.
func unquoteName(raw []byte) []byte {
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1]
	}
	s, err := jsontext.AppendUnquote(nil, raw)
	if err != nil {
		return nil // raw was validated by the decoder
	}
	return s
}

// message parses one message object.
func (p *parser) message(m *Message) error {
	d := p.dec
	if err := p.token(); err != nil {
		return err
	}
	hasVersion := false
	for {
		k := d.PeekKind()
		if k == '}' {
			break
		}
		if k == 0 {
			return p.token()
		}
		rawName, err := p.value()
		if err != nil {
			return err
		}
		name := unquoteName(rawName)
		v, err := p.value()
		if err != nil {
			return err
		}
		switch string(name) {
		case "jsonrpc":
			if v.Kind() != '"' || string(unquoteName(v)) != "2.0" {
				return p.invalid(ErrInvalid, `"jsonrpc" must be "2.0", not %s`, clip(v))
			}
			hasVersion = true
		case "id":
			switch v.Kind() {
			case '"', 'n':
			case '0':
				if _, ok := integerID(v); !ok {
					return p.invalid(ErrInvalid, "a numeric id must be an integer of magnitude at most 2^53-1, not %s", clip(v))
				}
			default:
				return p.invalid(ErrInvalid, "the id must be a string, a number or null, not a %s", kindName(v.Kind()))
			}
			m.ID = v
		case "method":
			if v.Kind() != '"' {
				return p.invalid(ErrInvalid, "the method must be a string, not a %s", kindName(v.Kind()))
			}
			mb := unquoteName(v)
			if len(mb) == 0 {
				return p.invalid(ErrInvalid, "the method must not be empty")
			}
			m.Method = methodName(mb)
		case "params":
			if k := v.Kind(); k != '{' && k != '[' {
				return p.invalid(ErrInvalid, "params must be an object or an array, not a %s", kindName(k))
			}
			m.Params, m.parsedParams = v, v
		case "result":
			m.Result = v
		case "error":
			if err := checkErrorObject(v); err != nil {
				p.semantic = true
				return err
			}
			m.Error = v
		default:
			if n := caseVariant(name, topNames); n != nil {
				return p.invalid(ErrCaseVariantKey, "%s (for %q)", clip(rawName), n)
			}
			return p.invalid(ErrInvalid, "unknown member %s", clip(rawName))
		}
	}
	if err := p.token(); err != nil {
		return err
	}
	if !hasVersion {
		return p.invalid(ErrInvalid, `"jsonrpc":"2.0" is missing`)
	}
	isNull := m.ID != nil && m.ID.Kind() == 'n'
	switch {
	case m.Method != "":
		if m.Result != nil || m.Error != nil {
			return p.invalid(ErrInvalid, "a message with a method must not carry a result or an error")
		}
		if isNull {
			return p.invalid(ErrInvalid, "a request id must not be null")
		}
	case m.Result != nil && m.Error != nil:
		return p.invalid(ErrInvalid, "a response must carry a result or an error, not both")
	case m.Result == nil && m.Error == nil:
		return p.invalid(ErrInvalid, "the message is neither a request, a notification nor a response")
	case m.ID == nil:
		return p.invalid(ErrInvalid, "a response must carry an id")
	case m.Params != nil:
		return p.invalid(ErrInvalid, "a response must not carry params")
	case isNull && m.Result != nil:
		return p.invalid(ErrInvalid, "a successful response must not have a null id")
	}
	return nil
}

var (
	nameCode    = []byte("code")
	nameMessage = []byte("message")
	nameData    = []byte("data")
	errorNames  = [][]byte{nameCode, nameMessage, nameData}
)

// checkErrorObject validates the "error" member of a response.
func checkErrorObject(v jsontext.Value) error {
	if v.Kind() != '{' {
		return fmt.Errorf(`%w: "error" must be an object, not a %s`, ErrInvalid, kindName(v.Kind()))
	}
	hasCode, hasMessage := false, false
	err := eachMember(v, func(name []byte, val jsontext.Value) error {
		switch string(name) {
		case "code":
			if !isInt64(val) {
				return fmt.Errorf("%w: the error code must be an integer, not %s", ErrInvalid, clip(val))
			}
			hasCode = true
		case "message":
			if val.Kind() != '"' {
				return fmt.Errorf("%w: the error message must be a string, not a %s", ErrInvalid, kindName(val.Kind()))
			}
			hasMessage = true
		case "data":
		default:
			if n := caseVariant(name, errorNames); n != nil {
				return fmt.Errorf("%w: %q in the error object (for %q)", ErrCaseVariantKey, name, n)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !hasCode || !hasMessage {
		return fmt.Errorf(`%w: the error object needs "code" and "message"`, ErrInvalid)
	}
	return nil
}

// isInt64 reports whether a number is written as an integer that fits in
// 64 bits (decoders that read codes into int64 refuse fractions and
// exponents).
func isInt64(v jsontext.Value) bool {
	if v.Kind() != '0' || bytes.ContainsAny(v, ".eE") {
		return false
	}
	_, err := strconv.ParseInt(string(v), 10, 64)
	return err == nil
}

// eachMember calls fn for each member of the JSON object obj, with the
// unescaped name (valid during the call only) and the raw value (a slice of
// obj). The whole of obj must be one valid object: duplicate names, syntax
// errors and trailing data are reported as by Parse. fn's errors are
// returned as they are.
func eachMember(obj []byte, fn func(name []byte, val jsontext.Value) error) error {
	r := getReader(obj)
	defer putReader(r)
	p := parser{body: obj, dec: &r.dec}
	d := p.dec
	if k := d.PeekKind(); k != '{' {
		if k == 0 {
			return p.token()
		}
		return fmt.Errorf("%w: expected an object, not a %s", ErrInvalid, kindName(k))
	}
	if err := p.token(); err != nil {
		return err
	}
	for {
		k := d.PeekKind()
		if k == '}' {
			break
		}
		if k == 0 {
			return p.token()
		}
		rawName, err := p.value()
		if err != nil {
			return err
		}
		val, err := p.value()
		if err != nil {
			return err
		}
		if err := fn(unquoteName(rawName), val); err != nil {
			return err
		}
	}
	if err := p.token(); err != nil {
		return err
	}
	return p.end()
}

// clip shortens a raw value for an error message.
func clip(v []byte) string {
	const max = 40
	if len(v) > max {
		return string(v[:max]) + "..."
	}
	return string(v)
}

// methodName returns the method as a string, without allocating for the
// methods of MCP.
func methodName(b []byte) string {
	switch string(b) {
	case "initialize":
		return "initialize"
	case "ping":
		return "ping"
	case "tools/list":
		return "tools/list"
	case "tools/call":
		return "tools/call"
	case "resources/list":
		return "resources/list"
	case "resources/templates/list":
		return "resources/templates/list"
	case "resources/read":
		return "resources/read"
	case "resources/subscribe":
		return "resources/subscribe"
	case "resources/unsubscribe":
		return "resources/unsubscribe"
	case "prompts/list":
		return "prompts/list"
	case "prompts/get":
		return "prompts/get"
	case "completion/complete":
		return "completion/complete"
	case "logging/setLevel":
		return "logging/setLevel"
	case "sampling/createMessage":
		return "sampling/createMessage"
	case "elicitation/create":
		return "elicitation/create"
	case "roots/list":
		return "roots/list"
	case "tasks/get":
		return "tasks/get"
	case "tasks/result":
		return "tasks/result"
	case "tasks/list":
		return "tasks/list"
	case "tasks/cancel":
		return "tasks/cancel"
	case "notifications/initialized":
		return "notifications/initialized"
	case "notifications/cancelled":
		return "notifications/cancelled"
	case "notifications/progress":
		return "notifications/progress"
	case "notifications/message":
		return "notifications/message"
	case "notifications/resources/updated":
		return "notifications/resources/updated"
	case "notifications/resources/list_changed":
		return "notifications/resources/list_changed"
	case "notifications/tools/list_changed":
		return "notifications/tools/list_changed"
	case "notifications/prompts/list_changed":
		return "notifications/prompts/list_changed"
	case "notifications/roots/list_changed":
		return "notifications/roots/list_changed"
	case "notifications/tasks/status":
		return "notifications/tasks/status"
	case "notifications/elicitation/complete":
		return "notifications/elicitation/complete"
	}
	return string(b)
}
