package egress

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
)

// allowList is a compiled list of allowed destinations: the egress
// section's allow (URLs in arguments) and network.allow (connections
// through the sidecar) are both one.
type allowList struct {
	hosts    map[string][]uint16 // exact names -> ports (0: the scheme's default)
	suffixes []suffixEntry       // "*.example.com"
	prefixes []prefixEntry       // IPs and CIDRs
}

func newAllowList() allowList { return allowList{hosts: map[string][]uint16{}} }

type suffixEntry struct {
	suffix string // ".example.com"
	port   uint16
}

type prefixEntry struct {
	prefix netip.Prefix
	port   uint16
}

// portOK reports whether an allow entry's port (0: none written) admits
// the destination's: without one, only the scheme's default port, or no
// port at all; with one, exactly that port.
func portOK(entry uint16, d destination) bool {
	if entry == 0 {
		return !d.explicit || d.port == defaultPort(d.scheme)
	}
	return d.port == entry
}

func (c *allowList) add(a string) error {
	a, port, problem := splitAllowPort(a)
	if problem != "" {
		return errors.New(problem)
	}
	if strings.Contains(a, "/") {
		if port != 0 {
			return fmt.Errorf("a CIDR takes no port")
		}
		p, err := netip.ParsePrefix(a)
		if err != nil {
			return fmt.Errorf("not a valid CIDR")
		}
		if p.Addr().Is4In6() {
			p = netip.PrefixFrom(p.Addr().Unmap(), max(p.Bits()-96, 0))
		}
		c.prefixes = append(c.prefixes, prefixEntry{p.Masked(), 0})
		return nil
	}
	if ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(a, "["), "]")); err == nil {
		ip = ip.WithZone("").Unmap()
		c.prefixes = append(c.prefixes, prefixEntry{netip.PrefixFrom(ip, ip.BitLen()), port})
		return nil
	}
	wild := strings.HasPrefix(a, "*.")
	name, err := normaliseName(strings.TrimPrefix(a, "*."))
	if err != nil {
		return fmt.Errorf("not a host name, \"*.\" wildcard, IP address or CIDR")
	}
	if _, isNum, _ := numericIPv4(name); isNum {
		return fmt.Errorf("write IPv4 addresses in dotted-quad form")
	}
	if wild {
		c.suffixes = append(c.suffixes, suffixEntry{"." + name, port})
	} else {
		c.hosts[name] = append(c.hosts[name], port)
	}
	return nil
}

// hostAllowed matches a normalised destination against the allow list and
// classifies it: listed says an entry names the host, allowed that one
// also admits the port.
func (c *allowList) hostAllowed(d destination) (listed, allowed, private bool) {
	if d.addr.IsValid() {
		for _, p := range c.prefixes {
			if p.prefix.Contains(d.addr) {
				listed = true
				if portOK(p.port, d) {
					allowed = true
					break
				}
			}
		}
		return listed, allowed, privateIP(d.addr)
	}
	if ports, ok := c.hosts[d.host]; ok {
		listed = true
		for _, p := range ports {
			if portOK(p, d) {
				allowed = true
				break
			}
		}
	}
	for _, suf := range c.suffixes {
		if allowed {
			break
		}
		// "*.example.com" matches a.example.com, not example.com and
		// not evilexample.com.
		if len(d.host) > len(suf.suffix) && strings.HasSuffix(d.host, suf.suffix) {
			listed = true
			allowed = portOK(suf.port, d)
		}
	}
	return listed, allowed, privateName(d.host)
}
