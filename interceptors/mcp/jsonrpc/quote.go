package jsonrpc

import "unicode/utf8"

// Escaping says how a string is quoted: the two conventions Go's JSON
// packages use, so that what mcpmesh writes is byte for byte what the
// reader it is checked against would write.
type Escaping uint8

const (
	// Minimal is jsontext.AppendQuote's default: only '"', '\\' and control
	// characters are escaped; invalid UTF-8 becomes U+FFFD, written as is.
	// Rewritten messages use it (a body stays as close to the sender's as
	// it can).
	Minimal Escaping = iota
	// HTMLSafe is encoding/json's: '<', '>', '&', U+2028 and U+2029 are
	// escaped too, and invalid UTF-8 becomes the escape \ufffd. The audit
	// log uses it, so its lines are what encoding/json would write.
	HTMLSafe
)

// AppendQuote appends s as a JSON string. Long runs that need no escaping
// are found eight bytes at a time and copied whole.
func AppendQuote(dst []byte, s string, e Escaping) []byte {
	return append(AppendQuoted(append(dst, '"'), s, e), '"')
}

// AppendQuoted is AppendQuote without the quotes, for a string written in
// pieces: escaping works byte by byte (rune by rune for valid UTF-8), so
// pieces cut anywhere quote to the quoting of the whole, as long as no cut
// falls inside a valid multi-byte character.
func AppendQuoted(dst []byte, s string, e Escaping) []byte {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	html := e == HTMLSafe
	start, i := 0, 0
	for i < len(s) {
		// Eight bytes at a time while none is a control character, '"',
		// '\\' or not ASCII (the tests have no false negatives); with HTML
		// escaping also none of '<', '>', '&'.
		for i+8 <= len(s) {
			x := load64(s, i)
			quote, bslash := x^(ones*'"'), x^(ones*'\\')
			special := (x-ones*0x20)&^x | (quote-ones)&^quote | (bslash-ones)&^bslash | x
			if html {
				lt, gt, amp := x^(ones*'<'), x^(ones*'>'), x^(ones*'&')
				special |= (lt-ones)&^lt | (gt-ones)&^gt | (amp-ones)&^amp
			}
			if special&highs != 0 {
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && !(html && (c == '<' || c == '>' || c == '&')) {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			dst = append(dst, s[start:i]...)
			if html {
				dst = append(dst, `\ufffd`...)
			} else {
				dst = append(dst, "\ufffd"...)
			}
			i++
			start = i
			continue
		case html && (r == '\u2028' || r == '\u2029'):
			dst = append(append(dst, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += n
			start = i
			continue
		}
		i += n
	}
	return append(dst, s[start:]...)
}

const hexDigits = "0123456789abcdef"

// load64 reads s[i:i+8] little-endian (compiled to one load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
