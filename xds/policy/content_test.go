package policy

import (
	"reflect"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
)

func TestContentValid(t *testing.T) {
	defaultSecrets := &secrets.Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact}
	tests := []struct {
		name     string
		body     string
		want     chain.Content
		warnings []string
	}{
		{name: "absent: nothing scanned", body: "", want: chain.Content{}},
		{name: "empty mapping", body: "    content: {}\n", want: chain.Content{}},
		{name: "empty value", body: "    content:\n", want: chain.Content{}},
		{name: "empty pii list", body: "    content: {pii: []}\n", want: chain.Content{}},
		{name: "secrets with the defaults", body: "    content: {secrets: {}}\n", want: chain.Content{Secrets: defaultSecrets}},
		{
			name: "explicit secret defaults",
			body: "    content:\n      secrets: {mode: enforce, requests: block, responses: redact, disable: []}\n",
			want: chain.Content{Secrets: defaultSecrets},
		},
		{
			name: "every secret field",
			body: "    content:\n      secrets:\n        mode: audit\n        requests: redact\n        responses: audit\n        disable: [generic-api-key, github-pat, github-pat]\n",
			want: chain.Content{Secrets: &secrets.Policy{Mode: interceptors.AuditOnly, Requests: interceptors.ActionRedact, Responses: interceptors.ActionAudit,
				Disable: []string{"generic-api-key", "github-pat", "github-pat"}}},
			warnings: []string{`policy.yaml:11:48: servers[0].content.secrets.disable[2]: rule id "github-pat" is listed twice (first at line 11)`},
		},
		{
			name: "pii rules",
			body: `    content:
      secrets:
        mode: enforce
        requests: block
        responses: redact
        disable: [generic-api-key]
      pii:
        - kind: email
          action: redact
          mode: audit
          direction: responses
        - kind: phone
          region: DE
          action: redact
        - kind: regex
          name: employee-id
          pattern: 'EMP-\d{6}'
          action: block
`,
			want: chain.Content{
				Secrets: &secrets.Policy{Mode: interceptors.Enforce, Requests: interceptors.ActionBlock, Responses: interceptors.ActionRedact, Disable: []string{"generic-api-key"}},
				PII: []pii.Rule{
					{Kind: pii.KindEmail, Action: interceptors.ActionRedact, Mode: interceptors.AuditOnly, Direction: "responses"},
					{Kind: pii.KindPhone, Region: "DE", Action: interceptors.ActionRedact, Mode: interceptors.Enforce},
					{Kind: pii.KindRegex, Name: "employee-id", Pattern: `EMP-\d{6}`, Action: interceptors.ActionBlock, Mode: interceptors.Enforce},
				},
			},
		},
		{
			name: "pii defaults, every kind, several regex rules",
			body: `    content:
      pii:
        - {kind: phone, action: audit}
        - {kind: card, action: block, direction: requests}
        - {kind: iban, action: redact}
        - {kind: email, action: audit, mode: enforce}
        - {kind: regex, name: ticket, pattern: 'TCK-[0-9]+', action: audit}
        - {kind: regex, name: employee-id-2, pattern: '\bE\d{4}\b', action: redact}
`,
			want: chain.Content{PII: []pii.Rule{
				{Kind: pii.KindPhone, Region: pii.DefaultPhoneRegion, Action: interceptors.ActionAudit, Mode: interceptors.Enforce},
				{Kind: pii.KindCard, Action: interceptors.ActionBlock, Mode: interceptors.Enforce, Direction: "requests"},
				{Kind: pii.KindIBAN, Action: interceptors.ActionRedact, Mode: interceptors.Enforce},
				{Kind: pii.KindEmail, Action: interceptors.ActionAudit, Mode: interceptors.Enforce},
				{Kind: pii.KindRegex, Name: "ticket", Pattern: "TCK-[0-9]+", Action: interceptors.ActionAudit, Mode: interceptors.Enforce},
				{Kind: pii.KindRegex, Name: "employee-id-2", Pattern: `\bE\d{4}\b`, Action: interceptors.ActionRedact, Mode: interceptors.Enforce},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, warnings := parseServer(t, tt.body)
			if !reflect.DeepEqual(s.Content, tt.want) {
				t.Errorf("content:\n got %+v (secrets %+v)\nwant %+v (secrets %+v)", s.Content, s.Content.Secrets, tt.want, tt.want.Secrets)
			}
			if !reflect.DeepEqual(warnings, tt.warnings) {
				t.Errorf("warnings:\n got %q\nwant %q", warnings, tt.warnings)
			}
			if !reflect.DeepEqual(s.Arguments, defaultArguments) {
				t.Errorf("arguments = %+v, want the defaults", s.Arguments)
			}
		})
	}
}

func TestContentErrors(t *testing.T) {
	const pii = "    content:\n      pii:\n" // rules from line 8, indented by 8
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"not a mapping", "    content: []\n", []string{
			`policy.yaml:6:14: servers[0].content: must be a mapping with secrets and pii, got a list`}},
		{"misspelt key", "    content: {secret: {}}\n", []string{
			`policy.yaml:6:15: servers[0].content.secret: unknown field "secret" (did you mean "secrets"?)`}},
		{"secrets empty", "    content:\n      secrets:\n", []string{
			`policy.yaml:7:7: servers[0].content.secrets: must be a mapping; write "secrets: {}" to scan with the defaults, or remove the key to turn secret scanning off`}},
		{"secrets as a boolean", "    content: {secrets: true}\n", []string{
			`policy.yaml:6:24: servers[0].content.secrets: must be a mapping with mode, requests, responses and disable, got the boolean true`}},
		{"bad secret fields", "    content:\n      secrets: {mode: off, requests: allow, responses: block, disable: ['', x, 3], extra: 1}\n", []string{
			`policy.yaml:7:23: servers[0].content.secrets.mode: must be "enforce" or "audit", got "off"; remove the secrets key to turn secret scanning off`,
			`policy.yaml:7:38: servers[0].content.secrets.requests: must be "block", "redact" or "audit", got "allow"`,
			`policy.yaml:7:56: servers[0].content.secrets.responses: must be "redact" or "audit", got "block"; a response cannot be blocked, since the tool has already run when it arrives; use "redact" to remove the secret from it`,
			`policy.yaml:7:73: servers[0].content.secrets.disable[0]: rule id must not be empty`,
			`policy.yaml:7:77: servers[0].content.secrets.disable[1]: "x" is not a rule of the built-in secret rule set`,
			`policy.yaml:7:80: servers[0].content.secrets.disable[2]: must be a rule id (a string), got the integer 3`,
			`policy.yaml:7:84: servers[0].content.secrets.extra: unknown field "extra"; expected one of: mode, requests, responses, disable`}},
		{"misspelt rule id", "    content:\n      secrets: {disable: [github-pta]}\n", []string{
			`policy.yaml:7:27: servers[0].content.secrets.disable[0]: "github-pta" is not a rule of the built-in secret rule set (did you mean "github-pat"?)`}},
		{"secret mode empty and disable not a list", "    content:\n      secrets:\n        mode:\n        disable: generic-api-key\n", []string{
			`policy.yaml:8:9: servers[0].content.secrets.mode: must be "enforce" or "audit", got an empty value`,
			`policy.yaml:9:18: servers[0].content.secrets.disable: must be a list of secret rule ids, got the string "generic-api-key"`}},
		{"pii not a list", "    content: {pii: {kind: email}}\n", []string{
			`policy.yaml:6:20: servers[0].content.pii: must be a list of PII rules, got a mapping`}},
		{"pii rule not a mapping", pii + "        - email\n", []string{
			`policy.yaml:8:11: servers[0].content.pii[0]: must be a PII rule (a mapping with kind and action), got the string "email"`}},
		{"kind and action missing", pii + "        - {}\n        - {action: block}\n        - mode: audit\n", []string{
			`policy.yaml:8:11: servers[0].content.pii[0].kind: required field is missing; use "email", "card", "iban", "phone" or "regex"`,
			`policy.yaml:8:11: servers[0].content.pii[0].action: required field is missing; use "block", "redact" or "audit"`,
			`policy.yaml:9:11: servers[0].content.pii[1].kind: required field is missing; use "email", "card", "iban", "phone" or "regex"`,
			`policy.yaml:10:11: servers[0].content.pii[2].kind: required field is missing; use "email", "card", "iban", "phone" or "regex"`,
			`policy.yaml:10:11: servers[0].content.pii[2].action: required field is missing; use "block", "redact" or "audit"`}},
		{"unknown values", pii + "        - {kind: ssn, action: mask, direction: both, mode: off}\n        - {kind: card, action: redact, direction: in, mode: shadow}\n", []string{
			`policy.yaml:8:18: servers[0].content.pii[0].kind: must be "email", "card", "iban", "phone" or "regex", got "ssn"`,
			`policy.yaml:8:31: servers[0].content.pii[0].action: must be "block", "redact" or "audit", got "mask"`,
			`policy.yaml:8:48: servers[0].content.pii[0].direction: must be "requests" or "responses", got "both"; remove the key to apply the rule in both directions`,
			`policy.yaml:8:60: servers[0].content.pii[0].mode: must be "enforce" or "audit", got "off"; remove the rule to turn it off`,
			`policy.yaml:9:51: servers[0].content.pii[1].direction: must be "requests" or "responses", got "in"`,
			`policy.yaml:9:61: servers[0].content.pii[1].mode: must be "enforce" or "audit", got "shadow"`}},
		{"fields of other kinds", pii +
			"        - {kind: email, action: redact, pattern: x, name: y}\n" +
			"        - {kind: phone, action: audit, name: x}\n" +
			"        - {kind: regex, name: a, pattern: b, action: block, region: US}\n" +
			"        - {kind: card, action: block, region: US}\n", []string{
			`policy.yaml:8:41: servers[0].content.pii[0].pattern: only kind "regex" uses pattern; this "email" rule would ignore it`,
			`policy.yaml:8:53: servers[0].content.pii[0].name: only kind "regex" uses name; this "email" rule would ignore it`,
			`policy.yaml:9:40: servers[0].content.pii[1].name: only kind "regex" uses name; this "phone" rule would ignore it`,
			`policy.yaml:10:61: servers[0].content.pii[2].region: only kind "phone" uses region; this "regex" rule would ignore it`,
			`policy.yaml:11:39: servers[0].content.pii[3].region: only kind "phone" uses region; this "card" rule would ignore it`}},
		{"regex without name and pattern", pii + "        - kind: regex\n          action: block\n", []string{
			`policy.yaml:8:11: servers[0].content.pii[0].name: required field is missing for kind "regex"; the name appears in findings and in [REDACTED:<name>]`,
			`policy.yaml:8:11: servers[0].content.pii[0].pattern: required field is missing for kind "regex"`}},
		{"bad regex rules", pii +
			"        - {kind: regex, name: Emp_ID, pattern: '\\d*', action: block}\n" +
			"        - {kind: regex, name: a, pattern: x, action: block}\n" +
			"        - {kind: regex, name: a, pattern: '(', action: block}\n" +
			"        - {kind: regex, name: '', pattern: 5, action: block}\n" +
			"        - {kind: regex, name: " + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + ", pattern: '', action: block}\n", []string{
			`policy.yaml:8:31: servers[0].content.pii[0].name: "Emp_ID" is not a valid rule name: use lowercase letters, digits and '-' (at most 63 characters)`,
			`policy.yaml:8:48: servers[0].content.pii[0].pattern: pattern "\\d*" matches the empty string, so it would fire on every value; make it match at least one character`,
			`policy.yaml:10:31: servers[0].content.pii[2].name: rule name "a" is already used by servers[0].content.pii[1] (line 9)`,
			`policy.yaml:10:43: servers[0].content.pii[2].pattern: "(" is not a valid RE2 regular expression: missing closing )`,
			`policy.yaml:11:31: servers[0].content.pii[3].name: "" is not a valid rule name: use lowercase letters, digits and '-' (at most 63 characters)`,
			`policy.yaml:11:44: servers[0].content.pii[3].pattern: must be a regular expression (a string), got the integer 5`,
			`policy.yaml:12:31: servers[0].content.pii[4].name: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is not a valid rule name: use lowercase letters, digits and '-' (at most 63 characters)`,
			`policy.yaml:12:106: servers[0].content.pii[4].pattern: regular expression must not be empty (it would match every string)`}},
		{"bad regions", pii + "        - {kind: phone, action: redact, region: de}\n" +
			"        - {kind: phone, action: redact, region: USA}\n" +
			"        - {kind: phone, action: redact, region: 49}\n", []string{
			`policy.yaml:8:49: servers[0].content.pii[0].region: must be a two-letter country code (ISO 3166-1 alpha-2) in upper case, such as "US" or "DE", got "de"`,
			`policy.yaml:9:18: servers[0].content.pii[1].kind: kind "phone" already has a rule at servers[0].content.pii[0] (line 8); a server has one rule per kind (except regex)`,
			`policy.yaml:9:49: servers[0].content.pii[1].region: must be a two-letter country code (ISO 3166-1 alpha-2) in upper case, such as "US" or "DE", got "USA"`,
			`policy.yaml:10:18: servers[0].content.pii[2].kind: kind "phone" already has a rule at servers[0].content.pii[0] (line 8); a server has one rule per kind (except regex)`,
			`policy.yaml:10:49: servers[0].content.pii[2].region: must be a country code such as "US" or "DE", got the integer 49`}},
		{"duplicate kinds", pii +
			"        - kind: email\n          action: redact\n" +
			"        - kind: card\n          action: block\n" +
			"        - kind: email\n          action: block\n          direction: requests\n", []string{
			`policy.yaml:12:17: servers[0].content.pii[2].kind: kind "email" already has a rule at servers[0].content.pii[0] (line 8); a server has one rule per kind (except regex)`}},
		{"misspelt pii field", pii + "        - {kind: phone, action: redact, regoin: DE}\n", []string{
			`policy.yaml:8:41: servers[0].content.pii[0].regoin: unknown field "regoin" (did you mean "region"?)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErrors(t, srv+tt.body, tt.want)
		})
	}
}

// TestContentOnEveryServer checks that sections belong to their server and
// that uniqueness is per server.
func TestContentOnEveryServer(t *testing.T) {
	res := mustParse(t, `version: 1
servers:
  - name: a
    upstream: h:1
    tools: {}
    content:
      pii: [{kind: email, action: redact}, {kind: regex, name: x, pattern: x, action: audit}]
  - name: b
    upstream: h:2
    tools: {}
    arguments: {schema: off}
    content:
      pii: [{kind: email, action: block}, {kind: regex, name: x, pattern: y, action: audit}]
`)
	a, b := res.Policy.Servers[0], res.Policy.Servers[1]
	if !reflect.DeepEqual(a.Arguments, defaultArguments) || b.Arguments.Schema != "" {
		t.Errorf("arguments: a %+v, b %+v", a.Arguments, b.Arguments)
	}
	if len(a.Content.PII) != 2 || len(b.Content.PII) != 2 || a.Content.PII[0].Action != interceptors.ActionRedact || b.Content.PII[0].Action != interceptors.ActionBlock {
		t.Errorf("pii: a %+v, b %+v", a.Content.PII, b.Content.PII)
	}
}
