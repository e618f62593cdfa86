// Package architecture keeps the shape of the code: imports point one way,
// cmd → (control plane | ext_proc) → interceptors → the MCP message model,
// and what the control plane and ext_proc share is only the contract.
package architecture

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/mcpmesh/mcpmesh/"

type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// loadPackages lists every package of the module with its direct imports
// (non-test files) and its whole dependency closure.
func loadPackages(t *testing.T) map[string]*pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps=false", "-json=ImportPath,Imports,Deps", "./...")
	cmd.Dir = "../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs := map[string]*pkg{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs[strings.TrimPrefix(p.ImportPath, module)] = &p
	}
	if len(pkgs) < 20 {
		t.Fatalf("go list found only %d packages; is the test running in the module?", len(pkgs))
	}
	return pkgs
}

func under(path string, roots ...string) bool {
	for _, r := range roots {
		if path == r || strings.HasPrefix(path, r+"/") {
			return true
		}
	}
	return false
}

// rule says which of the module's packages the packages under from may import.
type rule struct {
	from    []string // package trees the rule applies to
	except  []string // package trees under from it does not apply to
	allowed []string // module package trees they may import
	why     string
}

var rules = []rule{
	{
		from:    []string{"interceptors/mcp"},
		allowed: []string{"interceptors/mcp"},
		why:     "the MCP message model imports no interceptor, no ext_proc host code and nothing of the control plane",
	},
	{
		from:    []string{"interceptors"},
		except:  []string{"interceptors/mcp"},
		allowed: []string{"interceptors"},
		why:     "an interceptor imports only other interceptors and the message model: never ext_proc, the control plane, the translator or Envoy configuration",
	},
	{
		from:    []string{"extproc"},
		allowed: []string{"extproc", "interceptors", "xds/contract", "xds/ir"},
		why:     "ext_proc shares only the contract and the policy IR with the control plane",
	},
	{
		from:    []string{"xds/contract"},
		allowed: []string{"xds/ir", "interceptors"},
		why:     "the contract is names, codes and the policy's encoding; it builds no Envoy configuration",
	},
	{
		from:    []string{"xds/ir"},
		allowed: []string{"xds/ir", "interceptors"},
		why:     "the IR is plain data: the server's own settings and the interceptors' sections",
	},
	{
		from:    []string{"xds"},
		allowed: []string{"xds", "interceptors"},
		why:     "the control plane never imports ext_proc, cmd or test code",
	},
	{
		from:    []string{"envoy"},
		allowed: []string{"envoy"},
		why:     "envoy holds the pinned version and bootstraps only",
	},
}

func TestImportsPointOneWay(t *testing.T) {
	pkgs := loadPackages(t)
	for path, p := range pkgs {
		for _, r := range rules {
			if !under(path, r.from...) || under(path, r.except...) {
				continue
			}
			for _, imp := range p.Imports {
				if !strings.HasPrefix(imp, module) {
					continue
				}
				dep := strings.TrimPrefix(imp, module)
				if !under(dep, r.allowed...) {
					t.Errorf("%s imports %s: %s", path, dep, r.why)
				}
			}
		}
	}
}

// TestNoOneImportsCmdOrTests: cmd is the top (tests may use its wiring);
// test code is never linked into what ships, except the demo server the dev
// command serves.
func TestNoOneImportsCmdOrTests(t *testing.T) {
	for path, p := range loadPackages(t) {
		for _, imp := range p.Imports {
			dep := strings.TrimPrefix(imp, module)
			if dep == imp {
				continue
			}
			// Tests may use cmd's wiring (localmesh) to start what they test.
			if under(dep, "cmd") && !under(path, "cmd", "test") {
				t.Errorf("%s imports %s: nothing below cmd imports cmd", path, dep)
			}
			if under(dep, "test") && !under(path, "test") && !(path == "cmd/mcpmesh" && dep == "test/demoserver") {
				t.Errorf("%s imports test code %s", path, dep)
			}
		}
	}
}

// TestExtProcLinksNoEnvoyConfigBuilders: ext_proc speaks the ext_proc and
// discovery protocols, which need Envoy's core types, but it must not link
// the translator, the snapshot cache or listener/route/cluster types.
func TestExtProcLinksNoEnvoyConfigBuilders(t *testing.T) {
	pkgs := loadPackages(t)
	for _, path := range []string{"extproc", "interceptors/chain"} {
		p := pkgs[path]
		if p == nil {
			t.Fatalf("package %s not found", path)
		}
		for _, dep := range p.Deps {
			for _, banned := range []string{
				module + "xds/translator", module + "xds/controlplane", module + "xds/policy",
				"github.com/envoyproxy/go-control-plane/pkg/cache",
				"github.com/envoyproxy/go-control-plane/pkg/server",
				"github.com/envoyproxy/go-control-plane/pkg/resource",
				"github.com/envoyproxy/go-control-plane/envoy/config/listener",
				"github.com/envoyproxy/go-control-plane/envoy/config/cluster",
				"github.com/envoyproxy/go-control-plane/envoy/config/route",
			} {
				if under(dep, banned) {
					t.Errorf("%s links %s", path, dep)
				}
			}
		}
	}
	// Interceptors link no Envoy or xDS code at all.
	for path, p := range pkgs {
		if !under(path, "interceptors") {
			continue
		}
		if i := slices.IndexFunc(p.Deps, func(d string) bool { return strings.HasPrefix(d, "github.com/envoyproxy/") }); i >= 0 {
			t.Errorf("%s links %s", path, p.Deps[i])
		}
	}
}
