package egress

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/redact"
)

// CredentialGuard redacts the secrets the sidecar adds to the server's
// outbound requests wherever they show up in MCP messages, in both
// directions: a server that echoes a request header back, or an agent that
// learnt one somehow, cannot move it through the mesh. It knows the current
// value of every credential file and the few before it.
type CredentialGuard struct {
	files  *SecretFiles
	tokens *Tokens
	paths  []string
	creds  []Credential
}

var _ interceptors.Interceptor = (*CredentialGuard)(nil)

// NewCredentialGuard guards the credentials of n; nil when it has none.
func NewCredentialGuard(n *Network, files *SecretFiles, tokens *Tokens) *CredentialGuard {
	if n == nil || len(n.Credentials) == 0 {
		return nil
	}
	g := &CredentialGuard{files: files, tokens: tokens, creds: n.Credentials}
	for _, c := range n.Credentials {
		if c.SecretFile != "" {
			g.paths = append(g.paths, c.SecretFile)
		}
	}
	return g
}

// Name implements interceptors.Interceptor.
func (g *CredentialGuard) Name() string { return Name }

// Intercept implements interceptors.Interceptor.
func (g *CredentialGuard) Intercept(ctx context.Context, x *interceptors.Exchange) error {
	known := g.files.Known(g.paths)
	if g.tokens != nil {
		known = append(known, g.tokens.Known(g.creds)...)
	}
	if len(known) == 0 {
		return nil
	}
	return redact.Inspect(ctx, x, Name, redact.Options{}, func(_ interceptors.Direction, _ string, _ []string, s string, dst []redact.Detection) []redact.Detection {
		// The text as written, then as a JSON string inside it would read
		// (a document embedded in a string, escapes such as \u002d or \/
		// undone), up to three levels deep: a server picks the encoding.
		view, index := s, []int(nil)
		for level := 0; ; level++ {
			dst = findAll(dst, view, index, known)
			if level == 2 || strings.IndexByte(view, '\\') < 0 {
				return dst
			}
			view, index = unescapeView(view, index)
		}
	})
}

// findAll appends a detection for every occurrence of each value in view,
// mapped back to the original string through index (nil: view is it).
func findAll(dst []redact.Detection, view string, index []int, values []string) []redact.Detection {
	for _, v := range values {
		if v == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(view[off:], v)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(v)
			if index != nil {
				start, end = index[start], index[end]
			}
			dst = append(dst, redact.Detection{Start: start, End: end, Rule: RuleNetworkCredential, Action: interceptors.ActionRedact, Mode: interceptors.Enforce})
			off += i + len(v)
		}
	}
	return dst
}

// unescapeView reads s as the inside of a JSON string literal, undoing its
// escapes, and returns the text with, for every byte of it and one past the
// end, the offset in the original string (through index, when s is itself
// a view) where that byte's source starts. Malformed escapes stay as they
// are.
func unescapeView(s string, index []int) (string, []int) {
	orig := func(i int) int {
		if index == nil {
			return i
		}
		return index[i]
	}
	var b strings.Builder
	out := make([]int, 0, len(s)+1)
	emit := func(text string, from int) {
		b.WriteString(text)
		for range len(text) {
			out = append(out, orig(from))
		}
	}
	for i := 0; i < len(s); {
		if s[i] != '\\' || i+1 >= len(s) {
			emit(s[i:i+1], i)
			i++
			continue
		}
		switch c := s[i+1]; c {
		case '"', '\\', '/':
			emit(string(c), i)
			i += 2
		case 'b', 'f', 'n', 'r', 't':
			emit(string("\b\f\n\r\t"[strings.IndexByte("bfnrt", c)]), i)
			i += 2
		case 'u':
			r, n := unicodeEscape(s[i:])
			if n == 0 {
				emit(s[i:i+1], i)
				i++
				continue
			}
			emit(string(r), i)
			i += n
		default:
			emit(s[i:i+1], i)
			i++
		}
	}
	out = append(out, orig(len(s)))
	return b.String(), out
}

// unicodeEscape reads "\uXXXX" (and a following low surrogate) at the start
// of s; n is the number of bytes read, 0 when it is not one.
func unicodeEscape(s string) (rune, int) {
	hex := func(t string) (rune, bool) {
		if len(t) < 6 || t[0] != '\\' || t[1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(t[2:6], 16, 16)
		return rune(v), err == nil
	}
	r, ok := hex(s)
	if !ok {
		return 0, 0
	}
	if utf16.IsSurrogate(r) {
		if lo, ok := hex(s[6:]); ok {
			if d := utf16.DecodeRune(r, lo); d != utf8.RuneError {
				return d, 12
			}
		}
		return 0, 0
	}
	return r, 6
}
