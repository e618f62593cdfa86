package observe

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/manifests/dashboards"
	"github.com/mcpmesh/mcpmesh/xds/controlplane"
	"github.com/mcpmesh/mcpmesh/xds/imagegate"
)

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

var (
	alertsFile     = filepath.Join(repoRoot(), "manifests", "prometheus", "alerts.yaml")
	alertTestsFile = filepath.Join(repoRoot(), "manifests", "prometheus", "alerts_test.yaml")
	operationsDoc  = filepath.Join(repoRoot(), "docs", "operations.md")
)

// tool finds a Prometheus binary; never skip: without it nothing here is checked.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found on PATH: run `make promtool` (Debian's prometheus package provides promtool and prometheus)", name)
	}
	return p
}

func run(t *testing.T, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(tool(t, name), args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

type rule struct {
	Alert       string            `yaml:"alert"`
	Expr        string            `yaml:"expr"`
	Annotations map[string]string `yaml:"annotations"`
}

func alertRules(t *testing.T) []rule {
	t.Helper()
	raw, err := os.ReadFile(alertsFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Groups []struct {
			Rules []rule `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var out []rule
	for _, g := range doc.Groups {
		out = append(out, g.Rules...)
	}
	if len(out) < 20 {
		t.Fatalf("only %d rules read from %s", len(out), alertsFile)
	}
	return out
}

// TestAlertRules: the rules load in Prometheus (promtool check rules), pass
// their unit tests (promtool test rules), every alert has a unit test in
// which it fires, and a runbook section that its annotation points to.
func TestAlertRules(t *testing.T) {
	if out, err := run(t, "promtool", "check", "rules", alertsFile); err != nil {
		t.Fatalf("promtool check rules:\n%s", out)
	}
	if out, err := run(t, "promtool", "test", "rules", alertTestsFile); err != nil {
		t.Fatalf("promtool test rules:\n%s", out)
	}

	raw, err := os.ReadFile(alertTestsFile)
	if err != nil {
		t.Fatal(err)
	}
	var tests struct {
		Tests []struct {
			AlertRuleTest []struct {
				Alertname string           `yaml:"alertname"`
				ExpAlerts []map[string]any `yaml:"exp_alerts"`
			} `yaml:"alert_rule_test"`
		} `yaml:"tests"`
	}
	if err := yaml.Unmarshal(raw, &tests); err != nil {
		t.Fatal(err)
	}
	fires := map[string]bool{}
	for _, tc := range tests.Tests {
		for _, a := range tc.AlertRuleTest {
			if len(a.ExpAlerts) > 0 {
				fires[a.Alertname] = true
			}
		}
	}
	doc, err := os.ReadFile(operationsDoc)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range alertRules(t) {
		if !fires[r.Alert] {
			t.Errorf("alert %s has no unit test in which it fires (%s)", r.Alert, filepath.Base(alertTestsFile))
		}
		if !bytes.Contains(doc, []byte("\n### "+r.Alert+"\n")) {
			t.Errorf("alert %s has no runbook section (### %s) in docs/operations.md", r.Alert, r.Alert)
		}
		if want := "docs/operations.md#" + strings.ToLower(r.Alert); r.Annotations["runbook"] != want {
			t.Errorf("alert %s: runbook annotation %q, want %q", r.Alert, r.Annotations["runbook"], want)
		}
	}
}

// allQueries is every dashboard query with Grafana's variables substituted.
func allQueries() []dashboards.Query {
	var qs []dashboards.Query
	for _, d := range dashboards.All() {
		qs = append(qs, d.Queries()...)
	}
	return qs
}

// TestDashboardQueriesParse runs every dashboard query through Prometheus's
// own parser: promtool checks them as recording rules.
func TestDashboardQueriesParse(t *testing.T) {
	qs := allQueries()
	if len(qs) < 30 {
		t.Fatalf("only %d dashboard queries", len(qs))
	}
	check := func(qs []dashboards.Query) (string, error) {
		var b strings.Builder
		b.WriteString("groups:\n  - name: dashboards\n    rules:\n")
		for i, q := range qs {
			fmt.Fprintf(&b, "      - record: dashboard_query_%d\n        expr: %q\n", i, q.Substituted())
		}
		f := filepath.Join(t.TempDir(), "queries.yaml")
		if err := os.WriteFile(f, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return run(t, "promtool", "check", "rules", f)
	}
	if _, err := check(qs); err == nil {
		return
	}
	for _, q := range qs { // name the broken ones
		if out, err := check([]dashboards.Query{q}); err != nil {
			t.Errorf("%s / %s: %s\n%s", q.Dashboard, q.Panel, q.Expr, out)
		}
	}
}

// metricNames returns the metric names a PromQL expression selects. It
// drops label lists (by, on, ...), label matchers and strings first, so
// label names such as envoy_cluster_name are not mistaken for metrics.
func metricNames(expr string) []string {
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`"(\\.|[^"\\])*"`),
		regexp.MustCompile(`\{[^}]*\}`),
		regexp.MustCompile(`\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)`),
	} {
		expr = re.ReplaceAllString(expr, " ")
	}
	return regexp.MustCompile(`\b(mcpmesh|envoy)_[a-zA-Z0-9_]+\b`).FindAllString(expr, -1)
}

func TestMetricNamesParser(t *testing.T) {
	got := metricNames(`sum by (le, envoy_cluster_name) (rate(envoy_cluster_upstream_rq_time_bucket{envoy_cluster_name=~"upstream_.*"}[1m])) unless on (version) mcpmesh_x_info{a="mcpmesh_y"}`)
	if want := []string{"envoy_cluster_upstream_rq_time_bucket", "mcpmesh_x_info"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

// exportedMcpmesh is every series name mcpmesh's registries can export,
// with the _bucket, _sum and _count series of histograms.
func exportedMcpmesh(t *testing.T) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	fqName := regexp.MustCompile(`fqName: "([^"]+)"`)
	collectors := append(controlplane.NewMetrics(nil).Collectors(), extproc.NewMetrics(nil).Collectors()...)
	collectors = append(collectors, imagegate.NewMetrics(nil).Collectors()...)
	for _, c := range collectors {
		descs := make(chan *prometheus.Desc, 16)
		go func() { c.Describe(descs); close(descs) }()
		for d := range descs {
			if m := fqName.FindStringSubmatch(d.String()); m != nil {
				for _, suffix := range []string{"", "_bucket", "_sum", "_count"} {
					out[m[1]+suffix] = true
				}
			}
		}
	}
	if len(out) < 20 {
		t.Fatalf("read only %d metric names", len(out))
	}
	return out
}

// namedMetrics maps every metric name used by a dashboard query or an
// alert to where it is used.
func namedMetrics(t *testing.T) map[string][]string {
	t.Helper()
	used := map[string][]string{}
	for _, q := range allQueries() {
		for _, m := range metricNames(q.Expr) {
			used[m] = append(used[m], q.Dashboard+" / "+q.Panel)
		}
	}
	for _, r := range alertRules(t) {
		for _, m := range metricNames(r.Expr) {
			used[m] = append(used[m], "alert "+r.Alert)
		}
	}
	return used
}

// TestQueriesUseExportedMcpmeshMetrics: a renamed metric would leave a
// panel or an alert that never shows anything. (Envoy's names are checked
// against a live Envoy in TestLiveMesh.)
func TestQueriesUseExportedMcpmeshMetrics(t *testing.T) {
	exported := exportedMcpmesh(t)
	used := namedMetrics(t)
	var names []string
	for m := range used {
		names = append(names, m)
	}
	sort.Strings(names)
	n := 0
	for _, m := range names {
		if !strings.HasPrefix(m, "mcpmesh_") {
			continue
		}
		n++
		if !exported[m] {
			t.Errorf("%s is not exported by mcpmesh; used by %v", m, used[m])
		}
	}
	if n < 15 {
		t.Fatalf("only %d mcpmesh metrics named: %v", n, names)
	}
}
