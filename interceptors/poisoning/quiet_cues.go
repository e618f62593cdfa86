package poisoning

import "strings"

// word returns the i-th word.
func (q *Quiet) word(i int) string { return q.t[q.ws[i].start:q.ws[i].end] }

// cueHits marks the words that a cue of textCues could be matched from
// (of the candidates addWord noted).
// Each test is one cues makes, or a looser one: a window has the same
// words, only fewer of them around a word, and no test here passes on
// fewer words what it failed on more (sentence ends are not read).
func (q *Quiet) cueHits() {
	cues := textCues
	m := cueMatch{t: q.t, ws: q.ws}
	for _, i := range q.cands {
		w := q.ws[i]
		refs := cues.byFirst[q.t[w.start:w.end]]
		if len(refs) == 0 {
			continue
		}
		var prevKey uint64
		if i > 0 {
			prevKey = wordKey(q.word(i - 1))
		}
		for r := range refs {
			ref := &refs[r]
			if ref.prev != 0 && ref.prev&prevKey == 0 {
				continue
			}
			c := &cues.cues[ref.cue]
			if !m.before(i, c.slots[:c.anchor]) || !m.loosely(i+1, c.slots[c.anchor+1:]) {
				continue
			}
			start := i - c.anchor
			switch {
			case c.sig == sigToolRef && !toolNear(q.t, q.ws, i):
				continue
			case c.sig == sigBypass && c.text == "full access" && !m.accessGranted(start):
				continue
			case c.sig == sigTransfer:
				// no weight of its own: it counts only with a destination
				// (an address, a URL) or a secret, itself a hit
				q.sends = append(q.sends, w.start)
				continue
			}
			q.hits = append(q.hits, w.start)
			break
		}
	}
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

// markupHits marks the openers of markup that a tag word follows, with any
// run of the bytes markup skips between them (the fold makes a run of
// blanks one).
func (q *Quiet) markupHits() {
	low := q.low
	wi := 0
	for _, i := range q.openAt {
		j := i + 1
		for j < len(low) && strings.IndexByte("|!-/# [", lowerTab[low[j]]) >= 0 {
			j++
		}
		for wi < len(q.ws) && q.ws[wi].end <= j {
			wi++
		}
		if wi == len(q.ws) {
			return
		}
		w := q.ws[wi]
		if w.start >= j && strings.Trim(q.t[j:w.start], "*_") != "" {
			continue
		}
		if w.start < j || isTagWord(q.t[w.start:w.end]) {
			q.hits = append(q.hits, i)
		}
	}
}
