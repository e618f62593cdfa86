package redact

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// appendUnquote appends the text of the string literal raw to dst. raw
// must have been read by a decoder, which validated it: then only the
// escapes need work, and the runs between them are copied whole (the
// decoder's own AppendUnquote validates every byte again). What it does
// not expect (a lone surrogate escape, say) it leaves to AppendUnquote.
func appendUnquote(dst, raw []byte) ([]byte, error) {
	start := len(dst)
	s := raw[1 : len(raw)-1]
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\\')
		if i < 0 {
			return append(dst, s...), nil
		}
		dst = append(dst, s[:i]...)
		s = s[i:]
		if len(s) < 2 {
			return jsontext.AppendUnquote(dst[:start], raw)
		}
		switch c := s[1]; c {
		case '"', '\\', '/':
			dst = append(dst, c)
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r, ok := hex4(s[2:])
			n := 6
			if ok && utf16.IsSurrogate(r) {
				r2, ok2 := rune(0), false
				if len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
					r2, ok2 = hex4(s[8:])
				}
				r, n = utf16.DecodeRune(r, r2), 12
				ok = ok2 && r != utf8.RuneError
			}
			if !ok {
				return jsontext.AppendUnquote(dst[:start], raw)
			}
			dst = utf8.AppendRune(dst, r)
			s = s[n:]
			continue
		default:
			return jsontext.AppendUnquote(dst[:start], raw)
		}
		s = s[2:]
	}
	return dst, nil
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
