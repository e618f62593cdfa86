package secrets

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// What gitleaks' rule set lacks for messages between agents and servers,
// each with its own rule id (docs/interceptors.md, "Beyond gitleaks"):
//
//   - RuleSecretMember: a credential-looking value under a JSON member or
//     a KEY=value / key: value name that says it is a secret (gitleaks'
//     generic rule wants entropy above 3.5 and at least 10 characters, so
//     "password": "Winter2025!" passes it);
//   - RuleURLCredentials: user:password@ in a URL of any scheme;
//   - lenient vendor rules (extraRules): distinctive prefixes whose body is
//     a few characters longer or shorter than gitleaks' exact patterns;
//   - invisible characters (zero-width, bidi controls, soft hyphen, word
//     joiner, tag characters) are taken out before matching, so that one
//     inside a token does not split it.

// Rule ids of the additions.
const (
	RuleSecretMember   = "mcpmesh-secret-member"
	RuleURLCredentials = "mcpmesh-url-credentials"
)

// extraRule is a pattern rule added to gitleaks' set; it runs in the same
// engine (keywords, secret group, entropy, gitleaks' global allowlist).
type extraRule struct {
	id       string
	re       string
	keywords []string
	group    int
	entropy  float64
	// lenient rules widen a gitleaks rule: they yield to any finding that
	// covers them, so an exact match keeps gitleaks' id.
	lenient bool
	// check, when set, must accept the secret.
	check func(string) bool
	// widens: the gitleaks rules a lenient rule widens; disabling one of
	// them disables the widening too.
	widens []string
}

var extraRules = []extraRule{
	{
		id: RuleURLCredentials,
		// scheme://user:password@host, any scheme; the user may be empty
		// (redis://:pw@host). The secret is user:password; the host comes
		// after the last '@', as net/url and browsers read it.
		re:       `(?i)\b[a-z][a-z0-9+.\-]{1,30}://(([^\s:/?#@"'<>\\]{0,128}):([^\s/?#"'<>\\]{1,256}))@[a-z0-9\[]`,
		keywords: []string{"://"},
		group:    1,
		check: func(s string) bool {
			_, pw, _ := strings.Cut(s, ":")
			return !placeholder(pw)
		},
	},
	{
		id: "mcpmesh-github-token-lenient", widens: []string{"github-pat", "github-oauth", "github-app-token", "github-refresh-token"},
		re:       `\b((?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{30,48})\b`,
		keywords: []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_"},
		entropy:  3, lenient: true,
	},
	{
		id: "mcpmesh-github-fine-grained-pat-lenient", widens: []string{"github-fine-grained-pat"},
		re:       `\b(github_pat_[0-9A-Za-z_]{60,100})\b`,
		keywords: []string{"github_pat_"},
		entropy:  3, lenient: true,
	},
	{
		id: "mcpmesh-slack-token-lenient", widens: []string{"slack-bot-token", "slack-user-token", "slack-app-token", "slack-legacy-token", "slack-legacy-bot-token", "slack-legacy-workspace-token", "slack-config-access-token", "slack-config-refresh-token"},
		re:       `\b(xox[bpaesr]-[0-9A-Za-z-]{10,250})\b`,
		keywords: []string{"xoxb-", "xoxp-", "xoxa-", "xoxe-", "xoxs-", "xoxr-"},
		entropy:  3, lenient: true, check: mixed,
	},
	{
		id: "mcpmesh-openai-key-lenient", widens: []string{"openai-api-key", "anthropic-api-key", "anthropic-admin-api-key"},
		// sk-, sk-proj-, sk-svcacct-, sk-admin-, sk-ant- (Anthropic) keys
		// of any length from 20 on; letters and digits both required.
		re:       `\b(sk-[A-Za-z0-9_-]{20,200})\b`,
		keywords: []string{"sk-"},
		entropy:  3.5, lenient: true, check: mixed,
	},
	{
		id: "mcpmesh-aws-access-key-lenient", widens: []string{"aws-access-token"},
		re:       `\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{12,20})\b`,
		keywords: []string{"akia", "asia", "abia", "acca", "a3t"},
		entropy:  3, lenient: true, check: mixed,
	},
	{
		id: "mcpmesh-gcp-api-key-lenient", widens: []string{"gcp-api-key"},
		re:       `\b(AIza[0-9A-Za-z_-]{30,40})\b`,
		keywords: []string{"aiza"},
		entropy:  3, lenient: true,
	},
	{
		id: "mcpmesh-gitlab-token-lenient", widens: []string{"gitlab-pat", "gitlab-deploy-token", "gitlab-ptt", "gitlab-rrt", "gitlab-cicd-job-token", "gitlab-oauth-app-secret", "gitlab-scim-token", "gitlab-feature-flag-client-token", "gitlab-incoming-mail-token", "gitlab-kubernetes-agent-token"},
		re:       `\b(gl(?:pat|dt|ptt|rt|cbt|oas|soat|ffct|imt|agent)-[0-9A-Za-z_-]{16,64})\b`,
		keywords: []string{"glpat-", "gldt-", "glptt-", "glrt-", "glcbt-", "gloas-", "glsoat-", "glffct-", "glimt-", "glagent-"},
		entropy:  3, lenient: true,
	},
}

// mixed reports whether s holds both a letter and a digit: vendor prefixes
// such as "sk-" and "xoxb-" also start words and slugs.
func mixed(s string) bool {
	return strings.ContainsAny(s, "0123456789") &&
		strings.ContainsFunc(s, func(r rune) bool { return r < utf8.RuneSelf && isLetterByte(byte(r)) })
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// secretNameSuffixes: a name (lower case, separators removed) that ends
// with one of these names a secret. A bare "key" does not (object keys,
// cache keys, i18n keys); "pass" and "auth" only as the whole name or
// after a prefix listed in secretNameExact.
var secretNameSuffixes = []string{
	"password", "passwd", "passphrase", "pwd", "secret", "token", "apikey", "accesskey", "secretkey",
	"privatekey", "signingkey", "encryptionkey", "masterkey", "clientsecret", "authorization",
	"credential", "credentials", "creds", "authkey", "sessionkey", "bearer",
}

var secretNameExact = map[string]bool{
	"pass": true, "dbpass": true, "userpass": true, "smtppass": true, "mailpass": true, "rootpass": true, "adminpass": true, "auth": true, "basicauth": true, "xauth": true,
}

// notSecretNames end like secret names but hold no credential: paging
// cursors, progress and idempotency tokens.
var notSecretNames = []string{
	"pagetoken", "nexttoken", "continuationtoken", "synctoken", "resumetoken", "cursortoken",
	"paginationtoken", "prevtoken", "previoustoken", "starttoken", "tokentype", "maxtoken",
	"progresstoken",                                        // MCP's _meta.progressToken
	"clienttoken", "idempotencytoken", "cancellationtoken", // request ids by another name
}

// secretName reports whether a member or variable name says its value is
// a secret; case and separators (_ - . space) are ignored.
func secretName(name string) bool {
	if len(name) < 3 || len(name) > 64 {
		return false
	}
	var buf [64]byte
	n := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_' || c == '-' || c == '.' || c == ' ':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= utf8.RuneSelf:
			// "pass\u200bword" is a password member: invisible characters
			// are ignored in names as in values.
			r, w := utf8.DecodeRuneInString(name[i:])
			if !invisible(r) {
				return false
			}
			i += w - 1
			continue
		}
		buf[n] = c
		n++
	}
	norm := string(buf[:n])
	if secretNameExact[norm] {
		return true
	}
	for _, x := range notSecretNames {
		if strings.HasSuffix(norm, x) {
			return false
		}
	}
	for _, suf := range secretNameSuffixes {
		if strings.HasSuffix(norm, suf) {
			return true
		}
	}
	return false
}

// Thresholds of credentialLike.
const (
	minSecretLen     = 8
	maxSecretLen     = 4096
	minSecretEntropy = 2.5 // bits per character
)

// placeholderWords in a value (lower case, separators kept) mark it as a
// stand-in, not a credential.
var placeholderWords = []string{
	"redacted", "changeme", "change_me", "change-me", "placeholder", "example", "dummy", "sample",
	"xxxx", "****", "....", "your_", "your-", "yourpass", "yourtoken", "yoursecret", "yourkey",
	"<", ">", "${", "{{", "%(", "$(", "process.env", "os.environ", "getenv", "secretref", "vault:",
	"notset", "not_set", "not-set", "todo", "fixme", "replace", "insert",
}

var placeholderValues = map[string]bool{
	"true": true, "false": true, "null": true, "none": true, "nil": true, "undefined": true,
	"n/a": true, "required": true, "optional": true, "string": true, "hidden": true, "masked": true,
	"password": true, "secret": true, "token": true, "empty": true, "default": true, "unset": true,
}

// placeholder reports whether v is a stand-in for a credential: empty, a
// known dummy, a template or variable reference, or masked.
func placeholder(v string) bool {
	if v == "" {
		return true
	}
	l := strings.ToLower(v)
	if placeholderValues[l] || l[0] == '$' || l[0] == '%' {
		return true
	}
	same := true
	for i := 1; i < len(l); i++ {
		if l[i] != l[0] {
			same = false
			break
		}
	}
	if same {
		return true
	}
	for _, w := range placeholderWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// credentialLike decides whether a value named as a secret is one: at
// least minSecretLen characters without white space (after an optional
// "Bearer "/"Basic "/"Token " scheme), not a placeholder, not a path or
// URL, at least two kinds of character (lower case, upper case past the
// first character, digits, symbols other than _ - .) and an entropy of
// minSecretEntropy bits per character.
func credentialLike(v string) bool {
	v = strings.TrimSpace(v)
	for _, scheme := range []string{"Bearer ", "bearer ", "Basic ", "basic ", "Token ", "token "} {
		if strings.HasPrefix(v, scheme) {
			v = strings.TrimSpace(v[len(scheme):])
			break
		}
	}
	if len(v) < minSecretLen || len(v) > maxSecretLen || strings.ContainsAny(v, " \t\r\n") {
		return false
	}
	if placeholder(v) {
		return false
	}
	switch {
	case strings.Contains(v, "://"), v[0] == '/', strings.HasPrefix(v, "./"), strings.HasPrefix(v, "~/"),
		strings.HasPrefix(v, "arn:"), strings.HasPrefix(v, "projects/"), strings.ContainsAny(v, "()"):
		return false // a reference to where the secret is, not the secret
	}
	var lower, upper, digit, sym bool
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case 'a' <= c && c <= 'z':
			lower = true
		case 'A' <= c && c <= 'Z':
			upper = upper || i > 0
		case '0' <= c && c <= '9':
			digit = true
		case c == '_' || c == '-' || c == '.':
		default:
			sym = true
		}
	}
	kinds := 0
	for _, k := range []bool{lower, upper, digit, sym} {
		if k {
			kinds++
		}
	}
	return kinds >= 2 && entropy(v) >= minSecretEntropy
}

// contextKeywords select the places where a KEY=value context is looked
// for in text; every secret name contains one of them.
var contextKeywords = []string{"pass", "pwd", "secret", "token", "key", "auth", "cred", "bearer"}

func isNameByte(c byte) bool { return isWordByte(c) || c == '-' || c == '.' }

// contextAt reads a "name <sep> value" around the keyword at p of text:
// the name is the run of name bytes around p, then optional closing quotes
// (escaped ones too), blanks, one of = : := => ?=, blanks, an optional
// opening quote and the value up to its closing quote, or up to a blank or
// one of , ; & } ] ) for an unquoted one. It returns the value's range and
// the end of the name (where the next look may start).
func contextAt(text string, p int) (start, end, nameEnd int, ok bool) {
	a, b := p, p
	for a > 0 && isNameByte(text[a-1]) {
		a--
	}
	for b < len(text) && isNameByte(text[b]) {
		b++
	}
	nameEnd = b
	i := b
	for i < len(text) && (text[i] == '"' || text[i] == '\'' || text[i] == '\\' || text[i] == ']') {
		i++ // closing quotes, escaped ones, and $cfg['db_password']
	}
	// The name as the value of a name member, the value in the next one:
	// key="ClientSecret" value="..." (XML settings), "name": "DB_PASSWORD",
	// "value": "..." (Kubernetes env in JSON text).
	if j := valueMember(text, i); j > i {
		i = j
	}
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i == len(text) || text[i] != '=' && text[i] != ':' && text[i] != '?' {
		return 0, 0, nameEnd, false // most keyword hits: a word in prose or code
	}
	switch {
	case strings.HasPrefix(text[i:], ":="), strings.HasPrefix(text[i:], "=>"), strings.HasPrefix(text[i:], "?="):
		i += 2
	case i < len(text) && (text[i] == '=' || text[i] == ':'):
		i++
	default:
		return 0, 0, nameEnd, false
	}
	if !secretName(text[a:b]) { // after the cheaper separator test
		return 0, 0, nameEnd, false
	}
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	var quote byte
	if i < len(text) && text[i] == '\\' && i+1 < len(text) && (text[i+1] == '"' || text[i+1] == '\'') {
		i++ // an escaped quote: JSON text inside a JSON string
	}
	if i < len(text) && (text[i] == '"' || text[i] == '\'' || text[i] == '`') {
		quote = text[i]
		i++
	}
	start = i
	if quote == 0 {
		// Authorization: Bearer <token>: the scheme is part of the value.
		for _, scheme := range []string{"bearer ", "basic ", "token "} {
			if len(text)-i > len(scheme) && strings.EqualFold(text[i:i+len(scheme)], scheme) {
				i += len(scheme)
				break
			}
		}
	}
	for i < len(text) && i-start <= maxSecretLen {
		c := text[i]
		if quote != 0 {
			if c == quote || c == '\\' && i+1 < len(text) && text[i+1] == quote || c == '\n' {
				break
			}
			if c == '\\' && i+1 < len(text) {
				// an escape is one unit: the value of "pw":"…\\" ends
				// before the quote, with its escaped backslash whole, so a
				// redaction never cuts an escape of JSON text in two
				i += 2
				continue
			}
		} else if c <= ' ' || strings.IndexByte(`,;&}])"'<(`, c) >= 0 || c == '\\' {
			break
		}
		i++
	}
	if quote == 0 && (i < len(text) && text[i] == '(' || reference(text[start:i])) {
		return 0, 0, nameEnd, false // code: token := r.Header.Get(...), pw = cfg.db.password
	}
	if !credentialLike(text[start:i]) {
		return 0, 0, nameEnd, false
	}
	// Redact the whole value, scheme included ("Bearer ...").
	return start, i, nameEnd, true
}

// valueMember returns where the separator after a "value" member name
// that follows at i (after a comma, blanks and quotes) can be; i when none
// follows.
func valueMember(text string, i int) int {
	j := i
	for j < len(text) && j-i < 32 && strings.IndexByte(",\" '\t\r\n\\", text[j]) >= 0 {
		j++
	}
	if j == i || len(text)-j < 5 || !strings.EqualFold(text[j:j+5], "value") {
		return i
	}
	j += 5
	for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == '\\') {
		j++
	}
	return j
}

// reference reports whether an unquoted value is a dotted chain of
// identifiers (settings.SECRET_KEY, self.token): a variable, not a value.
func reference(v string) bool {
	if !strings.Contains(v, ".") {
		return false
	}
	for part := range strings.SplitSeq(v, ".") {
		if part == "" || !isLetterByte(part[0]) && part[0] != '_' {
			return false
		}
		for i := 0; i < len(part); i++ {
			if !isWordByte(part[i]) || '0' <= part[i] && part[i] <= '9' {
				return false
			}
		}
	}
	return true
}

// invisible reports whether r is a character that renders as nothing and
// can be slipped into a token to split it: zero-width space, joiners and
// marks, bidi controls, soft hyphen, word joiner and invisible operators,
// BOM, Mongolian vowel separator, and tag characters.
func invisible(r rune) bool {
	switch {
	case r == 0xAD, r == 0x180E, r == 0xFEFF, r == 0x034F:
		return true
	case 0x200B <= r && r <= 0x200F, 0x202A <= r && r <= 0x202E, 0x2060 <= r && r <= 0x2064,
		0x2066 <= r && r <= 0x206F, 0xE0000 <= r && r <= 0xE007F:
		return true
	}
	return false
}

// invisibleLead marks the bytes that start the UTF-8 form of an invisible
// character.
var invisibleLead = [256]bool{0xC2: true, 0xCD: true, 0xE1: true, 0xE2: true, 0xEF: true, 0xF3: true}

// mayHoldInvisible is a quick test: ASCII text is passed eight bytes at a
// time, and only a non-ASCII word is looked at byte by byte.
func mayHoldInvisible(s string) bool {
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if invisibleLead[s[j]] {
				return true
			}
		}
	}
	for ; i < len(s); i++ {
		if invisibleLead[s[i]] {
			return true
		}
	}
	return false
}

// stripInvisible returns s without invisible characters and, when it
// removed any, the offset in s of each byte of the result (and of its end).
func stripInvisible(s string, idx []int32, buf []byte) (string, []int32, []byte) {
	if !mayHoldInvisible(s) {
		return s, nil, buf
	}
	first := -1
	for i, r := range s {
		if r >= 0x80 && invisible(r) {
			first = i
			break
		}
	}
	if first < 0 {
		return s, nil, buf
	}
	buf = append(buf[:0], s[:first]...)
	idx = idx[:0]
	for i := range first {
		idx = append(idx, int32(i))
	}
	for i := first; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !invisible(r) {
			for j := range w {
				buf = append(buf, s[i+j])
				idx = append(idx, int32(i+j))
			}
		}
		i += w
	}
	idx = append(idx, int32(len(s)))
	return string(buf), idx, buf
}

// unmap converts a range of the stripped text back to s: the start of its
// first byte to the end of its last, so the invisible characters inside
// are covered too.
func unmap(idx []int32, start, end int) (int, int) {
	return int(idx[start]), int(idx[end-1]) + 1
}
