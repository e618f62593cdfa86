package policy

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every YAML example in the documentation loads. A full policy (one with
// "version:") is parsed as it is; a snippet of top-level sections gets
// "version: 1" and a server; a snippet of a server's sections is placed in
// a server. Only a file the example names and that is not here (a key, a
// lock file, a certificate) may be missing: everything else must be right.
func TestDocsExamplesLoad(t *testing.T) {
	files, _ := filepath.Glob("../../docs/*.md")
	files = append(files, "../../README.md")
	block := regexp.MustCompile("(?s)```yaml\n(.*?)```")
	topLevel := regexp.MustCompile(`^(version|limits|supplyChain|defaults|ingress|servers):`)
	const server = "  - name: example\n    upstream: 127.0.0.1:9000\n    unverifiedLocal: true\n    tools: {allow: [\"*\"]}\n"
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range block.FindAllSubmatchIndex(data, -1) {
			n++
			y := string(data[m[2]:m[3]])
			line := 1 + strings.Count(string(data[:m[2]]), "\n")
			first := ""
			for _, l := range strings.Split(y, "\n") {
				if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
					first = l
					break
				}
			}
			switch {
			case regexp.MustCompile(`(?m)^version:`).MatchString(y):
			case strings.HasPrefix(strings.TrimSpace(first), "- name:"):
				y = "version: 1\nservers:\n" + y
			case topLevel.MatchString(first):
				y = "version: 1\n" + y
				if !regexp.MustCompile(`(?m)^servers:`).MatchString(y) {
					y += "servers:\n" + server
				}
			default:
				y = "version: 1\nservers:\n" + server + indent(y, "    ")
			}
			_, err := Parse(filepath.Join(filepath.Dir(f), "example.yaml"), []byte(y))
			if err == nil {
				continue
			}
			missing := strings.Contains(err.Error(), "cannot read ")
			for _, e := range err.(Errors) {
				// A missing key file leaves an image without verification:
				// a consequence, not a fault of the example.
				if !strings.Contains(e.Msg, "cannot read ") && !(missing && strings.Contains(e.Msg, "no signature verification is configured")) {
					t.Errorf("%s:%d: the example does not load: %s\n%s", f, line, e, y)
				}
			}
		}
	}
	if n < 5 {
		t.Fatalf("found only %d YAML examples in the docs", n)
	}
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
