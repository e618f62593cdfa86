package secrets

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"

	"github.com/zricethezav/gitleaks/v8/config"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/literals"
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
		lits, ok := literals.Needed(sub)
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
