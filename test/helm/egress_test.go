package helm

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"

	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/xds/policy"
)

// A server whose policy has egress.network gets the proxy variables
// pointing at its sidecar; the Secrets its credentials name are mounted
// into ext_proc (or Envoy), never into the server; the generated policy
// loads.
func TestEgressWiring(t *testing.T) {
	r := render(t, "required.yaml", func(v map[string]any) {
		set(v, "servers.0.policy.egress", map[string]any{"network": map[string]any{
			"listen": "127.0.0.1:15009",
			"allow":  []any{"api.github.com"},
			"credentials": []any{map[string]any{"host": "api.github.com", "secretFile": "/var/run/secrets/github/token",
				"caFile": "/etc/mcpmesh/ca/ca.crt"}},
		}})
		set(v, "servers.0.secretMounts", []any{
			map[string]any{"secretName": "github-token", "mountPath": "/var/run/secrets/github"},
			map[string]any{"secretName": "internal-ca", "mountPath": "/etc/mcpmesh/ca", "container": "envoy"},
		})
		set(v, "servers.0.env", []any{map[string]any{"name": "LOG_LEVEL", "value": "debug"}})
	})
	checkRelease(t, r)
	var ps corev1.PodSpec
	for _, d := range r.Deployments() {
		if d.Spec.Template.Labels["mcpmesh.io/server"] != "" {
			ps = d.Spec.Template.Spec
		}
	}
	env := map[string]string{}
	for _, e := range container(ps, "server").Env {
		env[e.Name] = e.Value
	}
	for _, k := range []string{"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"} {
		if env[k] != "http://127.0.0.1:15009" {
			t.Errorf("server %s = %q, want the sidecar's egress proxy", k, env[k])
		}
	}
	if env["LOG_LEVEL"] != "debug" {
		t.Errorf("the server's own env was lost: %v", env)
	}
	mounted := func(c string) []string {
		var out []string
		for _, m := range container(ps, c).VolumeMounts {
			if v := volume(ps, m.Name); v != nil && v.Secret != nil {
				if !m.ReadOnly {
					t.Errorf("%s mounts secret %s writable", c, v.Secret.SecretName)
				}
				out = append(out, v.Secret.SecretName+":"+m.MountPath)
			}
		}
		return out
	}
	if got := mounted("extproc"); !slices.Equal(got, []string{"github-token:/var/run/secrets/github"}) {
		t.Errorf("ext_proc mounts %v", got)
	}
	if got := mounted("envoy"); !slices.Equal(got, []string{"internal-ca:/etc/mcpmesh/ca"}) {
		t.Errorf("envoy mounts %v", got)
	}
	if got := mounted("server"); len(got) != 0 {
		t.Errorf("the server container mounts secrets %v", got)
	}
	// The lockdown confines the server's user, which is neither Envoy's nor
	// ext_proc's.
	var lock *corev1.Container
	for i := range ps.InitContainers {
		if ps.InitContainers[i].Name == "lockdown" {
			lock = &ps.InitContainers[i]
		}
	}
	srvUID := *container(ps, "server").SecurityContext.RunAsUser
	if lock == nil || lock.Args[1] != fmt.Sprintf("-uid=%d", srvUID) {
		t.Fatalf("no lockdown of the server's user %d: %+v", srvUID, lock)
	}
	for _, c := range []string{"envoy", "extproc"} {
		if *container(ps, c).SecurityContext.RunAsUser == srvUID {
			t.Errorf("%s runs as the server's user %d, which the lockdown confines", c, srvUID)
		}
	}
	checkPolicy(t, r, func(res *policy.Result) {
		n := res.Policy.Servers[0].Egress.Network
		if n == nil || n.Listen != "127.0.0.1:15009" || len(n.Credentials) != 1 {
			t.Errorf("egress.network in the generated policy: %+v", n)
		}
	})

	// The chart's default listen address is the policy's.
	r = render(t, "required.yaml", func(v map[string]any) {
		set(v, "servers.0.policy.egress", map[string]any{"network": map[string]any{"allow": []any{"api.github.com"}}})
	})
	proxy := ""
	for _, d := range r.Deployments() {
		if d.Spec.Template.Labels["mcpmesh.io/server"] == "" {
			continue
		}
		for _, e := range container(d.Spec.Template.Spec, "server").Env {
			if e.Name == "HTTPS_PROXY" {
				proxy = e.Value
			}
		}
	}
	if proxy != "http://"+egress.DefaultNetworkListen {
		t.Errorf("default HTTPS_PROXY %q, want http://%s", proxy, egress.DefaultNetworkListen)
	}

	// egressLockdown: false leaves it out; a server sharing ext_proc's user is refused.
	r = render(t, "required.yaml", func(v map[string]any) {
		set(v, "servers.0.policy.egress", map[string]any{"network": map[string]any{"allow": []any{"api.github.com"}}})
		set(v, "servers.0.egressLockdown", false)
	})
	for _, d := range r.Deployments() {
		if len(d.Spec.Template.Spec.InitContainers) != 0 {
			t.Errorf("%s: a lockdown with egressLockdown: false", d.Name)
		}
	}
	if _, err := Render(values(t, "required.yaml", func(v map[string]any) { set(v, "servers.0.runAsUser", 65531) })); err == nil || !strings.Contains(err.Error(), "needs a user of its own") {
		t.Errorf("a server with ext_proc's user: %v", err)
	}

	// Without egress.network, no proxy variables.
	r = render(t, "required.yaml", nil)
	for _, d := range r.Deployments() {
		for _, c := range d.Spec.Template.Spec.Containers {
			for _, e := range c.Env {
				if e.Name == "HTTP_PROXY" {
					t.Errorf("%s/%s has HTTP_PROXY without egress.network", d.Name, c.Name)
				}
			}
		}
	}
}
