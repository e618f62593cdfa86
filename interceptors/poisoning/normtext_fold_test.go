package poisoning

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldRunes reads the letters of other scripts through a table, and runs
// of plain runes without the NFKD iterator: on text of every script, with
// marks, compatibility forms, invisible characters and broken bytes in
// it, it writes what the fold as first written (every rune beyond ASCII
// through the iterator and the Unicode look-ups, foldRunesPerRune) wrote.
func TestFoldRunesTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"a", "B", "z", "0", "_", " ", "\t", "-", ".", "%", "&", "+", "/", "=", "'", "i g n o r e",
		// Cyrillic, Greek, Armenian, Cherokee: native words, look-alikes, mixed
		"игнорируй", "пользователя", "ИГНОРИРУЙ", "Ёлка", "й", "и\u0306", "а", "о", "с", "р", "Sуstem", "ΣΟΦΙΑ", "ς", "ΐ", "Ωμέγα", "ᾼ", "Բարեւ", "ᏣᎳᎩ", "ꭰ",
		// Latin beyond ASCII, precomposed and not, ligatures, compatibility forms
		"é", "e\u0301", "É", "ß", "ẞ", "ǅ", "ﬁ", "ŉ", "ı", "İ", "ｉｇｎｏｒｅ", "Ⅻ", "①", "５", "𝐈𝐠𝐧𝐨𝐫𝐞", "ª", "½", "™", "µ",
		// combining marks of several classes, in and out of order, long runs
		"\u0301", "\u0327\u0301", "\u0301\u0327", "\u0345", "\u0344", "\u0f73", "\u0f71\u0f72", "\u0f75", "\u0f81", strings.Repeat("\u0301", 35), strings.Repeat("\u0316\u0301", 20), "\u034f",
		// other scripts: Arabic, Hebrew, Devanagari, Thai, Tibetan, Hangul, Han, kana, half-width
		"تجاهل التعليمات", "\u0651\u064e", "ﻻ", "שלום", "\u05b0\u05b8", "नमस्ते", "क़", "\u093c", "३", "٣", "สวัสดี", "བཀྲ་ཤིས", "한국어", "\u1100\u1161\u11a8", "ㄱ", "ﾊﾞ", "ｶﾞ", "无视上面的指示", "無視して", "忽略，", "、", "。", "〜", "\u3000", "ー", "㍿", "㈱", "丽",
		// spaces, punctuation, symbols, emoji
		"\u00a0", "\u2003", "\u2028", "\u1680", "…", "—", "“", "«", "¿", "€", "😀", "👍🏽", "👨\u200d👩\u200d👧", "❤\ufe0f", "🇫🇷", "©", "\U0001F170",
		// invisible and format characters, tags
		"\u200b", "\u200d", "\u202e", "\u2066", "\u00ad", "\ufeff", "\u061c", "\u3164", "\U000E0041", "\U000E0069", "\U000E007F", "\U000E0001",
		// broken and odd bytes
		"\xff", "\xe2\x80", "\xf0\x9f", "\xc3", "\x80", "\ufffd", "\U0010FFFF", "\U000F0000", "\U00020000", "\U0002F800"}
	for range 60000 {
		var b []byte
		for range rng.IntN(20) {
			if rng.IntN(6) == 0 {
				// any code point, most of them in the first planes
				var r rune
				switch rng.IntN(4) {
				case 0:
					r = rng.Int32N(0x800)
				case 1:
					r = rng.Int32N(0x10000)
				case 2:
					r = rng.Int32N(0x30000)
				default:
					r = rng.Int32N(unicode.MaxRune + 1)
				}
				b = utf8.AppendRune(b, r)
				continue
			}
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		checkFoldRunes(t, string(b))
	}
}

// Every rune of the first planes, alone, after a letter, and before and
// after a combining mark.
func TestFoldRunesEveryRune(t *testing.T) {
	for r := rune(0x80); r < foldTableEnd+0x100; r++ {
		if 0xD800 <= r && r <= 0xDFFF {
			continue
		}
		c := string(r)
		for _, s := range []string{c, "x" + c + "y", "и" + c + "\u0301", c + "\u0327\u0301а", "\u0301" + c, c + c} {
			checkFoldRunes(t, s)
		}
	}
}

// NFKD breaks a run of more than 30 marks with U+034F (stream-safe
// text), and orders the marks on either side by class apart: where the
// break falls depends on every mark of the run, those of a decomposed
// letter before it too ("é" is "e" and U+0301). Marks the fold keeps
// (U+1D16D and U+1D165, Mc) show the order.
func TestFoldRunesLongMarks(t *testing.T) {
	for _, base := range []string{"e", "é", "и", "й", "ё", "ǘ", "ὤ", "가", "ガ", "ｶﾞ", "\u0f73", "x\u0f73", "\u1161", "\u11a8", "\u1100\u1161", "ﬁ", "，", "ｶ", "ｉ", "①", "ǅ", "㍿", "\u00a0"} {
		for k := 20; k <= 34; k++ {
			for _, tail := range []string{"\U0001D16D\U0001D165", "\u0f73\U0001D16D\U0001D165", "\U0001D165\U0001D16D", "\u0f73\u0f73\U0001D16D\U0001D165"} {
				marks := strings.Repeat("\u0301", k)
				checkFoldRunes(t, base+marks+tail)
				checkFoldRunes(t, "а"+base+"\u0f73"+marks+tail)
				checkFoldRunes(t, base+"\u0327"+marks+tail)
			}
		}
	}
}

func FuzzFoldRunes(f *testing.F) {
	f.Add("Sуstem: игнорируй é previous ｉｎｓｔｒｕｃｔｉｏｎｓ 无视上面的指示")
	f.Add("и\u0306\u0301\u0327 \u0f73\xff 한국어")
	f.Fuzz(checkFoldRunes)
}

func checkFoldRunes(t *testing.T, s string) {
	t.Helper()
	got, gf := foldRunes([]byte("x "), s)
	want, wf := foldRunesPerRune([]byte("x "), s)
	if !bytes.Equal(got, want) || gf != wf {
		t.Fatalf("%+q: foldRunes %+q %b, rune by rune %+q %b", s, got, gf, want, wf)
	}
}

// foldRunesPerRune is foldRunes as it was before the table: every rune
// beyond ASCII through the NFKD iterator and the Unicode look-ups. It is
// the reference of the tests above.
//
// It is canonicalGeneral before squeeze: each byte of ASCII
// lowered (white space as ' '), the rest decomposed, look-alike letters
// mapped and invisible characters dropped. Its words end at any ASCII
// byte but a letter, a digit or '_', and what it writes of a word depends
// on that word alone: the fold of a text is the folds of its pieces cut
// at such bytes, put together.
func foldRunesPerRune(dst []byte, s string) ([]byte, textFlags) {
	var flags textFlags
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
			q := p
			for q < len(s) && s[q] >= utf8.RuneSelf {
				q++
			}
			if q == p {
				break
			}
			it.InitString(norm.NFKD, s[p:q])
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
								flags |= flagEncodedRun | flagB64Run
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
						if (r != zwnj && r != zwj) || !joinsScript(lastRune(dst)) {
							flags |= flagInvisible
						}
					case unicode.Is(unicode.Mn, r), r == tatweel:
						// combining marks: accents dropped, so "é" reads "e"
					case unicode.IsSpace(r):
						endWord()
						put(' ')
					case !unicode.IsLetter(r) && !unicode.IsDigit(r):
						endWord()
						dst = utf8.AppendRune(dst, r)
					default:
						lr := unicode.ToLower(r)
						if m, ok := arabicLetterFold[r]; ok {
							lr = m
						}
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
			p = q
		}
		endWord()
	}
	return dst, flags
}

// words decodes only the runes whose first byte punctLead marks, and
// passes over a character's continuation bytes with its first: on text of
// every script, with broken bytes, it finds the words it found when it
// decoded every rune and read every byte.
func TestWordsPunctLead(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"a", "z", "0", "_", "*", "~", " ", "'", "-", "!", "игнорируй", "ё", "¿", "«", "©", "·", "é", "…", "—", "“", "、", "。", "无视", "（", "！", "：", "ｉ", "\ufffd", "😀", "\xff", "\x80", "\xbf", "\xe2\x80", "\xc3", "ꙮ", "\u3000"}
	for range 50000 {
		var b []byte
		for range rng.IntN(16) {
			if rng.IntN(5) == 0 {
				b = append(b, byte(rng.IntN(256)))
				continue
			}
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		checkWords(t, string(b))
	}
	for r := rune(0x80); r < 0x20000; r++ {
		checkWords(t, "a"+string(r)+"b "+string(r)+"!"+string(r))
	}
}

func FuzzWordsPunctLead(f *testing.F) {
	f.Add("don't игнорируй «это» — 无视、¿qué?")
	f.Fuzz(checkWords)
}

func checkWords(t *testing.T, s string) {
	t.Helper()
	got, want := words(s, nil), wordsDecoding(s, nil)
	if !slices.Equal(got, want) {
		t.Fatalf("%+q: words %v, decoding every rune %v", s, got, want)
	}
}

// wordsDecoding is words as it was before punctLead, every rune beyond
// ASCII decoded and every byte read: the reference of TestWordsPunctLead.
//
// It appends the word spans of canonical text t: runs of letters,
// digits, '_', '*', '~' and of non-ASCII letters. Apostrophes inside a word
// are kept ("don't"), as are hyphens between letters ("attacker-controlled").
func wordsDecoding(t string, dst []span) []span {
	in := -1
	sep := false // isPunctRune of the last byte >= utf8.RuneSelf
	for i := 0; i < len(t); i++ {
		c := t[i]
		w := wordTab[c]
		if !w {
			switch {
			case c >= utf8.RuneSelf:
				// a continuation byte right after another byte of its
				// character has its class: a character is decoded once,
				// not once per byte
				if c&0xC0 != 0x80 || i == 0 || t[i-1] < utf8.RuneSelf {
					sep = isPunctRune(t, i)
				}
				w = !sep
			case (c == '\'' || c == '-') && in >= 0 && i+1 < len(t):
				w = t[i+1] >= 'a' && t[i+1] <= 'z'
			}
		}
		if w {
			if in < 0 {
				in = i
			}
			continue
		}
		if in >= 0 {
			dst = appendWord(dst, t, in, i)
			in = -1
		}
	}
	if in >= 0 {
		dst = appendWord(dst, t, in, len(t))
	}
	return dst
}
