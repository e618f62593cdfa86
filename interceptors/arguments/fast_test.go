package arguments

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

// schemaGen writes random JSON Schemas mixing the keywords the fast path
// models with ones it leaves to the library, in every draft the catalog
// accepts.
type schemaGen struct {
	r     *rand.Rand
	draft string
	defs  int
}

var genNames = []string{"path", "mode", "a", "b", "tags", "x y", "ſ"}

func (g *schemaGen) name() string { return genNames[g.r.IntN(len(genNames))] }

func (g *schemaGen) schema(depth int) string {
	r := g.r
	switch r.IntN(12) {
	case 0:
		return []string{"true", "false", "{}"}[r.IntN(3)]
	case 1:
		if g.defs > 0 {
			return fmt.Sprintf(`{"$ref":"#/$defs/d%d"}`, r.IntN(g.defs))
		}
	}
	var kw []string
	add := func(format string, args ...any) { kw = append(kw, fmt.Sprintf(format, args...)) }
	types := []string{`"string"`, `"integer"`, `"number"`, `"object"`, `"array"`, `"boolean"`, `"null"`, `["string","null"]`, `["integer","string"]`}
	if r.IntN(3) > 0 {
		add(`"type":%s`, types[r.IntN(len(types))])
	}
	for range r.IntN(4) {
		switch r.IntN(24) {
		case 0:
			add(`"enum":["a","b","\u00e9",1,null]`)
		case 1:
			add(`"enum":["path","x"]`)
		case 2:
			add(`"const":"a"`)
		case 3:
			add(`"const":1`)
		case 4:
			add(`"minLength":%d`, r.IntN(4))
		case 5:
			add(`"maxLength":%d`, r.IntN(4))
		case 6:
			add(`"pattern":%q`, []string{"^a", "b$", "[0-9]", "^\\w+$"}[r.IntN(4)])
		case 7:
			add(`"format":%q`, []string{"email", "ipv4", "date", "regex", "unknown-format"}[r.IntN(5)])
		case 8:
			add(`"minimum":%s`, []string{"0", "-1", "2.5", "1e300", "-1e300", "9223372036854775807"}[r.IntN(6)])
		case 9:
			add(`"maximum":%s`, []string{"0", "10", "2.5", "-3.5", "1e300"}[r.IntN(5)])
		case 10:
			add(`"exclusiveMinimum":%s`, []string{"0", "2.5", "-1"}[r.IntN(3)])
		case 11:
			add(`"exclusiveMaximum":%s`, []string{"10", "2.5", "0"}[r.IntN(3)])
		case 12:
			add(`"multipleOf":%s`, []string{"2", "0.5", "3", "1e30", "0.3"}[r.IntN(5)])
		case 13:
			var props []string
			for range r.IntN(3) + 1 {
				props = append(props, fmt.Sprintf("%q:%s", g.name(), g.sub(depth)))
			}
			add(`"properties":{%s}`, strings.Join(dedupMembers(props), ","))
		case 14:
			add(`"required":[%q,%q]`, g.name(), g.name())
		case 15:
			if r.IntN(2) == 0 {
				add(`"additionalProperties":false`)
			} else {
				add(`"additionalProperties":%s`, g.sub(depth))
			}
		case 16:
			add(`"minProperties":%d,"maxProperties":%d`, r.IntN(3), r.IntN(4))
		case 17:
			if g.draft == "07" || g.draft == "06" || g.draft == "04" {
				if r.IntN(2) == 0 {
					add(`"items":%s`, g.sub(depth))
				} else {
					add(`"items":[%s,%s],"additionalItems":%s`, g.sub(depth), g.sub(depth), []string{"false", "true", g.sub(depth)}[r.IntN(3)])
				}
			} else if r.IntN(2) == 0 {
				add(`"items":%s`, g.sub(depth))
			} else {
				add(`"prefixItems":[%s],"items":%s`, g.sub(depth), []string{"false", g.sub(depth)}[r.IntN(2)])
			}
		case 18:
			add(`"minItems":%d,"maxItems":%d`, r.IntN(3), r.IntN(4))
		case 19:
			add(`"allOf":[%s,%s]`, g.sub(depth), g.sub(depth))
		case 20:
			add(`"anyOf":[%s,%s]`, g.sub(depth), g.sub(depth))
		case 21:
			add(`%q:[%s,%s]`, []string{"oneOf", "anyOf"}[r.IntN(2)], g.sub(depth), g.sub(depth))
			if r.IntN(2) == 0 {
				add(`"not":%s`, g.sub(depth))
			}
		case 22:
			add(`"dependentRequired":{%q:[%q]}`, g.name(), g.name())
			add(`"dependencies":{%q:[%q]}`, g.name(), g.name())
		case 23:
			add(`"uniqueItems":true`)
			add(`"patternProperties":{"^t":%s}`, g.sub(depth))
		}
	}
	if g.defs > 0 && r.IntN(4) == 0 {
		add(`"$ref":"#/$defs/d%d"`, r.IntN(g.defs))
	}
	return "{" + strings.Join(dedupMembers(kw), ",") + "}"
}

func (g *schemaGen) sub(depth int) string {
	if depth >= 3 {
		return []string{"{}", `{"type":"string"}`, `{"type":"integer"}`, "false"}[g.r.IntN(4)]
	}
	return g.schema(depth + 1)
}

// dedupMembers keeps the first member of each name, so that the schema
// text has no duplicate names.
func dedupMembers(members []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range members {
		name := m[:strings.Index(m[1:], `"`)+2]
		if !seen[name] {
			seen[name] = true
			out = append(out, m)
		}
	}
	return out
}

func (g *schemaGen) document() string {
	g.defs = g.r.IntN(3)
	var defs []string
	for i := range g.defs {
		defs = append(defs, fmt.Sprintf(`"d%d":%s`, i, g.schema(1)))
	}
	root := g.schema(0)
	if root == "true" || root == "false" || !strings.HasPrefix(root, "{") {
		root = "{}"
	}
	var extra []string
	switch g.draft {
	case "07", "06", "04":
		extra = append(extra, fmt.Sprintf(`"$schema":"http://json-schema.org/draft-%s/schema#"`, g.draft))
	case "2019":
		extra = append(extra, `"$schema":"https://json-schema.org/draft/2019-09/schema"`)
	}
	if len(defs) > 0 {
		key := "$defs"
		if g.draft == "07" || g.draft == "06" || g.draft == "04" {
			key = "definitions"
			root = strings.ReplaceAll(root, "#/$defs/", "#/definitions/")
			for i := range defs {
				defs[i] = strings.ReplaceAll(defs[i], "#/$defs/", "#/definitions/")
			}
		}
		extra = append(extra, fmt.Sprintf("%q:{%s}", key, strings.Join(defs, ",")))
	}
	if len(extra) == 0 {
		return root
	}
	if root == "{}" {
		return "{" + strings.Join(extra, ",") + "}"
	}
	return root[:len(root)-1] + "," + strings.Join(extra, ",") + "}"
}

// instance writes a random JSON value, with names from the schemas' pool
// (some escaped) and numbers in several spellings.
func instance(r *rand.Rand, depth int) string {
	k := r.IntN(8)
	if depth > 3 {
		k = r.IntN(4)
	}
	switch k {
	case 0:
		return []string{`"a"`, `"b"`, `""`, `"path"`, `"\u00e9"`, `"é"`, `"ab1"`, `"a@b.example"`, `"10.0.0.1"`, `"2025-01-02"`, `"[a-"`, `"\u0061"`, `"x\ny"`}[r.IntN(13)]
	case 1:
		return []string{"0", "-0", "1", "2", "3", "10", "-1", "11", "1.0", "2.5", "1e2", "-3.5", "12345678901234567890", "9223372036854775807", "0.3", "6"}[r.IntN(16)]
	case 2:
		return []string{"true", "false", "null"}[r.IntN(3)]
	case 3:
		return `"` + strings.Repeat("ab", r.IntN(3)) + `"`
	case 4, 5:
		var members []string
		seen := map[string]bool{}
		for range r.IntN(4) {
			name := genNames[r.IntN(len(genNames))]
			if seen[name] {
				continue
			}
			seen[name] = true
			q, _ := jsontext.AppendQuote(nil, name)
			if name == "path" && r.IntN(3) == 0 {
				q = []byte(`"\u0070ath"`)
			}
			members = append(members, string(q)+" : "+instance(r, depth+1))
		}
		return "{" + strings.Join(members, ",") + "}"
	default:
		var els []string
		for range r.IntN(4) {
			els = append(els, instance(r, depth+1))
		}
		return "[ " + strings.Join(els, ", ") + " ]"
	}
}

// Whenever the fast path says a value is valid, the library must agree:
// the fast path may only skip the library, never overrule it.
func TestFastAgreesWithLibrary(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	drafts := []string{"", "2019", "07", "06", "04"}
	schemas, checks, fastValid, libValid := 0, 0, 0, 0
	var f fastRun
	for schemas < 3000 {
		g := &schemaGen{r: r, draft: drafts[r.IntN(len(drafts))]}
		doc := g.document()
		if !json.Valid([]byte(doc)) {
			t.Fatalf("generated schema is not JSON: %s", doc)
		}
		s, err := compileSchema([]byte(doc))
		if err != nil {
			continue
		}
		schemas++
		fast := buildFast(s)
		for range 20 {
			inst := instance(r, 0)
			if !jsontext.Value(inst).IsValid() {
				t.Fatalf("generated instance is not valid JSON: %s", inst)
			}
			v, err := decode([]byte(inst))
			if err != nil {
				t.Fatalf("decode %s: %v", inst, err)
			}
			lib := s.Validate(v) == nil
			fv := f.valid(fast, []byte(inst), 0)
			checks++
			if lib {
				libValid++
			}
			if fv {
				fastValid++
				if !lib {
					t.Fatalf("fast path says valid, library says invalid:\nschema   %s\ninstance %s\nerror    %v", doc, inst, s.Validate(v))
				}
			}
		}
	}
	t.Logf("%d schemas, %d checks: library valid %d, fast valid %d", schemas, checks, libValid, fastValid)
	// The fast path must carry a good part of the valid cases, or it is
	// not doing its job (a regression here costs allocations, not safety).
	if fastValid*3 < libValid {
		t.Fatalf("fast path decided only %d of %d valid cases", fastValid, libValid)
	}
}

// The schemas MCP servers publish are decided by the fast path when the
// arguments are valid, without allocating.
func TestFastCoversToolSchemas(t *testing.T) {
	cases := []struct{ schema, args string }{
		{`{"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}`, `{"text":"hello"}`},
		{`{"type":"object","properties":{"path":{"type":"string","description":"Absolute path"},"encoding":{"type":"string","enum":["utf-8","base64"],"default":"utf-8"},"range":{"type":"object","properties":{"start":{"type":"integer","minimum":0}},"additionalProperties":false}},"required":["path"],"additionalProperties":false}`,
			`{"path":"/srv/a","encoding":"base64","range":{"start":3}}`},
		// zod-to-json-schema, draft-07, with formats, optional nullable fields and $ref.
		{`{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"email":{"type":"string","format":"email"},"note":{"anyOf":[{"type":"string"},{"type":"null"}]},"tags":{"type":"array","items":{"type":"string","minLength":1},"maxItems":10},"owner":{"$ref":"#/definitions/user"}},"required":["email"],"additionalProperties":false,"definitions":{"user":{"type":"object","properties":{"id":{"type":"integer","exclusiveMinimum":0}},"required":["id"]}}}`,
			`{"email":"a@b.example","note":null,"tags":["x","y"],"owner":{"id":7}}`},
		// pydantic, 2020-12 with $defs.
		{`{"$defs":{"Range":{"properties":{"start":{"title":"Start","type":"integer"},"end":{"anyOf":[{"type":"integer"},{"type":"null"}],"default":null}},"required":["start"],"title":"Range","type":"object"}},"properties":{"query":{"title":"Query","type":"string","minLength":1,"pattern":"^\\S"},"range":{"$ref":"#/$defs/Range"},"limit":{"type":"integer","maximum":100,"multipleOf":5}},"required":["query"],"title":"Args","type":"object"}`,
			`{"query":"mcp gateway","range":{"start":1,"end":null},"limit":20}`},
	}
	var f fastRun
	for i, c := range cases {
		s, err := compileSchema([]byte(c.schema))
		if err != nil {
			t.Fatal(err)
		}
		n, args := buildFast(s), []byte(c.args)
		if !f.valid(n, args, 0) {
			t.Errorf("case %d: the fast path cannot tell that %s is valid", i, c.args)
		}
		if i == 2 {
			continue // a format check takes an any: one allocation
		}
		if a := testing.AllocsPerRun(50, func() { f.valid(n, args, 0) }); a != 0 {
			t.Errorf("case %d: %v allocations", i, a)
		}
	}
}

// TestFastCases pins down what the fast path decides on its own ("fast")
// and what it leaves to the library.
func TestFastCases(t *testing.T) {
	var f fastRun
	for _, c := range []struct {
		schema, inst string
		fast         bool
	}{
		{`{"minimum":2.5}`, `3`, true},
		{`{"minimum":2.5}`, `2`, false},
		{`{"exclusiveMinimum":2}`, `2`, false},
		{`{"exclusiveMinimum":2}`, `3`, true},
		{`{"exclusiveMaximum":-2.5}`, `-3`, true},
		{`{"exclusiveMaximum":-2.5}`, `-2`, false},
		{`{"maximum":-2.5}`, `-3`, true},
		{`{"maximum":-2.5}`, `-2`, false},
		{`{"minimum":1e300}`, `5`, false},
		{`{"maximum":1e300}`, `5`, true},
		{`{"multipleOf":0.5}`, `3`, true},
		{`{"multipleOf":1.5}`, `3`, true},
		{`{"multipleOf":1.5}`, `4`, false},
		{`{"type":"integer"}`, `1.0`, false}, // the library decides
		{`{"type":"integer"}`, `-12`, true},
		{`{"$schema":"http://json-schema.org/draft-07/schema#","items":[{},{}],"additionalItems":false}`, `[1,2]`, true},
		{`{"$schema":"http://json-schema.org/draft-07/schema#","items":[{},{}],"additionalItems":false}`, `[1,2,3]`, false},
		{`{"$schema":"http://json-schema.org/draft-07/schema#","items":[{}],"additionalItems":{"type":"string"}}`, `[1,"a"]`, true},
		{`{"$schema":"http://json-schema.org/draft-07/schema#","items":[{}],"additionalItems":{"type":"string"}}`, `[1,2]`, false},
		{`{"prefixItems":[{"type":"integer"}],"items":{"type":"string"}}`, `[1,"a","b"]`, true},
		{`{"prefixItems":[{"type":"integer"}],"items":{"type":"string"}}`, `["a"]`, false},
		{`{"properties":{"path":{"maxLength":3}}}`, `{"\u0070ath":"abcd"}`, false},
		{`{"properties":{"path":{"maxLength":3}}}`, `{"\u0070ath":"\u00e9\u00e9\u00e9"}`, true},
		{`{"required":["a"],"dependentRequired":{"b":["c"]}}`, `{"a":1,"b":2}`, false},
		{`{"required":["a"],"dependentRequired":{"b":["c"]}}`, `{"a":1,"b":2,"c":3}`, true},
		{`{"not":{}}`, `1`, false},
		{`{"$defs":{"n":{"$ref":"#/$defs/n"}},"$ref":"#/$defs/n"}`, `1`, false}, // a cycle: the library reports it
	} {
		s, err := compileSchema([]byte(c.schema))
		if err != nil {
			t.Fatal(err)
		}
		if got := f.valid(buildFast(s), []byte(c.inst), 0); got != c.fast {
			t.Errorf("%s on %s: fast %v, want %v", c.schema, c.inst, got, c.fast)
		}
	}
}

func TestIsCleanIsPathClean(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		b := []byte{'/'}
		for range r.IntN(8) {
			b = append(b, "/.a"[r.IntN(3)])
		}
		if got, want := isClean(b), path.Clean(string(b)) == string(b); got != want {
			t.Fatalf("isClean(%q) = %v, path.Clean says %v", b, got, want)
		}
	}
}

// raceEnabled is set by the race detector's build, whose sync.Pool drops
// items at random.
var raceEnabled bool

// A call that passes its tool's schema and the policy's rules costs no
// allocation: the schema is checked on the raw arguments, nothing is
// decoded.
func TestValidCallDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	cat, _ := learned(t)
	c, err := New(Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionBlock, Rules: []Rule{
		{Tool: "read_*", Argument: "path", Required: true, PathPrefixes: []string{"/srv/data"}, MaxLength: 200, Deny: []string{`\.\./`}},
		{Tool: "read_file", Argument: "encoding", Enum: [][]byte{[]byte(`"utf-8"`), []byte(`"base64"`)}},
	}}, cat)
	if err != nil {
		t.Fatal(err)
	}
	x := call(t, "read_file", `{"path":"/srv/data/reports/q3.csv","encoding":"utf-8","range":{"start":0,"end":100}}`)
	if n := testing.AllocsPerRun(100, func() {
		x.Action, x.Findings = interceptors.Allow, x.Findings[:0]
		if err := c.Intercept(context.Background(), x); err != nil || x.Action != interceptors.Allow || len(x.Findings) > 0 {
			t.Fatalf("%v %+v", err, x.Findings)
		}
	}); n != 0 {
		t.Errorf("%v allocations per call", n)
	}
}

// The fast path is only handed validated JSON, but text that is not must
// not make it panic (it may answer anything: the library decides then).
func TestFastSurvivesBrokenText(t *testing.T) {
	s, err := compileSchema([]byte(`{"type":"object","properties":{"a":{"type":"array","items":{"type":"string","maxLength":3}},"b":{"enum":["x"]}},"required":["a"],"additionalProperties":{"type":"integer","minimum":0}}`))
	if err != nil {
		t.Fatal(err)
	}
	n := buildFast(s)
	var f fastRun
	r := rand.New(rand.NewPCG(4, 5))
	base := []byte(`{"a":["xy","\u0041",""],"b":"x","c":12,"d":{"e":[1,{"f":"g\"h"}]}}`)
	for range 20000 {
		b := append([]byte(nil), base[:r.IntN(len(base)+1)]...)
		for range r.IntN(3) {
			if len(b) > 0 {
				b[r.IntN(len(b))] = `{}[]",:\ ax1`[r.IntN(12)]
			}
		}
		f.valid(n, b, 0)
	}
}
