package extproc

import (
	"fmt"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// Agents are counted by verified subject, at most maxToolLabels per server:
// the subject comes from tokens, and an unbounded label would let a
// token issuer exhaust memory.
func TestClientCallsBounded(t *testing.T) {
	m := NewMetrics(nil)
	m.toolCall("demo", "echo", "", "allow")
	for i := range maxToolLabels + 10 {
		m.toolCall("demo", "echo", fmt.Sprint("agent-", i), "allow")
	}
	if got := testutil.ToFloat64(m.clientCalls.WithLabelValues("demo", "_anonymous", "allow")); got != 1 {
		t.Errorf("_anonymous = %v, want 1", got)
	}
	if got := testutil.ToFloat64(m.clientCalls.WithLabelValues("demo", "_other", "allow")); got != 11 {
		t.Errorf("_other = %v, want the 11 subjects past the cap", got)
	}
	if n := testutil.CollectAndCount(m.clientCalls); n > maxToolLabels+1 {
		t.Errorf("%d series, bound %d", n, maxToolLabels+1)
	}
}
