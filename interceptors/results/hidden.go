package results

import (
	"encoding/base64"
	"iter"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Text that a page or a Markdown document keeps from its human reader
// while a model reads every byte of it: HTML comments, elements styled out
// of sight (display:none, zero-size or white-on-white text, pushed off the
// screen) and text carried in data: URLs. Its instructions are scored with
// the rest of the text; hiding them is evidence of its own.

// openTag finds an element's opening tag with its attributes.
var openTag = regexp.MustCompile(`(?i)<([a-z][a-z0-9]*)(\s[^<>]*)>`)

// hiddenStyle is a style that keeps an element's text out of sight.
var hiddenStyle = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0*(\.0+)?(px|pt|em|rem|%)?\s*(;|$|!)|opacity\s*:\s*0*(\.0+)?\s*(;|$|!)|color\s*:\s*transparent|(left|top|text-indent)\s*:\s*-\d{3,}(px|em)|(height|width|max-height)\s*:\s*0(px)?\s*;.*overflow\s*:\s*hidden`)

// whiteText is text coloured white, which a white page does not show
// unless the element has a background of its own.
var whiteText = regexp.MustCompile(`(?i)(^|[;\s"'])color\s*:\s*(white|#fff\b|#ffffff\b|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))`)

// styleAttr reads an element's style attribute.
var styleAttr = regexp.MustCompile(`(?i)\bstyle\s*=\s*("[^"]*"|'[^']*')`)

// hiddenAttr is the boolean "hidden" attribute.
var hiddenAttr = regexp.MustCompile(`(?i)(^|\s)hidden(\s|=|$)`)

// dataURL finds data: URLs whose content is text: the URL carries it
// encoded, out of the reader's sight. Images and fonts are page furniture.
var dataURL = regexp.MustCompile(`(?i)^data:(text/[a-z0-9.+-]+|application/(json|xml|xhtml\+xml|javascript|x-javascript))((;[a-z0-9-]+=[a-z0-9.-]+)*)(;base64)?,([A-Za-z0-9+/=%._~!$&*:@-]+)`)

// maxHidden bounds the text read from one hidden element or data: URL.
const maxHidden = 8 << 10

// The kinds of hidden text, in the order they are reported.
const (
	hiddenComment = "a hidden HTML comment"
	hiddenStyled  = "text styled out of sight"
	hiddenData    = "a data: URL"
)

// hiddenTexts calls yield with each text s hides from a human reader and
// its kind, kind by kind, until yield returns false for a kind (it has
// seen enough of it) or the texts run out. t is s in lower case and at its
// anchors. A text inside one already read is not read again, so the work
// stays linear in s whatever it nests ("<!-- <!-- <!--", tags without
// their end).
func hiddenTexts(s, t string, at *anchorIndex, yield func(kind, text string) bool) {
	next := 0
	for _, i := range at[aComment] {
		if i < next {
			continue
		}
		end := strings.Index(t[i:min(len(t), i+maxHidden)], "-->")
		if end < 0 {
			end = min(len(t)-i, maxHidden)
		}
		next = i + end
		if !yield(hiddenComment, s[i:next]) {
			break
		}
	}
	// "style" and "hidden" count inside a tag: find the tag around them,
	// in the order they occur
	next = 0
	for i := range merged(at[aStyle], at[aHidden]) {
		if i < next {
			continue
		}
		lt := lastByte(t[max(0, i-512):i], '<')
		if lt < 0 {
			continue
		}
		lt += max(0, i-512)
		if lt < next || strings.IndexByte(t[lt:i], '>') >= 0 {
			continue // read, or not inside a tag
		}
		m := openTagAt(s[lt:min(len(s), lt+1024)])
		if m == nil || m[0] != 0 || !hiddenElement(s[lt+m[4]:lt+m[5]]) {
			continue
		}
		from := lt + m[1]
		end := strings.Index(t[from:min(len(t), from+maxHidden)], "</"+t[lt+m[2]:lt+m[3]])
		if end < 0 {
			end = min(len(t)-from, maxHidden)
		}
		next = from + end
		// (tags stay: <IMPORTANT> is evidence, <b> is no cue)
		if h := strings.TrimSpace(s[from:next]); h != "" && !yield(hiddenStyled, h) {
			break
		}
	}
	next = 0
	for _, i := range at[aData] {
		if i < next || i > 0 && (isLetter(t[i-1]) || t[i-1] == '-' || t[i-1] == '_') {
			continue // read, or "metadata:", "x-data:"
		}
		m := dataURL.FindStringSubmatchIndex(s[i:min(len(s), i+maxHidden*2)])
		if m == nil {
			continue
		}
		next = i + m[1]
		if h, ok := decodeData(s[i+m[12]:i+m[13]], m[10] >= 0); ok && !yield(hiddenData, h) {
			return
		}
	}
}

// merged yields the offsets of two ascending lists in ascending order.
func merged(a, b []int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for len(a) > 0 || len(b) > 0 {
			var i int
			if len(b) == 0 || len(a) > 0 && a[0] <= b[0] {
				i, a = a[0], a[1:]
			} else {
				i, b = b[0], b[1:]
			}
			if !yield(i) {
				return
			}
		}
	}
}

// openTagAt is openTag.FindStringSubmatchIndex(s) for s that starts with
// '<', when the match starts there: a tag name of ASCII letters and digits
// is read without the regular expression (an "s" or a "k" of the name
// could be "ſ" or the Kelvin sign, which (?i) folds to them: those go to
// the expression).
func openTagAt(s string) []int {
	i := 1
	if i < len(s) && isLetter(s[i]) {
		for i++; i < len(s) && (isLetter(s[i]) || s[i] >= '0' && s[i] <= '9'); i++ {
		}
	}
	if i < len(s) && s[i] >= utf8.RuneSelf {
		return openTag.FindStringSubmatchIndex(s)
	}
	if i == 1 || i == len(s) || !strings.Contains("\t\n\f\r ", s[i:i+1]) {
		return nil
	}
	// the attributes run to the first '<' or '>', which must be '>'
	k := strings.IndexAny(s[i:], "<>")
	if k < 0 || s[i+k] != '>' {
		return nil
	}
	return []int{0, i + k + 1, 1, i, i, i + k}
}

// hiddenElement reports attributes that keep an element out of sight.
func hiddenElement(attrs string) bool {
	// cheap tests first: no expression below matches attributes without
	// "hidden" or "style" in them, in any case ("ſ" folds to "s")
	low := strings.ToLower(attrs)
	if !strings.Contains(low, "hidden") && !strings.Contains(low, "style") && !strings.Contains(low, "ſ") {
		return false
	}
	// each expression needs its word: "hidden" (no letter of it folds to
	// anything but its upper case) or "style" ("ſtyle" lowers to itself)
	if strings.Contains(low, "hidden") && hiddenAttr.MatchString(attrs) {
		return true
	}
	if !strings.Contains(low, "style") && !strings.Contains(low, "ſtyle") {
		return false
	}
	quoted, ok := styleAttrValue(attrs)
	if !ok {
		return false
	}
	style := strings.Trim(quoted, `"'`)
	lowStyle := strings.ToLower(style)
	if mayHideStyle(lowStyle) && hiddenStyle.MatchString(style) {
		return true
	}
	// white on white: white text with no background of its own
	return mayBeWhite(lowStyle) && whiteText.MatchString(style) && !strings.Contains(lowStyle, "background")
}

// styleAttrValue is styleAttr.FindStringSubmatch(attrs)[1], the quoted
// value of the first style attribute, without the expression: at the
// first "style" (in any case, "ſ" for "s") at a word boundary that an
// equals sign and a quoted value follow, blanks allowed around the sign.
func styleAttrValue(attrs string) (string, bool) {
	for i := 0; i < len(attrs); i++ {
		n := styleWordAt(attrs, i)
		if n == 0 || (i > 0 && asciiWord(attrs[i-1])) == asciiWord(attrs[i]) {
			continue // not "style", or not at a word boundary (\b)
		}
		j := skipSpace(attrs, i+n)
		if j == len(attrs) || attrs[j] != '=' {
			continue
		}
		j = skipSpace(attrs, j+1)
		if j == len(attrs) || attrs[j] != '"' && attrs[j] != '\'' {
			continue
		}
		if k := strings.IndexByte(attrs[j+1:], attrs[j]); k >= 0 {
			return attrs[j : j+k+2], true
		}
	}
	return "", false
}

// styleWordAt returns the length of "style" at s[i] as (?i)style matches
// it ("ſ", two bytes, folds to "s"), or 0.
func styleWordAt(s string, i int) int {
	n := 0
	switch {
	case i < len(s) && (s[i] == 's' || s[i] == 'S'):
		n = 1
	case strings.HasPrefix(s[i:], "ſ"):
		n = len("ſ")
	default:
		return 0
	}
	for _, c := range []byte("tyle") {
		if i+n == len(s) || s[i+n]|0x20 != c {
			return 0
		}
		n++
	}
	return n
}

// asciiWord reports the bytes \w matches.
func asciiWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// skipSpace returns the end of the run of \s at s[i].
func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// mayHideStyle reports whether hiddenStyle may match a style, low being
// it lowered: each of its branches needs one of these words (none with a
// letter that folds to anything but its upper case, as "s" and "k" do),
// a font size of zero (zeroFontSize), or a minus sign before three digits.
func mayHideStyle(low string) bool {
	return containsAny(low, "none", "hidden", "opacity", "parent") || zeroFontSize(low) || minusDigits(low)
}

// zeroFontSize is the test of hiddenStyle's font size: "font-size" ("ſ"
// lowers to itself), a colon, and a value that opens with a zero, a dot,
// a unit or none ("font-size:0", "font-size: .0em", "font-size:;"),
// blanks of \s around the colon. A style that sets a font's family, or a
// size of 14px, is not read with the expression (TestZeroFontSize).
func zeroFontSize(low string) bool {
	for _, w := range [...]string{"font-size", "font-ſize"} {
		for off := 0; ; {
			k := strings.Index(low[off:], w)
			if k < 0 {
				break
			}
			off += k + 1
			j := skipSpace(low, off-1+len(w))
			if j < len(low) && low[j] == ':' {
				if j = skipSpace(low, j+1); j == len(low) || strings.IndexByte("0.pter%;!", low[j]) >= 0 {
					return true
				}
			}
		}
	}
	return false
}

// minusDigits reports a '-' before three digits ("left: -9999px").
func minusDigits(s string) bool {
	for i := strings.IndexByte(s, '-'); i >= 0; {
		if j := i + 1; j+3 <= len(s) && isDigit(s[j]) && isDigit(s[j+1]) && isDigit(s[j+2]) {
			return true
		}
		k := strings.IndexByte(s[i+1:], '-')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// mayBeWhite reports whether whiteText may match a style, low being it
// lowered: it needs "white", "#fff" or "255".
func mayBeWhite(low string) bool {
	return containsAny(low, "white", "#fff", "255")
}

// decodeData decodes a data: URL's content (base64 or percent-encoded).
func decodeData(payload string, b64 bool) (string, bool) {
	payload = payload[:min(len(payload), maxHidden*4/3/4*4)] // whole base64 quanta
	if b64 {
		if p, err := url.PathUnescape(payload); err == nil {
			payload = p
		}
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
			if b, err := enc.DecodeString(payload); err == nil {
				return string(b), true
			}
		}
		return "", false
	}
	t, err := url.PathUnescape(payload)
	return t, err == nil
}

// smuggled reports text written in characters no screen shows: a run of
// Unicode tag characters (U+E0020–U+E007E spell ASCII that a model reads
// as such; "ASCII smuggling"), or of variation selectors, which can carry
// a byte each. Neither has a use that writes four in a row, except the tags
// of a subdivision flag after U+1F3F4 (🏴 England), which are skipped.
func smuggled(s string) bool {
	// every such rune starts F3 A0 (U+E0000–U+E0FFF) or EF B8 (U+FE00–U+FE3F)
	for _, lead := range []string{"\xF3\xA0", "\xEF\xB8"} {
		for off := 0; ; {
			i := strings.Index(s[off:], lead)
			if i < 0 {
				break
			}
			i += off
			run, j := 0, i
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !(r >= 0xE0020 && r <= 0xE007F || r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF) {
					break
				}
				run++
				j += n
			}
			if run >= 4 && !strings.HasSuffix(s[:i], "\U0001F3F4") {
				return true
			}
			off = max(j, i+1)
		}
	}
	return false
}
