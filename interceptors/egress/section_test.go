package egress

import (
	"strings"
	"testing"
)

func TestAllowEntryPorts(t *testing.T) {
	for in, want := range map[string]string{
		"API.example.com:443":   "api.example.com:443",
		"*.Example.com:8443":    "*.example.com:8443",
		"[2001:DB8::1]:443":     "[2001:db8::1]:443",
		"203.0.113.7:8080":      "203.0.113.7:8080",
		"2001:db8::1":           "2001:db8::1",
		"api.example.com":       "api.example.com",
		"api.example.com:65535": "api.example.com:65535",
		"[::ffff:10.0.0.1]:443": "[::ffff:10.0.0.1]:443",
	} {
		got, problem := allowEntry(in)
		if problem != "" || got != want {
			t.Errorf("%q: %q, %q; want %q", in, got, problem, want)
			continue
		}
		// What the section writes, New reads.
		if _, err := New(&Policy{Allow: []string{got}}); err != nil {
			t.Errorf("New(%q): %v", got, err)
		}
	}
	for in, want := range map[string]string{
		"a.com:0":        "must be a number from 1 to 65535",
		"a.com:65536":    "must be a number from 1 to 65535",
		"a.com:":         "must be a number from 1 to 65535",
		"a.com:+443":     "must be a number from 1 to 65535",
		"a.com:0443":     "must be a number from 1 to 65535",
		"a.com:https":    "must be a number from 1 to 65535",
		"[::1]":          "without brackets",
		"[a.com]:443":    "only an IPv6 address goes in brackets",
		"10.0.0.0/8:443": "a CIDR takes no port",
		"[fd00::/8]:443": "a CIDR takes no port",
		"*:443":          `a bare "*"`,
	} {
		if _, problem := allowEntry(in); !strings.Contains(problem, want) {
			t.Errorf("%q: %q, want %q", in, problem, want)
		}
	}
}
