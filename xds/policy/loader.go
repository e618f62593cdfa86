package policy

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// The loader walks the YAML syntax tree itself rather than decoding into
// structs: every node carries its own line and column, so checks made after
// reading a value (ranges, duplicates, contradictions) are positioned as
// precisely as type errors, and all problems are collected in one pass.

type pos struct{ line, col int }

type anchorDef struct {
	offset int
	value  ast.Node
}

type loader struct {
	file string
	// dir is the folder of the policy file; relative paths in the policy
	// (poisoning.lockFile) are relative to it.
	dir     string
	errs    Errors
	warns   []*Warning
	anchors map[string][]anchorDef
	// merged counts the fields taken through merge keys; nested merges can
	// grow exponentially with the file, so their total is bounded.
	merged int
	// jsonBytes counts the JSON converted from YAML values (see jsonValue);
	// jsonFull is set once it passed maxJSONBytes and that was reported.
	jsonBytes int
	jsonFull  bool
	// schemas holds the outcome of compiling each distinct argument schema;
	// schemaBytes is their total size.
	schemas     map[string]error
	schemaBytes int
	// imageOptional lets a server leave out image and unverifiedLocal
	// (package tests of unrelated sections only).
	imageOptional bool
}

// maxMergedFields bounds the fields taken through merge keys in one file.
const maxMergedFields = 10000

func newLoader(file string) *loader {
	return &loader{file: file, dir: filepath.Dir(file), anchors: map[string][]anchorDef{}, schemas: map[string]error{}}
}

func (l *loader) errorf(p pos, field, format string, args ...any) {
	l.errs = append(l.errs, &Error{File: l.file, Line: p.line, Column: p.col, Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) warnf(p pos, field, format string, args ...any) {
	l.warns = append(l.warns, &Warning{File: l.file, Line: p.line, Column: p.col, Field: field, Msg: fmt.Sprintf(format, args...)})
}

var utf8BOM = []byte("\xef\xbb\xbf")

// load returns the policy without Version, or nil; problems are in l.errs.
func (l *loader) load(data []byte) *ir.Policy {
	data = bytes.TrimPrefix(data, utf8BOM)
	// Duplicate keys are allowed by the parser and reported below, so that
	// they do not hide every other problem behind one syntax error.
	f, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		l.syntaxError(err)
		return nil
	}
	var body ast.Node
	for _, d := range f.Docs {
		if d == nil || d.Body == nil {
			continue
		}
		if body != nil {
			l.errorf(nodePos(d.Body), "", "a policy file holds a single YAML document; remove this one (after the '---' separator)")
			continue
		}
		body = d.Body
	}
	if body == nil {
		l.errorf(pos{1, 1}, "", "policy file is empty; it needs at least \"version: %d\" and one entry under \"servers\"", SchemaVersion)
		return nil
	}
	ast.Walk(anchorCollector{l}, body)
	return l.policy(body)
}

func (l *loader) syntaxError(err error) {
	var ye yaml.Error
	if errors.As(err, &ye) {
		var p pos
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			p = pos{tk.Position.Line, tk.Position.Column}
		}
		l.errorf(p, "", "invalid YAML: %s", ye.GetMessage())
		return
	}
	l.errorf(pos{}, "", "invalid YAML: %v", err)
}

// anchorCollector records every anchor (&name) with its offset, so that an
// alias (*name) resolves to the closest anchor of that name before it.
type anchorCollector struct{ l *loader }

func (c anchorCollector) Visit(n ast.Node) ast.Visitor {
	if a, ok := n.(*ast.AnchorNode); ok && a.Name != nil && a.Value != nil {
		c.l.anchors[tokenText(a.Name)] = append(c.l.anchors[tokenText(a.Name)], anchorDef{offset(a), a.Value})
	}
	return c
}

func tokenText(n ast.Node) string {
	if s, ok := n.(*ast.StringNode); ok {
		return s.Value
	}
	if tk := n.GetToken(); tk != nil {
		return tk.Value
	}
	return ""
}

func offset(n ast.Node) int {
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Offset
	}
	return 0
}

// nodePos is where a node starts in the file.
func nodePos(n ast.Node) pos {
	switch v := n.(type) {
	case nil:
		return pos{}
	case *ast.DocumentNode:
		return nodePos(v.Body)
	case *ast.MappingNode:
		// A block mapping's own token is the first ':'; its first key is
		// where a reader sees it begin.
		if !v.IsFlowStyle && len(v.Values) > 0 {
			return nodePos(v.Values[0].Key)
		}
	case *ast.MappingValueNode:
		return nodePos(v.Key)
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return pos{}
	}
	return pos{tk.Position.Line, tk.Position.Column}
}

// resolve follows anchors, aliases and tags to the node that holds the value.
// It returns nil, after reporting why, when an alias cannot be resolved.
func (l *loader) resolve(n ast.Node, field string) ast.Node {
	for range 100 {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.AliasNode:
			name := tokenText(v.Value)
			var def ast.Node
			for _, a := range l.anchors[name] {
				if a.offset < offset(v) {
					def = a.value
				}
			}
			if def == nil {
				l.errorf(nodePos(v), field, "alias *%s does not refer to an anchor &%s defined before it", name, name)
				return nil
			}
			n = def
		case *ast.MappingKeyNode:
			n = v.Value
		case *ast.TagNode:
			tag := ""
			if v.Start != nil {
				tag = v.Start.Value
			}
			if tag == "!!str" || tag == "tag:yaml.org,2002:str" {
				inner := l.resolve(v.Value, field)
				if inner == nil {
					return nil
				}
				switch in := inner.(type) {
				case *ast.StringNode, *ast.LiteralNode, *ast.MappingNode, *ast.SequenceNode:
					return inner
				default:
					tk := in.GetToken()
					return &ast.StringNode{BaseNode: &ast.BaseNode{}, Token: tk, Value: tk.Value}
				}
			}
			n = v.Value
		default:
			return n
		}
		if n == nil {
			l.errorf(pos{}, field, "incomplete YAML node")
			return nil
		}
	}
	l.errorf(nodePos(n), field, "too many nested aliases")
	return nil
}

// entry is one value found under a field path.
type entry struct {
	path   string
	keyPos pos      // where the key (or list item) is
	node   ast.Node // the resolved value; nil if resolution failed (already reported)
}

// noteRepeat records that it holds key and warns, naming the first line,
// when a list already had it; what describes the value ("scheme \"https\"").
func (l *loader) noteRepeat(seen map[string]pos, key string, it *entry, what string) {
	if first, dup := seen[key]; dup {
		l.warnf(it.pos(), it.path, "%s is listed twice (first at line %d)", what, first.line)
		return
	}
	seen[key] = it.pos()
}

// pos is where problems with the value are reported: at the value, or at
// the key when the value is empty.
func (e *entry) pos() pos {
	if isNull(e.node) || e.node == nil {
		return e.keyPos
	}
	if p := nodePos(e.node); p.line > 0 {
		return p
	}
	return e.keyPos
}

func isNull(n ast.Node) bool {
	_, ok := n.(*ast.NullNode)
	return ok
}

// absent reports whether the field is missing or empty (null).
func absent(e *entry) bool { return e == nil || isNull(e.node) }

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func indexPath(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// rawField is one key: value pair of a mapping, merge keys expanded.
type rawField struct {
	name   string
	keyPos pos
	value  ast.Node
}

// collect returns a mapping's own fields and, separately, those it takes
// from merge keys ("<<: *anchor"), in precedence order.
func (l *loader) collect(m *ast.MappingNode, path string, visiting map[*ast.MappingNode]bool) (own, merged []rawField) {
	if visiting[m] {
		l.errorf(nodePos(m), path, "merge key refers to the mapping that contains it")
		return nil, nil
	}
	visiting[m] = true
	defer delete(visiting, m)
	for _, mv := range m.Values {
		if mv.Key != nil && mv.Key.IsMergeKey() {
			src := l.resolve(mv.Value, path)
			var sources []ast.Node
			if seq, ok := src.(*ast.SequenceNode); ok {
				for _, s := range seq.Values {
					sources = append(sources, l.resolve(s, path))
				}
			} else {
				sources = []ast.Node{src}
			}
			for _, s := range sources {
				switch sm := s.(type) {
				case nil:
				case *ast.MappingNode:
					if l.merged > maxMergedFields {
						continue
					}
					o, mg := l.collect(sm, path, visiting)
					if l.merged > maxMergedFields {
						continue // reported by the nested call
					}
					l.merged += len(o) + len(mg)
					if l.merged > maxMergedFields {
						l.errorf(nodePos(mv.Key), path, "merge keys expand to more than %d fields", maxMergedFields)
						continue
					}
					merged = append(merged, o...)
					merged = append(merged, mg...)
				default:
					l.errorf(nodePos(mv.Key), path, "merge key '<<' must refer to a mapping, got %s", describe(s))
				}
			}
			continue
		}
		key := l.resolve(mv.Key, path)
		if key == nil {
			continue
		}
		name := ""
		switch k := key.(type) {
		case *ast.StringNode:
			name = k.Value
		case *ast.MappingNode, *ast.SequenceNode, *ast.NullNode:
			l.errorf(nodePos(mv.Key), path, "a key must be a field name, got %s", describe(key))
			continue
		default:
			name = tokenText(key)
		}
		own = append(own, rawField{name: name, keyPos: nodePos(mv.Key), value: mv.Value})
	}
	return own, merged
}

// fields reads the mapping held by e, accepting only the known field names.
// It reports unknown and duplicate keys, and returns nil when e does not
// hold a mapping (after reporting it as want).
func (l *loader) fields(e *entry, want string, known ...string) map[string]*entry {
	m, ok := e.node.(*ast.MappingNode)
	if !ok {
		if e.node != nil {
			l.typeError(e, want)
		}
		return nil
	}
	own, merged := l.collect(m, e.path, map[*ast.MappingNode]bool{})
	out := map[string]*entry{}
	first := map[string]pos{}
	add := func(f rawField, fromMerge bool) {
		path := joinPath(e.path, f.name)
		if p, dup := first[f.name]; dup {
			if !fromMerge {
				l.errorf(f.keyPos, path, "duplicate key %q (first at line %d)", f.name, p.line)
			}
			return
		}
		first[f.name] = f.keyPos
		if !contains(known, f.name) {
			l.errorf(f.keyPos, path, "unknown field %q%s", f.name, suggest(f.name, known))
			return
		}
		out[f.name] = &entry{path: path, keyPos: f.keyPos, node: l.resolve(f.value, path)}
	}
	for _, f := range own {
		add(f, false)
	}
	for _, f := range merged {
		add(f, true)
	}
	return out
}

// items reads the list held by e and returns one entry per item, or ok false
// when e does not hold a list (after reporting it as want).
func (l *loader) items(e *entry, want string) (items []*entry, ok bool) {
	seq, isSeq := e.node.(*ast.SequenceNode)
	if !isSeq {
		if e.node != nil {
			l.typeError(e, want)
		}
		return nil, false
	}
	for i, raw := range seq.Values {
		path := indexPath(e.path, i)
		items = append(items, &entry{path: path, keyPos: nodePos(raw), node: l.resolve(raw, path)})
	}
	return items, true
}

func (l *loader) typeError(e *entry, want string) {
	l.errorf(e.pos(), e.path, "must be %s, got %s", want, describe(e.node))
}

// describe names what a value is, for "must be X, got Y" messages.
func describe(n ast.Node) string {
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "an empty value"
	case *ast.MappingNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.StringNode:
		return fmt.Sprintf("the string %q", v.Value)
	case *ast.LiteralNode:
		return "a block string"
	case *ast.IntegerNode:
		return "the integer " + v.GetToken().Value
	case *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "the number " + v.GetToken().Value
	case *ast.BoolNode:
		return "the boolean " + v.GetToken().Value
	default:
		return n.Type().String()
	}
}

// str returns the string held by e, reporting anything else as want.
func (l *loader) str(e *entry, want string) (string, bool) {
	switch n := e.node.(type) {
	case nil:
		return "", false
	case *ast.StringNode:
		return n.Value, true
	case *ast.LiteralNode:
		if n.Value == nil {
			return "", true
		}
		return n.Value.Value, true
	}
	l.typeError(e, want)
	return "", false
}

// choice returns the string held by e, which must be one of allowed. A hint
// for a value that is not allowed is added to the message.
func (l *loader) choice(e *entry, allowed []string, hints map[string]string) (string, bool) {
	s, ok := l.str(e, choices(allowed))
	if !ok {
		return "", false
	}
	if !contains(allowed, s) {
		hint := ""
		if h := hints[s]; h != "" {
			hint = "; " + h
		}
		l.errorf(e.pos(), e.path, "must be %s, got %q%s", choices(allowed), s, hint)
		return "", false
	}
	return s, true
}

// choices lists values for messages: "a", "b" or "c".
func choices(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// boolean returns the true or false held by e.
func (l *loader) boolean(e *entry) (bool, bool) {
	n, ok := e.node.(*ast.BoolNode)
	if !ok {
		if e.node != nil {
			l.typeError(e, "true or false")
		}
		return false, false
	}
	return n.Value, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest proposes the known field closest to a misspelt one.
func suggest(name string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		d := editDistance(strings.ToLower(name), strings.ToLower(k))
		if d < bestDist && d < len(k) {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return "; expected one of: " + strings.Join(known, ", ")
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// intValue returns the value of an integer node, or ok false if it does not
// fit in an int64.
func intValue(n *ast.IntegerNode) (int64, bool) {
	v, err := strconv.ParseInt(fmt.Sprint(n.Value), 10, 64)
	return v, err == nil
}
