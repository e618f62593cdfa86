package policy

import (
	"reflect"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/webhook"
)

func TestWebhooksValid(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []webhook.Policy
	}{
		{"absent", "", nil},
		{"empty list", "    webhooks: []\n", nil},
		{
			name: "defaults written in",
			body: "    webhooks:\n      - {name: dlp, phase: before, url: 'http://127.0.0.1:9000/hook'}\n",
			want: []webhook.Policy{{Name: "dlp", Phase: "before", URL: "http://127.0.0.1:9000/hook", TimeoutMillis: 1000, MaxBytes: 1 << 20, Mode: interceptors.Enforce}},
		},
		{
			name: "every field",
			body: `    webhooks:
      - name: dlp
        phase: before
        url: http://127.0.0.1:9000/hook
        tools: ["*"]
        timeout: 500ms
        maxBytes: 1048576
        failure: closed
        mode: enforce
      - name: scan-2
        phase: after
        url: https://hooks.example.com:8443/scan?x=1
        tools: [read_file, "get_*"]
        timeout: 30s
        maxBytes: 1024
        failure: open
        mode: audit
      - {name: x, phase: after, url: 'http://[::1]/', tools: [], timeout: 10ms, maxBytes: 16777216}
      - {name: dock, phase: before, url: 'http://h/', compat: docker}
`,
			want: []webhook.Policy{
				{Name: "dlp", Phase: "before", URL: "http://127.0.0.1:9000/hook", Tools: []string{"*"}, TimeoutMillis: 500, MaxBytes: 1 << 20, Mode: interceptors.Enforce},
				{Name: "scan-2", Phase: "after", URL: "https://hooks.example.com:8443/scan?x=1", Tools: []string{"read_file", "get_*"}, TimeoutMillis: 30000, MaxBytes: 1024, FailOpen: true, Mode: interceptors.AuditOnly},
				{Name: "x", Phase: "after", URL: "http://[::1]/", TimeoutMillis: 10, MaxBytes: 16 << 20, Mode: interceptors.Enforce},
				{Name: "dock", Phase: "before", URL: "http://h/", TimeoutMillis: 1000, MaxBytes: 1 << 20, Mode: interceptors.Enforce, Compat: "docker"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, warnings := parseServer(t, tt.body)
			if !reflect.DeepEqual(s.Webhooks, tt.want) {
				t.Errorf("webhooks:\n got %+v\nwant %+v", s.Webhooks, tt.want)
			}
			if len(warnings) != 0 {
				t.Errorf("warnings: %q", warnings)
			}
		})
	}
}

func TestWebhooksErrors(t *testing.T) {
	const hooks = "    webhooks:\n" // items from line 7, indented by 6
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"empty value", "    webhooks:\n", []string{
			`policy.yaml:6:5: servers[0].webhooks: must be a list of webhooks, got an empty value`}},
		{"not a list", "    webhooks: {name: x}\n", []string{
			`policy.yaml:6:15: servers[0].webhooks: must be a list of webhooks, got a mapping`}},
		{"required fields", hooks + "      - {}\n      - dlp\n", []string{
			`policy.yaml:7:9: servers[0].webhooks[0].name: required field is missing; the name appears in findings and the audit log`,
			`policy.yaml:7:9: servers[0].webhooks[0].phase: required field is missing; use "before" (tools/call requests) or "after" (tools/call results)`,
			`policy.yaml:7:9: servers[0].webhooks[0].url: required field is missing; give the http:// or https:// URL the hook is called at`,
			`policy.yaml:8:9: servers[0].webhooks[1]: must be a webhook (a mapping with name, phase and url), got the string "dlp"`}},
		{"bad values", hooks + "      - {name: DLP, phase: during, url: 'ftp://h/x', tools: [''], timeout: 1, maxBytes: 1023, failure: fail, mode: off, retries: 1}\n", []string{
			`policy.yaml:7:16: servers[0].webhooks[0].name: "DLP" is not a valid webhook name: use lowercase letters, digits and '-' (at most 63 characters)`,
			`policy.yaml:7:28: servers[0].webhooks[0].phase: must be "before" or "after", got "during"`,
			`policy.yaml:7:41: servers[0].webhooks[0].url: must be an absolute http:// or https:// URL, got "ftp://h/x"`,
			`policy.yaml:7:62: servers[0].webhooks[0].tools[0]: pattern must not be empty`,
			`policy.yaml:7:76: servers[0].webhooks[0].timeout: must be a duration such as "500ms" or "2s", got the integer 1`,
			`policy.yaml:7:89: servers[0].webhooks[0].maxBytes: must be between 1024 (1 KiB) and 16777216 (16 MiB) bytes, got 1023`,
			`policy.yaml:7:104: servers[0].webhooks[0].failure: must be "closed" or "open", got "fail"`,
			`policy.yaml:7:116: servers[0].webhooks[0].mode: must be "enforce" or "audit", got "off"; remove the webhook to turn it off`,
			`policy.yaml:7:121: servers[0].webhooks[0].retries: unknown field "retries"; expected one of: name, phase, url, tools, timeout, maxBytes, failure, mode, compat`}},
		{"bad urls and timeouts", hooks +
			"      - {name: a, phase: before, url: /hook, timeout: 5ms}\n" +
			"      - {name: b, phase: before, url: 'http:///x', timeout: 31s}\n" +
			"      - {name: c, phase: before, url: 'http://h:0/x', timeout: 10500us}\n" +
			"      - {name: d, phase: before, url: 'http://bad host/', timeout: soon}\n" +
			"      - {name: e, phase: before, url: 'https://h:99999/', maxBytes: 16777217}\n", []string{
			`policy.yaml:7:39: servers[0].webhooks[0].url: must be an absolute http:// or https:// URL, got "/hook"`,
			`policy.yaml:7:55: servers[0].webhooks[0].timeout: must be between 10ms and 30s, got 5ms`,
			`policy.yaml:8:39: servers[0].webhooks[1].url: URL "http:///x" has no host`,
			`policy.yaml:8:61: servers[0].webhooks[1].timeout: must be between 10ms and 30s, got 31s`,
			`policy.yaml:9:39: servers[0].webhooks[2].url: port must be in 1-65535, got "0"`,
			`policy.yaml:9:64: servers[0].webhooks[2].timeout: must be a whole number of milliseconds, got 10500us`,
			`policy.yaml:10:39: servers[0].webhooks[3].url: "http://bad host/" is not a valid URL`,
			`policy.yaml:10:68: servers[0].webhooks[3].timeout: must be a duration such as "500ms" or "2s", got "soon"`,
			`policy.yaml:11:39: servers[0].webhooks[4].url: port must be in 1-65535, got "99999"`,
			`policy.yaml:11:69: servers[0].webhooks[4].maxBytes: must be between 1024 (1 KiB) and 16777216 (16 MiB) bytes, got 16777217`}},
		{"duplicate names", hooks +
			"      - {name: dlp, phase: before, url: 'http://h/'}\n" +
			"      - {name: dlp, phase: after, url: 'http://h/'}\n" +
			"  - {name: b, upstream: 'h:2', tools: {}, webhooks: [{name: dlp, phase: after, url: 'http://h/'}]}\n", []string{
			`policy.yaml:8:16: servers[0].webhooks[1].name: webhook name "dlp" is already used by servers[0].webhooks[0] (line 7)`}},
		{"compat", hooks + "      - {name: a, phase: before, url: 'http://h/', compat: mcp}\n", []string{
			`policy.yaml:7:60: servers[0].webhooks[0].compat: must be "docker", got "mcp"`}},
		{"tools empty value", hooks + "      - {name: a, phase: before, url: 'http://h/', tools: }\n", []string{
			`policy.yaml:7:52: servers[0].webhooks[0].tools: must be a list of tool name patterns; write [] or remove the key to call the hook for every tool`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErrors(t, srv+tt.body, tt.want)
		})
	}
}
