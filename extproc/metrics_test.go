package extproc

import (
	"fmt"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

// A denied call is counted by the rule that denied it; a server name the
// policy does not know is never a label value.
func TestMetricsRuleDecisionsAndUnknownServer(t *testing.T) {
	srv := duplexServer(t, testPolicy())
	st := newStream(srv, "demo")
	step(t, st, reqHeaders(false, postHeaders...), 0)
	step(t, st, reqChunk(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"run_shell","arguments":{}}}`, true), 1)
	rule := "tools.allow (no pattern matches)"
	if got := testutil.ToFloat64(srv.Metrics.ruleDecisions.WithLabelValues("demo", "to_server", "deny", rule)); got != 1 {
		t.Errorf("rule_decisions_total{rule=%q} = %v, want 1", rule, got)
	}

	st = newStream(srv, "attacker-chosen-name")
	step(t, st, reqHeaders(false, postHeaders...), 1)
	if got := testutil.ToFloat64(srv.Metrics.refused.WithLabelValues("_unknown", "unknown_server")); got != 1 {
		t.Errorf(`refused_total{server="_unknown"} = %v, want 1`, got)
	}
	if n := testutil.CollectAndCount(srv.Metrics.refused); n != 1 {
		t.Errorf("refused_total has %d series, want 1", n)
	}
}

// Findings are counted by interceptor, rule, action and mode; rule labels
// stop growing at maxRuleLabels per server.
func TestMetricsFindingsCapped(t *testing.T) {
	m := NewMetrics(nil)
	e := &interceptors.Exchange{Server: "demo", Direction: interceptors.ToClient, Rule: "secrets", Action: interceptors.Modify,
		Findings: []interceptors.Finding{{Interceptor: "secrets", Rule: "aws-access-token", Action: "redact", Mode: "enforce"}}}
	m.decided("demo", e, "modify")
	m.decided("demo", e, "modify")
	if got := testutil.ToFloat64(m.findings.WithLabelValues("demo", "secrets", "aws-access-token", "redact", "enforce")); got != 2 {
		t.Errorf("findings_total = %v, want 2", got)
	}
	if got := testutil.ToFloat64(m.ruleDecisions.WithLabelValues("demo", "to_client", "modify", "secrets")); got != 2 {
		t.Errorf("rule_decisions_total = %v, want 2", got)
	}
	for i := range 2 * maxRuleLabels {
		m.decided("demo", &interceptors.Exchange{Rule: fmt.Sprintf("r%d", i)}, "deny")
	}
	if n := testutil.CollectAndCount(m.ruleDecisions); n > maxRuleLabels+1 {
		t.Errorf("rule_decisions_total has %d series; the cap is %d plus _other", n, maxRuleLabels)
	}
	if got := testutil.ToFloat64(m.ruleDecisions.WithLabelValues("demo", "to_server", "deny", "_other")); got == 0 {
		t.Error("rules past the cap are not counted as _other")
	}
}
