package arguments

import (
	"context"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

// call1KB is a write_file call of about 1 KB, as an agent sends it.
func call1KB(b *testing.B) *interceptors.Exchange {
	content := strings.Repeat(`Quarterly revenue grew 4.2% on strong subscription renewals.\n`, 14)
	args := `{"path":"/srv/data/reports/2025/q3/summary.md","content":"` + content + `","mode":420,"owner":"reports","group":"finance","lines":[1,40]}`
	x := call(b, "write_file", args)
	if n := len(x.Message.Params); n < 1000 || n > 1100 {
		b.Fatalf("params are %d bytes", n)
	}
	return x
}

func benchCheck(b *testing.B, a Policy) {
	cat, _ := learned(b)
	c, err := New(a, cat)
	if err != nil {
		b.Fatal(err)
	}
	x := call1KB(b)
	ctx := context.Background()
	b.SetBytes(int64(len(x.Message.Params)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		x.Action, x.Findings = interceptors.Allow, x.Findings[:0]
		if err := c.Intercept(ctx, x); err != nil {
			b.Fatal(err)
		}
		if x.Action != interceptors.Allow || len(x.Findings) != 0 {
			b.Fatalf("not allowed: %+v", x.Findings)
		}
	}
}

// BenchmarkCheck1KB: one path rule and schema validation of a 1 KB call.
func BenchmarkCheck1KB(b *testing.B) {
	benchCheck(b, Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionBlock, Rules: []Rule{
		{Tool: "write_file", Argument: "path", Required: true, PathPrefixes: []string{"/srv/data"}},
	}})
}

// BenchmarkCheck1KBRuleOnly: the path rule alone (no decoding of the arguments).
func BenchmarkCheck1KBRuleOnly(b *testing.B) {
	benchCheck(b, Policy{Rules: []Rule{
		{Tool: "write_file", Argument: "path", Required: true, PathPrefixes: []string{"/srv/data"}},
	}})
}

// BenchmarkCheck1KBNothingApplies: rules for other tools, schema off.
func BenchmarkCheck1KBNothingApplies(b *testing.B) {
	benchCheck(b, Policy{Rules: []Rule{
		{Tool: "exec_*", Argument: "argv.0", Allow: []string{`^ls$`}},
	}})
}

// BenchmarkLearn: a tools/list result whose schemas are already compiled.
func BenchmarkLearn(b *testing.B) {
	cat := NewCatalog()
	m := parse(b, toolsList)
	b.ReportAllocs()
	for b.Loop() {
		if err := cat.Learn(jsontext.Value(m.Result)); err == nil {
			b.Fatal("want the two broken tools reported")
		}
	}
}
