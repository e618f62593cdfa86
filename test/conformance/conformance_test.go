package conformance

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite test/conformance/testdata/baseline-*.json from this run")

// TestEverythingServerDirect runs the conformance suite against the Go SDK's
// everything-server for every leg of Matrix and checks the per-scenario results
// against the committed baselines. Run with -update to rewrite them.
func TestEverythingServerDirect(t *testing.T) {
	tools := RequireTools(t)
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()

	var summary []string
	for _, leg := range Matrix {
		t.Run(leg.Mode, func(t *testing.T) {
			url := StartEverythingServer(ctx, t, leg.Stateless)
			for _, spec := range leg.SpecVersions {
				t.Run(spec, func(t *testing.T) {
					runCtx, cancel := context.WithTimeout(ctx, 3*time.Minute)
					defer cancel()
					res, err := tools.RunServer(runCtx, url, spec)
					if err != nil {
						t.Fatalf("%v", err)
					}
					passed, failed := res.Counts()
					line := fmt.Sprintf("%-9s %s: %d scenarios, %d passed, %d failed, in %s",
						leg.Mode, spec, len(res.Scenarios), passed, failed, res.Duration.Round(10*time.Millisecond))
					summary = append(summary, line)
					t.Log(line)
					if failed > 0 {
						t.Logf("failing (expected per baseline): %s", strings.Join(res.Failing(), ", "))
					}
					checkBaseline(t, leg, res)
				})
			}
		})
	}
	t.Logf("suite %s@%s against %s:\n%s", SuitePackage, tools.SuiteVersion,
		strings.TrimSuffix(EverythingServer(false), " -stateless=false"), strings.Join(summary, "\n"))
}

func checkBaseline(t *testing.T, leg Leg, res *Result) {
	t.Helper()
	path := BaselinePath(RepoRoot(), leg.Mode, res.SpecVersion)
	if *update {
		if err := NewBaseline(res, EverythingServer(leg.Stateless)).Write(path); err != nil {
			t.Fatalf("writing baseline: %v", err)
		}
		t.Logf("wrote %s", path)
		return
	}
	base, err := ReadBaseline(path)
	if err != nil {
		t.Fatalf("reading baseline: %v (create it with: go test ./test/conformance -run TestEverythingServerDirect -update)", err)
	}
	if d := base.Diff(res); len(d) > 0 {
		t.Errorf("results differ from %s (if the change is expected, rerun with -update):\n  %s\nsuite output:\n%s",
			filepath.Base(path), strings.Join(d, "\n  "), tail(res.Output, 60))
	}
}

// TestTransparentProxy checks the harness end to end on a known-transparent
// intermediary: a plain reverse proxy must give the same results as the
// direct connection, for every leg of Matrix. It is the pattern a gateway test
// follows, with the gateway's URL in place of the proxy's.
func TestTransparentProxy(t *testing.T) {
	tools := RequireTools(t)
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	for _, leg := range Matrix {
		t.Run(leg.Mode, func(t *testing.T) {
			direct := StartEverythingServer(ctx, t, leg.Stateless)
			via := startProxy(t, direct, false)
			for _, spec := range leg.SpecVersions {
				t.Run(spec, func(t *testing.T) {
					d, v := runBoth(ctx, t, tools, direct, via, spec)
					if diff := Diff(d, v); len(diff) > 0 {
						t.Errorf("results through a plain reverse proxy differ:\n  %s\nproxied suite output:\n%s",
							strings.Join(diff, "\n  "), tail(v.Output, 60))
					}
				})
			}
		})
	}
}

// TestDiffCatchesHostRewrite checks that Diff reports a real change in
// behaviour: a proxy that rewrites the Host header to the upstream's address
// defeats the server's DNS rebinding protection.
func TestDiffCatchesHostRewrite(t *testing.T) {
	tools := RequireTools(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	direct := StartEverythingServer(ctx, t, false)
	via := startProxy(t, direct, true)
	d, v := runBoth(ctx, t, tools, direct, via, "2025-11-25")
	diff := Diff(d, v)
	t.Logf("diff:\n  %s", strings.Join(diff, "\n  "))
	if len(diff) != 1 || !strings.HasPrefix(diff[0], "dns-rebinding-protection: passes direct, fails via gateway") {
		t.Errorf("want exactly one difference, in dns-rebinding-protection; got %d:\n  %s", len(diff), strings.Join(diff, "\n  "))
	}
}

func runBoth(ctx context.Context, t *testing.T, tools *Tools, direct, via, spec string) (d, v *Result) {
	t.Helper()
	for _, run := range []struct {
		url string
		res **Result
	}{{direct, &d}, {via, &v}} {
		runCtx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		res, err := tools.RunServer(runCtx, run.url, spec)
		cancel()
		if err != nil {
			t.Fatalf("%v", err)
		}
		p, f := res.Counts()
		t.Logf("%s %s: %d passed, %d failed, in %s", run.url, spec, p, f, res.Duration.Round(10*time.Millisecond))
		*run.res = res
	}
	return d, v
}

// startProxy starts a reverse proxy on 127.0.0.1 in front of upstream and
// returns its URL. It keeps the client's Host header (as a transparent
// gateway must) unless rewriteHost, flushes every response write at once (SSE),
// and reads each request body in full before forwarding it: with streamed
// request bodies, httputil.ReverseProxy intermittently lost its upstream
// connection mid-response ("use of closed network connection") and the
// suite's client then hung on tools-call-with-logging / -with-progress /
// -sampling / elicitation scenarios until the scenario timeout.
func startProxy(t *testing.T, upstream string, rewriteHost bool) string {
	t.Helper()
	u, err := url.Parse(upstream)
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.FlushInterval = -1
	rp.ErrorLog = nil
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			r.ContentLength = int64(len(body))
		}
		if rewriteHost {
			r.Host = u.Host
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

func TestOutcomeAndDiff(t *testing.T) {
	pass := outcomeOf([]check{{ID: "a", Status: "SUCCESS"}, {ID: "x", Status: "INFO"}, {ID: "b", Status: "SUCCESS"}})
	if !pass.Passed || pass.Checks != "2 passed, 0 failed" {
		t.Errorf("pass outcome = %+v", pass)
	}
	fail := outcomeOf([]check{{ID: "a", Status: "SUCCESS"}, {ID: "b", Status: "FAILURE", ErrorMessage: "boom"}, {ID: "c", Status: "WARNING"}})
	if fail.Passed || fail.Checks != "1 passed, 1 failed: b; 1 warnings: c" {
		t.Errorf("fail outcome = %+v", fail)
	}

	a := &Result{SpecVersion: "2025-11-25", Scenarios: map[string]Outcome{"s1": pass, "s2": pass, "s3": pass}}
	if d := Diff(a, a); len(d) != 0 {
		t.Errorf("Diff(a, a) = %q", d)
	}
	b := &Result{SpecVersion: "2025-11-25", Scenarios: map[string]Outcome{"s1": pass, "s2": fail, "s4": pass}}
	got := strings.Join(Diff(a, b), "\n")
	for _, want := range []string{
		"s2: passes direct, fails via gateway; failed checks only via gateway: b; warned checks only via gateway: c; succeeded checks only direct: b",
		"s3: ran direct only (passes)",
		"s4: ran via gateway only (passes)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Diff misses %q; got:\n%s", want, got)
		}
	}

	// A baseline ignores succeeded checks but not failed ones.
	base := NewBaseline(b, "test")
	b2 := &Result{SuiteVersion: b.SuiteVersion, SpecVersion: b.SpecVersion, Scenarios: map[string]Outcome{"s1": pass, "s2": fail, "s4": outcomeOf([]check{{ID: "z", Status: "SUCCESS"}})}}
	if d := base.Diff(b2); len(d) != 0 {
		t.Errorf("baseline diff = %q", d)
	}
	b2.Scenarios["s4"] = fail
	if d := base.Diff(b2); len(d) != 1 || !strings.HasPrefix(d[0], "s4: passes in baseline, fails in this run") {
		t.Errorf("baseline diff = %q", d)
	}
}

func TestResultDirName(t *testing.T) {
	for name, want := range map[string]string{
		"server-tools-call-simple-text-2026-11-25T17-03-37-617Z": "tools-call-simple-text",
		"server-server-initialize-2026-11-25T17-03-37-530Z":      "server-initialize",
		"server-json-schema-2020-12-2026-01-02T03-04-05-006Z":    "json-schema-2020-12",
		"client-initialize-2026-11-25T17-03-37-530Z":             "",
	} {
		got := ""
		if m := resultDirRE.FindStringSubmatch(name); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("%s: scenario %q, want %q", name, got, want)
		}
	}
}

func TestFindToolsMissing(t *testing.T) {
	t.Setenv(ToolsDirEnv, filepath.Join(t.TempDir(), "nothing-here"))
	_, err := FindTools(RepoRoot())
	if err == nil || !strings.Contains(err.Error(), "install.sh") {
		t.Errorf("FindTools with no tools: %v; want an error naming install.sh", err)
	}
	if _, err := os.Stat(filepath.Join(RepoRoot(), "test", "conformance", "install.sh")); err != nil {
		t.Errorf("install script: %v", err)
	}
}
