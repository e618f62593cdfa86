package egress

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeResolver answers from a map; a name it does not hold is not found,
// and one listed in errs fails with that error.
type fakeResolver struct {
	addrs map[string][]netip.Addr
	errs  map[string]error
}

func (f fakeResolver) LookupNetIP(_ context.Context, network, host string) ([]netip.Addr, error) {
	if network != "ip" {
		return nil, errors.New("unexpected network " + network)
	}
	if err := f.errs[host]; err != nil {
		return nil, err
	}
	a, ok := f.addrs[host]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return a, nil
}

func addrs(s ...string) []netip.Addr {
	out := make([]netip.Addr, len(s))
	for i, a := range s {
		out[i] = netip.MustParseAddr(a)
	}
	return out
}

const public4, public6 = "93.184.216.34", "2606:2800:220:1::1"

// resolver maps every name the tests use to a public address unless a case
// says otherwise.
func resolver(over map[string][]netip.Addr) fakeResolver {
	r := fakeResolver{addrs: map[string][]netip.Addr{}}
	for _, h := range []string{"exact.example.org", "sub.example.com", "a.b.example.com", "example.com", "evilexample.com",
		"ports.example.net", "api.example.com", "alt.example.com", "other.example.org", "name.example.org"} {
		r.addrs[h] = addrs(public4)
	}
	for h, a := range over {
		r.addrs[h] = a
	}
	return r
}

func mustGate(t *testing.T, n *Network, r Resolver, s *SecretFiles) *Gate {
	t.Helper()
	if s == nil {
		s = NewSecretFiles()
	}
	g, err := NewGate(n, r, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func plain(authority string) Request   { return Request{Scheme: "http", Authority: authority} }
func connect(authority string) Request { return Request{Connect: true, Authority: authority} }

// want is what a case checks of a Decision: rule "" means allowed without
// a credential; target, when set, is the address:port connected to.
type want struct {
	rule   string
	target string
	host   string // Decision.Host when set
}

func check(t *testing.T, name string, d Decision, w want, allowed bool) {
	t.Helper()
	if d.Allowed != allowed || d.Rule != w.rule {
		t.Errorf("%s: allowed=%v rule=%q (%s), want allowed=%v rule=%q", name, d.Allowed, d.Rule, d.Reason, allowed, w.rule)
		return
	}
	if w.target != "" && d.Target.String() != w.target {
		t.Errorf("%s: target %v, want %s", name, d.Target, w.target)
	}
	if w.host != "" && d.Host != w.host {
		t.Errorf("%s: host %q, want %q", name, d.Host, w.host)
	}
	if !allowed {
		// A refusal names what it refused, and never carries a secret.
		if w.host != "" && !strings.Contains(d.Reason, w.host) {
			t.Errorf("%s: reason %q does not name %q", name, d.Reason, w.host)
		}
		if d.Value != "" || d.Header != "" {
			t.Errorf("%s: refusal carries credential %q: %q", name, d.Header, d.Value)
		}
	}
}

// Names: exact and wildcard entries, and ports. An entry without a port
// admits 80 for plain HTTP and 443 for CONNECT; one with a port exactly it.
func TestGateNames(t *testing.T) {
	g := mustGate(t, &Network{Allow: []string{"exact.example.org", "*.example.com", "ports.example.net:8443"}}, resolver(nil), nil)
	cases := []struct {
		req     Request
		allowed bool
		want
	}{
		{plain("exact.example.org"), true, want{"", public4 + ":80", "exact.example.org"}},
		{connect("exact.example.org:443"), true, want{"", public4 + ":443", "exact.example.org"}},
		{connect("EXACT.Example.ORG.:443"), true, want{"", public4 + ":443", "exact.example.org"}}, // normalised
		{Request{Scheme: "HTTP", Authority: "exact.example.org:80"}, true, want{"", public4 + ":80", ""}},
		{connect("exact.example.org:22"), false, want{RuleNetworkAllow, "", "exact.example.org"}},
		{plain("exact.example.org:8080"), false, want{RuleNetworkAllow, "", "exact.example.org"}},
		{connect("sub.example.com:443"), true, want{"", public4 + ":443", "sub.example.com"}},
		{plain("a.b.example.com"), true, want{"", public4 + ":80", ""}},
		{connect("sub.example.com:8443"), false, want{RuleNetworkAllow, "", "sub.example.com"}},
		// The wildcard is for subdomains only.
		{connect("example.com:443"), false, want{RuleNetworkAllow, "", "example.com"}},
		{connect("evilexample.com:443"), false, want{RuleNetworkAllow, "", "evilexample.com"}},
		{plain("other.example.org"), false, want{RuleNetworkAllow, "", "other.example.org"}},
		// With a port: that port, and only it, for both kinds of request.
		{connect("ports.example.net:8443"), true, want{"", public4 + ":8443", "ports.example.net"}},
		{plain("ports.example.net:8443"), true, want{"", public4 + ":8443", ""}},
		{connect("ports.example.net:443"), false, want{RuleNetworkAllow, "", "ports.example.net"}},
		{plain("ports.example.net"), false, want{RuleNetworkAllow, "", "ports.example.net"}},
	}
	for _, c := range cases {
		d := g.Decide(context.Background(), c.req)
		check(t, c.req.Authority, d, c.want, c.allowed)
		if c.allowed && d.Credential != -1 {
			t.Errorf("%s: credential %d", c.req.Authority, d.Credential)
		}
	}
}

// DNS: every address a listed name resolves to must be public or covered
// by a listed address or CIDR; the address checked is the one connected to.
func TestGateDNS(t *testing.T) {
	const host = "name.example.org"
	cases := []struct {
		name    string
		allow   []string // besides host
		answer  []netip.Addr
		err     error
		allowed bool
		want
	}{
		{"public", nil, addrs(public4), nil, true, want{"", public4 + ":443", host}},
		{"public v6", nil, addrs(public6), nil, true, want{"", "[" + public6 + "]:443", host}},
		{"loopback", nil, addrs("127.0.0.1"), nil, false, want{RuleNetworkPrivate, "", host}},
		{"rfc1918", nil, addrs("10.1.2.3"), nil, false, want{RuleNetworkPrivate, "", host}},
		{"metadata", nil, addrs("169.254.169.254"), nil, false, want{RuleNetworkPrivate, "", host}},
		{"v6 loopback", nil, addrs("::1"), nil, false, want{RuleNetworkPrivate, "", host}},
		{"unique local", nil, addrs("fd00::1"), nil, false, want{RuleNetworkPrivate, "", host}},
		{"v4-mapped loopback", nil, addrs("::ffff:127.0.0.1"), nil, false, want{RuleNetworkPrivate, "", host}},
		{"zoned link-local", nil, addrs("fe80::1%eth0"), nil, false, want{RuleNetworkPrivate, "", host}},
		// Listing the address is the permission.
		{"covered by CIDR", []string{"10.0.0.0/8"}, addrs("10.1.2.3"), nil, true, want{"", "10.1.2.3:443", host}},
		{"covered by v6 CIDR", []string{"fd00::/8"}, addrs("fd00::1"), nil, true, want{"", "[fd00::1]:443", host}},
		{"covered on another port only", []string{"10.1.2.3:8080"}, addrs("10.1.2.3"), nil, false, want{RuleNetworkPrivate, "", host}},
		{"other CIDR", []string{"10.0.0.0/8"}, addrs("192.168.0.1"), nil, false, want{RuleNetworkPrivate, "", host}},
		// Rebinding: one private answer among public ones refuses the name.
		{"public then private", nil, addrs(public4, "127.0.0.1"), nil, false, want{RuleNetworkPrivate, "", host}},
		{"private then public", nil, addrs("169.254.169.254", public4), nil, false, want{RuleNetworkPrivate, "", host}},
		// IPv4 first, whatever the order of the answer.
		{"v6 and v4", nil, addrs(public6, public4), nil, true, want{"", public4 + ":443", host}},
		{"v4 and v6", nil, addrs(public4, public6), nil, true, want{"", public4 + ":443", host}},
		{"resolver error", nil, nil, errors.New("servfail"), false, want{RuleNetworkDNS, "", host}},
		{"timeout", nil, nil, &net.DNSError{Err: "i/o timeout", Name: host, IsTimeout: true}, false, want{RuleNetworkDNS, "", host}},
		{"empty answer", nil, []netip.Addr{}, nil, false, want{RuleNetworkDNS, "", host}},
	}
	for _, c := range cases {
		r := fakeResolver{addrs: map[string][]netip.Addr{host: c.answer}, errs: map[string]error{host: c.err}}
		g := mustGate(t, &Network{Allow: append([]string{host}, c.allow...)}, r, nil)
		d := g.Decide(context.Background(), connect(host+":443"))
		check(t, c.name, d, c.want, c.allowed)
		if c.rule == RuleNetworkDNS && d.Status() != 502 {
			t.Errorf("%s: status %d", c.name, d.Status())
		}
		if c.rule == RuleNetworkPrivate && d.Status() != 403 {
			t.Errorf("%s: status %d", c.name, d.Status())
		}
		if c.name == "timeout" && !strings.Contains(d.Reason, "timed out") {
			t.Errorf("timeout: reason %q", d.Reason)
		}
	}

	// Without a resolver no name can be judged.
	d := mustGate(t, &Network{Allow: []string{host}}, nil, nil).Decide(context.Background(), connect(host+":443"))
	check(t, "nil resolver", d, want{RuleNetworkDNS, "", host}, false)
}

// IP literals are judged as themselves, never resolved: only a listed
// address passes, on its port; numeric forms of an address are that address.
func TestGateIPLiterals(t *testing.T) {
	// An empty resolver: a literal that reached it would be refused as DNS.
	g := mustGate(t, &Network{Allow: []string{"192.168.1.5:8080", "2606:2800:220:1::/64", "93.184.216.0/24"}}, fakeResolver{}, nil)
	cases := []struct {
		req     Request
		allowed bool
		want
	}{
		{connect("8.8.8.8:443"), false, want{RuleNetworkAllow, "", "8.8.8.8"}},
		{plain("8.8.8.8"), false, want{RuleNetworkAllow, "", "8.8.8.8"}},
		{connect("93.184.216.34:443"), true, want{"", "93.184.216.34:443", "93.184.216.34"}},
		{connect("[" + public6 + "]:443"), true, want{"", "[" + public6 + "]:443", public6}},
		{plain("192.168.1.5:8080"), true, want{"", "192.168.1.5:8080", "192.168.1.5"}},
		{connect("192.168.1.5:8080"), true, want{"", "192.168.1.5:8080", "192.168.1.5"}},
		{connect("[::ffff:192.168.1.5]:8080"), true, want{"", "192.168.1.5:8080", "192.168.1.5"}},
		{plain("192.168.1.5"), false, want{RuleNetworkAllow, "", "192.168.1.5"}},
		{connect("192.168.1.5:443"), false, want{RuleNetworkAllow, "", "192.168.1.5"}},
		{connect("192.168.1.6:8080"), false, want{RuleNetworkAllow, "", "192.168.1.6"}},
		{connect("[::1]:443"), false, want{RuleNetworkAllow, "", "::1"}},
		// Numeric tricks are 127.0.0.1, not names to look up.
		{connect("2130706433:443"), false, want{RuleNetworkAllow, "", "127.0.0.1"}},
		{connect("0x7f.1:443"), false, want{RuleNetworkAllow, "", "127.0.0.1"}},
		{connect("0177.0.0.1:443"), false, want{RuleNetworkAllow, "", "127.0.0.1"}},
		{plain("127.1"), false, want{RuleNetworkAllow, "", "127.0.0.1"}},
	}
	for _, c := range cases {
		check(t, c.req.Authority, g.Decide(context.Background(), c.req), c.want, c.allowed)
	}

	// Covered by a CIDR that lists loopback: then a numeric form passes too,
	// as the same address.
	g = mustGate(t, &Network{Allow: []string{"127.0.0.0/8"}}, fakeResolver{}, nil)
	check(t, "0x7f.1 covered", g.Decide(context.Background(), connect("0x7f.1:443")), want{"", "127.0.0.1:443", "127.0.0.1"}, true)
}

// Requests the proxy cannot judge are refused with 400.
func TestGateMalformed(t *testing.T) {
	g := mustGate(t, &Network{Allow: []string{"exact.example.org"}}, resolver(nil), nil)
	for _, r := range []Request{
		{Scheme: "https", Authority: "exact.example.org"}, // HTTPS must use CONNECT
		{Scheme: "ftp", Authority: "exact.example.org"},
		connect("exact.example.org"), // CONNECT without a port
		{Scheme: "http", Authority: ""},
		connect(""),
		connect(":443"),
		connect("exact.example.org:0"),
		connect("exact.example.org:65536"),
		connect("exact.example.org:https"),
		plain("exact example.org"),
		plain("999.1.1.1"),
		connect("[::1]"),
	} {
		d := g.Decide(context.Background(), r)
		if d.Allowed || d.Rule != RuleNetworkRequest || d.Status() != 400 || d.Credential != -1 {
			t.Errorf("%+v: allowed=%v rule=%q status=%d (%s)", r, d.Allowed, d.Rule, d.Status(), d.Reason)
		}
	}
}

// fakeFiles is a SecretFiles reading from a map (a missing path fails).
func fakeFiles(files map[string]string) *SecretFiles {
	s := NewSecretFiles()
	s.read = func(p string) ([]byte, error) {
		v, ok := files[p]
		if !ok {
			return nil, errors.New("open " + p + ": permission denied")
		}
		return []byte(v), nil
	}
	return s
}

var credNetwork = &Network{
	Allow: []string{"other.example.org"},
	Credentials: []Credential{
		{Host: "api.example.com", Port: 443, Header: "Authorization", Prefix: "Bearer ", SecretFile: "/s/token"},
		{Host: "alt.example.com", Port: 8443, Header: "X-Api-Key", SecretFile: "/s/alt"},
	},
}

// Credentials: the destination is reached by plain HTTP through the
// sidecar, which adds the header and connects to the credential's port; it
// is still checked against DNS, and a missing secret refuses the request.
func TestGateCredentials(t *testing.T) {
	secrets := map[string]string{"/s/token": "s3cr3t\n", "/s/alt": "k3y"}
	cases := []struct {
		name    string
		req     Request
		resolve map[string][]netip.Addr
		files   map[string]string
		allowed bool
		cred    int
		header  string
		value   string
		want
	}{
		{"plain, port 80", plain("api.example.com"), nil, secrets, true, 0, "Authorization", "Bearer s3cr3t", want{RuleNetworkCredential, public4 + ":443", "api.example.com"}},
		{"plain, credential port", plain("api.example.com:443"), nil, secrets, true, 0, "Authorization", "Bearer s3cr3t", want{RuleNetworkCredential, public4 + ":443", ""}},
		{"no prefix, other port", plain("ALT.example.com"), nil, secrets, true, 1, "X-Api-Key", "k3y", want{RuleNetworkCredential, public4 + ":8443", "alt.example.com"}},
		{"plain, other port", plain("api.example.com:8080"), nil, secrets, false, -1, "", "", want{RuleNetworkAllow, "", "api.example.com"}},
		// CONNECT would bypass the sidecar's header: refused.
		{"connect", connect("api.example.com:443"), nil, secrets, false, -1, "", "", want{RuleNetworkCredential, "", "api.example.com"}},
		{"connect, other port", connect("api.example.com:8443"), nil, secrets, false, -1, "", "", want{RuleNetworkAllow, "", "api.example.com"}},
		{"private", plain("api.example.com"), map[string][]netip.Addr{"api.example.com": addrs("127.0.0.1")}, secrets, false, 0, "", "", want{RuleNetworkPrivate, "", "api.example.com"}},
		{"rebinding", plain("api.example.com"), map[string][]netip.Addr{"api.example.com": addrs(public4, "10.0.0.1")}, secrets, false, 0, "", "", want{RuleNetworkPrivate, "", "api.example.com"}},
		{"does not resolve", plain("api.example.com"), map[string][]netip.Addr{"api.example.com": nil}, secrets, false, 0, "", "", want{RuleNetworkDNS, "", "api.example.com"}},
		{"unreadable secret", plain("api.example.com"), nil, map[string]string{"/s/alt": "k3y"}, false, 0, "", "", want{RuleNetworkSecret, "", "api.example.com"}},
		{"empty secret", plain("api.example.com"), nil, map[string]string{"/s/token": " \n"}, false, 0, "", "", want{RuleNetworkSecret, "", "api.example.com"}},
		// Other hosts never carry a credential.
		{"other host", plain("other.example.org"), nil, secrets, true, -1, "", "", want{"", public4 + ":80", ""}},
		{"other host, connect", connect("other.example.org:443"), nil, secrets, true, -1, "", "", want{"", public4 + ":443", ""}},
	}
	for _, c := range cases {
		g := mustGate(t, credNetwork, resolver(c.resolve), fakeFiles(c.files))
		d := g.Decide(context.Background(), c.req)
		check(t, c.name, d, c.want, c.allowed)
		if d.Credential != c.cred || d.Header != c.header || d.Value != c.value {
			t.Errorf("%s: credential %d %q %q, want %d %q %q", c.name, d.Credential, d.Header, d.Value, c.cred, c.header, c.value)
		}
		if c.rule == RuleNetworkSecret && d.Status() != 503 {
			t.Errorf("%s: status %d", c.name, d.Status())
		}
		if c.name == "connect" && d.Status() != 403 {
			t.Errorf("%s: status %d", c.name, d.Status())
		}
	}
}

func TestNewGateErrors(t *testing.T) {
	ok := Credential{Host: "api.example.com", Port: 443, Header: "Authorization", SecretFile: "/s/a"}
	with := func(f func(*Credential)) Credential { c := ok; f(&c); return c }
	for name, n := range map[string]*Network{
		"duplicate host": {Credentials: []Credential{ok, with(func(c *Credential) { c.SecretFile = "/s/b" })}},
		"no secret file": {Credentials: []Credential{with(func(c *Credential) { c.SecretFile = "" })}},
		"no header":      {Credentials: []Credential{with(func(c *Credential) { c.Header = "" })}},
		"no port":        {Credentials: []Credential{with(func(c *Credential) { c.Port = 0 })}},
		"bad allow":      {Allow: []string{"https://api.example.com/"}},
		"numeric name":   {Allow: []string{"2130706433"}},
	} {
		if g, err := NewGate(n, resolver(nil), NewSecretFiles(), nil); err == nil {
			t.Errorf("%s: no error (%v)", name, g)
		}
	}
	g, err := NewGate(&Network{Credentials: []Credential{ok}}, nil, NewSecretFiles(), nil)
	if err != nil || len(g.Credentials()) != 1 || g.Credentials()[0] != ok {
		t.Errorf("valid credential: %v %+v", err, g)
	}
}

// SecretFiles re-reads a file at most once per interval, remembers the
// values it replaced, and fails closed on a bad read.
func TestSecretFiles(t *testing.T) {
	clock := time.Unix(1_000_000, 0)
	var (
		content string
		readErr error
		reads   int
	)
	s := NewSecretFiles()
	s.now = func() time.Time { return clock }
	s.read = func(p string) ([]byte, error) {
		if p != "/s/token" {
			t.Errorf("read %q", p)
		}
		reads++
		return []byte(content), readErr
	}
	steps := []struct {
		name    string
		advance time.Duration
		content string
		err     error
		value   string // "" = an error
		reads   int
		known   []string
	}{
		{"first read, trimmed", 0, " tok-1 \r\n", nil, "tok-1", 1, []string{"tok-1"}},
		{"cached", 999 * time.Millisecond, "tok-2", nil, "tok-1", 1, []string{"tok-1"}},
		{"re-read after the interval", time.Millisecond, "tok-2", nil, "tok-2", 2, []string{"tok-2", "tok-1"}},
		{"empty", time.Second, "  \n", nil, "", 3, []string{"tok-2", "tok-1"}},
		{"inner newline", time.Second, "tok\n3", nil, "", 4, []string{"tok-2", "tok-1"}},
		{"NUL", time.Second, "tok\x003", nil, "", 5, []string{"tok-2", "tok-1"}},
		{"read error", time.Second, "tok-3", errors.New("permission denied"), "", 6, []string{"tok-2", "tok-1"}},
		{"recovered", time.Second, "tok-3", nil, "tok-3", 7, []string{"tok-3", "tok-2", "tok-1"}},
	}
	for _, st := range steps {
		clock = clock.Add(st.advance)
		content, readErr = st.content, st.err
		v, err := s.Read("/s/token")
		if v != st.value || (err != nil) != (st.value == "") {
			t.Errorf("%s: Read = %q, %v; want %q", st.name, v, err, st.value)
		}
		if reads != st.reads {
			t.Errorf("%s: %d reads, want %d", st.name, reads, st.reads)
		}
		// Known reads no more than Read does within the interval.
		known := s.Known([]string{"/s/token"})
		if reads != st.reads || !sameSet(known, st.known) {
			t.Errorf("%s: Known = %q (%d reads), want %q", st.name, known, reads, st.known)
		}
	}

	// Only the last few earlier values are kept.
	for i := range 10 {
		clock = clock.Add(time.Second)
		content = "rot-" + string(rune('a'+i))
		if _, err := s.Read("/s/token"); err != nil {
			t.Fatal(err)
		}
	}
	if known := s.Known([]string{"/s/token"}); len(known) != 1+keepHistory || known[0] != "rot-j" || slices.Contains(known, "tok-3") {
		t.Errorf("after rotations: %q", known)
	}

	// A file never read successfully adds nothing.
	s.read = func(string) ([]byte, error) { return nil, errors.New("no such file") }
	if known := s.Known([]string{"/s/other"}); len(known) != 0 {
		t.Errorf("unreadable file: %q", known)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// The gate and its secret cache are used from many connections at once.
func TestGateConcurrent(t *testing.T) {
	files := fakeFiles(map[string]string{"/s/token": "s3cr3t", "/s/alt": "k3y"})
	files.every = 0 // read on every call, to exercise the lock
	g := mustGate(t, credNetwork, resolver(nil), files)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if d := g.Decide(context.Background(), plain("api.example.com")); !d.Allowed || d.Value != "Bearer s3cr3t" {
					t.Errorf("%+v", d)
					return
				}
				files.Known([]string{"/s/token", "/s/alt"})
			}
		}()
	}
	wg.Wait()
}

// countingResolver answers every name with one public address, or fails,
// and counts its lookups.
type countingResolver struct {
	calls int
	fail  bool
}

func (r *countingResolver) LookupNetIP(_ context.Context, _, _ string) ([]netip.Addr, error) {
	r.calls++
	if r.fail {
		return nil, errors.New("no such host")
	}
	return []netip.Addr{netip.MustParseAddr("203.0.113.7")}, nil
}

// Answers are reused for the TTL, failures never; the cache stays bounded.
func TestCachingResolver(t *testing.T) {
	inner := &countingResolver{}
	c := NewCachingResolver(inner, 5*time.Second)
	clock := time.Unix(1_000_000, 0)
	c.now = func() time.Time { return clock }
	ctx := context.Background()
	for range 3 {
		if a, err := c.LookupNetIP(ctx, "ip", "api.example.com"); err != nil || len(a) != 1 {
			t.Fatal(a, err)
		}
	}
	if inner.calls != 1 {
		t.Fatalf("%d lookups within the TTL, want 1", inner.calls)
	}
	clock = clock.Add(6 * time.Second)
	c.LookupNetIP(ctx, "ip", "api.example.com")
	if inner.calls != 2 {
		t.Fatalf("%d lookups after the TTL, want 2", inner.calls)
	}
	inner.fail = true
	for range 2 {
		if _, err := c.LookupNetIP(ctx, "ip", "down.example.com"); err == nil {
			t.Fatal("a failure was not passed on")
		}
	}
	if inner.calls != 4 {
		t.Fatalf("failures cached: %d lookups", inner.calls)
	}
	inner.fail = false
	for i := range maxCachedNames + 10 {
		c.LookupNetIP(ctx, "ip", fmt.Sprintf("h%d.example.com", i))
	}
	if n := len(c.answers); n > maxCachedNames {
		t.Fatalf("%d names cached, want at most %d", n, maxCachedNames)
	}
}
