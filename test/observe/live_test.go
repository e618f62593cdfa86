package observe

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/localmesh"
	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/manifests/dashboards"
	"github.com/mcpmesh/mcpmesh/test/demoserver"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// noDataExpected names the queries a short run on loopback cannot feed,
// with the reason; every other query must return data.
var previewDir = flag.String("observe.preview", "", "write a PNG of every dashboard, drawn from the live test's Prometheus, to this directory (make dashboards-preview)")

var noDataExpected = map[string]string{
	`sum by (server, result) (increase(mcpmesh_controlplane_image_verifications_total[$__rate_interval]))`: "the demo server runs unverifiedLocal: verifying an image needs a registry (test/e2e TestUnverifiedImageNotReachable covers it)",
}

// livePolicy declares an ingress and gives the demo server every
// interceptor the dashboards watch:
// the allowlist (run_shell denied), secrets (redacted in requests), an
// audit-mode PII rule (shadow findings), pins that no tool matches (rug
// pulls, in audit so calls still pass), egress (URLs denied) and a
// fail-open webhook that cannot be reached (webhook failures).
func livePolicy(ingress, upstream, listen, lockFile, hookURL, extraAllow string) string {
	return fmt.Sprintf(`version: 1
%slimits:
  maxBodyBytes: 1048576
  messageTimeout: 5s
servers:
  - name: demo
    upstream: %s
    unverifiedLocal: true
    listen: %s
    path: /mcp
    tools:
      allow: [echo, "get_*"%s]
      deny: [run_shell]
    content:
      secrets:
        requests: redact
      pii:
        - kind: email
          action: redact
          mode: audit
    poisoning:
      lockFile: %s
      onChange: audit
    egress:
      allow: [api.example.com]
    webhooks:
      - name: scan
        phase: before
        url: %s
        tools: [get_time]
        timeout: 200ms
        failure: open
    sequences:
      tags:
        reads-secrets: [get_time]
        sends-out: [echo]
      rules:
        - {name: exfiltration, after: reads-secrets, then: sends-out, mode: audit}
`, ingress, upstream, listen, extraAllow, lockFile, hookURL)
}

// TestLiveMesh runs the real mesh (control plane, ext_proc, Envoy, the demo
// MCP server) and a real Prometheus scraping all of it, drives allowed,
// denied, redacted, egress-denied and malformed calls through the sidecar,
// then checks that Envoy exports every envoy_* name the dashboards and
// alerts use, and that every dashboard query returns data.
func TestLiveMesh(t *testing.T) {
	promBin := tool(t, "prometheus")
	envoyBin, err := envoy.FindBinary(repoRoot())
	if err != nil {
		t.Fatalf("%v (run make envoy)", err) // never skip
	}
	dir := t.TempDir()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))

	demo := demoserver.New()
	demoSrv := httptest.NewServer(demo.Handler(demoserver.Options{}))
	t.Cleanup(demoSrv.Close)
	upstream := strings.TrimPrefix(demoSrv.URL, "http://")

	// A webhook address where nothing listens.
	hl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hookURL := "http://" + hl.Addr().String() + "/hook"
	hl.Close()

	// Pins that match none of the demo's tools: every tools/list is a rug pull.
	lockFile := filepath.Join(dir, "tools.lock.json")
	zero := strings.Repeat("0", 64)
	lock := fmt.Sprintf(`{"version": 1, "server": "demo", "tools": {"echo": %q, "get_time": %q, "run_shell": %q}}`, zero, zero, zero)
	if err := os.WriteFile(lockFile, []byte(lock), 0o644); err != nil {
		t.Fatal(err)
	}
	// An ingress (TLS only, so the calls below may still go straight to
	// the sidecar): its certificate's expiry is on the control plane
	// dashboard.
	ca, err := devcert.NewCA("observe CA")
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile := filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	if err := ca.WriteLeaf(certFile, keyFile, []string{"127.0.0.1"}, 90*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	var listen, ingress string
	policyFile := filepath.Join(dir, "policy.yaml")
	writePolicy := func(extraAllow string) {
		if err := os.WriteFile(policyFile, []byte(livePolicy(ingress, upstream, listen, lockFile, hookURL, extraAllow)), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	sockDir, err := os.MkdirTemp("", "mcpmesh-observe")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	var cpReg, epReg *prometheus.Registry
	var mesh *localmesh.Mesh
	// The sidecar's and the ingress's ports are picked before Envoy binds
	// them: when another test process binds one first, the mesh starts
	// again on fresh ones.
	err = envoy.WithFreePorts(2, func(ports []int) error {
		listen = fmt.Sprintf("127.0.0.1:%d", ports[0])
		ingress = fmt.Sprintf("ingress:\n  listen: 127.0.0.1:%d\n  tls: {certFile: %s, keyFile: %s}\n", ports[1], certFile, keyFile)
		writePolicy("")
		// Fresh for each try: the parts of a failed one registered theirs.
		cpReg, epReg = prometheus.NewRegistry(), prometheus.NewRegistry()
		var err error
		mesh, err = localmesh.Start(context.Background(), localmesh.Options{
			ControlPlane: localmesh.ControlPlaneOptions{PolicyFile: policyFile, Poll: 200 * time.Millisecond, Registry: cpReg, Logger: log},
			ExtProc: localmesh.ExtProcOptions{Addr: ir.UnixPrefix + filepath.Join(sockDir, "extproc.sock"),
				Metrics: extproc.NewMetrics(epReg), Audit: audit.New(io.Discard), Logger: log},
			EnvoyBinary: envoyBin,
			WorkDir:     dir,
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(mesh.Stop)
	sidecar := mesh.Sidecars["demo"]

	// Control plane and ext_proc are separate processes in production:
	// separate targets here too.
	cpMetrics := httptest.NewServer(promhttp.HandlerFor(cpReg, promhttp.HandlerOpts{}))
	t.Cleanup(cpMetrics.Close)
	epMetrics := httptest.NewServer(promhttp.HandlerFor(epReg, promhttp.HandlerOpts{}))
	t.Cleanup(epMetrics.Close)

	prom := startPrometheus(t, promBin, dir, map[string]string{
		"mcpmesh-controlplane": strings.TrimPrefix(cpMetrics.URL, "http://") + "|/metrics",
		"mcpmesh-extproc":      strings.TrimPrefix(epMetrics.URL, "http://") + "|/metrics",
		"envoy":                sidecar.AdminAddr + "|/stats/prometheus",
	})

	loadStart := time.Now()
	// Load: every kind of call, a few rounds, with a policy change in the
	// middle so that pushes and their ACKs fall in the window.
	endpoint := "http://" + listen + "/mcp"
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "observe", Version: "1"}, nil).
		Connect(ctx, &mcp.StreamableClientTransport{Endpoint: endpoint, MaxRetries: -1}, nil)
	if err != nil {
		t.Fatalf("connect through the sidecar: %v", err)
	}
	defer cs.Close()
	pat := "gh" + "p_" + strings.Repeat("a1B2c3D4e5", 4)[:36]
	call := func(name string, args map[string]any) error {
		_, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: name, Arguments: args})
		return err
	}
	for round := range 12 {
		if round == 6 {
			// A new version for ext_proc only: the sidecar's listener
			// stays, and so does the client's open SSE stream.
			writePolicy(`, "list_*"`)
		}
		if _, err := cs.ListTools(ctx, nil); err != nil {
			t.Fatalf("tools/list: %v", err)
		}
		if err := call("echo", map[string]any{"text": "hello"}); err != nil {
			t.Fatalf("allowed call: %v", err)
		}
		if err := call("get_time", map[string]any{}); err != nil {
			t.Fatalf("call through a failing fail-open webhook: %v", err)
		}
		if err := call("echo", map[string]any{"text": "token " + pat + " and ops@example.com"}); err != nil {
			t.Fatalf("redacted call: %v", err)
		}
		if err := call("run_shell", map[string]any{"command": "id"}); err == nil {
			t.Fatal("run_shell was not denied")
		}
		if err := call("echo", map[string]any{"text": "see http://169.254.169.254/latest/meta-data"}); err == nil {
			t.Fatal("a metadata URL was not denied")
		}
		// Not JSON: refused before any message is judged.
		resp, err := http.Post(endpoint, "text/plain", strings.NewReader("hello"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		time.Sleep(500 * time.Millisecond)
	}
	if p := mesh.ControlPlane.Policy(); len(p.Servers[0].Tools.Allow) != 3 {
		t.Fatalf("the policy change was not applied: %v", p.Servers[0].Tools.Allow)
	}

	// After the load: Envoy creates some stats (histogram buckets) on first use.
	t.Run("envoy exports every envoy_* name used", func(t *testing.T) {
		exported := envoyNames(t, sidecar)
		n := 0
		for m, where := range namedMetrics(t) {
			if !strings.HasPrefix(m, "envoy_") {
				continue
			}
			n++
			if !exported[m] {
				t.Errorf("Envoy %s does not export %s; used by %v", envoy.Version(), m, where)
			}
		}
		if n < 8 {
			t.Fatalf("only %d Envoy metrics named", n)
		}
	})

	// Wait for a few scrapes after the load, then ask every query.
	time.Sleep(4 * time.Second)
	var missing []string
	for _, q := range allQueries() {
		n, err := prom.query(q.Substituted())
		if err != nil {
			t.Errorf("%s / %s: %v\n%s", q.Dashboard, q.Panel, err, q.Expr)
			continue
		}
		why, excused := noDataExpected[q.Expr]
		switch {
		case n == 0 && !excused:
			missing = append(missing, fmt.Sprintf("%s / %s: %s", q.Dashboard, q.Panel, q.Expr))
		case n > 0 && excused:
			t.Logf("%s / %s now has data; it was excused because %s", q.Dashboard, q.Panel, why)
		}
	}
	for _, m := range missing {
		t.Errorf("no data: %s", m)
	}

	// What this mesh has must raise its alerts (pending where they have a
	// "for"): pins no tool matches, a dead webhook, an unverified server, a
	// risky sequence (get_time, tagged reads-secrets, then echo, sends-out).
	// (The demo's tools carry no poisoned description, so
	// MCPMeshToolPoisoningFound stays quiet.) Nothing that says the mesh is
	// broken may be raised.
	active := map[string]bool{}
	r, err := prom.do(`ALERTS`)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range r.Data.Result {
		active[a.Metric["alertname"]] = true
	}
	for _, want := range []string{"MCPMeshRugPull", "MCPMeshWebhookFailing", "MCPMeshServerUnverifiedLocal", "MCPMeshRiskySequence"} {
		if !active[want] {
			t.Errorf("alert %s is not raised on the live mesh; active: %v", want, active)
		}
	}
	for _, never := range []string{"MCPMeshExtProcDown", "MCPMeshExtProcWithoutPolicy", "MCPMeshExtProcStreamsFailing", "MCPMeshAuditWriteFailing",
		"MCPMeshConfigNacked", "MCPMeshServerImageNotVerified", "MCPMeshSidecarDisconnected", "MCPMeshPolicyVersionSkew", "MCPMeshSidecarOverloaded", "MCPMeshCertificateExpiring", "MCPMeshEnvoyCertificateExpiring"} {
		if active[never] {
			t.Errorf("alert %s is raised on a healthy mesh", never)
		}
	}
	// The pictures of the dashboards, drawn from this Prometheus: into
	// -observe.preview (make dashboards-preview), else only checked.
	out := *previewDir
	if out == "" {
		out = t.TempDir()
	}
	files, err := Preview(prom.addr, out, loadStart.Add(-10*time.Second), time.Now())
	if err != nil {
		t.Fatalf("dashboard previews: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || len(b) < 20000 || string(b[1:4]) != "PNG" {
			t.Errorf("preview %s: %d bytes, %v", f, len(b), err)
		}
	}
	t.Logf("%d dashboard previews in %s", len(files), out)
	t.Logf("%d dashboard queries asked, %d without data, %d excused", len(allQueries()), len(missing), len(noDataExpected))
	for e := range noDataExpected {
		if !slicesContainsExpr(allQueries(), e) {
			t.Errorf("noDataExpected names a query no dashboard has: %s", e)
		}
	}
}

func slicesContainsExpr(qs []dashboards.Query, e string) bool {
	for _, q := range qs {
		if q.Expr == e {
			return true
		}
	}
	return false
}

// envoyNames reads the series names of Envoy's /stats/prometheus.
func envoyNames(t *testing.T, p *envoy.Process) map[string]bool {
	t.Helper()
	text, err := p.Admin("/stats/prometheus")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	name := regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]`)
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if m := name.FindStringSubmatch(sc.Text()); m != nil {
			names[m[1]] = true
		}
	}
	if len(names) < 100 {
		t.Fatalf("only %d series names from Envoy", len(names))
	}
	return names
}

type promServer struct{ addr string }

// startPrometheus runs the real Prometheus, scraping each job's
// "host:port|path" every second, and waits until it is ready and has
// scraped every target.
func startPrometheus(t *testing.T, bin, dir string, jobs map[string]string) *promServer {
	t.Helper()
	var cfg strings.Builder
	// The shipped alerts are loaded too: they must fire on a live mesh's
	// real label sets, not only on the series of their unit tests.
	fmt.Fprintf(&cfg, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files: [%q]\nscrape_configs:\n", alertsFile)
	names := make([]string, 0, len(jobs))
	for j := range jobs {
		names = append(names, j)
	}
	sort.Strings(names)
	for _, j := range names {
		target, path, _ := strings.Cut(jobs[j], "|")
		fmt.Fprintf(&cfg, "  - job_name: %s\n    metrics_path: %s\n    static_configs:\n      - targets: [%q]\n", j, path, target)
	}
	cfgFile := filepath.Join(dir, "prometheus.yml")
	if err := os.WriteFile(cfgFile, []byte(cfg.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	port, err := envoy.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	logFile, err := os.Create(filepath.Join(dir, "prometheus.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--config.file="+cfgFile, "--storage.tsdb.path="+filepath.Join(dir, "tsdb"),
		"--web.listen-address="+addr, "--storage.tsdb.retention.time=1h")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		logFile.Close()
		if t.Failed() {
			b, _ := os.ReadFile(logFile.Name())
			t.Logf("prometheus log (tail):\n%s", tailLines(string(b), 20))
		}
	})
	p := &promServer{addr: addr}
	deadline := time.Now().Add(30 * time.Second)
	for {
		n, err := p.query(`count(up == 1)`)
		if err == nil && n == 1 {
			if v, _ := p.scalar(`count(up == 1)`); v == float64(len(jobs)) {
				return p
			}
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(logFile.Name())
			t.Fatalf("Prometheus did not scrape all %d targets within 30s (%v)\n%s", len(jobs), err, tailLines(string(b), 20))
		}
		time.Sleep(300 * time.Millisecond)
	}
}

type queryResult struct {
	Status string `json:"status"`
	Error  string `json:"error"`
	Data   struct {
		ResultType string `json:"resultType"`
		Result     []struct {
			Metric map[string]string `json:"metric"`
			Value  [2]any            `json:"value"`
		} `json:"result"`
	} `json:"data"`
}

func (p *promServer) do(q string) (*queryResult, error) {
	resp, err := http.Get("http://" + p.addr + "/api/v1/query?query=" + url.QueryEscape(q))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var r queryResult
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, err
	}
	if r.Status != "success" {
		return nil, fmt.Errorf("query %s: %s", q, r.Error)
	}
	return &r, nil
}

// query returns how many series q returns now.
func (p *promServer) query(q string) (int, error) {
	r, err := p.do(q)
	if err != nil {
		return 0, err
	}
	return len(r.Data.Result), nil
}

// scalar returns the value of q's first series.
func (p *promServer) scalar(q string) (float64, error) {
	r, err := p.do(q)
	if err != nil || len(r.Data.Result) == 0 {
		return 0, err
	}
	var v float64
	s, _ := r.Data.Result[0].Value[1].(string)
	_, err = fmt.Sscan(s, &v)
	return v, err
}

func tailLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
