package poisoning

import (
	"slices"
	"unicode"
	"unicode/utf8"

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
	var flags textFlags
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	start := len(dst)
	if ascii {
		if out, f, ok := canonicalASCII(dst, s); ok {
			return out, f
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
				flags |= flagEncodedRun
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
		var orig []rune
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
		var it norm.Iter
		it.InitString(norm.NFKD, s)
		for !it.Done() {
			seg := it.Next()
			for len(seg) > 0 {
				r, n := utf8.DecodeRune(seg)
				seg = seg[n:]
				switch {
				case r < utf8.RuneSelf:
					c := byte(r)
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					} else if c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
						c = ' '
					}
					if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' {
						hasASCII = true
						if run++; run >= 16 && c != '_' {
							flags |= flagEncodedRun
						}
						letter(rune(c), rune(c))
						continue
					}
					endWord()
					put(c)
				case r >= 0xE0020 && r <= 0xE007E: // tag characters spell ASCII
					flags |= flagInvisible
					endWord()
					put(byte(unicode.ToLower(r - 0xE0000)))
				case hidden(r):
					flags |= flagInvisible
				case unicode.Is(unicode.Mn, r):
					// combining marks: accents dropped, so "é" reads "e"
				case unicode.IsSpace(r):
					endWord()
					put(' ')
				case !unicode.IsLetter(r) && !unicode.IsDigit(r):
					endWord()
					dst = utf8.AppendRune(dst, r)
				default:
					lr := unicode.ToLower(r)
					if a, ok := asciiOf[r]; ok {
						mapped = true
						letter(lr, rune(a))
						continue
					}
					if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
						flags |= flagCJK
					}
					hasNative = true
					letter(lr, lr)
				}
			}
		}
		endWord()
	}
	var spaced bool
	dst, spaced = squeeze(dst, start)
	if spaced {
		flags |= flagSpaced
	}
	return dst, flags
}

// Tables for the ASCII fast path: the judging form of each byte, and
// which bytes can be part of a base64 or hex run.
// (Variables, not init: the lexicon is compiled through canonical during
// package variable initialisation.)
var lowerTab, b64Tab = asciiTables()

func asciiTables() (lowerTab [256]byte, b64Tab [256]bool) {
	for i := range lowerTab {
		c := byte(i)
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			c = ' '
		}
		lowerTab[i] = c
		b64Tab[i] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '='
	}
	return
}

// canonicalASCII is canonical for ASCII text in one pass: case folded,
// white space collapsed, encoded runs noted. ok is false when the text
// may be letter-spaced; canonical then takes the general path.
func canonicalASCII(dst []byte, s string) (_ []byte, flags textFlags, ok bool) {
	start := len(dst)
	dst = slices.Grow(dst, len(s))
	out := dst[start : start+len(s)]
	w := 0
	run, pct, amp := 0, 0, 0
	hexPairs := 0         // hex bytes written apart, "5b 61 64 …", in a row
	binGroups := 0        // bytes in binary written apart, "01001001 …", in a row
	word, singles := 0, 0 // length of the current word; one-letter words in a row
	sepSingles := 0       // one-letter runs between separators
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := lowerTab[s[i]]
		if b64Tab[c] {
			run++ // letters, digits, '+', '/', '=' since the last other byte
		} else {
			// Only a run decodeAll would decode flags the text: long
			// identifiers, paths and words in code cost no second pass.
			if run >= 16 && encodedLooking(s[i-run:i]) {
				flags |= flagEncodedRun
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
					return dst[:start], 0, false // perhaps "i-g-n-o-r-e"
				}
			} else {
				sepSingles = 0
			}
			run = 0
			switch c {
			case ' ':
				if prevSpace {
					continue
				}
				if word == 1 {
					if singles++; singles >= 3 {
						return dst[:start], 0, false // perhaps letter-spaced
					}
				} else {
					singles = 0
				}
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
		word++
		prevSpace = false
		out[w] = c
		w++
	}
	if run >= 16 && encodedLooking(s[len(s)-run:]) {
		flags |= flagEncodedRun
	}
	if w > 0 && out[w-1] == ' ' {
		w--
	}
	return dst[:start+w], flags, true
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
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
	// one-letter word at i, with exactly one space before the next letter
	single := func(i int) bool {
		return i < len(t) && isLetter(t[i]) && (i == 0 || t[i-1] == ' ') && (i+1 == len(t) || t[i+1] == ' ')
	}
	letterSpaced := false
	for i := 1; i+5 < len(t); i++ {
		// cheap test first: " x " at i..i+2
		if t[i] != ' ' || t[i+2] != ' ' {
			continue
		}
		if j := i - 1; single(j) && single(j+2) && t[j+3] == ' ' && single(j+4) && t[j+5] == ' ' && single(j+6) {
			letterSpaced = true
			break
		}
	}
	spaced = spaced || letterSpaced
	if letterSpaced {
		// read from a copy: joining rewrites what single looks at
		t = append([]byte(nil), t...)
	}
	out := b[start:]
	w := 0
	for i := 0; i < len(t); i++ {
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
	alnum := func(i int) bool {
		return i >= 0 && i < len(t) && (t[i] >= 'a' && t[i] <= 'z' || t[i] >= '0' && t[i] <= '9')
	}
	lower := func(i int) bool { return i < len(t) && t[i] >= 'a' && t[i] <= 'z' }
	// Written in place: w never passes i, and only what lies before w is
	// written, so the bytes read (at i-1 and after i) are the original ones.
	w := 0
	for i := 0; i < len(t); {
		if lower(i) && !alnum(i-1) && i+1 < len(t) && letterSeparator(t[i+1]) {
			sep, n, k := t[i+1], 1, i // k: the run's last letter
			for k+2 < len(t) && t[k+1] == sep && lower(k+2) && !alnum(k+3) {
				n, k = n+1, k+2
			}
			if n >= 4 {
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
