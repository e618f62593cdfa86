// Package helm renders the mcpmesh chart with Helm's own Go library, the
// code path of `helm install --dry-run` / `helm template`, and decodes every
// rendered object strictly into its Kubernetes API type, so the tests judge
// exactly what a cluster would be sent, offline.
package helm

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/releaseutil"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	sigsjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// RepoRoot is the repository's top directory.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// ChartDir is the chart under test.
func ChartDir() string { return filepath.Join(RepoRoot(), "manifests", "helm", "mcpmesh") }

// Release is the name and namespace the tests install under.
const (
	Release   = "mesh"
	Namespace = "agents"
)

// Rendered is one dry-run install: its manifest, NOTES.txt and objects.
type Rendered struct {
	Manifest string
	Notes    string
	Objects  []Object
}

// Object is one rendered resource, decoded into its API type.
type Object struct {
	Kind string
	Name string
	// Value is a pointer to the typed object (*appsv1.Deployment, ...).
	Value any
	Meta  *metav1.ObjectMeta
}

// Render installs the chart in client-only dry-run mode with vals (nil for
// the chart's defaults), which runs the schema check, the templates and
// NOTES.txt exactly as `helm install` does before it talks to a cluster.
func Render(vals map[string]any) (*Rendered, error) {
	ch, err := loader.Load(ChartDir())
	if err != nil {
		return nil, err
	}
	return RenderChart(ch, vals)
}

// RenderChart is Render for a loaded chart.
func RenderChart(ch *chart.Chart, vals map[string]any) (*Rendered, error) {
	cfg := &action.Configuration{Log: func(string, ...any) {}}
	inst := action.NewInstall(cfg)
	inst.ClientOnly, inst.DryRun, inst.Replace = true, true, true
	inst.ReleaseName, inst.Namespace = Release, Namespace
	kv, err := chartutil.ParseKubeVersion("v1.33.0")
	if err != nil {
		return nil, err
	}
	inst.KubeVersion = kv
	if vals == nil {
		vals = map[string]any{}
	}
	rel, err := inst.Run(ch, vals)
	if err != nil {
		return nil, err
	}
	r := &Rendered{Manifest: rel.Manifest, Notes: rel.Info.Notes}
	for _, doc := range releaseutil.SplitManifests(rel.Manifest) {
		if strings.TrimSpace(stripComments(doc)) == "" {
			continue
		}
		o, err := Decode([]byte(doc))
		if err != nil {
			return nil, err
		}
		r.Objects = append(r.Objects, o)
	}
	return r, nil
}

// types maps apiVersion/kind to a constructor of the typed object. A kind
// the chart starts to render without being listed here fails the tests.
var types = map[string]func() any{
	"v1/ConfigMap":                            func() any { return &corev1.ConfigMap{} },
	"v1/Service":                              func() any { return &corev1.Service{} },
	"v1/ServiceAccount":                       func() any { return &corev1.ServiceAccount{} },
	"apps/v1/Deployment":                      func() any { return &appsv1.Deployment{} },
	"policy/v1/PodDisruptionBudget":           func() any { return &policyv1.PodDisruptionBudget{} },
	"networking.k8s.io/v1/NetworkPolicy":      func() any { return &networkingv1.NetworkPolicy{} },
	"monitoring.coreos.com/v1/PrometheusRule": func() any { return &PrometheusRule{} },
	"monitoring.coreos.com/v1/PodMonitor":     func() any { return &PodMonitor{} },
}

// PodMonitor is the prometheus-operator's resource as far as the chart
// fills it in; any other field is refused.
type PodMonitor struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Selector            metav1.LabelSelector `json:"selector"`
		PodMetricsEndpoints []struct {
			Port     string `json:"port"`
			Path     string `json:"path"`
			Interval string `json:"interval"`
		} `json:"podMetricsEndpoints"`
	} `json:"spec"`
}

// PrometheusRule is the prometheus-operator's resource as far as the chart
// fills it in (the operator's Go module for one struct is not worth it):
// metadata, and spec.groups, which the tests compare whole with
// manifests/prometheus/alerts.yaml. Any other field is refused.
type PrometheusRule struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Groups []map[string]any `json:"groups"`
	} `json:"spec"`
}

// Decode converts one YAML document into its API type. Duplicate keys and
// fields the type does not have are errors: a misspelt or misplaced field
// (say readOnlyRootFileSystem, or securityContext one level too high) would
// otherwise be dropped, silently, and the hardening with it.
func Decode(doc []byte) (Object, error) {
	js, err := yaml.YAMLToJSONStrict(doc)
	if err != nil {
		return Object{}, fmt.Errorf("%w\n%s", err, doc)
	}
	var tm metav1.TypeMeta
	if err := json.Unmarshal(js, &tm); err != nil {
		return Object{}, err
	}
	newObj, ok := types[tm.APIVersion+"/"+tm.Kind]
	if !ok {
		return Object{}, fmt.Errorf("unexpected object %s %s", tm.APIVersion, tm.Kind)
	}
	v := newObj()
	// The API server's own decoder: case-sensitive field names (plain
	// encoding/json would take readOnlyRootFileSystem for
	// readOnlyRootFilesystem), unknown and duplicate fields reported.
	strict, err := sigsjson.UnmarshalStrict(js, v, sigsjson.DisallowUnknownFields, sigsjson.DisallowDuplicateFields)
	if err == nil && len(strict) > 0 {
		err = errors.Join(strict...)
	}
	if err != nil {
		return Object{}, fmt.Errorf("%s: %w\n%s", tm.Kind, err, doc)
	}
	meta := v.(metav1.Object)
	om := metaOf(v)
	return Object{Kind: tm.Kind, Name: meta.GetName(), Value: v, Meta: om}, nil
}

func metaOf(v any) *metav1.ObjectMeta {
	switch o := v.(type) {
	case *corev1.ConfigMap:
		return &o.ObjectMeta
	case *corev1.Service:
		return &o.ObjectMeta
	case *corev1.ServiceAccount:
		return &o.ObjectMeta
	case *appsv1.Deployment:
		return &o.ObjectMeta
	case *policyv1.PodDisruptionBudget:
		return &o.ObjectMeta
	case *networkingv1.NetworkPolicy:
		return &o.ObjectMeta
	case *PrometheusRule:
		return &o.ObjectMeta
	case *PodMonitor:
		return &o.ObjectMeta
	}
	return nil
}

func stripComments(doc string) string {
	var b strings.Builder
	for _, l := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// Deployments returns the rendered Deployments by name.
func (r *Rendered) Deployments() map[string]*appsv1.Deployment {
	out := map[string]*appsv1.Deployment{}
	for _, o := range r.Objects {
		if d, ok := o.Value.(*appsv1.Deployment); ok {
			out[o.Name] = d
		}
	}
	return out
}

// Get returns the object of kind and name, or nil.
func (r *Rendered) Get(kind, name string) any {
	for _, o := range r.Objects {
		if o.Kind == kind && o.Name == name {
			return o.Value
		}
	}
	return nil
}

// OfKind returns every object of kind.
func (r *Rendered) OfKind(kind string) []Object {
	var out []Object
	for _, o := range r.Objects {
		if o.Kind == kind {
			out = append(out, o)
		}
	}
	return out
}

// LoadValues reads a values file as Helm does.
func LoadValues(path string) (map[string]any, error) {
	v, err := chartutil.ReadValuesFile(path)
	if err != nil {
		return nil, err
	}
	return v.AsMap(), nil
}
