package controlplane

import (
	"sync/atomic"
	"time"

	"github.com/mcpmesh/mcpmesh/xds/ir"

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
	certs      *certExpiryCollector
	lastVer    string
}

// certExpiryCollector reports, at scrape time, when the certificates of
// the policy in force expire: the ingress's serving certificate and the
// mesh CA (no mesh certificate outlives it; the leaves themselves are
// renewed by the control plane). An alert on it gives weeks of notice
// instead of an outage.
type certExpiryCollector struct {
	desc *prometheus.Desc
	// policy returns the policy in force; set by New.
	policy atomic.Pointer[func() *ir.Policy]
}

func (c *certExpiryCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *certExpiryCollector) Collect(ch chan<- prometheus.Metric) {
	get := c.policy.Load()
	if get == nil {
		return
	}
	p := (*get)()
	if p == nil || p.Ingress == nil {
		return
	}
	emit := func(name, file string, at time.Time) {
		if at.IsZero() {
			return
		}
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(at.Unix()), name, file)
	}
	emit("ingress", p.Ingress.TLS.CertFile, p.Ingress.TLS.NotAfter)
	if m := p.Ingress.MTLS; m != nil {
		emit("mesh_ca", m.CACertFile, m.NotAfter)
	}
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
		certs: &certExpiryCollector{desc: prometheus.NewDesc("mcpmesh_controlplane_certificate_expiry_timestamp_seconds",
			"When a certificate of the policy in force expires (Unix time), by role (ingress: the serving certificate; mesh_ca: the CA of the mesh certificates) and file.",
			[]string{"certificate", "file"}, nil)},
	}
	if reg != nil {
		reg.MustRegister(m.Collectors()...)
	}
	return m
}

// Collectors lists every metric of the control plane.
func (m *Metrics) Collectors() []prometheus.Collector {
	return []prometheus.Collector{m.policyInfo, m.reloads, m.streams, m.nacks, m.pushes, m.ackSeconds, m.nodes, m.certs}
}

func (m *Metrics) setPolicy(version string) {
	if m.lastVer != "" {
		m.policyInfo.DeleteLabelValues(m.lastVer)
	}
	m.policyInfo.WithLabelValues(version).Set(1)
	m.lastVer = version
}
