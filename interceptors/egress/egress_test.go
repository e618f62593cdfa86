package egress

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

func call(tool, args string) *interceptors.Exchange {
	params := fmt.Sprintf(`{"name":%q,"arguments":%s}`, tool, args)
	return &interceptors.Exchange{
		Server:    "s",
		Direction: interceptors.ToServer,
		Message:   &jsonrpc.Message{ID: jsontext.Value("1"), Method: "tools/call", Params: jsontext.Value(params)},
		Method:    "tools/call",
		Tool:      tool,
	}
}

func mustNew(t testing.TB, e *Policy) *Checker {
	t.Helper()
	c, err := New(e)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func run(t testing.TB, c *Checker, tool, args string) *interceptors.Exchange {
	t.Helper()
	x := call(tool, args)
	if err := c.Intercept(context.Background(), x); err != nil {
		t.Fatalf("Intercept(%s): %v", args, err)
	}
	return x
}

var basePolicy = &Policy{
	Mode:      interceptors.Enforce,
	Arguments: []string{"fetch:url", "*:endpoint", "multi:targets.*.host"},
	Allow: []string{
		"api.example.com", "*.example.com", "203.0.113.0/24", "2001:db8:1::/48",
		"bücher.example.org", "10.0.0.5", "localhost", "ports.example.net:8443", "*.svc.example.net:9443", "[2001:db8:1::9]:8080",
		"203.0.113.50:8443",
	},
}

func TestDestinations(t *testing.T) {
	c := mustNew(t, basePolicy)
	cases := []struct {
		url  string
		rule string // "" = allowed
	}{
		// Allowed hosts, exact and wildcard.
		{"https://api.example.com/v1?q=1", ""},
		{"https://API.Example.COM./v1", ""},
		{"https://a.b.example.com", ""},
		// Ports: without one in the entry, only the scheme's default.
		{"https://api.example.com:8443/x", RuleAllow},
		{"https://api.example.com:443/x", ""},
		{"https://api.example.com:0443/x", ""}, // leading zeros: still 443
		{"https://api.example.com:80/x", RuleAllow},
		{"https://api.example.com:99999/x", RuleAllow},
		{"https://ports.example.net:8443/", ""},
		{"https://ports.example.net/", RuleAllow}, // 443 is not 8443
		{"https://ports.example.net:9443/", RuleAllow},
		{"https://a.svc.example.net:9443/", ""},
		{"https://a.svc.example.net/", RuleAllow},
		{"https://203.0.113.50:8443/", ""},
		{"https://203.0.113.50:8444/", RuleAllow},
		{"https://203.0.113.50/", ""},           // also in 203.0.113.0/24, without a port
		{"https://example.com/", RuleAllow},     // the wildcard is for subdomains only
		{"https://evilexample.com/", RuleAllow}, // not a subdomain
		{"https://example.com.evil.io/", RuleAllow},
		{"https://other.org/", RuleAllow},
		// Userinfo: the host after the last '@' counts.
		{"https://api.example.com@evil.com/", RuleAllow},
		{"https://api.example.com:443@evil.com/", RuleAllow},
		{"https://evil.com@api.example.com/", ""},
		{"https://api.example.com\\@evil.com/", RuleAllow}, // ambiguous between parsers
		// IPs and CIDRs.
		{"https://203.0.113.7/", ""},
		{"https://203.0.114.7/", RuleAllow},
		{"https://[2001:db8:1::5]/", RulePrivate}, // documentation range is not public
		// Private and loopback in every spelling.
		{"https://127.0.0.1/", RulePrivate},
		{"https://2130706433/", RulePrivate},
		{"https://0x7f.1/", RulePrivate},
		{"https://0177.0.0.1/", RulePrivate},
		{"https://127.1/", RulePrivate},
		{"https://0x7f000001/", RulePrivate},
		{"https://0/", RulePrivate},
		{"https://0.0.0.0:8080/", RulePrivate},
		{"https://1.2.3.4.5/", RuleAllow},   // not an address
		{"https://0x100000000/", RuleAllow}, // overflow: refused
		{"https://08.1.1.1/", RuleAllow},    // invalid octal: refused
		{"https://[::1]/", RulePrivate},
		{"https://[::ffff:127.0.0.1]/", RulePrivate},
		{"https://[::ffff:7f00:1]/", RulePrivate},
		{"https://[64:ff9b::a9fe:a9fe]/", RulePrivate}, // NAT64 of 169.254.169.254
		{"https://[2002:a9fe:a9fe::1]/", RulePrivate},  // 6to4 of the same
		{"https://[fe80::1%25eth0]/", RulePrivate},
		{"https://[fd00:ec2::254]/", RulePrivate},
		{"https://10.0.0.1/", RulePrivate},
		{"https://10.0.0.5/", RulePrivate}, // listed, but allowPrivate is off
		{"https://100.64.1.1/", RulePrivate},
		{"https://172.16.3.4/", RulePrivate},
		{"https://192.168.1.1/", RulePrivate},
		{"https://169.254.169.254/latest/meta-data/", RulePrivate},
		{"https://metadata.google.internal/computeMetadata/v1/", RulePrivate},
		{"https://localhost:8080/", RulePrivate}, // listed, but allowPrivate is off
		{"https://foo.localhost/", RulePrivate},
		{"https://LOCALHOST./", RulePrivate},
		// Schemes.
		{"http://api.example.com/", RuleSchemes},
		{"HTTPS://api.example.com/", ""},
		{"file:///etc/passwd", RuleSchemes},
		{"gopher://api.example.com/", RuleSchemes},
		{"https:///nohost", RuleAllow},
		// IDNA: compared in ASCII form.
		{"https://BÜCHER.example.org/", ""},
		{"https://xn--bcher-kva.example.org/", ""},
		{"https://ｅｖｉｌ．com/", RuleAllow},       // full-width, maps to evil.com
		{"https://１２７.０.０.１/", RulePrivate},    // full-width digits: an address
		{"https://api.exa\u200bmple.com/", ""}, // UTS 46 drops U+200B, as browsers do
		// Percent-encoded host: refused (net/url does not decode it, browsers do).
		{"https://%61pi.example.com/", RuleAllow},
		{"https://%65vil.com/", RuleAllow},
		// Garbage.
		{"https://exa mple.com/", RuleAllow},
		{"https://api.example.com\n.evil.com/", RuleAllow},
	}
	for _, tc := range cases {
		args := fmt.Sprintf(`{"url":%q}`, tc.url)
		x := run(t, c, "fetch", args)
		got := ""
		if len(x.Findings) > 0 {
			got = x.Findings[0].Rule
		}
		if got != tc.rule {
			t.Errorf("%q: rule %q, want %q (findings %+v)", tc.url, got, tc.rule, x.Findings)
			continue
		}
		if tc.rule == "" {
			if x.Action != interceptors.Allow {
				t.Errorf("%q: action %v", tc.url, x.Action)
			}
			continue
		}
		f := x.Findings[0]
		if x.Action != interceptors.Deny || f.Action != "block" || f.Mode != "enforce" || f.Interceptor != "egress" || f.Where != "params.arguments.url" {
			t.Errorf("%q: action %v finding %+v", tc.url, x.Action, f)
		}
		if strings.Contains(f.Detail, "/v1") || strings.Contains(f.Detail, "meta-data") {
			t.Errorf("%q: detail shows the URL: %q", tc.url, f.Detail)
		}
	}
}

func TestBareHosts(t *testing.T) {
	c := mustNew(t, basePolicy)
	cases := []struct {
		val  string
		rule string
	}{
		{"api.example.com", ""},
		{"api.example.com:8443", RuleAllow}, // a port not listed
		{"ports.example.net:8443", ""},
		{"api.example.com/path", ""},
		{"203.0.113.9", ""},
		{"[2001:db8:1::1]:443", RulePrivate},
		{"evil.com", RuleAllow},
		{"evil.com:80", RuleAllow},
		{"::1", RulePrivate},
		{"[::1]:80", RulePrivate},
		{"2130706433", RulePrivate},
		{"api.example.com@evil.com", RuleAllow},
		{"https:evil.com", RuleAllow},           // not a URL or host name
		{"http://api.example.com", RuleSchemes}, // a URL is judged as one
		{"  https://api.example.com  ", ""},     // surrounding space
		{"", ""},                                // nothing named
	}
	for _, tc := range cases {
		x := run(t, c, "any", fmt.Sprintf(`{"endpoint":%q}`, tc.val))
		got := ""
		if len(x.Findings) > 0 {
			got = x.Findings[0].Rule
		}
		if got != tc.rule {
			t.Errorf("%q: rule %q, want %q (%+v)", tc.val, got, tc.rule, x.Findings)
		}
	}
	// A number where a host is expected.
	x := run(t, c, "any", `{"endpoint":2130706433}`)
	if x.Action != interceptors.Deny || x.Findings[0].Rule != RulePrivate {
		t.Errorf("numeric endpoint: %v %+v", x.Action, x.Findings)
	}
}

func TestPaths(t *testing.T) {
	c := mustNew(t, basePolicy)
	x := run(t, c, "multi", `{"targets":[{"host":"api.example.com"},{"host":"evil.com"}]}`)
	if x.Action != interceptors.Deny || x.Findings[0].Where != "params.arguments.targets.1.host" {
		t.Fatalf("wildcard path: %v %+v", x.Action, x.Findings)
	}
	// A case variant of a declared name is checked too.
	x = run(t, c, "fetch", `{"URL":"https://evil.com"}`)
	if x.Action != interceptors.Deny {
		t.Fatalf("case variant: %v", x.Action)
	}
	// The path does not apply to another tool (and detect is off).
	x = run(t, c, "other", `{"url":"https://evil.com"}`)
	if x.Action != interceptors.Allow || len(x.Findings) != 0 {
		t.Fatalf("other tool: %v %+v", x.Action, x.Findings)
	}
	// A declared path at an object: every string below it is a destination.
	x = run(t, c, "any", `{"endpoint":{"primary":"api.example.com","backup":["x.example.com","10.1.1.1"]}}`)
	if x.Action != interceptors.Deny || x.Findings[0].Where != "params.arguments.endpoint.backup.1" {
		t.Fatalf("object: %v %+v", x.Action, x.Findings)
	}
	// Escaped strings are read unescaped.
	x = run(t, c, "fetch", `{"url":"https:\/\/\u0065vil.com\/"}`)
	if x.Action != interceptors.Deny || !strings.Contains(x.Findings[0].Detail, `"evil.com"`) {
		t.Fatalf("escapes: %v %+v", x.Action, x.Findings)
	}
	// Not a tools/call, or towards the client: untouched.
	x = call("fetch", `{"url":"https://evil.com"}`)
	x.Direction = interceptors.ToClient
	if err := c.Intercept(context.Background(), x); err != nil || len(x.Findings) != 0 {
		t.Fatalf("to client: %v %+v", err, x.Findings)
	}
}

func TestDetect(t *testing.T) {
	p := *basePolicy
	p.Arguments = nil
	text := `{"q":"summarise https://api.example.com/a and then (see http://169.254.169.254/latest).","n":[1,"ok"]}`
	off := mustNew(t, &p)
	if x := run(t, off, "search", text); x.Action != interceptors.Allow || len(x.Findings) != 0 {
		t.Fatalf("detect off: %v %+v", x.Action, x.Findings)
	}
	p.Detect = true
	p.Schemes = []string{"https", "HTTP"}
	on := mustNew(t, &p)
	x := run(t, on, "search", text)
	if x.Action != interceptors.Deny || len(x.Findings) != 1 || x.Findings[0].Rule != RulePrivate ||
		x.Findings[0].Where != "params.arguments.q" || !strings.Contains(x.Findings[0].Detail, `"169.254.169.254"`) {
		t.Fatalf("detect on: %v %+v", x.Action, x.Findings)
	}
	for _, s := range []string{
		"see <https://api.example.com/x>, and 'https://a.example.com'.",
		"no urls here: ://x, 1://, mailto:a@b.c",
		"https://api.example.com/a?b=c#d",
	} {
		args := fmt.Sprintf(`{"t":{"deep":[%q]}}`, s)
		if x := run(t, on, "t", args); x.Action != interceptors.Allow {
			t.Errorf("%q: %v %+v", s, x.Action, x.Findings)
		}
	}
	for _, s := range []string{
		"go to https://api.example.com@evil.com/now",
		"x ftp://api.example.com/",
		"file:///etc/passwd",
		"look:https://evil.com.",
		"https://api.example.com\\@evil.com",
	} {
		args := fmt.Sprintf(`{"t":{"deep":[%q]}}`, s)
		x := run(t, on, "t", args)
		if x.Action != interceptors.Deny || x.Findings[0].Where != "params.arguments.t.deep.0" {
			t.Errorf("%q: %v %+v", s, x.Action, x.Findings)
		}
	}
	// The text of the arguments need not hold "://" for a string to.
	for _, args := range []string{
		`{"t":"see https:\/\/evil.com\/x"}`,
		`{"t":"see https://evil.com/x"}`,
		`{"t":"see https://evil.com/x"}`,
	} {
		if x := run(t, on, "t", args); x.Action != interceptors.Deny || len(x.Findings) != 1 || !strings.Contains(x.Findings[0].Detail, `"evil.com"`) {
			t.Errorf("%s: %v %+v", args, x.Action, x.Findings)
		}
	}
}

func TestAllowPrivate(t *testing.T) {
	c := mustNew(t, &Policy{
		Arguments:    []string{"*:url"},
		Allow:        []string{"10.0.0.0/8", "localhost:3000", "::1", "::ffff:192.168.1.0/120"},
		Schemes:      []string{"http", "https"},
		AllowPrivate: true,
	})
	for url, want := range map[string]string{
		"http://10.2.3.4/":       "",
		"http://localhost:3000/": "",
		"http://localhost/":      RulePrivate, // listed only with port 3000
		"http://[::1]/":          "",
		"http://192.168.1.9/":    "", // mapped CIDR matches the IPv4 form
		"http://192.168.2.9/":    RulePrivate,
		"http://127.0.0.1/":      RulePrivate, // private and not listed
		"http://169.254.169.254": RulePrivate,
	} {
		x := run(t, c, "t", fmt.Sprintf(`{"url":%q}`, url))
		got := ""
		if len(x.Findings) > 0 {
			got = x.Findings[0].Rule
		}
		if got != want {
			t.Errorf("%q: %q, want %q", url, got, want)
		}
	}
}

func TestAudit(t *testing.T) {
	p := *basePolicy
	p.Mode = interceptors.AuditOnly
	c := mustNew(t, &p)
	x := run(t, c, "multi", `{"targets":[{"host":"evil.com"},{"host":"127.0.0.1"}]}`)
	if x.Action != interceptors.Allow || len(x.Findings) != 2 {
		t.Fatalf("audit: %v %+v", x.Action, x.Findings)
	}
	for _, f := range x.Findings {
		if f.Mode != "audit" || f.Action != "block" {
			t.Errorf("finding %+v", f)
		}
	}
}

func TestNewErrors(t *testing.T) {
	for _, e := range []*Policy{
		{Mode: "shadow"},
		{Arguments: []string{"nocolon"}},
		{Arguments: []string{"fetch:"}},
		{Arguments: []string{"fetch:a..b"}},
		{Allow: []string{"10.0.0.0/33"}},
		{Allow: []string{"exa mple.com"}},
		{Allow: []string{"*.*.com"}},
		{Allow: []string{"2130706433"}},
		{Schemes: []string{"ht tp"}},
		{Allow: []string{"a.com:0"}},
		{Allow: []string{"a.com:65536"}},
		{Allow: []string{"a.com:https"}},
		{Allow: []string{"a.com:"}},
		{Allow: []string{"[::1]"}},
		{Allow: []string{"10.0.0.0/8:443"}},
	} {
		if _, err := New(e); err == nil {
			t.Errorf("New(%+v): no error", e)
		}
	}
	c, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if x := run(t, c, "fetch", `{"url":"https://evil.com"}`); x.Action != interceptors.Allow {
		t.Fatal("nil policy checks something")
	}
}

func BenchmarkEgress1KB(b *testing.B) {
	c := mustNew(b, &Policy{
		Arguments: []string{"fetch:url"},
		Detect:    true,
		Allow:     []string{"*.example.com", "api.example.org"},
	})
	var sb strings.Builder
	sb.WriteString(`{"url":"https://api.example.org/v1/items?page=2","headers":{"accept":"application/json"},"notes":[`)
	for sb.Len() < 900 {
		sb.WriteString(`"Look at https://docs.example.com/guide for the details, then summarise.",`)
	}
	sb.WriteString(`"end"],"limit":20}`)
	args := sb.String()
	x := call("fetch", args)
	b.SetBytes(int64(len(x.Message.Params)))
	b.ReportAllocs()
	for b.Loop() {
		x.Action, x.Findings = interceptors.Allow, x.Findings[:0]
		if err := c.Intercept(context.Background(), x); err != nil {
			b.Fatal(err)
		}
		if x.Action != interceptors.Allow {
			b.Fatal(x.Findings)
		}
	}
}

// raceEnabled is set by the race detector's build, whose sync.Pool drops
// items at random.
var raceEnabled bool

// A call without destinations costs no allocation, however many strings
// detection reads (each URL found is parsed, which allocates).
func TestCallWithoutURLsDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	c := mustNew(t, &Policy{Detect: true, Allow: []string{"api.example.com"}, Arguments: []string{"fetch:url", "*:targets.*.host"}})
	x := call("summarise", `{"title":"Quarterly report","notes":"see the attached report: 12 pages, 3 tables","tags":["finance","q3"],"n":[1,2,{"deep":"plain text"}]}`)
	if n := testing.AllocsPerRun(100, func() {
		x.Action, x.Findings = interceptors.Allow, x.Findings[:0]
		if err := c.Intercept(context.Background(), x); err != nil || x.Action != interceptors.Allow {
			t.Fatalf("%v %v", err, x.Findings)
		}
	}); n != 0 {
		t.Errorf("%v allocations per call", n)
	}
}

// A URL inside a JSON document passed as a string is found, escaped
// slashes and nested documents included.
func TestJSONInStrings(t *testing.T) {
	c := mustNew(t, &Policy{Detect: true, Allow: []string{"api.example.com"}})
	inner := `{"callback":"https:\/\/evil.com\/hook","ok":"https://api.example.com/"}`
	for name, args := range map[string]string{
		"json in a string":         fmt.Sprintf(`{"config":%q}`, inner),
		"json in json in a string": fmt.Sprintf(`{"config":%q}`, fmt.Sprintf(`{"nested":%q}`, inner)),
		"array":                    fmt.Sprintf(`{"config":%q}`, `["x", {"u": "https:\/\/evil.com"}]`),
		"escaped slashes in text":  fmt.Sprintf(`{"script":%q}`, `fetch("https:\/\/evil.com\/x")`),
		"invalid json with escape": fmt.Sprintf(`{"config":%q}`, `{"u": "https:\/\/evil.com", }`),
	} {
		x := run(t, c, "t", args)
		if x.Action != interceptors.Deny || len(x.Findings) == 0 || !strings.Contains(x.Findings[0].Detail, `"evil.com"`) {
			t.Errorf("%s: %v %+v", name, x.Action, x.Findings)
		}
	}
	x := run(t, c, "t", fmt.Sprintf(`{"config":%q}`, `{"ok":"https:\/\/api.example.com\/v1","n":1}`))
	if x.Action != interceptors.Allow {
		t.Errorf("allowed URL in JSON: %v %+v", x.Action, x.Findings)
	}
}

// An allowed URL carrying another in its query or fragment: the inner
// one is judged too, decoded.
func TestRedirectors(t *testing.T) {
	c := mustNew(t, &Policy{Detect: true, Arguments: []string{"fetch:url"}, Allow: []string{"redirect.example.com", "api.example.com"}})
	for _, u := range []string{
		"https://redirect.example.com/r?url=https://evil.com/x",
		"https://redirect.example.com/r?a=1&url=https%3A%2F%2Fevil.com%2Fx",
		"https://redirect.example.com/r?url=https%253A%252F%252Fevil.com", // encoded twice
		"https://redirect.example.com/r#next=https://evil.com",
		"https://redirect.example.com/r#https://evil.com",
		"https://redirect.example.com/r?u=https://api.example.com/?next=https://169.254.169.254/",
		"https://redirect.example.com/r?url=https://api.example.com:8443/",
		"https://redirect.example.com/r?next=//evil.com/x",
		"https://redirect.example.com/r?next=%2F%2Fevil.com%2Fx",
		"https://redirect.example.com/r?cb=" + url.QueryEscape(`{"to":"https:\/\/evil.com"}`),
	} {
		x := run(t, c, "fetch", fmt.Sprintf(`{"url":%q}`, u))
		if x.Action != interceptors.Deny {
			t.Errorf("%s: %v %+v", u, x.Action, x.Findings)
		}
	}
	for _, u := range []string{
		"https://redirect.example.com/r?url=https://api.example.com/x&n=2",
		"https://redirect.example.com/r?q=plain+words&page=2#top",
	} {
		x := run(t, c, "fetch", fmt.Sprintf(`{"url":%q}`, u))
		if x.Action != interceptors.Allow {
			t.Errorf("%s: %v %+v", u, x.Action, x.Findings)
		}
		// The same in free text.
		x = run(t, c, "other", fmt.Sprintf(`{"text":%q}`, "open "+u+" now"))
		if x.Action != interceptors.Allow {
			t.Errorf("text %s: %v %+v", u, x.Action, x.Findings)
		}
	}
}
