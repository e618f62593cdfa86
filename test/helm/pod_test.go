package helm

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

// TestRenderedPodsServeMCP runs the containers the chart renders as local
// processes, with exactly their rendered commands, arguments, environment
// (downward API included) and ConfigMap files laid out as kubelet lays them
// out; loopback stands in for the pod network and the control plane
// Service's DNS name. The server container's image cannot run here; the
// demo MCP server listens in its place on the port the chart gives it.
// An MCP client then talks to the sidecar port the Service exposes, and a
// policy edit is delivered the way kubelet delivers a ConfigMap update.
func TestRenderedPodsServeMCP(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: starts Envoy, the control plane and ext_proc")
	}
	envoyBin, err := envoy.FindBinary(RepoRoot())
	if err != nil {
		t.Fatalf("%v", err) // never skip: this test is the only run of the rendered commands
	}
	mcpmeshBin := buildMcpmesh(t)
	bins := map[string]string{"/usr/local/bin/mcpmesh": mcpmeshBin, "envoy": envoyBin}
	var (
		vals          func(allow ...any) map[string]any
		srv           *appsv1.Deployment
		demo          *demoserver.Server
		cpPod, srvPod *pod
	)
	// The release's ports are picked before its processes bind them: when
	// another test process binds one first, the pods start again on fresh
	// ports.
	err = envoy.WithFreePorts(podPortCount, func(ports []int) (err error) {
		defer func() {
			if err != nil {
				cpPod.stop()
				srvPod.stop()
			}
		}()
		vals = func(allow ...any) map[string]any {
			return values(t, "required.yaml", func(v map[string]any) {
				setPodPorts(v, ports)
				set(v, "servers.0.policy.tools.allow", allow)
			})
		}
		r, err := Render(vals("echo", "get_*"))
		if err != nil {
			t.Fatal(err)
		}
		var cp *appsv1.Deployment
		for _, d := range r.Deployments() {
			if d.Spec.Template.Labels["mcpmesh.io/server"] == "demo" {
				srv = d
			} else {
				cp = d
			}
		}
		_, cpSvc, _ := controlPlane(t, r)
		cpHost := cpSvc.Name + "." + Namespace + ".svc.cluster.local"

		root := t.TempDir()
		// Service DNS name -> loopback, in arguments and in ConfigMap files; the
		// ext_proc socket's directory -> the server pod's volume, where the
		// control plane's flag must point the sidecar too.
		dns := strings.NewReplacer(cpHost, "127.0.0.1", "unix:/run/mcpmesh/", "unix:"+filepath.Join(root, "demo", "volumes", "extproc-socket")+"/")

		if demo, err = standInServer(t, srv); err != nil {
			return err
		}

		cpPod = newPod(t, r, cp, filepath.Join(root, "controlplane"), bins, dns)
		cpPod.start(t, "controlplane")
		if err := cpPod.waitReady(t, "controlplane"); err != nil {
			return err
		}
		srvPod = newPod(t, r, srv, filepath.Join(root, "demo"), bins, dns)
		srvPod.start(t, "extproc")
		srvPod.start(t, "envoy")
		if err := srvPod.waitReady(t, "extproc"); err != nil {
			return err
		}
		if err := srvPod.waitReady(t, "envoy"); err != nil {
			return err
		}
		return srvPod.waitListener(t, podPort(ports, "envoy.adminPort"), podPort(ports, "sidecar.port"))
	})
	if err != nil {
		t.Fatal(err)
	}

	url := fmt.Sprintf("http://127.0.0.1:%d%s", portOf(container(srv.Spec.Template.Spec, "envoy"), "mcp"), "/mcp")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var cs *mcp.ClientSession
	c := mcp.NewClient(&mcp.Implementation{Name: "mcpmesh-helm-test", Version: "1.0.0"}, nil)
	if cs, err = c.Connect(ctx, &mcp.StreamableClientTransport{Endpoint: url, MaxRetries: -1}, nil); err != nil {
		t.Fatalf("connect through the sidecar %s: %v\n%s", url, err, srvPod.logs())
	}
	defer cs.Close()
	lt, err := cs.ListTools(ctx, nil)
	if err != nil {
		t.Fatalf("tools/list: %v", err)
	}
	var names []string
	for _, tl := range lt.Tools {
		names = append(names, tl.Name)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"echo", "get_time"}) {
		t.Errorf("tools/list through the sidecar: %v, want [echo get_time] (run_shell hidden by the policy)", names)
	}
	res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "hello"}})
	if err != nil || res.IsError {
		t.Fatalf("echo through the sidecar: %v %+v", err, res)
	}
	if _, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "run_shell", Arguments: map[string]any{"command": "id"}}); err == nil || !strings.Contains(err.Error(), "run_shell") {
		t.Errorf("run_shell was not refused with the rule: %v", err)
	}
	if n := demo.Called("run_shell"); n != 0 {
		t.Errorf("the server saw run_shell %d times", n)
	}

	// Envoy's metrics, where the PodMonitor scrapes them: the sidecar's
	// stats, the call just made among them.
	stats, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/stats/prometheus", portOf(container(srv.Spec.Template.Spec, "envoy"), "envoy-stats")))
	if err != nil {
		t.Fatalf("Envoy's stats port: %v", err)
	}
	body, _ := io.ReadAll(stats.Body)
	stats.Body.Close()
	if stats.StatusCode != 200 || !strings.Contains(string(body), `envoy_http_downstream_rq_total{envoy_http_conn_manager_prefix="mcp_demo"}`) {
		t.Errorf("Envoy's stats port: %d\n%.500s", stats.StatusCode, body)
	}

	// `helm upgrade` with echo no longer allowed: kubelet swaps the ConfigMap's
	// ..data symlink; the running control plane must notice and push.
	edited, err := Render(vals("get_*"))
	if err != nil {
		t.Fatal(err)
	}
	cpPod.updateConfigMaps(t, edited)
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "again"}})
		if err != nil && strings.Contains(err.Error(), "echo") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("echo still allowed 30s after the ConfigMap update (last: %v)\n%s", err, cpPod.logs())
		}
		time.Sleep(200 * time.Millisecond)
	}
	// Every process is still the one started: the change needed no restart.
	for _, p := range append(cpPod.procs, srvPod.procs...) {
		if p.exited() {
			t.Errorf("%s exited", p.name)
		}
	}
}

// podPortKeys are the values setPodPorts sets, in the order of its ports.
var podPortKeys = []string{"controlPlane.xdsPort", "controlPlane.adminPort", "extProc.port", "extProc.adminPort",
	"envoy.adminPort", "sidecar.port", "servers.0.port", "envoy.statsPort"}

// podPortCount ports, from envoy.WithFreePorts, are what setPodPorts gives a pod.
var podPortCount = len(podPortKeys)

// setPodPorts gives every port of the release a free one: the pods of a
// test share one loopback, not one each.
func setPodPorts(v map[string]any, ports []int) {
	for i, k := range podPortKeys {
		set(v, k, ports[i])
	}
}

// podPort is the port setPodPorts gives the value key.
func podPort(ports []int, key string) int {
	return ports[slices.Index(podPortKeys, key)]
}

// standInServer serves the demo MCP server where the server container of
// srv listens: its image cannot run here. A port another process holds is
// an *envoy.PortInUseError.
func standInServer(t *testing.T, srv *appsv1.Deployment) (*demoserver.Server, error) {
	t.Helper()
	demo := demoserver.New()
	l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(int(portOf(container(srv.Spec.Template.Spec, "server"), "server"))))
	if err != nil {
		if e := envoy.PortInUseIn(err.Error(), "the stand-in server"); e != nil {
			return nil, e
		}
		t.Fatal(err)
	}
	hs := &http.Server{Handler: demo.Handler(demoserver.Options{}), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = hs.Serve(l) }()
	t.Cleanup(func() { _ = hs.Close() })
	return demo, nil
}

// pod runs the containers of one Deployment's pod template as processes.
type pod struct {
	r       *Rendered
	secrets map[string]map[string][]byte // Secret name -> data, as the cluster would hold them
	d       *appsv1.Deployment
	dir     string
	bins    map[string]string
	dns     *strings.Replacer
	vols    map[string]string // volume name -> host directory
	procs   []*proc
	cmVols  map[string]string // ConfigMap name -> host directory
}

func newPod(t *testing.T, r *Rendered, d *appsv1.Deployment, dir string, bins map[string]string, dns *strings.Replacer) *pod {
	return newPodWithSecrets(t, r, d, dir, bins, dns, nil)
}

// newPodWithSecrets is newPod with the Secrets the pod's volumes name.
func newPodWithSecrets(t *testing.T, r *Rendered, d *appsv1.Deployment, dir string, bins map[string]string, dns *strings.Replacer, secrets map[string]map[string][]byte) *pod {
	t.Helper()
	p := &pod{r: r, d: d, dir: dir, bins: bins, dns: dns, vols: map[string]string{}, cmVols: map[string]string{}, secrets: secrets}
	for _, v := range d.Spec.Template.Spec.Volumes {
		host := filepath.Join(dir, "volumes", v.Name)
		switch {
		case v.ConfigMap != nil:
			cm, _ := r.Get("ConfigMap", v.ConfigMap.Name).(*corev1.ConfigMap)
			if cm == nil {
				t.Fatalf("volume %s: ConfigMap %s is not rendered", v.Name, v.ConfigMap.Name)
			}
			if err := ProjectConfigMap(host, p.rewrite(cm.Data)); err != nil {
				t.Fatal(err)
			}
			p.cmVols[v.ConfigMap.Name] = host
		case v.EmptyDir != nil:
			if err := os.MkdirAll(host, 0o755); err != nil {
				t.Fatal(err)
			}
		case v.Secret != nil:
			data, ok := p.secrets[v.Secret.SecretName]
			if !ok {
				t.Fatalf("volume %s: the test holds no Secret %s", v.Name, v.Secret.SecretName)
			}
			files := map[string]string{}
			for k, b := range data {
				files[k] = string(b)
			}
			if err := ProjectConfigMap(host, files); err != nil { // kubelet projects Secrets the same way
				t.Fatal(err)
			}
		default:
			t.Fatalf("volume %s: only ConfigMap, Secret and emptyDir volumes are expected", v.Name)
		}
		p.vols[v.Name] = host
	}
	return p
}

func (p *pod) rewrite(data map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range data {
		out[k] = p.dns.Replace(v)
	}
	return out
}

// updateConfigMaps delivers the ConfigMaps of a new rendering to this pod.
func (p *pod) updateConfigMaps(t *testing.T, r *Rendered) {
	t.Helper()
	for name, dir := range p.cmVols {
		cm, _ := r.Get("ConfigMap", name).(*corev1.ConfigMap)
		if err := UpdateConfigMap(dir, p.rewrite(cm.Data)); err != nil {
			t.Fatal(err)
		}
	}
}

// start runs container name: its command mapped to a local binary, $(VAR)
// references expanded, mount paths mapped to the projected volumes.
func (p *pod) start(t *testing.T, name string) {
	t.Helper()
	c := container(p.d.Spec.Template.Spec, name)
	argv := append(append([]string{}, c.Command...), c.Args...)
	bin, ok := p.bins[argv[0]]
	if !ok {
		t.Fatalf("%s: no local binary for command %q", name, argv[0])
	}
	for i, a := range argv[1:] {
		argv[i+1] = p.dns.Replace(p.hostPath(c, Expand(a, c.Env, p.d.Spec.Template.Labels)))
	}
	env := []string{"PATH=" + os.Getenv("PATH")}
	for _, e := range c.Env {
		env = append(env, e.Name+"="+p.hostPath(c, Expand("$("+e.Name+")", c.Env, p.d.Spec.Template.Labels)))
	}
	logPath := filepath.Join(p.dir, name+".log")
	lf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, argv[1:]...)
	cmd.Env, cmd.Stdout, cmd.Stderr = env, lf, lf
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	pr := &proc{name: name, cmd: cmd, log: logPath, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); lf.Close(); close(pr.done) }()
	p.procs = append(p.procs, pr)
	t.Cleanup(pr.stop)
}

// hostPath maps the container path in s (a path, or -flag=path) to the
// host directory of the volume mounted there, using the deepest mount.
func (p *pod) hostPath(c *corev1.Container, s string) string {
	best := -1
	for i, m := range c.VolumeMounts {
		mp := m.MountPath
		if s == mp || strings.HasPrefix(s, mp+"/") || strings.Contains(s, "="+mp) && (strings.HasSuffix(s, "="+mp) || strings.Contains(s, "="+mp+"/")) {
			if best < 0 || len(mp) > len(c.VolumeMounts[best].MountPath) {
				best = i
			}
		}
	}
	if best < 0 {
		return s
	}
	m := c.VolumeMounts[best]
	return strings.Replace(s, m.MountPath, p.vols[m.Name], 1)
}

// stop stops the pod's processes; a nil pod has none.
func (p *pod) stop() {
	if p == nil {
		return
	}
	for _, pr := range p.procs {
		pr.stop()
	}
}

// waitReady polls the container's readiness probe as kubelet would. A
// process of the pod that exits fails t, unless it could not bind a port
// because another process holds it: that is returned as an
// *envoy.PortInUseError, for the test to start again on fresh ports.
func (p *pod) waitReady(t *testing.T, name string) error {
	t.Helper()
	c := container(p.d.Spec.Template.Spec, name)
	pr := c.ReadinessProbe
	deadline := time.Now().Add(30 * time.Second)
	for {
		var err error
		switch {
		case pr.HTTPGet != nil:
			port := pr.HTTPGet.Port.IntValue()
			if port == 0 {
				port = int(portOf(c, pr.HTTPGet.Port.StrVal))
			}
			var resp *http.Response
			if resp, err = probeClient.Get(fmt.Sprintf("http://127.0.0.1:%d%s", port, pr.HTTPGet.Path)); err == nil {
				resp.Body.Close()
				if resp.StatusCode >= 400 {
					err = fmt.Errorf("status %d", resp.StatusCode)
				}
			}
		case pr.TCPSocket != nil:
			port := pr.TCPSocket.Port.IntValue()
			if port == 0 {
				port = int(portOf(c, pr.TCPSocket.Port.StrVal))
			}
			var conn net.Conn
			if conn, err = net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second); err == nil {
				conn.Close()
			}
		default:
			t.Fatalf("%s: unexpected probe %+v", name, pr)
		}
		if err == nil {
			return nil
		}
		if err := p.exited(t); err != nil {
			return err
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s not ready after 30s: %v\n%s", name, err, p.logs())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// probeClient times out as kubelet's probes do by default (timeoutSeconds:
// 1): a process holding a port may accept connections and never answer.
var probeClient = &http.Client{Timeout: time.Second}

// exited fails t when a process of the pod has exited, or returns an
// *envoy.PortInUseError when it exited because a port was taken.
func (p *pod) exited(t *testing.T) error {
	t.Helper()
	for _, pr := range p.procs {
		if pr.exited() {
			log, _ := os.ReadFile(pr.log)
			if e := envoy.PortInUseIn(string(log), pr.name+" exited:\n"+p.logs()); e != nil {
				return e
			}
			t.Fatalf("%s exited:\n%s", pr.name, p.logs())
		}
	}
	return nil
}

// waitListener waits until the pod's Envoy, its admin on adminPort, lists
// its listener on port. Its readiness probe is not enough: the probe's
// connection reaches whatever holds the port, and when another process
// took it first, Envoy rejects the listener (an *envoy.PortInUseError).
func (p *pod) waitListener(t *testing.T, adminPort, port int) error {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := probeClient.Get(fmt.Sprintf("http://127.0.0.1:%d/listeners", adminPort))
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			for _, l := range strings.Fields(string(body)) {
				if strings.HasSuffix(l, ":"+strconv.Itoa(port)) {
					return nil
				}
			}
		}
		for _, pr := range p.procs {
			log, _ := os.ReadFile(pr.log)
			if e := envoy.PortInUseIn(string(log), pr.name+":\n"+p.logs()); e != nil {
				return e
			}
		}
		if err := p.exited(t); err != nil {
			return err
		}
		if time.Now().After(deadline) {
			t.Fatalf("Envoy (admin port %d) has no listener on port %d after 30s\n%s", adminPort, port, p.logs())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (p *pod) logs() string {
	var b strings.Builder
	for _, pr := range p.procs {
		data, _ := os.ReadFile(pr.log)
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if len(lines) > 15 {
			lines = lines[len(lines)-15:]
		}
		fmt.Fprintf(&b, "--- %s (%s)\n%s\n", pr.name, pr.log, strings.Join(lines, "\n"))
	}
	return b.String()
}

type proc struct {
	name string
	cmd  *exec.Cmd
	log  string
	done chan struct{}
}

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

func (p *proc) stop() {
	if p.exited() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// buildMcpmesh builds the mcpmesh command once per test binary run.
func buildMcpmesh(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "mcpmesh")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/mcpmesh")
	cmd.Dir = RepoRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/mcpmesh: %v\n%s", err, out)
	}
	return bin
}
