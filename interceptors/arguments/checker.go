// Package arguments checks the arguments of tools/call requests before the
// MCP server sees them.
//
// Two kinds of checks exist, both compiled once from policy:
//
//   - schema: the arguments are validated against the tool's inputSchema as
//     the server last listed it in tools/list (kept in a Catalog, which
//     outlives policy versions);
//   - rules: per tool pattern and argument path, constraints such as
//     allowed path prefixes, regexes, lengths, enums and a JSON Schema.
//
// Each violation becomes an interceptors.Finding; enforced ones refuse the
// call, audit-mode ones are only recorded.
package arguments

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/argpath"
	"github.com/mcpmesh/mcpmesh/interceptors/toolglob"
)

// Name is the interceptor's name in findings.
const Name = "arguments"

// Rule names used in findings.
const (
	RuleSchema      = "arguments.schema"
	RuleUnknownTool = "arguments.unknownTool"
	RuleCatalog     = "arguments.catalog" // a tools/list result whose schemas cannot be used
)

// Bounds on what one message can add to the audit record.
const (
	maxFindings     = 32  // per message; an enforced block is recorded even past it
	maxSchemaErrors = 4   // leaf errors reported per schema validation
	maxDetail       = 200 // characters of a finding's detail
)

// Checker is the compiled form of Policy. It implements
// interceptors.Interceptor.
type Checker struct {
	cat          *Catalog
	schemaMode   string // "", "enforce" or "audit"
	checkUnknown bool   // the schema check is on
	unknown      string // "block" or "audit"
	rules        []rule
}

var _ interceptors.Interceptor = (*Checker)(nil)

// rule is the compiled form of one Rule.
type rule struct {
	tool     toolglob.Pattern
	path     argpath.Path
	mode     string
	required bool
	schema   *jsonschema.Schema
	fast     *fastNode // schema's allocation-free check
	allow    []*regexp.Regexp
	deny     []*regexp.Regexp
	prefixes []prefix
	// prefixDetail is the detail of a path outside every prefix.
	prefixDetail string
	maxLength    int
	maxBytes     int
	enum         map[string]struct{} // canonical forms
	stringOnly   bool                // allow, deny, pathPrefixes or maxLength is set

	// Finding rule names, e.g. "arguments.rules[0].pathPrefixes".
	nRequired, nSchema, nAllow, nDeny, nPrefixes, nMaxLength, nMaxBytes, nEnum string
	denyDetail                                                                 []string
}

type prefix struct {
	clean  string // "/srv/data"
	slashB []byte // "/srv/data/"; "/" for the root
}

// New compiles a: tool globs, regexes, schemas, path prefixes and the
// canonical forms of enum values. cat may be nil when a uses no schema
// check; tools/list results are then not learned either.
func New(a Policy, cat *Catalog) (*Checker, error) {
	c := &Checker{cat: cat}
	switch a.Schema {
	case "", interceptors.Enforce, interceptors.AuditOnly:
		c.schemaMode = string(a.Schema)
	default:
		return nil, fmt.Errorf("arguments.schema: mode must be %q or %q, not %q", interceptors.Enforce, interceptors.AuditOnly, a.Schema)
	}
	switch a.UnknownTool {
	case "":
		c.unknown = string(interceptors.ActionAudit)
	case interceptors.ActionBlock, interceptors.ActionAudit:
		c.unknown = string(a.UnknownTool)
	default:
		return nil, fmt.Errorf("arguments.unknownTool: must be %q or %q, not %q", interceptors.ActionBlock, interceptors.ActionAudit, a.UnknownTool)
	}
	// Without a schema check there is nothing a listing would make known,
	// so the unknown-tool decision goes with it.
	c.checkUnknown = c.schemaMode != ""
	if c.checkUnknown && cat == nil {
		return nil, fmt.Errorf("arguments: the schema check needs a catalog")
	}
	for i, ar := range a.Rules {
		r, err := compileRule("arguments.rules["+strconv.Itoa(i)+"]", ar)
		if err != nil {
			return nil, fmt.Errorf("arguments.rules[%d]: %w", i, err)
		}
		c.rules = append(c.rules, r)
	}
	return c, nil
}

// NewRules compiles argument rules alone (no schema check), their findings
// named prefix[i]: the rules a clients entry adds for its agents.
func NewRules(rules []Rule, prefix string) (*Checker, error) {
	c := &Checker{unknown: string(interceptors.ActionAudit)}
	for i, ar := range rules {
		name := prefix + "[" + strconv.Itoa(i) + "]"
		r, err := compileRule(name, ar)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		c.rules = append(c.rules, r)
	}
	return c, nil
}

func compileRule(base string, ar Rule) (rule, error) {
	var r rule
	var err error
	if r.tool, err = toolglob.Compile(ar.Tool); err != nil {
		return r, err
	}
	var ok bool
	if r.path, ok = argpath.Parse(ar.Argument); !ok {
		return r, fmt.Errorf("argument %q: a dotted path of non-empty segments is required", ar.Argument)
	}
	switch ar.Mode {
	case "":
		r.mode = string(interceptors.Enforce)
	case interceptors.Enforce, interceptors.AuditOnly:
		r.mode = string(ar.Mode)
	default:
		return r, fmt.Errorf("mode must be %q or %q, not %q", interceptors.Enforce, interceptors.AuditOnly, ar.Mode)
	}
	r.required = ar.Required
	if len(ar.Schema) > 0 {
		if r.schema, err = compileSchema(ar.Schema); err != nil {
			return r, fmt.Errorf("schema: %w", err)
		}
		r.fast = buildFast(r.schema)
	}
	for _, p := range ar.Allow {
		re, err := regexp.Compile(p)
		if err != nil {
			return r, fmt.Errorf("allow %q: %w", p, err)
		}
		r.allow = append(r.allow, re)
	}
	for j, p := range ar.Deny {
		re, err := regexp.Compile(p)
		if err != nil {
			return r, fmt.Errorf("deny %q: %w", p, err)
		}
		r.deny = append(r.deny, re)
		r.denyDetail = append(r.denyDetail, fmt.Sprintf("matches denied pattern deny[%d]", j))
	}
	var shown []string
	for _, p := range ar.PathPrefixes {
		if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\x00\\") {
			return r, fmt.Errorf("path prefix %q: must be an absolute path, without NUL or backslash", p)
		}
		clean := path.Clean(p)
		pre := prefix{clean: clean, slashB: []byte(clean + "/")}
		if clean == "/" {
			pre.slashB = []byte("/")
		}
		r.prefixes = append(r.prefixes, pre)
		shown = append(shown, clean)
	}
	if len(shown) > 0 {
		r.prefixDetail = clip("path is not under an allowed prefix ("+strings.Join(shown, ", ")+")", maxDetail)
	}
	if ar.MaxLength < 0 || ar.MaxBytes < 0 {
		return r, fmt.Errorf("maxLength and maxBytes must not be negative")
	}
	r.maxLength, r.maxBytes = ar.MaxLength, ar.MaxBytes
	if len(ar.Enum) > 0 {
		r.enum = make(map[string]struct{}, len(ar.Enum))
		for j, v := range ar.Enum {
			if !jsontext.Value(v).IsValid() {
				return r, fmt.Errorf("enum[%d]: not a valid JSON value", j)
			}
			cv, err := canonical(nil, bytes.TrimSpace(v))
			if err != nil {
				return r, fmt.Errorf("enum[%d]: %w", j, err)
			}
			r.enum[string(cv)] = struct{}{}
		}
	}
	r.stringOnly = len(r.allow) > 0 || len(r.deny) > 0 || len(r.prefixes) > 0 || r.maxLength > 0

	r.nRequired, r.nSchema = base+".required", base+".schema"
	r.nAllow, r.nDeny, r.nPrefixes = base+".allow", base+".deny", base+".pathPrefixes"
	r.nMaxLength, r.nMaxBytes, r.nEnum = base+".maxLength", base+".maxBytes", base+".enum"
	return r, nil
}

// Name implements interceptors.Interceptor.
func (c *Checker) Name() string { return Name }

// Intercept implements interceptors.Interceptor.
func (c *Checker) Intercept(_ context.Context, x *interceptors.Exchange) error {
	m := x.Message
	switch {
	case x.Direction == interceptors.ToClient:
		if c.cat != nil && x.Method == "tools/list" && m.IsResponse() && m.Result != nil {
			c.learn(x)
		}
		return nil
	case m.Method != "tools/call":
		return nil
	}
	// A tools/call request (or, should a client send one, notification).
	tool := x.Tool
	if tool != "" && !c.checkUnknown && !c.anyRule(tool) {
		return nil // nothing to check: no allocation
	}
	tc, err := x.ToolCall()
	if err != nil {
		return fmt.Errorf("tools/call params: %w", err)
	}
	tool = tc.Name
	args := tc.Arguments
	if args == nil {
		args = emptyObject
	}
	r := getRun(c, x)
	defer putRun(r)
	if c.checkUnknown {
		r.checkSchema(tool, args)
	}
	for i := range c.rules {
		ru := &c.rules[i]
		if !ru.tool.Match(tool) {
			continue
		}
		if err := r.applyRule(ru, args); err != nil {
			return fmt.Errorf("tools/call arguments: %w", err)
		}
	}
	r.finish()
	return nil
}

var emptyObject = jsontext.Value("{}")

func (c *Checker) anyRule(tool string) bool {
	for i := range c.rules {
		if c.rules[i].tool.Match(tool) {
			return true
		}
	}
	return false
}

// learn feeds a tools/list result to the catalog and records what could
// not be used. The message is never changed.
func (c *Checker) learn(x *interceptors.Exchange) {
	defs, err := x.ToolDefs()
	if err != nil {
		err = fmt.Errorf("%w: %v", ErrNotToolsList, err)
	} else {
		err = c.cat.LearnDefs(defs)
	}
	switch e := err.(type) {
	case nil:
	case LearnError:
		for i, te := range e {
			if i == maxFindings {
				x.Report(interceptors.Finding{Interceptor: Name, Rule: RuleCatalog, Action: string(interceptors.ActionAudit), Mode: string(interceptors.AuditOnly),
					Where: "result.tools", Detail: fmt.Sprintf("%d more tools with unusable inputSchema not listed", len(e)-i)})
				break
			}
			x.Report(interceptors.Finding{
				Interceptor: Name, Rule: RuleCatalog, Action: string(interceptors.ActionAudit), Mode: string(interceptors.AuditOnly),
				Where:  "result.tools." + strconv.Itoa(te.Index) + ".inputSchema",
				Detail: clip(fmt.Sprintf("tool %q: %s; calls to it get the unknown-tool treatment", te.Tool, te.Reason), maxDetail),
			})
		}
	default:
		x.Report(interceptors.Finding{
			Interceptor: Name, Rule: RuleCatalog, Action: string(interceptors.ActionAudit), Mode: string(interceptors.AuditOnly),
			Where: "result", Detail: clip("tools/list result not learned: "+err.Error(), maxDetail),
		})
	}
}

// run is the state of checking one tools/call. Runs are pooled, with the
// walker and buffers they use, so that a call that passes every check
// allocates nothing.
type run struct {
	c       *Checker
	x       *interceptors.Exchange
	n       int // findings recorded
	dropped int // findings left out past maxFindings

	w     walker  // selects the values of a rule
	fast  fastRun // scratch of the fast schema check and of unescaping
	canon []byte  // canonical form of an enum candidate
}

var runs = sync.Pool{New: func() any { return new(run) }}

func getRun(c *Checker, x *interceptors.Exchange) *run {
	r := runs.Get().(*run)
	r.c, r.x, r.n, r.dropped = c, x, 0, 0
	return r
}

func putRun(r *run) {
	r.c, r.x = nil, nil
	r.w.release()
	if cap(r.fast.scratch) > 64<<10 {
		r.fast.scratch = nil
	}
	if cap(r.canon) > 64<<10 {
		r.canon = nil
	}
	runs.Put(r)
}

// report records f, within the per-message bound. Past the bound, only a
// finding that refuses the message is still recorded.
func (r *run) report(f interceptors.Finding) {
	blocks := f.Mode == string(interceptors.Enforce) && f.Action == string(interceptors.ActionBlock) && r.x.Action != interceptors.Deny
	if r.n >= maxFindings && !blocks {
		r.dropped++
		return
	}
	r.n++
	r.x.Report(f)
}

func (r *run) finish() {
	if r.dropped > 0 {
		r.x.Findings = append(r.x.Findings, interceptors.Finding{
			Interceptor: Name, Rule: "arguments", Action: string(interceptors.ActionAudit), Mode: string(interceptors.AuditOnly),
			Where: "params.arguments", Detail: fmt.Sprintf("%d more violations not listed", r.dropped),
		})
	}
}

func (r *run) violate(ru *rule, ruleName string, where []byte, detail string) {
	r.report(interceptors.Finding{
		Interceptor: Name, Rule: ruleName, Action: string(interceptors.ActionBlock), Mode: ru.mode,
		Where: string(where), Detail: detail,
	})
}

// checkSchema validates the arguments against the tool's inputSchema, or
// applies the unknown-tool decision.
func (r *run) checkSchema(tool string, args jsontext.Value) {
	e := r.c.cat.entry(tool)
	if e == nil || e.schema == nil {
		detail := fmt.Sprintf("tool %q was not in the server's tools/list", tool)
		if e != nil {
			detail = fmt.Sprintf("tool %q has no usable inputSchema (%s)", tool, e.reason)
		}
		r.report(interceptors.Finding{
			Interceptor: Name, Rule: RuleUnknownTool, Action: r.c.unknown, Mode: string(interceptors.Enforce),
			Where: "params.name", Detail: clip(detail, maxDetail),
		})
		return
	}
	if e.fast != nil && r.fast.valid(e.fast, args, 0) {
		return // certainly valid: nothing to decode or describe
	}
	doc, err := decode(args)
	if err != nil {
		// The arguments passed the strict parser; this cannot happen.
		r.report(interceptors.Finding{Interceptor: Name, Rule: RuleSchema, Action: string(interceptors.ActionBlock), Mode: r.c.schemaMode,
			Where: "params.arguments", Detail: "the arguments cannot be decoded"})
		return
	}
	verr := e.schema.Validate(doc)
	if verr == nil {
		return
	}
	for _, l := range schemaLeaves(verr) {
		r.report(interceptors.Finding{
			Interceptor: Name, Rule: RuleSchema, Action: string(interceptors.ActionBlock), Mode: r.c.schemaMode,
			Where: "params.arguments" + l.pointer, Detail: l.detail,
		})
	}
}

// applyRule selects the rule's values and checks each.
func (r *run) applyRule(ru *rule, args jsontext.Value) error {
	w := &r.w
	w.reset(args)
	w.run, w.rule = r, ru
	var err error
	w.where, err = ru.path.Walk(&w.dec, w.src, append(w.where[:0], argpath.Root...), w)
	return err
}

// missing is called for a place where the rule's path cannot be followed.
func (r *run) missing(ru *rule, where []byte) {
	if ru.required {
		r.violate(ru, ru.nRequired, where, "required argument is missing or null")
	}
}

// value checks one selected value, at where, against every constraint of
// the rule.
func (r *run) value(ru *rule, where []byte, v jsontext.Value) {
	if ru.maxBytes > 0 && len(v) > ru.maxBytes {
		r.violate(ru, ru.nMaxBytes, where, fmt.Sprintf("value is %d bytes of JSON, more than %d", len(v), ru.maxBytes))
	}
	if ru.stringOnly {
		if v.Kind() != '"' {
			detail := "expected a string, not " + kindName(v.Kind())
			if ru.maxLength > 0 {
				r.violate(ru, ru.nMaxLength, where, detail)
			}
			if len(ru.deny) > 0 {
				r.violate(ru, ru.nDeny, where, detail)
			}
			if len(ru.allow) > 0 {
				r.violate(ru, ru.nAllow, where, detail)
			}
			if len(ru.prefixes) > 0 {
				r.violate(ru, ru.nPrefixes, where, detail)
			}
		} else {
			r.checkString(ru, where, r.fast.unquote(v))
		}
	}
	if ru.enum != nil {
		var err error
		r.canon, err = canonical(r.canon[:0], v)
		if _, ok := ru.enum[string(r.canon)]; err != nil || !ok {
			r.violate(ru, ru.nEnum, where, "value is not one of the allowed values")
		}
	}
	if ru.schema != nil {
		if r.fast.valid(ru.fast, v, 0) {
			return
		}
		doc, err := decode(v)
		if err != nil {
			r.violate(ru, ru.nSchema, where, "the value cannot be decoded")
			return
		}
		if verr := ru.schema.Validate(doc); verr != nil {
			for _, l := range schemaLeaves(verr) {
				r.violate(ru, ru.nSchema, append(where, l.pointer...), l.detail)
			}
		}
	}
}

func (r *run) checkString(ru *rule, where, s []byte) {
	if ru.maxLength > 0 {
		if n := utf8.RuneCount(s); n > ru.maxLength {
			r.violate(ru, ru.nMaxLength, where, fmt.Sprintf("string is %d characters long, more than %d", n, ru.maxLength))
		}
	}
	for i, re := range ru.deny {
		if re.Match(s) {
			r.violate(ru, ru.nDeny, where, ru.denyDetail[i])
			break
		}
	}
	if len(ru.allow) > 0 {
		ok := false
		for _, re := range ru.allow {
			if re.Match(s) {
				ok = true
				break
			}
		}
		if !ok {
			r.violate(ru, ru.nAllow, where, "matches no allowed pattern")
		}
	}
	if len(ru.prefixes) > 0 {
		if detail := checkPath(s, ru); detail != "" {
			r.violate(ru, ru.nPrefixes, where, detail)
		}
	}
}

// checkPath returns why s is not a path under one of the rule's prefixes,
// or "". The path must be absolute and free of NUL bytes (which C-based
// file APIs cut paths at) and backslashes (which Windows servers read as
// separators); it is then cleaned of ".", ".." and repeated slashes
// (path.Clean) and must equal a prefix or continue it after a "/".
func checkPath(s []byte, ru *rule) string {
	switch {
	case bytes.IndexByte(s, 0) >= 0:
		return "path contains a NUL byte"
	case bytes.IndexByte(s, '\\') >= 0:
		return "path contains a backslash"
	case len(s) == 0 || s[0] != '/':
		return "path is not absolute"
	}
	p := s
	if !isClean(s) {
		p = []byte(path.Clean(string(s)))
	}
	for _, pre := range ru.prefixes {
		if string(p) == pre.clean || bytes.HasPrefix(p, pre.slashB) {
			return ""
		}
	}
	return ru.prefixDetail
}

// isClean reports whether path.Clean leaves the absolute path s as it is:
// no empty, "." or ".." element and no trailing slash (but "/" itself).
// Most paths are, and need no copy then.
func isClean(s []byte) bool {
	if len(s) == 1 {
		return true
	}
	if s[len(s)-1] == '/' {
		return false
	}
	start := 1
	for i := 1; i <= len(s); i++ {
		if i == len(s) || s[i] == '/' {
			el := s[start:i]
			if len(el) == 0 || string(el) == "." || string(el) == ".." {
				return false
			}
			start = i + 1
		}
	}
	return true
}

func kindName(k jsontext.Kind) string {
	switch k {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '0':
		return "a number"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a " + k.String()
}

// clip shortens s to at most n bytes, on a character boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
