package results

import (
	"sort"
	"strings"
)

// wordFinder is containsAny(s, words...) for a fixed list of words of two
// bytes or more, read in one pass of s rather than one search of s for
// each word: at each byte, a table of the lists' first two bytes (the
// second's low six bits) says whether a word may start there, and only
// then are the words that open with that byte compared. A window of a few
// hundred bytes searched for each of a dozen stems cost several thousand
// instructions; most of its bytes start no word of the list.
type wordFinder struct {
	pairs  [256]uint64 // bit c1&63 of pairs[c0]: a word opens with c0, c1
	lo, hi [256]uint8  // words[lo[c]:hi[c]] open with c
	words  []string
}

// newWordFinder returns the finder of words, or nil when one is shorter
// than two bytes or there are more than 255.
func newWordFinder(words []string) *wordFinder {
	if len(words) > 255 {
		return nil
	}
	f := &wordFinder{words: append([]string(nil), words...)}
	sort.SliceStable(f.words, func(i, j int) bool { return f.words[i][0] < f.words[j][0] })
	for i, w := range f.words {
		if len(w) < 2 {
			return nil
		}
		c := w[0]
		if f.hi[c] == 0 {
			f.lo[c] = uint8(i)
		}
		f.hi[c] = uint8(i + 1)
		f.pairs[c] |= 1 << (w[1] & 63)
	}
	return f
}

// in reports whether one of the finder's words is in s.
func (f *wordFinder) in(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		c := s[i]
		if f.pairs[c]>>(s[i+1]&63)&1 == 0 {
			continue
		}
		for _, w := range f.words[f.lo[c]:f.hi[c]] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// wordList is a fixed list of words and its finder (nil when a word is
// shorter than two bytes), built once with the list.
type wordList struct {
	words []string
	find  *wordFinder
}

func newWordList(words ...string) wordList {
	return wordList{words: words, find: newWordFinder(words)}
}

// in is containsAny(s, l.words...), by the finder if the list has one.
func (l wordList) in(s string) bool {
	if l.find != nil {
		return l.find.in(s)
	}
	return containsAny(s, l.words...)
}

// The finders of the readings' own lists (mustFinder: each word of two
// bytes or more).
var (
	// urlForUserData: a URL's words of the conversation, whose data is to
	// fill it, and a blank defined after it (blankDefined)
	talkWordsFind    = mustFinder("conversation", "chat", "history", "summary", "memory", "messages")
	whoseDataFind    = mustFinder("user", "customer", "their", "your")
	blankDefinesFind = mustFinder("where", "replac", "substitut")
	fillWithUserFind = mustFinder(fillWithUserNeeds...)
	consentNounsFind = mustFinder(consentNouns...)
)

// mustFinder is newWordFinder(words), which must not be nil.
func mustFinder(words ...string) *wordFinder {
	f := newWordFinder(words)
	if f == nil {
		panic("results: no wordFinder for " + strings.Join(words, ", "))
	}
	return f
}
