package poisoning

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/wordbytes"
	"github.com/mtibben/confusables"
	"golang.org/x/text/unicode/norm"
)

// Text is judged in one canonical form, so that the spelling tricks an
// attacker has for free do not change the verdict:
//
//   - compatibility forms are folded (NFKD: full-width letters, ligatures,
//     no-break spaces, mathematical alphabets) and combining marks dropped,
//     so "ｉｇｎｏｒｅ" and "précède" read as "ignore" and "precede";
//   - letters that look like ASCII letters (TR39 confusables: Cyrillic "а",
//     Greek "ο", …) become those letters;
//   - invisible and format characters (zero-width, bidi controls, tags) are
//     removed; tag characters that spell ASCII are read as that ASCII;
//   - letters spread out with spaces ("S Y S T E M  D I R E C T I V E")
//     are joined back into words;
//   - case is folded and white space collapsed.
//
// The form is only used for judging; findings quote the original text.

// textFlags records which of the tricks above were needed.
type textFlags uint8

const (
	flagInvisible  textFlags = 1 << iota // invisible or format characters removed
	flagConfusable                       // look-alike letters of another script mapped
	flagSpaced                           // letter-spaced words joined
	flagCJK                              // Han, kana or Hangul present
	flagEncodedRun                       // may hold base64, hex, percent or entities
	flagSpacedHex                        // holds hex bytes written apart ("5b 61 64 …")
	flagSpacedBin                        // holds bytes written in binary, apart ("01001001 01100111 …")
	flagB64Run                           // holds a run of 16 base64 characters or more
)

// asciiOf maps a non-ASCII rune to the lower-case ASCII letter or digit it
// is confusable with (TR39 skeleton of one character), or 0. Built once.
var asciiOf = func() map[rune]byte {
	m := map[rune]byte{}
	for _, r := range []*unicode.RangeTable{unicode.Cyrillic, unicode.Greek, unicode.Latin, unicode.Armenian, unicode.Cherokee, unicode.Common} {
		for _, rg := range r.R16 {
			for c := rune(rg.Lo); c <= rune(rg.Hi); c += rune(rg.Stride) {
				addConfusable(m, c)
			}
		}
		for _, rg := range r.R32 {
			for c := rune(rg.Lo); c <= rune(rg.Hi) && c < 0x20000; c += rune(rg.Stride) {
				addConfusable(m, c)
			}
		}
	}
	return m
}()

func addConfusable(m map[rune]byte, c rune) {
	if c < utf8.RuneSelf || !unicode.IsLetter(c) && !unicode.IsDigit(c) {
		return
	}
	s := confusables.Skeleton(string(c))
	if len(s) == 1 && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z' || s[0] >= '0' && s[0] <= '9') {
		m[c] = byte(unicode.ToLower(rune(s[0])))
	}
}

// hidden reports whether r is not shown to a reader: format characters
// (zero-width, bidi controls, tags, soft hyphen) and the other invisible
// code points the unicode check reports.
func hidden(r rune) bool {
	return invisible(r) || unicode.Is(unicode.Cf, r) || r == 0x115F || r == 0x1160 || r == 0x3164 || r == 0xFFA0
}

// canonical appends the judging form of s to dst and reports which tricks
// it undid. ASCII text costs one pass and no allocation beyond dst.
func canonical(dst []byte, s string) ([]byte, textFlags) {
	dst, _, flags, _ := canonicalWords(dst, nil, false, s)
	return dst, flags
}

// canonicalWords is canonical that also appends the word spans of the
// canonical text to ws when track is set and it took the ASCII path; found
// says whether it did (otherwise the caller runs words on the output).
func canonicalWords(dst []byte, ws []span, track bool, s string) (_ []byte, _ []span, _ textFlags, found bool) {
	if out, ws, f, ok := canonicalASCII(dst, ws, track, s); ok {
		return out, ws, f, track
	}
	dst, flags := canonicalGeneral(dst, s)
	return dst, ws, flags, false
}

// canonicalGeneral is canonical for any text: NFKD, look-alike letters,
// invisible characters, letter-spacing.
func canonicalGeneral(dst []byte, s string) ([]byte, textFlags) {
	start := len(dst)
	dst, flags := foldRunes(dst, s)
	var spaced bool
	dst, spaced = squeeze(dst, start)
	if spaced {
		flags |= flagSpaced
	}
	return dst, flags
}

// foldRunes is canonicalGeneral before squeeze: each byte of ASCII
// lowered (white space as ' '), the rest decomposed, look-alike letters
// mapped and invisible characters dropped. Its words end at any ASCII
// byte but a letter, a digit or '_', and what it writes of a word depends
// on that word alone: the fold of a text is the folds of its pieces cut
// at such bytes, put together.
func foldRunes(dst []byte, s string) ([]byte, textFlags) {
	var flags textFlags
	// the fold is about as long as s: grown once, not rune by rune
	dst = slices.Grow(dst, len(s))
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	// Runs of base64 characters, '%' and '&' are counted on the way, so
	// that only text that can hold an encoding is decoded (decodeAll).
	run, pct, amp := 0, 0, 0
	hexPairs := 0  // hex bytes written apart, "5b 61 64 …", in a row
	binGroups := 0 // bytes in binary written apart, "01001001 01100111 …", in a row
	put := func(c byte) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=':
			if run++; run >= 16 {
				flags |= flagEncodedRun | flagB64Run
			}
		case c == '%':
			if pct++; pct >= 3 {
				flags |= flagEncodedRun
			}
			run = 0
		case c == '&':
			if amp++; amp >= 3 {
				flags |= flagEncodedRun
			}
			run = 0
		case c == ' ' && run == 2 && isHexDigit(dst[len(dst)-1]) && isHexDigit(dst[len(dst)-2]):
			if hexPairs++; hexPairs >= 16 {
				flags |= flagEncodedRun | flagSpacedHex
			}
			run, binGroups = 0, 0
		case c == ' ' && run == 8 && isBinary(dst[len(dst)-8:]):
			if binGroups++; binGroups >= 8 {
				flags |= flagEncodedRun | flagSpacedBin
			}
			run, hexPairs = 0, 0
		default:
			if c != ' ' || run != 0 {
				hexPairs, binGroups = 0, 0
			}
			run = 0
		}
		dst = append(dst, c)
	}
	if ascii {
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case 'A' <= c && c <= 'Z':
				put(c + 'a' - 'A')
			case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				put(' ')
			default:
				put(c)
			}
		}
	} else {
		// Look-alike letters are mapped only in words that mix them with
		// ASCII letters or consist of nothing else ("Sуstem", "аdd"): a
		// Russian or Greek word stays as it is.
		word := -1 // start of the current word in dst
		// the runes of the current word, for a word restored as it was:
		// most words are short, and a buffer on the stack spares an
		// allocation each call
		var origBuf [32]rune
		orig := origBuf[:0]
		mapped, hasASCII, hasNative := false, false, false
		endWord := func() {
			if word >= 0 && mapped {
				if !hasASCII && hasNative {
					dst = dst[:word]
					for _, r := range orig {
						dst = utf8.AppendRune(dst, r)
					}
				} else {
					flags |= flagConfusable
				}
			}
			word, orig, mapped, hasASCII, hasNative = -1, orig[:0], false, false, false
		}
		letter := func(r rune, out rune) {
			if word < 0 {
				word = len(dst)
			}
			orig = append(orig, r)
			if out < utf8.RuneSelf {
				dst = append(dst, byte(out))
			} else {
				dst = utf8.AppendRune(dst, out)
			}
		}
		// asciiOut is the rest of the general path for an ASCII
		// character that NFKD wrote
		asciiOut := func(c byte) {
			c = lowerTab[c]
			if alnumTab[c] || c == '_' {
				hasASCII = true
				if run++; run >= 16 && c != '_' {
					flags |= flagEncodedRun | flagB64Run
				}
				letter(rune(c), rune(c))
				return
			}
			endWord()
			put(c)
		}
		fold1 := func(r rune, e *foldEntry) {
			switch e.kind {
			case foldASCII:
				asciiOut(e.ascii)
			case foldTag:
				flags |= flagInvisible
				endWord()
				put(byte(unicode.ToLower(r - 0xE0000)))
			case foldHidden:
				// a join control inside a word of a script that needs it
				// is spelling (foldscripts.go)
				if (r != zwnj && r != zwj) || !joinsScript(lastRune(dst)) {
					flags |= flagInvisible
				}
			case foldMark:
				// combining marks: accents dropped, so "é" reads "e"
			case foldSpace:
				endWord()
				put(' ')
			case foldSymbol:
				endWord()
				dst = utf8.AppendRune(dst, e.lower) // r, or the symbol NFKD makes of it
			case foldConfusable:
				mapped = true
				letter(e.lower, rune(e.ascii))
			case foldCJK:
				flags |= flagCJK
				hasNative = true
				letter(e.lower, e.lower)
			default: // foldLetter
				hasNative = true
				letter(e.lower, e.lower)
			}
		}
		// fold is the rest of the general path for a rune beyond ASCII
		// that NFKD wrote (or left alone), read through its class
		fold := func(r rune, e *foldEntry) {
			if e.kind != foldSeq {
				fold1(r, e)
				return
			}
			for _, x := range e.seq {
				if x < utf8.RuneSelf {
					asciiOut(byte(x))
				} else {
					fold1(x, foldClass(x, 0))
				}
			}
		}
		// the iterator is made only for a run that needs it: most text
		// beyond ASCII (precomposed letters, other scripts) never does,
		// and a norm.Iter, which escapes, cost an allocation each call
		var it *norm.Iter
		for p := 0; p < len(s); {
			// ASCII is its own NFKD form, and each ASCII character starts
			// a segment: only the runs of other bytes go through the
			// iterator
			for uint(p) < uint(len(s)) && s[p] < utf8.RuneSelf { // (p >= 0: s[p] needs no test)
				// a run of letters, digits and '_': letter, but for orig (a
				// word with an ASCII letter is never restored from it),
				// read with dst, run and flags in locals, as the closures
				// keep theirs in memory
				if c := lowerTab[s[p]]; alnumTab[c] || c == '_' {
					if word < 0 {
						word = len(dst)
					}
					d, r, f := dst, run, flags
					for ; p < len(s); p++ {
						c := lowerTab[s[p]]
						if !alnumTab[c] && c != '_' {
							break
						}
						if r++; r >= 16 && c != '_' {
							f |= flagEncodedRun | flagB64Run
						}
						d = append(d, c)
					}
					dst, run, flags, hasASCII = d, r, f, true
					continue
				}
				endWord()
				put(lowerTab[s[p]])
				p++
			}
			q := wordbytes.NonASCIIEnd(s, p)
			if q == p {
				break
			}
			for p < q {
				// A rune that is its own NFKD form and a starter (plain) is
				// folded by its class alone; each starts a segment, so that
				// only the stretches of other runes up to the next plain one
				// go through the iterator.
				r, n := decodeRune(s, p, q)
				e := foldClass(r, n)
				if e.plain && (e.kind == foldLetter || e.kind == foldCJK) {
					// most letters of other scripts: fold's, inline
					if word < 0 {
						word = len(dst)
					}
					if e.kind == foldCJK {
						flags |= flagCJK
					}
					orig = append(orig, e.lower)
					dst = append(dst, e.enc[:e.encN]...)
					hasNative = true
					p += n
					continue
				}
				if e.plain || e.decomp && startsSegment(s, p+n, q) {
					fold(r, e)
					p += n
					continue
				}
				k := p + n
				for k < q {
					r, n := utf8.DecodeRuneInString(s[k:q])
					if foldClass(r, n).plain {
						break
					}
					k += n
				}
				if it == nil {
					it = new(norm.Iter)
				}
				it.InitString(norm.NFKD, s[p:k])
				for !it.Done() {
					seg := it.Next()
					for len(seg) > 0 {
						r, n := utf8.DecodeRune(seg)
						seg = seg[n:]
						if r >= utf8.RuneSelf {
							fold(r, foldClass(r, 0))
						} else {
							asciiOut(byte(r))
						}
					}
				}
				p = k
			}
		}
		endWord()
	}
	return dst, flags
}

// decodeRune is utf8.DecodeRuneInString(s[p:q]) for p < q, the runes of
// two and three bytes of most scripts decoded inline.
func decodeRune(s string, p, q int) (rune, int) {
	c := s[p]
	switch {
	case c >= 0xC2 && c < 0xE0 && p+1 < q && s[p+1]&0xC0 == 0x80:
		return rune(c&0x1F)<<6 | rune(s[p+1]&0x3F), 2
	case c > 0xE0 && c < 0xF0 && c != 0xED && p+2 < q && s[p+1]&0xC0 == 0x80 && s[p+2]&0xC0 == 0x80:
		return rune(c&0x0F)<<12 | rune(s[p+1]&0x3F)<<6 | rune(s[p+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[p:q])
}

// startsSegment reports whether NFKD starts a segment at s[k:q], a run of
// runes beyond ASCII, or it is empty (ASCII or the end follow).
func startsSegment(s string, k, q int) bool {
	if k >= q {
		return true
	}
	r, n := decodeRune(s, k, q)
	return foldClass(r, n).starter
}

// Tables for the ASCII fast path: the judging form of each byte, and
// which bytes can be part of a base64 or hex run.
// (Variables, not init: the lexicon is compiled through canonical during
// package variable initialisation.)
var lowerTab, b64Tab, alnumTab = asciiTables()

func asciiTables() (lowerTab [256]byte, b64Tab, alnumTab [256]bool) {
	for i := range lowerTab {
		c := byte(i)
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			c = ' '
		}
		lowerTab[i] = c
		alnumTab[i] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		b64Tab[i] = alnumTab[i] || c == '+' || c == '/' || c == '='
	}
	return
}

// canonicalASCII is canonical for ASCII text in one pass: case folded,
// white space collapsed, encoded runs noted. ok is false when the text
// may be letter-spaced; canonical then takes the general path.
//
// It also appends the word spans of its output to ws (what words would
// find in it), so that the scorer reads the text once: letters and digits
// are copied in an inner loop, and only the other bytes pay for the
// checks below.
func canonicalASCII(dst []byte, ws []span, track bool, s string) (_ []byte, _ []span, flags textFlags, ok bool) {
	start, spans := len(dst), len(ws)
	dst = slices.Grow(dst, len(s))
	out := dst[start : start+len(s)]
	w := 0
	in := -1 // start of the current word in out, or -1
	run, pct, amp := 0, 0, 0
	hexPairs := 0  // hex bytes written apart, "5b 61 64 …", in a row
	binGroups := 0 // bytes in binary written apart, "01001001 …", in a row
	word := 0      // bytes in the current run of non-blanks
	// letter-spacing as squeeze sees it: one-letter words in a row with
	// exactly one blank between them (gap counts the blanks since the last
	// word, before is the gap in front of the current word)
	singles, gap, before := 0, 0, 0
	sepSingles := 0 // one-letter runs between separators
	prevSpace := true
	// Letters that may be spread out are checked at the end, on the text
	// as the general path would see it, since most such runs are not
	// ("x = a + b", "a b c"). A text with wide spaces goes to the general
	// path then: its runes and that text would not line up.
	maybeSpaced, spaceRunes := false, false
	// (the bounds compared unsigned: i is not negative, and a byte read
	// under them needs no test of its own)
text:
	for i, size := 0, 1; uint(i) < uint(len(s)); i += size {
		size = 1
		c := lowerTab[s[i]]
		if alnumTab[c] {
			// letters and digits, the common case, in a loop of their own
			j := i
			for ; uint(j) < uint(len(s)); j++ {
				c := lowerTab[s[j]]
				if !alnumTab[c] {
					break
				}
				out[w+j-i] = c
			}
			if in < 0 {
				in = w
			}
			n := j - i
			w += n
			run += n
			word += n
			if prevSpace {
				before, gap = gap, 0
			}
			prevSpace = false
			if i = j; uint(i) >= uint(len(s)) { // (i == len(s))
				break
			}
			c = lowerTab[s[i]]
			// Prose: one space after a word and another word after it,
			// read here as the code below would read the space and the
			// loop's next turn the word, with only what they change (a
			// turn of the whole loop a space cost about three times as
			// much, its many variables kept on the stack). A word that
			// ends a hex pair or a binary byte written apart, a
			// one-character word (letters spread out) or a run a decoder
			// may read (16 bytes or more) is left to the code below.
			for c == ' ' && word != 1 && run < 16 &&
				(run != 2 || !isHexDigit(s[i-1]) || !isHexDigit(s[i-2])) &&
				(run != 8 || !isBinary(s[i-8:i])) &&
				uint(i+1) < uint(len(s)) && alnumTab[lowerTab[s[i+1]]] {
				// the space: the runs it ends end there (the counts of hex
				// pairs, binary bytes and letters between separators start
				// again), it ends the word, and a word of more than one
				// character leaves no one-letter words in a row
				if track {
					ws = appendWord(ws, out, in, w)
				}
				out[w] = ' '
				w++
				hexPairs, binGroups, sepSingles, singles = 0, 0, 0, 0
				// the word after it, one blank before it
				i++
				j := i
				for ; uint(j) < uint(len(s)); j++ {
					c := lowerTab[s[j]]
					if !alnumTab[c] {
						break
					}
					out[w+j-i] = c
				}
				in = w
				n := j - i
				w += n
				run, word = n, n
				before, gap = 1, 0
				if i = j; uint(i) >= uint(len(s)) {
					break text
				}
				c = lowerTab[s[i]]
			}
		}
		var kind runeKind
		if c >= utf8.RuneSelf {
			// punctuation, symbols and spaces that the general path would
			// leave as they are (or read as ' '); anything else goes there
			r, n := utf8.DecodeRuneInString(s[i:])
			switch kind, size = plainRune(r), n; kind {
			case runeSpace:
				c, spaceRunes = ' ', true
			case runeOther:
				return dst[:start], ws[:spans], 0, false
			}
		}
		if b64Tab[c] {
			run++ // '+', '/', '=' continue a base64 run
		} else {
			// Only a run decodeAll would decode flags the text: long
			// identifiers, paths and words in code cost no second pass.
			if run >= 16 && encodedLooking(s[i-run:i]) {
				flags |= flagEncodedRun | flagB64Run
			}
			// hex pairs and binary bytes written apart; a second blank
			// between them keeps the count
			if c == ' ' {
				if run == 2 && isHexDigit(s[i-1]) && isHexDigit(s[i-2]) {
					if hexPairs++; hexPairs >= 16 {
						flags |= flagEncodedRun | flagSpacedHex
					}
				} else if run != 0 {
					hexPairs = 0
				}
				if run == 8 && isBinary(s[i-8:i]) {
					if binGroups++; binGroups >= 8 {
						flags |= flagEncodedRun | flagSpacedBin
					}
				} else if run != 0 {
					binGroups = 0
				}
			} else {
				hexPairs, binGroups = 0, 0
			}
			if run == 1 && letterSeparator(c) {
				if sepSingles++; sepSingles >= 3 {
					maybeSpaced = true // perhaps "i-g-n-o-r-e"
				}
			} else {
				sepSingles = 0
			}
			run = 0
			switch c {
			case ' ':
				if in >= 0 && track {
					ws = appendWord(ws, out, in, w)
				}
				in = -1
				gap++
				if prevSpace {
					continue
				}
				singles = oneLetter(singles, word, before, out[w-1])
				maybeSpaced = maybeSpaced || singles >= 4 // "i g n o r e"
				word = 0
				prevSpace = true
				out[w] = ' '
				w++
				continue
			case '%':
				if pct++; pct >= 3 {
					flags |= flagEncodedRun
				}
			case '&':
				if amp++; amp >= 3 {
					flags |= flagEncodedRun
				}
			}
		}
		// the word spans of words(): '_', '*' and '~' belong to words, and
		// an apostrophe or hyphen does when a letter follows it
		switch {
		case wordTab[c] || kind == runeWordPart:
			if in < 0 {
				in = w
			}
		case (c == '\'' || c == '-') && in >= 0 && i+1 < len(s) && lowerTab[s[i+1]] >= 'a' && lowerTab[s[i+1]] <= 'z':
		case in >= 0:
			if track {
				ws = appendWord(ws, out, in, w)
			}
			in = -1
		}
		word += size
		if prevSpace {
			before, gap = gap, 0
		}
		prevSpace = false
		if size == 1 {
			out[w] = c
		} else {
			copy(out[w:], s[i:i+size])
		}
		w += size
	}
	if run >= 16 && encodedLooking(s[len(s)-run:]) {
		flags |= flagEncodedRun | flagB64Run
	}
	if w > 0 && !prevSpace {
		maybeSpaced = maybeSpaced || oneLetter(singles, word, before, out[w-1]) >= 4
	}
	if maybeSpaced && (spaceRunes || spacedOutASCII(s)) {
		return dst[:start], ws[:spans], 0, false
	}
	if in >= 0 && track {
		ws = appendWord(ws, out, in, w)
	}
	if w > 0 && out[w-1] == ' ' {
		w--
	}
	for k := spans; start > 0 && k < len(ws); k++ {
		ws[k].start += start
		ws[k].end += start
	}
	return dst[:start+w], ws, flags, true
}

// oneLetter returns the count of one-letter words in a row, one blank
// apart, once a word of n bytes ending in last has ended; before is the
// number of blanks in front of it.
func oneLetter(singles, n, before int, last byte) int {
	switch {
	case n != 1 || !alnumTab[last]:
		return 0
	case before == 1 && singles > 0:
		return singles + 1
	}
	return 1
}

// spacedOutASCII is spacedOut for s with lowerTab applied: the general
// path's text before squeeze, for text without wide spaces.
func spacedOutASCII(s string) bool {
	p := lowered.Get().(*[]byte)
	defer lowered.Put(p)
	b := slices.Grow((*p)[:0], len(s))[:len(s)]
	// eight bytes at a time (an append a byte cost about eight
	// instructions a byte)
	i := 0
	for ; i <= len(s)-8; i += 8 {
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
		binary.LittleEndian.PutUint64(b[i:i+8], lowerWord(x, whiteBytes(x)))
	}
	for ; i < len(s); i++ {
		b[i] = lowerTab[s[i]]
	}
	*p = b
	return spacedOut(b)
}

var lowered = sync.Pool{New: func() any { return new([]byte) }}

// How canonicalASCII reads a non-ASCII rune.
type runeKind uint8

const (
	runeOther     runeKind = iota // needs the general path
	runeSpace                     // read as ' ' (no-break and other spaces)
	runeSeparator                 // kept as it is, and separates words
	runeWordPart                  // kept as it is, and part of a word (a symbol punctRune does not list)
)

// plainRune says how the general path would read r when it stands alone:
// as a space, or as itself (a punctuation mark or symbol that NFKD leaves
// alone and that is neither hidden nor a letter, digit or mark). Letters,
// digits, marks, hidden characters and compatibility forms are runeOther.
func plainRune(r rune) runeKind {
	if r == utf8.RuneError || r >= 0xE0000 || hidden(r) {
		return runeOther
	}
	p := norm.NFKD.PropertiesString(string(r))
	if p.CCC() != 0 {
		return runeOther
	}
	if d := p.Decomposition(); d != nil {
		if string(d) == " " {
			return runeSpace
		}
		return runeOther
	}
	switch {
	case unicode.IsSpace(r):
		return runeSpace
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return runeOther
	case punctRune(r):
		return runeSeparator
	}
	return runeWordPart
}

// squeeze rewrites b[start:] in place: runs of at least four one-letter
// words separated by single spaces ("i g n o r e") or by one punctuation
// mark ("i-g-n-o-r-e", "i.g.n.o.r.e", joinSeparated) are joined into words,
// a gap of two or more spaces being the word break in such text; then
// every run of spaces becomes one space, without leading or trailing
// space. spaced reports whether letters were joined.
func squeeze(b []byte, start int) (_ []byte, spaced bool) {
	b, spaced = joinSeparated(b, start)
	t := b[start:]
	single := func(i int) bool { return singleLetter(t, i) }
	letterSpaced := letterSpaced(t)
	spaced = spaced || letterSpaced
	if letterSpaced {
		// read from a copy: joining rewrites what single looks at
		t = append([]byte(nil), t...)
	}
	out := b[start:]
	w := 0
	i := 0
	for !letterSpaced && i < len(t) {
		// eight bytes at a time, as collapseSpaces reads them (t is out,
		// and w <= i): a block with no two spaces in a row, and none at
		// its start after a space written or at the start, is kept whole;
		// any other a byte at a time, as below
		if i <= len(t)-8 {
			x := binary.LittleEndian.Uint64(t[i : i+8])
			if sp := spaceBytes(x); sp&(sp<<8) == 0 && (sp&0x80 == 0 || w > 0 && out[w-1] != ' ') {
				binary.LittleEndian.PutUint64(out[w:w+8], x)
				w, i = w+8, i+8
				continue
			}
		}
		for end := min(i+8, len(t)); i < end; i++ {
			if c := t[i]; c != ' ' || w > 0 && out[w-1] != ' ' {
				out[w] = c
				w++
			}
		}
	}
	for ; i < len(t); i++ {
		c := t[i]
		if c == ' ' {
			if letterSpaced && i > 0 && i+1 < len(t) && single(i-1) && single(i+1) {
				continue // the space inside a letter-spaced word
			}
			if w == 0 || out[w-1] == ' ' {
				continue
			}
		}
		out[w] = c
		w++
	}
	if w > 0 && out[w-1] == ' ' {
		w--
	}
	return b[:start+w], spaced
}

// collapseSpaces is squeeze for text in which it joins no letters, its
// white space read as ' ' (lowerTab, which changes nothing else of text
// lowered already): each run of spaces of b[start:] becomes one space,
// without leading or trailing space.
//
// It reads eight bytes at a time: a block with no two blanks in a row,
// and none at its start after a space written (or at the text's start),
// is written whole, lowered as lowerTab lowers it (prose is nearly all
// such blocks); any other block a byte at a time. (A byte at a time, it
// cost some eight instructions a byte of the text.)
func collapseSpaces(b []byte, start int) []byte {
	out := b[start:]
	w := 0
	for i := 0; i < len(out); {
		if i <= len(out)-8 {
			x := binary.LittleEndian.Uint64(out[i : i+8])
			if sp := whiteBytes(x); sp&(sp<<8) == 0 && (sp&0x80 == 0 || w > 0 && out[w-1] != ' ') {
				// (w <= i: the bytes written are those read, or before)
				binary.LittleEndian.PutUint64(out[w:w+8], lowerWord(x, sp))
				w, i = w+8, i+8
				continue
			}
		}
		for end := min(i+8, len(out)); i < end; i++ {
			if c := lowerTab[out[i]]; c != ' ' || w > 0 && out[w-1] != ' ' {
				out[w] = c
				w++
			}
		}
	}
	if w > 0 && out[w-1] == ' ' {
		w--
	}
	return b[:start+w]
}

// whiteBytes sets the top bit of each byte of x that lowerTab reads as a
// space: ' ', '\t', '\n', '\v', '\f' and '\r' (0x09 to 0x0d). The
// sums set the top bit of a byte for each bound and never carry into the
// next byte; a byte with its top bit set is none of them.
func whiteBytes(x uint64) uint64 {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	low := x &^ top
	control := (low + (0x80-0x09)*ones) &^ (low + (0x80-0x0d-1)*ones)
	space := (low + (0x80-' ')*ones) &^ (low + (0x80-' '-1)*ones)
	return (control | space) &^ x & top
}

// spaceBytes sets the top bit of each byte of x that is ' '.
func spaceBytes(x uint64) uint64 {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	low := x &^ top
	return (low + (0x80-' ')*ones) &^ (low + (0x80-' '-1)*ones) &^ x & top
}

// lowerWord is lowerTab applied to each byte of x, whose blanks whiteBytes
// found in sp: upper-case ASCII letters lowered, blanks made ' '.
func lowerWord(x, sp uint64) uint64 {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	low := x &^ top
	upper := (low + (0x80-'A')*ones) &^ (low + (0x80-'Z'-1)*ones) &^ x & top
	x |= upper >> 2 // 0x80 >> 2 is 'a' - 'A'
	blank := sp >> 7
	return x&^(blank*0xff) | blank*' '
}

// separatedRunAt reports a run of four letters or more that one separator
// keeps apart from t[i] on.
func separatedRunAt(t []byte, i int) bool {
	_, n := separatedRun(t, i)
	return n >= 4
}

// separatorTab marks the bytes of letterSeparator.
var separatorTab = func() (tab [256]bool) {
	for c := range tab {
		tab[c] = letterSeparator(byte(c))
	}
	return tab
}()

// letterSeparator reports the punctuation that spells a word out letter
// by letter when put between its letters: "i-g-n-o-r-e", "i.g.n.o.r.e",
// "i_g_n_o_r_e", "i*g*n*o*r*e", "i|g|n|o|r|e", "i~g~n~o~r~e".
func letterSeparator(c byte) bool {
	return c == '-' || c == '.' || c == '_' || c == '*' || c == '|' || c == '~'
}

// joinSeparated rewrites b[start:] in place, joining each run of at least
// four single letters that one separator (the same throughout) keeps apart
// and nothing else touches: "i-g-n-o-r-e" reads "ignore", while "e.g.",
// "u.s.a." and "1.2.3.4" stay as they are. joined reports whether any run
// was joined.
func joinSeparated(b []byte, start int) (_ []byte, joined bool) {
	t := b[start:]
	// Written in place: w never passes i, and only what lies before w is
	// written, so the bytes read (at i-1 and after i) are the original ones.
	// up to the first run, t stays as it is: only looked at
	i := firstSeparated(t)
	w := i - 1
	for i = w; i < len(t); {
		// separatedRun's first test, inline: a letter and a separator
		if i+1 < len(t) && separatorTab[t[i+1]] && t[i] >= 'a' && t[i] <= 'z' {
			if k, n := separatedRun(t, i); n >= 4 {
				for m := i; m <= k; m += 2 {
					t[w] = t[m]
					w++
				}
				joined, i = true, k+1
				continue
			}
		}
		t[w] = t[i]
		w++
		i++
	}
	return b[:start+w], joined
}

// firstSeparated returns the first i from 1 on at which a separator
// follows a letter that starts a run separatedRunAt finds, or len(t) (1
// when t is empty). It reads eight bytes at a time for the separators
// (separatorBytes), and tries only those: most text has few.
func firstSeparated(t []byte) int {
	i := 1
	for ; i <= len(t)-8; i += 8 {
		for m := separatorBytes(binary.LittleEndian.Uint64(t[i : i+8])); m != 0; m &= m - 1 {
			if k := i + bits.TrailingZeros64(m)/8; separatorTab[t[k]] && t[k-1] >= 'a' && t[k-1] <= 'z' && separatedRunAt(t, k-1) {
				return k
			}
		}
	}
	for uint(i) < uint(len(t)) && !(separatorTab[t[i]] && t[i-1] >= 'a' && t[i-1] <= 'z' && separatedRunAt(t, i-1)) {
		i++
	}
	return i
}

// separatorBytes sets the top bit of each byte of x that is a separator
// of letterSeparator, and of some others ('+' and ','): 0x2a to 0x2e,
// '_', '|' and '~'. The caller tests each with separatorTab.
func separatorBytes(x uint64) uint64 {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	low := x &^ top
	marks := (low + (0x80-'*')*ones) &^ (low + (0x80-'.'-1)*ones)
	under := (low + (0x80-'_')*ones) &^ (low + (0x80-'_'-1)*ones)
	bar := (low + (0x80-'|')*ones) &^ (low + (0x80-'|'-1)*ones)
	tilde := (low + (0x80-'~')*ones) &^ (low + (0x80-'~'-1)*ones)
	return (marks | under | bar | tilde) &^ x & top
}

// separatedRun returns the last letter k of the run of single letters
// that one separator keeps apart from t[i] on, and how many letters it
// has (0 when none starts at i).
func separatedRun(t []byte, i int) (k, n int) {
	alnum := func(i int) bool {
		return i >= 0 && i < len(t) && (t[i] >= 'a' && t[i] <= 'z' || t[i] >= '0' && t[i] <= '9')
	}
	lower := func(i int) bool { return i < len(t) && t[i] >= 'a' && t[i] <= 'z' }
	if !lower(i) || alnum(i-1) || i+1 >= len(t) || !letterSeparator(t[i+1]) {
		return i, 0
	}
	sep, n, k := t[i+1], 1, i
	for k+2 < len(t) && t[k+1] == sep && lower(k+2) && !alnum(k+3) {
		n, k = n+1, k+2
	}
	return k, n
}

// singleLetter reports a one-letter word at t[i], with spaces or the
// ends of t around it.
func singleLetter(t []byte, i int) bool {
	return i < len(t) && (t[i] >= 'a' && t[i] <= 'z' || t[i] >= '0' && t[i] <= '9') && (i == 0 || t[i-1] == ' ') && (i+1 == len(t) || t[i+1] == ' ')
}

// letterSpaced reports four one-letter words in a row, one space apart
// ("i g n o r e").
func letterSpaced(t []byte) bool {
	// six places at a time: the spaces of eight bytes from i, and the
	// places k (0 to 5) with a space at i+k and at i+k+2, each tried as
	// below (most text has a few in a sentence, "is a ", "a b")
	i := 1
	for ; i < len(t)-10; i += 6 { // (i+5 < len(t)-5: every place is one the loop below tries)
		x := binary.LittleEndian.Uint64(t[i : i+8])
		sp := spaceBytes(x)
		for c := sp & (sp >> 16); c != 0; c &= c - 1 {
			if j := i + bits.TrailingZeros64(c)/8 - 1; singleLetter(t, j) && singleLetter(t, j+2) && t[j+3] == ' ' && singleLetter(t, j+4) && t[j+5] == ' ' && singleLetter(t, j+6) {
				return true
			}
		}
	}
	for ; i < len(t)-5; i++ { // (as i+5 < len(t): the loads need no test)
		// cheap test first: " x " at i..i+2
		if t[i] != ' ' || t[i+2] != ' ' {
			continue
		}
		if j := i - 1; singleLetter(t, j) && singleLetter(t, j+2) && t[j+3] == ' ' && singleLetter(t, j+4) && t[j+5] == ' ' && singleLetter(t, j+6) {
			return true
		}
	}
	return false
}

// spacedOut reports whether squeeze would join letters in t, the text
// before white space is collapsed.
func spacedOut(t []byte) bool {
	// eight bytes at a time for the separators (separatorBytes), each a
	// place i+1 below
	p := 1
	for ; p <= len(t)-8; p += 8 {
		for m := separatorBytes(binary.LittleEndian.Uint64(t[p : p+8])); m != 0; m &= m - 1 {
			if k := p + bits.TrailingZeros64(m)/8; separatorTab[t[k]] && t[k-1] >= 'a' && t[k-1] <= 'z' {
				if _, n := separatedRun(t, k-1); n >= 4 {
					return true
				}
			}
		}
	}
	for i := p - 1; i < len(t); i++ {
		// separatedRun's first test, inline: a letter and a separator
		if i+1 >= len(t) || !separatorTab[t[i+1]] || t[i] < 'a' || t[i] > 'z' {
			continue
		}
		if _, n := separatedRun(t, i); n >= 4 {
			return true
		}
	}
	return letterSpaced(t)
}

// isBinary reports whether b holds only the digits 0 and 1.
func isBinary[T string | []byte](b T) bool {
	for i := 0; i < len(b); i++ {
		if b[i] != '0' && b[i] != '1' {
			return false
		}
	}
	return true
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
