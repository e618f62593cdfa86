// Package literals finds the literal strings one of which every match of a
// regular expression holds, so that a text without any of them need not be
// read with the expression: a cheap test before a costly one.
package literals

import (
	"iter"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// MustNeeded is Needed for a compiled expression of the program's own; it
// panics when re does not tell, as regexp.MustCompile does on a bad one.
func MustNeeded(re *regexp.Regexp) []string {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic(err)
	}
	set, ok := Needed(tree)
	if !ok {
		panic("literals: no literal set for " + re.String())
	}
	return set
}

// maxLiterals bounds the literal sets built by Needed.
const maxLiterals = 64

// Needed returns literals (lower case ASCII) one of which every match of
// re contains, ignoring ASCII case; ok is false when re does not tell.
// (Case folding also maps a few characters beyond ASCII onto ASCII
// letters, "ſ" onto s and U+212A onto k, under (?i): text that is not
// ASCII must be read with the expression itself.)
// A literal set is only worth having when its strings are long enough to
// be rare: sets with a string shorter than two bytes are refused.
func Needed(re *syntax.Regexp) ([]string, bool) {
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// MustWordStarts is WordStarts for a compiled expression of the program's
// own; it panics when re does not tell.
func MustWordStarts(re *regexp.Regexp) []string {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic(err)
	}
	set, ok := WordStarts(tree)
	if !ok {
		panic("literals: no word starts for " + re.String())
	}
	return set
}

// WordStarts returns strings one of which every match of re begins with,
// where a word begins: re opens with \b and then words of lower-case ASCII
// without (?i), so a match holds one of them, case and all, at an offset
// with no ASCII letter, digit or '_' just before it (AtWordStart). A page
// that says "recommend" holds "commend" but not at a word's start. ok is
// false when re does not open so.
func WordStarts(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpCapture:
		return WordStarts(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			set, ok := WordStarts(s)
			if !ok || len(out)+len(set) > maxLiterals {
				return nil, false
			}
			out = appendNew(out, set...)
		}
		return shortest(out), true
	case syntax.OpConcat:
		if len(re.Sub) < 2 || re.Sub[0].Op != syntax.OpWordBoundary {
			return nil, false
		}
		set := prefixes(re.Sub[1:])
		if len(set) == 0 {
			return nil, false
		}
		for _, s := range set {
			if s == "" || !wordByte(s[0]) {
				return nil, false
			}
		}
		return shortest(set), true
	}
	return nil, false
}

// prefixes returns strings one of which every match of the concatenation
// subs begins with, taken as written ({""} when it does not tell): the
// elements whose matches are few strings crossed, then the prefixes of the
// first that is not.
func prefixes(subs []*syntax.Regexp) []string {
	set := []string{""}
	for _, s := range subs {
		if !caseExact(s) {
			return set
		}
		if next, ok := exact(s); ok {
			if next = cross(set, next); next == nil {
				return set
			}
			set = next
			continue
		}
		var first []string
		switch s.Op {
		case syntax.OpCapture, syntax.OpPlus:
			first = prefixes(s.Sub[:1])
		case syntax.OpRepeat:
			if s.Min > 0 {
				first = prefixes(s.Sub[:1])
			}
		case syntax.OpConcat:
			first = prefixes(s.Sub)
		case syntax.OpAlternate:
			for _, b := range s.Sub {
				p := prefixes([]*syntax.Regexp{b})
				if len(first)+len(p) > maxLiterals {
					first = nil
					break
				}
				first = appendNew(first, p...)
			}
		}
		if next := cross(set, first); len(first) > 0 && next != nil {
			set = next
		}
		return set
	}
	return set
}

// shortest drops each string of set that begins with another: a text
// holding it holds that one at the same offset.
func shortest(set []string) []string {
	var out []string
	for i, s := range set {
		dup := false
		for j, p := range set {
			if j != i && strings.HasPrefix(s, p) && (len(p) < len(s) || j < i) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// caseExact reports whether re matches its literals as written, in lower
// case: no (?i) and no upper-case letter, so that exact's strings are the
// matched bytes themselves.
func caseExact(re *syntax.Regexp) bool {
	if re.Flags&syntax.FoldCase != 0 && (re.Op == syntax.OpLiteral || re.Op == syntax.OpCharClass) {
		return false
	}
	for _, r := range re.Rune {
		if r >= 'A' && r <= 'Z' {
			return false
		}
	}
	for _, s := range re.Sub {
		if !caseExact(s) {
			return false
		}
	}
	return true
}

// wordByte is an ASCII byte \b counts as part of a word; a byte beyond
// ASCII belongs to a rune \b counts as none.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// AtWordStart reports whether s holds one of set at an offset where \b
// sees a word begin: at the start of s or after a byte that is not
// wordByte (each string of set begins with a wordByte).
func AtWordStart(s string, set []string) bool {
	for range WordStartsIn(s, set) {
		return true
	}
	return false
}

// WordStartsIn yields the offsets at which s holds one of set where \b
// sees a word begin, as AtWordStart finds them: by string of set, then
// ascending (an offset may come twice, for two strings).
func WordStartsIn(s string, set []string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for _, w := range set {
			for off := 0; ; {
				k := strings.Index(s[off:], w)
				if k < 0 {
					break
				}
				p := off + k
				if (p == 0 || !wordByte(s[p-1])) && !yield(p) {
					return
				}
				off = p + 1
			}
		}
	}
}

// Anchored returns re read from the start of a text only, for the texts
// s[p:] at the offsets p that WordStartsIn yields: re matches s exactly
// when it matches one of them so, for an expression with WordStarts. Every
// match of re starts at one of those offsets; the \b that opens it sees no
// word before p in s[p:] as in s (p starts a word), and nothing else it
// reads lies before p. An expression that tests for the start of a text or
// of a line (^, \A) would read s[p:] otherwise: ok is false for it.
func Anchored(re *regexp.Regexp) (*regexp.Regexp, bool) {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil, false
	}
	if _, ok := WordStarts(tree); !ok || readsStart(tree) {
		return nil, false
	}
	a, err := regexp.Compile(`^(?:` + re.String() + `)`)
	return a, err == nil
}

// readsStart reports whether re tests for the start of a text or a line.
func readsStart(re *syntax.Regexp) bool {
	if re.Op == syntax.OpBeginLine || re.Op == syntax.OpBeginText {
		return true
	}
	for _, s := range re.Sub {
		if readsStart(s) {
			return true
		}
	}
	return false
}
