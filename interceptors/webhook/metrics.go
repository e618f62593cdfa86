package webhook

import "github.com/prometheus/client_golang/prometheus"

// callSeconds times every call to a hook (a guardrail service, a DLP
// check, a classifier), by what came of it.
var callSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{
	Name:    "mcpmesh_extproc_webhook_seconds",
	Help:    "Calls to external webhooks, by server, webhook, phase and outcome (allow, deny, rewrite, respond, replace, failure).",
	Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
}, []string{"server", "webhook", "phase", "outcome"})

// Collectors are the metrics of the webhooks, for ext_proc to register.
func Collectors() []prometheus.Collector { return []prometheus.Collector{callSeconds} }
