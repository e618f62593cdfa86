// Package sse parses text/event-stream bodies incrementally, as the gateway
// receives them in chunks, and encodes events back.
//
// Parsing follows the WHATWG rules: lines end in CRLF, LF or CR (a CR at
// the end of one chunk followed by LF at the start of the next is one line
// end); fields are data, event, id and retry; lines starting with ':' are
// comments; a blank line ends an event; data lines are joined with "\n"; a
// single space after the colon is removed; a leading UTF-8 byte order mark
// of the stream is skipped.
//
// Every byte of the stream belongs to exactly one Event's Raw, in order, so
// forwarding the Raw of every event reproduces the stream byte for byte.
//
// The gateway inspects what it forwards, so the events it sees must be the
// events every client sees. Clients differ where the WHATWG rules are not
// followed everywhere, and a Parser refuses those streams unless Lenient is
// set (see ErrAmbiguous).
package sse

import (
	"bytes"
	"errors"
	"fmt"
)

// Event is one event of a stream.
type Event struct {
	// Raw is the exact bytes of the event including its terminating blank
	// line (and, for the first event, a byte order mark), so that an
	// unchanged event is forwarded byte-identical. It may alias the chunk
	// passed to Feed.
	Raw []byte
	// ID and Type are the values of the event's last "id" and "event"
	// fields ("" when absent; an id holding U+0000 is ignored, as clients
	// do).
	ID, Type string
	// Data is the event's data lines joined with "\n". It may alias Raw.
	Data []byte
	// HasData reports whether the event has at least one data line.
	HasData bool
}

// DefaultMaxEventBytes is the event size limit when MaxEventBytes is zero.
const DefaultMaxEventBytes = 4 << 20

// Errors of a Parser. Once Feed or Finish has returned an error, the
// stream must be refused: later calls return the same error.
var (
	// ErrEventTooLarge reports an event whose raw bytes exceed the limit.
	ErrEventTooLarge = errors.New("event stream: event too large")
	// ErrAmbiguous reports a line break that SSE clients read differently:
	// a CR not followed by LF (the MCP Go SDK client ends lines at LF only,
	// and so would read different events than the gateway), or, outside
	// data lines, one of VT, FF, FS, GS, RS, NEL, LINE SEPARATOR and
	// PARAGRAPH SEPARATOR (which Python clients before httpx-sse 0.4.2 end
	// lines at, so a comment or an id could hide a data line from the
	// gateway). Inside data lines these characters can only sit in JSON
	// strings, where a client that splits there gets invalid JSON.
	ErrAmbiguous = errors.New("event stream: line break that clients read differently")
)

// Parser is an incremental event-stream parser. The zero value is ready to
// use; a Parser must not be copied after first use.
type Parser struct {
	// MaxEventBytes limits the raw size of one event, and so the bytes held
	// for an incomplete one. Zero or less means DefaultMaxEventBytes.
	MaxEventBytes int
	// Lenient accepts every stream the WHATWG rules accept, including the
	// ambiguous line breaks refused with ErrAmbiguous. Leave it false on a
	// security boundary.
	Lenient bool

	buf     []byte // held bytes: the start of the current, incomplete event
	scan    int    // offset in buf of the first line not yet processed
	hint    int    // bytes of that line known to hold neither CR nor LF
	started bool   // the byte order mark has been looked for
	err     error
	ev      eventState
}

// eventState is what the lines of the current event have set so far.
// Offsets are relative to the event's first byte.
type eventState struct {
	id, typ   string
	dataOff   int // the value of the only data line, while there is one
	dataLen   int
	dataLines int    // number of data lines
	data      []byte // the joined data, once there are two lines or more
	hasField  bool   // a line that is neither a comment nor blank space
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func (p *Parser) max() int {
	if p.MaxEventBytes <= 0 {
		return DefaultMaxEventBytes
	}
	return p.MaxEventBytes
}

// Feed appends a chunk and returns the events completed by it. The bytes of
// an incomplete event are kept inside (copied; chunk is not retained except
// through the returned events). On error, Feed also returns the events
// completed before the offending one.
func (p *Parser) Feed(chunk []byte) ([]Event, error) {
	if p.err != nil {
		return nil, p.err
	}
	var events []Event
	// Complete the held event first, copying the chunk into the held
	// bytes one line at a time, so that only an event that straddles
	// chunks is copied.
	for len(p.buf) > 0 && len(chunk) > 0 {
		k := bytes.IndexByte(chunk, '\n') + 1
		if k == 0 {
			k = len(chunk)
		}
		if len(p.buf)+k > cap(p.buf) {
			// Double: a long event arriving in many chunks is copied about
			// once, not once per chunk as append's slower growth would.
			p.buf = append(make([]byte, 0, 2*(len(p.buf)+k)), p.buf...)
		}
		p.buf = append(p.buf, chunk[:k]...)
		chunk = chunk[k:]
		var start int
		var err error
		events, start, err = p.process(p.buf, false, events)
		if err == nil && len(p.buf)-start > p.max() {
			err = fmt.Errorf("%w: more than %d bytes without a blank line", ErrEventTooLarge, p.max())
		}
		if err != nil {
			p.fail(err)
			return events, err
		}
		switch {
		case start == len(p.buf):
			p.buf = nil // handed out as Raw: never write into it again
		case start > 0:
			// Events handed out end before start, and their capacity is
			// capped, so appending to the rest never touches them.
			p.buf = p.buf[start:]
		}
	}
	if len(chunk) == 0 {
		return events, nil
	}
	// Nothing held: parse the chunk in place.
	events, start, err := p.process(chunk, false, events)
	if err == nil && len(chunk)-start > p.max() {
		err = fmt.Errorf("%w: more than %d bytes without a blank line", ErrEventTooLarge, p.max())
	}
	if err != nil {
		p.fail(err)
		return events, err
	}
	if rest := chunk[start:]; len(rest) > 0 {
		p.buf = append(make([]byte, 0, max(2*len(rest), 512)), rest...)
	}
	return events, nil
}

// Pending reports the bytes held for an incomplete event (nil when none).
// They must not be modified, and are valid until the next call to Feed or
// Finish.
func (p *Parser) Pending() []byte {
	if len(p.buf) == 0 {
		return nil
	}
	return p.buf[:len(p.buf):len(p.buf)]
}

// Finish ends the stream. Bytes held for an event that lacks its blank line
// are dispatched as an event (whose Raw is exactly those bytes) if they
// hold any field line that is not blank space; otherwise Finish returns
// nil and they are dropped. The Parser is then reset for a new stream.
func (p *Parser) Finish() (*Event, error) {
	if p.err != nil {
		return nil, p.err
	}
	data := p.buf
	if len(data) == 0 {
		p.reset()
		return nil, nil
	}
	events, start, err := p.process(data, true, nil)
	if err != nil {
		p.fail(err)
		return nil, err
	}
	var ev *Event
	switch {
	case len(events) > 0:
		// Only a CR held at the very end can complete an event here, and
		// nothing can follow it.
		if len(events) > 1 || start != len(data) {
			err := fmt.Errorf("%w: internal: unexpected events at the end of the stream", ErrAmbiguous)
			p.fail(err)
			return nil, err
		}
		ev = &events[0]
	case p.ev.hasField:
		e := p.dispatch(data, start, len(data))
		ev = &e
	}
	p.reset()
	return ev, nil
}

func (p *Parser) fail(err error) {
	p.err = err
	p.buf = nil
	p.ev = eventState{}
}

func (p *Parser) reset() {
	*p = Parser{MaxEventBytes: p.MaxEventBytes, Lenient: p.Lenient}
}

// process handles the complete lines of data from p.scan on, where data
// starts with the current event. It returns the events completed and the
// offset where the incomplete event starts, appending the events to
// events. With final, the end of data ends the last line.
func (p *Parser) process(data []byte, final bool, events []Event) (_ []Event, start int, err error) {
	pos := p.scan
	if !p.started {
		if len(data) < len(utf8BOM) && bytes.HasPrefix(utf8BOM, data) && !final {
			return events, 0, nil
		}
		if bytes.HasPrefix(data, utf8BOM) {
			pos = len(utf8BOM)
		}
		p.started = true
	}
	limit := p.max()
	// The first hint bytes of the line at p.scan were searched by an
	// earlier call and hold neither CR nor LF: searching them again would
	// make a long line fed in small chunks cost quadratic time.
	hint := p.hint
	p.hint = 0
	for pos < len(data) {
		rest := data[pos:]
		lf := bytes.IndexByte(rest[hint:], '\n')
		if lf >= 0 {
			lf += hint
		}
		seg := rest
		if lf >= 0 {
			seg = rest[:lf]
		}
		cr := bytes.IndexByte(seg[hint:], '\r')
		if cr >= 0 {
			cr += hint
		}
		hint = 0
		var line []byte
		var next int // offset of the byte after the line's end
		lone := false
		switch {
		case lf >= 0 && (cr < 0 || cr == lf-1):
			line, next = seg, pos+lf+1
			if cr >= 0 {
				line = seg[:cr]
			}
		case cr >= 0 && cr < len(rest)-1:
			// A CR followed by something other than LF.
			line, next, lone = rest[:cr], pos+cr+1, true
		case !final:
			// An unfinished line, or a CR whose next byte is unknown.
			p.scan = pos - start
			p.hint = len(rest)
			if cr >= 0 {
				p.hint = cr
			}
			return events, start, nil
		case cr >= 0:
			line, next = rest[:cr], len(data) // CR at the end of the stream
		default:
			line, next = rest, len(data) // last line without its end
		}
		if next-start > limit {
			return events, start, fmt.Errorf("%w: more than %d bytes", ErrEventTooLarge, limit)
		}
		if lone && !p.Lenient {
			return events, start, fmt.Errorf("%w: CR not followed by LF at offset %d of an event", ErrAmbiguous, pos+cr-start)
		}
		if len(line) == 0 {
			events = append(events, p.dispatch(data, start, next))
			start = next
		} else if err := p.field(data[start:], line, pos-start); err != nil {
			return events, start, err
		}
		pos = next
	}
	p.scan = pos - start
	return events, start, nil
}

// dispatch ends the current event, whose raw bytes are data[start:end].
func (p *Parser) dispatch(data []byte, start, end int) Event {
	raw := data[start:end:end]
	ev := Event{Raw: raw, ID: p.ev.id, Type: p.ev.typ, HasData: p.ev.dataLines > 0}
	switch {
	case p.ev.dataLines == 1:
		ev.Data = raw[p.ev.dataOff : p.ev.dataOff+p.ev.dataLen : p.ev.dataOff+p.ev.dataLen]
	case p.ev.dataLines > 1:
		ev.Data = p.ev.data
	}
	p.ev = eventState{}
	return ev
}

// field handles a line that is not blank; ev holds the event's bytes and
// off is the line's offset in it.
func (p *Parser) field(ev, line []byte, off int) error {
	if line[0] == ':' {
		return p.checkLine(line) // a comment
	}
	name, value := line, line[len(line):]
	if i := bytes.IndexByte(line, ':'); i >= 0 {
		name, value = line[:i], line[i+1:]
		if len(value) > 0 && value[0] == ' ' {
			value = value[1:]
		}
	}
	if len(bytes.Trim(line, " \t")) > 0 {
		p.ev.hasField = true
	}
	if string(name) == "data" {
		switch p.ev.dataLines {
		case 0:
			p.ev.dataOff, p.ev.dataLen = off+len(line)-len(value), len(value)
		case 1:
			// A second line: the data no longer aliases one line of Raw.
			first := ev[p.ev.dataOff : p.ev.dataOff+p.ev.dataLen]
			p.ev.data = make([]byte, 0, 2*(len(first)+1+len(value)))
			p.ev.data = append(p.ev.data, first...)
			fallthrough
		default:
			p.ev.data = append(p.ev.data, '\n')
			p.ev.data = append(p.ev.data, value...)
		}
		p.ev.dataLines++
		return nil
	}
	if err := p.checkLine(line); err != nil {
		return err
	}
	switch string(name) {
	case "event":
		p.ev.typ = eventType(value)
	case "id":
		if bytes.IndexByte(value, 0) < 0 {
			p.ev.id = string(value)
		}
	}
	return nil
}

// eventType returns the event type, without allocating for the usual one.
func eventType(v []byte) string {
	if string(v) == "message" {
		return "message"
	}
	return string(v)
}

// checkLine refuses, unless the parser is lenient, a line that is not a
// data line and holds a character some clients end lines at.
func (p *Parser) checkLine(line []byte) error {
	if p.Lenient {
		return nil
	}
	if i := ambiguousBreak(line); i >= 0 {
		return fmt.Errorf("%w: %q in a line that is not a data line", ErrAmbiguous, line[i:min(len(line), i+3)])
	}
	return nil
}

// ambiguousBreak returns the offset of the first VT, FF, FS, GS, RS, NEL
// (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029) in b, or
// -1.
func ambiguousBreak(b []byte) int {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case 0x0B, 0x0C, 0x1C, 0x1D, 0x1E:
			return i
		case 0xC2:
			if i+1 < len(b) && b[i+1] == 0x85 {
				return i
			}
		case 0xE2:
			if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9) {
				return i
			}
		}
	}
	return -1
}

// Encode writes an event: "id: <ID>\n" if ID != "", "event: <Type>\n" if
// Type != "", each line of Data as "data: <line>\n" (when HasData or Data is
// not empty), then "\n". Data is split at CRLF, CR and LF alike, so that no
// client can read a line break Encode did not write. An ID or Type that
// cannot be written unambiguously (holding CR, LF, U+0000 for an id, or a
// character refused with ErrAmbiguous) is left out.
func Encode(e Event) []byte {
	n := len(e.Data) + len(e.ID) + len(e.Type) + 32
	if e.HasData || len(e.Data) > 0 {
		n += 7 * (1 + bytes.Count(e.Data, []byte{'\n'}) + bytes.Count(e.Data, []byte{'\r'}))
	}
	b := make([]byte, 0, n)
	if e.ID != "" && writable(e.ID) && !bytesHasNUL(e.ID) {
		b = append(b, "id: "...)
		b = append(b, e.ID...)
		b = append(b, '\n')
	}
	if e.Type != "" && writable(e.Type) {
		b = append(b, "event: "...)
		b = append(b, e.Type...)
		b = append(b, '\n')
	}
	if e.HasData || len(e.Data) > 0 {
		d := e.Data
		for {
			i := bytes.IndexAny(d, "\r\n")
			if i < 0 {
				b = append(b, "data: "...)
				b = append(b, d...)
				b = append(b, '\n')
				break
			}
			b = append(b, "data: "...)
			b = append(b, d[:i]...)
			b = append(b, '\n')
			if d[i] == '\r' && i+1 < len(d) && d[i+1] == '\n' {
				i++
			}
			d = d[i+1:]
		}
	}
	return append(b, '\n')
}

func writable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' || s[i] == '\n' {
			return false
		}
	}
	return ambiguousBreak([]byte(s)) < 0
}

func bytesHasNUL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return true
		}
	}
	return false
}
