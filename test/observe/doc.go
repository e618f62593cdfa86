// Package observe tests what SREs watch: the Grafana dashboards in
// manifests/dashboards and the alerts in manifests/prometheus. Every query
// and alert must parse (promtool), name only metrics that mcpmesh's
// registries or a real Envoy export, and every alert has promtool unit
// tests; a real Prometheus scraping a running mesh under load must return
// data for every dashboard panel.
package observe
