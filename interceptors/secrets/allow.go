package secrets

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	"github.com/zricethezav/gitleaks/v8/config"
)

// allowList is a gitleaks allowlist with its expressions prepared for
// quick rejection (see allowRegex).
type allowList struct {
	*config.Allowlist
	regexes []*allowRegex
}

// allowRegex answers re.MatchString for one allowlist expression, quickly
// for the common answer "no". The expression is split into the branches of
// its top-level alternation (it matches exactly when one of them does) and
// each branch is run only on text that holds one of the literals every
// match of the branch contains. Some expressions of the rule set are large
// alternations of known false positives: run whole, Go's engine steps
// through all of their branches at every byte (tens of µs on a short
// match); gated this way only the branches whose words occur run.
type allowRegex struct {
	re       *regexp.Regexp
	branches []allowBranch
	lits     *keywordMatcher // the literals of all gated branches
	litOf    [][]int32       // literal -> the branches it gates
	always   []int32         // branches without literals: always run
}

type allowBranch struct {
	re *regexp.Regexp
}

func newAllowList(a *config.Allowlist) *allowList {
	l := &allowList{Allowlist: a}
	for _, re := range a.Regexes {
		l.regexes = append(l.regexes, newAllowRegex(re))
	}
	return l
}

func newAllowLists(as []*config.Allowlist) []*allowList {
	out := make([]*allowList, len(as))
	for i, a := range as {
		out[i] = newAllowList(a)
	}
	return out
}

// maxAllowBranches bounds the gated branches of one expression; beyond it
// (or when anything cannot be analysed) the expression runs whole.
const maxAllowBranches = 256

func newAllowRegex(re *regexp.Regexp) *allowRegex {
	ar := &allowRegex{re: re}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return ar
	}
	subs := []*syntax.Regexp{tree}
	if tree.Op == syntax.OpAlternate {
		subs = tree.Sub
	}
	if len(subs) > maxAllowBranches {
		return ar
	}
	var keywords []string
	index := map[string]int32{}
	for _, sub := range subs {
		bre, err := regexp.Compile(sub.String())
		if err != nil {
			ar.branches = nil
			return ar
		}
		bi := int32(len(ar.branches))
		ar.branches = append(ar.branches, allowBranch{re: bre})
		lits, ok := needed(sub)
		if !ok {
			ar.always = append(ar.always, bi)
			continue
		}
		for _, l := range lits {
			ki, seen := index[l]
			if !seen {
				ki = int32(len(keywords))
				index[l] = ki
				keywords = append(keywords, l)
				ar.litOf = append(ar.litOf, nil)
			}
			ar.litOf[ki] = append(ar.litOf[ki], bi)
		}
	}
	if len(keywords) > 0 {
		ar.lits = newKeywordMatcher(keywords)
	}
	return ar
}

// MatchString reports whether s holds a match of the expression.
func (ar *allowRegex) MatchString(s string, st *allowState) bool {
	if ar.branches == nil || !isASCII(s) {
		// Case folding maps some non-ASCII characters onto ASCII letters
		// (U+212A onto k), which the literal pass would not see.
		return ar.re.MatchString(s)
	}
	for _, bi := range ar.always {
		if ar.branches[bi].re.MatchString(s) {
			return true
		}
	}
	if ar.lits == nil {
		return false
	}
	st.hits = ar.lits.scan(s, st.hits[:0])
	if len(st.hits) == 0 {
		return false
	}
	if st.gen++; st.gen == 0 || len(st.tried) < len(ar.branches) {
		st.tried = make([]uint32, max(len(ar.branches), len(st.tried)))
		st.gen = 1
	}
	for _, h := range st.hits {
		for _, bi := range ar.litOf[h.kw] {
			if st.tried[bi] == st.gen {
				continue
			}
			st.tried[bi] = st.gen
			if ar.branches[bi].re.MatchString(s) {
				return true
			}
		}
	}
	return false
}

// allowState is the scratch space of the allowlist checks of one scan.
type allowState struct {
	hits  []hit
	tried []uint32 // branch -> gen of the check that ran it
	gen   uint32
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// maxLiterals bounds the literal sets built by needed.
const maxLiterals = 64

// needed returns literals (lower case ASCII) one of which every match of
// re contains, ignoring ASCII case; ok is false when re does not tell.
// A literal set is only worth having when its strings are long enough to
// be rare: sets with a string shorter than two bytes are refused.
func needed(re *syntax.Regexp) ([]string, bool) {
	set, ok := need(re)
	if !ok {
		return nil, false
	}
	for _, s := range set {
		if len(s) < 2 {
			return nil, false
		}
	}
	return set, true
}

func need(re *syntax.Regexp) ([]string, bool) {
	if set, ok := exact(re); ok && minLen(set) > 0 {
		return set, true
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return need(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return need(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			set, ok := need(s)
			if !ok || len(out)+len(set) > maxLiterals {
				return nil, false
			}
			out = appendNew(out, set...)
		}
		return out, true
	case syntax.OpConcat:
		// The best of: each element's own set, and the cross products of
		// runs of elements whose matches are a finite set of strings.
		var best []string
		consider := func(set []string) {
			if len(set) > 0 && minLen(set) > minLen(best) {
				best = set
			}
		}
		var run []string
		inRun := false
		for _, s := range re.Sub {
			if set, ok := exact(s); ok {
				if !inRun {
					run, inRun = []string{""}, true
				}
				if run = cross(run, set); run == nil {
					inRun = false
				} else {
					consider(run)
				}
				continue
			}
			inRun = false
			if set, ok := need(s); ok {
				consider(set)
			}
		}
		return best, best != nil
	}
	return nil, false
}

// exact returns every string a match of re can be (lower case ASCII),
// when they are few.
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if !isASCII(s) {
			return nil, false
		}
		return []string{strings.ToLower(s)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i < len(re.Rune); i += 2 {
			if re.Rune[i+1] >= utf8.RuneSelf || re.Rune[i+1]-re.Rune[i] > 8 {
				return nil, false
			}
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				out = appendNew(out, strings.ToLower(string(c)))
			}
		}
		return out, len(out) > 0 && len(out) <= 8
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exact(re.Sub[0])
		if !ok {
			return nil, false
		}
		return appendNew(set, ""), true
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range re.Sub {
			set, ok := exact(s)
			if !ok {
				return nil, false
			}
			if out = cross(out, set); out == nil {
				return nil, false
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			set, ok := exact(s)
			if !ok || len(out)+len(set) > maxLiterals {
				return nil, false
			}
			out = appendNew(out, set...)
		}
		return out, true
	}
	return nil, false
}

// cross is every a+b, or nil when there would be too many.
func cross(as, bs []string) []string {
	if len(as)*len(bs) > maxLiterals {
		return nil
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = appendNew(out, a+b)
		}
	}
	return out
}

func appendNew(set []string, ss ...string) []string {
	for _, s := range ss {
		found := false
		for _, t := range set {
			if t == s {
				found = true
				break
			}
		}
		if !found {
			set = append(set, s)
		}
	}
	return set
}

func minLen(set []string) int {
	if len(set) == 0 {
		return 0
	}
	m := len(set[0])
	for _, s := range set[1:] {
		m = min(m, len(s))
	}
	return m
}
