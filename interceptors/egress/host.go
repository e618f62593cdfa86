package egress

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// A destination is the scheme (lower case, "" for a bare host) and the
// host of one candidate value, normalised: a host name in lower-case ASCII
// (IDNA applied) without a trailing dot, or an IP address.
type destination struct {
	scheme string
	host   string     // the normalised name, or the address in standard form
	addr   netip.Addr // valid when the host is an IP address (unmapped, no zone)
	// port is the one written, else the scheme's default (0: none known);
	// explicit says it was written.
	port     uint16
	explicit bool
	// query and fragment of a URL, raw: URLs in them are judged too.
	query, fragment string
}

// defaultPorts are the ports of schemes whose URLs may leave them out; an
// allow entry without a port admits only these (or no port at all).
var defaultPorts = map[string]uint16{
	"http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21, "ftps": 990, "sftp": 22, "ssh": 22,
	"git": 9418, "ldap": 389, "ldaps": 636, "smtp": 25, "smtps": 465, "imap": 143, "imaps": 993,
	"redis": 6379, "rediss": 6379, "postgres": 5432, "postgresql": 5432, "mysql": 3306,
	"mongodb": 27017, "amqp": 5672, "amqps": 5671, "nats": 4222, "mqtt": 1883, "mqtts": 8883,
}

// defaultPort is the scheme's default port, 0 when it has none known.
func defaultPort(scheme string) uint16 {
	switch scheme { // the common ones without a map lookup
	case "https":
		return 443
	case "http":
		return 80
	}
	return defaultPorts[scheme]
}

// parsePort reads a decimal port from 1 to 65535 without sign or leading
// zero.
func parsePort(p string) (uint16, bool) {
	if p == "" || len(p) > 5 || p[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return 0, false
		}
		n = n*10 + int(p[i]-'0')
	}
	return uint16(n), n <= 65535
}

// splitAllowPort splits an allow entry into its destination and port
// ("api.example.com:443", "*.example.com:8443", "[2001:db8::1]:443",
// "203.0.113.7:8080"; 0 without one). A bare IPv6 address has no port;
// CIDRs take none. problem describes a malformed entry.
func splitAllowPort(s string) (host string, port uint16, problem string) {
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 || !strings.HasPrefix(s[end+1:], ":") {
			return "", 0, fmt.Sprintf("%q: write IPv6 addresses without brackets, or in brackets with a port as in \"[2001:db8::1]:443\"", s)
		}
		host, p := s[1:end], s[end+2:]
		if _, err := netip.ParseAddr(host); err != nil || strings.Contains(host, "/") {
			return "", 0, fmt.Sprintf("%q: only an IPv6 address goes in brackets", s)
		}
		if port, ok := parsePort(p); ok {
			return host, port, ""
		}
		return "", 0, fmt.Sprintf("%q: the port %q must be a number from 1 to 65535", s, p)
	}
	i := strings.LastIndexByte(s, ':')
	if i < 0 || strings.Count(s, ":") > 1 || strings.Contains(s, "/") {
		return s, 0, "" // a name, an IPv4 address, an IPv6 address or a CIDR
	}
	p := s[i+1:]
	port, ok := parsePort(p)
	if !ok {
		return "", 0, fmt.Sprintf("%q: the port %q must be a number from 1 to 65535", s, p)
	}
	return s[:i], port, ""
}

// Reasons a value cannot be judged; each is refused.
var (
	errNotDestination = errors.New("is neither a URL nor a host name")
	errUnparsable     = errors.New("is not a URL that can be parsed unambiguously")
	errNoHost         = errors.New("names no host")
	errBadHost        = errors.New("has an invalid host name")
	errBadIPv4        = errors.New("has a numeric host that is not a valid IPv4 address")
)

// schemeLen returns the length of the RFC 3986 scheme s starts with
// (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )) when a ':' follows it, else 0.
func schemeLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9', c == '+', c == '-', c == '.':
			if i == 0 {
				return 0
			}
		case c == ':':
			return i
		default:
			return 0
		}
	}
	return 0
}

// parseValue reads a value found at a declared argument path: a URL
// ("scheme://...") or a bare host with an optional port and path
// ("example.com", "example.com:8443", "[::1]:80", "10.0.0.1").
func parseValue(v string) (destination, error) {
	v = strings.TrimSpace(v)
	if n := schemeLen(v); n > 0 {
		rest := v[n+1:]
		switch {
		case strings.HasPrefix(rest, "//"):
			return parseURL(v)
		case rest == "" || rest[0] < '0' || rest[0] > '9':
			// "https:evil.com" is a URL with host evil.com to a WHATWG
			// parser and an opaque URL to others: refuse it.
			return destination{}, errNotDestination
		}
		// "example.com:8443": a host and a port.
	}
	if a, err := netip.ParseAddr(v); err == nil {
		return ipDestination("", a), nil
	}
	if strings.ContainsAny(v, "\\") {
		return destination{}, errUnparsable
	}
	u, err := url.Parse("//" + v)
	if err != nil {
		return destination{}, errUnparsable
	}
	d, err := hostDestination("", u.Hostname())
	if err == nil {
		err = d.setPort(u.Port())
	}
	return d, err
}

// parseURL reads an absolute URL. The host is the one net/url finds after
// the last '@' of the authority, as browsers and curl also read it, so
// "https://allowed.com@evil.com/" is a URL of evil.com.
func parseURL(v string) (destination, error) {
	// Backslashes are path separators to WHATWG parsers and data to
	// RFC 3986 ones: "https://good.com\@evil.com" means two hosts.
	if strings.IndexByte(v, '\\') >= 0 {
		return destination{}, errUnparsable
	}
	u, err := url.Parse(v)
	if err != nil || u.Opaque != "" {
		return destination{}, errUnparsable
	}
	d, err := hostDestination(strings.ToLower(u.Scheme), u.Hostname())
	d.query, d.fragment = u.RawQuery, u.EscapedFragment()
	if err == nil {
		err = d.setPort(u.Port())
	}
	return d, err
}

var errBadPort = errors.New("has a port that is not a number from 1 to 65535")

// setPort records the port written (p), else the scheme's default.
func (d *destination) setPort(p string) error {
	if p == "" {
		d.port = defaultPort(d.scheme)
		return nil
	}
	n, ok := parsePort(strings.TrimLeft(p, "0"))
	if !ok {
		return errBadPort
	}
	d.port, d.explicit = n, true
	return nil
}

// hostDestination normalises a host as a resolver would read it.
func hostDestination(scheme, h string) (destination, error) {
	if h == "" {
		return destination{scheme: scheme}, errNoHost
	}
	if a, err := netip.ParseAddr(h); err == nil { // IPv6 (brackets already removed) or dotted-quad IPv4
		return ipDestination(scheme, a), nil
	}
	name, err := normaliseName(h)
	if err != nil {
		return destination{scheme: scheme}, err
	}
	if a, ok, err := numericIPv4(name); ok || err != nil {
		if err != nil {
			return destination{scheme: scheme, host: name}, err
		}
		return ipDestination(scheme, a), nil
	}
	return destination{scheme: scheme, host: name}, nil
}

func ipDestination(scheme string, a netip.Addr) destination {
	a = a.WithZone("").Unmap()
	return destination{scheme: scheme, host: a.String(), addr: a}
}

// normaliseName lower-cases a host name, converts an internationalised one
// to its ASCII (punycode) form with the UTS #46 lookup mapping (which also
// folds full-width letters, digits and dots), and drops one trailing dot.
// What remains must consist of letters, digits, '-', '_' and dots between
// non-empty labels.
func normaliseName(h string) (string, error) {
	ascii := true
	for i := 0; i < len(h); i++ {
		if h[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		h = strings.ToLower(h)
	} else {
		a, err := idna.Lookup.ToASCII(h)
		if err != nil {
			return "", errBadHost
		}
		h = strings.ToLower(a)
	}
	h = strings.TrimSuffix(h, ".")
	if h == "" || len(h) > 253 {
		return "", errBadHost
	}
	label := 0
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
			label++
		case c == '.':
			if label == 0 {
				return "", errBadHost
			}
			label = 0
		default:
			return "", errBadHost
		}
	}
	if label == 0 {
		return "", errBadHost
	}
	return h, nil
}

// numericIPv4 reads a host whose last label is a number the way
// inet_aton(3) and the WHATWG URL parser do: one to four parts, each
// decimal, octal (leading 0) or hexadecimal (0x), the last filling the
// remaining bytes. So "2130706433", "0x7f.1", "0177.0.0.1" and "127.1" are
// all 127.0.0.1. ok is false for an ordinary host name; a numeric host
// that is not a valid address is an error (the WHATWG parser refuses it,
// while some resolvers would still look it up).
func numericIPv4(h string) (a netip.Addr, ok bool, err error) {
	last := h[strings.LastIndexByte(h, '.')+1:]
	if !numericLabel(last) {
		return netip.Addr{}, false, nil
	}
	parts := strings.Split(h, ".")
	if len(parts) > 4 {
		return netip.Addr{}, true, errBadIPv4
	}
	var vals [4]uint64
	for i, p := range parts {
		v, good := parseNumber(p)
		if !good {
			return netip.Addr{}, true, errBadIPv4
		}
		vals[i] = v
	}
	n := len(parts)
	for i := 0; i < n-1; i++ {
		if vals[i] > 255 {
			return netip.Addr{}, true, errBadIPv4
		}
	}
	if vals[n-1] >= 1<<(8*(5-n)) {
		return netip.Addr{}, true, errBadIPv4
	}
	ip := vals[n-1]
	for i := 0; i < n-1; i++ {
		ip |= vals[i] << (8 * (3 - i))
	}
	return netip.AddrFrom4([4]byte{byte(ip >> 24), byte(ip >> 16), byte(ip >> 8), byte(ip)}), true, nil
}

// numericLabel reports whether s is all decimal digits, or "0x" followed by
// hexadecimal digits (possibly none), as the WHATWG "ends in a number"
// check has it.
func numericLabel(s string) bool {
	if s == "" {
		return false
	}
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		for i := 2; i < len(s); i++ {
			if !isHex(s[i]) {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// parseNumber reads one part of a numeric IPv4 host.
func parseNumber(s string) (uint64, bool) {
	base := uint64(10)
	switch {
	case s == "":
		return 0, false
	case len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
		base, s = 16, s[2:]
		if s == "" {
			return 0, true // "0x" is zero to the WHATWG parser
		}
	case len(s) >= 2 && s[0] == '0':
		base, s = 8, s[1:]
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d uint64
		switch {
		case c >= '0' && c <= '9':
			d = uint64(c - '0')
		case c >= 'a' && c <= 'f':
			d = uint64(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = uint64(c-'A') + 10
		default:
			return 0, false
		}
		if d >= base {
			return 0, false
		}
		v = v*base + d
		if v > 1<<32 {
			return 0, false
		}
	}
	return v, true
}

// Addresses that reach the gateway's own network rather than the internet.
var privatePrefixes = func() []netip.Prefix {
	var ps []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",       // "this network"; 0.0.0.0 reaches local services
		"10.0.0.0/8",      // RFC 1918
		"100.64.0.0/10",   // carrier-grade NAT (also Alibaba's metadata 100.100.100.200)
		"127.0.0.0/8",     // loopback
		"169.254.0.0/16",  // link-local, cloud metadata 169.254.169.254
		"172.16.0.0/12",   // RFC 1918
		"192.0.0.0/24",    // IETF protocol assignments (Oracle metadata 192.0.0.192)
		"192.168.0.0/16",  // RFC 1918
		"198.18.0.0/15",   // benchmarking
		"224.0.0.0/4",     // multicast
		"240.0.0.0/4",     // reserved, broadcast
		"::/128",          // unspecified
		"::1/128",         // loopback
		"64:ff9b:1::/48",  // local-use NAT64
		"fc00::/7",        // unique-local (AWS metadata fd00:ec2::254)
		"fe80::/10",       // link-local
		"fec0::/10",       // site-local (deprecated)
		"ff00::/8",        // multicast
		"100::/64",        // discard-only
		"2001:db8::/32",   // documentation
		"2001::/32",       // Teredo: reaches an IPv4 host through a relay
		"::ffff:0:0:0/96", // SIIT translated addresses
		"2001:10::/28",    // ORCHID
		"2001:20::/28",    // ORCHIDv2
		"3fff::/20",       // documentation
		"5f00::/16",       // segment routing SIDs
		"2002::/16",       // 6to4: checked through the embedded address instead
		"64:ff9b::/96",    // NAT64: checked through the embedded address instead
		"::/96",           // IPv4-compatible: checked through the embedded address instead
	} {
		ps = append(ps, netip.MustParsePrefix(s))
	}
	return ps
}()

var (
	nat64   = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4  = netip.MustParsePrefix("2002::/16")
	compat4 = netip.MustParsePrefix("::/96")
)

// privateIP reports whether a (unmapped) is loopback, private, link-local,
// unique-local, unspecified, multicast or otherwise not a public unicast
// address. IPv6 forms that embed an IPv4 address (NAT64, 6to4,
// IPv4-compatible) are judged by the embedded address.
func privateIP(a netip.Addr) bool {
	if a.Is6() {
		b := a.As16()
		var v4 netip.Addr
		switch {
		case nat64.Contains(a), compat4.Contains(a) && a != netip.IPv6Unspecified() && a != netip.IPv6Loopback():
			v4 = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
		case sixTo4.Contains(a):
			v4 = netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})
		}
		if v4.IsValid() {
			return privateIP(v4)
		}
	}
	for _, p := range privatePrefixes {
		if p.Contains(a) {
			switch p {
			case nat64, sixTo4, compat4:
				continue
			}
			return true
		}
	}
	return false
}

// privateName reports whether a normalised host name is one that resolves
// only inside the gateway's own network: localhost and its subdomains,
// cloud metadata names, and the special-use suffixes .internal, .local,
// .localdomain and .home.arpa.
func privateName(h string) bool {
	switch h {
	case "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback",
		"metadata", "instance-data", "metadata.google.internal", "metadata.goog",
		"instance-data.ec2.internal":
		return true
	}
	for _, s := range []string{".localhost", ".internal", ".local", ".localdomain", ".home.arpa", ".metadata.goog"} {
		if strings.HasSuffix(h, s) {
			return true
		}
	}
	return false
}
