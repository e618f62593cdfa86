package audit

import (
	"strconv"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
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
	b = appendOptional(b, `,"subject":`, r.Subject)
	b = appendOptional(b, `,"issuer":`, r.Issuer)
	if len(r.Groups) > 0 {
		b = append(b, `,"groups":[`...)
		for i, s := range r.Groups {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		b = append(b, ']')
	}
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
			b = jsonrpc.AppendQuote(b, s, jsonrpc.HTMLSafe)
		}
		b = append(b, ']')
	}
	b = appendOptional(b, `,"destination":`, r.Destination)
	b = appendOptional(b, `,"address":`, r.Address)
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

// appendString quotes s as encoding/json does, so a record is byte for byte
// what Marshal would write.
func appendString(b []byte, s string) []byte { return jsonrpc.AppendQuote(b, s, jsonrpc.HTMLSafe) }
