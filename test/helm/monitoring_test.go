package helm

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/yaml"

	"github.com/mcpmesh/mcpmesh/manifests/dashboards"
)

// The chart cannot read outside its directory, so it carries copies of the
// alerts and dashboards; they must be the repository's, byte for byte.
func TestChartFilesMatchRepo(t *testing.T) {
	pairs := map[string]string{
		filepath.Join(RepoRoot(), "manifests", "prometheus", "alerts.yaml"): filepath.Join(ChartDir(), "files", "alerts.yaml"),
	}
	for _, d := range dashboards.All() {
		pairs[filepath.Join(RepoRoot(), "manifests", "dashboards", d.File)] = filepath.Join(ChartDir(), "files", "dashboards", d.File)
	}
	copies, _ := filepath.Glob(filepath.Join(ChartDir(), "files", "dashboards", "*.json"))
	if len(copies) != len(dashboards.All()) {
		t.Errorf("the chart carries %d dashboards, the repository %d: run make chart-files", len(copies), len(dashboards.All()))
	}
	for src, dst := range pairs {
		want, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(dst)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not a copy of %s: run make chart-files", dst, src)
		}
	}
}

// selected returns the one object of kind, which must carry the label the
// tests give it for Prometheus's selectors (release: kube-prometheus-stack).
func selected(t *testing.T, r *Rendered, kind string) any {
	t.Helper()
	objs := r.OfKind(kind)
	if len(objs) != 1 {
		t.Fatalf("%d of %s, want 1", len(objs), kind)
	}
	if l := objs[0].Meta.Labels; l["release"] != "kube-prometheus-stack" {
		t.Errorf("%s labels %v: the label Prometheus selects it by is missing", kind, l)
	}
	return objs[0].Value
}

// Off by default (the CRD may not exist; dashboards may be managed
// elsewhere); when on, the PrometheusRule holds exactly alerts.yaml and
// there is one labelled ConfigMap per dashboard with its JSON unchanged
// (Helm must not have templated the {{ }} placeholders in either).
func TestMonitoring(t *testing.T) {
	r := render(t, "full.yaml", nil)
	if n := len(r.OfKind("PrometheusRule")); n != 0 {
		t.Errorf("a PrometheusRule by default")
	}
	for _, o := range r.OfKind("ConfigMap") {
		if o.Meta.Labels["app.kubernetes.io/component"] == "monitoring" {
			t.Errorf("dashboard ConfigMap %s by default", o.Name)
		}
	}

	r = render(t, "full.yaml", func(v map[string]any) {
		set(v, "monitoring.prometheusRule.enabled", true)
		set(v, "monitoring.prometheusRule.labels", map[string]any{"release": "kube-prometheus-stack"})
		set(v, "monitoring.dashboards.enabled", true)
		set(v, "monitoring.dashboards.folder", "MCP")
	})
	checkMetadata(t, r)

	pr := selected(t, r, "PrometheusRule").(*PrometheusRule)
	src, err := os.ReadFile(filepath.Join(RepoRoot(), "manifests", "prometheus", "alerts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Groups []map[string]any `json:"groups"`
	}
	if err := yaml.UnmarshalStrict(src, &want); err != nil {
		t.Fatal(err)
	}
	if len(want.Groups) == 0 || !reflect.DeepEqual(pr.Spec.Groups, want.Groups) {
		t.Errorf("the PrometheusRule's groups differ from alerts.yaml")
	}
	if !strings.Contains(r.Manifest, `summary: "{{ $labels.rule }} on {{ $labels.server }} cannot decide"`) {
		t.Errorf("alert templates were rewritten by Helm")
	}

	seen := 0
	for _, d := range dashboards.All() {
		var o any
		for _, c := range r.OfKind("ConfigMap") {
			if strings.HasSuffix(c.Name, "-dashboard-"+strings.TrimSuffix(d.File, ".json")) {
				o = c.Value
			}
		}
		if o == nil {
			t.Errorf("no ConfigMap for dashboard %s", d.File)
			continue
		}
		cm := o.(*corev1.ConfigMap)
		if cm.Labels["grafana_dashboard"] != "1" || cm.Annotations["grafana_folder"] != "MCP" {
			t.Errorf("%s: labels %v annotations %v: Grafana's sidecar would not file it", cm.Name, cm.Labels, cm.Annotations)
		}
		want, err := d.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if got := cm.Data["mcpmesh-"+d.File]; strings.TrimSpace(got) != strings.TrimSpace(string(want)) {
			t.Errorf("%s: the dashboard JSON differs from %s", cm.Name, d.File)
		}
		seen++
	}
	if seen < 3 {
		t.Errorf("only %d dashboards", seen)
	}
}

// The PodMonitor selects every pod of the release, and each pod exposes one
// of its endpoint ports by name: the admin port its mcpmesh process serves
// /metrics on.
func TestPodMonitor(t *testing.T) {
	if n := len(render(t, "full.yaml", nil).OfKind("PodMonitor")); n != 0 {
		t.Errorf("a PodMonitor by default")
	}
	r := render(t, "full.yaml", func(v map[string]any) {
		set(v, "monitoring.podMonitor.enabled", true)
		set(v, "monitoring.podMonitor.labels", map[string]any{"release": "kube-prometheus-stack"})
	})
	checkMetadata(t, r)
	pm := selected(t, r, "PodMonitor").(*PodMonitor)
	sel, err := metav1.LabelSelectorAsSelector(&pm.Spec.Selector)
	if err != nil || sel.Empty() {
		t.Fatalf("selector %v: %v", pm.Spec.Selector, err)
	}
	endpoints := map[string]bool{}
	for _, e := range pm.Spec.PodMetricsEndpoints {
		path := "/metrics"
		if e.Port == "envoy-stats" {
			path = "/stats/prometheus"
		}
		if e.Path != path || e.Interval != "30s" {
			t.Errorf("endpoint %+v", e)
		}
		endpoints[e.Port] = true
	}
	if !endpoints["envoy-stats"] {
		t.Error("Envoy's stats are not scraped")
	}
	deployments := r.Deployments()
	if len(deployments) < 2 {
		t.Fatalf("only %d deployments", len(deployments))
	}
	for name, d := range deployments {
		if !sel.Matches(labels.Set(d.Spec.Template.Labels)) {
			t.Errorf("%s: its pods are not scraped", name)
			continue
		}
		scraped := 0
		for _, c := range d.Spec.Template.Spec.Containers {
			for _, p := range c.Ports {
				if !endpoints[p.Name] {
					continue
				}
				scraped++
				if c.Name == "envoy" {
					// Envoy serves its stats where the bootstrap's stats listener is.
					bs := bootstrapOf(t, r, d)
					port := dig(bs, "static_resources", "listeners", 0, "address", "socket_address", "port_value")
					if f, _ := port.(float64); int32(f) != p.ContainerPort {
						t.Errorf("%s: port %s (%d) is not Envoy's stats listener (%v)", name, p.Name, p.ContainerPort, port)
					}
					continue
				}
				if !slices.Contains(c.Args, fmt.Sprintf("-admin-listen=:%d", p.ContainerPort)) {
					t.Errorf("%s: port %s (%d) is not where %s serves /metrics: %v", name, p.Name, p.ContainerPort, c.Name, c.Args)
				}
			}
		}
		want := 1 // the control plane
		if d.Spec.Template.Labels["mcpmesh.io/server"] != "" {
			want = 2 // ext_proc and Envoy
		}
		if scraped != want {
			t.Errorf("%s: %d scraped ports, want %d", name, scraped, want)
		}
	}
}
