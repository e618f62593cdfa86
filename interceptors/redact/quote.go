package redact

import (
	"unicode/utf8"
)

// appendQuote appends s as a JSON string: exactly what jsontext.AppendQuote
// writes with its default options (no HTML or JavaScript escaping; invalid
// UTF-8 becomes U+FFFD), faster on long texts, whose runs of bytes that
// need no escaping are found eight at a time and copied whole.
func appendQuote(dst []byte, s string) []byte {
	return append(appendQuoted(append(dst, '"'), s), '"')
}

// appendQuoted is appendQuote without the quotes, for a string written in
// pieces: escaping works byte by byte (rune by rune for valid UTF-8), so
// pieces cut anywhere quote to the quoting of the whole, as long as no cut
// falls inside a valid multi-byte character.
func appendQuoted(dst []byte, s string) []byte {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	start, i := 0, 0
	for i < len(s) {
		// Eight bytes at a time while none is a control character, '"',
		// '\\' or not ASCII (the tests have no false negatives).
		for i+8 <= len(s) {
			x := load64(s, i)
			quote, bslash := x^(ones*'"'), x^(ones*'\\')
			if ((x-ones*0x20)&^x|(quote-ones)&^quote|(bslash-ones)&^bslash|x)&highs != 0 {
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
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
		if r == utf8.RuneError && n == 1 {
			dst = append(append(dst, s[start:i]...), "\ufffd"...)
			i++
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
