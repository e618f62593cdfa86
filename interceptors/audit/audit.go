// Package audit writes one structured JSON line for every decision.
//
// Writes are synchronous and unbuffered: a record is on its way to the sink
// before the decision takes effect, and a failed write is returned so the
// caller can refuse the message rather than act unrecorded.
package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

// Record is one audit line.
type Record struct {
	Time      time.Time `json:"time"`
	RequestID string    `json:"request_id,omitempty"`
	SessionID string    `json:"session_id,omitempty"`
	// Subject, Issuer and Groups are the agent's identity as the ingress
	// verified it (absent for a request that did not come through it).
	Subject   string   `json:"subject,omitempty"`
	Issuer    string   `json:"issuer,omitempty"`
	Groups    []string `json:"groups,omitempty"`
	Server    string   `json:"server"`
	Direction string   `json:"direction"`
	Kind      string   `json:"kind"` // request, notification, response, http
	Method    string   `json:"method,omitempty"`
	Tool      string   `json:"tool,omitempty"`
	ID        string   `json:"id,omitempty"`
	Decision  string   `json:"decision"` // allow, modify, deny, respond
	Rule      string   `json:"rule,omitempty"`
	Reason    string   `json:"reason,omitempty"`
	Removed   []string `json:"removed,omitempty"`
	// Destination ("host:port") and Address (the checked address
	// connected to) of a connection through the server's egress proxy.
	Destination string `json:"destination,omitempty"`
	Address     string `json:"address,omitempty"`
	// Findings lists every rule that fired, including audit-mode rules
	// that changed nothing ("would have blocked").
	Findings      []interceptors.Finding `json:"findings,omitempty"`
	PolicyVersion string                 `json:"policy_version,omitempty"`
	// Image is the server's verified image (repo@sha256:...), or
	// "unverified-local" for a server the policy runs unverified.
	Image         string `json:"image,omitempty"`
	LatencyMicros int64  `json:"latency_us"`
}

// Logger serialises records to one sink.
type Logger struct {
	mu     sync.Mutex
	w      io.Writer
	closer io.Closer
	buf    []byte
}

// New writes to w.
func New(w io.Writer) *Logger { return &Logger{w: w} }

// Open returns a Logger for dest: "-" or "stdout" for standard output,
// otherwise a file opened for appending (created with mode 0600).
func Open(dest string) (*Logger, error) {
	if dest == "" || dest == "-" || dest == "stdout" {
		return New(os.Stdout), nil
	}
	f, err := os.OpenFile(dest, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	l := New(f)
	l.closer = f
	return l, nil
}

// ErrWrite wraps every failure to record.
var ErrWrite = errors.New("audit record could not be written")

// Write records r as one line. The error is non-nil when the line did not
// reach the sink whole.
func (l *Logger) Write(r *Record) error {
	if r.Time.IsZero() {
		r.Time = time.Now().UTC()
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := appendRecord(l.buf[:0], r)
	if !ok {
		// What appendRecord cannot write, Marshal refuses: let it say why.
		_, err := json.Marshal(r)
		if err == nil {
			err = errors.New("the record cannot be encoded")
		}
		return fmt.Errorf("%w: %v", ErrWrite, err)
	}
	l.buf = append(b, '\n')
	n, err := l.w.Write(l.buf)
	if err == nil && n != len(l.buf) {
		err = io.ErrShortWrite
	}
	if cap(l.buf) > 1<<20 {
		l.buf = nil // one huge record must not pin its buffer
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ErrWrite, err)
	}
	return nil
}

// Close closes a file sink.
func (l *Logger) Close() error {
	if l.closer == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closer.Close()
}
