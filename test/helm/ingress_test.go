package helm

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/xds/policy"
)

// ingressValues turns the ingress on for required.yaml.
func ingressValues(v map[string]any) {
	set(v, "ingress.enabled", true)
	set(v, "ingress.tlsSecret", "mcp-edge-tls")
	set(v, "ingress.meshCASecret", "mcp-mesh-ca")
	set(v, "ingress.publicURL", "https://mcp.example.com")
	set(v, "ingress.auth", map[string]any{"jwt": map[string]any{"issuer": "https://auth.example.com", "jwksURL": "https://auth.example.com/jwks.json"}})
}

// With ingress.enabled the chart runs the ingress Envoy (node "ingress"),
// exposes it, mounts its certificate and the mesh CA into the control
// plane, points the policy's servers at their Services, and opens exactly
// the flows it needs; the generated policy loads.
func TestIngressChart(t *testing.T) {
	r := render(t, "required.yaml", ingressValues)
	checkMetadata(t, r)
	if !strings.Contains(r.Notes, "https://mcp.example.com/servers/demo/mcp") {
		t.Errorf("NOTES.txt does not give the ingress URL:\n%s", r.Notes)
	}
	for name, d := range r.Deployments() {
		checkPod(t, name, d)
	}
	var in *appsv1.Deployment
	for _, d := range r.Deployments() {
		if d.Spec.Template.Labels["app.kubernetes.io/component"] == "ingress" {
			in = d
		}
	}
	if in == nil {
		t.Fatal("no ingress Deployment")
	}
	envoyC := container(in.Spec.Template.Spec, "envoy")
	if i := slices.Index(envoyC.Args, "--service-node"); i < 0 || envoyC.Args[i+1] != "ingress" {
		t.Errorf("ingress Envoy args %v: want node id ingress", envoyC.Args)
	}
	if v := volume(in.Spec.Template.Spec, "envoy-bootstrap"); v == nil || v.ConfigMap == nil {
		t.Errorf("the ingress has no bootstrap ConfigMap")
	}
	svc, _ := r.Get("Service", in.Name).(*corev1.Service)
	if svc == nil || svc.Spec.Ports[0].Port != 443 || svc.Spec.Ports[0].TargetPort.StrVal != "https" {
		t.Fatalf("ingress Service: %+v", svc)
	}

	var cp *appsv1.Deployment
	for _, d := range r.Deployments() {
		if d.Spec.Template.Labels["app.kubernetes.io/component"] == "controlplane" {
			cp = d
		}
	}
	mounts := map[string]string{}
	for _, m := range container(cp.Spec.Template.Spec, "controlplane").VolumeMounts {
		if v := volume(cp.Spec.Template.Spec, m.Name); v != nil && v.Secret != nil {
			mounts[v.Secret.SecretName] = m.MountPath
		}
	}
	if mounts["mcp-edge-tls"] != "/etc/mcpmesh/ingress-tls" || mounts["mcp-mesh-ca"] != "/etc/mcpmesh/mesh-ca" {
		t.Errorf("control plane secret mounts %v", mounts)
	}

	// NetworkPolicy: the ingress takes HTTPS and reaches each sidecar port;
	// each server lets the ingress in.
	np, _ := r.Get("NetworkPolicy", in.Name).(*networkingv1.NetworkPolicy)
	if np == nil || len(np.Spec.Ingress) != 1 || np.Spec.Ingress[0].Ports[0].Port.IntVal != 10443 || len(np.Spec.Ingress[0].From) != 0 {
		t.Fatalf("ingress NetworkPolicy: %+v", np)
	}
	toServer := false
	for _, e := range np.Spec.Egress {
		if len(e.To) == 1 && e.To[0].PodSelector != nil && e.To[0].PodSelector.MatchLabels["mcpmesh.io/server"] != "" {
			toServer = true
		}
	}
	if !toServer {
		t.Errorf("the ingress may not reach any sidecar: %+v", np.Spec.Egress)
	}
	for _, o := range r.OfKind("NetworkPolicy") {
		n := o.Value.(*networkingv1.NetworkPolicy)
		if n.Spec.PodSelector.MatchLabels["app.kubernetes.io/component"] != "server" {
			continue
		}
		if !slices.ContainsFunc(n.Spec.Ingress, func(rule networkingv1.NetworkPolicyIngressRule) bool {
			return len(rule.From) == 1 && rule.From[0].PodSelector != nil && rule.From[0].PodSelector.MatchLabels["app.kubernetes.io/component"] == "ingress"
		}) {
			t.Errorf("%s does not let the ingress in", n.Name)
		}
	}

	// The generated policy, with the Secrets laid out where the control
	// plane mounts them.
	var cm *corev1.ConfigMap
	for _, o := range r.OfKind("ConfigMap") {
		if o.Meta.Labels["app.kubernetes.io/component"] == "policy" {
			cm = o.Value.(*corev1.ConfigMap)
		}
	}
	dir := t.TempDir()
	edge, err := devcert.NewCA("edge")
	if err != nil {
		t.Fatal(err)
	}
	mesh, err := devcert.NewCA("mesh")
	if err != nil {
		t.Fatal(err)
	}
	if err := edge.WriteLeaf(filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key"), []string{"mcp.example.com"}, 90*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mesh.crt"), mesh.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mesh.key"), mesh.KeyPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	y := strings.NewReplacer("/etc/mcpmesh/ingress-tls/", dir+"/", "/etc/mcpmesh/mesh-ca/tls.crt", dir+"/mesh.crt", "/etc/mcpmesh/mesh-ca/tls.key", dir+"/mesh.key").Replace(cm.Data["policy.yaml"])
	res, err := policy.Parse(filepath.Join(dir, "policy.yaml"), []byte(y))
	if err != nil {
		t.Fatalf("the generated policy does not load: %v\n%s", err, y)
	}
	p := res.Policy
	if p.Ingress == nil || p.Ingress.Listen.Port != 10443 || p.Ingress.JWT == nil || p.Ingress.MTLS == nil || p.Ingress.PublicURL != "https://mcp.example.com" {
		t.Fatalf("ingress in the generated policy: %+v", p.Ingress)
	}
	s := p.Servers[0]
	var svcName string
	for name, d := range r.Deployments() {
		if d.Spec.Template.Labels["mcpmesh.io/server"] == s.Name {
			svcName = name // a server's Service has its Deployment's name
		}
	}
	if r.Get("Service", svcName) == nil {
		t.Fatalf("no Service %q for server %s", svcName, s.Name)
	}
	want := svcName + "." + Namespace + ".svc.cluster.local"
	if s.Address.Host != want || s.Address.Port != s.Listen.Port {
		t.Errorf("server %s is reached at %s, want its Service %s:%d", s.Name, s.Address, want, s.Listen.Port)
	}
}

// The chart refuses an ingress without a certificate Secret, and token
// checks without a public URL.
func TestIngressChartChecks(t *testing.T) {
	for name, c := range map[string]struct {
		mutate func(map[string]any)
		want   string
	}{
		"no tlsSecret": {func(v map[string]any) { ingressValues(v); set(v, "ingress.tlsSecret", "") }, "ingress.tlsSecret"},
		"no publicURL": {func(v map[string]any) { ingressValues(v); set(v, "ingress.publicURL", "") }, "ingress.publicURL: required with ingress.auth.jwt"},
		"bad auth key": {func(v map[string]any) { ingressValues(v); set(v, "ingress.auth.jtw", map[string]any{}) }, "jtw"},
	} {
		if _, err := Render(values(t, "required.yaml", c.mutate)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error mentioning %q", name, err, c.want)
		}
	}
}
