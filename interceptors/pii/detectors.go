package pii

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool { return isDigit(c) || isUpper(c) || 'a' <= c && c <= 'z' }

func isLocalPart(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// findEmails finds addresses local@domain.tld (ASCII): a local part of
// letters, digits and ._%+- (no leading or trailing dot), a domain of at
// least two labels, and a top-level label of two or more letters.
func findEmails(text string, emit func(start, end int)) {
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], '@')
		if k < 0 {
			return
		}
		at := i + k
		i = at + 1
		s := at
		for s > 0 && isLocalPart(text[s-1]) && at-s < 64 {
			s--
		}
		for s < at && text[s] == '.' {
			s++
		}
		if s == at || text[at-1] == '.' {
			continue
		}
		e := at + 1
		for e < len(text) && e-at <= 253 && (isAlnum(text[e]) || text[e] == '-' || text[e] == '.') {
			if text[e] == '.' && (text[e-1] == '.' || e == at+1) {
				break
			}
			e++
		}
		for e > at+1 && (text[e-1] == '.' || text[e-1] == '-') {
			e--
		}
		dot := strings.LastIndexByte(text[at+1:e], '.')
		if dot < 0 {
			continue
		}
		tld := text[at+1+dot+1 : e]
		ok := len(tld) >= 2
		for j := 0; j < len(tld) && ok; j++ {
			ok = isUpper(tld[j]) || 'a' <= tld[j] && tld[j] <= 'z'
		}
		if !ok {
			continue
		}
		emit(s, e)
		i = e
	}
}

// findCards finds payment card numbers: 13 to 19 digits, optionally
// grouped with single spaces or dashes, not part of a longer run of digits
// or letters, with the prefix and length of a card scheme and a valid Luhn
// check digit.
func findCards(text string, emit func(start, end int)) {
	var digits [20]byte
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || i > 0 && isAlnum(text[i-1]) {
			continue
		}
		nd, j := 0, i
		for j < len(text) {
			c := text[j]
			if isDigit(c) {
				if nd < len(digits) {
					digits[nd] = c
				}
				nd++
				j++
				continue
			}
			if (c == ' ' || c == '-') && j+1 < len(text) && isDigit(text[j+1]) {
				j++
				continue
			}
			break
		}
		if nd >= 13 && nd <= 19 && (j == len(text) || !isAlnum(text[j])) && cardScheme(digits[:nd]) && luhn(digits[:nd]) {
			emit(i, j)
		}
		i = j
	}
}

// cardScheme reports whether d has the prefix and length of a major card
// scheme (Visa, Mastercard, American Express, Discover, JCB, Diners Club,
// UnionPay).
func cardScheme(d []byte) bool {
	n := len(d)
	p2 := int(d[0]-'0')*10 + int(d[1]-'0')
	p3 := p2*10 + int(d[2]-'0')
	p4 := p3*10 + int(d[3]-'0')
	switch {
	case d[0] == '4':
		return n == 13 || n == 16 || n == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720:
		return n == 16
	case p2 == 34 || p2 == 37:
		return n == 15
	case p4 == 6011, p2 == 65, p3 >= 644 && p3 <= 649:
		return n >= 16
	case p4 >= 3528 && p4 <= 3589:
		return n >= 16
	case p2 == 36 || p2 == 38 || p2 == 39 || p3 >= 300 && p3 <= 305:
		return n >= 14
	case p2 == 62:
		return n >= 16
	}
	return false
}

func luhn(d []byte) bool {
	sum := 0
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if (len(d)-1-i)%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// ibanLength is the length of the IBANs of each country of the ISO 13616
// registry.
var ibanLength = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
	"BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
	"EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
	"GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
	"IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
	"LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28,
	"NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
	"RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
	"SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}

// findIBANs finds IBANs: a country code (upper case) of the registry, two
// check digits and the account part, optionally grouped with single
// spaces, of exactly the country's length and passing the mod-97 check.
func findIBANs(text string, emit func(start, end int)) {
	var buf [34]byte
	for i := 0; i+4 <= len(text); i++ {
		if !isUpper(text[i]) || !isUpper(text[i+1]) || !isDigit(text[i+2]) || !isDigit(text[i+3]) || i > 0 && isAlnum(text[i-1]) {
			continue
		}
		want := ibanLength[text[i:i+2]]
		if want == 0 {
			continue
		}
		n, j := 0, i
		for j < len(text) && n < want {
			c := text[j]
			if isAlnum(c) {
				if 'a' <= c && c <= 'z' {
					c -= 'a' - 'A'
				}
				buf[n] = c
				n++
				j++
				continue
			}
			if c == ' ' && j+1 < len(text) && isAlnum(text[j+1]) {
				j++
				continue
			}
			break
		}
		if n != want || j < len(text) && isAlnum(text[j]) || !mod97(buf[:n]) {
			continue
		}
		emit(i, j)
		i = j - 1
	}
}

// mod97 checks an IBAN (upper case, no spaces) as ISO 7064 MOD 97-10 does.
func mod97(iban []byte) bool {
	rem := 0
	add := func(c byte) {
		if isDigit(c) {
			rem = (rem*10 + int(c-'0')) % 97
		} else {
			rem = (rem*100 + int(c-'A'+10)) % 97
		}
	}
	for _, c := range iban[4:] {
		add(c)
	}
	for _, c := range iban[:4] {
		add(c)
	}
	return rem == 1
}

func isPhoneSep(c byte) bool { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' }

// findPhones finds phone numbers: runs of 7 to 15 digits with the
// separators people write (spaces, dashes, dots, parentheses), written
// either internationally ("+" and country code) or, when the rule has a
// region, nationally with at least one separator (and the trunk prefix 0
// where the region has one), that libphonenumber validates. Plain digit runs (ids, timestamps, amounts), dates and clock
// times are not taken for phone numbers.
func findPhones(text, region string, emit func(start, end int)) {
	defRegion := region
	if defRegion == "" {
		defRegion = "ZZ" // unknown: only "+" numbers parse
	}
	// Where national numbers start with the trunk prefix 0 (most of the
	// world), a national number written without it is a bare subscriber
	// number, too easily some other figure.
	trunk0 := region != "" && phonenumbers.GetNddPrefixForRegion(region, true) == "0"
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '+' && c != '(' && !isDigit(c) {
			continue
		}
		if i > 0 {
			if p := text[i-1]; isAlnum(p) || p == '+' || p == '.' || p == '/' || p == '_' || p == '-' || p == ':' || p == '@' {
				continue
			}
		}
		plus := c == '+'
		j, nd, seps, last := i, 0, 0, -1
		if plus {
			j++
		}
		for ; j < len(text) && nd <= 15; j++ {
			switch c := text[j]; {
			case isDigit(c):
				nd++
				last = j
			case isPhoneSep(c) && j+1 < len(text) && (isDigit(text[j+1]) || isPhoneSep(text[j+1])) && (j == i || !isPhoneSep(text[j-1]) || text[j-1] == ')'):
				seps++
			default:
				goto done
			}
		}
	done:
		if last < 0 {
			continue
		}
		end := last + 1
		skip := func() { i = end - 1 }
		if nd < 7 || nd > 15 || end < len(text) && (isAlnum(text[end]) || text[end] == ':' || text[end] == '@' || text[end] == '/') {
			skip()
			continue
		}
		if !plus && (region == "" || seps == 0 || trunk0 && firstDigit(text[i:end]) != '0') {
			skip()
			continue
		}
		cand := text[i:end]
		if looksLikeDateOrAddress(cand) {
			skip()
			continue
		}
		num, err := phonenumbers.Parse(cand, defRegion)
		if err != nil || !phonenumbers.IsValidNumber(num) {
			skip()
			continue
		}
		emit(i, end)
		skip()
	}
}

func firstDigit(s string) byte {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return s[i]
		}
	}
	return 0
}

// looksLikeDateOrAddress reports shapes that are dates (2025-05-01,
// 01/05/2025, 01.05.25) or IPv4 addresses (192.168.100.200).
func looksLikeDateOrAddress(s string) bool {
	var groups []int
	var seps []byte
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
			continue
		}
		if n > 0 {
			groups = append(groups, n)
			seps = append(seps, s[i])
		}
		n = 0
	}
	if n > 0 {
		groups = append(groups, n)
	}
	same := func(c byte) bool {
		for _, x := range seps {
			if x != c {
				return false
			}
		}
		return true
	}
	switch len(groups) {
	case 3:
		a, b, c := groups[0], groups[1], groups[2]
		if (same('-') || same('/') || same('.')) && (a == 4 && b <= 2 && c <= 2 || a <= 2 && b <= 2 && (c == 4 || c == 2)) {
			return true
		}
	case 4:
		if same('.') && groups[0] <= 3 && groups[1] <= 3 && groups[2] <= 3 && groups[3] <= 3 {
			return true
		}
	}
	return false
}
