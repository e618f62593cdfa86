package controlplane

import (
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics of the control plane.
type Metrics struct {
	policyInfo *prometheus.GaugeVec
	reloads    *prometheus.CounterVec
	streams    prometheus.Gauge
	nacks      *prometheus.CounterVec
	lastVer    string
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
	}
	if reg != nil {
		reg.MustRegister(m.Collectors()...)
	}
	return m
}

// Collectors lists every metric of the control plane.
func (m *Metrics) Collectors() []prometheus.Collector {
	return []prometheus.Collector{m.policyInfo, m.reloads, m.streams, m.nacks}
}

func (m *Metrics) setPolicy(version string) {
	if m.lastVer != "" {
		m.policyInfo.DeleteLabelValues(m.lastVer)
	}
	m.policyInfo.WithLabelValues(version).Set(1)
	m.lastVer = version
}
