package imagegate

import (
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/mcpmesh/mcpmesh/xds/supplychain"
)

// Metrics of image verification.
type Metrics struct {
	state    *prometheus.GaugeVec
	results  *prometheus.CounterVec
	duration prometheus.Histogram
}

// NewMetrics registers the gate's metrics with reg (nil: not registered).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		state: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "mcpmesh_controlplane_server_image",
			Help: "1 for the current image state of each server (verified, failed, pending, unverified_local), 0 for the others. Only verified and unverified_local servers are routed.",
		}, []string{"server", "state"}),
		results: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mcpmesh_controlplane_image_verifications_total",
			Help: "Image verifications by server and result (verified, or the reason class of a rejection).",
		}, []string{"server", "result"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "mcpmesh_controlplane_image_verification_seconds",
			Help:    "Time to verify one image, including cache hits.",
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 10),
		}),
	}
	if reg != nil {
		reg.MustRegister(m.Collectors()...)
	}
	return m
}

// Collectors lists every metric of the gate.
func (m *Metrics) Collectors() []prometheus.Collector {
	return []prometheus.Collector{m.state, m.results, m.duration}
}

func (m *Metrics) setState(server string, s State) {
	for _, st := range States {
		v := 0.0
		if st == s {
			v = 1
		}
		m.state.WithLabelValues(server, string(st)).Set(v)
	}
}

func (m *Metrics) forget(server string) {
	m.state.DeletePartialMatch(prometheus.Labels{"server": server})
	m.results.DeletePartialMatch(prometheus.Labels{"server": server})
}

func (m *Metrics) observe(server string, res *supplychain.Result, err error, d time.Duration) {
	m.duration.Observe(d.Seconds())
	m.results.WithLabelValues(server, resultClass(res, err)).Inc()
}

// resultClass names a verification outcome with a small, fixed set of values.
func resultClass(res *supplychain.Result, err error) string {
	if err == nil && res != nil && res.Verified {
		return "verified"
	}
	for _, c := range []struct {
		err   error
		class string
	}{
		{supplychain.ErrNoSignatures, "no_signatures"},
		{supplychain.ErrKeyMismatch, "key_mismatch"},
		{supplychain.ErrClaimMismatch, "claim_mismatch"},
		{supplychain.ErrDigestNotFound, "digest_not_found"},
		{supplychain.ErrRegistryUnreachable, "registry_unreachable"},
		{supplychain.ErrRegistry, "registry_error"},
		{supplychain.ErrNotPinned, "not_pinned"},
		{supplychain.ErrNoCertificate, "no_certificate"},
		{supplychain.ErrUntrustedCertificate, "untrusted_certificate"},
		{supplychain.ErrIssuerMismatch, "issuer_mismatch"},
		{supplychain.ErrIdentityMismatch, "identity_mismatch"},
		{supplychain.ErrSCT, "sct"},
		{supplychain.ErrCertKeyMismatch, "certificate_key_mismatch"},
		{supplychain.ErrCertificateExpired, "certificate_expired"},
		{supplychain.ErrTlogMissing, "tlog_missing"},
		{supplychain.ErrTlogInvalid, "tlog_invalid"},
	} {
		if errors.Is(err, c.err) {
			return c.class
		}
	}
	return "rejected"
}
