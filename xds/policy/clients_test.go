package policy

import (
	"reflect"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/clients"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
)

func TestClientsSection(t *testing.T) {
	s, warnings := parseServer(t, `    clients:
      unmatched: allow
      rules:
        - subjects: [alice]
          tools: {deny: ["delete_*"]}
        - groups: [contractors]
          arguments:
            - {tool: "read_*", argument: path, pathPrefixes: [/srv/public]}
          content:
            secrets: {}
            pii: [{kind: email, action: redact}]
`)
	if len(warnings) != 0 {
		t.Errorf("warnings: %q", warnings)
	}
	want := &clients.Policy{Unmatched: clients.UnmatchedAllow, Rules: []clients.Rule{
		{Subjects: []string{"alice"}, Tools: allowlist.Policy{AllowAll: true, Deny: []string{"delete_*"}}},
		{Groups: []string{"contractors"}, Tools: allowlist.Policy{AllowAll: true},
			Arguments: []arguments.Rule{{Tool: "read_*", Argument: "path", Mode: interceptors.Enforce, PathPrefixes: []string{"/srv/public"}}},
			Secrets:   s.Clients.Rules[1].Secrets,
			PII:       []pii.Rule{{Kind: "email", Action: interceptors.ActionRedact, Mode: interceptors.Enforce}}},
	}}
	if s.Clients == nil || !reflect.DeepEqual(s.Clients.Rules[0], want.Rules[0]) || !reflect.DeepEqual(s.Clients.Rules[1].Arguments, want.Rules[1].Arguments) ||
		!reflect.DeepEqual(s.Clients.Rules[1].PII, want.Rules[1].PII) || s.Clients.Rules[1].Tools.AllowAll != true {
		t.Fatalf("clients:\n got %+v\nwant %+v", s.Clients, want)
	}
	if sec := s.Clients.Rules[1].Secrets; sec == nil || !reflect.DeepEqual(*sec, *secretsDefaults(t)) {
		t.Errorf("content.secrets with the defaults: %+v", sec)
	}

	s, _ = parseServer(t, "    clients: {rules: [{claims: {tenant: acme, plan: [pro, enterprise]}, tools: {allow: [echo]}}]}\n")
	if got := s.Clients.Rules[0].Claims; !reflect.DeepEqual(got, map[string][]string{"tenant": {"acme"}, "plan": {"pro", "enterprise"}}) {
		t.Errorf("claims: %v", got)
	}
	checkErrors(t, srv+"    clients: {rules: [{claims: {tenant: []}, tools: {allow: [echo]}}]}\n", []string{
		`policy.yaml:6:23: servers[0].clients.rules[0]: names no agent: give subjects, groups or claims`,
		`policy.yaml:6:41: servers[0].clients.rules[0].claims.tenant: list at least one value of claim "tenant"`,
	})

	checkErrors(t, srv+`    clients:
      rules:
        - groups: [contractors]
        - subjects: [bob]
          arguments: [{tool: read_file, argument: path}]
          content: {secret: {}}
`, []string{
		`policy.yaml:8:11: servers[0].clients.rules[0].tools: required field is missing: the tools these agents may use (or, without tools, the arguments or content rules they get)`,
		`policy.yaml:10:23: servers[0].clients.rules[1].arguments[0]: rule has no constraint and would do nothing; add at least one of: required: true, pathPrefixes, maxLength, maxBytes, allow, deny, enum, schema`,
		`policy.yaml:11:21: servers[0].clients.rules[1].content.secret: unknown field "secret" (did you mean "secrets"?)`,
	})
}

// secretsDefaults is what "secrets: {}" reads as.
func secretsDefaults(t *testing.T) *secrets.Policy {
	t.Helper()
	s, _ := parseServer(t, "    content: {secrets: {}}\n")
	return s.Content.Secrets
}
