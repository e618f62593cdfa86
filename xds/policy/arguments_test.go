package policy

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// srv is a file with one server; fields appended to it start at line 6,
// indented by four spaces.
const srv = "version: 1\nservers:\n  - name: a\n    upstream: h:1\n    tools: {}\n"

// parseServer parses srv followed by body and returns its only server and
// the warnings.
func parseServer(t *testing.T, body string) (ir.Server, []string) {
	t.Helper()
	res := mustParse(t, srv+body)
	return res.Policy.Servers[0], warningStrings(res.Warnings)
}

// checkErrors parses src, which must fail with exactly the errors want.
func checkErrors(t *testing.T, src string, want []string) {
	t.Helper()
	res, err := parseAnyImage("policy.yaml", []byte(src))
	if err == nil {
		t.Fatalf("Parse succeeded (%+v), want errors:\n%s", res.Policy, strings.Join(want, "\n"))
	}
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error is %T, want policy.Errors", err)
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
		if e.File != "policy.yaml" || e.Line < 1 || e.Column < 1 {
			t.Errorf("error %q is not positioned", e)
		}
		if strings.Contains(e.Msg, "final validation") {
			t.Errorf("only the IR backstop caught %q", e)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

func jsonList(values ...string) [][]byte {
	out := make([][]byte, len(values))
	for i, v := range values {
		out[i] = []byte(v)
	}
	return out
}

func TestArgumentsValid(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		want     arguments.Policy
		warnings []string
	}{
		{name: "absent: schema enforced, unknown tools audited", body: "", want: defaultArguments},
		{name: "empty mapping", body: "    arguments: {}\n", want: defaultArguments},
		{name: "empty value", body: "    arguments:\n", want: defaultArguments},
		{
			name: "explicit defaults",
			body: "    arguments: {schema: enforce, unknownTool: audit, rules: []}\n",
			want: defaultArguments,
		},
		{
			name: "schema off, unknown tools blocked",
			body: "    arguments:\n      schema: off\n      unknownTool: block\n",
			want: arguments.Policy{Schema: "", UnknownTool: interceptors.ActionBlock},
		},
		{
			name: "schema audited",
			body: "    arguments: {schema: audit}\n",
			want: arguments.Policy{Schema: interceptors.AuditOnly, UnknownTool: interceptors.ActionAudit},
		},
		{
			name: "every constraint",
			body: `    arguments:
      rules:
        - tool: "read_*"
          argument: path
          mode: enforce
          required: true
          pathPrefixes: [/srv/data, /tmp/agent]
          maxLength: 4096
          maxBytes: 65536
          allow: ['^[\w./-]+$']
          deny: ['\.\./', '^/etc/']
          enum: [a, b, 3, true]
          schema:
            type: string
            pattern: "^/srv/"
`,
			want: arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit, Rules: []arguments.Rule{{
				Tool: "read_*", Argument: "path", Mode: interceptors.Enforce, Required: true,
				PathPrefixes: []string{"/srv/data", "/tmp/agent"}, MaxLength: 4096, MaxBytes: 65536,
				Allow: []string{`^[\w./-]+$`}, Deny: []string{`\.\./`, `^/etc/`},
				Enum:   jsonList(`"a"`, `"b"`, `3`, `true`),
				Schema: []byte(`{"type":"string","pattern":"^/srv/"}`),
			}}},
		},
		{
			name: "rule defaults, audit mode, wildcards",
			body: `    arguments:
      rules:
        - {tool: x, argument: y, maxLength: 1}
        - {tool: "*", argument: "files.*.path", required: true, mode: audit}
`,
			want: arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit, Rules: []arguments.Rule{
				{Tool: "x", Argument: "y", Mode: interceptors.Enforce, MaxLength: 1},
				{Tool: "*", Argument: "files.*.path", Mode: interceptors.AuditOnly, Required: true},
			}},
		},
		{
			name: "path prefixes are cleaned",
			body: "    arguments:\n      rules:\n        - {tool: x, argument: y, pathPrefixes: [/srv/data/, /a//b/./c, /, /with space, /x/..y]}\n",
			want: arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit, Rules: []arguments.Rule{
				{Tool: "x", Argument: "y", Mode: interceptors.Enforce, PathPrefixes: []string{"/srv/data", "/a/b/c", "/", "/with space", "/x/..y"}},
			}},
		},
		{
			name: "enum values in canonical JSON",
			body: `    arguments:
      rules:
        - tool: x
          argument: y
          enum:
            - -0
            - 1.50
            - 0x1f
            - 18446744073709551615
            - "é<&>\t"
            - null
            - ~
            - [1, [2, {}]]
            - {b: 1, a: {d: 2, c: 3}}
            - !!str 12
            - yes
            - |
              two
              lines
            - 1
            - 1.0
`,
			want: arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit, Rules: []arguments.Rule{{
				Tool: "x", Argument: "y", Mode: interceptors.Enforce,
				Enum: jsonList(`0`, `1.5`, `31`, `18446744073709551615`, `"é<&>\t"`, `null`, `null`, `[1,[2,{}]]`,
					`{"a":{"c":3,"d":2},"b":1}`, `"12"`, `"yes"`, `"two\nlines\n"`, `1`, `1`),
			}}},
			warnings: []string{
				"policy.yaml:17:15: servers[0].arguments.rules[0].enum[6]: value null is listed twice (first at line 16)",
				"policy.yaml:26:15: servers[0].arguments.rules[0].enum[13]: value 1 is listed twice (first at line 25)",
			},
		},
		{
			name: "schema keeps the key order and every type",
			body: `    arguments:
      rules:
        - tool: x
          argument: y
          schema:
            type: object
            required: [b]
            properties:
              b: {type: integer, minimum: -1, maximum: 1.5, default: 0}
              a: {const: null, default: true, description: "say \"hi\""}
            additionalProperties: false
`,
			want: arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit, Rules: []arguments.Rule{{
				Tool: "x", Argument: "y", Mode: interceptors.Enforce,
				Schema: []byte(`{"type":"object","required":["b"],"properties":{"b":{"type":"integer","minimum":-1,"maximum":1.5,"default":0},"a":{"const":null,"default":true,"description":"say \"hi\""}},"additionalProperties":false}`),
			}}},
		},
		{
			name: "boolean schemas",
			body: "    arguments:\n      rules:\n        - {tool: x, argument: y, schema: true}\n        - {tool: x, argument: z, schema: false}\n",
			want: arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit, Rules: []arguments.Rule{
				{Tool: "x", Argument: "y", Mode: interceptors.Enforce, Schema: []byte("true")},
				{Tool: "x", Argument: "z", Mode: interceptors.Enforce, Schema: []byte("false")},
			}},
		},
		{
			name: "anchors and aliases inside schemas and enums",
			body: `    arguments:
      rules:
        - tool: a
          argument: x
          schema: &s {type: string, enum: &vals [x, y]}
          enum: *vals
        - tool: b
          argument: x
          schema: *s
        - tool: c
          argument: x
          schema: {items: *s, prefixItems: [*s, *s]}
`,
			want: arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit, Rules: []arguments.Rule{
				{Tool: "a", Argument: "x", Mode: interceptors.Enforce, Schema: []byte(`{"type":"string","enum":["x","y"]}`), Enum: jsonList(`"x"`, `"y"`)},
				{Tool: "b", Argument: "x", Mode: interceptors.Enforce, Schema: []byte(`{"type":"string","enum":["x","y"]}`)},
				{Tool: "c", Argument: "x", Mode: interceptors.Enforce,
					Schema: []byte(`{"items":{"type":"string","enum":["x","y"]},"prefixItems":[{"type":"string","enum":["x","y"]},{"type":"string","enum":["x","y"]}]}`)},
			}},
		},
		{
			name: "schema may refer to its own definitions",
			body: "    arguments:\n      rules:\n        - {tool: x, argument: y, schema: {$defs: {p: {type: string}}, $ref: '#/$defs/p'}}\n",
			want: arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit, Rules: []arguments.Rule{
				{Tool: "x", Argument: "y", Mode: interceptors.Enforce, Schema: []byte(`{"$defs":{"p":{"type":"string"}},"$ref":"#/$defs/p"}`)},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, warnings := parseServer(t, tt.body)
			if !reflect.DeepEqual(s.Arguments, tt.want) {
				t.Errorf("arguments:\n got %s\nwant %s", showArguments(s.Arguments), showArguments(tt.want))
			}
			if !reflect.DeepEqual(warnings, tt.warnings) {
				t.Errorf("warnings:\n got %q\nwant %q", warnings, tt.warnings)
			}
			if !reflect.DeepEqual(s.Content, chain.Content{}) {
				t.Errorf("content = %+v, want none", s.Content)
			}
		})
	}
}

// showArguments prints arguments with JSON values as text.
func showArguments(a arguments.Policy) string {
	var b strings.Builder
	fmt.Fprintf(&b, "{Schema:%q UnknownTool:%q", a.Schema, a.UnknownTool)
	for _, r := range a.Rules {
		fmt.Fprintf(&b, "\n  %+v schema=%s enum=%s", r, r.Schema, r.Enum)
	}
	b.WriteString("}")
	return b.String()
}

func TestArgumentsErrors(t *testing.T) {
	// Rules start at line 8, indented by 8; the fields of rule at line 10.
	const rules = "    arguments:\n      rules:\n"
	const rule = rules + "        - tool: x\n          argument: y\n"
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"not a mapping", "    arguments: enforce\n", []string{
			`policy.yaml:6:16: servers[0].arguments: must be a mapping with schema, unknownTool and rules, got the string "enforce"`}},
		{"misspelt key", "    arguments: {shema: off}\n", []string{
			`policy.yaml:6:17: servers[0].arguments.shema: unknown field "shema" (did you mean "schema"?)`}},
		{"unknown schema mode", "    arguments: {schema: strict}\n", []string{
			`policy.yaml:6:25: servers[0].arguments.schema: must be "enforce", "audit" or "off", got "strict"`}},
		{"schema mode as a boolean", "    arguments: {schema: false}\n", []string{
			`policy.yaml:6:25: servers[0].arguments.schema: must be "enforce", "audit" or "off", got the boolean false`}},
		{"unknown tool redacted", "    arguments: {unknownTool: redact}\n", []string{
			`policy.yaml:6:30: servers[0].arguments.unknownTool: must be "block" or "audit", got "redact"`}},
		{"rules as a mapping", "    arguments: {rules: {}}\n", []string{
			`policy.yaml:6:24: servers[0].arguments.rules: must be a list of argument rules, got a mapping`}},
		{"rules empty", rules, []string{
			`policy.yaml:7:7: servers[0].arguments.rules: must be a list of argument rules, got an empty value`}},
		{"rule not a mapping", rules + "        - path\n", []string{
			`policy.yaml:8:11: servers[0].arguments.rules[0]: must be an argument rule (a mapping with tool, argument and constraints), got the string "path"`}},
		{"tool and argument missing", rules + "        - maxLength: 10\n", []string{
			`policy.yaml:8:11: servers[0].arguments.rules[0].tool: required field is missing; name the tool or tool pattern the rule applies to`,
			`policy.yaml:8:11: servers[0].arguments.rules[0].argument: required field is missing; name the argument, such as "path" or "options.target"`}},
		{"no constraint", rules + "        - {tool: x, argument: y}\n        - {tool: x, argument: y, required: false, mode: audit}\n", []string{
			`policy.yaml:8:11: servers[0].arguments.rules[0]: rule has no constraint and would do nothing; add at least one of: required: true, pathPrefixes, maxLength, maxBytes, allow, deny, enum, schema`,
			`policy.yaml:9:11: servers[0].arguments.rules[1]: rule has no constraint and would do nothing; add at least one of: required: true, pathPrefixes, maxLength, maxBytes, allow, deny, enum, schema`}},
		{"unknown rule field", rule + "          maxlength: 5\n          required: true\n", []string{
			`policy.yaml:10:11: servers[0].arguments.rules[0].maxlength: unknown field "maxlength" (did you mean "maxLength"?)`}},
		{"bad tool and argument paths", rules +
			"        - {tool: '', argument: 'a..b', required: true}\n" +
			"        - {tool: 1, argument: .a, required: true}\n" +
			"        - {tool: x, argument: 'a.', required: true}\n" +
			"        - {tool: x, argument: '', required: true}\n" +
			"        - {tool: x, argument: \"a\\tb\", required: true}\n", []string{
			`policy.yaml:8:18: servers[0].arguments.rules[0].tool: pattern must not be empty`,
			`policy.yaml:8:32: servers[0].arguments.rules[0].argument: argument path "a..b" has an empty segment; separate names with single dots, as in "options.target"`,
			`policy.yaml:9:18: servers[0].arguments.rules[1].tool: must be a tool name or glob pattern (a string), got the integer 1`,
			`policy.yaml:9:31: servers[0].arguments.rules[1].argument: argument path ".a" has an empty segment; separate names with single dots, as in "options.target"`,
			`policy.yaml:10:31: servers[0].arguments.rules[2].argument: argument path "a." has an empty segment; separate names with single dots, as in "options.target"`,
			`policy.yaml:11:31: servers[0].arguments.rules[3].argument: argument path must not be empty`,
			`policy.yaml:12:31: servers[0].arguments.rules[4].argument: argument path "a\tb" contains the non-printable character U+0009`}},
		{"mode off and unknown", rules +
			"        - {tool: x, argument: y, required: true, mode: off}\n" +
			"        - {tool: x, argument: y, required: true, mode: block}\n", []string{
			`policy.yaml:8:56: servers[0].arguments.rules[0].mode: must be "enforce" or "audit", got "off"; remove the rule to turn it off`,
			`policy.yaml:9:56: servers[0].arguments.rules[1].mode: must be "enforce" or "audit", got "block"`}},
		{"required not a boolean", rule + "          required: yes\n", []string{
			`policy.yaml:10:21: servers[0].arguments.rules[0].required: must be true or false, got the string "yes"`}},
		{"bad path prefixes", rule + "          pathPrefixes: [srv/data, /srv/../etc, '', '/a\\b', \"/x\\ty\", 5, /ok]\n", []string{
			`policy.yaml:10:26: servers[0].arguments.rules[0].pathPrefixes[0]: must be an absolute path (starting with '/'), got "srv/data"`,
			`policy.yaml:10:36: servers[0].arguments.rules[0].pathPrefixes[1]: must not contain ".." segments, got "/srv/../etc"`,
			`policy.yaml:10:49: servers[0].arguments.rules[0].pathPrefixes[2]: must be an absolute path (starting with '/'), got ""`,
			`policy.yaml:10:53: servers[0].arguments.rules[0].pathPrefixes[3]: must not contain backslashes (paths are separated by '/'), got "/a\\b"`,
			`policy.yaml:10:61: servers[0].arguments.rules[0].pathPrefixes[4]: must not contain control characters, got "/x\ty"`,
			`policy.yaml:10:70: servers[0].arguments.rules[0].pathPrefixes[5]: must be an absolute path (a string), got the integer 5`}},
		{"empty lists", rule + "          pathPrefixes: []\n          allow: []\n          deny: []\n          enum: []\n", []string{
			`policy.yaml:10:25: servers[0].arguments.rules[0].pathPrefixes: must list at least one path; remove the key for no constraint`,
			`policy.yaml:11:18: servers[0].arguments.rules[0].allow: must list at least one regular expression; remove the key for no constraint`,
			`policy.yaml:12:17: servers[0].arguments.rules[0].deny: must list at least one regular expression; remove the key for no constraint`,
			`policy.yaml:13:17: servers[0].arguments.rules[0].enum: must list at least one value; remove the key for no constraint`}},
		{"lists as strings", rule + "          pathPrefixes: /srv\n          deny: '^/etc'\n          enum: a\n", []string{
			`policy.yaml:10:25: servers[0].arguments.rules[0].pathPrefixes: must be a list of absolute paths, got the string "/srv"`,
			`policy.yaml:11:17: servers[0].arguments.rules[0].deny: must be a list of regular expressions, got the string "^/etc"`,
			`policy.yaml:12:17: servers[0].arguments.rules[0].enum: must be a list of allowed values, got the string "a"`}},
		{"bounds", rule + "          maxLength: 0\n          maxBytes: -5\n" + "        - {tool: x, argument: y, maxLength: 2147483648, maxBytes: '10'}\n" +
			"        - {tool: x, argument: y, maxLength: 1.5, maxBytes: 99999999999999999999}\n", []string{
			`policy.yaml:10:22: servers[0].arguments.rules[0].maxLength: must be between 1 and 2147483647 characters, got 0; remove the key for no bound`,
			`policy.yaml:11:21: servers[0].arguments.rules[0].maxBytes: must be between 1 and 2147483647 bytes, got -5`,
			`policy.yaml:12:45: servers[0].arguments.rules[1].maxLength: must be between 1 and 2147483647 characters, got 2147483648`,
			`policy.yaml:12:67: servers[0].arguments.rules[1].maxBytes: must be a whole number of bytes, got the string "10"`,
			`policy.yaml:13:45: servers[0].arguments.rules[2].maxLength: must be a whole number of characters, got the number 1.5`,
			`policy.yaml:13:60: servers[0].arguments.rules[2].maxBytes: must be a whole number of bytes, got the string "99999999999999999999"`}},
		{"bad regular expressions", rule + "          allow: ['(abc', 'a**', '(?=x)', '\\1', '', 3, '[z-a]']\n          deny: ['a\\qb']\n", []string{
			`policy.yaml:10:19: servers[0].arguments.rules[0].allow[0]: "(abc" is not a valid RE2 regular expression: missing closing )`,
			`policy.yaml:10:27: servers[0].arguments.rules[0].allow[1]: "a**" is not a valid RE2 regular expression: invalid nested repetition operator in "**"`,
			`policy.yaml:10:34: servers[0].arguments.rules[0].allow[2]: "(?=x)" is not a valid RE2 regular expression: invalid or unsupported Perl syntax in "(?=" (RE2 has no lookahead, lookbehind or backreferences)`,
			`policy.yaml:10:43: servers[0].arguments.rules[0].allow[3]: "\\1" is not a valid RE2 regular expression: invalid escape sequence (RE2 has no lookahead, lookbehind or backreferences)`,
			`policy.yaml:10:49: servers[0].arguments.rules[0].allow[4]: regular expression must not be empty (it would match every string)`,
			`policy.yaml:10:53: servers[0].arguments.rules[0].allow[5]: must be a regular expression (a string), got the integer 3`,
			`policy.yaml:10:56: servers[0].arguments.rules[0].allow[6]: "[z-a]" is not a valid RE2 regular expression: invalid character class range in "z-a"`,
			`policy.yaml:11:18: servers[0].arguments.rules[0].deny[0]: "a\\qb" is not a valid RE2 regular expression: invalid escape sequence in "\\q"`}},
		{"enum values without a JSON form", rule + "          enum: [.nan, -.inf, {<<: {a: 1}}, {a: 1, a: 2}, {~: 1}, [ok, .inf]]\n", []string{
			`policy.yaml:10:18: servers[0].arguments.rules[0].enum[0]: the number .nan cannot be represented in JSON, which has no infinite or NaN numbers`,
			`policy.yaml:10:24: servers[0].arguments.rules[0].enum[1]: the number -.inf cannot be represented in JSON, which has no infinite or NaN numbers`,
			`policy.yaml:10:32: servers[0].arguments.rules[0].enum[2]: merge keys ('<<') are not allowed in a JSON value; write the fields out, or use an alias for the whole value`,
			`policy.yaml:10:52: servers[0].arguments.rules[0].enum[3].a: duplicate key "a" (first at line 10)`,
			`policy.yaml:10:60: servers[0].arguments.rules[0].enum[4]: a key of a JSON object must be a name, got an empty value`,
			`policy.yaml:10:72: servers[0].arguments.rules[0].enum[5][1]: the number .inf cannot be represented in JSON, which has no infinite or NaN numbers`}},
		{"schema not a mapping", rule + "          schema: string\n" + "        - {tool: x, argument: y, schema: [a]}\n" + "        - {tool: x, argument: y, schema: }\n", []string{
			`policy.yaml:10:19: servers[0].arguments.rules[0].schema: must be a JSON Schema (a mapping, or true or false), got the string "string"`,
			`policy.yaml:11:42: servers[0].arguments.rules[1].schema: must be a JSON Schema (a mapping, or true or false), got a list`,
			`policy.yaml:12:34: servers[0].arguments.rules[2].schema: must be a JSON Schema (a mapping, or true or false), got an empty value`}},
		{"recursive schema and unknown alias", rule + "          schema: &s\n            not: *s\n            items: [*s]\n            x: *nope\n", []string{
			`policy.yaml:11:18: servers[0].arguments.rules[0].schema.not: alias *s refers to a value that contains it; JSON values cannot be recursive`,
			`policy.yaml:12:21: servers[0].arguments.rules[0].schema.items[0]: alias *s refers to a value that contains it; JSON values cannot be recursive`,
			`policy.yaml:13:16: servers[0].arguments.rules[0].schema.x: alias *nope does not refer to an anchor &nope defined before it`}},
		{"schema breaking the metaschema", rule + `          schema:
            type: strin
            minLength: -1
            properties:
              a~/b: {type: [1]}
              c: &c {pattern: '(?=x)'}
              d: *c
            items: [1]
`, []string{
			`policy.yaml:11:19: servers[0].arguments.rules[0].schema.type: not a valid JSON Schema: value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'`,
			`policy.yaml:12:24: servers[0].arguments.rules[0].schema.minLength: not a valid JSON Schema: minimum: got -1, want 0`,
			`policy.yaml:14:29: servers[0].arguments.rules[0].schema.properties.a~/b.type[0]: not a valid JSON Schema: value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'`,
			"policy.yaml:15:31: servers[0].arguments.rules[0].schema.properties.c.pattern: not a valid JSON Schema: '(?=x)' is not valid regex: error parsing regexp: invalid or unsupported Perl syntax: `(?=`",
			"policy.yaml:15:31: servers[0].arguments.rules[0].schema.properties.d.pattern: not a valid JSON Schema: '(?=x)' is not valid regex: error parsing regexp: invalid or unsupported Perl syntax: `(?=`",
			`policy.yaml:17:20: servers[0].arguments.rules[0].schema.items: not a valid JSON Schema: got array, want boolean or object`}},
		{"schema references", rule + "          schema: {$ref: 'https://example.com/s.json'}\n" + "        - {tool: x, argument: y, schema: {$ref: '#/$defs/nope'}}\n", []string{
			`policy.yaml:10:19: servers[0].arguments.rules[0].schema: not a usable JSON Schema: failing loading "https://example.com/s.json": external references are not followed (https://example.com/s.json)`,
			`policy.yaml:11:42: servers[0].arguments.rules[1].schema: not a usable JSON Schema: json-pointer in "#/$defs/nope" not found`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErrors(t, srv+tt.body, tt.want)
		})
	}
}

// TestJSONExpansionBounded feeds enum values that double at every level
// through aliases; the loader must refuse them quickly, once.
func TestJSONExpansionBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(srv + "    arguments:\n      rules:\n        - tool: x\n          argument: y\n          schema: {description: &v0 \"" + strings.Repeat("x", 100) + "\"}\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "          x%d: &v%d [*v%d, *v%d]\n", i, i, i-1, i-1)
	}
	b.WriteString("          enum: [*v40, *v40]\n")
	_, err := parseAnyImage("p.yaml", []byte(b.String()))
	if err == nil || strings.Count(err.Error(), "expand to more than 4194304 bytes of JSON") != 1 {
		t.Fatalf("got %v, want the expansion reported once", err)
	}
}

// TestSchemaBounds checks the bounds on argument schemas: compiling one
// takes time quadratic in its size.
func TestSchemaBounds(t *testing.T) {
	rule := func(tool, schema string) string {
		return fmt.Sprintf("        - tool: %s\n          argument: y\n          schema: %s\n", tool, schema)
	}
	big := "{description: " + strings.Repeat("x", 33000) + "}"
	checkErrors(t, srv+"    arguments:\n      rules:\n"+rule("x", big), []string{
		"policy.yaml:10:19: servers[0].arguments.rules[0].schema: schema is 33018 bytes as JSON; at most 32768 are accepted"})

	// One large schema may be shared by any number of rules.
	var b strings.Builder
	b.WriteString(srv + "    arguments:\n      rules:\n")
	b.WriteString(rule("x0", "&big {description: "+strings.Repeat("x", 30000)+"}"))
	for i := 1; i < 20; i++ {
		b.WriteString(rule(fmt.Sprint("x", i), "*big"))
	}
	mustParse(t, b.String())

	// Distinct ones add up.
	b.Reset()
	b.WriteString(srv + "    arguments:\n      rules:\n")
	for i := range 10 {
		b.WriteString(rule(fmt.Sprint("x", i), fmt.Sprintf("{description: %d%s}", i, strings.Repeat("x", 30000))))
	}
	checkErrors(t, b.String(), []string{
		"policy.yaml:34:19: servers[0].arguments.rules[8].schema: the schemas of this file add up to more than 262144 bytes of JSON"})
}
