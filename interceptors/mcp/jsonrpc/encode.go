package jsonrpc

import (
	"bytes"
	"strconv"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Marshal re-encodes the message compactly: jsonrpc, id, method, params,
// result, error in that order, present fields only, raw values as they are.
// A message without a method and without an id (a response built for a
// notification or an unreadable request) is given "id":null, so that the
// output is always a valid response.
func (m *Message) Marshal() []byte {
	return m.appendTo(make([]byte, 0, m.size()))
}

func (m *Message) size() int {
	return len(`{"jsonrpc":"2.0","id":null,"method":"","params":,"result":,"error":}`) +
		len(m.ID) + len(m.Method) + len(m.Params) + len(m.Result) + len(m.Error) + 8
}

func (m *Message) appendTo(b []byte) []byte {
	b = append(b, `{"jsonrpc":"2.0"`...)
	switch {
	case m.ID != nil:
		b = append(b, `,"id":`...)
		b = append(b, m.ID...)
	case m.Method == "":
		b = append(b, `,"id":null`...)
	}
	if m.Method != "" {
		b = append(b, `,"method":`...)
		b, _ = jsontext.AppendQuote(b, m.Method) // invalid UTF-8 becomes U+FFFD
	}
	if m.Params != nil {
		b = append(b, `,"params":`...)
		b = append(b, m.Params...)
	}
	if m.Result != nil {
		b = append(b, `,"result":`...)
		b = append(b, m.Result...)
	}
	if m.Error != nil {
		b = append(b, `,"error":`...)
		b = append(b, m.Error...)
	}
	return append(b, '}')
}

// EncodeBatch encodes the batch: a JSON array when IsBatch, else the single
// message (the first, if a non-batch holds more than one).
func EncodeBatch(b *Batch) []byte {
	if !b.IsBatch {
		if len(b.Messages) == 0 {
			return nil
		}
		return b.Messages[0].Marshal()
	}
	n := 2
	for _, m := range b.Messages {
		n += m.size() + 1
	}
	out := make([]byte, 0, n)
	out = append(out, '[')
	for i, m := range b.Messages {
		if i > 0 {
			out = append(out, ',')
		}
		out = m.appendTo(out)
	}
	return append(out, ']')
}

// ErrorResponse builds
// {"jsonrpc":"2.0","id":<id or null>,"error":{"code":code,"message":msg,"data":data}}.
// The id is used when it is a JSON string, number or null, and null
// otherwise. data is omitted when nil, and when it cannot be marshalled as
// JSON; it is marshalled with deterministic member order. Invalid UTF-8 in
// msg becomes U+FFFD.
func ErrorResponse(id jsontext.Value, code int, msg string, data any) []byte {
	b := make([]byte, 0, 96+len(id)+len(msg))
	b = append(b, `{"jsonrpc":"2.0","id":`...)
	id = bytes.TrimSpace(id)
	switch k := id.Kind(); {
	case len(id) > 0 && (k == '"' || k == '0' || k == 'n') && id.IsValid():
		b = append(b, id...)
	default:
		b = append(b, "null"...)
	}
	b = append(b, `,"error":`...)
	b = appendErrorObject(b, code, msg, data)
	return append(b, '}')
}

// ErrorObject builds the "error" member alone: {"code":..,"message":..,"data":..}.
func ErrorObject(code int, msg string, data any) jsontext.Value {
	return appendErrorObject(make([]byte, 0, 48+len(msg)), code, msg, data)
}

func appendErrorObject(b []byte, code int, msg string, data any) []byte {
	b = append(b, `{"code":`...)
	b = strconv.AppendInt(b, int64(code), 10)
	b = append(b, `,"message":`...)
	b, _ = jsontext.AppendQuote(b, msg)
	if data != nil {
		if d, err := json.Marshal(data, json.Deterministic(true)); err == nil {
			b = append(b, `,"data":`...)
			b = append(b, d...)
		}
	}
	return append(b, '}')
}
