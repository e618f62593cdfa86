package controlplane

import (
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics of the control plane.
type Metrics struct {
	policyInfo *prometheus.GaugeVec
	reloads    *prometheus.CounterVec
	streams    prometheus.Gauge
	nacks      *prometheus.CounterVec
	pushes     *prometheus.CounterVec
	ackSeconds *prometheus.HistogramVec
	nodes      *nodePolicyCollector
	lastVer    string
}

// nodePolicyCollector reports, at scrape time, which policy version each
// connected node has acknowledged, from the control plane's own records:
// nothing to keep in step when nodes come and go.
type nodePolicyCollector struct {
	desc *prometheus.Desc
	// source counts connected streams by node and policy version; set by New.
	source atomic.Pointer[func() map[[2]string]int]
}

func (c *nodePolicyCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *nodePolicyCollector) Collect(ch chan<- prometheus.Metric) {
	src := c.source.Load()
	if src == nil {
		return
	}
	for k, n := range (*src)() {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n), k[0], k[1])
	}
}

// NewMetrics registers the control plane metrics with reg (nil: not registered).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		policyInfo: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "mcpmesh_controlplane_policy_info",
			Help: "The policy version being served (value is always 1).",
		}, []string{"version"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_controlplane_policy_reloads_total",
			Help: "Policy file loads by result (applied, unchanged, invalid).",
		}, []string{"result"}),
		streams: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "mcpmesh_controlplane_xds_streams",
			Help: "Open xDS streams from Envoy nodes and ext_proc instances.",
		}),
		nacks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_controlplane_xds_nacks_total",
			Help: "Configuration pushes rejected by a node, by resource type.",
		}, []string{"type_url"}),
		pushes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_controlplane_xds_pushes_total",
			Help: "Discovery responses sent to nodes, by resource type.",
		}, []string{"type_url"}),
		ackSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "mcpmesh_controlplane_xds_push_ack_seconds",
			Help:    "Time from a push to the node's ACK or NACK of it, by resource type.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 4, 9), // 0.5ms .. 33s
		}, []string{"type_url"}),
		nodes: &nodePolicyCollector{desc: prometheus.NewDesc("mcpmesh_controlplane_node_policy_info",
			"Connected xDS streams by node and the policy version whose configuration they acknowledged (unknown: none of the recent ones).",
			[]string{"node", "version"}, nil)},
	}
	if reg != nil {
		reg.MustRegister(m.Collectors()...)
	}
	return m
}

// Collectors lists every metric of the control plane.
func (m *Metrics) Collectors() []prometheus.Collector {
	return []prometheus.Collector{m.policyInfo, m.reloads, m.streams, m.nacks, m.pushes, m.ackSeconds, m.nodes}
}

func (m *Metrics) setPolicy(version string) {
	if m.lastVer != "" {
		m.policyInfo.DeleteLabelValues(m.lastVer)
	}
	m.policyInfo.WithLabelValues(version).Set(1)
	m.lastVer = version
}
