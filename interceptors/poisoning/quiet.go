package poisoning

import (
	"encoding/binary"
	"encoding/hex"
	"html"
	"math"
	"math/bits"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/wordbytes"
)

// Quiet tells, from one pass over a whole text, which of its windows
// ScoreText would give no score at all, so that a caller that scores a
// long text window by window (the results check) can pass them over.
//
// Most windows of ordinary text score nothing, yet scoring one costs a
// fold of every byte. The pass here reads the raw bytes once and marks
// the places where a signal could start: a word some cue is looked up by
// whose neighbours fit the cue (the tests cues makes before it reads a
// cue, and looser ones), an opener of markup before a tag word, a run
// that decodeAll would decode, letters that may be spread out, a verb of
// sending beside an address or a URL, and any rune beyond ASCII but
// punctuation or a space whose chunk the fold does not make plain ASCII
// words of (left to the full fold: foldChunk). A window with none of them, cut
// between words, cannot score: every signal ScoreText gives text other
// than a definition needs one, and the words of such a window are the
// words of the whole text there, only fewer of them around each.
type Quiet struct {
	s      string
	t      string // s with its ASCII letters lowered; the same offsets
	low    []byte // t, to be read eight bytes at a time (never written)
	own    []byte // t when q lowered s itself
	ws     []span // the words of w, as the fold finds them
	cands  []int  // the words of ws that some cue is looked up by
	candAt []int  // where each of cands starts
	// what each of cands may start (cueAt), read when a window needs it
	candState []uint8
	hits      []int   // offsets where a signal may start, ascending
	pct       []int   // offsets of '%' (three in a window may decode)
	badPct    []int   // offsets of '%' not followed by two hex digits
	amp       []int   // offsets of '&'
	semi      []int   // offsets of ';'
	openAt    []int   // offsets of '<', '[' and "##"
	openWord  []int   // for each of openAt, the number of words before it
	openState []uint8 // whether each may open a tag (markupAt)
	dests     []int   // offsets of '@' and of "http://" or "https://"; ascending
	decoded   []byte  // scratch for decodesToText

	// one-letter runs in a row, one byte apart, and where the last ended
	singles, lastSingle int
	loud                bool   // q gave up: no window is silent (dense)
	check               int    // the count of words at which dense looks next
	others              int    // chunks beyond ASCII left to the fold (not read by foldChunk)
	folded              []byte // scratch for foldChunk
	foldSpans           []span // the words of folded
	// what the model's canonical form asks (CanonicalWords): whether a
	// byte was not ASCII, and four one-character words one byte apart;
	// whether a chunk was cut short at a rune beyond ASCII (a letter,
	// digit, mark or hidden character: only the fold reads on), and
	// whether one was such a rune or a space, which the fold changes
	nonASCII, spread bool
	cut, changed     bool
	// a rune that needs the fold's general path (runeOther): canonicalASCII
	// would give up on the text there
	general bool
	// the start and end of every run of letters and digits of t, in
	// order: the model's words when t is its canonical form (WordSpans)
	runs []int32
	// the start and end of each chunk cut short at a rune beyond ASCII
	// that is not punctuation the fold keeps, or with a space beyond
	// ASCII, in order (foldCuts)
	cuts []int
	// whether runs are kept: not for a caller that reads no WordSpans
	// (NewQuietNoSpans), whose pass need not note them
	spans bool

	// the text ws are read in: t, but for the chunks foldChunk read, each
	// written over by its fold (and blanks after it: the fold is never
	// longer), at the same offsets. wlow is its bytes, wbuf the copy of t
	// made for the first such chunk.
	w    string
	wlow []byte
	wbuf []byte
}

var quietPool = sync.Pool{New: func() any { return new(Quiet) }}

// NewQuiet reads s; Release gives its buffers back once done. lower is s
// with its ASCII letters in lower case and nothing else changed, if the
// caller has it, or "".
func NewQuiet(s, lower string) *Quiet { return newQuiet(s, lower, true) }

// NewQuietNoSpans is NewQuiet for a caller that reads no WordSpans (the
// results check without its model): the pass notes no word spans, and
// WordSpans gives none.
func NewQuietNoSpans(s, lower string) *Quiet { return newQuiet(s, lower, false) }

func newQuiet(s, lower string, spans bool) *Quiet {
	q := quietPool.Get().(*Quiet)
	q.spans = spans
	q.read(s, lower)
	return q
}

// Release returns q to the pool; q must not be used after.
func (q *Quiet) Release() {
	q.s, q.t, q.low, q.w, q.wlow = "", "", nil, "", nil
	if cap(q.own) <= 1<<20 && cap(q.wbuf) <= 1<<20 {
		quietPool.Put(q)
	}
}

// CanonicalWords is CanonicalWords(dst, s), s being the text q read:
// where that is s lowered, most text, it returns q's lowered text itself,
// to be read only until q is released, rather than a copy. What q's pass
// saw decides it for text whose every word it read, ASCII or with only
// punctuation beyond it that the normaliser keeps (its one-letter words
// one byte apart as plainWords finds them: the normaliser may join only
// those), and for text with a rune the normaliser changes (Canonical's,
// with only the chunks that hold such runes through its general path:
// foldCuts); for other text, or when
// q gave up early, the words are read again (CanonicalWordsOf). That
// second reading was about a twelfth of the model's instructions.
func (q *Quiet) CanonicalWords(dst []byte) []byte {
	switch {
	case q.loud || q.cut && !q.changed:
		return CanonicalWordsOf(dst, q.s, q.t)
	case q.changed:
		// a rune the fold changes: not text that is only lowered
		// (keptRunes); most such text is ASCII but for a few words, and
		// only the chunks that hold those need the fold
		if c, ok := q.foldCuts(dst); ok {
			return c
		}
		return Canonical(dst, q.s)
	case q.spread && (q.nonASCII || spacedOutASCII(q.s)):
		// four one-character words one byte apart: ASCII that may be
		// letter-spaced, or other text, which loweredWords passes to the
		// fold then
		return Canonical(dst, q.s)
	}
	// ASCII, or text whose every rune beyond ASCII is punctuation the
	// fold keeps as it is (keptRunes), every word of it read
	return q.low
}

// foldCuts is canonicalGeneral(dst, q.s) for text q read to its end: the
// text lowered, with only the chunks cut short at a rune beyond ASCII or
// holding a space beyond it (cuts) through the fold's general path, then squeezed as a whole. A
// chunk lies between bytes of plainTab, at which the fold ends words, so
// the fold of the text is those pieces put together (foldRunes); most
// such text is ASCII but for a few words. ok is false when q gave up
// before the end.
//
// squeeze joins only one-character words, four in a row: where the ASCII
// between the chunks has no four one byte apart (q.spread) and no chunk
// folds to one, it joins nothing, and only the spaces are collapsed.
func (q *Quiet) foldCuts(dst []byte) (_ []byte, ok bool) {
	if q.loud {
		return dst, false
	}
	start, prev := len(dst), 0
	dst = slices.Grow(dst, len(q.s))
	singles := q.spread
	for k := 0; k+1 < len(q.cuts); k += 2 {
		a, b := q.cuts[k], q.cuts[k+1]
		// the text lowered, its white space as ' ' (lowerTab) below
		dst = append(dst, q.low[prev:a]...)
		n := len(dst)
		dst, _ = foldRunes(dst, q.s[a:b])
		singles = singles || oneCharWord(dst[n:])
		prev = b
	}
	dst = append(dst, q.low[prev:]...)
	if singles {
		for i, c := range dst[start:] {
			dst[start+i] = lowerTab[c]
		}
		dst, _ = squeeze(dst, start)
		return dst, true
	}
	return collapseSpaces(dst, start), true
}

// oneCharWord reports a run of one ASCII letter or digit in b, between
// other bytes or b's ends.
func oneCharWord(b []byte) bool {
	for i, c := range b {
		if alnumTab[c] && (i+1 == len(b) || !alnumTab[b[i+1]]) && (i == 0 || !alnumTab[b[i-1]]) {
			return true
		}
	}
	return false
}

// WordSpans is CanonicalWords, and the start and end of each of its
// words when q read them all: where the canonical form is q's lowered
// text (ASCII, or with only punctuation beyond it), its words are its
// runs of ASCII letters and digits, which q's pass found. spans is nil
// otherwise. Both are read only until q is released.
func (q *Quiet) WordSpans(dst []byte) (c []byte, spans []int32) {
	c = q.CanonicalWords(dst)
	// (CanonicalWordsOf may return the lowered text too, from a reading
	// of its own after q stopped short: q's runs are complete only if q
	// neither gave up nor cut a chunk short)
	if q.spans && !q.loud && !q.cut && len(c) > 0 && len(c) <= math.MaxInt32 && unsafe.SliceData(c) == unsafe.SliceData(q.low) {
		return c, q.runs
	}
	return c, nil
}

// Silent reports whether ScoreText(s[start:end]) is certainly zero, s
// being the text q read.
func (q *Quiet) Silent(start, end int) bool {
	if q.loud {
		return false
	}
	s := q.s
	if start > 0 && lowerTab[s[start-1]] != ' ' || end < len(s) && end > 0 && lowerTab[s[end-1]] != ' ' {
		// a window cut inside a word has words of its own at its ends:
		// read it alone
		sub := quietPool.Get().(*Quiet)
		defer sub.Release()
		sub.spans = false
		sub.read(s[start:end], q.t[start:end])
		return sub.Silent(0, end-start)
	}
	if within(q.hits, start, end, 1) {
		return false
	}
	// what decodeAll would read of the window's percent encoding (none
	// with a stray '%') and HTML entities: the decoded text, read alone
	w := s[start:end]
	if within(q.pct, start, end, 3) && !within(q.badPct, start, end, 1) {
		if dec, err := url.PathUnescape(w); err == nil && dec != w && !quietText(dec) {
			return false
		}
	}
	if within(q.amp, start, end, 3) && within(q.semi, start, end, 3) {
		if dec := html.UnescapeString(w); dec != w && !quietText(dec) {
			return false
		}
	}
	// the words a cue may start from, each read once, when first in a
	// window that nothing else keeps
	for k := sort.SearchInts(q.openAt, start); k < len(q.openAt) && q.openAt[k] < end; k++ {
		if q.markupAt(k) {
			return false
		}
	}
	for k := sort.SearchInts(q.candAt, start); k < len(q.candAt) && q.candAt[k] < end; k++ {
		if c := q.cueAt(k); c == cueHit || c == cueSend && q.destNear(k, start, end) {
			return false
		}
	}
	return true
}

// destNear reports an address or a URL in [start, end) close enough to
// the k-th candidate, a verb of sending, for destinations to count it:
// within transferReach words, counted as nearTransfer counts them (the
// words between two offsets of a window are the same in the whole text).
func (q *Quiet) destNear(k, start, end int) bool {
	v := q.cands[k]
	for d := sort.SearchInts(q.dests, start); d < len(q.dests) && q.dests[d] < end; d++ {
		w := sort.Search(len(q.ws), func(i int) bool { return q.ws[i].start >= q.dests[d] })
		if w-v >= -transferReach && w-v <= transferReach {
			return true
		}
	}
	return false
}

// quietText reports whether decodeAll's judge finds nothing in dec: it
// reads only printable text, and what it reads scores no more than
// ScoreText(dec).
func quietText(dec string) bool {
	if !printable(dec) {
		return true
	}
	q := NewQuietNoSpans(dec, "")
	defer q.Release()
	return q.Silent(0, len(dec))
}

// within reports whether at least n of the ascending offsets at lie in
// [start, end).
func within(at []int, start, end, n int) bool {
	k := sort.SearchInts(at, start)
	return k+n-1 < len(at) && at[k+n-1] < end
}

func (q *Quiet) read(s, lower string) {
	q.s, q.t = s, lower
	q.nonASCII, q.spread, q.cut, q.changed, q.general = false, false, false, false, false
	if len(lower) != len(s) {
		q.own = LowerASCII(q.own[:0], s)
		q.t = unsafe.String(unsafe.SliceData(q.own), len(q.own))
	}
	// only read: the bytes of t, for loads of eight
	q.low = unsafe.Slice(unsafe.StringData(q.t), len(q.t))
	q.w, q.wlow = q.t, q.low
	// about a word in seven bytes: one allocation for a text's words
	// rather than a dozen as they grow, when the pool has lost q's
	q.ws, q.cands, q.hits = slices.Grow(q.ws[:0], len(s)/6), q.cands[:0], q.hits[:0]
	q.pct, q.badPct, q.amp, q.semi = q.pct[:0], q.badPct[:0], q.amp[:0], q.semi[:0]
	q.openAt, q.dests, q.candAt, q.candState = q.openAt[:0], q.dests[:0], q.candAt[:0], q.candState[:0]
	q.openWord, q.runs, q.cuts = q.openWord[:0], slices.Grow(q.runs[:0], len(s)/3), q.cuts[:0]
	q.singles, q.lastSingle, q.loud, q.check, q.others = 0, -2, false, 256, 0
	low := q.low
	for i := 0; uint(i) < uint(len(low)); { // (unsigned: low[i] needs no test)
		// blanks and punctuation, which end words and runs, are passed
		// over, and those some signal starts from noted
		c := low[i]
		k := quietClass[c]
		if k == classBlank {
			i++
			continue
		}
		if k == classMark {
			q.mark(i, c)
			i++
			continue
		}
		// most of the rest is a word of letters and digits alone
		// (inlined: this runs for most words of a text)
		if k == classAlnum {
			j := i + 1
			for {
				if j > len(low)-8 { // (as j+8 > len(low): the load below needs no test)
					j = wordbytes.AlnumEnd(low, j)
					break
				}
				if m := wordbytes.NotAlnum(binary.LittleEndian.Uint64(low[j : j+8])); m != 0 {
					j += bits.TrailingZeros64(m) / 8
					break
				}
				j += 8
			}
			next := uint8(classBlank)
			if uint(j) < uint(len(low)) {
				next = quietClass[low[j]]
			}
			if next == classBlank || next == classMark {
				q.ws = append(q.ws, span{i, j})
				if q.spans {
					q.runs = append(q.runs, int32(i), int32(j))
				}
				if k := anchorKeyAt(low, i, j); textCues.maybe[k/64]&(1<<(k%64)) != 0 {
					q.cands = append(q.cands, len(q.ws)-1)
					q.candAt = append(q.candAt, i)
					q.candState = append(q.candState, cueUnread)
					if q.dense() {
						return
					}
				}
				if uint(j-i-2) >= 14 { // (j-i == 1 || j-i >= 16: one test)
					q.alnum(i, j)
				}
				// a blank after the word, most often, is passed over
				// here rather than by a turn of the loop
				i = j
				if next == classBlank {
					i++
				}
				continue
			}
		}
		if i = q.chunk(i); q.loud {
			return
		}
	}
	q.openState = slices.Grow(q.openState[:0], len(q.openAt))[:len(q.openAt)]
	clear(q.openState)
	q.spreadBytes()
	sort.Ints(q.hits)
}

// What quietClass tells of a byte of t, in read's loop: a blank or
// punctuation passed over without a note (plainTab but not markTab), one
// noted (markTab), a letter or digit (alnumTab), or anything else. (One
// table rather than three: one load a byte.)
const (
	classOther = iota
	classBlank
	classMark
	classAlnum
)

var quietClass = func() (tab [256]uint8) {
	for c := range tab {
		switch {
		case plainTab[c] && markTab[c]:
			tab[c] = classMark
		case plainTab[c]:
			tab[c] = classBlank
		case alnumTab[c]:
			tab[c] = classAlnum
		}
	}
	return tab
}()

// dense reports, every 256 words, whether a third of the words read so
// far are words a cue is looked up by or chunks left to the fold (Han,
// kana, Hangul, and others foldChunk could not read), and then gives up:
// in such a text (a hostile one: "ignore previous ignore previous …", or
// one in Chinese) windows are seldom silent, and the rest of the pass
// would only add to their scoring. Ordinary text has about one in ten (at
// most one in five over its first 4 KB, in the benign corpus). Once loud,
// q calls no window silent.
func (q *Quiet) dense() bool {
	read := len(q.ws) + q.others
	if read < q.check {
		return false
	}
	q.check += 256
	q.loud = (len(q.cands)+q.others)*3 >= read
	return q.loud
}

// chunk reads t[i:] up to the next byte of plainTab one byte (or rune) at
// a time, as canonicalASCII does, and returns where it stopped.
func (q *Quiet) chunk(i int) int {
	s, t := q.s, q.t
	from := i
	// the words and candidates before the chunk (foldChunk reads them
	// again from the fold)
	nws, ncands := len(q.ws), len(q.cands)
	// t is s lowered, as long: so t[i] needs no test under i's bound
	t = t[:len(s)]
	in := -1 // start of the current word, or -1
	run := 0 // base64 bytes in a row
	spaced := false
	for uint(i) < uint(len(s)) && !plainTab[s[i]] {
		if alnumTab[t[i]] {
			// (AlnumEnd, its loads written out as read's: a call per run
			// of a chunk's words cost as much as the loads)
			low, j := q.low, i+1
			for {
				if j > len(low)-8 { // (as j+8 > len(low): the load below needs no test)
					j = wordbytes.AlnumEnd(low, j)
					break
				}
				if m := wordbytes.NotAlnum(binary.LittleEndian.Uint64(low[j : j+8])); m != 0 {
					j += bits.TrailingZeros64(m) / 8
					break
				}
				j += 8
			}
			if q.spans {
				q.runs = append(q.runs, int32(i), int32(j))
			}
			if j-i == 1 {
				q.alnum(i, j)
			}
			if in < 0 {
				in = i
			}
			run += j - i
			i = j
			continue
		}
		c, size := lowerTab[s[i]], 1
		part := false // a symbol the fold keeps inside a word
		if c >= utf8.RuneSelf {
			q.nonASCII = true
			// punctuation that the fold keeps as it is, and a space,
			// separate words as ASCII's do, and a symbol it keeps is part
			// of a word as a letter is (canonicalASCII, words); anything
			// else (letters, marks, invisible characters) is left to the
			// fold
			r, n := utf8.DecodeRuneInString(s[i:])
			k := plainRune(r)
			part = k == runeWordPart
			if k == runeSpace {
				// read as ' ' by the fold, which the model's form needs
				// (foldCuts); here a blank like any other, but that
				// one-character words either side of it are one byte
				// apart to alnum, as the fold has them
				q.changed, spaced = true, true
				if q.lastSingle == i {
					q.lastSingle = i + n - 1
				}
			}
			if k == runeOther {
				q.cut, q.changed, q.general = true, true, true
				// every window that holds a byte of the chunk holds it
				// all (windows end at blanks): read from its fold when
				// that is plain ASCII words, and otherwise the window
				// is read whole
				at := i
				for i < len(s) && !plainTab[s[i]] {
					i++
				}
				if !q.foldChunk(from, at, i, nws, ncands) {
					q.hits = append(q.hits, at)
					q.others++
				}
				q.cuts = append(q.cuts, from, i)
				q.dense()
				return i
			}
			size = n
		}
		if b64Tab[c] {
			run++ // '+', '/', '='
		} else {
			if run >= 16 {
				q.encodedRun(i-run, i)
			}
			run = 0
		}
		// the word spans of canonicalASCII
		switch {
		case wordTab[c] || part:
			if in < 0 {
				in = i
			}
		case (c == '\'' || c == '-') && in >= 0 && i+1 < len(s) && t[i+1] >= 'a' && t[i+1] <= 'z':
		case in >= 0:
			q.addWord(in, i)
			in = -1
		}
		i += size
	}
	if run >= 16 {
		q.encodedRun(i-run, i)
	}
	if in >= 0 {
		q.addWord(in, i)
	}
	if spaced {
		q.cuts = append(q.cuts, from, i)
	}
	return i
}

// alnum notes a run of letters and digits t[i:j] that may be letters
// spread out, or a run of base64 (the caller tells which may be).
func (q *Quiet) alnum(i, j int) {
	if j-i == 1 {
		// perhaps "i g n o r e", which the fold would join
		if i == q.lastSingle+1 {
			q.singles++
		} else {
			q.singles = 1
		}
		if q.singles >= 4 {
			q.spread = true
			q.hits = append(q.hits, i)
		}
		q.lastSingle = j
	}
	if j-i >= 16 {
		q.encodedRun(i, j)
	}
}

// spreadBytes marks hex bytes and binary bytes written apart, "5b 61 64 …"
// and "01001001 01100111 …": sixteen and eight of them in a row flag a
// window for decoding. Only blanks stand between them, so from the second
// on each is a word of two hex digits or eight binary ones, the next
// word after the one before: each word of such a streak, from the
// fifteenth or the seventh on, is marked.
//
// A streak of seven words or more holds one of every seventh word: rather
// than every word of the text (a tenth of the pass, for texts that have
// none), only those are read, and around one that is a byte the streak is
// read back to its first word and on to its last.
func (q *Quiet) spreadBytes() {
	const stride = 7
	next := 0 // the first word not read yet
	for p := stride - 1; p < len(q.ws); p += stride {
		if p < next {
			continue // in the streak read last
		}
		kind := q.byteWord(p)
		if kind == 0 {
			continue
		}
		a, b := p, p+1
		for a > next && q.byteWord(a-1) == kind {
			a--
		}
		for b < len(q.ws) && q.byteWord(b) == kind {
			b++
		}
		from := a + 14 // the fifteenth hex byte
		if kind == binaryByte {
			from = a + 6 // the seventh binary one
		}
		for k := from; k < b; k++ {
			q.hits = append(q.hits, q.ws[k].start)
		}
		next = b
	}
}

// What a word is to spreadBytes.
const (
	hexByte    = 1 // two hex digits
	binaryByte = 2 // eight binary ones
)

// byteWord tells whether the i-th word is a byte written in hex, in
// binary, or neither (0).
func (q *Quiet) byteWord(i int) int {
	w := q.ws[i]
	switch w.end - w.start {
	case 2:
		if isHex(q.w[w.start:w.end]) {
			return hexByte
		}
	case 8:
		if isBinary(q.w[w.start:w.end]) {
			return binaryByte
		}
	}
	return 0
}

// addWord appends the word w[start:end] as appendWord does, and notes it
// when a cue may be looked up by it.
func (q *Quiet) addWord(start, end int) {
	n := len(q.ws)
	if q.ws = appendWord(q.ws, q.w, start, end); len(q.ws) == n {
		return
	}
	w := q.ws[n]
	if k := anchorKeyAt(q.wlow, w.start, w.end); textCues.maybe[k/64]&(1<<(k%64)) != 0 {
		q.cands = append(q.cands, n)
		q.candAt = append(q.candAt, w.start)
		q.candState = append(q.candState, cueUnread)
	}
}

// encodedRun marks the run of base64 bytes q.s[start:end] if decodeAll
// would decode and read it.
func (q *Quiet) encodedRun(start, end int) {
	if run := q.s[start:end]; encodedLooking(run) && q.decodesToText(run) {
		q.hits = append(q.hits, start)
	}
}

// plainTab marks the ASCII bytes other than letters and digits that read
// passes over: blanks, and punctuation that is not part of a word or of a
// base64 run. Each ends a word and a run. (markTab marks those a signal
// starts from.)
var plainTab = func() (tab [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		lc := lowerTab[c]
		tab[c] = !alnumTab[lc] && (lc == ' ' || !wordTab[c] && !b64Tab[c] && c != '\'' && c != '-')
	}
	return tab
}()

// markTab marks the punctuation some signal starts from (mark): each is
// one of plainTab, so read meets it, in the order of the text. (A vector
// search for each of them, after read, cost a pass over the text each.)
var markTab = func() (tab [256]bool) {
	for _, c := range []byte("%&;@<[#:") {
		tab[c] = true
	}
	return tab
}()

// mark notes the punctuation c at t[i] that some signal starts from, in
// ascending order of i: openAt and dests stay sorted.
func (q *Quiet) mark(i int, c byte) {
	switch c {
	case '%':
		q.pct = append(q.pct, i)
		if i+2 >= len(q.t) || !isHexDigit(q.t[i+1]) || !isHexDigit(q.t[i+2]) {
			q.badPct = append(q.badPct, i)
		}
	case '&':
		q.amp = append(q.amp, i)
	case ';':
		q.semi = append(q.semi, i)
	case '@':
		q.dests = append(q.dests, i)
	case ':':
		// where destinations reads the URL from
		if strings.HasPrefix(q.t[i:], "://") {
			if strings.HasSuffix(q.t[:i], "https") {
				q.dests = append(q.dests, i-len("https"))
			} else if strings.HasSuffix(q.t[:i], "http") {
				q.dests = append(q.dests, i-len("http"))
			}
		}
	case '<', '[':
		q.openAt, q.openWord = append(q.openAt, i), append(q.openWord, len(q.ws))
	case '#':
		if i+1 < len(q.t) && q.t[i+1] == '#' {
			q.openAt, q.openWord = append(q.openAt, i), append(q.openWord, len(q.ws))
		}
	}
}

// decodesToText reports whether decodeAll would read what the run decodes
// to: only a decoding that is mostly printable text is judged.
func (q *Quiet) decodesToText(run string) bool {
	var b []byte
	var ok bool
	if isHex(run) && len(run)%2 == 0 {
		var err error
		b, err = hex.AppendDecode(q.decoded[:0], []byte(run))
		ok = err == nil
	} else {
		b, ok = decodeB64(q.decoded[:0], run)
	}
	q.decoded = b
	return ok && printable(string(b))
}
