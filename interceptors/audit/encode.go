package audit

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

// appendRecord appends the JSON of r, byte for byte what encoding/json's
// Marshal writes for a Record (field order, omitempty, HTML-safe string
// escaping), without reflection or allocation: one record is written per
// message on the hot path. ok is false when Marshal would fail (a time
// that RFC 3339 cannot express); the caller then lets Marshal report it.
func appendRecord(b []byte, r *Record) (_ []byte, ok bool) {
	b = append(b, `{"time":`...)
	if b, ok = appendTime(b, r.Time); !ok {
		return b, false
	}
	b = appendOptional(b, `,"request_id":`, r.RequestID)
	b = appendOptional(b, `,"session_id":`, r.SessionID)
	b = appendString(append(b, `,"server":`...), r.Server)
	b = appendString(append(b, `,"direction":`...), r.Direction)
	b = appendString(append(b, `,"kind":`...), r.Kind)
	b = appendOptional(b, `,"method":`, r.Method)
	b = appendOptional(b, `,"tool":`, r.Tool)
	b = appendOptional(b, `,"id":`, r.ID)
	b = appendString(append(b, `,"decision":`...), r.Decision)
	b = appendOptional(b, `,"rule":`, r.Rule)
	b = appendOptional(b, `,"reason":`, r.Reason)
	if len(r.Removed) > 0 {
		b = append(b, `,"removed":[`...)
		for i, s := range r.Removed {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		b = append(b, ']')
	}
	if len(r.Findings) > 0 {
		b = append(b, `,"findings":[`...)
		for i := range r.Findings {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendFinding(b, &r.Findings[i])
		}
		b = append(b, ']')
	}
	b = appendOptional(b, `,"policy_version":`, r.PolicyVersion)
	b = appendOptional(b, `,"image":`, r.Image)
	b = strconv.AppendInt(append(b, `,"latency_us":`...), r.LatencyMicros, 10)
	return append(b, '}'), true
}

func appendFinding(b []byte, f *interceptors.Finding) []byte {
	b = appendString(append(b, `{"interceptor":`...), f.Interceptor)
	b = appendString(append(b, `,"rule":`...), f.Rule)
	b = appendString(append(b, `,"action":`...), f.Action)
	b = appendString(append(b, `,"mode":`...), f.Mode)
	b = appendOptional(b, `,"where":`, f.Where)
	b = appendOptional(b, `,"detail":`, f.Detail)
	return append(b, '}')
}

func appendOptional(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendString(append(b, key...), s)
}

// appendTime is time.Time's MarshalJSON: RFC 3339 with nanoseconds, refused
// for years outside [0,9999] and zone offsets of 24 hours or more.
func appendTime(b []byte, t time.Time) ([]byte, bool) {
	b = append(b, '"')
	n0 := len(b)
	b = t.AppendFormat(b, time.RFC3339Nano)
	if b[n0+len("9999")] != '-' {
		return b, false
	}
	if b[len(b)-1] != 'Z' {
		c := b[len(b)-len("Z07:00")]
		h := b[len(b)-len("07:00"):]
		if '0' <= c && c <= '9' || 10*(h[0]-'0')+(h[1]-'0') >= 24 {
			return b, false
		}
	}
	return append(b, '"'), true
}

const hex = "0123456789abcdef"

// appendString quotes s as encoding/json does: HTML-sensitive characters
// and U+2028/U+2029 escaped, invalid UTF-8 replaced by \ufffd.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if htmlSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			b = append(append(b, s[start:i]...), `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(b, s[start:]...), '"')
}

// htmlSafe holds the ASCII bytes encoding/json writes as they are when it
// escapes HTML: all but control characters, '"', '\\', '<', '>' and '&'.
var htmlSafe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		switch c {
		case '"', '\\', '<', '>', '&':
		default:
			t[c] = true
		}
	}
	return t
}()
