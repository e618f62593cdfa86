// Package conformance runs the official MCP conformance suite
// (npm @modelcontextprotocol/conformance, server scenarios) against an MCP
// server over streamable HTTP and reads its per-scenario results.
//
// It exists to prove that the mcpmesh gateway is transparent to legitimate MCP
// traffic: the suite run against the Go SDK's conformance everything-server
// must give the same results directly and through the gateway (see [Diff]).
//
// The suite needs Node.js 22. Both are pinned in test/conformance/package.json
// (and package-lock.json) and installed into <repo>/.tools/conformance by
// test/conformance/install.sh.
package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/envoy"
)

// InstallHint tells how to install the tools this package needs.
const InstallHint = "run test/conformance/install.sh (or `make tools`)"

// SuitePackage is the npm package of the conformance suite.
const SuitePackage = "@modelcontextprotocol/conformance"

// SDKModule is the Go module whose conformance everything-server is the
// reference server under test.
const SDKModule = "github.com/modelcontextprotocol/go-sdk"

// ToolsDirEnv overrides where install.sh installs and FindTools looks for the
// tools (default <repo>/.tools/conformance).
const ToolsDirEnv = "CONFORMANCE_TOOLS_DIR"

// DefaultScenarioTimeout bounds one scenario of a suite run (the suite's own
// --timeout). A scenario that hangs is reported as failed after it.
const DefaultScenarioTimeout = 20 * time.Second

// Leg is one server mode of the everything-server and the spec versions the
// suite is run for against it.
type Leg struct {
	Mode         string // "stateful" or "stateless"; names the baseline files
	Stateless    bool   // the everything-server's -stateless flag
	SpecVersions []string
}

// Matrix is what TestEverythingServerDirect runs, and what a gateway test
// should run too: the stateful server (like the SDK's own conformance script;
// server-initiated sampling and elicitation need it) for the session-based
// protocol versions, and the stateless server for those and for 2026-07-28,
// which is stateless-only (the stateful everything-server rejects it).
var Matrix = []Leg{
	{Mode: "stateful", Stateless: false, SpecVersions: []string{"2025-06-18", "2025-11-25"}},
	{Mode: "stateless", Stateless: true, SpecVersions: []string{"2025-06-18", "2025-11-25", "2026-07-28"}},
}

// RepoRoot is the root of the mcpmesh repository: found from this source
// file, or else by walking up from the working directory to the go.mod of
// the mcpmesh module.
func RepoRoot() string {
	if _, file, _, ok := runtime.Caller(0); ok {
		root := filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
		if isRepoRoot(root) {
			return root
		}
	}
	if dir, err := os.Getwd(); err == nil {
		for {
			if isRepoRoot(dir) {
				return dir
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return "."
}

func isRepoRoot(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && bytes.Contains(b, []byte("module github.com/mcpmesh/mcpmesh\n"))
}

// ToolsDir is where install.sh puts the tools: $CONFORMANCE_TOOLS_DIR, or
// <repoRoot>/.tools/conformance.
func ToolsDir(repoRoot string) string {
	if d := os.Getenv(ToolsDirEnv); d != "" {
		return d
	}
	return filepath.Join(repoRoot, ".tools", "conformance")
}

// Tools locates the installed Node.js 22 binary and the conformance suite.
type Tools struct {
	Node            string        // the node binary
	Suite           string        // the suite's CLI entry (a .js file run with Node)
	SuiteVersion    string        // the installed suite version
	ScenarioTimeout time.Duration // per-scenario timeout; DefaultScenarioTimeout when zero
}

// FindTools locates the tools installed by test/conformance/install.sh under
// repoRoot and checks that they are the pinned versions. The error says to run
// the install script when they are missing or stale.
func FindTools(repoRoot string) (*Tools, error) {
	dir := ToolsDir(repoRoot)
	pins, err := readPins(filepath.Join(repoRoot, "test", "conformance", "package.json"))
	if err != nil {
		return nil, err
	}
	t := &Tools{Node: filepath.Join(dir, "node_modules", "node", "bin", "node")}
	if _, err := os.Stat(t.Node); err != nil {
		return nil, fmt.Errorf("conformance tools: node 22 not found at %s: %s", t.Node, InstallHint)
	}
	out, err := exec.Command(t.Node, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("conformance tools: %s --version: %v: %s", t.Node, err, InstallHint)
	}
	if got, want := strings.TrimSpace(string(out)), "v"+pins["node"]; got != want {
		return nil, fmt.Errorf("conformance tools: %s is %s, pinned %s: %s", t.Node, got, want, InstallHint)
	}

	suiteDir := filepath.Join(dir, "node_modules", filepath.FromSlash(SuitePackage))
	var pkg struct {
		Version string          `json:"version"`
		Bin     json.RawMessage `json:"bin"`
	}
	b, err := os.ReadFile(filepath.Join(suiteDir, "package.json"))
	if err != nil {
		return nil, fmt.Errorf("conformance tools: %s not installed in %s: %s", SuitePackage, dir, InstallHint)
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return nil, fmt.Errorf("conformance tools: %s/package.json: %v", suiteDir, err)
	}
	if want := pins[SuitePackage]; pkg.Version != want {
		return nil, fmt.Errorf("conformance tools: installed %s is %s, pinned %s: %s", SuitePackage, pkg.Version, want, InstallHint)
	}
	entry, err := binEntry(pkg.Bin)
	if err != nil {
		return nil, fmt.Errorf("conformance tools: %s/package.json: %v", suiteDir, err)
	}
	t.Suite = filepath.Join(suiteDir, filepath.FromSlash(entry))
	if _, err := os.Stat(t.Suite); err != nil {
		return nil, fmt.Errorf("conformance tools: suite entry %s missing: %s", t.Suite, InstallHint)
	}
	t.SuiteVersion = pkg.Version
	return t, nil
}

// RequireTools is FindTools for tests: it fails t (never skips) when the
// tools are missing, naming the install command.
func RequireTools(t testing.TB) *Tools {
	t.Helper()
	tools, err := FindTools(RepoRoot())
	if err != nil {
		t.Fatalf("%v", err)
	}
	return tools
}

// readPins reads the exact dependency versions of the pinned package.json.
func readPins(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("conformance tools: reading pinned versions: %v", err)
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return nil, fmt.Errorf("conformance tools: %s: %v", path, err)
	}
	for _, name := range []string{"node", SuitePackage} {
		if pkg.Dependencies[name] == "" {
			return nil, fmt.Errorf("conformance tools: %s does not pin %s", path, name)
		}
	}
	return pkg.Dependencies, nil
}

// binEntry reads a package.json "bin" field: a path, or a map of command
// names to paths.
func binEntry(raw json.RawMessage) (string, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil && s != "" {
		return s, nil
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil || len(m) == 0 {
		return "", errors.New(`no "bin" entry`)
	}
	if s := m["conformance"]; s != "" {
		return s, nil
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return m[names[0]], nil
}

// Result is the outcome of one suite run.
type Result struct {
	SuiteVersion string
	SpecVersion  string
	URL          string
	Order        []string           // scenarios in the order the suite ran them
	Scenarios    map[string]Outcome // scenario name -> outcome
	Output       string             // the suite's combined stdout and stderr, for logs
	Duration     time.Duration
}

// Counts returns how many scenarios passed and failed.
func (r *Result) Counts() (passed, failed int) {
	for _, o := range r.Scenarios {
		if o.Passed {
			passed++
		} else {
			failed++
		}
	}
	return passed, failed
}

// Failing lists the failing scenarios, sorted.
func (r *Result) Failing() []string {
	var out []string
	for name, o := range r.Scenarios {
		if !o.Passed {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Outcome is the result of one scenario. Check IDs are the suite's; a check
// that occurs several times is listed that many times.
type Outcome struct {
	Passed    bool     // no check failed (the suite's own rule)
	Checks    string   // short summary: counts and failed / warned check IDs
	Succeeded []string `json:",omitempty"` // IDs of checks with status SUCCESS, sorted
	Failed    []string `json:",omitempty"` // IDs of checks with status FAILURE, sorted
	Warned    []string `json:",omitempty"` // IDs of checks with status WARNING, sorted
	Skipped   []string `json:",omitempty"` // IDs of checks with status SKIPPED, sorted
	Errors    []string `json:",omitempty"` // "id: message" of failed and warned checks, for logs
}

// check is one entry of a scenario's checks.json.
type check struct {
	ID           string `json:"id"`
	Status       string `json:"status"`
	ErrorMessage string `json:"errorMessage"`
}

func outcomeOf(checks []check) Outcome {
	var o Outcome
	for _, c := range checks {
		switch c.Status {
		case "SUCCESS":
			o.Succeeded = append(o.Succeeded, c.ID)
		case "FAILURE":
			o.Failed = append(o.Failed, c.ID)
			o.Errors = append(o.Errors, c.ID+": "+oneLine(c.ErrorMessage))
		case "WARNING":
			o.Warned = append(o.Warned, c.ID)
			o.Errors = append(o.Errors, c.ID+" (warning): "+oneLine(c.ErrorMessage))
		case "SKIPPED":
			o.Skipped = append(o.Skipped, c.ID)
		}
	}
	for _, s := range [][]string{o.Succeeded, o.Failed, o.Warned, o.Skipped} {
		sort.Strings(s)
	}
	o.Passed = len(o.Failed) == 0
	o.Checks = fmt.Sprintf("%d passed, %d failed", len(o.Succeeded), len(o.Failed))
	if len(o.Failed) > 0 {
		o.Checks += ": " + strings.Join(o.Failed, ", ")
	}
	if len(o.Warned) > 0 {
		o.Checks += fmt.Sprintf("; %d warnings: %s", len(o.Warned), strings.Join(o.Warned, ", "))
	}
	return o
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}

// RunServer runs all the suite's server scenarios for specVersion (its "all"
// suite: active and pending scenarios; extensions are not included) against
// the MCP endpoint url, and reads the per-scenario results. Failing scenarios
// are not an error; a suite that cannot run or does not finish in time is.
func (t *Tools) RunServer(ctx context.Context, url, specVersion string) (*Result, error) {
	r, err := t.Run(ctx, url, "--suite", "all", "--spec-version", specVersion)
	if r != nil {
		r.SpecVersion = specVersion
	}
	return r, err
}

var (
	runningRE = regexp.MustCompile(`(?m)^=== Running scenario: (\S+) ===\s*$`)
	// The suite names each result folder server-<scenario>-<ISO time with : and . as ->.
	resultDirRE = regexp.MustCompile(`^server-(.+)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$`)
)

// Run runs `conformance server --url url args...` with a fresh output folder
// and reads the per-scenario results from it. RunServer is Run with the suite
// and spec version chosen.
func (t *Tools) Run(ctx context.Context, url string, args ...string) (*Result, error) {
	work, err := os.MkdirTemp("", "mcpmesh-conformance-run-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	outDir := filepath.Join(work, "results")

	timeout := t.ScenarioTimeout
	if timeout <= 0 {
		timeout = DefaultScenarioTimeout
	}
	argv := append([]string{t.Suite, "server", "--url", url}, args...)
	argv = append(argv, "--output-dir", outDir, "--timeout", strconv.FormatInt(timeout.Milliseconds(), 10))
	cmd := exec.CommandContext(ctx, t.Node, argv...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "NO_PROXY=127.0.0.1,localhost,::1", "no_proxy=127.0.0.1,localhost,::1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = 5 * time.Second

	start := time.Now()
	runErr := cmd.Run()
	r := &Result{
		SuiteVersion: t.SuiteVersion,
		URL:          url,
		Output:       out.String(),
		Duration:     time.Since(start),
		Scenarios:    map[string]Outcome{},
	}
	command := "node " + strings.Join(argv, " ")
	if ctx.Err() != nil {
		return r, fmt.Errorf("conformance suite did not finish (%v after %s): %s\n%s", ctx.Err(), r.Duration.Round(time.Millisecond), command, tail(r.Output, 40))
	}
	var exitErr *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exitErr) {
		return r, fmt.Errorf("conformance suite: %s: %v", command, runErr)
	}

	for _, m := range runningRE.FindAllStringSubmatch(r.Output, -1) {
		r.Order = append(r.Order, m[1])
	}
	if len(r.Order) == 0 {
		return r, fmt.Errorf("conformance suite ran no scenario (%v): %s\n%s", runErr, command, tail(r.Output, 40))
	}
	dirs := map[string]string{}
	entries, err := os.ReadDir(outDir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return r, err
	}
	for _, e := range entries {
		if m := resultDirRE.FindStringSubmatch(e.Name()); m != nil && e.IsDir() {
			if _, dup := dirs[m[1]]; dup {
				return r, fmt.Errorf("conformance suite: scenario %s has two result folders in %s", m[1], outDir)
			}
			dirs[m[1]] = filepath.Join(outDir, e.Name())
		}
	}
	for _, name := range r.Order {
		if _, dup := r.Scenarios[name]; dup {
			return r, fmt.Errorf("conformance suite ran scenario %s twice", name)
		}
		b, err := os.ReadFile(filepath.Join(dirs[name], "checks.json"))
		if dirs[name] == "" || err != nil {
			// The suite writes checks.json when a scenario ends; none means it crashed.
			r.Scenarios[name] = Outcome{Checks: "no checks.json: the scenario crashed (see the suite output)", Failed: []string{"no-result"}}
			continue
		}
		var checks []check
		if err := json.Unmarshal(b, &checks); err != nil {
			return r, fmt.Errorf("conformance suite: %s/checks.json: %v", dirs[name], err)
		}
		r.Scenarios[name] = outcomeOf(checks)
	}
	if _, failed := r.Counts(); failed == 0 && runErr != nil {
		return r, fmt.Errorf("conformance suite failed (%v) although every scenario passed: %s\n%s", runErr, command, tail(r.Output, 40))
	}
	return r, nil
}

// Diff lists, in human-readable form, how the results of the same suite run
// directly against a server and through the gateway differ: scenarios run on
// one side only, pass/fail, and the sets of succeeded, failed, warned and
// skipped checks. It is empty when the results are equal.
func Diff(direct, viaGateway *Result) []string {
	return diff(direct, viaGateway, "direct", "via gateway", true)
}

// diff compares a and b; all also compares succeeded and skipped checks.
func diff(a, b *Result, la, lb string, all bool) []string {
	var out []string
	if a.SpecVersion != b.SpecVersion {
		out = append(out, fmt.Sprintf("spec version: %s %q, %s %q", la, a.SpecVersion, lb, b.SpecVersion))
	}
	names := map[string]bool{}
	for n := range a.Scenarios {
		names[n] = true
	}
	for n := range b.Scenarios {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		oa, inA := a.Scenarios[n]
		ob, inB := b.Scenarios[n]
		switch {
		case !inB:
			out = append(out, fmt.Sprintf("%s: ran %s only (%s)", n, la, passWord(oa)))
			continue
		case !inA:
			out = append(out, fmt.Sprintf("%s: ran %s only (%s)", n, lb, passWord(ob)))
			continue
		}
		var d []string
		if oa.Passed != ob.Passed {
			d = append(d, fmt.Sprintf("%s %s, %s %s", passWord(oa), la, passWord(ob), lb))
		}
		d = append(d, listDiff("failed checks", oa.Failed, ob.Failed, la, lb)...)
		d = append(d, listDiff("warned checks", oa.Warned, ob.Warned, la, lb)...)
		if all {
			d = append(d, listDiff("succeeded checks", oa.Succeeded, ob.Succeeded, la, lb)...)
			d = append(d, listDiff("skipped checks", oa.Skipped, ob.Skipped, la, lb)...)
		}
		if len(d) > 0 {
			msg := n + ": " + strings.Join(d, "; ")
			if len(ob.Errors) > 0 && !ob.Passed {
				msg += fmt.Sprintf(" [%s errors: %s]", lb, strings.Join(ob.Errors, " | "))
			}
			out = append(out, msg)
		}
	}
	return out
}

func passWord(o Outcome) string {
	if o.Passed {
		return "passes"
	}
	return "fails"
}

// listDiff compares two multisets of check IDs.
func listDiff(what string, a, b []string, la, lb string) []string {
	counts := map[string]int{} // count in a minus count in b
	for _, x := range a {
		counts[x]++
	}
	for _, x := range b {
		counts[x]--
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var onlyA, onlyB []string
	for _, k := range keys {
		for n := counts[k]; n > 0; n-- {
			onlyA = append(onlyA, k)
		}
		for n := counts[k]; n < 0; n++ {
			onlyB = append(onlyB, k)
		}
	}
	var out []string
	if len(onlyA) > 0 {
		out = append(out, fmt.Sprintf("%s only %s: %s", what, la, strings.Join(onlyA, ", ")))
	}
	if len(onlyB) > 0 {
		out = append(out, fmt.Sprintf("%s only %s: %s", what, lb, strings.Join(onlyB, ", ")))
	}
	return out
}

func tail(s string, lines int) string {
	parts := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(parts) > lines {
		parts = append([]string{"..."}, parts[len(parts)-lines:]...)
	}
	return strings.Join(parts, "\n")
}

// Baseline is the expected outcome of one suite run, committed under
// test/conformance/testdata: which scenarios run and which checks fail.
type Baseline struct {
	Suite       string                      `json:"suite"`  // npm package@version
	Server      string                      `json:"server"` // what was tested
	SpecVersion string                      `json:"specVersion"`
	Passed      int                         `json:"passed"` // scenario counts
	Failed      int                         `json:"failed"`
	Scenarios   map[string]BaselineScenario `json:"scenarios"`
}

// BaselineScenario is one scenario of a Baseline.
type BaselineScenario struct {
	Passed       bool     `json:"passed"`
	FailedChecks []string `json:"failedChecks,omitempty"`
	WarnedChecks []string `json:"warnedChecks,omitempty"`
}

// BaselinePath is where the baseline of one leg and spec version lives.
func BaselinePath(repoRoot, mode, specVersion string) string {
	return filepath.Join(repoRoot, "test", "conformance", "testdata", "baseline-"+mode+"-"+specVersion+".json")
}

// NewBaseline records r as a baseline; server describes the server tested.
func NewBaseline(r *Result, server string) *Baseline {
	b := &Baseline{
		Suite:       SuitePackage + "@" + r.SuiteVersion,
		Server:      server,
		SpecVersion: r.SpecVersion,
		Scenarios:   map[string]BaselineScenario{},
	}
	b.Passed, b.Failed = r.Counts()
	for name, o := range r.Scenarios {
		b.Scenarios[name] = BaselineScenario{Passed: o.Passed, FailedChecks: o.Failed, WarnedChecks: o.Warned}
	}
	return b
}

// ReadBaseline reads a baseline file.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &b, nil
}

// Write writes the baseline as indented JSON.
func (b *Baseline) Write(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// Diff lists how r differs from the baseline: the suite version, the set of
// scenarios, and for each scenario whether it passes and which checks fail or
// warn. It is empty when r matches.
func (b *Baseline) Diff(r *Result) []string {
	var out []string
	if want, got := b.Suite, SuitePackage+"@"+r.SuiteVersion; want != got {
		out = append(out, fmt.Sprintf("baseline recorded with %s, this run used %s", want, got))
	}
	exp := &Result{SpecVersion: b.SpecVersion, Scenarios: map[string]Outcome{}}
	for name, s := range b.Scenarios {
		exp.Scenarios[name] = Outcome{Passed: s.Passed, Failed: s.FailedChecks, Warned: s.WarnedChecks}
	}
	return append(out, diff(exp, r, "in baseline", "in this run", false)...)
}

// EverythingServerBinary builds the SDK's conformance everything-server (the
// version the mcpmesh module requires) once and returns the binary's path. The
// binary is cached in the system temp folder, keyed by SDK and Go version.
//
// It is built inside the SDK module (from the module cache, with the SDK's own
// go.mod and go.sum), so the mcpmesh go.mod needs none of its dependencies.
func EverythingServerBinary(ctx context.Context) (string, error) {
	buildOnce.Do(func() { builtBin, buildErr = buildEverythingServer(ctx) })
	return builtBin, buildErr
}

var (
	buildOnce    sync.Once
	builtBin     string
	builtVersion string
	buildErr     error
)

// EverythingServer describes the everything-server that StartEverythingServer
// runs, for logs and baselines, once it has been built.
func EverythingServer(stateless bool) string {
	return fmt.Sprintf("%s@%s conformance/everything-server -stateless=%v", SDKModule, builtVersion, stateless)
}

func buildEverythingServer(ctx context.Context) (string, error) {
	goEnv := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	var mod struct{ Version, Dir string }
	list := exec.CommandContext(ctx, "go", "list", "-m", "-json", SDKModule)
	list.Dir = RepoRoot()
	list.Env = goEnv
	out, err := list.Output()
	if err != nil {
		return "", fmt.Errorf("everything-server: go list -m %s: %v%s", SDKModule, err, stderrOf(err))
	}
	if err := json.Unmarshal(out, &mod); err != nil || mod.Version == "" {
		return "", fmt.Errorf("everything-server: cannot read the %s version from go list: %v", SDKModule, err)
	}
	if mod.Dir == "" {
		// Not in the module cache yet: download it outside the mcpmesh module,
		// so its go.sum is left alone.
		tmp, err := os.MkdirTemp("", "mcpmesh-sdk-download-*")
		if err != nil {
			return "", err
		}
		defer os.RemoveAll(tmp)
		dl := exec.CommandContext(ctx, "go", "mod", "download", "-json", SDKModule+"@"+mod.Version)
		dl.Dir = tmp
		dl.Env = goEnv
		out, err := dl.Output()
		if err != nil {
			return "", fmt.Errorf("everything-server: go mod download %s@%s: %v%s", SDKModule, mod.Version, err, stderrOf(err))
		}
		if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
			return "", fmt.Errorf("everything-server: go mod download gave no folder for %s@%s", SDKModule, mod.Version)
		}
	}

	builtVersion = mod.Version
	cacheDir := filepath.Join(os.TempDir(), "mcpmesh-conformance")
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return "", err
	}
	bin := filepath.Join(cacheDir, "everything-server-"+mod.Version+"-"+runtime.Version())
	if fi, err := os.Stat(bin); err == nil && fi.Mode().IsRegular() && fi.Size() > 0 {
		return bin, nil
	}
	tmpBin := fmt.Sprintf("%s.tmp-%d", bin, os.Getpid())
	build := exec.CommandContext(ctx, "go", "build", "-o", tmpBin, "./conformance/everything-server")
	build.Dir = mod.Dir
	build.Env = goEnv
	if out, err := build.CombinedOutput(); err != nil {
		os.Remove(tmpBin)
		return "", fmt.Errorf("everything-server: go build ./conformance/everything-server in %s: %v\n%s", mod.Dir, err, out)
	}
	if err := os.Rename(tmpBin, bin); err != nil {
		os.Remove(tmpBin)
		return "", err
	}
	return bin, nil
}

func stderrOf(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) && len(ee.Stderr) > 0 {
		return ": " + strings.TrimSpace(string(ee.Stderr))
	}
	return ""
}

// StartEverythingServer builds (once) and starts the SDK's conformance
// everything-server on 127.0.0.1 with a free port, in stateless or stateful
// streamable HTTP mode, waits until it answers, and returns its MCP URL. The
// server is stopped when t's test ends (its output is logged if t failed). It
// fails t on error.
func StartEverythingServer(ctx context.Context, t testing.TB, stateless bool) (url string) {
	t.Helper()
	bin, err := EverythingServerBinary(ctx)
	if err != nil {
		t.Fatalf("%v", err)
	}
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		url, lastErr = startServer(ctx, t, bin, stateless)
		if lastErr == nil {
			return url
		}
	}
	t.Fatalf("everything-server: %v", lastErr)
	return ""
}

func startServer(ctx context.Context, t testing.TB, bin string, stateless bool) (string, error) {
	port, err := envoy.FreePort() // below the ephemeral range: nothing else is handed it meanwhile
	if err != nil {
		return "", err
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	cmd := exec.Command(bin, "-http="+addr, "-stateless="+strconv.FormatBool(stateless))
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		return "", err
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	stop := func() {
		cmd.Process.Kill()
		<-exited
	}

	url := "http://" + addr + "/"
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case <-exited:
			return "", fmt.Errorf("exited before answering on %s: %s", addr, strings.TrimSpace(logs.String()))
		case <-ctx.Done():
			stop()
			return "", ctx.Err()
		default:
		}
		// Any HTTP answer (a bare GET gets 400 or 405) means it is serving.
		resp, err := client.Get(url)
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			stop()
			return "", fmt.Errorf("not answering on %s after 15s: %v; output: %s", addr, err, strings.TrimSpace(logs.String()))
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Cleanup(func() {
		stop()
		if t.Failed() {
			t.Logf("everything-server (%s, stateless=%v) output:\n%s", addr, stateless, tail(logs.String(), 50))
		}
	})
	return url, nil
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
