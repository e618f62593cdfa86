package poisoning

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// A name is read by how it is written. In a mesh of hundreds of servers,
// other servers' tools are named with the plain words of the language
// ("create-event", "start-search", "follow-up"), and a description that
// speaks of creating an event or of a follow-up writes those words. A
// name made only of common English words (or their stems: "auth",
// "config"), joined by hyphens, and written in running prose without any
// mark of a tool is the words, not a reference to that tool. A mark of a
// tool is a quote or backtick around it, a parenthesis after it (a
// call), "tool", "function" or "command" after it, a verb of calling
// before it ("call", "use the", "invoke", "run", "via", "instead of"),
// an arrow of a chain of steps beside it, or a code form around it (a
// dotted path, a slash). A name in its tool form (snake_case
// "send_email", a product's abbreviation "gh-pr", a digit) is never a
// plain word and still counts; so does a plain-word name quoted or after
// "call". Single plain words ("search") are read by mentions' own rule
// (quoted, or followed by "tool").

// commonWords is the list of common English words (SCOWL sizes 10 and
// 20, English and American, lower-case letters only; its notice heads
// the file), one a line, sorted.
//
//go:embed commonwords.txt
var commonWordsText string

var commonWords = sync.OnceValue(func() []string {
	var out []string
	for line := range strings.Lines(commonWordsText) {
		if w := strings.TrimSpace(line); w != "" && w[0] != '#' {
			out = append(out, w)
		}
	}
	return out
})

// commonWord reports whether part is a common English word, or a stem of
// at least three letters that begins one ("auth" of "author", "config"
// of "configuration"): code shortens words by cutting their end.
func commonWord(part string) bool {
	ws := commonWords()
	i := sort.SearchStrings(ws, part)
	if i < len(ws) && ws[i] == part {
		return true
	}
	return len(part) >= 3 && i < len(ws) && strings.HasPrefix(ws[i], part)
}

// plainWordName reports whether the name lower[start:end] (a name of
// another server's tool met in the lower-cased text lower) is made of
// hyphen-joined common words and written there as words: no mark of a
// tool around it (toolMarked).
func plainWordName(lower string, start, end int) bool {
	tok := lower[start:end]
	if strings.IndexByte(tok, '-') < 0 {
		return false
	}
	for part := range strings.SplitSeq(tok, "-") {
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			if part[i] < 'a' || part[i] > 'z' {
				return false
			}
		}
		if !commonWord(part) {
			return false
		}
	}
	return !toolMarked(lower, start, end)
}

// callMarks are the words that, right before a name (a determiner
// between allowed), make it the name of something called.
var callMarks = map[string]bool{
	"use": true, "uses": true, "using": true, "call": true, "calls": true, "calling": true, "called": true,
	"invoke": true, "invokes": true, "invoking": true, "run": true, "runs": true, "running": true,
	"execute": true, "executes": true, "executing": true, "trigger": true, "triggers": true,
	"prefer": true, "try": true, "via": true, "through": true,
}

// kindMarks are the nouns that, right after a name, say it is a tool.
var kindMarks = []string{"tool", "function", "command"}

// toolMarked reports whether the name lower[start:end] bears a mark of a
// tool in lower (see plainWordName).
func toolMarked(lower string, start, end int) bool {
	if start > 0 && strings.IndexByte("`'\"/.\\_", lower[start-1]) >= 0 {
		return true
	}
	if end < len(lower) {
		switch c := lower[end]; {
		case strings.IndexByte("`'\"/\\_(", c) >= 0:
			return true
		case c == '.' && end+1 < len(lower) && nameTab[lower[end+1]]:
			return true // a dotted path
		}
	}
	rest := strings.TrimLeft(lower[end:], " ")
	if strings.HasPrefix(rest, "(") {
		return true
	}
	// a step of an arrow chain ("export-history → send-event") is a step
	// of a workflow, a tool
	if lead := strings.TrimRight(lower[:start], " "); strings.HasSuffix(lead, "→") || strings.HasSuffix(lead, "->") ||
		strings.HasPrefix(rest, "→") || strings.HasPrefix(rest, "->") {
		return true
	}
	for _, k := range kindMarks {
		if strings.HasPrefix(rest, k) {
			return true
		}
	}
	before := strings.Fields(lastWords(lower[:start], 3))
	n := len(before)
	if n > 0 && callMarks[before[n-1]] {
		return true
	}
	if n > 1 && determiners[before[n-1]] && callMarks[before[n-2]] {
		return true
	}
	return n > 1 && before[n-2] == "instead" && before[n-1] == "of"
}

// lastWords returns the end of s holding its last n space-separated words
// (fewer when s has fewer).
func lastWords(s string, n int) string {
	s = strings.TrimRight(s, " ")
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		j := strings.LastIndexByte(s[:i], ' ')
		if j < 0 {
			return s
		}
		i = j
		for i > 0 && s[i-1] == ' ' {
			i--
		}
	}
	return s[i:]
}
