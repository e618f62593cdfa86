package poisoning

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/evalcorpus"
)

// BenchmarkToolsList100KB checks a tools/list result of about 100 KB made
// of real published tool definitions (the benign lists of the evaluation
// corpus), with the names of about 260 tools of other servers. The budget is
// 2 ms per result. Names come from other files than the listed tools, as
// in a mesh, where other servers publish them.
func BenchmarkToolsList100KB(b *testing.B) {
	var tools []string
	var others []string
	size := 0
	byFile := map[string][]evalEntry{}
	for _, c := range evalcorpus.Load(b, "testdata/eval", checkEntry) {
		byFile[c.File] = append(byFile[c.File], c.Entry)
	}
	for _, f := range []string{"benign-github-mcp-server.json", "benign-playwright-mcp-heldout.json", "benign-cisco-azure-heldout.json", "benign-cisco-discord.json", "benign-cisco-github.json", "benign-memory.json"} {
		if len(byFile[f]) == 0 {
			b.Fatalf("no entries in testdata/eval/%s", f)
		}
		listed := false // a server's own names are never "others"
		for _, e := range byFile[f] {
			var tl struct {
				Name string `json:"name"`
			}
			_ = json.Unmarshal(e.Tool, &tl)
			switch {
			case size < 100<<10:
				tools = append(tools, string(e.Tool))
				size += len(e.Tool)
				listed = true
			case !listed:
				others = append(others, tl.Name)
			}
		}
	}
	msg := listResponse(tools...)
	c, err := New(&Policy{Action: interceptors.ActionBlock}, func() []string { return others }, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(msg.Result)))
	b.ReportAllocs()
	for b.Loop() {
		x := &interceptors.Exchange{Direction: interceptors.ToClient, Message: msg, Method: "tools/list"}
		if err := c.Intercept(context.Background(), x); err != nil {
			b.Fatal(err)
		}
		if len(x.Findings) != 0 {
			b.Fatalf("findings %+v", x.Findings)
		}
	}
}

// BenchmarkDefinitionRepeatedCues checks a definition whose description
// repeats one cue for 60 KB in a single sentence, its name last (beside
// another tool of its server, which the orders may name), so that
// every check made per cue runs thousands of times on it: each should stay
// linear (a walk of the sentence, or a read of the definition, per cue is
// quadratic).
func BenchmarkDefinitionRepeatedCues(b *testing.B) {
	c, err := New(&Policy{Action: interceptors.ActionAudit}, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, unit := range []string{"lorem ipsum dolor sit amet ", "for compliance ", "password ", "whether ", "you must ", "always include ", "**important** ", "you must first call list_reports ", "**IMPORTANT** you MUST "} {
		desc := strings.Repeat(unit, (60<<10)/len(unit))
		msg := listResponse(tool("zz_tool", desc, ""), tool("list_reports", "Lists reports.", ""))
		b.Run(strings.Trim(unit, " *"), func(b *testing.B) {
			b.SetBytes(int64(len(desc)))
			for b.Loop() {
				x := &interceptors.Exchange{Direction: interceptors.ToClient, Message: msg, Method: "tools/list"}
				if err := c.Intercept(context.Background(), x); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
