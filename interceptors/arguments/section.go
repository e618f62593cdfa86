package arguments

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/goccy/go-yaml/ast"
	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	schemaModes    = []string{string(interceptors.Enforce), string(interceptors.AuditOnly), "off"}
	unknownActions = []string{string(interceptors.ActionBlock), string(interceptors.ActionAudit)}
	// ruleConstraints are the fields of an argument rule that check something.
	ruleConstraints = []string{"required", "pathPrefixes", "maxLength", "maxBytes", "allow", "deny", "enum", "schema"}
)

// Decode reads the "arguments" section of a server: checks of tools/call arguments.
func Decode(l *section.Reader, e *section.Entry) Policy {
	args := Policy{Schema: interceptors.Enforce, UnknownTool: interceptors.ActionAudit}
	if section.Absent(e) {
		return args
	}
	fs := l.Fields(e, "a mapping with schema, unknownTool and rules", "schema", "unknownTool", "rules")
	if f := fs["schema"]; f != nil {
		if v, ok := l.Choice(f, schemaModes, nil); ok {
			args.Schema = interceptors.Mode(v)
			if v == "off" {
				args.Schema = ""
			}
		}
	}
	if f := fs["unknownTool"]; f != nil {
		if v, ok := l.Choice(f, unknownActions, nil); ok {
			args.UnknownTool = interceptors.RuleAction(v)
		}
	}
	if f := fs["rules"]; f != nil {
		args.Rules = DecodeRules(l, f)
	}
	return args
}

// DecodeRules reads a list of argument rules (arguments.rules, and the
// rules a clients entry adds).
func DecodeRules(l *section.Reader, e *section.Entry) []Rule {
	var out []Rule
	items, _ := l.Items(e, "a list of argument rules")
	for _, it := range items {
		if r, ok := argumentRule(l, it); ok {
			out = append(out, r)
		}
	}
	return out
}

func argumentRule(l *section.Reader, e *section.Entry) (Rule, bool) {
	r := Rule{Mode: interceptors.Enforce}
	fs := l.Fields(e, "an argument rule (a mapping with tool, argument and constraints)",
		append([]string{"tool", "argument", "mode"}, ruleConstraints...)...)
	if fs == nil {
		return r, false
	}
	at := e.Pos()

	if f := fs["tool"]; f == nil {
		l.Errorf(at, section.JoinPath(e.Path, "tool"), "required field is missing; name the tool or tool pattern the rule applies to")
	} else if s, ok := l.Str(f, "a tool name or glob pattern (a string)"); ok {
		if problem := section.PatternProblem(s); problem != "" {
			l.Errorf(f.Pos(), f.Path, "%s", problem)
		}
		r.Tool = s
	}
	if f := fs["argument"]; f == nil {
		l.Errorf(at, section.JoinPath(e.Path, "argument"), `required field is missing; name the argument, such as "path" or "options.target"`)
	} else if s, ok := l.Str(f, `an argument path such as "path" or "options.target"`); ok {
		if problem := section.ArgumentPathProblem(s); problem != "" {
			l.Errorf(f.Pos(), f.Path, "%s", problem)
		}
		r.Argument = s
	}
	r.Mode = l.Mode(fs["mode"], "remove the rule to turn it off")

	// A constraint that is present but invalid counts: it has been reported.
	constrained := false
	if f := fs["required"]; f != nil {
		v, ok := l.Boolean(f)
		r.Required = v
		constrained = v || !ok
	}
	if f := fs["pathPrefixes"]; f != nil {
		constrained = true
		r.PathPrefixes = pathPrefixes(l, f)
	}
	if f := fs["maxLength"]; f != nil {
		constrained = true
		r.MaxLength, _ = l.Count(f, "characters")
	}
	if f := fs["maxBytes"]; f != nil {
		constrained = true
		r.MaxBytes, _ = l.Count(f, "bytes")
	}
	if f := fs["allow"]; f != nil {
		constrained = true
		r.Allow = l.Regexps(f)
	}
	if f := fs["deny"]; f != nil {
		constrained = true
		r.Deny = l.Regexps(f)
	}
	if f := fs["enum"]; f != nil {
		constrained = true
		r.Enum = enum(l, f)
	}
	if f := fs["schema"]; f != nil {
		constrained = true
		r.Schema = schemaValue(l, f)
	}
	if !constrained {
		l.Errorf(at, e.Path, "rule has no constraint and would do nothing; add at least one of: required: true, %s", strings.Join(ruleConstraints[1:], ", "))
	}
	return r, true
}

// pathPrefixes reads absolute directory paths; they are returned cleaned.
func pathPrefixes(l *section.Reader, e *section.Entry) []string {
	items, ok := l.Items(e, "a list of absolute paths")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		l.Errorf(e.Pos(), e.Path, "must list at least one path; remove the key for no constraint")
		return nil
	}
	var out []string
	for _, it := range items {
		s, ok := l.Str(it, "an absolute path (a string)")
		if !ok {
			continue
		}
		var problem string
		switch {
		case !strings.HasPrefix(s, "/"):
			problem = fmt.Sprintf("must be an absolute path (starting with '/'), got %q", s)
		case strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) >= 0:
			problem = fmt.Sprintf("must not contain control characters, got %q", s)
		case section.Contains(strings.Split(s, "/"), ".."):
			problem = fmt.Sprintf(`must not contain ".." segments, got %q`, s)
		case strings.Contains(s, `\`):
			problem = fmt.Sprintf(`must not contain backslashes (paths are separated by '/'), got %q`, s)
		}
		if problem != "" {
			l.Errorf(it.Pos(), it.Path, "%s", problem)
			continue
		}
		out = append(out, path.Clean(s))
	}
	return out
}

// enum reads the allowed values of an argument, each as canonical JSON:
// RFC 8785, except that integers keep every digit (RFC 8785 would round
// those beyond ±2^53, making distinct values equal).
func enum(l *section.Reader, e *section.Entry) [][]byte {
	items, ok := l.Items(e, "a list of allowed values")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		l.Errorf(e.Pos(), e.Path, "must list at least one value; remove the key for no constraint")
		return nil
	}
	var out [][]byte
	seen := map[string]section.Pos{}
	for _, it := range items {
		b, ok := l.JSONValue(it)
		if !ok {
			continue
		}
		v := jsontext.Value(b)
		if err := v.Canonicalize(jsontext.CanonicalizeRawInts(false)); err != nil {
			l.Errorf(it.Pos(), it.Path, "value has no canonical JSON form: %v", err)
			continue
		}
		l.NoteRepeat(seen, string(v), it, "value "+section.Abbreviate(string(v)))
		out = append(out, []byte(v))
	}
	return out
}

// schemaValue reads a JSON Schema written in YAML, as compact JSON.
func schemaValue(l *section.Reader, e *section.Entry) []byte {
	switch e.Node.(type) {
	case *ast.MappingNode, *ast.BoolNode:
	default:
		if e.Node != nil {
			l.TypeError(e, "a JSON Schema (a mapping, or true or false)")
		}
		return nil
	}
	b, ok := l.JSONValue(e)
	if !ok {
		return nil
	}
	if len(b) > maxSchemaBytes {
		l.Errorf(e.Pos(), e.Path, "schema is %d bytes as JSON; at most %d are accepted", len(b), maxSchemaBytes)
		return nil
	}
	memo := l.Memo("arguments.schemas", func() any { return &schemaMemo{outcome: map[string]error{}} }).(*schemaMemo)
	err, compiled := memo.outcome[string(b)]
	if !compiled {
		if memo.bytes += len(b); memo.bytes > maxSchemaTotalBytes {
			if memo.bytes-len(b) <= maxSchemaTotalBytes {
				l.Errorf(e.Pos(), e.Path, "the schemas of this file add up to more than %d bytes of JSON", maxSchemaTotalBytes)
			}
			return nil
		}
		_, err = compileRaw(b)
		memo.outcome[string(b)] = err
	}
	if err != nil {
		schemaError(l, e, err)
		return nil
	}
	return b
}

// schemaMemo holds, for one policy file, the outcome of compiling each
// distinct schema and their total size.
type schemaMemo struct {
	outcome map[string]error
	bytes   int
}

// Bounds of argument schemas. Compiling a schema takes time quadratic in
// the number of its subschemas, in the data plane too.
const (
	maxSchemaBytes      = 32 << 10  // one schema, as JSON
	maxSchemaTotalBytes = 256 << 10 // the distinct schemas of one file
)

// schemaError reports why the schema held by e does not compile: each
// violation of the metaschema where it is written, anything else at e.
func schemaError(l *section.Reader, e *section.Entry, err error) {
	var sve *jsonschema.SchemaValidationError
	var ve *jsonschema.ValidationError
	if !errors.As(err, &sve) || !errors.As(sve.Err, &ve) {
		msg := strings.ReplaceAll(section.OneLine(err.Error()), schemaURL, "")
		l.Errorf(e.Pos(), e.Path, "not a usable JSON Schema: %s", msg)
		return
	}
	seen := map[string]bool{}
	leaves := metaschemaLeaves(*ve.DetailedOutput())
	// The metaschema reports sibling problems in no fixed order; sort them
	// so the same file always gives the same output.
	slices.SortStableFunc(leaves, func(a, b jsonschema.OutputUnit) int {
		return strings.Compare(a.InstanceLocation+a.KeywordLocation, b.InstanceLocation+b.KeywordLocation)
	})
	for _, u := range leaves {
		at, field := locate(l, e, u.InstanceLocation)
		msg := section.OneLine(u.Error.String())
		if key := field + "\x00" + msg; !seen[key] {
			seen[key] = true
			l.Errorf(at, field, "not a valid JSON Schema: %s", msg)
		}
	}
}

// metaschemaLeaves returns the innermost problems found by a metaschema. Of the
// alternatives of an anyOf or oneOf, only the one that got deepest into the
// schema is kept: the others mostly say that the value has another type.
func metaschemaLeaves(u jsonschema.OutputUnit) []jsonschema.OutputUnit {
	if len(u.Errors) == 0 {
		if u.Error == nil {
			return nil
		}
		return []jsonschema.OutputUnit{u}
	}
	if strings.HasSuffix(u.KeywordLocation, "/anyOf") || strings.HasSuffix(u.KeywordLocation, "/oneOf") {
		var best []jsonschema.OutputUnit
		bestDepth := -1
		for _, alt := range u.Errors {
			leaves := metaschemaLeaves(alt)
			depth := 0
			for _, leaf := range leaves {
				depth = max(depth, strings.Count(leaf.InstanceLocation, "/"))
			}
			if len(leaves) > 0 && depth > bestDepth {
				best, bestDepth = leaves, depth
			}
		}
		return best
	}
	var out []jsonschema.OutputUnit
	for _, c := range u.Errors {
		out = append(out, metaschemaLeaves(c)...)
	}
	return out
}

// locate follows a JSON pointer into the value held by e, as far as it
// leads, and returns the position and field path of the node reached.
func locate(l *section.Reader, e *section.Entry, pointer string) (section.Pos, string) {
	cur := e
	if pointer == "" {
		return cur.Pos(), cur.Path
	}
	for _, tok := range strings.Split(pointer[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		var next *section.Entry
		switch n := cur.Node.(type) {
		case *ast.MappingNode:
			for _, mv := range n.Values {
				if mv.Key == nil || mv.Key.IsMergeKey() {
					continue
				}
				if k := l.Resolve(mv.Key, cur.Path); k != nil && section.KeyName(k) == tok {
					field := section.JoinPath(cur.Path, tok)
					next = &section.Entry{Path: field, KeyPos: section.NodePos(mv.Key), Node: l.Resolve(mv.Value, field)}
					break
				}
			}
		case *ast.SequenceNode:
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.Values) {
				field := section.IndexPath(cur.Path, i)
				next = &section.Entry{Path: field, KeyPos: section.NodePos(n.Values[i]), Node: l.Resolve(n.Values[i], field)}
			}
		}
		if next == nil || next.Node == nil {
			break
		}
		cur = next
	}
	return cur.Pos(), cur.Path
}
