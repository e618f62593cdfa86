package extproc

import (
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/webhook"
)

// Metrics of the ext_proc service.
type Metrics struct {
	messages      *prometheus.CounterVec
	toolCalls     *prometheus.CounterVec
	clientCalls   *prometheus.CounterVec
	ruleDecisions *prometheus.CounterVec
	findings      *prometheus.CounterVec
	refused       *prometheus.CounterVec
	latency       *prometheus.HistogramVec
	policyInfo    *prometheus.GaugeVec
	policyUpdates *prometheus.CounterVec
	auditErrors   prometheus.Counter
	streams       prometheus.Gauge
	egressReqs    *prometheus.CounterVec
	exchanges     *prometheus.CounterVec
	serverAnswers *prometheus.CounterVec

	mu          sync.Mutex
	lastVer     string
	toolSeen    map[string]map[string]bool
	subjectSeen map[string]map[string]bool
	ruleSeen    map[string]map[string]bool
}

// maxToolLabels bounds the tool label per server: tool names come from
// agents, and an unbounded label would let one agent exhaust memory.
const maxToolLabels = 256

// maxRuleLabels bounds the rule label per server. Rule names come from the
// policy (and the fixed secrets rule set), never from a message, so the cap
// is a backstop against a policy with thousands of patterns.
const maxRuleLabels = 512

// NewMetrics registers the ext_proc metrics with reg (nil: not registered).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_messages_total",
			Help: "JSON-RPC messages inspected, by server, direction, method and decision.",
		}, []string{"server", "direction", "method", "decision"}),
		toolCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_tool_calls_total",
			Help: "tools/call requests by server, tool and decision.",
		}, []string{"server", "tool", "decision"}),
		clientCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_client_calls_total",
			Help: "tools/call requests by server, verified agent (the ingress's subject; _anonymous without one; at most 256 per server, then _other) and decision.",
		}, []string{"server", "subject", "decision"}),
		ruleDecisions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_rule_decisions_total",
			Help: "JSON-RPC messages denied, modified or answered by a policy rule, by server, direction, decision and rule.",
		}, []string{"server", "direction", "decision", "rule"}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_findings_total",
			Help: "Rules that fired on a message (audit mode included), by server, interceptor, rule, the rule's action and mode.",
		}, []string{"server", "interceptor", "rule", "action", "mode"}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_refused_total",
			Help: "HTTP requests and responses refused before any message could be judged, by reason.",
		}, []string{"server", "reason"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "mcpmesh_extproc_processing_seconds",
			Help: "Time ext_proc spent on one Envoy message, by phase.",
			// Up to seconds: webhooks run within a message and may take
			// up to limits.messageTimeout.
			Buckets: []float64{.00001, .000025, .00005, .0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"phase"}),
		policyInfo: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "mcpmesh_extproc_policy_info",
			Help: "The policy version in force (value is always 1).",
		}, []string{"version"}),
		policyUpdates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_policy_updates_total",
			Help: "Policies received from the control plane, by result (applied, rejected).",
		}, []string{"result"}),
		auditErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_audit_write_errors_total",
			Help: "Audit records that could not be written; the message was refused.",
		}),
		streams: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "mcpmesh_extproc_active_streams",
			Help: "ext_proc streams (one per HTTP request) in progress.",
		}),
		egressReqs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_egress_requests_total",
			Help: "Connections and requests through the servers' egress proxies, by server, decision and rule (\"\" for a plain allow).",
		}, []string{"server", "decision", "rule"}),
		exchanges: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_token_exchanges_total",
			Help: "Agent tokens exchanged for a server's (tokenExchange), by server and result (exchanged, cached, failed, no_token).",
		}, []string{"server", "result"}),
		serverAnswers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_extproc_server_answers_total",
			Help: "Requests of a server to the client (sampling, elicitation) refused by a rule and answered to the server with the refusal, by server and outcome (delivered, failed).",
		}, []string{"server", "outcome"}),
		toolSeen: map[string]map[string]bool{}, subjectSeen: map[string]map[string]bool{},
		ruleSeen: map[string]map[string]bool{},
	}
	if reg != nil {
		reg.MustRegister(m.Collectors()...)
		reg.MustRegister(webhook.Collectors()...)
	}
	return m
}

// Collectors lists every metric of the service.
func (m *Metrics) Collectors() []prometheus.Collector {
	return []prometheus.Collector{m.messages, m.toolCalls, m.clientCalls, m.ruleDecisions, m.findings, m.refused, m.latency, m.policyInfo, m.policyUpdates, m.auditErrors, m.streams, m.egressReqs, m.exchanges, m.serverAnswers}
}

func (m *Metrics) setPolicy(version string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.lastVer != "" {
		m.policyInfo.DeleteLabelValues(m.lastVer)
	}
	m.policyInfo.WithLabelValues(version).Set(1)
	m.lastVer = version
}

func (m *Metrics) toolCall(server, tool, subject, decision string) {
	if subject == "" {
		subject = "_anonymous"
	}
	m.mu.Lock()
	tool = capLabel(m.toolSeen, server, tool, maxToolLabels)
	subject = capLabel(m.subjectSeen, server, subject, maxToolLabels)
	m.mu.Unlock()
	m.toolCalls.WithLabelValues(server, tool, decision).Inc()
	m.clientCalls.WithLabelValues(server, subject, decision).Inc()
}

// decided counts a message's decision by the rule behind it, and every
// finding on it.
func (m *Metrics) decided(server string, e *interceptors.Exchange, decision string) {
	if e.Rule == "" && len(e.Findings) == 0 {
		return // a plain allow: messages_total has it
	}
	m.mu.Lock()
	rule := capLabel(m.ruleSeen, server, e.Rule, maxRuleLabels)
	rules := make([]string, len(e.Findings))
	for i, f := range e.Findings {
		rules[i] = capLabel(m.ruleSeen, server, f.Rule, maxRuleLabels)
	}
	m.mu.Unlock()
	if e.Rule != "" {
		m.ruleDecisions.WithLabelValues(server, e.Direction.String(), decision, rule).Inc()
	}
	for i, f := range e.Findings {
		m.findings.WithLabelValues(server, f.Interceptor, rules[i], f.Action, f.Mode).Inc()
	}
}

// capLabel returns v, or "_other" once server has max distinct values in
// seen. The caller holds m.mu.
func capLabel(seen map[string]map[string]bool, server, v string, max int) string {
	s := seen[server]
	if s == nil {
		s = map[string]bool{}
		seen[server] = s
	}
	if !s[v] {
		if len(s) >= max {
			return "_other"
		}
		s[v] = true
	}
	return v
}

// knownMethods bounds the method label to the protocol's own methods.
var knownMethods = map[string]bool{
	"initialize": true, "ping": true, "tools/list": true, "tools/call": true,
	"resources/list": true, "resources/read": true, "resources/templates/list": true,
	"resources/subscribe": true, "resources/unsubscribe": true, "prompts/list": true,
	"prompts/get": true, "completion/complete": true, "logging/setLevel": true,
	"sampling/createMessage": true, "elicitation/create": true, "roots/list": true,
	"notifications/initialized": true, "notifications/cancelled": true, "notifications/progress": true,
	"notifications/message": true, "notifications/resources/updated": true,
	"notifications/resources/list_changed": true, "notifications/tools/list_changed": true,
	"notifications/prompts/list_changed": true, "notifications/roots/list_changed": true,
	"tasks/get": true, "tasks/list": true, "tasks/cancel": true, "tasks/result": true,
	"subscriptions/listen": true, "server/discover": true,
}

func methodLabel(method string) string {
	if method == "" {
		return "_response"
	}
	if knownMethods[method] {
		return method
	}
	return "_other"
}

// egress counts one decision of an egress proxy. Rules are a fixed set.
func (m *Metrics) egress(server, decision, rule string) {
	m.egressReqs.WithLabelValues(server, decision, rule).Inc()
}
