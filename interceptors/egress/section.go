package egress

import (
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

// DefaultEgressSchemes are the URL schemes allowed when schemes is absent.
var DefaultEgressSchemes = []string{"https"}

var urlScheme = regexp.MustCompile(`^[a-z][a-z0-9+.-]*$`)

// Decode reads the "egress" section of a server: the destinations URLs and
// host names in tools/call arguments may point to.
func Decode(l *section.Reader, e *section.Entry) *Policy {
	if e == nil {
		return nil
	}
	if section.IsNull(e.Node) {
		l.Errorf(e.Pos(), e.Path, `must be a mapping; write "egress: {}" to check URLs in every argument with the defaults, or remove the key to turn egress checks off`)
		return nil
	}
	fs := l.Fields(e, "a mapping with mode, arguments, detect, allow, schemes, allowPrivate and network", "mode", "arguments", "detect", "allow", "schemes", "allowPrivate", "network")
	if fs == nil {
		return nil
	}
	// With network alone, arguments are not checked unless asked for.
	g := &Policy{Mode: interceptors.Enforce, Detect: fs["network"] == nil, Schemes: append([]string(nil), DefaultEgressSchemes...)}
	if f := fs["network"]; f != nil {
		g.Network = decodeNetwork(l, f)
	}
	g.Mode = l.Mode(fs["mode"], "remove the egress key to turn egress checks off")
	// Arguments that are present but invalid count as given: they have been reported.
	checked := false
	if f := fs["arguments"]; f != nil {
		var ok bool
		g.Arguments, ok = egressArguments(l, f)
		checked = len(g.Arguments) > 0 || !ok
	}
	if f := fs["detect"]; f != nil {
		v, ok := l.Boolean(f)
		g.Detect = v
		checked = checked || !ok
	}
	checked = checked || g.Detect || fs["network"] != nil
	if f := fs["allow"]; f != nil {
		g.Allow = destinations(l, f)
	}
	if f := fs["schemes"]; f != nil {
		if v := schemes(l, f); v != nil {
			g.Schemes = v
		}
	}
	if f := fs["allowPrivate"]; f != nil {
		g.AllowPrivate, _ = l.Boolean(f)
	}
	if !checked {
		l.Errorf(e.Pos(), e.Path, "nothing would be checked: list the arguments that carry URLs or host names, set detect: true, or confine the server's connections with network")
	}
	return g
}

// egressArguments reads "<tool pattern>:<argument path>" entries. ok is
// false when something was wrong (and reported).
func egressArguments(l *section.Reader, e *section.Entry) ([]string, bool) {
	items, ok := l.Items(e, `a list of "tool:argument" entries`)
	if !ok {
		return nil, false
	}
	var out []string
	seen := map[string]section.Pos{}
	for _, it := range items {
		s, isStr := l.Str(it, `a "tool:argument" entry such as "fetch:url" (a string)`)
		if !isStr {
			ok = false
			continue
		}
		tool, arg, found := strings.Cut(s, ":")
		problem := ""
		switch {
		case !found:
			problem = fmt.Sprintf(`must be "<tool pattern>:<argument path>", such as "fetch:url" or "*:endpoint"; got %q`, s)
		case tool == "":
			problem = fmt.Sprintf(`the tool pattern before ':' is empty in %q; write "*:%s" for every tool`, s, arg)
		default:
			if problem = section.PatternProblem(tool); problem == "" {
				problem = section.ArgumentPathProblem(arg)
			}
		}
		if problem != "" {
			l.Errorf(it.Pos(), it.Path, "%s", problem)
			ok = false
			continue
		}
		l.NoteRepeat(seen, s, it, fmt.Sprintf("entry %q", s))
		out = append(out, s)
	}
	return out, ok
}

// destinations reads allowed host names, wildcards, addresses and CIDRs;
// they are returned in canonical form.
func destinations(l *section.Reader, e *section.Entry) []string {
	items, ok := l.Items(e, "a list of host names, IP addresses and CIDRs, with optional ports")
	if !ok {
		return nil
	}
	out := []string{}
	seen := map[string]section.Pos{}
	for _, it := range items {
		s, ok := l.Str(it, "a host name, IP address or CIDR, with an optional port (a string)")
		if !ok {
			continue
		}
		d, problem := allowEntry(s)
		if problem != "" {
			l.Errorf(it.Pos(), it.Path, "%s", problem)
			continue
		}
		l.NoteRepeat(seen, d, it, fmt.Sprintf("destination %q", d))
		out = append(out, d)
	}
	return out
}

// allowEntry checks one allow entry and returns its canonical form: host
// names in lower case, addresses and CIDRs as net/netip prints them, and a
// port, when one is given, after a colon ("[addr]:port" for IPv6).
func allowEntry(s string) (string, string) {
	switch {
	case s == "":
		return "", "destination must not be empty"
	case strings.Contains(s, "://"):
		hint := ""
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			hint = fmt.Sprintf(", such as %q", u.Host)
		}
		return "", fmt.Sprintf("%q is a URL; write only its host name, with a port if it is not the scheme's default%s (schemes are listed in schemes)", s, hint)
	case strings.Contains(s, "/"):
		if pfx, _, ok := strings.Cut(s, "]"); ok || strings.Count(s, ":") == 1 {
			if i := strings.LastIndexByte(s, ':'); i > strings.IndexByte(s, '/') || ok && strings.HasPrefix(pfx, "[") {
				return "", fmt.Sprintf("%q: a CIDR takes no port; list the addresses with a port one by one, or the CIDR for the scheme's default port", s)
			}
		}
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return "", fmt.Sprintf(`%q is not a valid CIDR such as "10.1.0.0/16" or "fd00::/8"`, s)
		}
		if p != p.Masked() {
			return "", fmt.Sprintf("CIDR %q has address bits set beyond its prefix length; write %q", s, p.Masked().String())
		}
		return p.String(), ""
	}
	host, port, problem := splitAllowPort(s)
	if problem != "" {
		return "", problem
	}
	withPort := func(h string) string {
		if port == 0 {
			return h
		}
		if strings.Contains(h, ":") {
			h = "[" + h + "]"
		}
		return h + ":" + strconv.Itoa(int(port))
	}
	if a, err := netip.ParseAddr(host); err == nil {
		if a.Zone() != "" {
			return "", fmt.Sprintf("address %q must not have a zone (%%%s)", s, a.Zone())
		}
		return withPort(a.String()), ""
	}
	lower := strings.ToLower(host)
	wildcard := strings.HasPrefix(lower, "*.")
	if wildcard {
		lower = lower[2:]
	}
	switch {
	case host == "*":
		return "", `a bare "*" would allow every destination; remove the egress key to turn egress checks off`
	case strings.Contains(lower, "*"):
		return "", fmt.Sprintf(`%q: "*" is only allowed as a whole first label, as in "*.example.com"`, s)
	case section.AllNumeric(lower):
		return "", fmt.Sprintf("%q is not a valid IP address", s)
	}
	if problem := dnsNameProblem(lower); problem != "" {
		return "", fmt.Sprintf("%q is not a valid host name: %s", s, problem)
	}
	if wildcard {
		return withPort("*." + lower), ""
	}
	return withPort(lower), ""
}

// dnsNameProblem describes why a lower-case name is not a DNS host name.
func dnsNameProblem(host string) string {
	if len(host) > 253 {
		return "longer than 253 characters"
	}
	for _, label := range strings.Split(host, ".") {
		if !section.DNSLabel.MatchString(label) {
			return "each dot-separated label must be 1-63 letters, digits and '-', starting and ending with a letter or digit"
		}
	}
	return ""
}

// schemes reads the allowed URL schemes; nil means the list was unusable
// (reported).
func schemes(l *section.Reader, e *section.Entry) []string {
	items, ok := l.Items(e, "a list of URL schemes")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		l.Errorf(e.Pos(), e.Path, `must list at least one scheme; remove the key for the default [https]`)
		return nil
	}
	var out []string
	seen := map[string]section.Pos{}
	for _, it := range items {
		s, ok := l.Str(it, `a URL scheme such as "https" (a string)`)
		if !ok {
			continue
		}
		if !urlScheme.MatchString(s) {
			hint := ""
			if t := strings.TrimSuffix(strings.TrimSuffix(s, "://"), ":"); t != s && urlScheme.MatchString(t) {
				hint = fmt.Sprintf(`; write %q`, t)
			} else if lower := strings.ToLower(s); lower != s && urlScheme.MatchString(lower) {
				hint = fmt.Sprintf(`; write %q`, lower)
			}
			l.Errorf(it.Pos(), it.Path, "%q is not a URL scheme: use lower-case letters, digits, '+', '-' and '.', starting with a letter%s", s, hint)
			continue
		}
		l.NoteRepeat(seen, s, it, fmt.Sprintf("scheme %q", s))
		out = append(out, s)
	}
	return out
}
