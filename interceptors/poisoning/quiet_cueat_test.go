package poisoning

import (
	"math/rand"
	"strings"
	"testing"
)

// TestCueAtReachLazily checks cueAt, which reads the keys of the four
// words after a candidate only for a cue that asks them, against its form
// that read them for every candidate with cues (cueAtEager), on texts
// drawn from the words of the cues and their neighbours.
func TestCueAtReachLazily(t *testing.T) {
	var vocab []string
	for a := range textCues.byFirst {
		vocab = append(vocab, a)
	}
	for _, c := range textCues.cues {
		for _, sl := range c.words {
			for w := range slotWords(sl) {
				vocab = append(vocab, w)
			}
		}
	}
	vocab = append(vocab, "the", "a", "to", "of", "and", "me", "you", "it", "http://x.io/a", "a@b.io", ".", ",", "\n", "<system>", "[", "##")
	r := rand.New(rand.NewSource(2))
	states := 0
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(40); k >= 0; k-- {
			b.WriteString(vocab[r.Intn(len(vocab))])
			b.WriteByte(' ')
		}
		s := b.String()
		q := NewQuiet(s, "")
		for k := range q.cands {
			want := cueAtEager(q, k)
			q.candState[k] = cueUnread
			if got := q.cueAt(k); got != want {
				t.Fatalf("%q: candidate %d: cueAt %d, want %d", s, k, got, want)
			}
			if want != cueNone {
				states++
			}
		}
		q.Release()
	}
	if states == 0 {
		t.Fatal("no candidate started a cue: the texts test nothing")
	}
}

// TestSpreadOrEncodedLength checks read's one test for a word of one
// byte or of sixteen or more.
func TestSpreadOrEncodedLength(t *testing.T) {
	for i := 0; i < 40; i++ {
		for j := i + 1; j < i+40; j++ {
			if got, want := uint(j-i-2) >= 14, j-i == 1 || j-i >= 16; got != want {
				t.Fatalf("word [%d, %d): %v, want %v", i, j, got, want)
			}
		}
	}
}

// cueAtEager is cueAt as it was: the keys of the four words after the
// candidate read before any cue asked them.
func cueAtEager(q *Quiet, k int) uint8 {
	if q.candState[k] != cueUnread {
		return q.candState[k]
	}
	state := cueNone
	cues := textCues
	m := cueMatch{t: q.t, ws: q.ws}
	i := q.cands[k]
	// the cues the word may start; the keys of its neighbours are read
	// only when there are some (a candidate passed the bits of
	// anchorKey, and many such words start none)
	w := q.ws[i]
	refs := cues.refsOf(anchorKeyAt(q.low, w.start, w.end), q.t[w.start:w.end])
	var prevKey, nextKey, reach uint64
	if len(refs) > 0 {
		// from the spans: wordKey reads a word's length and first byte
		// only, and the words after i by a range need no test each
		if i > 0 {
			prevKey = spanKey(q.t, q.ws[i-1])
		}
		for n, w := range q.ws[i+1 : min(i+5, len(q.ws))] {
			key := spanKey(q.t, w)
			if n == 0 {
				nextKey = key
			}
			reach |= key
		}
	}
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
		case c.sig == sigToolRef && !toolNear(q.t, q.ws, i):
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

// TestOnlyEmphasis checks onlyEmphasis against the strings.Trim it
// stands for, on every string of up to four bytes drawn from emphasis,
// other ASCII and bytes beyond it.
func TestOnlyEmphasis(t *testing.T) {
	alphabet := []byte{'*', '_', ' ', 'a', '-', 0xc3, 0xa9, 0xff}
	var draw func(s []byte)
	draw = func(s []byte) {
		if got, want := onlyEmphasis(string(s)), strings.Trim(string(s), "*_") == ""; got != want {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
		if len(s) == 4 {
			return
		}
		for _, c := range alphabet {
			draw(append(s, c))
		}
	}
	draw(nil)
}
