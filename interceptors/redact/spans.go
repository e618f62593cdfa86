package redact

import (
	"cmp"
	"slices"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// Span is a byte range [Start, End) of a string that Apply replaces with
// Label(Rule).
type Span struct {
	Start, End int
	Rule       string
}

// Label is the text that replaces a match of rule: "[REDACTED:<rule>]".
func Label(rule string) string { return "[REDACTED:" + rule + "]" }

// Apply returns s with every span replaced by its label. Spans may be given
// in any order; spans that overlap or touch are merged into one, labelled
// with the rule of the span that starts first (the earliest given among
// equal starts). Spans are clipped to s.
//
// When s is itself a JSON text (it starts with '{' or '[' after
// whitespace, and is valid) and plain splicing would break it, Apply keeps
// every double quote and escape sequence of s inside the spans and replaces
// only the runs of other bytes between them. The secret is gone either way;
// the inner document stays valid when the matches lay inside its strings,
// which is where credentials and personal data are found.
func Apply(s string, spans []Span) string {
	if len(spans) == 0 {
		return s
	}
	merged := merge(s, spans)
	out := splice(s, merged, false)
	if looksLikeJSON(s) && !jsontext.Value(out).IsValid() && jsontext.Value(s).IsValid() {
		out = splice(s, merged, true)
	}
	return out
}

func merge(s string, spans []Span) []Span {
	sorted := make([]Span, 0, len(spans))
	for _, sp := range spans {
		sp.Start, sp.End = max(sp.Start, 0), min(sp.End, len(s))
		if sp.Start < sp.End {
			sorted = append(sorted, sp)
		}
	}
	slices.SortStableFunc(sorted, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	out := sorted[:0]
	for _, sp := range sorted {
		if n := len(out); n > 0 && sp.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

func splice(s string, spans []Span, keepSyntax bool) string {
	var b strings.Builder
	b.Grow(len(s) + 32*len(spans))
	last := 0
	for _, sp := range spans {
		if sp.Start < last { // an escape kept from the previous span reached into this one
			sp.Start = last
			if sp.Start >= sp.End {
				continue
			}
		}
		b.WriteString(s[last:sp.Start])
		label := Label(sp.Rule)
		if !keepSyntax {
			b.WriteString(label)
			last = sp.End
			continue
		}
		inRun := false
		i := sp.Start
		for i < sp.End {
			switch c := s[i]; c {
			case '"':
				b.WriteByte(c)
				inRun = false
				i++
			case '\\':
				n := 2
				if i+1 < len(s) && s[i+1] == 'u' {
					n = 6
				}
				n = min(n, len(s)-i)
				b.WriteString(s[i : i+n])
				inRun = false
				i += n
			default:
				if !inRun {
					b.WriteString(label)
					inRun = true
				}
				i++
			}
		}
		last = i
	}
	b.WriteString(s[last:])
	return b.String()
}

func looksLikeJSON(s string) bool {
	t := strings.TrimLeft(s, " \t\r\n")
	return t != "" && (t[0] == '{' || t[0] == '[')
}

// appendApplied appends the JSON quoting of Apply(s, spans) without
// building that string first: in the common case (s is not a JSON text
// that a plain splice could break) the runs of s between the spans and
// the labels are quoted straight into dst. Labels are ASCII, so quoting in
// pieces is quoting the whole, even where a span cuts a character.
func appendApplied(dst []byte, s string, spans []Span) []byte {
	if looksLikeJSON(s) {
		return jsonrpc.AppendQuote(dst, Apply(s, spans), jsonrpc.Minimal)
	}
	dst = append(dst, '"')
	last := 0
	for _, sp := range merge(s, spans) {
		dst = jsonrpc.AppendQuoted(dst, s[last:sp.Start], jsonrpc.Minimal)
		dst = jsonrpc.AppendQuoted(dst, Label(sp.Rule), jsonrpc.Minimal)
		last = sp.End
	}
	return append(jsonrpc.AppendQuoted(dst, s[last:], jsonrpc.Minimal), '"')
}

// appendQuote quotes s as jsontext does: a rewritten string is escaped no
// more than it must be.
func appendQuote(dst []byte, s string) []byte { return jsonrpc.AppendQuote(dst, s, jsonrpc.Minimal) }
