package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
	"github.com/mcpmesh/mcpmesh/interceptors/webhook"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

func ep(host string, port uint32) ir.Endpoint { return ir.Endpoint{Host: host, Port: port} }

var defaultLimits = ir.Limits{MaxBodyBytes: ir.DefaultMaxBodyBytes, MessageTimeoutMillis: ir.DefaultMessageTimeoutMillis, MaxConcurrentStreams: ir.DefaultMaxConcurrentStreams}

// defaultArguments is what a server without an arguments section gets.
var defaultArguments = arguments.Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit}

// server returns a server with the file-wide defaults filled in.
func server(name string, upstream ir.Endpoint, tools allowlist.Policy) ir.Server {
	return ir.Server{Name: name, Upstream: upstream, Path: ir.DefaultPath, Listen: ep("0.0.0.0", 10000), Policy: chain.Policy{Tools: tools, Arguments: defaultArguments}}
}

var versionRE = regexp.MustCompile(`^[0-9a-f]{12}$`)

// mustParse parses src and checks what every successful parse guarantees.
func mustParse(t *testing.T, src string) *Result {
	t.Helper()
	res, err := parseAnyImage("policy.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse failed:\n%v", err)
	}
	if !versionRE.MatchString(res.Policy.Version) {
		t.Errorf("Version = %q, want 12 hex digits", res.Policy.Version)
	}
	// Parse already ran the IR's own validation as a backstop; a valid file
	// must pass it, which shows the loader's checks cover what it checks.
	if err := res.Policy.Validate(); err != nil {
		t.Errorf("ir.Validate rejected a policy the loader accepted: %v", err)
	}
	return res
}

func warningStrings(ws []*Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Error())
	}
	return out
}

func TestParseValid(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		want     ir.Policy // Version is not compared here
		warnings []string
	}{
		{
			name: "minimal file gets every default and a warning",
			src:  "version: 1\nservers:\n  - name: demo\n    upstream: 127.0.0.1:8081\n",
			want: ir.Policy{Limits: defaultLimits, Servers: []ir.Server{
				server("demo", ep("127.0.0.1", 8081), allowlist.Policy{AllowAll: true}),
			}},
			warnings: []string{"policy.yaml:3:5: servers[0].tools: no tools rules: agents may list and call every tool of this server; add tools.allow to name the tools they may use"},
		},
		{
			name: "allow and deny",
			src: `version: 1
servers:
  - name: demo
    upstream: 127.0.0.1:8081
    tools:
      allow: [echo, "get_*"]
      deny: [run_shell]
`,
			want: ir.Policy{Limits: defaultLimits, Servers: []ir.Server{
				server("demo", ep("127.0.0.1", 8081), allowlist.Policy{Allow: []string{"echo", "get_*"}, Deny: []string{"run_shell"}}),
			}},
		},
		{
			name: "empty allow list denies everything",
			src:  "version: 1\nservers:\n  - name: demo\n    upstream: 127.0.0.1:8081\n    tools:\n      allow: []\n",
			want: ir.Policy{Limits: defaultLimits, Servers: []ir.Server{
				server("demo", ep("127.0.0.1", 8081), allowlist.Policy{Allow: []string{}}),
			}},
		},
		{
			name: "deny only allows the rest without a warning",
			src:  "version: 1\nservers:\n  - name: demo\n    upstream: 127.0.0.1:8081\n    tools: {deny: [run_shell]}\n",
			want: ir.Policy{Limits: defaultLimits, Servers: []ir.Server{
				server("demo", ep("127.0.0.1", 8081), allowlist.Policy{Deny: []string{"run_shell"}, AllowAll: true}),
			}},
		},
		{
			name: "empty tools mapping allows everything without a warning",
			src:  "version: 1\nservers:\n  - name: demo\n    upstream: 127.0.0.1:8081\n    tools: {}\n",
			want: ir.Policy{Limits: defaultLimits, Servers: []ir.Server{
				server("demo", ep("127.0.0.1", 8081), allowlist.Policy{AllowAll: true}),
			}},
		},
		{
			name: "empty tools value is like no tools",
			src:  "version: 1\nservers:\n  - name: demo\n    upstream: 127.0.0.1:8081\n    tools:\n",
			want: ir.Policy{Limits: defaultLimits, Servers: []ir.Server{
				server("demo", ep("127.0.0.1", 8081), allowlist.Policy{AllowAll: true}),
			}},
			warnings: []string{"policy.yaml:5:5: servers[0].tools: no tools rules: agents may list and call every tool of this server; add tools.allow to name the tools they may use"},
		},
		{
			name: "limits, defaults and per-server overrides",
			src: `version: 1
limits:
  maxBodyBytes: 1024
  messageTimeout: 1m
defaults:
  listen: 10.0.0.1:9000
  path: /rpc
servers:
  - name: a
    upstream: a.svc:80
    tools: {allow: [x]}
  - name: b-2
    upstream: "[fd00::1]:443"
    listen: "[::]:9001"
    path: /mcp/v1
    tools: {allow: ["?"]}
`,
			want: ir.Policy{
				Limits: ir.Limits{MaxBodyBytes: 1024, MessageTimeoutMillis: 60000, MaxConcurrentStreams: ir.DefaultMaxConcurrentStreams},
				Servers: []ir.Server{
					{Name: "a", Upstream: ep("a.svc", 80), Listen: ep("10.0.0.1", 9000), Path: "/rpc", Policy: chain.Policy{Tools: allowlist.Policy{Allow: []string{"x"}}, Arguments: defaultArguments}},
					{Name: "b-2", Upstream: ep("fd00::1", 443), Listen: ep("::", 9001), Path: "/mcp/v1", Policy: chain.Policy{Tools: allowlist.Policy{Allow: []string{"?"}}, Arguments: defaultArguments}},
				},
			},
		},
		{
			name: "limits at their bounds",
			src:  "version: 1\nlimits: {maxBodyBytes: 67108864, messageTimeout: 10ms, maxConcurrentStreams: 1000000}\nservers: [{name: a, upstream: 'h:1', tools: {allow: [a]}}]\n",
			want: ir.Policy{Limits: ir.Limits{MaxBodyBytes: 64 << 20, MessageTimeoutMillis: 10, MaxConcurrentStreams: 1000000}, Servers: []ir.Server{
				server("a", ep("h", 1), allowlist.Policy{Allow: []string{"a"}}),
			}},
		},
		{
			name: "empty limits and defaults are the defaults",
			src:  "version: 1\nlimits:\ndefaults:\nservers:\n  - name: a\n    upstream: h:65535\n    tools: {allow: [a]}\n",
			want: ir.Policy{Limits: defaultLimits, Servers: []ir.Server{
				server("a", ep("h", 65535), allowlist.Policy{Allow: []string{"a"}}),
			}},
		},
		{
			name: "anchors, aliases, merge keys and tags",
			src: `version: 1
servers:
  - &base
    name: a
    upstream: 127.0.0.1:80
    tools: &rules
      allow: [echo]
  - <<: *base
    name: b
    path: !!str /b
  - name: !!str 123
    upstream: 127.0.0.1:81
    tools: *rules
`,
			want: ir.Policy{Limits: defaultLimits, Servers: []ir.Server{
				server("a", ep("127.0.0.1", 80), allowlist.Policy{Allow: []string{"echo"}}),
				{Name: "b", Upstream: ep("127.0.0.1", 80), Listen: ep("0.0.0.0", 10000), Path: "/b", Policy: chain.Policy{Tools: allowlist.Policy{Allow: []string{"echo"}}, Arguments: defaultArguments}},
				server("123", ep("127.0.0.1", 81), allowlist.Policy{Allow: []string{"echo"}}),
			}},
		},
		{
			name: "byte order mark, CRLF and document markers",
			src:  "\ufeff---\r\nversion: 1\r\nservers:\r\n  - name: a\r\n    upstream: h:1\r\n    tools: {allow: [a]}\r\n...\r\n",
			want: ir.Policy{Limits: defaultLimits, Servers: []ir.Server{
				server("a", ep("h", 1), allowlist.Policy{Allow: []string{"a"}}),
			}},
		},
		{
			name: "duplicate pattern is a warning",
			src:  "version: 1\nservers:\n  - name: a\n    upstream: h:1\n    tools:\n      allow: [echo, echo]\n",
			want: ir.Policy{Limits: defaultLimits, Servers: []ir.Server{
				server("a", ep("h", 1), allowlist.Policy{Allow: []string{"echo", "echo"}}),
			}},
			warnings: []string{`policy.yaml:6:21: servers[0].tools.allow[1]: pattern "echo" is listed twice (first at line 6)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustParse(t, tt.src)
			got := *res.Policy
			got.Version = ""
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("policy:\n got %+v\nwant %+v", got, tt.want)
			}
			if w := warningStrings(res.Warnings); !reflect.DeepEqual(w, tt.warnings) {
				t.Errorf("warnings:\n got %q\nwant %q", w, tt.warnings)
			}
		})
	}
}

// TestAllowEmptyIsNotAllowAll pins the one distinction that must never blur:
// "allow: []" denies every tool, no allow key allows every tool.
func TestAllowEmptyIsNotAllowAll(t *testing.T) {
	deny := mustParse(t, "version: 1\nservers: [{name: a, upstream: 'h:1', tools: {allow: []}}]\n").Policy.Servers[0].Tools
	if deny.AllowAll || deny.Allow == nil || len(deny.Allow) != 0 {
		t.Errorf("allow: [] gave %+v, want a non-nil empty Allow and AllowAll false", deny)
	}
	all := mustParse(t, "version: 1\nservers: [{name: a, upstream: 'h:1', tools: {deny: []}}]\n").Policy.Servers[0].Tools
	if !all.AllowAll || all.Allow != nil {
		t.Errorf("no allow key gave %+v, want AllowAll and a nil Allow", all)
	}
}

func TestParseErrors(t *testing.T) {
	const head = "version: 1\nservers:\n  - name: a\n" // a server starting at line 3
	tests := []struct {
		name string
		src  string
		want []string // every error, exactly, in order
	}{
		{"empty file", "", []string{
			`policy.yaml:1:1: policy file is empty; it needs at least "version: 1" and one entry under "servers"`}},
		{"only comments", "# nothing here\n\n", []string{
			`policy.yaml:1:1: policy file is empty; it needs at least "version: 1" and one entry under "servers"`}},
		{"not a mapping", "- version: 1\n", []string{
			"policy.yaml:1:1: a policy file must be a YAML mapping with the fields version, limits, defaults and servers; got a list"}},
		{"scalar", "hello\n", []string{
			`policy.yaml:1:1: a policy file must be a YAML mapping with the fields version, limits, defaults and servers; got the string "hello"`}},
		{"syntax error", "version: [1\n", []string{
			"policy.yaml:1:10: invalid YAML: sequence end token ']' not found"}},
		{"two documents", "version: 1\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n---\nversion: 1\n", []string{
			"policy.yaml:4:1: a policy file holds a single YAML document; remove this one (after the '---' separator)"}},
		{"version missing", "servers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			`policy.yaml:1:1: version: required field is missing; add "version: 1"`}},
		{"version 2", "version: 2\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			"policy.yaml:1:10: version: unsupported version 2; only 1 is accepted"}},
		{"version string", "version: \"1\"\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			`policy.yaml:1:10: version: must be the integer 1, got the string "1"`}},
		{"servers missing", "version: 1\n", []string{
			"policy.yaml:1:1: servers: required field is missing; declare at least one server"}},
		{"servers empty", "version: 1\nservers: []\n", []string{
			"policy.yaml:2:10: servers: must list at least one server"}},
		{"servers null", "version: 1\nservers:\n", []string{
			"policy.yaml:2:1: servers: must list at least one server"}},
		{"servers not a list", "version: 1\nservers: {name: a}\n", []string{
			"policy.yaml:2:10: servers: must be a list of servers, got a mapping"}},
		{"unknown top-level key", "version: 1\nserver: []\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			`policy.yaml:2:1: server: unknown field "server" (did you mean "servers"?)`}},
		{"unknown key far from any", head + "    upstream: h:1\n    tools: {}\n    colour: red\n", []string{
			`policy.yaml:6:5: servers[0].colour: unknown field "colour"; expected one of: name, upstream, image, verify, unverifiedLocal, listen, address, path, allowedOrigins, tokenExchange, tools, arguments, content, poisoning, egress, webhooks, clients, rateLimits, sequences, results`}},
		{"misspelt tools key", head + "    upstream: h:1\n    tools:\n      alow: [echo]\n", []string{
			`policy.yaml:6:7: servers[0].tools.alow: unknown field "alow" (did you mean "allow"?)`}},
		{"wrong case", "version: 1\nlimits: {MaxBodyBytes: 2048}\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			`policy.yaml:2:10: limits.MaxBodyBytes: unknown field "MaxBodyBytes" (did you mean "maxBodyBytes"?)`}},
		{"duplicate key", head + "    upstream: h:1\n    upstream: h:2\n    tools: {}\n", []string{
			`policy.yaml:5:5: servers[0].upstream: duplicate key "upstream" (first at line 4)`}},
		{"missing name and upstream", "version: 1\nservers:\n  - tools: {}\n", []string{
			"policy.yaml:3:5: servers[0].name: required field is missing",
			"policy.yaml:3:5: servers[0].upstream: required field is missing"}},
		{"server not a mapping", "version: 1\nservers:\n  - demo\n", []string{
			`policy.yaml:3:5: servers[0]: must be a mapping with name, upstream, image, verify, unverifiedLocal, listen, address, path, allowedOrigins, tokenExchange, tools, arguments, content, poisoning, egress, webhooks, clients, rateLimits, sequences and results, got the string "demo"`}},
		{"port 0", head + "    upstream: 127.0.0.1:0\n    tools: {}\n", []string{
			"policy.yaml:4:15: servers[0].upstream: port must be in 1-65535"}},
		{"port too big", head + "    upstream: 127.0.0.1:65536\n    tools: {}\n", []string{
			"policy.yaml:4:15: servers[0].upstream: port must be in 1-65535"}},
		{"port not a number", head + "    upstream: h:http\n    tools: {}\n", []string{
			`policy.yaml:4:15: servers[0].upstream: port must be a number in 1-65535, got "http"`}},
		{"port missing", head + "    upstream: localhost\n    tools: {}\n", []string{
			`policy.yaml:4:15: servers[0].upstream: must be "host:port"; the port is missing in "localhost"`}},
		{"host missing", head + "    upstream: h:1\n    listen: \":10000\"\n    tools: {}\n", []string{
			`policy.yaml:5:13: servers[0].listen: host is missing; write "0.0.0.0:PORT" to mean every interface`}},
		{"IPv6 without brackets", head + "    upstream: \"::1:8080\"\n    tools: {}\n", []string{
			`policy.yaml:4:15: servers[0].upstream: must be "host:port" with IPv6 addresses in brackets, e.g. "[::1]:8080"; got "::1:8080"`}},
		{"bad IPv6", head + "    upstream: \"[::g]:80\"\n    tools: {}\n", []string{
			`policy.yaml:4:15: servers[0].upstream: "::g" is not a valid IPv6 address`}},
		{"bad IPv4", head + "    upstream: 300.1.1.1:80\n    tools: {}\n", []string{
			`policy.yaml:4:15: servers[0].upstream: "300.1.1.1" is not a valid IPv4 address`}},
		{"bad host name", head + "    upstream: bad_host-.x:80\n    tools: {}\n", []string{
			`policy.yaml:4:15: servers[0].upstream: "bad_host-.x" is not a valid host name or IP address`}},
		{"upstream as integer", head + "    upstream: 8080\n    tools: {}\n", []string{
			`policy.yaml:4:15: servers[0].upstream: must be a "host:port" string, got the integer 8080`}},
		{"upstream empty", head + "    upstream:\n    tools: {}\n", []string{
			`policy.yaml:4:5: servers[0].upstream: must be a "host:port" string, got an empty value`}},
		{"path without slash", head + "    upstream: h:1\n    path: mcp\n    tools: {}\n", []string{
			`policy.yaml:5:11: servers[0].path: must start with '/', got "mcp"`}},
		{"path with query", head + "    upstream: h:1\n    path: /mcp?x=1\n    tools: {}\n", []string{
			`policy.yaml:5:11: servers[0].path: must not contain '?' or '#' (no query or fragment), got "/mcp?x=1"`}},
		{"path with fragment", "version: 1\ndefaults: {path: '/mcp#x'}\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			`policy.yaml:2:18: defaults.path: must not contain '?' or '#' (no query or fragment), got "/mcp#x"`}},
		{"path with space", head + "    upstream: h:1\n    path: \"/m cp\"\n    tools: {}\n", []string{
			`policy.yaml:5:11: servers[0].path: must not contain whitespace or control characters, got "/m cp"`}},
		{"block string path keeps its newline", head + "    upstream: h:1\n    path: |\n      /mcp\n    tools: {}\n", []string{
			`policy.yaml:5:11: servers[0].path: must not contain whitespace or control characters, got "/mcp\n"`}},
		{"invalid name", "version: 1\nservers:\n  - name: My_Server\n    upstream: h:1\n    tools: {}\n", []string{
			`policy.yaml:3:11: servers[0].name: "My_Server" is not a valid server name: use a DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)`}},
		{"name too long", "version: 1\nservers:\n  - name: " + strings.Repeat("a", 64) + "\n    upstream: h:1\n    tools: {}\n", []string{
			`policy.yaml:3:11: servers[0].name: "` + strings.Repeat("a", 64) + `" is not a valid server name: use a DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)`}},
		{"duplicate names", "version: 1\nservers:\n  - {name: a, upstream: 'h:1', tools: {}}\n  - {name: b, upstream: 'h:1', tools: {}}\n  - {name: a, upstream: 'h:1', tools: {}}\n", []string{
			`policy.yaml:5:12: servers[2].name: server name "a" is already used by servers[0] (line 3)`}},
		{"empty pattern", head + "    upstream: h:1\n    tools: {allow: [echo, '']}\n", []string{
			"policy.yaml:5:27: servers[0].tools.allow[1]: pattern must not be empty"}},
		{"non-printable pattern", head + "    upstream: h:1\n    tools: {deny: [\"run\\u0000shell\"]}\n", []string{
			`policy.yaml:5:20: servers[0].tools.deny[0]: pattern "run\x00shell" contains the non-printable character U+0000`}},
		{"pattern not a string", head + "    upstream: h:1\n    tools: {allow: [1]}\n", []string{
			"policy.yaml:5:21: servers[0].tools.allow[0]: must be a tool name or glob pattern (a string), got the integer 1"}},
		{"pattern in allow and deny", head + "    upstream: h:1\n    tools:\n      allow: [echo, run_shell]\n      deny: [run_shell]\n", []string{
			`policy.yaml:7:14: servers[0].tools.deny[0]: contradictory rules: pattern "run_shell" is also allowed by servers[0].tools.allow[1] (line 6); remove it from one of the lists`}},
		{"allow empty value", head + "    upstream: h:1\n    tools:\n      allow:\n", []string{
			"policy.yaml:6:7: servers[0].tools.allow: must be a list of tool name patterns; write [] to deny every tool, or remove the key to allow every tool"}},
		{"deny as a string", head + "    upstream: h:1\n    tools:\n      deny: run_shell\n", []string{
			`policy.yaml:6:13: servers[0].tools.deny: must be a list of tool name patterns, got the string "run_shell"`}},
		{"tools as a list", head + "    upstream: h:1\n    tools: [echo]\n", []string{
			"policy.yaml:5:12: servers[0].tools: must be a mapping with allow, deny and mode, got a list"}},
		{"stream limit too small", "version: 1\nlimits:\n  maxConcurrentStreams: 15\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			"policy.yaml:3:25: limits.maxConcurrentStreams: must be between 16 and 1000000 concurrent requests, got 15"}},
		{"body limit too small", "version: 1\nlimits:\n  maxBodyBytes: 1023\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			"policy.yaml:3:17: limits.maxBodyBytes: must be between 1024 (1 KiB) and 67108864 (64 MiB) bytes, got 1023"}},
		{"body limit too big", "version: 1\nlimits:\n  maxBodyBytes: 67108865\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			"policy.yaml:3:17: limits.maxBodyBytes: must be between 1024 (1 KiB) and 67108864 (64 MiB) bytes, got 67108865"}},
		{"body limit negative", "version: 1\nlimits:\n  maxBodyBytes: -1\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			"policy.yaml:3:17: limits.maxBodyBytes: must be between 1024 (1 KiB) and 67108864 (64 MiB) bytes, got -1"}},
		{"body limit as string", "version: 1\nlimits:\n  maxBodyBytes: 4MiB\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			`policy.yaml:3:17: limits.maxBodyBytes: must be an integer number of bytes, got the string "4MiB"`}},
		{"timeout without unit", "version: 1\nlimits:\n  messageTimeout: 2\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			`policy.yaml:3:19: limits.messageTimeout: must be a duration such as "2s" or "500ms", got the integer 2`}},
		{"timeout unparsable", "version: 1\nlimits:\n  messageTimeout: 2 seconds\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			`policy.yaml:3:19: limits.messageTimeout: must be a duration such as "2s" or "500ms", got "2 seconds"`}},
		{"timeout too short", "version: 1\nlimits:\n  messageTimeout: 9ms\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			"policy.yaml:3:19: limits.messageTimeout: must be between 10ms and 60s, got 9ms"}},
		{"timeout too long", "version: 1\nlimits:\n  messageTimeout: 61s\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			"policy.yaml:3:19: limits.messageTimeout: must be between 10ms and 60s, got 61s"}},
		{"timeout fraction of a millisecond", "version: 1\nlimits:\n  messageTimeout: 10500us\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			"policy.yaml:3:19: limits.messageTimeout: must be a whole number of milliseconds, got 10500us"}},
		{"limits not a mapping", "version: 1\nlimits: 5\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			"policy.yaml:2:9: limits: must be a mapping with maxBodyBytes, messageTimeout and maxConcurrentStreams, got the integer 5"}},
		{"bad default listen", "version: 1\ndefaults:\n  listen: 0.0.0.0:0\nservers: [{name: a, upstream: 'h:1', tools: {}}]\n", []string{
			"policy.yaml:3:11: defaults.listen: port must be in 1-65535"}},
		{"unknown alias", "version: 1\nservers: *nope\n", []string{
			"policy.yaml:2:10: servers: alias *nope does not refer to an anchor &nope defined before it"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := parseAnyImage("policy.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded (%+v), want errors:\n%s", res.Policy, strings.Join(tt.want, "\n"))
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
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
			if err.Error() != strings.Join(tt.want, "\n") {
				t.Errorf("Error() = %q, want the errors one per line", err.Error())
			}
		})
	}
}

// TestAllErrorsReported checks that one bad field does not hide the others.
func TestAllErrorsReported(t *testing.T) {
	src := `version: 3
limits:
  maxBodyBytes: 1
  messageTimeout: forever
  extra: 1
defaults:
  listen: nowhere
servers:
  - name: UPPER
    upstream: h:0
    path: relative
    tools:
      allow: [""]
  - name: ok
  - name: ok
    upstream: h:1
    tools: {allow: [a], deny: [a], other: 1}
`
	_, err := parseAnyImage("p.yaml", []byte(src))
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got %v, want Errors", err)
	}
	wantPrefixes := []string{
		"p.yaml:1:10: version:",
		"p.yaml:3:17: limits.maxBodyBytes:",
		"p.yaml:4:19: limits.messageTimeout:",
		"p.yaml:5:3: limits.extra:",
		"p.yaml:7:11: defaults.listen:",
		"p.yaml:9:11: servers[0].name:",
		"p.yaml:10:15: servers[0].upstream:",
		"p.yaml:11:11: servers[0].path:",
		"p.yaml:13:15: servers[0].tools.allow[0]:",
		"p.yaml:14:5: servers[1].upstream: required field is missing",
		"p.yaml:15:11: servers[2].name: server name \"ok\" is already used by servers[1] (line 14)",
		"p.yaml:17:32: servers[2].tools.deny[0]: contradictory rules",
		"p.yaml:17:36: servers[2].tools.other: unknown field",
	}
	if len(errs) != len(wantPrefixes) {
		t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(wantPrefixes), err)
	}
	for i, p := range wantPrefixes {
		if !strings.HasPrefix(errs[i].Error(), p) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], p)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{Error{File: "policy.yaml", Line: 12, Column: 7, Field: "servers[0].upstream", Msg: "port must be in 1-65535"}, "policy.yaml:12:7: servers[0].upstream: port must be in 1-65535"},
		{Error{File: "policy.yaml", Line: 3, Msg: "bad"}, "policy.yaml:3: bad"},
		{Error{File: "policy.yaml", Field: "servers", Msg: "bad"}, "policy.yaml: servers: bad"},
		{Error{Line: 1, Column: 2, Msg: "bad"}, ":1:2: bad"},
		{Error{Msg: "bad"}, "bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	errs := Errors{&tests[0].err, &tests[1].err}
	if got, want := errs.Error(), tests[0].want+"\n"+tests[1].want; got != want {
		t.Errorf("Errors.Error() = %q, want %q", got, want)
	}
	var one *Error
	if !errors.As(error(errs), &one) || one != &tests[0].err {
		t.Errorf("errors.As(Errors, *Error) did not find the first error")
	}
}

// TestInvalidExample pins the example output shown in docs/policy.md.
func TestInvalidExample(t *testing.T) {
	data, err := os.ReadFile("testdata/invalid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse("policy.yaml", data)
	want := `policy.yaml:8:3: limits.maxBodybytes: unknown field "maxBodybytes" (did you mean "maxBodyBytes"?)
policy.yaml:12:15: servers[0].upstream: port must be in 1-65535
policy.yaml:18:14: servers[0].tools.deny[0]: contradictory rules: pattern "run_shell" is also allowed by servers[0].tools.allow[2] (line 17); remove it from one of the lists
policy.yaml:20:11: servers[1].name: server name "demo" is already used by servers[0] (line 11)
policy.yaml:23:12: servers[1].image: image "ghcr.io/example/search:1.4" is pinned by tag only; a tag can be moved to other content, so pin it by digest: ghcr.io/example/search@sha256:<digest> (crane digest ghcr.io/example/search:1.4 prints it), or mark a development server "unverifiedLocal: true"`
	if err == nil || err.Error() != want {
		t.Fatalf("got:\n%v\nwant:\n%s", err, want)
	}
	doc, err := os.ReadFile("../../docs/policy.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(doc, []byte(want)) {
		t.Errorf("docs/policy.md does not show the current output for testdata/invalid.yaml:\n%s", want)
	}
}

// TestDocsExample checks that the commented example in docs/policy.md is valid.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/policy.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/policy.md has no yaml example")
	}
	// Parsed as if it sat in testdata, next to the key and trusted root it names.
	res, err := Parse(filepath.Join("testdata", "policy.yaml"), m[1])
	if err != nil {
		t.Fatalf("docs example: %v", err)
	}
	files := server("files", ep("fd00::12", 9000), allowlist.Policy{Allow: []string{"read_*", "list_dir", "search"}})
	files.Arguments.Rules = []arguments.Rule{
		{Tool: "read_*", Argument: "path", Mode: interceptors.Enforce, Required: true, PathPrefixes: []string{"/srv/data", "/tmp/agent"},
			MaxLength: 4096, Allow: []string{`^[\w./-]+$`}, Deny: []string{`/\.`}},
		{Tool: "list_dir", Argument: "options.depth", Mode: interceptors.Enforce, Enum: [][]byte{[]byte("1"), []byte("2"), []byte("3")}},
		{Tool: "search", Argument: "filters.*", Mode: interceptors.Enforce, MaxBytes: 1024,
			Schema: []byte(`{"type":"object","properties":{"field":{"type":"string"}}}`)},
	}
	files.Content = chain.Content{
		Secrets: &secrets.Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact, Disable: []string{"generic-api-key"}},
		PII: []pii.Rule{
			{Kind: pii.KindEmail, Action: interceptors.ActionRedact, Mode: interceptors.AuditOnly, Direction: "responses"},
			{Kind: pii.KindPhone, Region: "DE", Action: interceptors.ActionRedact, Mode: interceptors.Enforce},
			{Kind: pii.KindRegex, Name: "employee-id", Pattern: `EMP-\d{6}`, Action: interceptors.ActionBlock, Mode: interceptors.Enforce},
		},
	}
	files.Poisoning = &poisoning.Policy{Mode: interceptors.Enforce, Action: interceptors.ActionHide, MaxDescriptionBytes: 65536}
	files.Egress = &egress.Policy{Mode: interceptors.Enforce, Arguments: []string{"read_*:url", "*:endpoint"}, Detect: true,
		Allow: []string{"api.github.com", "*.example.com", "10.1.0.0/16", "192.0.2.7"}, Schemes: []string{"https"},
		Network: &egress.Network{Listen: "127.0.0.1:15001", Allow: []string{"api.github.com", "*.githubusercontent.com", "10.20.0.0/16"},
			Credentials: []egress.Credential{{Host: "api.github.com", Port: 443, Header: "Authorization", Prefix: "Bearer ", SecretFile: "/var/run/secrets/github/token"}}}}
	files.Webhooks = []webhook.Policy{{Name: "dlp", Phase: "before", URL: "http://127.0.0.1:9000/hook", Tools: []string{"*"},
		TimeoutMillis: 500, MaxBytes: 1 << 20, Mode: interceptors.Enforce}}
	files.Image = "registry.example.com/mcp/files@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
	if v := res.Policy.Servers[1].Verify; v == nil || v.Keyless == nil || len(v.TrustedRootJSON) == 0 || !v.RequireTlog {
		t.Fatalf("docs example: files.verify = %+v, want keyless with a trusted root and the log required", v)
	}
	files.Verify = res.Policy.Servers[1].Verify
	want := []ir.Server{
		{
			Name:            "demo",
			Upstream:        ep("127.0.0.1", 8081),
			Listen:          ep("127.0.0.1", 10000),
			Path:            "/mcp",
			UnverifiedLocal: true,
			Policy: chain.Policy{
				Tools:     allowlist.Policy{Allow: []string{"echo", "get_*"}, Deny: []string{"run_shell"}},
				Arguments: defaultArguments,
			},
		},
		files,
	}
	if sc := res.Policy.SupplyChain; sc != (ir.SupplyChain{Concurrency: 4, TimeoutMillis: 30000}) {
		t.Errorf("docs example: supplyChain = %+v", sc)
	}
	if !reflect.DeepEqual(res.Policy.Servers, want) || res.Policy.Limits != defaultLimits {
		t.Errorf("docs example:\n got %+v\nwant %+v", res.Policy, want)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("docs example warns: %q", warningStrings(res.Warnings))
	}
}

func TestVersion(t *testing.T) {
	const base = `version: 1
limits:
  maxBodyBytes: 4194304
servers:
  - name: demo
    upstream: 127.0.0.1:8081
    tools:
      allow: [echo]
`
	v := mustParse(t, base).Policy.Version

	same := map[string]string{
		"comments and blank lines": "# a comment\n\n" + strings.ReplaceAll(base, "[echo]", "[echo]   # trailing comment\n"),
		"key order": `servers:
  - tools:
      allow: [echo]
    upstream: 127.0.0.1:8081
    name: demo
limits:
  maxBodyBytes: 4194304
version: 1
`,
		"flow style and quoting":     "version: 1\nlimits: {maxBodyBytes: 4194304}\nservers: [{name: 'demo', upstream: \"127.0.0.1:8081\", tools: {allow: [\"echo\"]}}]\n",
		"explicit defaults":          strings.Replace(base, "limits:\n", "limits:\n  messageTimeout: 2000ms\n", 1) + "    path: /mcp\n",
		"explicit argument defaults": base + "    arguments: {schema: enforce, unknownTool: audit}\n",
		"empty content":              base + "    content: {pii: []}\n",
		"indentation": `version: 1
limits:
    maxBodyBytes: 4194304
servers:
-   name: demo
    upstream: 127.0.0.1:8081
    tools:
        allow:
        - echo
`,
	}
	for name, src := range same {
		if got := mustParse(t, src).Policy.Version; got != v {
			t.Errorf("%s: version %s, want %s as for the original", name, got, v)
		}
	}

	changed := map[string]string{
		"tool added":         strings.Replace(base, "[echo]", "[echo, ping]", 1),
		"tool renamed":       strings.Replace(base, "[echo]", "[ech0]", 1),
		"deny added":         base + "      deny: [x]\n",
		"allow emptied":      strings.Replace(base, "[echo]", "[]", 1),
		"allow removed":      strings.Replace(base, "      allow: [echo]\n", "      deny: []\n", 1),
		"upstream port":      strings.Replace(base, "8081", "8082", 1),
		"limit":              strings.Replace(base, "4194304", "4194305", 1),
		"timeout":            strings.Replace(base, "limits:\n", "limits:\n  messageTimeout: 3s\n", 1),
		"name":               strings.Replace(base, "demo", "demo2", 1),
		"path":               base + "    path: /other\n",
		"listen":             base + "    listen: 127.0.0.1:10001\n",
		"server added":       base + "  - {name: b, upstream: 'h:1', tools: {}}\n",
		"listen via default": strings.Replace(base, "servers:", "defaults: {listen: '0.0.0.0:1'}\nservers:", 1),
		"schema off":         base + "    arguments: {schema: off}\n",
		"schema audited":     base + "    arguments: {schema: audit}\n",
		"unknown tools":      base + "    arguments: {unknownTool: block}\n",
		"argument rule":      base + "    arguments: {rules: [{tool: echo, argument: text, maxLength: 10}]}\n",
		"argument rule mode": base + "    arguments: {rules: [{tool: echo, argument: text, maxLength: 10, mode: audit}]}\n",
		"enum":               base + "    arguments: {rules: [{tool: echo, argument: text, enum: [a]}]}\n",
		"enum value":         base + "    arguments: {rules: [{tool: echo, argument: text, enum: [b]}]}\n",
		"schema":             base + "    arguments: {rules: [{tool: echo, argument: text, schema: {type: string}}]}\n",
		"schema value":       base + "    arguments: {rules: [{tool: echo, argument: text, schema: {type: integer}}]}\n",
		"schema keys":        base + "    arguments: {rules: [{tool: echo, argument: text, schema: {type: string, maxLength: 1}}]}\n",
		"schema key order":   base + "    arguments: {rules: [{tool: echo, argument: text, schema: {maxLength: 1, type: string}}]}\n",
		"secrets":            base + "    content: {secrets: {}}\n",
		"secrets audited":    base + "    content: {secrets: {mode: audit}}\n",
		"secrets disabled":   base + "    content: {secrets: {disable: [github-pat]}}\n",
		"pii":                base + "    content: {pii: [{kind: email, action: redact}]}\n",
		"pii direction":      base + "    content: {pii: [{kind: email, action: redact, direction: requests}]}\n",
		"pii phone":          base + "    content: {pii: [{kind: phone, action: redact}]}\n",
		"pii phone region":   base + "    content: {pii: [{kind: phone, action: redact, region: DE}]}\n",
	}
	seen := map[string]string{v: "original"}
	for name, src := range changed {
		got := mustParse(t, src).Policy.Version
		if prev, dup := seen[got]; dup {
			t.Errorf("%s: version %s, same as %s", name, got, prev)
		}
		seen[got] = name
	}
}

func TestDefault(t *testing.T) {
	onDisk, err := os.ReadFile("default.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(DefaultYAML(), onDisk) {
		t.Error("DefaultYAML differs from default.yaml")
	}
	y := DefaultYAML()
	y[0] ^= 0xff
	if !bytes.Equal(DefaultYAML(), onDisk) {
		t.Error("DefaultYAML returns shared bytes that callers can change")
	}

	res := Default() // panics if the embedded policy is invalid
	if len(res.Warnings) != 0 {
		t.Errorf("default policy warns: %q", warningStrings(res.Warnings))
	}
	want := []ir.Server{{
		Name:     "demo",
		Upstream: ep("127.0.0.1", 18080),
		Listen:   ep("127.0.0.1", 10000),
		Path:     "/mcp",
		// The demo is a local process without an image.
		UnverifiedLocal: true,
		Policy: chain.Policy{
			Tools:     allowlist.Policy{Allow: []string{"echo", "get_*"}, Deny: []string{"run_shell"}},
			Arguments: defaultArguments,
		},
	}}
	if !reflect.DeepEqual(res.Policy.Servers, want) || res.Policy.Limits != defaultLimits {
		t.Errorf("default policy:\n got %+v\nwant servers %+v limits %+v", res.Policy, want, defaultLimits)
	}
	if err := res.Policy.Validate(); err != nil {
		t.Error(err)
	}
	// Tools substitute the demo addresses in the text (mcpmesh dev does), so
	// each must appear exactly once, as the value it configures.
	for _, addr := range []string{"127.0.0.1:10000", "127.0.0.1:18080"} {
		if n := bytes.Count(onDisk, []byte(addr)); n != 1 {
			t.Errorf("default.yaml mentions %s %d times, want once", addr, n)
		}
	}
	if Default() == res || Default().Policy == res.Policy {
		t.Error("Default returns shared state that callers can change")
	}
}

func TestLoad(t *testing.T) {
	res, err := Load("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := ir.Policy{
		Version: res.Policy.Version,
		Limits:  ir.Limits{MaxBodyBytes: 1 << 20, MessageTimeoutMillis: 500, MaxConcurrentStreams: ir.DefaultMaxConcurrentStreams},
		Servers: []ir.Server{
			{
				Name:     "files",
				Upstream: ep("files.tools.svc", 8080),
				Listen:   ep("0.0.0.0", 9000),
				Path:     "/rpc",
				Image:    "registry.example.com/mcp/files@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
				Verify:   res.Policy.Servers[0].Verify,
				Policy: chain.Policy{
					Tools:     allowlist.Policy{Allow: []string{"read_file", "list_*"}, Deny: []string{"list_secrets"}},
					Arguments: defaultArguments,
				},
			},
			{
				Name:            "search",
				Upstream:        ep("fd00::12", 9000),
				Listen:          ep("::", 9001),
				Path:            "/mcp",
				UnverifiedLocal: true,
				Policy: chain.Policy{
					Tools:     allowlist.Policy{Deny: []string{"admin_?"}, AllowAll: true},
					Arguments: defaultArguments,
				},
			},
		},
	}
	if v := res.Policy.Servers[0].Verify; v == nil || v.KeyFile != filepath.Join("testdata", "cosign.pub") || len(v.PublicKeyPEM) == 0 || v.RequireTlog {
		t.Errorf("files.verify = %+v, want the key from testdata/cosign.pub without the log", v)
	}
	if !reflect.DeepEqual(*res.Policy, want) {
		t.Errorf("got %+v\nwant %+v", *res.Policy, want)
	}

	// Errors name the path as given.
	_, err = Load("testdata/invalid.yaml")
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 5 || errs[0].File != "testdata/invalid.yaml" {
		t.Errorf("Load(invalid) = %v", err)
	}

	missing := filepath.Join(t.TempDir(), "nope.yaml")
	_, err = Load(missing)
	var e *Error
	if !errors.As(err, &e) || e.File != missing || e.Line != 0 {
		t.Fatalf("Load(missing) = %#v, want an *Error naming the file", err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) error does not wrap fs.ErrNotExist: %v", err)
	}
	if got, want := err.Error(), missing+": cannot read policy file: no such file or directory"; got != want {
		t.Errorf("Load(missing) = %q, want %q", got, want)
	}
}

func TestParseEndpoint(t *testing.T) {
	good := map[string]ir.Endpoint{
		"127.0.0.1:1":            ep("127.0.0.1", 1),
		"localhost:65535":        ep("localhost", 65535),
		"[::1]:8080":             ep("::1", 8080),
		"[fe80::1%eth0]:80":      ep("fe80::1%eth0", 80),
		"mcp.default.svc.:80":    ep("mcp.default.svc.", 80),
		"my_service:80":          ep("my_service", 80),
		"0.0.0.0:10000":          ep("0.0.0.0", 10000),
		"a-b.c-d:01":             ep("a-b.c-d", 1),
		"[::ffff:10.0.0.1]:9000": ep("::ffff:10.0.0.1", 9000),
	}
	for in, want := range good {
		got, err := ir.ParseEndpoint(in)
		if err != nil || got != want {
			t.Errorf("ParseEndpoint(%q) = %+v, %v; want %+v", in, got, err, want)
		}
		if want.String() != in && !strings.Contains(in, ":0") && in != "a-b.c-d:01" {
			t.Errorf("%+v.String() = %q, want %q", want, want.String(), in)
		}
	}
	for _, in := range []string{"", "h", "h:", ":80", "h:0", "h:65536", "h:-1", "h:+80", "h: 80", "::1", "::1:80", "[1.2.3.4]:80", "[::1]", "-h:80", "h..x:80", "h x:80", "1.2.3:80", "h:99999999999"} {
		if got, err := ir.ParseEndpoint(in); err == nil {
			t.Errorf("ParseEndpoint(%q) = %+v, want an error", in, got)
		}
	}
}

// TestMergeExpansionBounded feeds merge keys that double at every level; the
// loader must refuse them quickly instead of expanding 2^40 fields.
func TestMergeExpansionBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\nservers:\n  - &m0 {name: a, upstream: 'h:1', tools: {}}\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "  - &m%d {<<: [*m%d, *m%d]}\n", i, i-1, i-1)
	}
	_, err := parseAnyImage("p.yaml", []byte(b.String()))
	if err == nil || strings.Count(err.Error(), "merge keys expand to more than 10000 fields") != 1 {
		t.Fatalf("got %v, want the expansion reported once", err)
	}
}

func TestToolsMode(t *testing.T) {
	for mode, want := range map[string]interceptors.Mode{"audit": interceptors.AuditOnly, "enforce": ""} {
		res, err := parseAnyImage("p.yaml", []byte("version: 1\nservers:\n  - name: a\n    upstream: 127.0.0.1:1\n    tools:\n      allow: [echo]\n      mode: "+mode+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Policy.Servers[0].Tools.Mode; got != want {
			t.Errorf("mode %s: got %q, want %q", mode, got, want)
		}
	}
	_, err := parseAnyImage("p.yaml", []byte("version: 1\nservers:\n  - name: a\n    upstream: 127.0.0.1:1\n    tools:\n      mode: shadow\n"))
	if err == nil || !strings.Contains(err.Error(), "p.yaml:6:13: servers[0].tools.mode:") {
		t.Fatalf("bad mode: %v", err)
	}
}

// parseAnyImage parses like Parse but lets servers leave out image and
// unverifiedLocal, for tests of sections that have nothing to do with them.
func parseAnyImage(filename string, data []byte) (*Result, error) {
	return parse(filename, data, false)
}

// loadAnyImage is Load with the leniency of parseAnyImage.
func loadAnyImage(t *testing.T, path string) (*Result, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parse(path, data, false)
}
