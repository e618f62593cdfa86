package e2e

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

type readFileIn struct {
	Path string `json:"path"`
}

// TestArgumentChecks: schema validation against what the server listed, and
// a path rule from the policy, enforced before the server sees the call.
func TestArgumentChecks(t *testing.T) {
	for _, mode := range responseModes {
		t.Run(mode.name, func(t *testing.T) {
			demo := demoserver.New()
			var reads atomic.Int64
			var lastPath atomic.Value
			mcp.AddTool(demo.MCP(), &mcp.Tool{Name: "read_file", Description: "Reads a file."},
				func(_ context.Context, _ *mcp.CallToolRequest, in readFileIn) (*mcp.CallToolResult, any, error) {
					reads.Add(1)
					lastPath.Store(in.Path)
					return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "contents of " + in.Path}}}, nil, nil
				})
			upstream := serveDemo(t, demo, mode.opts)
			m := startMesh(t, upstream, `    tools:
      allow: [echo, read_file]
    arguments:
      schema: enforce
      unknownTool: block
      rules:
        - tool: read_file
          argument: path
          required: true
          pathPrefixes: [/srv/data]
          maxLength: 256
`)
			cs := connect(t, m.URL)

			// Nothing listed yet: the gateway has no schema to check against.
			if _, err := callTool(cs, "echo", map[string]any{"text": "too early"}); err == nil || !strings.Contains(err.Error(), "arguments.unknownTool") {
				t.Fatalf("call before tools/list: %v, want the unknownTool rule", err)
			}
			toolNames(t, cs) // the gateway learns the schemas from this answer

			if _, err := callTool(cs, "echo", map[string]any{"text": "fine"}); err != nil {
				t.Fatalf("valid echo: %v", err)
			}
			_, err := callTool(cs, "echo", map[string]any{"text": 42})
			if err == nil || !strings.Contains(err.Error(), "arguments.schema") || !strings.Contains(err.Error(), "params.arguments/text") && !strings.Contains(err.Error(), "params.arguments.text") {
				t.Fatalf("echo with a number: %v, want a schema violation naming the argument", err)
			}
			if n := demo.Called("echo"); n != 1 {
				t.Fatalf("echo reached the server %d times, want only the valid call", n)
			}

			for _, bad := range []string{"/srv/data/../../etc/passwd", "/srv/data2/x", "etc/passwd", "/srv/data/\u0000x"} {
				_, err := callTool(cs, "read_file", map[string]any{"path": bad})
				if err == nil || !strings.Contains(err.Error(), "arguments.rules[0]") {
					t.Errorf("read_file %q: %v, want a refusal naming the rule", bad, err)
				}
			}
			if _, err := callTool(cs, "read_file", map[string]any{}); err == nil {
				t.Error("read_file without the required path was allowed")
			}
			if reads.Load() != 0 {
				t.Fatalf("the server read %d file(s) (last %v) despite the path rule", reads.Load(), lastPath.Load())
			}
			res, err := callTool(cs, "read_file", map[string]any{"path": "/srv/data/report.txt"})
			if err != nil || textOf(res) != "contents of /srv/data/report.txt" {
				t.Fatalf("allowed path: %v %v", res, err)
			}

			var sawFinding bool
			for _, r := range m.auditRecords(t) {
				for _, f := range r.Findings {
					if f.Interceptor == "arguments" && f.Rule == "arguments.rules[0].pathPrefixes" && r.Decision == "deny" {
						sawFinding = true
					}
				}
			}
			if !sawFinding {
				t.Errorf("no audit record with the pathPrefixes finding:\n%s", m.audit.String())
			}
		})
	}
}
