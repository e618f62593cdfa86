package arguments

import (
	"bytes"
	"fmt"
	"math/big"
	"slices"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors/argpath"
)

// canonical appends the canonical form of the JSON value v to dst, so that
// two values are equal exactly when their canonical forms are:
//
//   - no whitespace;
//   - strings unescaped and re-quoted minimally (RFC 8785 string form), so
//     "\u0061" and "a" are one value;
//   - object members sorted by name (byte order of the UTF-8 names);
//   - numbers compared as exact decimals, not as doubles: the digits with
//     leading and trailing zeros removed and an exponent, so 1, 1.0, 1e0
//     and 10e-1 are one value (written "1"), 100 is written "1e2", -0 is 0,
//     and 9007199254740993 differs from 9007199254740992 (where RFC 8785,
//     going through IEEE doubles, would make them equal).
func canonical(dst []byte, v []byte) ([]byte, error) {
	w := getWalker(v)
	defer putWalker(w)
	dst, err := w.canon(dst)
	if err != nil {
		return nil, err
	}
	if _, err := w.dec.ReadToken(); err == nil {
		return nil, fmt.Errorf("data after the JSON value")
	}
	return dst, nil
}

type member struct {
	name []byte
	val  []byte
}

func (w *walker) canon(dst []byte) ([]byte, error) {
	d := &w.dec
	switch d.PeekKind() {
	case '{':
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		var ms []member
		for d.PeekKind() != '}' {
			rawName, err := d.ReadValue()
			if err != nil {
				return nil, err
			}
			name := bytes.Clone(argpath.Unquote(rawName))
			val, err := w.canon(nil)
			if err != nil {
				return nil, err
			}
			ms = append(ms, member{name, val})
		}
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		slices.SortFunc(ms, func(a, b member) int { return bytes.Compare(a.name, b.name) })
		dst = append(dst, '{')
		for i, m := range ms {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst, _ = jsontext.AppendQuote(dst, m.name)
			dst = append(dst, ':')
			dst = append(dst, m.val...)
		}
		return append(dst, '}'), nil
	case '[':
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		dst = append(dst, '[')
		for i := 0; d.PeekKind() != ']'; i++ {
			if i > 0 {
				dst = append(dst, ',')
			}
			var err error
			if dst, err = w.canon(dst); err != nil {
				return nil, err
			}
		}
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		return append(dst, ']'), nil
	}
	v, err := d.ReadValue()
	if err != nil {
		return nil, err
	}
	switch v.Kind() {
	case '"':
		dst, _ = jsontext.AppendQuote(dst, argpath.Unquote(v))
		return dst, nil
	case '0':
		return appendCanonicalNumber(dst, v)
	}
	return append(dst, v...), nil // true, false, null
}

// appendCanonicalNumber appends the exact-decimal canonical form of a JSON
// number: [-]digits[e<exponent>], digits without leading or trailing
// zeros. Zero is "0" whatever its sign or spelling.
func appendCanonicalNumber(dst, num []byte) ([]byte, error) {
	s := num
	neg := false
	if len(s) > 0 && s[0] == '-' {
		neg, s = true, s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	intPart := s[:i]
	var frac []byte
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		frac, i = s[i+1:j], j
	}
	var expText []byte
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		expText, i = s[i+1:], len(s)
	}
	if len(intPart) == 0 || i != len(s) {
		return nil, fmt.Errorf("invalid number %q", clip(string(num), 40))
	}
	digits := make([]byte, 0, len(intPart)+len(frac))
	digits = append(append(digits, intPart...), frac...)
	lead := 0
	for lead < len(digits) && digits[lead] == '0' {
		lead++
	}
	digits = digits[lead:]
	if len(digits) == 0 {
		return append(dst, '0'), nil
	}
	trail := 0
	for trail < len(digits) && digits[len(digits)-1-trail] == '0' {
		trail++
	}
	digits = digits[:len(digits)-trail]
	shift := int64(trail) - int64(len(frac))

	if neg {
		dst = append(dst, '-')
	}
	dst = append(dst, digits...)
	// exponent = expText + shift, exactly.
	if len(expText) <= 15 {
		e := shift
		if len(expText) > 0 {
			x, err := strconv.ParseInt(string(expText), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("invalid number %q", clip(string(num), 40))
			}
			e += x
		}
		if e != 0 {
			dst = strconv.AppendInt(append(dst, 'e'), e, 10)
		}
		return dst, nil
	}
	text := string(expText)
	if text[0] == '+' {
		text = text[1:]
	}
	e, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return nil, fmt.Errorf("invalid number %q", clip(string(num), 40))
	}
	e.Add(e, big.NewInt(shift))
	if e.Sign() != 0 {
		dst = e.Append(append(dst, 'e'), 10)
	}
	return dst, nil
}
