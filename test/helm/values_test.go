package helm

import (
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/lint"
	"helm.sh/helm/v3/pkg/lint/support"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
)

func TestLint(t *testing.T) {
	// helm lint: Chart.yaml, values against the schema, every template
	// rendered and parsed as YAML, for both example value sets.
	kv, err := chartutil.ParseKubeVersion("v1.33.0")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"required.yaml", "full.yaml"} {
		l := lint.AllWithKubeVersion(ChartDir(), values(t, f, nil), Namespace, kv)
		for _, m := range l.Messages {
			if m.Severity >= support.WarningSev {
				t.Errorf("%s: %s", f, m)
			}
		}
		if l.HighestSeverity >= support.WarningSev {
			t.Errorf("%s: lint severity %d", f, l.HighestSeverity)
		}
	}
}

func TestSchemaRefusesMistakes(t *testing.T) {
	// Each mistake must stop the install before anything is rendered, and
	// the error must point at the field. The base values install (other tests).
	tagOnly := "registry.example.com/mcp/files:1.4.2"
	cases := []struct {
		name, path string
		value      any
		want       string
	}{
		{"server image by tag only", "servers.0.image", tagOnly, "servers/0/image"},
		{"server image by short digest", "servers.0.image", "registry.example.com/mcp/files@sha256:abc", "servers/0/image"},
		{"missing server port (the upstream)", "servers.0.port", nil, "port"},
		{"port zero", "servers.0.port", 0, "servers/0/port"},
		{"port too large", "servers.0.port", 70000, "servers/0/port"},
		{"port as a name", "servers.0.port", "http", "servers/0/port"},
		{"bad sidecar port", "sidecar.port", 65536, "sidecar/port"},
		{"missing server name", "servers.0.name", nil, "name"},
		{"server name not a DNS label", "servers.0.name", "Files_Server", "servers/0/name"},
		{"missing server image", "servers.0.image", nil, "image"},
		{"misspelt server key", "servers.0.upsteam", "127.0.0.1:8080", "upsteam"},
		{"upstream written into the server's policy", "servers.0.policy.upstream", "10.0.0.1:80", "invalid propertyName 'upstream'"},
		{"one control plane replica", "controlPlane.replicas", 1, "controlPlane/replicas"},
		{"mcpmesh digest malformed", "image.digest", "sha256:XYZ", "image/digest"},
		{"envoy tag not a release", "envoy.image.tag", "latest", "envoy/image/tag"},
		{"container without limits", "extProc.resources.limits", null, "limits"},
		{"limit without memory", "envoy.resources.limits.memory", null, "memory"},
		{"unknown top-level key", "controlplane", map[string]any{"replicas": 3}, "controlplane"},
		{"policy file named policy.yaml", "policy.files.policy\\.yaml", "x", "invalid propertyName 'policy.yaml'"},
		{"listen host without brackets", "sidecar.listenHost", "::", "sidecar/listenHost"},
		{"bad poll interval", "controlPlane.pollInterval", "1 second", "controlPlane/pollInterval"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vals := values(t, "required.yaml", func(v map[string]any) {
				path := strings.ReplaceAll(c.path, "\\.", "\x00")
				set(v, path, c.value)
				fixDots(v)
			})
			_, err := Render(vals)
			if err == nil {
				t.Fatalf("installed with %s=%v", c.path, c.value)
			}
			if !strings.Contains(err.Error(), "schema") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error does not come from the schema or does not name %q:\n%v", c.want, err)
			}
		})
	}
}

// null is a value set as YAML null: Helm then drops the chart's default,
// where leaving the key out would keep it.
var null = &struct{}{}

// fixDots turns the NUL placeholders of escaped dots back into dots in keys.
func fixDots(m map[string]any) {
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			fixDots(sub)
		}
		if v == null {
			m[k] = nil
		}
		if strings.Contains(k, "\x00") {
			delete(m, k)
			m[strings.ReplaceAll(k, "\x00", ".")] = v
		}
	}
}

func TestTemplateChecks(t *testing.T) {
	// What the schema cannot say, the templates refuse with a reason.
	cases := []struct {
		name string
		mut  func(map[string]any)
		want string
	}{
		{"server port is the sidecar port", func(v map[string]any) { set(v, "servers.0.port", 10000) }, `server "demo": the sidecar port and the server port are both port 10000`},
		{"server port is ext_proc's", func(v map[string]any) { set(v, "extProc.transport", "tcp"); set(v, "servers.0.port", 18081) }, "extProc.port and the server port are both port 18081"},
		{"envoy admin is ext_proc admin", func(v map[string]any) { set(v, "envoy.adminPort", 9902) }, "extProc.adminPort and envoy.adminPort are both port 9902"},
		{"two servers with one name", func(v map[string]any) {
			s := v["servers"].([]any)
			v["servers"] = append(s, s[0])
		}, `the name "demo" is used twice`},
	}
	for _, c := range cases {
		_, err := Render(values(t, "required.yaml", c.mut))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
}

func TestPolicyChangeRollsNoPod(t *testing.T) {
	// A policy edit changes the ConfigMap and nothing else: no pod template
	// changes, so `helm upgrade` restarts nothing and the control plane
	// applies the new policy live. A bootstrap change, read only at start,
	// must roll the server pods.
	base := render(t, "required.yaml", nil)
	edited := render(t, "required.yaml", func(v map[string]any) {
		set(v, "servers.0.policy.tools.deny", []any{"run_shell", "get_secret"})
		set(v, "policy.limits", map[string]any{"maxBodyBytes": 2097152})
	})
	if equality.Semantic.DeepEqual(policyData(t, base), policyData(t, edited)) {
		t.Fatal("the policy edit did not reach the ConfigMap")
	}
	for name, d := range base.Deployments() {
		e := edited.Deployments()[name]
		if !equality.Semantic.DeepEqual(d.Spec.Template, e.Spec.Template) {
			t.Errorf("%s: a policy edit changes the pod template, which restarts its pods", name)
		}
	}
	moved := render(t, "required.yaml", func(v map[string]any) { set(v, "controlPlane.xdsPort", 18500) })
	for name, d := range base.Deployments() {
		if d.Spec.Template.Labels["mcpmesh.io/server"] == "" {
			continue
		}
		before, after := d.Spec.Template.Annotations["checksum/envoy-bootstrap"], moved.Deployments()[name].Spec.Template.Annotations["checksum/envoy-bootstrap"]
		if before == "" || before == after {
			t.Errorf("%s: the bootstrap changed but the pod template did not (%q)", name, before)
		}
	}
}

func policyData(t *testing.T, r *Rendered) map[string]string {
	t.Helper()
	for _, o := range r.OfKind("ConfigMap") {
		if o.Meta.Labels["app.kubernetes.io/component"] == "policy" {
			return o.Value.(*corev1.ConfigMap).Data
		}
	}
	t.Fatal("no policy ConfigMap")
	return nil
}
