package arguments

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

func TestLearnToolsList(t *testing.T) {
	cat, findings := learned(t)
	for _, tool := range []string{"read_file", "write_file", "search", "echo"} {
		if s, ok := cat.Lookup(tool); !ok || s == nil {
			t.Errorf("Lookup(%q) = %v, %v; want a schema", tool, s, ok)
		}
	}
	for _, tool := range []string{"rename_user", "sneaky", "never_listed"} {
		if _, ok := cat.Lookup(tool); ok {
			t.Errorf("Lookup(%q) is known; want unknown", tool)
		}
	}
	want := []finding{
		{RuleCatalog, "result.tools.3.inputSchema", "audit", "audit"},
		{RuleCatalog, "result.tools.4.inputSchema", "audit", "audit"},
	}
	if len(findings) != len(want) {
		t.Fatalf("findings %+v", findings)
	}
	for i, f := range findings {
		if g := (finding{f.Rule, f.Where, f.Action, f.Mode}); g != want[i] {
			t.Errorf("finding %d = %+v, want %+v", i, g, want[i])
		}
	}
	if !strings.Contains(findings[0].Detail, `"rename_user"`) || !strings.Contains(findings[0].Detail, "does not compile") {
		t.Errorf("detail %q", findings[0].Detail)
	}
	t.Logf("details: %q, %q", findings[0].Detail, findings[1].Detail)
	if !strings.Contains(findings[1].Detail, "external references are not followed") {
		t.Errorf("a file reference must not be read: %q", findings[1].Detail)
	}
}

func TestLearnErrors(t *testing.T) {
	cat := NewCatalog()
	err := cat.Learn(jsontext.Value(`{"tools":[{"name":"a","inputSchema":{"type":"object"}},{"name":"b"},{"name":"a","inputSchema":{}}]}`))
	var le LearnError
	if !errors.As(err, &le) || len(le) != 2 {
		t.Fatalf("err = %v", err)
	}
	if le[0].Tool != "a" || le[0].Reason != "listed more than once in one result" || le[1].Tool != "b" || le[1].Reason != "no inputSchema" {
		t.Errorf("problems %+v", le)
	}
	if _, ok := cat.Lookup("a"); ok {
		t.Error("a tool listed twice must not be trusted")
	}
	for _, bad := range []string{`[]`, `{"tool":[]}`, `{"tools":{}}`, `{"Tools":[],"tools":[]}`} {
		if err := cat.Learn(jsontext.Value(bad)); !errors.Is(err, ErrNotToolsList) {
			t.Errorf("Learn(%s) = %v", bad, err)
		}
	}
	// Case variants: the tool's name is unclear, or its schema is.
	err = cat.Learn(jsontext.Value(`{"tools":[{"name":"x","Name":"y","inputSchema":{}},{"name":"z","inputSchema":{},"InputSchema":{"type":"string"}}]}`))
	if !errors.As(err, &le) || len(le) != 1 || le[0].Tool != "z" {
		t.Fatalf("err = %v", err)
	}
	if _, ok := cat.Lookup("x"); ok {
		t.Error("x learned despite an ambiguous name")
	}
}

func TestCatalogBounds(t *testing.T) {
	cat := NewCatalog()
	list := func(prefix string, n int, schema string) jsontext.Value {
		var b strings.Builder
		b.WriteString(`{"tools":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"name":"%s%d","inputSchema":%s}`, prefix, i, schema)
		}
		b.WriteString(`]}`)
		return jsontext.Value(b.String())
	}
	// One result with too many tools: the excess is reported.
	var le LearnError
	if err := cat.Learn(list("t", MaxTools+3, `{"type":"object"}`)); !errors.As(err, &le) || len(le) != 3 {
		t.Fatalf("err = %v", err)
	}
	if cat.Len() != MaxTools {
		t.Fatalf("Len = %d", cat.Len())
	}
	if len(cat.cache) != 1 {
		t.Errorf("%d compiled schemas; identical schemas must be compiled once", len(cat.cache))
	}
	// A later page: the tools listed longest ago make room.
	if err := cat.Learn(list("u", 10, `{"type":"object","required":["x"]}`)); err != nil {
		t.Fatal(err)
	}
	if cat.Len() != MaxTools {
		t.Fatalf("Len = %d", cat.Len())
	}
	if _, ok := cat.Lookup("u9"); !ok {
		t.Error("new tool not learned")
	}
	if _, ok := cat.Lookup("t0"); ok {
		t.Error("oldest tool not evicted")
	}
	if _, ok := cat.Lookup("t1013"); !ok {
		t.Error("t1013 evicted too early")
	}
	// Schemas nobody uses any more are dropped from the cache.
	if err := cat.Learn(list("t", MaxTools, `{"type":"string"}`)); err != nil {
		t.Fatal(err)
	}
	if len(cat.cache) != 1 {
		t.Errorf("%d compiled schemas kept", len(cat.cache))
	}
	// Too large: recorded, not compiled, and the tool is unusable.
	big := `{"type":"object","description":"` + strings.Repeat("x", MaxSchemaBytes) + `"}`
	err := cat.Learn(list("huge", 1, big))
	if !errors.As(err, &le) || len(le) != 1 || !strings.Contains(le[0].Reason, "too large") {
		t.Fatalf("err = %v", err)
	}
	if _, ok := cat.Lookup("huge0"); ok {
		t.Error("too large schema usable")
	}
	x := check(t, Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionBlock}, cat, "huge0", `{}`)
	if x.Action != interceptors.Deny || x.Rule != RuleUnknownTool || !strings.Contains(x.Reason, "too large") {
		t.Errorf("too large: %v %q %q", x.Action, x.Rule, x.Reason)
	}
}

func TestCatalogConcurrent(t *testing.T) {
	cat := NewCatalog()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 50 {
				r := fmt.Sprintf(`{"tools":[{"name":"t%d","inputSchema":{"type":"object","maxProperties":%d}}]}`, i%7, g)
				if err := cat.Learn(jsontext.Value(r)); err != nil {
					t.Error(err)
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for i := range 500 {
				if s, ok := cat.Lookup(fmt.Sprintf("t%d", i%7)); ok && s == nil {
					t.Error("known tool without schema")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestConcurrentChecks(t *testing.T) {
	cat, _ := learned(t)
	c, err := New(Policy{Schema: interceptors.Enforce, Rules: []Rule{
		{Tool: "*", Argument: "path", PathPrefixes: []string{"/srv"}, Enum: [][]byte{[]byte(`"/srv/a"`), []byte(`"/etc/b"`)}},
	}}, cat)
	if err != nil {
		t.Fatal(err)
	}
	good, bad := call(t, "read_file", `{"path":"/srv/a"}`), call(t, "read_file", `{"path":"/etc/b"}`)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				x, deny := *good, false
				if (i+g)%3 == 0 {
					x, deny = *bad, true
				}
				if err := c.Intercept(context.Background(), &x); err != nil {
					t.Error(err)
					return
				}
				if (x.Action == interceptors.Deny) != deny {
					t.Errorf("%s: %v %q", x.Message.Params, x.Action, x.Reason)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestSchema(t *testing.T) {
	cat, _ := learned(t)
	enforce := Policy{Schema: interceptors.Enforce}
	audit := Policy{Schema: interceptors.AuditOnly}
	schemaBlock := func(where string) finding { return finding{RuleSchema, where, "block", "enforce"} }
	cases := []struct {
		name string
		a    Policy
		tool string
		args string
		want want
	}{
		{"valid", enforce, "read_file", `{"path":"/srv/data/a.txt","encoding":"base64"}`, want{}},
		{"missing required", enforce, "read_file", `{"encoding":"utf-8"}`, want{true, []finding{schemaBlock("params.arguments")}}},
		{"absent arguments are {}", enforce, "read_file", ``, want{true, []finding{schemaBlock("params.arguments")}}},
		{"additional property", enforce, "read_file", `{"path":"/a","recursive":true}`, want{true, []finding{schemaBlock("params.arguments")}}},
		{"enum", enforce, "read_file", `{"path":"/a","encoding":"latin1"}`, want{true, []finding{schemaBlock("params.arguments/encoding")}}},
		{"nested", enforce, "read_file", `{"path":"/a","range":{"start":-1,"end":2.5}}`, want{true, []finding{schemaBlock("params.arguments/range/end"), schemaBlock("params.arguments/range/start")}}},
		{"integer spelled 3.0 is an integer", enforce, "read_file", `{"path":"/a","range":{"start":3.0}}`, want{}},
		{"2020-12 prefixItems", enforce, "write_file", `{"path":"/a","content":"x","lines":[1,2,3]}`, want{true, []finding{schemaBlock("params.arguments/lines/2")}}},
		{"2020-12 dependentRequired", enforce, "write_file", `{"path":"/a","content":"x","owner":"root"}`, want{true, []finding{schemaBlock("params.arguments")}}},
		{"2020-12 valid", enforce, "write_file", `{"path":"/a","content":"x","owner":"root","group":"wheel","mode":420,"lines":[1,2]}`, want{}},
		{"big mode", enforce, "write_file", `{"path":"/a","content":"x","mode":4294967297}`, want{true, []finding{schemaBlock("params.arguments/mode")}}},
		{"draft-07 tuple items", enforce, "search", `{"query":"q","coords":[1,2,3]}`, want{true, []finding{schemaBlock("params.arguments/coords")}}},
		{"draft-07 tuple items valid", enforce, "search", `{"query":"q","coords":[1.5,-2]}`, want{}},
		{"draft-07 asserts format", enforce, "search", `{"query":"q","notify":"not an address"}`, want{true, []finding{schemaBlock("params.arguments/notify")}}},
		{"draft-07 exclusiveMinimum", enforce, "search", `{"query":"q","limit":0}`, want{true, []finding{schemaBlock("params.arguments/limit")}}},
		{"escaped names are the names", enforce, "search", `{"\u0071uery":"q"}`, want{}},
		{"nested additional property", enforce, "search", `{"query":"q","filters":{"paths":["/a"],"depth":3}}`, want{true, []finding{schemaBlock("params.arguments/filters")}}},
		{"audit records only", audit, "read_file", `{"path":7}`, want{false, []finding{{RuleSchema, "params.arguments/path", "block", "audit"}}}},
		{"unknown tool, default audit", enforce, "delete_all", `{}`, want{false, []finding{{RuleUnknownTool, "params.name", "audit", "enforce"}}}},
		{"unknown tool blocked", Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionBlock}, "delete_all", `{}`, want{true, []finding{{RuleUnknownTool, "params.name", "block", "enforce"}}}},
		{"unknown tool blocked in schema audit mode", Policy{Schema: interceptors.AuditOnly, UnknownTool: interceptors.ActionBlock}, "delete_all", `{}`, want{true, []finding{{RuleUnknownTool, "params.name", "block", "enforce"}}}},
		{"schema that does not compile is an unknown tool", Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionBlock}, "rename_user", `{"login":"admin"}`, want{true, []finding{{RuleUnknownTool, "params.name", "block", "enforce"}}}},
		{"unknownTool does nothing with the schema check off", Policy{UnknownTool: interceptors.ActionBlock}, "delete_all", `{}`, want{}},
		{"schema off", Policy{}, "read_file", `{"anything":1}`, want{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := check(t, c.a, cat, c.tool, c.args)
			c.want.verify(t, x)
		})
	}
}

func TestSchemaDetailsDoNotEchoValues(t *testing.T) {
	cat := NewCatalog()
	err := cat.Learn(jsontext.Value(`{"tools":[{"name":"login","inputSchema":{"type":"object","properties":{
		"token":{"type":"string","pattern":"^tok_[a-z]{4}$"},
		"pin":{"type":"integer","maximum":9999},
		"mail":{"type":"string","format":"email"}}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	x := check(t, Policy{Schema: interceptors.Enforce}, cat, "login", `{"token":"ghp_SECRETSECRETSECRET","pin":123456789,"mail":"SECRET-MAIL"}`)
	if len(x.Findings) != 2 { // format is an annotation in 2020-12
		t.Fatalf("findings %+v", x.Findings)
	}
	for _, f := range x.Findings {
		if strings.Contains(f.Detail, "SECRET") || strings.Contains(f.Detail, "123456789") {
			t.Errorf("detail repeats the value: %q", f.Detail)
		}
	}
	if x.Findings[0].Detail != "must be <= 9999" || x.Findings[1].Detail != "does not match pattern '^tok_[a-z]{4}$'" {
		t.Errorf("details %q, %q", x.Findings[0].Detail, x.Findings[1].Detail)
	}
}

func pathRule(mode interceptors.Mode) Policy {
	return Policy{Rules: []Rule{{Tool: "*_file", Argument: "path", Mode: mode, Required: true, PathPrefixes: []string{"/srv/data", "/tmp/"}}}}
}

func TestPathPrefixes(t *testing.T) {
	bad := func(where string) want {
		return want{true, []finding{{"arguments.rules[0].pathPrefixes", where, "block", "enforce"}}}
	}
	cases := []struct {
		name, args string
		want       want
	}{
		{"inside", `{"path":"/srv/data/reports/q3.csv"}`, want{}},
		{"the prefix itself", `{"path":"/srv/data"}`, want{}},
		{"trailing slash", `{"path":"/srv/data/"}`, want{}},
		{"dot segment", `{"path":"/srv/data/./x"}`, want{}},
		{"double slash", `//srv/data/x`, want{}},
		{"dot dot staying inside", `{"path":"/srv/data/a/../b"}`, want{}},
		{"prefix written with a slash", `{"path":"/tmp/upload.bin"}`, want{}},
		{"traversal", `{"path":"/srv/data/../../etc/passwd"}`, bad("params.arguments.path")},
		{"sibling with the prefix as its start", `{"path":"/srv/data2/x"}`, bad("params.arguments.path")},
		{"escaped dots", `{"path":"/srv/data/\u002e\u002e/\u002e\u002e/etc/shadow"}`, bad("params.arguments.path")},
		{"escaped slash", `{"path":"\/srv\/data\/..\/..\/root"}`, bad("params.arguments.path")},
		{"NUL byte", `{"path":"/srv/data/x\u0000/../../../etc/passwd"}`, bad("params.arguments.path")},
		{"relative", `{"path":"srv/data/x"}`, bad("params.arguments.path")},
		{"relative dot", `{"path":"./x"}`, bad("params.arguments.path")},
		{"home", `{"path":"~/.ssh/id_rsa"}`, bad("params.arguments.path")},
		{"empty", `{"path":""}`, bad("params.arguments.path")},
		{"backslashes", `{"path":"/srv/data/..\\..\\etc\\passwd"}`, bad("params.arguments.path")},
		{"file URL", `{"path":"file:///etc/passwd"}`, bad("params.arguments.path")},
		{"root", `{"path":"/"}`, bad("params.arguments.path")},
		{"not a string", `{"path":["/srv/data/x"]}`, bad("params.arguments.path")},
		{"missing", `{"file":"/etc/passwd"}`, want{true, []finding{{"arguments.rules[0].required", "params.arguments.path", "block", "enforce"}}}},
		{"null is missing", `{"path":null}`, want{true, []finding{{"arguments.rules[0].required", "params.arguments.path", "block", "enforce"}}}},
		{"case variant read by case-insensitive decoders", `{"path":"/srv/data/x","PATH":"/etc/passwd"}`, bad("params.arguments.PATH")},
		{"name cut at NUL", `{"path\u0000x":"/etc/passwd"}`, bad(`params.arguments["path\u0000x"]`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := c.args
			if !strings.HasPrefix(args, "{") {
				args = `{"path":"` + args + `"}`
			}
			x := check(t, pathRule(interceptors.Enforce), nil, "read_file", args)
			c.want.verify(t, x)
		})
	}
	t.Run("other tools are not checked", func(t *testing.T) {
		x := check(t, pathRule(interceptors.Enforce), nil, "echo", `{"path":"/etc/passwd"}`)
		want{}.verify(t, x)
	})
}

func TestRefusalNamesArgumentAndRule(t *testing.T) {
	x := check(t, pathRule(interceptors.Enforce), nil, "write_file", `{"path":"/srv/data/../../etc/cron.d/x","content":"* * * * * root sh"}`)
	if x.Action != interceptors.Deny {
		t.Fatal("not refused")
	}
	if x.Rule != "arguments.rules[0].pathPrefixes" {
		t.Errorf("rule %q", x.Rule)
	}
	if want := "params.arguments.path: path is not under an allowed prefix (/srv/data, /tmp)"; x.Reason != want {
		t.Errorf("reason %q, want %q", x.Reason, want)
	}
	if strings.Contains(x.Reason, "cron") {
		t.Error("the reason repeats the value")
	}
}

func TestAuditModeChangesNothing(t *testing.T) {
	x := check(t, pathRule(interceptors.AuditOnly), nil, "read_file", `{"path":"/etc/passwd"}`)
	if x.Action != interceptors.Allow || x.Rule != "" || x.Reason != "" {
		t.Errorf("audit mode acted: %v %q %q", x.Action, x.Rule, x.Reason)
	}
	want{false, []finding{{"arguments.rules[0].pathPrefixes", "params.arguments.path", "block", "audit"}}}.verify(t, x)
}

func TestRules(t *testing.T) {
	type tc struct {
		name, tool, args string
		want             want
	}
	v := func(rule, where string) want {
		return want{true, []finding{{rule, where, "block", "enforce"}}}
	}
	groups := []struct {
		name  string
		rules []Rule
		cases []tc
	}{
		{"nested wildcards", []Rule{{Tool: "copy_files", Argument: "operations.*.destination.path", Required: true, PathPrefixes: []string{"/srv/out"}}}, []tc{
			{"all inside", "copy_files", `{"operations":[{"source":"/a","destination":{"path":"/srv/out/a"}},{"destination":{"path":"/srv/out/b"}}]}`, want{}},
			{"second escapes", "copy_files", `{"operations":[{"destination":{"path":"/srv/out/a"}},{"destination":{"path":"/srv/out/../../etc/x"}}]}`, v("arguments.rules[0].pathPrefixes", "params.arguments.operations.1.destination.path")},
			{"second lacks a destination", "copy_files", `{"operations":[{"destination":{"path":"/srv/out/a"}},{"source":"/x"}]}`, v("arguments.rules[0].required", "params.arguments.operations.1.destination")},
			{"no operations", "copy_files", `{}`, v("arguments.rules[0].required", "params.arguments.operations")},
			{"operations not an array", "copy_files", `{"operations":"all"}`, v("arguments.rules[0].required", "params.arguments.operations.*")},
			{"empty array", "copy_files", `{"operations":[]}`, want{}},
			{"object members too", "copy_files", `{"operations":{"first":{"destination":{"path":"/etc/x"}}}}`, v("arguments.rules[0].pathPrefixes", "params.arguments.operations.first.destination.path")},
			{"odd member names quoted", "copy_files", `{"operations":{"a.b":{"destination":{"path":"/etc/x"}}}}`, v("arguments.rules[0].pathPrefixes", `params.arguments.operations["a.b"].destination.path`)},
		}},
		{"array index", []Rule{{Tool: "exec", Argument: "argv.0", Allow: []string{`^(ls|cat|grep)$`}}}, []tc{
			{"allowed", "exec", `{"argv":["ls","-la"]}`, want{}},
			{"refused", "exec", `{"argv":["rm","-rf","/"]}`, v("arguments.rules[0].allow", "params.arguments.argv.0")},
			{"not required", "exec", `{"argv":[]}`, want{}},
		}},
		{"allow and deny", []Rule{{Tool: "fetch", Argument: "url", Allow: []string{`^https://`}, Deny: []string{`(?i)^https://(localhost|127\.|169\.254\.)`}}}, []tc{
			{"fine", "fetch", `{"url":"https://example.com/a"}`, want{}},
			{"plain http", "fetch", `{"url":"http://example.com/a"}`, v("arguments.rules[0].allow", "params.arguments.url")},
			{"metadata service", "fetch", `{"url":"https://169.254.169.254/latest/meta-data"}`, v("arguments.rules[0].deny", "params.arguments.url")},
			{"escaped to hide", "fetch", `{"url":"https://LOCALHOST\u002fadmin"}`, v("arguments.rules[0].deny", "params.arguments.url")},
			{"number", "fetch", `{"url":42}`, want{true, []finding{{"arguments.rules[0].deny", "params.arguments.url", "block", "enforce"}, {"arguments.rules[0].allow", "params.arguments.url", "block", "enforce"}}}},
			{"absent is fine", "fetch", `{}`, want{}},
			{"null is absent", "fetch", `{"url":null}`, want{}},
		}},
		{"lengths", []Rule{{Tool: "note", Argument: "text", MaxLength: 5}, {Tool: "note", Argument: "tags", MaxBytes: 12}}, []tc{
			{"five characters", "note", `{"text":"héllo","tags":["a","b"]}`, want{}},
			{"five escaped characters", "note", `{"text":"\u00e9\u00e9\u00e9\u00e9\u00e9"}`, want{}},
			{"six characters", "note", `{"text":"héllo!"}`, v("arguments.rules[0].maxLength", "params.arguments.text")},
			{"too many bytes", "note", `{"tags":["alpha","beta"]}`, v("arguments.rules[1].maxBytes", "params.arguments.tags")},
		}},
		{"enum", []Rule{{Tool: "*", Argument: "level", Enum: [][]byte{[]byte(`1`), []byte(`2`), []byte(`"debug"`), []byte(`{"a":1,"b":[true,null]}`)}}}, []tc{
			{"1", "log", `{"level":1}`, want{}},
			{"1.0", "log", `{"level":1.0}`, want{}},
			{"10e-1", "log", `{"level":10e-1}`, want{}},
			{"2E0", "log", `{"level":2E0}`, want{}},
			{"escaped string", "log", `{"level":"\u0064ebug"}`, want{}},
			{"object in other order", "log", `{"level":{ "b":[true, null], "a":1.00 }}`, want{}},
			{"1.5", "log", `{"level":1.5}`, v("arguments.rules[0].enum", "params.arguments.level")},
			{"string 1", "log", `{"level":"1"}`, v("arguments.rules[0].enum", "params.arguments.level")},
			{"other string", "log", `{"level":"trace"}`, v("arguments.rules[0].enum", "params.arguments.level")},
			{"object with extra member", "log", `{"level":{"a":1,"b":[true,null],"c":0}}`, v("arguments.rules[0].enum", "params.arguments.level")},
		}},
		{"rule schema", []Rule{{Tool: "deploy", Argument: "options", Schema: []byte(`{"type":"object","properties":{"replicas":{"type":"integer","maximum":10}},"required":["replicas"]}`)}}, []tc{
			{"valid", "deploy", `{"options":{"replicas":3}}`, want{}},
			{"nested violation", "deploy", `{"options":{"replicas":50}}`, v("arguments.rules[0].schema", "params.arguments.options/replicas")},
			{"root violation", "deploy", `{"options":{}}`, v("arguments.rules[0].schema", "params.arguments.options")},
		}},
		{"glob tool patterns", []Rule{{Tool: "db_?", Argument: "sql", Deny: []string{`(?i)\bdrop\b`}}}, []tc{
			{"matches", "db_1", `{"sql":"DROP TABLE users"}`, v("arguments.rules[0].deny", "params.arguments.sql")},
			{"? is one character", "db_12", `{"sql":"DROP TABLE users"}`, want{}},
		}},
	}
	for _, g := range groups {
		for _, c := range g.cases {
			t.Run(g.name+"/"+c.name, func(t *testing.T) {
				x := check(t, Policy{Rules: g.rules}, nil, c.tool, c.args)
				c.want.verify(t, x)
			})
		}
	}
}

func TestFindingsAreBounded(t *testing.T) {
	a := Policy{Rules: []Rule{
		{Tool: "t", Argument: "items.*", Mode: interceptors.AuditOnly, MaxLength: 1},
		{Tool: "t", Argument: "items.99", MaxLength: 1},
	}}
	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i := range 100 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"xx"`)
	}
	b.WriteString(`]}`)
	x := check(t, a, nil, "t", b.String())
	if x.Action != interceptors.Deny || x.Rule != "arguments.rules[1].maxLength" {
		t.Errorf("the enforced rule past the bound must still refuse: %v %q", x.Action, x.Rule)
	}
	if n := len(x.Findings); n != maxFindings+2 {
		t.Errorf("%d findings", n)
	}
	if last := x.Findings[len(x.Findings)-1]; last.Detail != "68 more violations not listed" {
		t.Errorf("last finding %+v", last)
	}
}

func TestNew(t *testing.T) {
	bad := []Policy{
		{Schema: "strict"},
		{UnknownTool: interceptors.ActionRedact},
		{Rules: []Rule{{Tool: "", Argument: "x"}}},
		{Rules: []Rule{{Tool: "t", Argument: ""}}},
		{Rules: []Rule{{Tool: "t", Argument: "a..b"}}},
		{Rules: []Rule{{Tool: "t", Argument: "a", Mode: "shadow"}}},
		{Rules: []Rule{{Tool: "t", Argument: "a", Allow: []string{"("}}}},
		{Rules: []Rule{{Tool: "t", Argument: "a", Deny: []string{"(?!x)"}}}},
		{Rules: []Rule{{Tool: "t", Argument: "a", PathPrefixes: []string{"srv"}}}},
		{Rules: []Rule{{Tool: "t", Argument: "a", PathPrefixes: []string{"/srv\x00"}}}},
		{Rules: []Rule{{Tool: "t", Argument: "a", Schema: []byte(`{"type":"strung"}`)}}},
		{Rules: []Rule{{Tool: "t", Argument: "a", Schema: []byte(`{"$ref":"https://example.com/s.json"}`)}}},
		{Rules: []Rule{{Tool: "t", Argument: "a", Enum: [][]byte{[]byte(`{"a":}`)}}}},
		{Rules: []Rule{{Tool: "t", Argument: "a", MaxLength: -1}}},
	}
	for _, a := range bad {
		if _, err := New(a, NewCatalog()); err == nil {
			t.Errorf("New(%+v) accepted", a)
		}
	}
	if _, err := New(Policy{Schema: interceptors.Enforce}, nil); err == nil {
		t.Error("a schema check without a catalog was accepted")
	}
}

func TestCanonicalNumbers(t *testing.T) {
	same := [][]string{
		{`1`, `1.0`, `1e0`, `10e-1`, `0.1e1`, `1.000E+0`},
		{`0`, `-0`, `0.0`, `0e99`, `-0.0E-3`},
		{`100`, `1e2`, `1E+2`, `100.00`, `0.001e5`},
		{`-12.5`, `-125e-1`, `-0.125e2`},
		{`9007199254740993`},
		{`9007199254740992`},
		{`1e99999999999999999999`, `10e99999999999999999998`},
	}
	seen := map[string]int{}
	for i, group := range same {
		for _, n := range group {
			c, err := canonical(nil, []byte(n))
			if err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			if j, ok := seen[string(c)]; ok && j != i {
				t.Errorf("%s (%s) equals group %d", n, c, j)
			}
			seen[string(c)] = i
			if !jsontext.Value(c).IsValid() {
				t.Errorf("%s: canonical form %s is not JSON", n, c)
			}
		}
	}
	if len(seen) != len(same) {
		t.Errorf("%d canonical forms for %d groups: %v", len(seen), len(same), seen)
	}
	c, _ := canonical(nil, []byte(` { "b" : [ 1.0 , "\u0041" ] , "a" : null } `))
	if string(c) != `{"a":null,"b":[1,"A"]}` {
		t.Errorf("canonical object %s", c)
	}
}

func TestNoAllocationsWhenNothingApplies(t *testing.T) {
	c, err := New(Policy{Rules: []Rule{{Tool: "write_*", Argument: "path", PathPrefixes: []string{"/srv"}}}}, NewCatalog())
	if err != nil {
		t.Fatal(err)
	}
	x := call(t, "read_file", `{"path":"/etc/passwd"}`)
	ctx := context.Background()
	if n := testing.AllocsPerRun(100, func() { _ = c.Intercept(ctx, x) }); n != 0 {
		t.Errorf("%v allocations per call", n)
	}
	other := parse(t, `{"jsonrpc":"2.0","id":1,"result":{"content":[]}}`)
	y := &interceptors.Exchange{Direction: interceptors.ToClient, Message: other, Method: "tools/call"}
	if n := testing.AllocsPerRun(100, func() { _ = c.Intercept(ctx, y) }); n != 0 {
		t.Errorf("%v allocations per response", n)
	}
}

func TestInvalidToolCall(t *testing.T) {
	c, _ := New(pathRule(interceptors.Enforce), nil)
	m := parse(t, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":[]}}`)
	x := &interceptors.Exchange{Direction: interceptors.ToServer, Message: m, Method: "tools/call"}
	if err := c.Intercept(context.Background(), x); err == nil {
		t.Error("invalid params were judged")
	}
}

func TestCatalogNames(t *testing.T) {
	c := NewCatalog()
	if len(c.Names()) != 0 {
		t.Fatal("new catalog has names")
	}
	if err := c.Learn([]byte(`{"tools":[{"name":"b","inputSchema":{"type":"object"}},{"name":"a","inputSchema":{"type":"object"}}]}`)); err != nil {
		t.Fatal(err)
	}
	names := c.Names()
	slices.Sort(names)
	if !slices.Equal(names, []string{"a", "b"}) {
		t.Fatalf("names %v", names)
	}
}
