package architecture

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAddInterceptorWalkthrough follows docs/architecture.md, "To add an
// interceptor, touch", for a new no-op interceptor in a copy of the module:
// it writes the interceptor's folder, adds it to the chain, and checks that a
// policy naming it loads, travels to ext_proc's side and runs — with no other
// file changed. When the walk-through needs more, this test fails and the
// table (and this test) must say what.
func TestAddInterceptorWalkthrough(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a copy of the module; run without -short")
	}
	root := copyModule(t)

	write(t, root, "interceptors/noop/policy.go", `package noop

import "github.com/mcpmesh/mcpmesh/interceptors"

// Policy is the "noop" section of a server.
type Policy struct {
	Mode interceptors.Mode `+"`json:\"mode\"`"+`
	Tag  string            `+"`json:\"tag\"`"+`
}
`)
	write(t, root, "interceptors/noop/section.go", `package noop

import "github.com/mcpmesh/mcpmesh/interceptors/section"

// Decode reads the "noop" section.
func Decode(l *section.Reader, e *section.Entry) *Policy {
	if section.Absent(e) {
		return nil
	}
	fs := l.Fields(e, "a mapping with mode and tag", "mode", "tag")
	if fs == nil {
		return nil
	}
	p := &Policy{Mode: l.Mode(fs["mode"], "remove the key")}
	if f := fs["tag"]; f != nil {
		p.Tag, _ = l.Str(f, "a string")
	}
	return p
}
`)
	write(t, root, "interceptors/noop/noop.go", `package noop

import (
	"context"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

// Noop records a finding on every message and changes nothing.
type Noop struct{ tag string }

func New(p *Policy) (*Noop, error) { return &Noop{tag: p.Tag}, nil }

func (n *Noop) Name() string { return "noop" }

func (n *Noop) Intercept(_ context.Context, x *interceptors.Exchange) error {
	x.Findings = append(x.Findings, interceptors.Finding{Interceptor: "noop", Rule: "noop." + n.tag, Action: "audit", Mode: "audit"})
	return nil
}
`)
	write(t, root, "interceptors/noop/README.md", "# noop\n\nRecords a finding on every message.\n")

	edit(t, root, "interceptors/chain/chain.go",
		"type Policy struct {\n", "type Policy struct {\n\tNoop *noop.Policy `json:\"noop,omitempty\"`\n",
		"\treturn chain, nil\n", "\tif s.Noop != nil {\n\t\tn, _ := noop.New(s.Noop)\n\t\tchain = append(chain, n)\n\t}\n\treturn chain, nil\n",
		"import (\n", "import (\n\t\"github.com/mcpmesh/mcpmesh/interceptors/noop\"\n")
	edit(t, root, "interceptors/chain/section.go",
		"var Sections = []string{", "var Sections = []string{\"noop\", ",
		"\treturn Policy{\n", "\treturn Policy{\n\t\tNoop: noop.Decode(l, fields[\"noop\"]),\n",
		"import (\n", "import (\n\t\"github.com/mcpmesh/mcpmesh/interceptors/noop\"\n")

	// What a user and ext_proc see: the file loads, the section reaches the
	// IR, survives the trip to ext_proc and runs in the chain.
	write(t, root, "test/walkthrough/walkthrough_test.go", `package walkthrough

import (
	"context"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/policy"
)

const file = `+"`"+`version: 1
servers:
  - name: demo
    upstream: 127.0.0.1:9000
    unverifiedLocal: true
    tools: {allow: ["*"]}
    noop: {mode: audit, tag: hello}
`+"`"+`

func TestNoop(t *testing.T) {
	res, err := policy.Parse("p.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	tc, err := contract.EncodePolicy(res.Policy)
	if err != nil {
		t.Fatal(err)
	}
	p, err := contract.DecodePolicy(tc)
	if err != nil {
		t.Fatal(err)
	}
	s := &p.Servers[0]
	if s.Noop == nil || s.Noop.Tag != "hello" {
		t.Fatalf("noop section lost on the way: %+v", s.Noop)
	}
	c, err := chain.Build(s.Name, &s.Policy, chain.NewState())
	if err != nil {
		t.Fatal(err)
	}
	m, err := jsonrpc.Parse([]byte(`+"`"+`{"jsonrpc":"2.0","id":1,"method":"ping"}`+"`"+`), jsonrpc.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	x := &interceptors.Exchange{Server: "demo", Message: m.Messages[0], Method: "ping"}
	if err := c.Run(context.Background(), x); err != nil || len(x.Findings) != 1 || x.Findings[0].Rule != "noop.hello" {
		t.Fatalf("noop did not run: %v %+v", err, x.Findings)
	}
	if _, err := policy.Parse("p.yaml", []byte(strings.Replace(file, "tag: hello", "tga: hello", 1))); err == nil || !strings.Contains(err.Error(), "noop.tga") {
		t.Fatalf("a misspelt field of the new section must be reported with its path, got %v", err)
	}
}
`)
	cmd := exec.Command("go", "test", "-count=1", "./test/walkthrough/", "./test/architecture/", "-run", "TestNoop|TestImports|TestNoOne|TestExtProc")
	cmd.Dir = root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("the walk-through of docs/architecture.md does not hold:\n%s", out.String())
	}
}

// copyModule copies the module's tracked source files to a temporary folder.
func copyModule(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("git", "ls-files", "-z")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	dst := t.TempDir()
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if !moduleFile(name) {
			continue
		}
		data, err := os.ReadFile(filepath.Join("../..", name))
		if err != nil {
			continue // deleted in the work tree
		}
		write(t, dst, name, string(data))
	}
	return dst
}

// moduleFile reports whether a tracked file is needed to build and test
// the module: Go sources, go.mod and go.sum, test data, and the files
// packages embed (model weights, templates, the Envoy version).
func moduleFile(name string) bool {
	for _, suffix := range []string{".go", ".yaml", ".json", ".bin", ".tmpl"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	base := filepath.Base(name)
	return strings.HasPrefix(base, "go.") || base == "VERSION"
}

func write(t *testing.T, root, name, content string) {
	t.Helper()
	p := filepath.Join(root, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// edit replaces, in one file, each old text (which must be there once) by its new text.
func edit(t *testing.T, root, name string, pairs ...string) {
	t.Helper()
	p := filepath.Join(root, name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for i := 0; i < len(pairs); i += 2 {
		if strings.Count(s, pairs[i]) != 1 {
			t.Fatalf("%s: the walk-through expects %q exactly once; update docs/architecture.md and this test", name, pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	write(t, root, name, s)
}
