// Package secrets finds credentials (API keys, tokens, private keys) in the
// messages between agents and MCP servers, and blocks, redacts or reports
// them as the policy says.
//
// The rules are the default rule set maintained by the gitleaks project
// (github.com/zricethezav/gitleaks/v8, package config), loaded through its
// Go API and compiled once per process; a policy can only disable rules by
// id. Each rule is a regular expression with keywords, an optional secret
// group, a minimum entropy and allowlists, and they mean here what they
// mean to gitleaks, with these differences of engine:
//
//   - every string value of the message is scanned on its own (object
//     member names are not scanned, but the name a value is under feeds
//     the context rule), after JSON unescaping and with invisible
//     characters taken out;
//   - one keyword pass (Aho-Corasick, ASCII case ignored) selects the rules
//     and the places to look; a rule's pattern only runs near its keywords,
//     so a match must contain one of the rule's keywords (gitleaks' own
//     keywords are taken from the tokens the patterns require);
//   - path and commit allowlists do not apply (messages have neither), and
//     neither do path-only rules; an inline "gitleaks:allow" is not honoured;
//   - encoded text (base64, hex, percent-encoding) is not decoded.
//
// What the set lacks is added in context.go, each with its own rule id:
// values under names like a secret, credentials in URLs, and vendor
// prefixes with a body a few characters off.
package secrets

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/redact"
)

// Scanner is the compiled form of Policy.
type Scanner struct {
	mode      interceptors.Mode
	requests  interceptors.RuleAction
	responses interceptors.RuleAction

	rs      *ruleSet
	rules   []*rule // enabled rules with a content pattern
	kw      *keywordMatcher
	kwRules [][]int32 // keyword -> indices into rules
	ctx     bool      // the context rule is on
	ctxKW   []bool    // keyword -> it selects a name context look
	states  sync.Pool
}

var _ interceptors.Interceptor = (*Scanner)(nil)

// Match is one credential found in a text: the rule that found it and the
// byte range of the secret (the pattern's secret group, else the whole
// match), which is what a redaction replaces.
type Match struct {
	Rule       string
	Start, End int
}

// New compiles r. Empty fields take their defaults: mode enforce, requests
// block, responses redact. Disable must name rules of the set; an unknown
// id is an error, since the policy then means a rule that does not exist.
func New(r *Policy) (*Scanner, error) {
	if r == nil {
		return nil, fmt.Errorf("secrets: no rules")
	}
	s := &Scanner{mode: r.Mode, requests: r.Requests, responses: r.Responses}
	switch s.mode {
	case "":
		s.mode = interceptors.Enforce
	case interceptors.Enforce, interceptors.AuditOnly:
	default:
		return nil, fmt.Errorf("secrets: mode %q: want %q or %q", r.Mode, interceptors.Enforce, interceptors.AuditOnly)
	}
	switch s.requests {
	case "":
		s.requests = interceptors.ActionBlock
	case interceptors.ActionBlock, interceptors.ActionRedact, interceptors.ActionAudit:
	default:
		return nil, fmt.Errorf("secrets: requests action %q: want block, redact or audit", r.Requests)
	}
	switch s.responses {
	case "":
		s.responses = interceptors.ActionRedact
	case interceptors.ActionRedact, interceptors.ActionAudit:
	default:
		return nil, fmt.Errorf("secrets: responses action %q: want redact or audit", r.Responses)
	}
	rs, err := defaultRules()
	if err != nil {
		return nil, err
	}
	s.rs = rs
	disabled := make(map[string]bool, len(r.Disable))
	var unknown []string
	for _, id := range r.Disable {
		if rs.byID[id] == nil {
			unknown = append(unknown, fmt.Sprintf("%q", id))
		}
		disabled[id] = true
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("secrets: disable names no rule of the set: %s", strings.Join(unknown, ", "))
	}
	kwIndex := map[string]int32{}
	var keywords []string
	index := func(k string) int32 {
		ki, ok := kwIndex[k]
		if !ok {
			ki = int32(len(keywords))
			kwIndex[k] = ki
			keywords = append(keywords, k)
			s.kwRules = append(s.kwRules, nil)
		}
		return ki
	}
	for _, ru := range rs.rules {
		if disabled[ru.id] || slices.ContainsFunc(ru.widens, func(id string) bool { return disabled[id] }) {
			continue
		}
		ri := int32(len(s.rules))
		c := *ru // per scanner: reqIdx depends on the keyword set
		c.reqIdx = nil
		s.rules = append(s.rules, &c)
		for _, k := range ru.keywords {
			ki := index(k)
			if !slices.Contains(s.kwRules[ki], ri) {
				s.kwRules[ki] = append(s.kwRules[ki], ri)
			}
		}
		for _, lit := range ru.required {
			c.reqIdx = append(c.reqIdx, index(lit))
		}
	}
	if s.ctx = !disabled[RuleSecretMember]; s.ctx {
		for _, k := range contextKeywords {
			index(k)
		}
		s.ctxKW = make([]bool, len(keywords))
		for _, k := range contextKeywords {
			s.ctxKW[kwIndex[k]] = true
		}
	}
	s.kw = newKeywordMatcher(keywords)
	s.states.New = func() any { return new(state) }
	return s, nil
}

// RuleIDs lists the ids of the rule set, for policies and documentation.
func RuleIDs() ([]string, error) {
	rs, err := defaultRules()
	if err != nil {
		return nil, err
	}
	return rs.ruleIDs(), nil
}

// Name implements interceptors.Interceptor.
func (s *Scanner) Name() string { return "secrets" }

// Intercept implements interceptors.Interceptor: it scans the params of
// messages to the server (and the result or error of the client's answers
// to server requests) with the requests action, and the result, error and
// params of messages to the client with the responses action. See
// redact.Inspect.
func (s *Scanner) Intercept(ctx context.Context, x *interceptors.Exchange) error {
	return redact.Inspect(ctx, x, "secrets", redact.Options{}, s.detect)
}

func (s *Scanner) detect(dir interceptors.Direction, _ string, path []string, text string, dst []redact.Detection) []redact.Detection {
	st := s.states.Get().(*state)
	// Invisible characters are matched as if absent; the ranges found are
	// mapped back and cover the ones inside a token.
	clean, idx, buf := stripInvisible(text, st.idx, st.buf)
	st.idx, st.buf = idx, buf
	found := s.find(clean, st)
	// A value under a member named like a secret, when nothing else
	// found a credential in it.
	if s.ctx && len(found) == 0 && len(path) > 0 && secretName(path[len(path)-1]) && credentialLike(clean) {
		a, b := 0, len(clean)
		for a < b && clean[a] <= ' ' {
			a++
		}
		for b > a && clean[b-1] <= ' ' {
			b--
		}
		found = append(found, found0(contextRule, a, b))
	}
	if len(found) > 0 {
		action := s.responses
		if dir == interceptors.ToServer {
			action = s.requests
		}
		for _, f := range found {
			start, end := f.start, f.end
			if idx != nil {
				start, end = unmap(idx, start, end)
			}
			dst = append(dst, redact.Detection{Start: start, End: end, Rule: f.rule.id, Action: action, Mode: s.mode})
		}
	}
	s.states.Put(st)
	return dst
}

func found0(r *rule, start, end int) found { return found{rule: r, start: start, end: end} }

// Find returns the credentials in text, ordered by position.
func (s *Scanner) Find(text string) []Match {
	st := s.states.Get().(*state)
	defer s.states.Put(st)
	clean, idx, buf := stripInvisible(text, st.idx, st.buf)
	st.idx, st.buf = idx, buf
	var out []Match
	for _, f := range s.find(clean, st) {
		start, end := f.start, f.end
		if idx != nil {
			start, end = unmap(idx, start, end)
		}
		out = append(out, Match{Rule: f.rule.id, Start: start, End: end})
	}
	return out
}

// state is the scratch space of one scan.
type state struct {
	hits  []hit
	hits2 []hit // scratch of scanLong
	cands []cand
	found []found
	seen  []uint32 // keyword -> gen of the last scan that saw it
	gen   uint32
	start []int32  // rule -> start of its candidates
	masks []uint64 // prefilter scratch
	upto  []uint8
	allow allowState
	idx   []int32 // stripInvisible's offsets
	buf   []byte  // and text
}

func (st *state) prefilter(pf *prefilter, text string, p int) bool {
	if n := len(pf.classes); len(st.masks) < n {
		st.masks, st.upto = make([]uint64, n), make([]uint8, n)
	}
	n := len(pf.classes)
	return pf.check(text, p, st.masks[:n], st.upto[:n])
}

type cand struct {
	rule int32
	pos  int32 // the keyword
}

type found struct {
	rule       *rule
	start, end int
}

func (s *Scanner) find(text string, st *state) []found {
	st.hits, st.hits2 = s.kw.scanLong(text, st.hits[:0], st.hits2)
	if len(st.hits) == 0 {
		return nil
	}
	st.gen++
	if len(st.seen) != len(s.kw.keywords) {
		st.seen = make([]uint32, len(s.kw.keywords))
	}
	st.found = st.found[:0]
	// Candidates grouped by rule (a counting sort: hits come in text
	// order, so each group is nearly sorted by position already).
	if len(st.start) != len(s.rules)+1 {
		st.start = make([]int32, len(s.rules)+1)
	}
	clear(st.start)
	n := 0
	nameEnd := 0
	for _, h := range st.hits {
		st.seen[h.kw] = st.gen
		for _, ri := range s.kwRules[h.kw] {
			st.start[ri+1]++
			n++
		}
		if s.ctx && s.ctxKW[h.kw] && int(h.pos) >= nameEnd {
			// KEY=value, "key": "value", key: value in text.
			var a, b int
			var ok bool
			if a, b, nameEnd, ok = contextAt(text, int(h.pos)); ok {
				st.found = append(st.found, found{rule: contextRule, start: a, end: b})
			}
		}
	}
	if n == 0 {
		return resolve(st.found)
	}
	for i := 1; i < len(st.start); i++ {
		st.start[i] += st.start[i-1]
	}
	st.cands = slices.Grow(st.cands[:0], n)[:n]
	for _, h := range st.hits {
		for _, ri := range s.kwRules[h.kw] {
			st.cands[st.start[ri]] = cand{rule: ri, pos: h.pos}
			st.start[ri]++
		}
	}
	// start[ri] is now the end of rule ri's group.
	for lo := 0; lo < n; {
		hi := int(st.start[st.cands[lo].rule])
		g := st.cands[lo:hi]
		for i := 1; i < len(g); i++ {
			for j := i; j > 0 && g[j].pos < g[j-1].pos; j-- {
				g[j], g[j-1] = g[j-1], g[j]
			}
		}
		lo = hi
	}
	for i := 0; i < len(st.cands); {
		j := i + 1
		for j < len(st.cands) && st.cands[j].rule == st.cands[i].rule {
			j++
		}
		r, cands := s.rules[st.cands[i].rule], st.cands[i:j]
		i = j
		if slices.ContainsFunc(r.reqIdx, func(k int32) bool { return st.seen[k] != st.gen }) {
			continue // a literal every match holds is missing
		}
		switch r.eval {
		case evalTemplate:
			st.found = s.evalTemplate(st, r, text, cands, st.found)
		case evalAnchored:
			st.found = s.evalAnchored(st, r, text, cands, st.found)
		case evalTail:
			st.found = s.evalTail(st, r, text, cands, st.found)
		default:
			st.found = s.evalWindows(st, r, text, cands, st.found)
		}
	}
	return resolve(st.found)
}

// evalTemplate runs the part of a template rule after its leading class
// run, anchored at each keyword occurrence, and extends the match back
// over the run. Occurrences without an operator byte close enough after
// them are passed over at once.
func (s *Scanner) evalTemplate(st *state, r *rule, text string, cands []cand, dst []found) []found {
	covered := 0 // matches do not overlap, as in a left-to-right scan
	for _, c := range cands {
		p := int(c.pos)
		if p < covered {
			continue
		}
		if r.opBytes != nil && !anyByteWithin(text[p:], r.opDist, r.opBytes) {
			continue
		}
		if r.pf != nil && !st.prefilter(r.pf, text, p) {
			continue
		}
		loc := r.runAnchored(text, p)
		if loc == nil {
			continue
		}
		start := p
		for start > 0 && p-start < r.ctxMax && r.ctxClass[text[start-1]] {
			start--
		}
		loc[0] = start
		dst = s.accept(st, r, text, loc, dst)
		covered = loc[1]
	}
	return dst
}

// evalAnchored runs a rule whose matches start with a keyword anchored at
// each keyword occurrence; a leading \b is checked against the byte before.
func (s *Scanner) evalAnchored(st *state, r *rule, text string, cands []cand, dst []found) []found {
	covered := 0
	for _, c := range cands {
		p := int(c.pos)
		if p < covered {
			continue
		}
		if r.boundary && (p > 0 && isWordByte(text[p-1])) == isWordByte(text[p]) {
			continue
		}
		if r.pf != nil && !st.prefilter(r.pf, text, p) {
			continue
		}
		loc := r.runAnchored(text, p)
		if loc == nil {
			continue
		}
		dst = s.accept(st, r, text, loc, dst)
		covered = loc[1]
	}
	return dst
}

// evalTail runs a pattern without a width bound from before its first
// keyword to the end of the text.
func (s *Scanner) evalTail(st *state, r *rule, text string, cands []cand, dst []found) []found {
	lo := max(0, int(cands[0].pos)-r.pre-1)
	for _, loc := range r.re.FindAllStringSubmatchIndex(text[lo:], -1) {
		if loc[0] == 0 && lo > 0 {
			continue // cut by the window: it cannot hold the keyword
		}
		shift(loc, lo)
		dst = s.accept(st, r, text, loc, dst)
	}
	return dst
}

// evalWindows runs a pattern of bounded width over windows around its
// keyword occurrences (merged where they overlap). A window reaches the
// width of the pattern on either side of a keyword, plus one byte of
// context; a match that touches the edge of a window cannot hold that
// keyword and is dropped (the window of its own keyword finds it).
func (s *Scanner) evalWindows(st *state, r *rule, text string, cands []cand, dst []found) []found {
	n := len(text)
	window := func(c cand) (int, int) {
		return max(0, int(c.pos)-r.pre-1), min(n, int(c.pos)+r.maxW+1)
	}
	for i := 0; i < len(cands); {
		lo, hi := window(cands[i])
		for i++; i < len(cands); i++ {
			l2, h2 := window(cands[i])
			if l2 > hi {
				break
			}
			hi = max(hi, h2)
		}
		for _, loc := range r.re.FindAllStringSubmatchIndex(text[lo:hi], -1) {
			if (loc[0] == 0 && lo > 0) || (loc[1] == hi-lo && hi < n) {
				continue
			}
			shift(loc, lo)
			dst = s.accept(st, r, text, loc, dst)
		}
	}
	return dst
}

// runAnchored runs r.anch at p and returns the match in text offsets. A
// pattern of bounded width reads no further than it can match; one without
// a bound reads on (the regexp engine stops where no match can go on).
func (r *rule) runAnchored(text string, p int) []int {
	hi := len(text)
	if r.anchMaxW >= 0 {
		hi = min(hi, p+r.anchMaxW+1)
	}
	loc := r.anch.FindStringSubmatchIndex(text[p:hi])
	if loc != nil {
		shift(loc, p)
	}
	return loc
}

func shift(loc []int, by int) {
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += by
		}
	}
}

// anyByteWithin reports whether one of the first n characters of s is an
// ASCII byte of set.
func anyByteWithin(s string, n int, set *[256]bool) bool {
	for i := 0; i < len(s) && n > 0; n-- {
		c := s[i]
		if c < utf8.RuneSelf {
			if set[c] {
				return true
			}
			i++
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// accept applies the secret group, entropy and allowlists to a match (loc
// as from FindStringSubmatchIndex, in text offsets) and records it.
func (s *Scanner) accept(st *state, r *rule, text string, loc []int, dst []found) []found {
	mStart, mEnd := loc[0], loc[1]
	start, end := mStart, mEnd
	if len(loc) > 2 {
		if g := r.secretGroup; g > 0 {
			if 2*g+1 >= len(loc) || loc[2*g] < 0 {
				return dst
			}
			start, end = loc[2*g], loc[2*g+1]
		} else {
			for g := 1; 2*g+1 < len(loc); g++ {
				if loc[2*g] >= 0 && loc[2*g+1] > loc[2*g] {
					start, end = loc[2*g], loc[2*g+1]
					break
				}
			}
		}
	} else {
		for start < end && text[start] == '\n' {
			start++
		}
		for end > start && text[end-1] == '\n' {
			end--
		}
	}
	if start >= end {
		return dst
	}
	secret := text[start:end]
	if r.entropy != 0 && entropy(secret) <= r.entropy {
		return dst
	}
	if r.check != nil && !r.check(secret) {
		return dst
	}
	match := func() string { return text[mStart:mEnd] }
	line := func() string {
		a := strings.LastIndexByte(text[:mStart], '\n') + 1
		b := strings.IndexByte(text[mEnd:], '\n')
		if b < 0 {
			return text[a:]
		}
		return text[a : mEnd+b]
	}
	if allowed(s.rs.global, secret, match, line, &st.allow) || allowed(r.allow, secret, match, line, &st.allow) {
		return dst
	}
	for _, f := range dst {
		if f.rule == r && f.start == start && f.end == end {
			return dst
		}
	}
	return append(dst, found{rule: r, start: start, end: end})
}

// resolve orders the findings by position and drops a generic finding that
// overlaps a specific one (gitleaks lets the specific rule take precedence).
func resolve(fs []found) []found {
	if len(fs) == 0 {
		return nil
	}
	slices.SortFunc(fs, func(a, b found) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(b.end, a.end)
	})
	drop := make([]bool, len(fs))
	for i, f := range fs {
		if !f.rule.generic {
			continue
		}
		for _, g := range fs {
			if !g.rule.generic && !g.rule.lenient && g.start < f.end && f.start < g.end {
				drop[i] = true
				break
			}
		}
	}
	// A lenient finding adds nothing where another covers it: the exact
	// rule keeps its id. One that reaches further stays, so that the
	// redaction covers the whole token. A context finding yields to any
	// rule that found a credential in its value ("Bearer <jwt>" is a jwt).
	for i, f := range fs {
		if !f.rule.lenient {
			continue
		}
		for j, g := range fs {
			if j == i || drop[j] || g.rule.lenient {
				continue
			}
			if g.start <= f.start && f.end <= g.end || f.rule == contextRule && g.start < f.end && f.start < g.end {
				drop[i] = true
				break
			}
		}
	}
	out := fs[:0]
	for i, f := range fs {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out
}
