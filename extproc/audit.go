package extproc

import (
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
)

// auditAll records every message of a body; the first write error is
// returned once all were tried, so one failure does not hide the others.
func (st *stream) auditAll(exs []*interceptors.Exchange, latency time.Duration) error {
	var first error
	for _, e := range exs {
		if err := st.auditOne(e, latency); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// auditOne writes one message's decision and counts it in the metrics. The
// caller decides what a write error means (refuse, or drop an event).
func (st *stream) auditOne(e *interceptors.Exchange, latency time.Duration) error {
	m := e.Message
	kind := "response"
	switch {
	case m.IsRequest():
		kind = "request"
	case m.IsNotification():
		kind = "notification"
	}
	rec := st.record(kind, e.Method, e.Tool, e.Action.String(), e.Rule, e.Reason, latency)
	rec.Direction = e.Direction.String()
	rec.Removed = e.Removed
	rec.Findings = e.Findings
	if m.ID != nil {
		rec.ID = string(m.ID)
	}
	st.srv.Metrics.messages.WithLabelValues(st.server, e.Direction.String(), methodLabel(e.Method), rec.Decision).Inc()
	if e.Method == "tools/call" && kind == "request" {
		st.srv.Metrics.toolCall(st.server, e.Tool, e.Client.Subject, rec.Decision)
	}
	st.srv.Metrics.decided(st.server, e, rec.Decision)
	if err := st.srv.Audit.Write(rec); err != nil {
		st.srv.Metrics.auditErrors.Inc()
		st.srv.Log.Error("audit write failed", "error", err)
		return err
	}
	return nil
}

// record is an audit line with what the stream knows filled in: request and
// session ids, server, policy version, image.
func (st *stream) record(kind, method, tool, decision, rule, reason string, latency time.Duration) *audit.Record {
	r := &audit.Record{
		RequestID: st.requestID, SessionID: st.sessionID, Server: st.server,
		Direction: interceptors.ToServer.String(), Kind: kind, Method: method, Tool: tool,
		Decision: decision, Rule: rule, Reason: reason, LatencyMicros: latency.Microseconds(),
		Subject: st.who.Subject, Issuer: st.who.Issuer, Groups: st.who.Groups,
	}
	if st.pol != nil {
		r.PolicyVersion = st.pol.policy.Version
	}
	r.Image = st.imageLabel()
	return r
}

// imageLabel is what audit records say about the server's image.
func (st *stream) imageLabel() string {
	switch {
	case st.spec == nil:
		return ""
	case st.spec.UnverifiedLocal:
		return "unverified-local"
	}
	return st.spec.Image
}
