package jsonrpc

import (
	"fmt"
	"strings"
	"testing"
)

// toolsCall1KB is a realistic tools/call request of about 1 KB.
var toolsCall1KB = []byte(`{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"github_create_issue","arguments":{"owner":"mcpmesh","repo":"mcpmesh","title":"Gateway refuses batches with duplicate request ids","body":"Steps to reproduce:\n1. Send a batch with two requests that share an id.\n2. Observe the 400 response.\n\nExpected: the gateway refuses the batch because responses could not be matched to requests.\nActual: works as intended; this issue documents the behaviour for the changelog.\n\nEnvironment: envoy 1.36, mcpmesh main, MCP Go SDK 1.8 server behind it, TypeScript SDK client in front.","labels":["documentation","gateway","security"],"assignees":["octocat"],"milestone":3,"draft":false,"metadata":{"priority":"p2","estimate":1.5,"components":["extproc","jsonrpc"],"links":[{"rel":"spec","href":"https://modelcontextprotocol.io/specification/2025-06-18/basic"},{"rel":"rfc","href":"https://www.rfc-editor.org/rfc/rfc8259"}]}},"_meta":{"progressToken":"c0ffee-42"}}}`)

func BenchmarkParseToolsCall1KB(b *testing.B) {
	b.Run("Parse", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(toolsCall1KB)))
		for b.Loop() {
			if _, err := Parse(toolsCall1KB, Limits{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What the gateway does with each request: parse, read the tool call,
	// and key the id.
	b.Run("ParseToolCallIDKey", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(toolsCall1KB)))
		for b.Loop() {
			batch, err := Parse(toolsCall1KB, Limits{})
			if err != nil {
				b.Fatal(err)
			}
			m := batch.Messages[0]
			if _, err := m.ToolCall(); err != nil {
				b.Fatal(err)
			}
			_ = m.IDKey()
		}
	})
	b.Run("Marshal", func(b *testing.B) {
		batch, err := Parse(toolsCall1KB, Limits{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.SetBytes(int64(len(toolsCall1KB)))
		for b.Loop() {
			_ = EncodeBatch(batch)
		}
	})
}

// toolsList50 is a tools/list result with 50 tools.
func toolsList50() []byte {
	var tools []string
	for i := range 50 {
		tools = append(tools, fmt.Sprintf(`{"name":"tool_%02d","title":"Tool %d","description":"Does thing %d to the repository; use it when the user asks for thing %d.","inputSchema":{"type":"object","properties":{"path":{"type":"string","description":"file path"},"recursive":{"type":"boolean"},"limit":{"type":"integer","minimum":1,"maximum":100}},"required":["path"]},"annotations":{"readOnlyHint":%v}}`, i, i, i, i, i%2 == 0))
	}
	return []byte(`{"tools":[` + strings.Join(tools, ",") + `],"nextCursor":"page-2","_meta":{"x":1}}`)
}

func BenchmarkFilterTools(b *testing.B) {
	result := toolsList50()
	b.Run("RemoveTenth", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(result)))
		for b.Loop() {
			_, removed, _, err := filterTools(result, func(n string) bool { return !strings.HasSuffix(n, "0") })
			if err != nil || len(removed) != 5 {
				b.Fatal(err, removed)
			}
		}
	})
	b.Run("KeepAll", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(result)))
		for b.Loop() {
			if _, _, changed, err := filterTools(result, func(string) bool { return true }); err != nil || changed {
				b.Fatal(err)
			}
		}
	})
}
