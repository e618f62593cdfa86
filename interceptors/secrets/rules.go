package secrets

import (
	"fmt"
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/viper"
	"github.com/zricethezav/gitleaks/v8/config"
)

// rule is one compiled detection rule of the gitleaks default set.
type rule struct {
	id          string
	re          *regexp.Regexp
	secretGroup int
	entropy     float64
	keywords    []string
	allow       []*allowList
	generic     bool // "generic" rules yield to specific ones on the same text
	// lenient rules (mcpmesh's additions that widen a gitleaks rule, and
	// the context rule) yield to any other finding that covers theirs.
	lenient bool
	check   func(secret string) bool // when set, must accept the secret
	widens  []string                 // lenient: the rules it widens (Disable)

	// Window evaluation: every match lies within maxW bytes (-1: no bound),
	// and starts at most pre bytes before the keyword that selected it.
	maxW int
	pre  int

	// How the pattern is run; see the eval* methods of Scanner.
	eval evalMode
	// anch is the pattern anchored at the keyword: for evalTemplate the
	// part after the leading class run, for evalAnchored the whole pattern
	// less a leading \b (then boundary is set and checked by hand).
	anch     *regexp.Regexp
	boundary bool
	anchMaxW int
	// evalTemplate: the match starts where the run of ctxClass bytes
	// before the keyword begins (at most ctxMax bytes before it), and one
	// of opBytes must occur within opDist characters of the keyword's start.
	ctxClass *[256]bool
	ctxMax   int
	opBytes  *[256]bool
	opDist   int // in characters
	// pf is a quick necessary test for anch (see prefilter).
	pf *prefilter
	// required are literals (lower case) that every match contains; the
	// rule runs only on text where the keyword pass saw all of them.
	required []string
	reqIdx   []int32 // their keyword-pass indices, set by New
}

type evalMode int

const (
	evalWindows  evalMode = iota // unanchored, in windows around keywords
	evalTail                     // unanchored, from before the first keyword to the end
	evalTemplate                 // `[class]{0,n}?REST`: REST anchored at each keyword
	evalAnchored                 // every match starts with a keyword: anchored there
)

// ruleSet is the default rule set, compiled once per process.
type ruleSet struct {
	rules  []*rule
	byID   map[string]*rule
	global []*allowList
}

// defaultRules loads the rule set maintained by gitleaks, as embedded in
// its config package (config.DefaultConfig), the way gitleaks itself loads
// it, and compiles it once.
var defaultRules = sync.OnceValues(func() (*ruleSet, error) {
	v := viper.New()
	v.SetConfigType("toml")
	if err := v.ReadConfig(strings.NewReader(config.DefaultConfig)); err != nil {
		return nil, fmt.Errorf("secrets: read the default rule set: %w", err)
	}
	var vc config.ViperConfig
	if err := v.Unmarshal(&vc); err != nil {
		return nil, fmt.Errorf("secrets: read the default rule set: %w", err)
	}
	cfg, err := vc.Translate()
	if err != nil {
		return nil, fmt.Errorf("secrets: compile the default rule set: %w", err)
	}
	rs := &ruleSet{byID: make(map[string]*rule, len(cfg.Rules)), global: newAllowLists(cfg.Allowlists)}
	for _, cr := range cfg.GetOrderedRules() {
		r := &rule{
			id:          cr.RuleID,
			secretGroup: cr.SecretGroup,
			entropy:     cr.Entropy,
			keywords:    cr.Keywords,
			allow:       newAllowLists(cr.Allowlists),
			generic:     strings.Contains(strings.ToLower(cr.RuleID), "generic"),
		}
		rs.byID[r.id] = r
		if cr.Regex == nil || cr.Path != nil || cr.SkipReport || len(cr.RequiredRules) > 0 {
			// Rules on file names (alone or with a pattern: gitleaks only
			// runs those on matching files) and composite rules do not
			// apply to message content; they stay known for Disable.
			continue
		}
		// gitleaks/v8/regexp is the standard library's regexp unless built
		// with the gore2regex tag; recompile to be sure of the engine.
		if r.re, err = regexp.Compile(cr.Regex.String()); err != nil {
			return nil, fmt.Errorf("secrets: rule %s: %w", r.id, err)
		}
		if err := r.analyse(); err != nil {
			return nil, fmt.Errorf("secrets: rule %s: %w", r.id, err)
		}
		rs.rules = append(rs.rules, r)
	}
	// What the set lacks (context.go), after it: gitleaks' ids keep
	// their order and precedence.
	for _, x := range extraRules {
		r := &rule{id: x.id, secretGroup: x.group, entropy: x.entropy, keywords: x.keywords, lenient: x.lenient, check: x.check, widens: x.widens}
		if rs.byID[r.id] != nil {
			return nil, fmt.Errorf("secrets: rule %s: the id is taken", r.id)
		}
		for _, w := range x.widens {
			if rs.byID[w] == nil { // gitleaks renamed it: keep Disable meaningful
				return nil, fmt.Errorf("secrets: rule %s widens %s, which the set does not have", r.id, w)
			}
		}
		if r.re, err = regexp.Compile(x.re); err != nil {
			return nil, fmt.Errorf("secrets: rule %s: %w", r.id, err)
		}
		if err := r.analyse(); err != nil {
			return nil, fmt.Errorf("secrets: rule %s: %w", r.id, err)
		}
		rs.byID[r.id] = r
		rs.rules = append(rs.rules, r)
	}
	// The context rule has no pattern of its own (see Scanner.find and
	// Scanner.detect); it is known for Disable.
	rs.byID[RuleSecretMember] = contextRule
	return rs, nil
})

// contextRule is the rule of findings by name context.
var contextRule = &rule{id: RuleSecretMember, lenient: true}

// unboundedPre is how far before its keyword a match of a pattern without
// a width bound may start, when the pattern does not tell.
const unboundedPre = 256

func (r *rule) analyse() error {
	if len(r.keywords) == 0 {
		// The keyword pass is what runs a rule: one without keywords would
		// silently never fire. Refuse the set rather than lose the rule.
		return fmt.Errorf("no keywords: the engine runs patterns only near their keywords")
	}
	re, err := syntax.Parse(r.re.String(), syntax.Perl)
	if err != nil {
		return err
	}
	r.maxW = maxWidth(re)
	switch w, ok := keywordLead(re, r.keywords); {
	case ok:
		r.pre = w
	case r.maxW >= 0:
		r.pre = r.maxW
	default:
		r.pre = unboundedPre
	}
	r.eval = evalWindows
	if r.maxW < 0 {
		r.eval = evalTail
	}
	for _, lit := range required(re) {
		if len(lit) >= 3 && !slices.Contains(r.keywords, lit) && !slices.Contains(r.required, lit) {
			r.required = append(r.required, lit)
		}
	}
	if r.template(re) {
		return nil
	}
	// Every match starts with a keyword: run the pattern anchored there.
	body, boundary := re, false
	if re.Op == syntax.OpConcat && len(re.Sub) > 1 && re.Sub[0].Op == syntax.OpWordBoundary {
		body = &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: re.Sub[1:]}
		boundary = true
	}
	if startsWithAssertion(body) {
		return nil
	}
	if !r.startsWithKeyword(body) {
		return nil
	}
	anch, err := regexp.Compile(`^(?:` + body.String() + `)`)
	if err != nil || anch.NumSubexp() != r.re.NumSubexp() {
		return nil
	}
	r.eval, r.anch, r.boundary, r.anchMaxW = evalAnchored, anch, boundary, maxWidth(body)
	r.pf = newPrefilter(body)
	return nil
}

// startsWithKeyword reports whether every match of re starts with one of
// the rule's keywords (ASCII case ignored).
func (r *rule) startsWithKeyword(re *syntax.Regexp) bool {
	pfx, ok := prefixes(re)
	if !ok {
		return false
	}
	for _, p := range pfx {
		if !slices.ContainsFunc(r.keywords, func(k string) bool { return strings.HasPrefix(p.s, k) }) {
			return false
		}
	}
	return true
}

// template recognises `[class]{0,n}?REST` where REST starts with the keyword.
func (r *rule) template(re *syntax.Regexp) bool {
	if re.Op != syntax.OpConcat || len(re.Sub) < 3 {
		return false
	}
	lead := re.Sub[0]
	if lead.Op != syntax.OpRepeat || lead.Min != 0 || lead.Max <= 0 || lead.Flags&syntax.NonGreedy == 0 ||
		lead.Sub[0].Op != syntax.OpCharClass || startsWithRepeat(re.Sub[1]) || startsWithAssertion(re.Sub[1]) {
		return false
	}
	var class [256]bool
	rs := lead.Sub[0].Rune
	for i := 0; i < len(rs); i += 2 {
		// Only the ASCII part: case folding adds letters such as U+017F
		// to [\w]; a run then stops at them, which only moves where the
		// match text starts (what "match" allowlists look at).
		for c := rs[i]; c <= min(rs[i+1], utf8.RuneSelf-1); c++ {
			class[c] = true
		}
	}
	rest := &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: re.Sub[1:]}
	if !r.startsWithKeyword(rest) {
		return false
	}
	anch, err := regexp.Compile(`^(?:` + rest.String() + `)`)
	if err != nil || anch.NumSubexp() != r.re.NumSubexp() {
		return false
	}
	r.eval, r.anch, r.ctxClass, r.ctxMax, r.anchMaxW = evalTemplate, anch, &class, lead.Max, maxWidth(rest)
	// After the keyword (Sub[1]) come elements that may be empty, then one
	// that may not: one of its first bytes must follow within their width.
	dist := maxChars(re.Sub[1])
	for _, sub := range re.Sub[2:] {
		if minWidth(sub) == 0 {
			w := maxChars(sub)
			if w < 0 {
				return true
			}
			dist += w
			continue
		}
		if fb, ok := firstBytes(sub); ok && dist >= 0 {
			r.opBytes, r.opDist = fb, dist+1
		}
		break
	}
	r.pf = newPrefilter(rest)
	return true
}

func startsWithRepeat(re *syntax.Regexp) bool {
	for {
		switch re.Op {
		case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
			return true
		case syntax.OpConcat, syntax.OpCapture:
			if len(re.Sub) == 0 {
				return false
			}
			re = re.Sub[0]
		default:
			return false
		}
	}
}

// maxWidth is the largest number of bytes a match of re can span, or -1.
func maxWidth(re *syntax.Regexp) int { return maxSpan(re, leafBytes) }

// leafBytes is the largest number of bytes one literal, class or wildcard matches.
func leafBytes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, c := range re.Rune {
			n += runeWidth(c, re.Flags&syntax.FoldCase != 0)
		}
		return n
	case syntax.OpCharClass:
		w := 0
		for i := 1; i < len(re.Rune); i += 2 {
			w = max(w, utf8.RuneLen(min(re.Rune[i], unicode.MaxRune)))
		}
		return w
	}
	return utf8.UTFMax
}

// leafChars is the number of characters one literal, class or wildcard matches.
func leafChars(re *syntax.Regexp) int {
	if re.Op == syntax.OpLiteral {
		return len(re.Rune)
	}
	return 1
}

// maxSpan is the largest span of a match of re, each literal, class and
// wildcard measured by leaf, or -1 when unbounded.
func maxSpan(re *syntax.Regexp, leaf func(*syntax.Regexp) int) int {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return leaf(re)
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return 0
	case syntax.OpCapture, syntax.OpQuest:
		return maxSpan(re.Sub[0], leaf)
	case syntax.OpStar, syntax.OpPlus:
		if maxSpan(re.Sub[0], leaf) == 0 {
			return 0
		}
		return -1
	case syntax.OpRepeat:
		w := maxSpan(re.Sub[0], leaf)
		switch {
		case w == 0:
			return 0
		case w < 0 || re.Max < 0:
			return -1
		}
		return w * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		n := 0
		for _, s := range re.Sub {
			w := maxSpan(s, leaf)
			if w < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				n += w
			} else {
				n = max(n, w)
			}
		}
		return n
	}
	return -1
}

// keywordLead bounds how many bytes of a match of re can come before the
// first keyword in it: ok when every way through re meets a literal that
// holds one of the keywords, after w bytes at most.
func keywordLead(re *syntax.Regexp, keywords []string) (w int, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		lit := strings.ToLower(string(re.Rune))
		lead := -1
		for _, k := range keywords {
			if i := strings.Index(lit, k); i >= 0 && (lead < 0 || i < lead) {
				lead = i
			}
		}
		if lead >= 0 {
			return lead * utf8.UTFMax, true // case folding may widen runes
		}
		return maxWidth(re), false
	case syntax.OpCapture:
		return keywordLead(re.Sub[0], keywords)
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			if w, ok := keywordLead(s, keywords); ok {
				return n + w, true
			}
			w := maxWidth(s)
			if w < 0 {
				return 0, false
			}
			n += w
		}
		return n, false
	case syntax.OpAlternate:
		n := 0
		for _, s := range re.Sub {
			w, ok := keywordLead(s, keywords)
			if !ok {
				return 0, false
			}
			n = max(n, w)
		}
		return n, true
	}
	return maxWidth(re), false
}

// maxChars is the largest number of characters a match of re spans, or -1.
func maxChars(re *syntax.Regexp) int { return maxSpan(re, leafChars) }

func runeWidth(c rune, fold bool) int {
	w := utf8.RuneLen(c)
	if fold {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			w = max(w, utf8.RuneLen(f))
		}
	}
	return max(w, 1)
}

// entropy is the Shannon entropy of s in bits per character, computed as
// gitleaks computes it (character counts over the byte length).
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var ascii [128]int
	var other map[rune]int
	for _, c := range s {
		if c < 128 {
			ascii[c]++
			continue
		}
		if other == nil {
			other = map[rune]int{}
		}
		other[c]++
	}
	inv := 1 / float64(len(s))
	e := 0.0
	add := func(n int) {
		if n > 0 {
			f := float64(n) * inv
			e -= f * math.Log2(f)
		}
	}
	for _, n := range ascii {
		add(n)
	}
	for _, n := range other {
		add(n)
	}
	return e
}

// allowed reports whether an allowlist of the rule set lets a finding go,
// as gitleaks decides for content without a file path or commit. Stop
// words (one automaton pass) are tried before the regular expressions.
func allowed(lists []*allowList, secret string, match, line func() string, st *allowState) bool {
	for _, a := range lists {
		regexOK := func() bool {
			target := secret
			switch a.RegexTarget {
			case "match":
				target = match()
			case "line":
				target = line()
			}
			if target == "" {
				return false
			}
			// Each expression on its own: most are anchored and fail at
			// once, where their union (Allowlist.RegexAllowed) is slow.
			for _, re := range a.regexes {
				if re.MatchString(target, st) {
					return true
				}
			}
			return false
		}
		stopOK := func() bool {
			ok, _ := a.ContainsStopWord(secret)
			return ok
		}
		if a.MatchCondition == config.AllowlistMatchAnd {
			if len(a.Commits) > 0 || len(a.Paths) > 0 {
				continue // content has neither
			}
			if (len(a.StopWords) == 0 || stopOK()) && (len(a.Regexes) == 0 || regexOK()) &&
				(len(a.StopWords) > 0 || len(a.Regexes) > 0) {
				return true
			}
			continue
		}
		if stopOK() || regexOK() {
			return true
		}
	}
	return false
}

// ruleIDs lists the ids of the rule set, sorted.
func (rs *ruleSet) ruleIDs() []string {
	ids := make([]string, 0, len(rs.byID))
	for id := range rs.byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func startsWithAssertion(re *syntax.Regexp) bool {
	for {
		switch re.Op {
		case syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpBeginText,
			syntax.OpEndLine, syntax.OpEndText:
			return true
		case syntax.OpConcat, syntax.OpCapture:
			if len(re.Sub) == 0 {
				return false
			}
			re = re.Sub[0]
		case syntax.OpAlternate:
			return slices.ContainsFunc(re.Sub, startsWithAssertion)
		default:
			return false
		}
	}
}

// minWidth is the smallest number of bytes a match of re spans (0 when it
// may be empty).
func minWidth(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpPlus:
		return minWidth(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minWidth(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			n += minWidth(s)
		}
		return n
	case syntax.OpAlternate:
		n := -1
		for _, s := range re.Sub {
			if w := minWidth(s); n < 0 || w < n {
				n = w
			}
		}
		return max(n, 0)
	}
	return 0
}

// firstBytes is the set of bytes a match of re can start with, when they
// are all ASCII and re cannot be empty.
func firstBytes(re *syntax.Regexp) (*[256]bool, bool) {
	var set [256]bool
	var walk func(re *syntax.Regexp) bool
	walk = func(re *syntax.Regexp) bool {
		switch re.Op {
		case syntax.OpLiteral:
			c := re.Rune[0]
			if c >= utf8.RuneSelf {
				return false
			}
			set[c] = true
			if re.Flags&syntax.FoldCase != 0 {
				set[unicode.ToUpper(c)], set[unicode.ToLower(c)] = true, true
			}
			return true
		case syntax.OpCharClass:
			for i := 0; i < len(re.Rune); i += 2 {
				if re.Rune[i+1] >= utf8.RuneSelf {
					return false
				}
				for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
					set[c] = true
				}
			}
			return true
		case syntax.OpCapture, syntax.OpPlus:
			return walk(re.Sub[0])
		case syntax.OpRepeat:
			return re.Min > 0 && walk(re.Sub[0])
		case syntax.OpConcat:
			for _, s := range re.Sub {
				if minWidth(s) > 0 {
					return walk(s)
				}
				if !walk(s) {
					return false
				}
			}
			return false
		case syntax.OpAlternate:
			for _, s := range re.Sub {
				if !walk(s) {
					return false
				}
			}
			return true
		case syntax.OpStar, syntax.OpQuest:
			return walk(re.Sub[0])
		}
		return false
	}
	if minWidth(re) == 0 || !walk(re) {
		return nil, false
	}
	return &set, true
}

// prefix is the lower-cased start of a match; open means the match goes
// on with bytes not enumerated.
type prefix struct {
	s    string
	open bool
}

// maxPrefixes bounds the enumeration of prefixes.
const maxPrefixes = 256

// prefixes enumerates how matches of re can start, far enough to tell
// whether each starts with a keyword (16 bytes), or reports false.
func prefixes(re *syntax.Regexp) ([]prefix, bool) {
	const need = 16
	switch re.Op {
	case syntax.OpLiteral:
		return []prefix{{s: strings.ToLower(string(re.Rune))}}, true
	case syntax.OpCharClass:
		var out []prefix
		for i := 0; i < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				p := prefix{s: strings.ToLower(string(c))}
				if !slices.Contains(out, p) {
					out = append(out, p)
				}
				if len(out) > 8 {
					return nil, false
				}
			}
		}
		return out, true
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine,
		syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []prefix{{}}, true
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpQuest, syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		sub, ok := prefixes(re.Sub[0])
		if !ok {
			return nil, false
		}
		out := make([]prefix, 0, len(sub)+1)
		for _, p := range sub {
			out = append(out, prefix{s: p.s, open: p.open || re.Op != syntax.OpQuest})
		}
		if re.Op == syntax.OpQuest || re.Op == syntax.OpStar || (re.Op == syntax.OpRepeat && re.Min == 0) {
			out = append(out, prefix{})
		}
		return out, true
	case syntax.OpAlternate:
		var out []prefix
		for _, s := range re.Sub {
			sub, ok := prefixes(s)
			if !ok || len(out)+len(sub) > maxPrefixes {
				return nil, false
			}
			out = append(out, sub...)
		}
		return out, true
	case syntax.OpConcat:
		out := []prefix{{}}
		for _, s := range re.Sub {
			done := true
			for _, p := range out {
				if !p.open && len(p.s) < need {
					done = false
				}
			}
			if done {
				break
			}
			sub, ok := prefixes(s)
			if !ok {
				// What follows is not enumerable: the prefixes so far are
				// all that is known.
				for i := range out {
					out[i].open = true
				}
				break
			}
			next := make([]prefix, 0, len(out)*len(sub))
			for _, p := range out {
				if p.open || len(p.s) >= need {
					next = append(next, p)
					continue
				}
				for _, q := range sub {
					next = append(next, prefix{s: p.s + q.s, open: q.open})
				}
			}
			if len(next) > maxPrefixes {
				return nil, false
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// required lists literals (lower case) that every match of re contains.
func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var out []string
		for _, s := range re.Sub {
			out = append(out, required(s)...)
		}
		return out
	case syntax.OpAlternate:
		common := required(re.Sub[0])
		for _, s := range re.Sub[1:] {
			other := required(s)
			common = slices.DeleteFunc(common, func(l string) bool { return !slices.Contains(other, l) })
		}
		return common
	}
	return nil
}
