package helm

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation"
	"sigs.k8s.io/yaml"

	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/policy"
)

// values reads a values file from testdata and applies mutate to it.
func values(t *testing.T, file string, mutate func(map[string]any)) map[string]any {
	t.Helper()
	vals, err := LoadValues(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	if mutate != nil {
		mutate(vals)
	}
	return vals
}

func render(t *testing.T, file string, mutate func(map[string]any)) *Rendered {
	t.Helper()
	r, err := Render(values(t, file, mutate))
	if err != nil {
		t.Fatalf("render %s: %v", file, err)
	}
	return r
}

// set assigns v at a dotted path, creating maps on the way; "servers.0.port"
// indexes into lists.
func set(m map[string]any, path string, v any) {
	keys := strings.Split(path, ".")
	var cur any = m
	for i, k := range keys {
		last := i == len(keys)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				if v == nil {
					delete(c, k)
				} else {
					c[k] = v
				}
				return
			}
			if _, ok := c[k]; !ok {
				c[k] = map[string]any{}
			}
			cur = c[k]
		case []any:
			n, _ := strconv.Atoi(k)
			if last {
				c[n] = v
				return
			}
			cur = c[n]
		}
	}
}

func TestDefaultsNameWhatIsMissing(t *testing.T) {
	// The chart's own defaults cannot be installed: the two image digests
	// and the servers are the operator's to give. Each omission must fail
	// the install with a message that says what to fill in.
	cases := []struct {
		drop, want string
	}{
		{"image.digest", "image.digest is required"},
		{"envoy.image.digest", "envoy.image.digest is required: the sha256 digest of docker.io/envoyproxy/envoy:v1.40.0"},
		{"servers", "servers: list at least one MCP server"},
	}
	for _, c := range cases {
		vals := values(t, "required.yaml", func(v map[string]any) { set(v, c.drop, nil) })
		_, err := Render(vals)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("without %s: got %v, want an error containing %q", c.drop, err, c.want)
		}
	}
	if _, err := Render(nil); err == nil {
		t.Error("the bare defaults installed; they must ask for digests and servers")
	}
}

func TestRequiredValues(t *testing.T) {
	r := render(t, "required.yaml", nil)
	checkRelease(t, r)
	checkPolicy(t, r, nil)
	if got := len(r.OfKind("Deployment")); got != 2 {
		t.Errorf("%d Deployments, want the control plane and one server", got)
	}
	// One server: no PodDisruptionBudget of its own (1 replica), one for the control plane.
	if got := len(r.OfKind("PodDisruptionBudget")); got != 1 {
		t.Errorf("%d PodDisruptionBudgets, want 1", got)
	}
	for _, want := range []string{
		"http://mesh-mcpmesh-demo.agents.svc.cluster.local:10000/mcp",
		"kubectl -n agents port-forward svc/mesh-mcpmesh-demo 10000",
		"mcpmesh.io/agent",
	} {
		if !strings.Contains(r.Notes, want) {
			t.Errorf("NOTES.txt does not tell %q:\n%s", want, r.Notes)
		}
	}
}

func TestFullExample(t *testing.T) {
	r := render(t, "full.yaml", nil)
	checkRelease(t, r)
	// The policy lives in a ConfigMap the chart does not own.
	if r.Get("ConfigMap", "mcp-policy") != nil || len(r.OfKind("ConfigMap")) != 1 {
		t.Errorf("with policy.existingConfigMap the chart must render only the Envoy bootstrap ConfigMap, got %d", len(r.OfKind("ConfigMap")))
	}
	cp := r.Deployments()["mcp-controlplane"]
	if cp == nil {
		t.Fatal("no control plane Deployment")
	}
	if !slices.Contains(cp.Spec.Template.Spec.Containers[0].Args, "-policy=/etc/mcpmesh/policy/mesh.yaml") {
		t.Errorf("control plane args %v do not read key mesh.yaml of the existing ConfigMap", cp.Spec.Template.Spec.Containers[0].Args)
	}
	if v := volume(cp.Spec.Template.Spec, "policy"); v == nil || v.ConfigMap == nil || v.ConfigMap.Name != "mcp-policy" {
		t.Errorf("policy volume %+v does not mount ConfigMap mcp-policy", v)
	}
	if *cp.Spec.Replicas != 3 {
		t.Errorf("control plane replicas %d, want 3", *cp.Spec.Replicas)
	}
	// Custom resources reach the containers.
	files := r.Deployments()["mcp-files"]
	if files == nil {
		t.Fatal("no Deployment for server files")
	}
	if got := container(files.Spec.Template.Spec, "server").Resources.Limits.Memory().String(); got != "1Gi" {
		t.Errorf("files server memory limit %s, want 1Gi", got)
	}
	if got := container(files.Spec.Template.Spec, "envoy").Resources.Requests.Cpu().String(); got != "200m" {
		t.Errorf("envoy cpu request %s, want 200m", got)
	}
	if pdb, _ := r.Get("PodDisruptionBudget", "mcp-files").(*policyv1.PodDisruptionBudget); pdb == nil || pdb.Spec.MaxUnavailable.IntValue() != 1 {
		t.Errorf("server files has 3 replicas and needs a PodDisruptionBudget, got %+v", pdb)
	}
	// search listens on its own sidecar port and is reachable only from the research namespace.
	svc, _ := r.Get("Service", "mcp-search").(*corev1.Service)
	if svc == nil || svc.Spec.Ports[0].Port != 12000 {
		t.Fatalf("Service mcp-search: %+v", svc)
	}
	np, _ := r.Get("NetworkPolicy", "mcp-search").(*networkingv1.NetworkPolicy)
	if np == nil || np.Spec.Ingress[0].From[0].NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"] != "research" {
		t.Errorf("search's agents override did not reach its NetworkPolicy: %+v", np)
	}
	if !slices.ContainsFunc(np.Spec.Egress, func(e networkingv1.NetworkPolicyEgressRule) bool {
		return len(e.To) == 1 && e.To[0].IPBlock != nil && e.To[0].IPBlock.CIDR == "203.0.113.0/24"
	}) {
		t.Errorf("search's egress rule is missing from its NetworkPolicy: %+v", np.Spec.Egress)
	}
	// The policy the operator's ConfigMap must hold is what the chart
	// generates without existingConfigMap; it must load, key file included.
	gen := render(t, "full.yaml", func(v map[string]any) { set(v, "policy.existingConfigMap", "") })
	checkPolicy(t, gen, func(res *policy.Result) {
		for _, s := range res.Policy.Servers {
			if s.Verify == nil || len(s.Verify.PublicKeyPEM) == 0 {
				t.Errorf("server %s: no key verification in the generated policy", s.Name)
			}
		}
		if res.Policy.Limits.MaxBodyBytes != 1048576 || res.Policy.Limits.MessageTimeoutMillis != 1500 {
			t.Errorf("limits %+v, want 1 MiB and 1500ms", res.Policy.Limits)
		}
	})
}

// checkRelease asserts what must hold for every install of the chart.
func checkRelease(t *testing.T, r *Rendered) {
	t.Helper()
	checkMetadata(t, r)
	deps := r.Deployments()
	for name, d := range deps {
		checkPod(t, name, d)
	}
	checkServices(t, r)
	checkControlPlane(t, r)
	checkSidecars(t, r)
	checkNetworkPolicies(t, r)
}

var recommended = []string{
	"app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
	"app.kubernetes.io/managed-by", "app.kubernetes.io/part-of", "helm.sh/chart",
}

func checkMetadata(t *testing.T, r *Rendered) {
	for _, o := range r.Objects {
		id := o.Kind + "/" + o.Name
		if o.Meta.Namespace != Namespace {
			t.Errorf("%s: namespace %q, want %q", id, o.Meta.Namespace, Namespace)
		}
		if errs := validation.IsDNS1123Subdomain(o.Name); len(errs) > 0 || len(o.Name) > 63 {
			t.Errorf("%s: bad name: %v", id, errs)
		}
		for _, k := range recommended {
			if o.Meta.Labels[k] == "" {
				t.Errorf("%s: missing label %s", id, k)
			}
		}
		for k, v := range o.Meta.Labels {
			if errs := append(validation.IsQualifiedName(k), validation.IsValidLabelValue(v)...); len(errs) > 0 {
				t.Errorf("%s: label %s=%s: %v", id, k, v, errs)
			}
		}
	}
}

var digestRef = regexp.MustCompile(`^[^\s@]+@sha256:[a-f0-9]{64}$`)

// checkPod asserts the hardening of a Deployment's pods and of every container.
func checkPod(t *testing.T, name string, d *appsv1.Deployment) {
	t.Helper()
	sel, err := metav1LabelSelector(d)
	if err != nil || !sel.Matches(labels.Set(d.Spec.Template.Labels)) {
		t.Errorf("%s: selector %v does not match its pod labels %v (%v)", name, d.Spec.Selector, d.Spec.Template.Labels, err)
	}
	ps := d.Spec.Template.Spec
	if ps.AutomountServiceAccountToken == nil || *ps.AutomountServiceAccountToken {
		t.Errorf("%s: the service account token is mounted; no mcpmesh pod needs the API", name)
	}
	if ps.HostNetwork || ps.HostPID || ps.HostIPC {
		t.Errorf("%s: shares a host namespace", name)
	}
	if sc := ps.SecurityContext; sc == nil || sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot ||
		sc.SeccompProfile == nil || sc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
		t.Errorf("%s: pod securityContext %+v is not non-root with the RuntimeDefault seccomp profile", name, sc)
	}
	if len(ps.EphemeralContainers) > 0 {
		t.Errorf("%s: unexpected ephemeral containers", name)
	}
	for _, c := range ps.InitContainers {
		// The one exception to non-root: the egress lockdown, root with
		// NET_ADMIN alone, running mcpmesh's own image once.
		checkLockdown(t, name, c)
	}
	vols := map[string]corev1.Volume{}
	for _, v := range ps.Volumes {
		vols[v.Name] = v
		if v.HostPath != nil {
			t.Errorf("%s: hostPath volume %s", name, v.Name)
		}
	}
	for _, c := range ps.Containers {
		id := name + "/" + c.Name
		if !digestRef.MatchString(c.Image) {
			t.Errorf("%s: image %q is not pinned by digest", id, c.Image)
		}
		sc := c.SecurityContext
		switch {
		case sc == nil:
			t.Errorf("%s: no securityContext", id)
			continue
		case sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot:
			t.Errorf("%s: runAsNonRoot is not set", id)
		case sc.RunAsUser == nil || *sc.RunAsUser == 0:
			t.Errorf("%s: runs as root or an unnamed user", id)
		case sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem:
			t.Errorf("%s: root file system is writable", id)
		case sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation:
			t.Errorf("%s: privilege escalation allowed", id)
		case sc.Privileged != nil && *sc.Privileged:
			t.Errorf("%s: privileged", id)
		case sc.Capabilities == nil || !reflect.DeepEqual(sc.Capabilities.Drop, []corev1.Capability{"ALL"}) || len(sc.Capabilities.Add) > 0:
			t.Errorf("%s: capabilities %+v, want drop ALL and add none", id, sc.Capabilities)
		case sc.SeccompProfile == nil || sc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault:
			t.Errorf("%s: seccomp profile %+v, want RuntimeDefault", id, sc.SeccompProfile)
		}
		for _, res := range []corev1.ResourceList{c.Resources.Requests, c.Resources.Limits} {
			if res.Cpu().IsZero() || res.Memory().IsZero() {
				t.Errorf("%s: resources %+v lack a CPU or memory request or limit", id, c.Resources)
			}
		}
		if c.Resources.Limits.Cpu().Cmp(*c.Resources.Requests.Cpu()) < 0 || c.Resources.Limits.Memory().Cmp(*c.Resources.Requests.Memory()) < 0 {
			t.Errorf("%s: a limit is below its request: %+v", id, c.Resources)
		}
		if c.ReadinessProbe == nil || c.LivenessProbe == nil {
			t.Errorf("%s: needs readiness and liveness probes", id)
		}
		ports := map[string]bool{}
		for _, p := range c.Ports {
			ports[p.Name] = true
			if errs := validation.IsValidPortName(p.Name); len(errs) > 0 {
				t.Errorf("%s: port name %q: %v", id, p.Name, errs)
			}
		}
		for _, pr := range []*corev1.Probe{c.ReadinessProbe, c.LivenessProbe, c.StartupProbe} {
			if pr == nil {
				continue
			}
			var port intstr.IntOrString
			switch {
			case pr.HTTPGet != nil:
				port = pr.HTTPGet.Port
			case pr.TCPSocket != nil:
				port = pr.TCPSocket.Port
			}
			if port.Type == intstr.String && !ports[port.StrVal] {
				t.Errorf("%s: probe names port %q, which the container does not declare", id, port.StrVal)
			}
		}
		for _, m := range c.VolumeMounts {
			v, ok := vols[m.Name]
			if !ok {
				t.Errorf("%s: mounts unknown volume %s", id, m.Name)
			}
			if v.ConfigMap != nil && (m.SubPath != "" || m.SubPathExpr != "") {
				t.Errorf("%s: ConfigMap %s is mounted with subPath, which kubelet never updates", id, v.ConfigMap.Name)
			}
			if v.ConfigMap != nil && !m.ReadOnly {
				t.Errorf("%s: ConfigMap %s is mounted writable", id, v.ConfigMap.Name)
			}
		}
	}
}

func metav1LabelSelector(d *appsv1.Deployment) (labels.Selector, error) {
	return labels.ValidatedSelectorFromSet(d.Spec.Selector.MatchLabels)
}

func container(ps corev1.PodSpec, name string) *corev1.Container {
	for i := range ps.Containers {
		if ps.Containers[i].Name == name {
			return &ps.Containers[i]
		}
	}
	return nil
}

func volume(ps corev1.PodSpec, name string) *corev1.Volume {
	for i := range ps.Volumes {
		if ps.Volumes[i].Name == name {
			return &ps.Volumes[i]
		}
	}
	return nil
}

// podsOf returns the Deployments whose pods a selector picks.
func podsOf(r *Rendered, sel labels.Selector) []*appsv1.Deployment {
	var out []*appsv1.Deployment
	for _, d := range r.Deployments() {
		if sel.Matches(labels.Set(d.Spec.Template.Labels)) {
			out = append(out, d)
		}
	}
	return out
}

// checkServices: each Service selects exactly one Deployment's pods and
// targets ports those pods declare; a server's Service exposes the sidecar
// port alone.
func checkServices(t *testing.T, r *Rendered) {
	for _, o := range r.OfKind("Service") {
		svc := o.Value.(*corev1.Service)
		pods := podsOf(r, labels.SelectorFromSet(svc.Spec.Selector))
		if len(pods) != 1 {
			t.Errorf("Service %s selects the pods of %d Deployments, want 1", o.Name, len(pods))
			continue
		}
		ps := pods[0].Spec.Template.Spec
		for _, p := range svc.Spec.Ports {
			owner := ""
			for _, c := range ps.Containers {
				for _, cp := range c.Ports {
					if (p.TargetPort.Type == intstr.String && cp.Name == p.TargetPort.StrVal) || (p.TargetPort.Type == intstr.Int && cp.ContainerPort == p.TargetPort.IntVal) {
						owner = c.Name
					}
				}
			}
			if owner == "" {
				t.Errorf("Service %s port %s targets %s, which no container declares", o.Name, p.Name, p.TargetPort.String())
			}
			if svc.Labels["app.kubernetes.io/component"] == "server" && (len(svc.Spec.Ports) != 1 || owner != "envoy") {
				t.Errorf("Service %s exposes %s of container %s; a server's Service must expose the sidecar port alone", o.Name, p.TargetPort.String(), owner)
			}
		}
	}
}

// args parses "-name=value" arguments into a map.
func args(c *corev1.Container) map[string]string {
	out := map[string]string{}
	for _, a := range c.Args {
		if k, v, ok := strings.Cut(a, "="); ok && strings.HasPrefix(k, "-") {
			out[strings.TrimLeft(k, "-")] = v
		}
	}
	return out
}

// controlPlane returns the control plane's Deployment, Service and container.
func controlPlane(t *testing.T, r *Rendered) (*appsv1.Deployment, *corev1.Service, *corev1.Container) {
	t.Helper()
	for _, o := range r.OfKind("Deployment") {
		d := o.Value.(*appsv1.Deployment)
		if d.Spec.Template.Labels["app.kubernetes.io/component"] == "controlplane" {
			svc, _ := r.Get("Service", o.Name).(*corev1.Service)
			if svc == nil {
				t.Fatalf("no Service %s for the control plane", o.Name)
			}
			return d, svc, container(d.Spec.Template.Spec, "controlplane")
		}
	}
	t.Fatal("no control plane Deployment")
	return nil, nil, nil
}

func checkControlPlane(t *testing.T, r *Rendered) {
	d, svc, c := controlPlane(t, r)
	if d.Spec.Replicas == nil || *d.Spec.Replicas < 2 {
		t.Errorf("control plane replicas %v, want at least 2", d.Spec.Replicas)
	}
	if !slices.Equal(c.Args[:1], []string{"controlplane"}) {
		t.Errorf("control plane args %v", c.Args)
	}
	a := args(c)
	admin := portOf(c, "admin")
	for _, p := range []*corev1.Probe{c.ReadinessProbe, c.LivenessProbe} {
		if p == nil || p.HTTPGet == nil || p.HTTPGet.Path != "/healthz" || p.HTTPGet.Port.StrVal != "admin" {
			t.Errorf("control plane probe %+v: want GET /healthz on the admin port", p)
		}
	}
	if a["admin-listen"] != ":"+strconv.Itoa(int(admin)) {
		t.Errorf("admin listens on %q, but the probes use container port %d", a["admin-listen"], admin)
	}
	if a["xds-listen"] != ":"+strconv.Itoa(int(portOf(c, "xds"))) {
		t.Errorf("ADS listens on %q, not on the declared xds port", a["xds-listen"])
	}
	// The policy file is read from a ConfigMap mounted as a directory.
	dir := filepath.Dir(a["policy"])
	var mounted bool
	for _, m := range c.VolumeMounts {
		v := volume(d.Spec.Template.Spec, m.Name)
		if m.MountPath == dir && v != nil && v.ConfigMap != nil {
			mounted = true
		}
	}
	if !mounted {
		t.Errorf("the policy %s is not in a ConfigMap mounted at %s", a["policy"], dir)
	}
	// A PodDisruptionBudget keeps one replica through voluntary disruptions.
	var pdbOK bool
	for _, o := range r.OfKind("PodDisruptionBudget") {
		pdb := o.Value.(*policyv1.PodDisruptionBudget)
		sel, _ := labels.ValidatedSelectorFromSet(pdb.Spec.Selector.MatchLabels)
		if sel.Matches(labels.Set(d.Spec.Template.Labels)) && pdb.Spec.MinAvailable != nil && pdb.Spec.MinAvailable.IntValue() >= 1 && pdb.Spec.MinAvailable.IntValue() < int(*d.Spec.Replicas) {
			pdbOK = true
		}
	}
	if !pdbOK {
		t.Error("no PodDisruptionBudget keeps at least one control plane replica while allowing a drain")
	}
	if svc.Spec.Ports[0].TargetPort.StrVal != "xds" {
		t.Errorf("control plane Service's first port targets %v, want xds", svc.Spec.Ports[0].TargetPort)
	}
}

func portOf(c *corev1.Container, name string) int32 {
	for _, p := range c.Ports {
		if p.Name == name {
			return p.ContainerPort
		}
	}
	return 0
}

// checkSidecars: in every server pod, Envoy gets the node id the control
// plane serves, Envoy's bootstrap and ext_proc point at the control plane's
// Service, and Envoy reaches ext_proc where the control plane says it is.
func checkSidecars(t *testing.T, r *Rendered) {
	_, cpSvc, cpc := controlPlane(t, r)
	cpHost := cpSvc.Name + "." + Namespace + ".svc.cluster.local"
	cpAddr := cpHost + ":" + strconv.Itoa(int(cpSvc.Spec.Ports[0].Port))
	extProcAddr := args(cpc)["extproc-address"]
	for name, d := range r.Deployments() {
		server := d.Spec.Template.Labels["mcpmesh.io/server"]
		if server == "" {
			continue
		}
		ps := d.Spec.Template.Spec
		env, ext := container(ps, "envoy"), container(ps, "extproc")
		if env == nil || ext == nil || container(ps, "server") == nil || len(ps.Containers) != 3 {
			t.Errorf("%s: want containers server, envoy and extproc", name)
			continue
		}
		if got := NodeID(d); got != contract.SidecarNodeID(server) {
			t.Errorf("%s: Envoy's node id resolves to %q; the control plane serves %q", name, got, contract.SidecarNodeID(server))
		}
		a := args(ext)
		if a["listen"] != extProcAddr {
			t.Errorf("%s: ext_proc listens on %q, the control plane sends sidecars to %q", name, a["listen"], extProcAddr)
		}
		if sock, ok := strings.CutPrefix(a["listen"], "unix:"); ok {
			// A socket on a volume Envoy and ext_proc mount and the server
			// does not, which the two share through the pod's fsGroup.
			mountedIn := func(c *corev1.Container) string {
				for _, m := range c.VolumeMounts {
					if filepath.Dir(sock) == m.MountPath {
						return m.Name
					}
				}
				return ""
			}
			v := mountedIn(ext)
			if v == "" || mountedIn(env) != v || mountedIn(container(ps, "server")) != "" || volume(ps, v) == nil || volume(ps, v).EmptyDir == nil {
				t.Errorf("%s: the ext_proc socket %s must be on an emptyDir mounted by Envoy and ext_proc only", name, sock)
			}
			if ps.SecurityContext == nil || ps.SecurityContext.FSGroup == nil {
				t.Errorf("%s: no fsGroup: Envoy, another user, could not connect to the socket", name)
			}
		} else if !strings.HasPrefix(a["listen"], "127.0.0.1:") {
			t.Errorf("%s: ext_proc listens on %q: must be this pod's loopback or a socket", name, a["listen"])
		}
		if a["control-plane"] != cpAddr {
			t.Errorf("%s: ext_proc follows %q, want the control plane Service %s", name, a["control-plane"], cpAddr)
		}
		// Envoy's bootstrap comes from the chart's ConfigMap.
		bs := bootstrapOf(t, r, d)
		var addr any
		clusters, _ := dig(bs, "static_resources", "clusters").([]any)
		for i, c := range clusters {
			if m, _ := c.(map[string]any); m["name"] == "mcpmesh_xds" {
				addr = dig(bs, "static_resources", "clusters", i, "load_assignment", "endpoints", 0, "lb_endpoints", 0, "endpoint", "address", "socket_address")
			}
		}
		if got := fmtAddr(addr); got != cpAddr {
			t.Errorf("%s: Envoy's bootstrap reaches the control plane at %q, want %q", name, got, cpAddr)
		}
	}
}

// NodeID resolves the --service-node argument of a server pod's Envoy the
// way the kubelet does: $(VAR) from the container's env, whose value comes
// from the pod's labels through the downward API.
func NodeID(d *appsv1.Deployment) string {
	c := container(d.Spec.Template.Spec, "envoy")
	for i, a := range c.Args {
		if a == "--service-node" && i+1 < len(c.Args) {
			return Expand(c.Args[i+1], c.Env, d.Spec.Template.Labels)
		}
	}
	return ""
}

var fieldLabel = regexp.MustCompile(`^metadata\.labels\['([^']+)'\]$`)

// Expand substitutes $(NAME) references to env (values, or downward API
// label references resolved against podLabels), as Kubernetes does for
// command and args.
func Expand(s string, env []corev1.EnvVar, podLabels map[string]string) string {
	for _, e := range env {
		v := e.Value
		if e.ValueFrom != nil && e.ValueFrom.FieldRef != nil {
			if m := fieldLabel.FindStringSubmatch(e.ValueFrom.FieldRef.FieldPath); m != nil {
				v = podLabels[m[1]]
			}
		}
		s = strings.ReplaceAll(s, "$("+e.Name+")", v)
	}
	return s
}

// bootstrapOf decodes the Envoy bootstrap mounted into d's Envoy.
func bootstrapOf(t *testing.T, r *Rendered, d *appsv1.Deployment) map[string]any {
	t.Helper()
	ps := d.Spec.Template.Spec
	c := container(ps, "envoy")
	cfg := ""
	for i, a := range c.Args {
		if a == "-c" && i+1 < len(c.Args) {
			cfg = c.Args[i+1]
		}
	}
	for _, m := range c.VolumeMounts {
		if filepath.Dir(cfg) != m.MountPath {
			continue
		}
		v := volume(ps, m.Name)
		cm, _ := r.Get("ConfigMap", v.ConfigMap.Name).(*corev1.ConfigMap)
		if cm == nil {
			t.Fatalf("Envoy's bootstrap ConfigMap %s is not rendered", v.ConfigMap.Name)
		}
		var out map[string]any
		if err := yaml.Unmarshal([]byte(cm.Data[filepath.Base(cfg)]), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	t.Fatalf("Envoy's -c %q is not in a mounted ConfigMap", cfg)
	return nil
}

func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func fmtAddr(v any) string {
	m, _ := v.(map[string]any)
	return fmt_(m["address"]) + ":" + fmt_(m["port_value"])
}

func fmt_(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.Itoa(int(x))
	}
	return ""
}

func TestEnvoyBootstrapMatchesRepo(t *testing.T) {
	// The chart's bootstrap must be the repository's, which every test and
	// `mcpmesh dev` run, with only the node left to the command line.
	r := render(t, "full.yaml", nil)
	d := r.Deployments()["mcp-files"]
	got := bootstrapOf(t, r, d)
	want, err := envoy.Bootstrap{NodeID: "x", AdminHost: "127.0.0.1", AdminPort: 15001,
		XDSHost: "mcp-controlplane.agents.svc.cluster.local", XDSPort: 18443, StatsHost: "0.0.0.0", StatsPort: 15090}.Render()
	if err != nil {
		t.Fatal(err)
	}
	var wantMap map[string]any
	if err := yaml.Unmarshal(want, &wantMap); err != nil {
		t.Fatal(err)
	}
	delete(wantMap, "node")
	if !reflect.DeepEqual(got, wantMap) {
		g, _ := yaml.Marshal(got)
		w, _ := yaml.Marshal(wantMap)
		t.Errorf("chart bootstrap differs from envoy/bootstrap.yaml.tmpl:\nchart:\n%s\nrepo:\n%s", g, w)
	}
}

// checkNetworkPolicies: a default deny covers every pod; agents reach a
// server pod only on its sidecar port; pods reach the control plane on ADS.
func checkNetworkPolicies(t *testing.T, r *Rendered) {
	nps := r.OfKind("NetworkPolicy")
	var deny *networkingv1.NetworkPolicy
	for _, o := range nps {
		np := o.Value.(*networkingv1.NetworkPolicy)
		if len(np.Spec.Ingress) == 0 && len(np.Spec.Egress) == 0 {
			deny = np
		}
	}
	if deny == nil || !slices.Equal(deny.Spec.PolicyTypes, []networkingv1.PolicyType{networkingv1.PolicyTypeIngress, networkingv1.PolicyTypeEgress}) {
		t.Fatalf("no default-deny NetworkPolicy for ingress and egress")
	}
	denySel, _ := labels.ValidatedSelectorFromSet(deny.Spec.PodSelector.MatchLabels)
	_, cpSvc, _ := controlPlane(t, r)
	for name, d := range r.Deployments() {
		if !denySel.Matches(labels.Set(d.Spec.Template.Labels)) {
			t.Errorf("%s: its pods escape the default deny", name)
		}
		var own []*networkingv1.NetworkPolicy
		for _, o := range nps {
			np := o.Value.(*networkingv1.NetworkPolicy)
			sel, _ := labels.ValidatedSelectorFromSet(np.Spec.PodSelector.MatchLabels)
			if np != deny && sel.Matches(labels.Set(d.Spec.Template.Labels)) {
				own = append(own, np)
			}
		}
		if len(own) != 1 {
			t.Errorf("%s: %d allow policies select its pods, want 1", name, len(own))
			continue
		}
		np := own[0]
		ps := d.Spec.Template.Spec
		if d.Spec.Template.Labels["mcpmesh.io/server"] == "" {
			continue
		}
		sidecar := portOf(container(ps, "envoy"), "mcp")
		for _, in := range np.Spec.Ingress {
			for _, p := range in.Ports {
				if p.Port.IntVal == sidecar {
					continue
				}
				if (p.Port.IntVal == portOf(container(ps, "extproc"), "extproc-admin") || p.Port.IntVal == portOf(container(ps, "envoy"), "envoy-stats")) && len(in.From) > 0 {
					continue // metrics scrapers, when configured
				}
				t.Errorf("%s: ingress allowed on port %v; only the sidecar port may be open", name, p.Port.String())
			}
			if len(in.Ports) == 0 || len(in.From) == 0 {
				t.Errorf("%s: an ingress rule without ports or peers opens everything", name)
			}
		}
		if len(np.Spec.Ingress) == 0 || np.Spec.Ingress[0].Ports[0].Port.IntVal != sidecar {
			t.Errorf("%s: agents have no way in on the sidecar port %d", name, sidecar)
		}
		toCP := false
		for _, e := range np.Spec.Egress {
			for _, to := range e.To {
				if to.PodSelector == nil {
					continue
				}
				sel, _ := labels.ValidatedSelectorFromSet(to.PodSelector.MatchLabels)
				cpPods := podsOf(r, labels.SelectorFromSet(cpSvc.Spec.Selector))
				if len(cpPods) == 1 && sel.Matches(labels.Set(cpPods[0].Spec.Template.Labels)) &&
					len(e.Ports) == 1 && e.Ports[0].Port.IntVal == cpSvc.Spec.Ports[0].Port {
					toCP = true
				}
			}
		}
		if !toCP {
			t.Errorf("%s: its pods may not reach the control plane's ADS port", name)
		}
	}
}

// checkPolicy loads the generated policy ConfigMap with mcpmesh's own
// loader, next to the files it carries, and checks that each server in it
// is the workload the chart runs: same image, upstream port, listen port.
func checkPolicy(t *testing.T, r *Rendered, more func(*policy.Result)) {
	t.Helper()
	var cm *corev1.ConfigMap
	for _, o := range r.OfKind("ConfigMap") {
		if o.Meta.Labels["app.kubernetes.io/component"] == "policy" {
			cm = o.Value.(*corev1.ConfigMap)
		}
	}
	if cm == nil {
		t.Fatal("no policy ConfigMap rendered")
	}
	dir := t.TempDir()
	for k, v := range cm.Data {
		if err := os.WriteFile(filepath.Join(dir, k), []byte(v), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	res, err := policy.Load(filepath.Join(dir, "policy.yaml"))
	if err != nil {
		t.Fatalf("the rendered policy does not load: %v\n%s", err, cm.Data["policy.yaml"])
	}
	deps := r.Deployments()
	if len(res.Policy.Servers) != len(deps)-1 {
		t.Errorf("policy has %d servers, the chart runs %d", len(res.Policy.Servers), len(deps)-1)
	}
	for _, s := range res.Policy.Servers {
		var d *appsv1.Deployment
		for _, cand := range deps {
			if cand.Spec.Template.Labels["mcpmesh.io/server"] == s.Name {
				d = cand
			}
		}
		if d == nil {
			t.Errorf("policy server %s has no Deployment", s.Name)
			continue
		}
		ps := d.Spec.Template.Spec
		srv := container(ps, "server")
		if s.Image != srv.Image {
			t.Errorf("server %s: policy verifies image %q, the pod runs %q", s.Name, s.Image, srv.Image)
		}
		if s.Upstream.Host != "127.0.0.1" || int32(s.Upstream.Port) != portOf(srv, "server") {
			t.Errorf("server %s: upstream %s, but the server container listens on port %d of the pod", s.Name, s.Upstream, portOf(srv, "server"))
		}
		if int32(s.Listen.Port) != portOf(container(ps, "envoy"), "mcp") {
			t.Errorf("server %s: sidecar listens on %s, the pod declares port %d", s.Name, s.Listen, portOf(container(ps, "envoy"), "mcp"))
		}
	}
	if more != nil {
		more(res)
	}
}

// checkLockdown: the only init container is the egress lockdown, which
// runs as root with NET_ADMIN and nothing else, read-only, pinned.
func checkLockdown(t *testing.T, pod string, c corev1.Container) {
	t.Helper()
	id := pod + "/" + c.Name
	sc := c.SecurityContext
	switch {
	case c.Name != "lockdown" || len(c.Args) != 2 || c.Args[0] != "lockdown" || !strings.HasPrefix(c.Args[1], "-uid="):
		t.Errorf("%s: unexpected init container %v %v", id, c.Command, c.Args)
	case !digestRef.MatchString(c.Image):
		t.Errorf("%s: image %q is not pinned by digest", id, c.Image)
	case sc == nil || sc.Capabilities == nil || !reflect.DeepEqual(sc.Capabilities.Add, []corev1.Capability{"NET_ADMIN"}) || !reflect.DeepEqual(sc.Capabilities.Drop, []corev1.Capability{"ALL"}):
		t.Errorf("%s: capabilities %+v, want drop ALL and add NET_ADMIN only", id, sc)
	case sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation || (sc.Privileged != nil && *sc.Privileged):
		t.Errorf("%s: securityContext %+v", id, sc)
	case sc.SeccompProfile == nil || sc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault:
		t.Errorf("%s: seccomp profile %+v", id, sc.SeccompProfile)
	case c.Resources.Limits.Cpu().IsZero() || c.Resources.Limits.Memory().IsZero():
		t.Errorf("%s: no resource limits", id)
	}
}
