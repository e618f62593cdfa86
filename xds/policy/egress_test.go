package policy

import (
	"reflect"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/egress"
)

func TestEgressValid(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		want     *egress.Policy
		warnings []string
	}{
		{name: "absent: off", body: "", want: nil},
		{name: "empty mapping: detect with the defaults", body: "    egress: {}\n",
			want: &egress.Policy{Mode: interceptors.Enforce, Detect: true, Schemes: []string{"https"}}},
		{
			name: "every field",
			body: `    egress:
      mode: audit
      arguments: ["fetch:url", "*:endpoint", "http_*:options.*.target"]
      detect: false
      allow: [API.GitHub.com, "*.Example.com", 10.1.0.0/16, 192.0.2.7, "2001:DB8::1", "fd00::/8", localhost, api.github.com]
      schemes: [https, http, git+ssh]
      allowPrivate: true
`,
			want: &egress.Policy{Mode: interceptors.AuditOnly, Arguments: []string{"fetch:url", "*:endpoint", "http_*:options.*.target"}, Detect: false,
				Allow:   []string{"api.github.com", "*.example.com", "10.1.0.0/16", "192.0.2.7", "2001:db8::1", "fd00::/8", "localhost", "api.github.com"},
				Schemes: []string{"https", "http", "git+ssh"}, AllowPrivate: true},
			warnings: []string{`policy.yaml:10:110: servers[0].egress.allow[7]: destination "api.github.com" is listed twice (first at line 10)`},
		},
		{
			name: "network alone: the proxy, arguments unchecked",
			body: `    egress:
      network:
        allow: [API.GitHub.com, "10.20.0.0/16"]
        credentials:
          - {host: API.GitHub.com, secretFile: /run/secrets/gh}
          - {host: internal.example.com, port: 8443, header: x-api-key, secretFile: /run/secrets/k, caFile: /etc/ca.crt}
          - {host: basic.example.com, header: Authorization, prefix: "Basic ", secretFile: /run/secrets/b}
          - host: api.example.org
            oauth: {tokenURL: "https://auth.example.org/oauth/token", clientID: mcp-github, clientSecretFile: /run/secrets/client, scopes: [read, write], audience: "https://api.example.org"}
`,
			want: &egress.Policy{Mode: interceptors.Enforce, Schemes: []string{"https"}, Network: &egress.Network{
				Listen: "127.0.0.1:15001", Allow: []string{"api.github.com", "10.20.0.0/16"},
				Credentials: []egress.Credential{
					{Host: "api.github.com", Port: 443, Header: "Authorization", Prefix: "Bearer ", SecretFile: "/run/secrets/gh"},
					{Host: "internal.example.com", Port: 8443, Header: "X-Api-Key", SecretFile: "/run/secrets/k", CAFile: "/etc/ca.crt"},
					{Host: "basic.example.com", Port: 443, Header: "Authorization", Prefix: "Basic ", SecretFile: "/run/secrets/b"},
					{Host: "api.example.org", Port: 443, Header: "Authorization", Prefix: "Bearer ", OAuth: &egress.OAuthClient{
						TokenURL: "https://auth.example.org/oauth/token", ClientID: "mcp-github", ClientSecretFile: "/run/secrets/client", Scopes: []string{"read", "write"}, Audience: "https://api.example.org"}},
				}}},
		},
		{
			name: "network with argument checks",
			body: "    egress: {detect: true, allow: [a.com], network: {listen: '127.0.0.1:15002', allow: [a.com]}}\n",
			want: &egress.Policy{Mode: interceptors.Enforce, Detect: true, Allow: []string{"a.com"}, Schemes: []string{"https"},
				Network: &egress.Network{Listen: "127.0.0.1:15002", Allow: []string{"a.com"}}},
		},
		{
			name:     "network allowing nothing is said",
			body:     "    egress: {network: {}}\n",
			want:     &egress.Policy{Mode: interceptors.Enforce, Schemes: []string{"https"}, Network: &egress.Network{Listen: "127.0.0.1:15001", Allow: []string{}}},
			warnings: []string{`policy.yaml:6:23: servers[0].egress.network: no destinations allowed: the server may open no connection at all through its sidecar`},
		},
		{name: "explicit defaults", body: "    egress: {mode: enforce, arguments: [], detect: true, allow: [], schemes: [https], allowPrivate: false}\n",
			want: &egress.Policy{Mode: interceptors.Enforce, Detect: true, Allow: []string{}, Schemes: []string{"https"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, warnings := parseServer(t, tt.body)
			if !reflect.DeepEqual(s.Egress, tt.want) {
				t.Errorf("egress:\n got %+v\nwant %+v", s.Egress, tt.want)
			}
			if !reflect.DeepEqual(warnings, tt.warnings) {
				t.Errorf("warnings:\n got %q\nwant %q", warnings, tt.warnings)
			}
		})
	}
}

func TestEgressErrors(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"empty value", "    egress:\n", []string{
			`policy.yaml:6:5: servers[0].egress: must be a mapping; write "egress: {}" to check URLs in every argument with the defaults, or remove the key to turn egress checks off`}},
		{"nothing checked", "    egress: {detect: false, allow: [a.com]}\n", []string{
			`policy.yaml:6:13: servers[0].egress: nothing would be checked: list the arguments that carry URLs or host names, set detect: true, or confine the server's connections with network`}},
		{"nothing checked, empty list", "    egress: {detect: false, arguments: []}\n", []string{
			`policy.yaml:6:13: servers[0].egress: nothing would be checked: list the arguments that carry URLs or host names, set detect: true, or confine the server's connections with network`}},
		{"bad fields", "    egress: {mode: off, detect: yes, allowPrivate: 1, scheme: [https]}\n", []string{
			`policy.yaml:6:20: servers[0].egress.mode: must be "enforce" or "audit", got "off"; remove the egress key to turn egress checks off`,
			`policy.yaml:6:33: servers[0].egress.detect: must be true or false, got the string "yes"`,
			`policy.yaml:6:52: servers[0].egress.allowPrivate: must be true or false, got the integer 1`,
			`policy.yaml:6:55: servers[0].egress.scheme: unknown field "scheme" (did you mean "schemes"?)`}},
		{"bad arguments", "    egress:\n      detect: false\n      arguments: [url, ':url', 'fetch:', 'fetch:a..b', 3, 'f:u', 'f:u']\n", []string{
			`policy.yaml:8:19: servers[0].egress.arguments[0]: must be "<tool pattern>:<argument path>", such as "fetch:url" or "*:endpoint"; got "url"`,
			`policy.yaml:8:24: servers[0].egress.arguments[1]: the tool pattern before ':' is empty in ":url"; write "*:url" for every tool`,
			`policy.yaml:8:32: servers[0].egress.arguments[2]: argument path must not be empty`,
			`policy.yaml:8:42: servers[0].egress.arguments[3]: argument path "a..b" has an empty segment; separate names with single dots, as in "options.target"`,
			`policy.yaml:8:56: servers[0].egress.arguments[4]: must be a "tool:argument" entry such as "fetch:url" (a string), got the integer 3`}},
		{"arguments not a list", "    egress: {arguments: fetch:url}\n", []string{
			`policy.yaml:6:25: servers[0].egress.arguments: must be a list of "tool:argument" entries, got the string "fetch:url"`}},
		{"bad destinations", "    egress:\n      allow: ['', 'https://api.github.com/x', 10.1.2.3/16, 10.0.0.0/33, 'fe80::1%eth0', '*', 'api.*.com', '[::1]', 'a.com:0x1', 10.1.2, bad_name.com, -a.com, 5]\n", []string{
			`policy.yaml:7:15: servers[0].egress.allow[0]: destination must not be empty`,
			`policy.yaml:7:19: servers[0].egress.allow[1]: "https://api.github.com/x" is a URL; write only its host name, with a port if it is not the scheme's default, such as "api.github.com" (schemes are listed in schemes)`,
			`policy.yaml:7:47: servers[0].egress.allow[2]: CIDR "10.1.2.3/16" has address bits set beyond its prefix length; write "10.1.0.0/16"`,
			`policy.yaml:7:60: servers[0].egress.allow[3]: "10.0.0.0/33" is not a valid CIDR such as "10.1.0.0/16" or "fd00::/8"`,
			`policy.yaml:7:73: servers[0].egress.allow[4]: address "fe80::1%eth0" must not have a zone (%eth0)`,
			`policy.yaml:7:89: servers[0].egress.allow[5]: a bare "*" would allow every destination; remove the egress key to turn egress checks off`,
			`policy.yaml:7:94: servers[0].egress.allow[6]: "api.*.com": "*" is only allowed as a whole first label, as in "*.example.com"`,
			`policy.yaml:7:107: servers[0].egress.allow[7]: "[::1]": write IPv6 addresses without brackets, or in brackets with a port as in "[2001:db8::1]:443"`,
			`policy.yaml:7:116: servers[0].egress.allow[8]: "a.com:0x1": the port "0x1" must be a number from 1 to 65535`,
			`policy.yaml:7:129: servers[0].egress.allow[9]: "10.1.2" is not a valid IP address`,
			`policy.yaml:7:137: servers[0].egress.allow[10]: "bad_name.com" is not a valid host name: each dot-separated label must be 1-63 letters, digits and '-', starting and ending with a letter or digit`,
			`policy.yaml:7:151: servers[0].egress.allow[11]: "-a.com" is not a valid host name: each dot-separated label must be 1-63 letters, digits and '-', starting and ending with a letter or digit`,
			`policy.yaml:7:159: servers[0].egress.allow[12]: must be a host name, IP address or CIDR, with an optional port (a string), got the integer 5`}},
		{"bad schemes", "    egress: {schemes: [HTTPS, 'https://', 1http, '']}\n  - {name: b, upstream: 'h:2', tools: {}, egress: {schemes: []}}\n", []string{
			`policy.yaml:6:24: servers[0].egress.schemes[0]: "HTTPS" is not a URL scheme: use lower-case letters, digits, '+', '-' and '.', starting with a letter; write "https"`,
			`policy.yaml:6:31: servers[0].egress.schemes[1]: "https://" is not a URL scheme: use lower-case letters, digits, '+', '-' and '.', starting with a letter; write "https"`,
			`policy.yaml:6:43: servers[0].egress.schemes[2]: "1http" is not a URL scheme: use lower-case letters, digits, '+', '-' and '.', starting with a letter`,
			`policy.yaml:6:50: servers[0].egress.schemes[3]: "" is not a URL scheme: use lower-case letters, digits, '+', '-' and '.', starting with a letter`,
			`policy.yaml:7:61: servers[1].egress.schemes: must list at least one scheme; remove the key for the default [https]`}},
		{"bad network", "    egress:\n      network:\n        listen: localhost:15001\n        allow: ['*']\n        credentials:\n          - {host: '*.github.com', secretFile: token}\n          - {host: a.com, header: 'Content-Length', secretFile: /s, port: 0}\n          - {host: b.com, header: 'x-mcpmesh-subject', prefix: \"a\\nb\"}\n", []string{
			`policy.yaml:8:17: servers[0].egress.network.listen: "localhost:15001" is not a listen address: write an IP address and a port, such as "127.0.0.1:15001"`,
			`policy.yaml:9:17: servers[0].egress.network.allow[0]: a bare "*" would allow every destination; remove the egress key to turn egress checks off`,
			`policy.yaml:11:20: servers[0].egress.network.credentials[0].host: "*.github.com" is not a host name: a credential belongs to exactly one named host (no wildcards, addresses or ports)`,
			`policy.yaml:11:48: servers[0].egress.network.credentials[0].secretFile: "token" must be an absolute path: ext_proc and the sidecar may run in other directories than the control plane`,
			`policy.yaml:12:35: servers[0].egress.network.credentials[1].header: "Content-Length" cannot carry a credential: the sidecar does not let a secret replace a header that frames or routes the request`,
			`policy.yaml:12:75: servers[0].egress.network.credentials[1].port: must be between 1 and 65535, got 0`,
			`policy.yaml:13:13: servers[0].egress.network.credentials[2].secretFile: required: the secret, as a file (secretFile) or fetched as short-lived tokens (oauth)`,
			`policy.yaml:13:35: servers[0].egress.network.credentials[2].header: "x-mcpmesh-subject" is reserved for mcpmesh and Envoy`,
			`policy.yaml:13:64: servers[0].egress.network.credentials[2].prefix: must not contain line breaks or NUL`}},
		{"bad oauth", "    egress:\n      network:\n        credentials:\n          - {host: a.com, secretFile: /s, oauth: {tokenURL: 'https://auth.example.com/token', clientID: c, clientSecretFile: /cs}}\n          - {host: b.com, oauth: {tokenURL: 'http://auth.example.com/token', clientID: '', scopes: ['a b'], clientSecretFile: cs}}\n          - {host: c.com, oauth: {clientID: x}}\n", []string{
			`policy.yaml:9:50: servers[0].egress.network.credentials[0].oauth: give secretFile or oauth, not both`,
			`policy.yaml:10:45: servers[0].egress.network.credentials[1].oauth.tokenURL: must be an https URL (http only on loopback), got "http://auth.example.com/token"`,
			`policy.yaml:10:88: servers[0].egress.network.credentials[1].oauth.clientID: must not be empty`,
			`policy.yaml:10:101: servers[0].egress.network.credentials[1].oauth.scopes[0]: "a b" is not a scope: one token, no spaces or quotes`,
			`policy.yaml:10:127: servers[0].egress.network.credentials[1].oauth.clientSecretFile: "cs" must be an absolute path: ext_proc and the sidecar may run in other directories than the control plane`,
			`policy.yaml:11:34: servers[0].egress.network.credentials[2].oauth.tokenURL: required field is missing`,
			`policy.yaml:11:34: servers[0].egress.network.credentials[2].oauth.clientSecretFile: required field is missing`}},
		{"network on the sidecar's address", "    listen: 127.0.0.1:15001\n    egress: {network: {allow: [a.com]}}\n", []string{
			`policy.yaml:7:13: servers[0].egress.network.listen: the egress proxy and the server's sidecar both listen on 127.0.0.1:15001; give egress.network a listen address of its own`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErrors(t, srv+tt.body, tt.want)
		})
	}
}
