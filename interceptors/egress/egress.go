// Package egress confines the destinations named in tools/call arguments:
// URLs and host names must use an allowed scheme and point at an allowed
// host, and addresses inside the gateway's own network (loopback, private,
// link-local, cloud metadata) are refused unless the policy explicitly
// permits them.
//
// Candidates are the values at declared argument paths ("fetch:url") and,
// with Detect, every "scheme://..." URL inside any string argument. Hosts
// are normalised the way a resolver or browser would read them (userinfo
// dropped, lower case, IDNA to ASCII, trailing dot removed, numeric IPv4
// forms such as 2130706433 or 0x7f.1 decoded) before they are compared.
//
// The check resolves no names: a permitted name that resolves to a private
// address (DNS rebinding) must be stopped by the egress listener of the
// sidecar, which sees the address actually connected to.
package egress

import (
	"bytes"
	"context"
	"fmt"
	"math/bits"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/argpath"
	"github.com/mcpmesh/mcpmesh/interceptors/toolglob"
)

// Name is the interceptor's name in findings.
const Name = "egress"

// Rule names used in findings.
const (
	RuleAllow   = "egress.allow"   // host not in the allow list, or a value that is not a destination
	RuleSchemes = "egress.schemes" // URL scheme not allowed
	RulePrivate = "egress.private" // loopback, private, link-local or metadata destination
)

const (
	maxPaths    = 64  // argument entries per policy
	maxFindings = 32  // per message
	maxHostShow = 100 // characters of a host in a finding's detail
)

// Checker is the compiled form of Policy. It implements
// interceptors.Interceptor and is safe for concurrent use.
type Checker struct {
	mode   string
	paths  []argPath
	detect bool
	allowList
	schemes      map[string]struct{}
	allowPrivate bool
}

var _ interceptors.Interceptor = (*Checker)(nil)

// argPath is one "<tool glob>:<path>" entry.
type argPath struct {
	tool toolglob.Pattern
	path argpath.Path
}

// New compiles e. A nil e gives a checker that checks nothing.
func New(e *Policy) (*Checker, error) {
	c := &Checker{mode: string(interceptors.Enforce), allowList: newAllowList(), schemes: map[string]struct{}{}}
	if e == nil {
		return c, nil
	}
	switch e.Mode {
	case "":
	case interceptors.Enforce, interceptors.AuditOnly:
		c.mode = string(e.Mode)
	default:
		return nil, fmt.Errorf("egress.mode: must be %q or %q, not %q", interceptors.Enforce, interceptors.AuditOnly, e.Mode)
	}
	if len(e.Arguments) > maxPaths {
		return nil, fmt.Errorf("egress.arguments: at most %d entries, not %d", maxPaths, len(e.Arguments))
	}
	for i, a := range e.Arguments {
		tool, path, ok := strings.Cut(a, ":")
		if !ok {
			return nil, fmt.Errorf("egress.arguments[%d]: %q must be written <tool pattern>:<argument path>", i, a)
		}
		g, err := toolglob.Compile(tool)
		if err != nil {
			return nil, fmt.Errorf("egress.arguments[%d]: %w", i, err)
		}
		p, ok := argpath.Parse(path)
		if !ok {
			return nil, fmt.Errorf("egress.arguments[%d]: argument %q: a dotted path of non-empty segments is required", i, path)
		}
		c.paths = append(c.paths, argPath{tool: g, path: p})
	}
	c.detect = e.Detect
	c.allowPrivate = e.AllowPrivate
	for i, a := range e.Allow {
		if err := c.add(a); err != nil {
			return nil, fmt.Errorf("egress.allow[%d]: %q: %w", i, a, err)
		}
	}
	schemes := e.Schemes
	if len(schemes) == 0 {
		schemes = []string{"https"}
	}
	for i, s := range schemes {
		ls := strings.ToLower(s)
		if schemeLen(ls+":") != len(ls) {
			return nil, fmt.Errorf("egress.schemes[%d]: %q is not a URL scheme", i, s)
		}
		c.schemes[ls] = struct{}{}
	}
	return c, nil
}

// Name implements interceptors.Interceptor.
func (c *Checker) Name() string { return Name }

// Intercept implements interceptors.Interceptor: it judges the tools/call
// requests (and notifications) the agent sends.
func (c *Checker) Intercept(_ context.Context, x *interceptors.Exchange) error {
	m := x.Message
	if x.Direction != interceptors.ToServer || m.Method != "tools/call" {
		return nil
	}
	if len(c.paths) == 0 && !c.detect {
		return nil
	}
	tool := x.Tool
	var active uint64
	if tool != "" {
		active = c.applicable(tool)
		if active == 0 && !c.detect {
			return nil // nothing to check: no parsing
		}
	}
	tc, err := x.ToolCall()
	if err != nil {
		return fmt.Errorf("tools/call params: %w", err)
	}
	if tc.Name != tool {
		active = c.applicable(tc.Name)
	}
	if tc.Arguments == nil || (active == 0 && !c.detect) {
		return nil
	}
	if active == 0 && !mayHoldURL(tc.Arguments) {
		return nil // detection only, and no string can hold "://"
	}
	s := scans.Get().(*scan)
	defer s.release()
	s.c, s.x, s.src = c, x, tc.Arguments
	s.buf = *bytes.NewBuffer(tc.Arguments) // read in place, without copying
	s.dec.Reset(&s.buf)
	s.where = append(s.where[:0], argpath.Root...)
	if err := s.walk(active, 0, false); err != nil {
		return fmt.Errorf("tools/call arguments: %w", err)
	}
	return nil
}

// mayHoldURL reports whether a string of the JSON text args may hold
// "://": the text holds it, or holds escapes, which could spell it.
func mayHoldURL(args []byte) bool {
	return bytes.Contains(args, []byte("://")) || bytes.IndexByte(args, '\\') >= 0
}

// scans keeps the decoder and location buffer of a scan between calls.
var scans = sync.Pool{New: func() any { return new(scan) }}

func (s *scan) release() {
	s.c, s.x, s.src = nil, nil, nil
	s.buf = bytes.Buffer{}
	s.dec.Reset(&s.buf) // drop references to the arguments
	s.findings, s.depth = 0, 0
	if cap(s.where) > 4<<10 {
		s.where = nil
	}
	scans.Put(s)
}

// applicable is the set of argument paths (bit i for c.paths[i]) that
// apply to tool.
func (c *Checker) applicable(tool string) uint64 {
	var set uint64
	for i := range c.paths {
		if c.paths[i].tool.Match(tool) {
			set |= 1 << i
		}
	}
	return set
}

// scan walks the arguments of one call.
type scan struct {
	c        *Checker
	x        *interceptors.Exchange
	src      []byte
	buf      bytes.Buffer
	dec      jsontext.Decoder
	where    []byte
	findings int
	depth    int // of JSON text in strings and of URLs in URLs
}

// walk reads the value the decoder is at, depth segments below the
// arguments object. active holds the paths whose first depth segments
// match the way here; declared says a path ended at or above this value.
func (s *scan) walk(active uint64, depth int, declared bool) error {
	d := &s.dec
	switch d.PeekKind() {
	case '{':
		if _, err := d.ReadToken(); err != nil {
			return err
		}
		for d.PeekKind() != '}' {
			rawName, err := d.ReadValue()
			if err != nil {
				return err
			}
			name := argpath.Unquote(rawName)
			next, ends := s.step(active, depth, name, -1)
			if next == 0 && !declared && !ends && !s.c.detect {
				if err := d.SkipValue(); err != nil {
					return err
				}
				continue
			}
			mark := len(s.where)
			s.where = argpath.AppendName(s.where, name)
			if err := s.walk(next, depth+1, declared || ends); err != nil {
				return err
			}
			s.where = s.where[:mark]
		}
		_, err := d.ReadToken()
		return err
	case '[':
		if _, err := d.ReadToken(); err != nil {
			return err
		}
		for i := 0; d.PeekKind() != ']'; i++ {
			next, ends := s.step(active, depth, nil, i)
			if next == 0 && !declared && !ends && !s.c.detect {
				if err := d.SkipValue(); err != nil {
					return err
				}
				continue
			}
			mark := len(s.where)
			s.where = argpath.AppendIndex(s.where, i)
			if err := s.walk(next, depth+1, declared || ends); err != nil {
				return err
			}
			s.where = s.where[:mark]
		}
		_, err := d.ReadToken()
		return err
	}
	v, err := d.ReadValue()
	if err != nil {
		return err
	}
	switch v.Kind() {
	case '"':
		str := argpath.Unquote(v)
		if declared {
			if len(bytes.TrimSpace(str)) > 0 {
				s.judge(parseValue(string(str)))
			}
		} else if s.c.detect {
			s.detectString(str)
		}
	case '0':
		if declared { // a number where a host is expected: 2130706433 is an address
			s.judge(parseValue(string(v)))
		}
	}
	return nil
}

// step follows the member name (or, when index >= 0, the array element)
// from the paths in active: next holds the paths that continue below it,
// ends reports whether one of them ends there.
func (s *scan) step(active uint64, depth int, name []byte, index int) (next uint64, ends bool) {
	for rest := active; rest != 0; rest &= rest - 1 {
		i := bits.TrailingZeros64(rest)
		p := &s.c.paths[i]
		seg := &p.path[depth]
		if index >= 0 && !seg.Element(index) || index < 0 && !seg.Member(name) {
			continue
		}
		if depth+1 == len(p.path) {
			ends = true
		} else {
			next |= 1 << i
		}
	}
	return next, ends
}

// maxNesting bounds how deep JSON text inside strings, and URLs inside the
// query of URLs, are followed.
const maxNesting = 4

// detectString finds URLs in a string argument. A string that holds a
// JSON document is read as one: its strings are searched (unescaped, so
// "https:\/\/..." is found), and so are strings holding JSON in turn.
// Other text is searched as it is and, when it holds "\/", with those
// read as "/" (JSON text that is not valid, or JavaScript).
func (s *scan) detectString(text []byte) {
	if s.depth < maxNesting && looksLikeJSON(text) {
		s.depth++
		ok := s.detectJSON(text)
		s.depth--
		if ok {
			return
		}
	}
	s.detect(text)
	if bytes.Contains(text, []byte(`\/`)) {
		s.detect(bytes.ReplaceAll(text, []byte(`\/`), []byte("/")))
	}
}

func looksLikeJSON(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 1 && (b[0] == '{' || b[0] == '[')
}

// detectJSON searches the strings of a JSON text; false when it is not
// valid JSON (nothing is reported then).
func (s *scan) detectJSON(text []byte) bool {
	if !jsontext.Value(text).IsValid() {
		return false
	}
	dec := jsontext.NewDecoder(bytes.NewReader(text))
	for !s.done() {
		tok, err := dec.ReadToken()
		if err != nil {
			break
		}
		if tok.Kind() == '"' {
			s.detectString([]byte(tok.String()))
		}
	}
	return true
}

// nested judges the URLs in the query and fragment of an allowed URL:
// each parameter value, percent-decoded up to three times (a redirector's
// target is often encoded once or twice).
func (s *scan) nested(d destination) {
	if s.depth >= maxNesting || d.query == "" && d.fragment == "" {
		return
	}
	s.depth++
	defer func() { s.depth-- }()
	for _, part := range [...]string{d.query, d.fragment} {
		for kv := range strings.FieldsFuncSeq(part, func(r rune) bool { return r == '&' || r == ';' }) {
			_, v, ok := strings.Cut(kv, "=")
			if !ok {
				v = kv // a fragment may be a URL itself
			}
			for range 3 {
				if strings.Contains(v, "://") || strings.Contains(v, `:\/\/`) {
					s.detectString([]byte(v))
					break
				}
				if strings.HasPrefix(v, "//") {
					// Protocol-relative: the redirector keeps its own scheme.
					s.judge(parseURL(d.scheme + ":" + v))
					break
				}
				dec, err := url.QueryUnescape(v)
				if err != nil || dec == v {
					break
				}
				v = dec
			}
			if s.done() {
				return
			}
		}
	}
}

// detect finds "scheme://..." URLs in free text and judges each.
func (s *scan) detect(text []byte) {
	for off := 0; off < len(text); {
		i := bytes.Index(text[off:], []byte("://"))
		if i < 0 {
			return
		}
		i += off
		start := i
		for start > off && schemeChar(text[start-1]) {
			start--
		}
		for start < i && !isLetter(text[start]) {
			start++
		}
		end := i + 3
		for end < len(text) && urlChar(text[end]) {
			end++
		}
		off = end
		if start == i {
			continue // "://" without a scheme
		}
		u := bytes.TrimRight(text[start:end], ".,;:!?)]}'\"")
		s.judge(parseURL(string(u)))
		if s.done() {
			return
		}
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func schemeChar(c byte) bool {
	return isLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
}

// urlChar reports whether c may continue a URL in free text: anything but
// white space, control characters, quotes and angle brackets. Backslashes
// are kept so that the URL is judged (and refused) with them.
func urlChar(c byte) bool {
	switch c {
	case '"', '<', '>', '`', '{', '}', '|', '^', 0x7f:
		return false
	}
	return c > ' '
}

func (s *scan) done() bool {
	return s.findings >= maxFindings || s.x.Action == interceptors.Deny
}

// judge decides one parsed candidate and reports a violation.
func (s *scan) judge(d destination, err error) {
	if s.done() {
		return
	}
	c := s.c
	var rule, detail string
	switch {
	case d.scheme != "" && !c.schemeAllowed(d.scheme):
		rule = RuleSchemes
		detail = "scheme " + quote(d.scheme) + " is not allowed"
		if d.host != "" {
			detail += " (host " + quote(d.host) + ")"
		}
	case err != nil:
		rule = RuleAllow
		detail = "the value " + err.Error()
		if d.host != "" {
			detail = "host " + quote(d.host) + " " + err.Error()
		}
	default:
		listed, allowed, private := c.hostAllowed(d)
		switch {
		case private && !(allowed && c.allowPrivate):
			rule = RulePrivate
			detail = "host " + quote(d.host) + " is a loopback, private, link-local or metadata destination"
			if allowed {
				detail += " (listed in allow, but allowPrivate is off)"
			}
		case listed && !allowed:
			rule = RuleAllow
			detail = "host " + quote(d.host) + " is in the egress allow list, but not with port " + strconv.Itoa(int(d.port))
		case !allowed:
			rule = RuleAllow
			detail = "host " + quote(d.host) + " is not in the egress allow list"
		default:
			// An allowed URL may carry another in its query or fragment
			// (a redirector's ?url=): those are judged too.
			s.nested(d)
			return
		}
	}
	s.findings++
	s.x.Report(interceptors.Finding{
		Interceptor: Name,
		Rule:        rule,
		Action:      string(interceptors.ActionBlock),
		Mode:        c.mode,
		Where:       string(s.where),
		Detail:      detail,
	})
}

func (c *Checker) schemeAllowed(scheme string) bool {
	_, ok := c.schemes[scheme]
	return ok
}

// quote quotes a host for a finding, clipped.
func quote(h string) string {
	if len(h) > maxHostShow {
		h = h[:maxHostShow]
		for len(h) > 0 && !utf8.ValidString(h) {
			h = h[:len(h)-1]
		}
		h += "..."
	}
	return strconv.Quote(h)
}
