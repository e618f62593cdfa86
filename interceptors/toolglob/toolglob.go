// Package toolglob matches tool names against the policy's patterns: exact
// names, or globs where '*' matches any run of characters (including none)
// and '?' exactly one. Matching is case-sensitive, covers the whole name and
// never normalises it: the name is compared exactly as the server reads it.
package toolglob

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Pattern is one compiled pattern.
type Pattern struct {
	text  string
	exact bool
}

// Compile checks p and prepares it for matching.
func Compile(p string) (Pattern, error) {
	if !ValidPattern(p) {
		return Pattern{}, fmt.Errorf("invalid tool pattern %q", p)
	}
	return Pattern{text: p, exact: !strings.ContainsAny(p, "*?")}, nil
}

// String is the pattern as written in the policy.
func (p Pattern) String() string { return p.text }

// Match reports whether name matches; it does not allocate.
func (p Pattern) Match(name string) bool {
	if p.exact {
		return p.text == name
	}
	return match(p.text, name)
}

// match walks pattern and name rune by rune, backtracking only to the last
// '*' (linear in practice, quadratic at worst).
func match(pattern, name string) bool {
	p, n := 0, 0
	starP, starN := -1, 0
	for n < len(name) {
		if p < len(pattern) {
			pr, ps := utf8.DecodeRuneInString(pattern[p:])
			_, ns := utf8.DecodeRuneInString(name[n:])
			switch {
			case pr == '*':
				starP, starN = p, n
				p += ps
				continue
			case pr == '?':
				p += ps
				n += ns
				continue
			case pattern[p:p+ps] == name[n:n+ns]:
				p += ps
				n += ns
				continue
			}
		}
		if starP < 0 {
			return false
		}
		_, ns := utf8.DecodeRuneInString(name[starN:])
		starN += ns
		p, n = starP+1, starN
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
