package redact

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// Detection is one match of a content rule in a string value.
type Detection struct {
	// Start and End are the byte range of the match in the string; for a
	// redaction, the range that is replaced.
	Start, End int
	// Rule names the rule in findings and in "[REDACTED:<rule>]".
	Rule   string
	Action interceptors.RuleAction
	Mode   interceptors.Mode
}

// Detector appends to dst the detections in s, a string value at path
// under field ("params", "result" or "error") of a message travelling in
// direction dir. path and s are valid only during the call.
type Detector func(dir interceptors.Direction, field string, path []string, s string, dst []Detection) []Detection

// Options change what Inspect reads.
type Options struct {
	// SkipBinary leaves out the string values of members "data" and "blob"
	// of an object that also has a "mimeType" member: MCP image and audio
	// content and blob resource contents, which are base64 and would only
	// be corrupted by a replacement.
	SkipBinary bool
}

// MaxFindings bounds the findings that one interceptor reports for one
// message; one more finding then tells how many were left out. Findings of
// enforced blocks come first, so a refusal is never lost to the bound.
const MaxFindings = 32

// Inspect runs detect over the fields of x.Message that carry content and
// acts on what it finds:
//
//   - to the server (requests, notifications, and the client's answers to
//     server requests): params, result and error;
//   - to the client (responses, server notifications and server requests):
//     result, error and params.
//
// Every detection becomes a Finding of interceptor name (at most one per
// rule and place). An enforced block refuses the message (x.Report does);
// enforced redactions replace the matches with "[REDACTED:<rule>]" and
// forward the rewritten message with x.Replace. Detections in audit mode,
// and audit actions, only report. Findings name the rule and the path,
// never the matched text.
func Inspect(_ context.Context, x *interceptors.Exchange, name string, opts Options, detect Detector) error {
	m := x.Message
	fields := [...]struct {
		name string
		v    jsontext.Value
	}{{"params", m.Params}, {"result", m.Result}, {"error", m.Error}}

	var (
		cp       *jsonrpc.Message
		findings []interceptors.Finding
		seen     map[findingKey]bool
		dets     []Detection
		spans    []Span
		redacted []string // rules that replaced something
		nRedact  int
	)
	for _, fd := range fields {
		if fd.v == nil {
			continue
		}
		out, changed, err := rewrite(fd.v, opts.SkipBinary, func(path []string, s string) (edit, bool) {
			dets = detect(x.Direction, fd.name, path, s, dets[:0])
			if len(dets) == 0 {
				return edit{}, false
			}
			where := Where(fd.name, path)
			spans = spans[:0]
			for _, d := range dets {
				mode := d.Mode
				if mode == "" {
					mode = interceptors.Enforce
				}
				key := findingKey{d.Action, mode, d.Rule, where}
				if !seen[key] {
					if seen == nil {
						seen = map[findingKey]bool{}
					}
					seen[key] = true
					findings = append(findings, interceptors.Finding{
						Interceptor: name,
						Rule:        d.Rule,
						Action:      string(d.Action),
						Mode:        string(mode),
						Where:       where,
						Detail:      d.Rule + " at " + where,
					})
				}
				if mode == interceptors.Enforce && d.Action == interceptors.ActionRedact {
					spans = append(spans, Span{Start: d.Start, End: d.End, Rule: d.Rule})
					if !slices.Contains(redacted, d.Rule) {
						redacted = append(redacted, d.Rule)
					}
				}
			}
			if len(spans) == 0 {
				return edit{}, false
			}
			nRedact += len(spans)
			return edit{spans: spans}, true
		})
		if err != nil {
			return fmt.Errorf("%s: %s: %w", name, fd.name, err)
		}
		if changed {
			if cp == nil {
				c := *m
				cp = &c
			}
			switch fd.name {
			case "params":
				cp.Params = out
			case "result":
				cp.Result = out
			case "error":
				cp.Error = out
			}
		}
	}
	report(x, name, findings)
	if cp != nil && x.Action != interceptors.Deny {
		x.Replace(cp, name, fmt.Sprintf("%s: redacted %d match(es) of %s", name, nRedact, strings.Join(redacted, ", ")))
	}
	return nil
}

// findingKey is what makes a finding distinct: one per rule, action, mode
// and place, however often the rule matches there.
type findingKey struct {
	action      interceptors.RuleAction
	mode        interceptors.Mode
	rule, where string
}

func report(x *interceptors.Exchange, name string, findings []interceptors.Finding) {
	if len(findings) > MaxFindings {
		blocks := func(f interceptors.Finding) bool {
			return f.Mode == string(interceptors.Enforce) && f.Action == string(interceptors.ActionBlock)
		}
		slices.SortStableFunc(findings, func(a, b interceptors.Finding) int {
			switch ab, bb := blocks(a), blocks(b); {
			case ab && !bb:
				return -1
			case bb && !ab:
				return 1
			}
			return 0
		})
	}
	for i, f := range findings {
		if i == MaxFindings {
			x.Report(interceptors.Finding{
				Interceptor: name, Rule: "more", Action: string(interceptors.ActionAudit), Mode: string(interceptors.AuditOnly),
				Detail: fmt.Sprintf("%d more finding(s) not listed", len(findings)-MaxFindings),
			})
			break
		}
		x.Report(f)
	}
}

// maxSegment bounds one path segment in a finding: member names come from
// the peer and may be long.
const maxSegment = 64

// Where names the place of a string value: the field, then the path,
// joined with dots ("params.arguments.token", "result.content.0.text").
func Where(field string, path []string) string {
	n := len(field)
	for _, p := range path {
		n += 1 + min(len(p), maxSegment+3)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(field)
	for _, p := range path {
		b.WriteByte('.')
		if len(p) > maxSegment {
			cut := maxSegment
			for cut > 0 && p[cut]&0xC0 == 0x80 { // keep whole UTF-8 sequences
				cut--
			}
			b.WriteString(p[:cut])
			b.WriteString("...")
			continue
		}
		b.WriteString(p)
	}
	return b.String()
}
