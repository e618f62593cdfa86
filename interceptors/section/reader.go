package section

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
)

// The loader walks the YAML syntax tree itself rather than decoding into
// structs: every node carries its own line and column, so checks made after
// reading a value (ranges, duplicates, contradictions) are positioned as
// precisely as type errors, and all problems are collected in one pass.

type Pos struct{ Line, Col int }

type anchorDef struct {
	offset int
	value  ast.Node
}

type Reader struct {
	File string
	// Dir is the folder of the policy file; relative paths in the policy
	// (poisoning.lockFile) are relative to it.
	Dir   string
	Errs  Errors
	Warns []*Error
	// Files lists every file the policy refers to that was read (keys,
	// lock files, certificates), so that a watcher can reload when one of
	// them changes although the policy file did not.
	Files   []string
	anchors map[string][]anchorDef
	// merged counts the fields taken through merge keys; nested merges can
	// grow exponentially with the file, so their total is bounded.
	merged int
	// jsonBytes counts the JSON converted from YAML values (see jsonValue);
	// jsonFull is set once it passed maxJSONBytes and that was reported.
	jsonBytes int
	jsonFull  bool
	memo      map[string]any
}

// maxMergedFields bounds the fields taken through merge keys in one file.
const maxMergedFields = 10000

// NewReader returns a reader for the policy file named file (used in
// messages, and to resolve relative paths).
func NewReader(file string) *Reader {
	return &Reader{File: file, Dir: filepath.Dir(file), anchors: map[string][]anchorDef{}, memo: map[string]any{}}
}

// Memo returns the value kept under key for this file, made by init on
// first use: a section's state across servers (a cache, a budget).
func (l *Reader) Memo(key string, init func() any) any {
	v, ok := l.memo[key]
	if !ok {
		v = init()
		l.memo[key] = v
	}
	return v
}

func (l *Reader) Errorf(p Pos, field, format string, args ...any) {
	l.Errs = append(l.Errs, &Error{File: l.File, Line: p.Line, Column: p.Col, Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (l *Reader) Warnf(p Pos, field, format string, args ...any) {
	l.Warns = append(l.Warns, &Error{File: l.File, Line: p.Line, Column: p.Col, Field: field, Msg: fmt.Sprintf(format, args...)})
}

var utf8BOM = []byte("\xef\xbb\xbf")

func (l *Reader) syntaxError(err error) {
	var ye yaml.Error
	if errors.As(err, &ye) {
		var p Pos
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			p = Pos{tk.Position.Line, tk.Position.Column}
		}
		l.Errorf(p, "", "invalid YAML: %s", ye.GetMessage())
		return
	}
	l.Errorf(Pos{}, "", "invalid YAML: %v", err)
}

// anchorCollector records every anchor (&name) with its offset, so that an
// alias (*name) resolves to the closest anchor of that name before it.
type anchorCollector struct{ l *Reader }

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

// NodePos is where a node starts in the file.
func NodePos(n ast.Node) Pos {
	switch v := n.(type) {
	case nil:
		return Pos{}
	case *ast.DocumentNode:
		return NodePos(v.Body)
	case *ast.MappingNode:
		// A block mapping's own token is the first ':'; its first key is
		// where a reader sees it begin.
		if !v.IsFlowStyle && len(v.Values) > 0 {
			return NodePos(v.Values[0].Key)
		}
	case *ast.MappingValueNode:
		return NodePos(v.Key)
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return Pos{}
	}
	return Pos{tk.Position.Line, tk.Position.Column}
}

// Resolve follows anchors, aliases and tags to the node that holds the value.
// It returns nil, after reporting why, when an alias cannot be resolved.
func (l *Reader) Resolve(n ast.Node, field string) ast.Node {
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
				l.Errorf(NodePos(v), field, "alias *%s does not refer to an anchor &%s defined before it", name, name)
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
				inner := l.Resolve(v.Value, field)
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
			l.Errorf(Pos{}, field, "incomplete YAML node")
			return nil
		}
	}
	l.Errorf(NodePos(n), field, "too many nested aliases")
	return nil
}

// Entry is one value found under a field path.
type Entry struct {
	Path   string
	KeyPos Pos      // where the key (or list item) is
	Node   ast.Node // the resolved value; nil if resolution failed (already reported)
}

// NoteRepeat records that it holds key and warns, naming the first line,
// when a list already had it; what describes the value ("scheme \"https\"").
func (l *Reader) NoteRepeat(seen map[string]Pos, key string, it *Entry, what string) {
	if first, dup := seen[key]; dup {
		l.Warnf(it.Pos(), it.Path, "%s is listed twice (first at line %d)", what, first.Line)
		return
	}
	seen[key] = it.Pos()
}

// Pos is where problems with the value are reported: at the value, or at
// the key when the value is empty.
func (e *Entry) Pos() Pos {
	if IsNull(e.Node) || e.Node == nil {
		return e.KeyPos
	}
	if p := NodePos(e.Node); p.Line > 0 {
		return p
	}
	return e.KeyPos
}

func IsNull(n ast.Node) bool {
	_, ok := n.(*ast.NullNode)
	return ok
}

// Absent reports whether the field is missing or empty (null).
func Absent(e *Entry) bool { return e == nil || IsNull(e.Node) }

func JoinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func IndexPath(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// rawField is one key: value pair of a mapping, merge keys expanded.
type rawField struct {
	name   string
	keyPos Pos
	value  ast.Node
}

// collect returns a mapping's own fields and, separately, those it takes
// from merge keys ("<<: *anchor"), in precedence order.
func (l *Reader) collect(m *ast.MappingNode, path string, visiting map[*ast.MappingNode]bool) (own, merged []rawField) {
	if visiting[m] {
		l.Errorf(NodePos(m), path, "merge key refers to the mapping that contains it")
		return nil, nil
	}
	visiting[m] = true
	defer delete(visiting, m)
	for _, mv := range m.Values {
		if mv.Key != nil && mv.Key.IsMergeKey() {
			src := l.Resolve(mv.Value, path)
			var sources []ast.Node
			if seq, ok := src.(*ast.SequenceNode); ok {
				for _, s := range seq.Values {
					sources = append(sources, l.Resolve(s, path))
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
						l.Errorf(NodePos(mv.Key), path, "merge keys expand to more than %d fields", maxMergedFields)
						continue
					}
					merged = append(merged, o...)
					merged = append(merged, mg...)
				default:
					l.Errorf(NodePos(mv.Key), path, "merge key '<<' must refer to a mapping, got %s", Describe(s))
				}
			}
			continue
		}
		key := l.Resolve(mv.Key, path)
		if key == nil {
			continue
		}
		name := ""
		switch k := key.(type) {
		case *ast.StringNode:
			name = k.Value
		case *ast.MappingNode, *ast.SequenceNode, *ast.NullNode:
			l.Errorf(NodePos(mv.Key), path, "a key must be a field name, got %s", Describe(key))
			continue
		default:
			name = tokenText(key)
		}
		own = append(own, rawField{name: name, keyPos: NodePos(mv.Key), value: mv.Value})
	}
	return own, merged
}

// Fields reads the mapping held by e, accepting only the known field names.
// It reports unknown and duplicate keys, and returns nil when e does not
// hold a mapping (after reporting it as want).
func (l *Reader) Fields(e *Entry, want string, known ...string) map[string]*Entry {
	out := map[string]*Entry{}
	ok := l.eachField(e, want, func(f rawField, path string) {
		if !Contains(known, f.name) {
			l.Errorf(f.keyPos, path, "unknown field %q%s", f.name, Suggest(f.name, known))
			return
		}
		out[f.name] = &Entry{Path: path, KeyPos: f.keyPos, Node: l.Resolve(f.value, path)}
	})
	if !ok {
		return nil
	}
	return out
}

// eachField calls fn for each field of the mapping held by e, its own keys
// before those a merge (<<) brings in, each name once: a duplicate own key
// is reported, a merged key the mapping also has is overridden silently.
// ok is false when e does not hold a mapping (reported as want).
func (l *Reader) eachField(e *Entry, want string, fn func(f rawField, path string)) (ok bool) {
	m, ok := e.Node.(*ast.MappingNode)
	if !ok {
		if e.Node != nil {
			l.TypeError(e, want)
		}
		return false
	}
	own, merged := l.collect(m, e.Path, map[*ast.MappingNode]bool{})
	first := map[string]Pos{}
	for i, f := range append(own, merged...) {
		path := JoinPath(e.Path, f.name)
		if p, dup := first[f.name]; dup {
			if i < len(own) {
				l.Errorf(f.keyPos, path, "duplicate key %q (first at line %d)", f.name, p.Line)
			}
			continue
		}
		first[f.name] = f.keyPos
		fn(f, path)
	}
	return true
}

// Items reads the list held by e and returns one entry per item, or ok false
// when e does not hold a list (after reporting it as want).
func (l *Reader) Items(e *Entry, want string) (items []*Entry, ok bool) {
	seq, isSeq := e.Node.(*ast.SequenceNode)
	if !isSeq {
		if e.Node != nil {
			l.TypeError(e, want)
		}
		return nil, false
	}
	for i, raw := range seq.Values {
		path := IndexPath(e.Path, i)
		items = append(items, &Entry{Path: path, KeyPos: NodePos(raw), Node: l.Resolve(raw, path)})
	}
	return items, true
}

func (l *Reader) TypeError(e *Entry, want string) {
	l.Errorf(e.Pos(), e.Path, "must be %s, got %s", want, Describe(e.Node))
}

// Describe names what a value is, for "must be X, got Y" messages.
func Describe(n ast.Node) string {
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

// Str returns the string held by e, reporting anything else as want.
func (l *Reader) Str(e *Entry, want string) (string, bool) {
	switch n := e.Node.(type) {
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
	l.TypeError(e, want)
	return "", false
}

// Choice returns the string held by e, which must be one of allowed. A hint
// for a value that is not allowed is added to the message.
func (l *Reader) Choice(e *Entry, allowed []string, hints map[string]string) (string, bool) {
	s, ok := l.Str(e, Choices(allowed))
	if !ok {
		return "", false
	}
	if !Contains(allowed, s) {
		hint := ""
		if h := hints[s]; h != "" {
			hint = "; " + h
		}
		l.Errorf(e.Pos(), e.Path, "must be %s, got %q%s", Choices(allowed), s, hint)
		return "", false
	}
	return s, true
}

// Choices lists values for messages: "a", "b" or "c".
func Choices(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// Boolean returns the true or false held by e.
func (l *Reader) Boolean(e *Entry) (bool, bool) {
	n, ok := e.Node.(*ast.BoolNode)
	if !ok {
		if e.Node != nil {
			l.TypeError(e, "true or false")
		}
		return false, false
	}
	return n.Value, true
}

func Contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Suggest proposes the known field closest to a misspelt one.
func Suggest(name string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		d := EditDistance(strings.ToLower(name), strings.ToLower(k))
		if d < bestDist && d < len(k) {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return "; expected one of: " + strings.Join(known, ", ")
}

func EditDistance(a, b string) int {
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

// IntValue returns the value of an integer node, or ok false if it does not
// fit in an int64.
func IntValue(n *ast.IntegerNode) (int64, bool) {
	v, err := strconv.ParseInt(fmt.Sprint(n.Value), 10, 64)
	return v, err == nil
}

// Parse reads data as one YAML document and returns its body, or nil with
// the problems reported (none for an empty document).
func (l *Reader) Parse(data []byte) ast.Node {
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
			l.Errorf(NodePos(d.Body), "", "a policy file holds a single YAML document; remove this one (after the '---' separator)")
			continue
		}
		body = d.Body
	}
	if body == nil {
		return nil // an empty file: the caller says what it needs
	}
	ast.Walk(anchorCollector{l}, body)
	return body
}

// Server is what a section's decoder knows of the server it reads for.
type Server struct {
	Name string // "" when the name itself is invalid
	At   Pos    // where the server's entry starts
	Path string // its field path, such as "servers[0]"
}

// KeyEntry is one field of a mapping whose keys are the user's own names.
type KeyEntry struct {
	Key   string
	Entry *Entry
}

// AnyFields reads the mapping held by e whose keys are names the user
// chooses (tags, labels), in the order written; duplicate keys are
// reported. It returns nil when e does not hold a mapping (reported as want).
func (l *Reader) AnyFields(e *Entry, want string) []KeyEntry {
	var out []KeyEntry
	l.eachField(e, want, func(f rawField, path string) {
		out = append(out, KeyEntry{Key: f.name, Entry: &Entry{Path: path, KeyPos: f.keyPos, Node: l.Resolve(f.value, path)}})
	})
	return out
}
