package poisoning

import (
	"strings"
	"unicode/utf8"
)

// word returns the i-th word.
func (q *Quiet) word(i int) string { return q.w[q.ws[i].start:q.ws[i].end] }

// spanKey is wordKey(t[w.start:w.end]).
func spanKey(t string, w span) uint64 {
	if w.end <= w.start {
		return 0
	}
	return 1 << ((uint(w.end-w.start)*5 + uint(t[w.start])) & 63)
}

// What a word may start, as cueAt tells it.
const (
	cueUnread uint8 = iota
	cueNone
	cueSend // a verb of sending, which counts only with a destination
	cueHit
)

// cueAt tells what the k-th candidate word may start, read once: a cue
// of textCues, a verb of sending only, or nothing. Each test is one cues
// makes, or a looser one: a window has the same words, only fewer of
// them around a word, and no test here passes on fewer words what it
// failed on more (sentence ends are not read).
func (q *Quiet) cueAt(k int) uint8 {
	if q.candState[k] != cueUnread {
		return q.candState[k]
	}
	state := cueNone
	cues := textCues
	m := cueMatch{t: q.w, ws: q.ws}
	i := q.cands[k]
	// the cues the word may start; the keys of its neighbours are read
	// only when there are some (a candidate passed the bits of
	// anchorKey, and many such words start none)
	w := q.ws[i]
	refs := cues.refsOf(anchorKeyAt(q.wlow, w.start, w.end), q.w[w.start:w.end])
	var prevKey, nextKey, reach uint64
	if len(refs) > 0 {
		// from the spans: wordKey reads a word's length and first byte
		// only; the keys of the four words after i (reach) are read only
		// for a cue that asks them (gateReach), most refs asking at most
		// the next word's
		if i > 0 {
			prevKey = spanKey(q.w, q.ws[i-1])
		}
		if i+1 < len(q.ws) {
			nextKey = spanKey(q.w, q.ws[i+1])
		}
	}
	reachRead := false
	for r := 0; r < len(refs); r++ {
		ref := &refs[r]
		if ref.prev != 0 && ref.prev&prevKey == 0 {
			continue
		}
		c := &cues.cues[ref.cue]
		switch ref.gate {
		case gateWord:
			if ref.keys&nextKey == 0 || !c.slots[c.anchor+1].fits(q.word(i+1)) {
				r += int(ref.same)
				continue
			}
		case gateReach:
			if !reachRead {
				reach, reachRead = q.reachKeys(i), true
			}
			if ref.keys&reach == 0 {
				r += int(ref.same)
				continue
			}
		}
		if c.sig == sigTransfer && state == cueSend {
			continue // known already
		}
		if !m.before(i, c.slots[:c.anchor]) || !m.loosely(i+1, c.slots[c.anchor+1:]) {
			continue
		}
		switch {
		case c.sig == sigToolRef && !toolNear(q.w, q.ws, i):
			continue
		case c.sig == sigBypass && c.text == "full access" && !m.accessGranted(i-c.anchor):
			continue
		case c.sig == sigTransfer:
			// no weight of its own: it counts only with a destination
			// (an address, a URL) or a secret, itself a hit
			state = cueSend
			continue
		}
		state = cueHit
		break
	}
	q.candState[k] = state
	return state
}

// reachKeys is the keys (spanKey) of the four words after the i-th, or
// of those there are, OR-ed together.
func (q *Quiet) reachKeys(i int) uint64 {
	var reach uint64
	for _, w := range q.ws[i+1 : min(i+5, len(q.ws))] {
		reach |= spanKey(q.w, w)
	}
	return reach
}

// loosely is from without sentence ends: whether rest could match the
// words from ws[i] on.
func (m *cueMatch) loosely(i int, rest []slot) bool {
	for ; len(rest) > 0; rest = rest[1:] {
		switch s := &rest[0]; s.kind {
		case slotAny:
			if i >= len(m.ws) {
				return false
			}
		case slotSkip:
			next := rest[1:]
			for j := i; j <= i+3; j++ {
				if len(next) > 0 && next[0].kind == slotWord {
					if j < len(m.ws) && next[0].fits(m.word(j)) && m.loosely(j+1, next[1:]) {
						return true
					}
				} else if m.loosely(j, next) {
					return true
				}
			}
			return false
		default:
			if i >= len(m.ws) || !s.fits(m.word(i)) {
				return false
			}
		}
		i++
	}
	return true
}

// markupAt tells whether the k-th opener of markup (openAt) may open a
// tag: a tag word follows it, with any run of the bytes markup skips
// between them (the fold makes a run of blanks one, and a space beyond
// ASCII a blank). Read once, when a window needs it.
func (q *Quiet) markupAt(k int) bool {
	if q.openState[k] != cueUnread {
		return q.openState[k] == cueHit
	}
	i := q.openAt[k]
	j := i + 1
	for j < len(q.w) {
		if tagSkipTab[q.w[j]] {
			j++
			continue
		}
		if q.w[j] < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(q.w[j:])
		if plainRune(r) != runeSpace {
			break
		}
		j += n
	}
	wi := q.wordEndingAfter(k, j)
	tag := false
	if wi < len(q.ws) {
		w := q.ws[wi]
		tag = w.start < j || onlyEmphasis(q.w[j:w.start]) && opensTag(q.w[w.start:w.end])
	}
	q.openState[k] = cueNone
	if tag {
		q.openState[k] = cueHit
	}
	return tag
}

// wordEndingAfter returns the first word of ws that ends after j, which
// is after the k-th opener: sort.Search(len(q.ws), ws[n].end > j). The
// words read before the opener (openWord) end at or before it, so the
// search starts there, and the word is mostly the first after it.
func (q *Quiet) wordEndingAfter(k, j int) int {
	wi := q.openWord[k]
	for wi < len(q.ws) && q.ws[wi].end <= j {
		wi++
	}
	return wi
}

// tagSkipTab holds the bytes markupAt passes over between an opener and
// its tag word: those lowerTab makes one of "|!-/# [" (white space too).
var tagSkipTab = func() (tab [256]bool) {
	for c := range tab {
		tab[c] = strings.IndexByte("|!-/# [", lowerTab[c]) >= 0
	}
	return tab
}()

// opensTag is isTagWord, with most words (the "div" and "span" after a '<')
// ruled out by a bit of their anchorKey rather than a map lookup.
func opensTag(w string) bool {
	if strings.IndexByte(w, '_') >= 0 || strings.IndexByte(w, '-') >= 0 {
		return isTagWord(w)
	}
	k := anchorKey(w)
	return tagKeys[k/64]&(1<<(k%64)) != 0 && tagWords[w]
}

// tagKeys has the anchorKey bit of every word of tagWords.
var tagKeys = func() (m [anchorKeys / 64]uint64) {
	for w := range tagWords {
		k := anchorKey(w)
		m[k/64] |= 1 << (k % 64)
	}
	return m
}()

// onlyEmphasis reports whether every byte of s is '*' or '_':
// strings.Trim(s, "*_") == "", without making Trim's set each call.
func onlyEmphasis(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '*' && s[i] != '_' {
			return false
		}
	}
	return true
}
