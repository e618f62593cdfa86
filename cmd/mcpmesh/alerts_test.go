package main

import (
	"os"
	"regexp"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/xds/controlplane"
	"github.com/mcpmesh/mcpmesh/xds/imagegate"
)

// TestAlertRulesUseExportedMetrics keeps the shipped alert rules honest: a
// renamed metric would otherwise leave an alert that can never fire.
func TestAlertRulesUseExportedMetrics(t *testing.T) {
	raw, err := os.ReadFile("../../manifests/prometheus/alerts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Groups []struct {
			Rules []struct {
				Alert string `yaml:"alert"`
				Expr  string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	exported := map[string]bool{}
	fqName := regexp.MustCompile(`fqName: "([^"]+)"`)
	collectors := append(controlplane.NewMetrics(nil).Collectors(), extproc.NewMetrics(nil).Collectors()...)
	collectors = append(collectors, imagegate.NewMetrics(nil).Collectors()...)
	for _, c := range collectors {
		descs := make(chan *prometheus.Desc, 8)
		go func() { c.Describe(descs); close(descs) }()
		for d := range descs {
			if m := fqName.FindStringSubmatch(d.String()); m != nil {
				exported[m[1]] = true
			}
		}
	}
	if len(exported) < 10 {
		t.Fatalf("read only %d metric names: %v", len(exported), exported)
	}
	metric := regexp.MustCompile(`mcpmesh_[a-z_]+`)
	n := 0
	for _, g := range doc.Groups {
		for _, r := range g.Rules {
			n++
			// Label values (envoy_cluster_name="mcpmesh_extproc") are not metrics.
			expr := regexp.MustCompile(`"(\\.|[^"\\])*"`).ReplaceAllString(r.Expr, `""`)
			for _, m := range metric.FindAllString(expr, -1) {
				base := regexp.MustCompile(`_(bucket|sum|count)$`).ReplaceAllString(m, "")
				if !exported[base] {
					t.Errorf("alert %s uses %s, which mcpmesh does not export", r.Alert, m)
				}
			}
		}
	}
	if n < 5 {
		t.Fatalf("only %d rules parsed", n)
	}
}
