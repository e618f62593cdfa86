package section

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/goccy/go-yaml/ast"
)

// Some fields (an argument's schema and enum values) hold arbitrary JSON
// written as YAML. They are converted node by node, so that every problem
// keeps its position: mappings become objects with their keys in the order
// written, lists become arrays, and scalars the JSON scalar they denote.

// maxJSONBytes bounds the JSON produced from one file. Aliases can repeat a
// value exponentially often, so the total is bounded, not each value.
const maxJSONBytes = 4 << 20

// JSONValue converts the value held by e to compact JSON. It returns ok
// false, after reporting every problem, when the value has no JSON form.
func (l *Reader) JSONValue(e *Entry) ([]byte, bool) {
	if e.Node == nil || l.jsonFull {
		return nil, false
	}
	c := &jsonConverter{l: l, visiting: map[ast.Node]bool{}, ok: true}
	out := c.value(nil, e.Node, e.Node, e.Path)
	l.jsonBytes += len(out)
	return out, c.ok
}

type jsonConverter struct {
	l        *Reader
	visiting map[ast.Node]bool // mappings and lists being converted, against alias cycles
	ok       bool
}

func (c *jsonConverter) fail(n ast.Node, path, format string, args ...any) {
	c.ok = false
	c.l.jsonBytes++ // a failed value still costs something, so aliases cannot repeat it without bound
	c.l.Errorf(NodePos(n), path, format, args...)
}

// value appends the JSON form of n, already resolved from raw (the node as
// written, which may be an alias), to dst.
func (c *jsonConverter) value(dst []byte, raw, n ast.Node, path string) []byte {
	if c.l.jsonFull {
		c.ok = false
		return dst
	}
	if c.l.jsonBytes+len(dst) > maxJSONBytes {
		c.l.jsonFull = true
		c.fail(raw, path, "values of schema and enum fields expand to more than %d bytes of JSON", maxJSONBytes)
		return dst
	}
	switch v := n.(type) {
	case *ast.MappingNode, *ast.SequenceNode:
		if c.visiting[n] {
			if a, isAlias := raw.(*ast.AliasNode); isAlias {
				c.fail(raw, path, "alias *%s refers to a value that contains it; JSON values cannot be recursive", tokenText(a.Value))
			} else {
				c.fail(raw, path, "a JSON value cannot contain itself")
			}
			return dst
		}
		c.visiting[n] = true
		defer delete(c.visiting, n)
		if m, isMap := v.(*ast.MappingNode); isMap {
			return c.object(dst, m, path)
		}
		return c.array(dst, v.(*ast.SequenceNode), path)
	case *ast.NullNode:
		return append(dst, "null"...)
	case *ast.BoolNode:
		return strconv.AppendBool(dst, v.Value)
	case *ast.IntegerNode:
		switch x := v.Value.(type) {
		case int64:
			return strconv.AppendInt(dst, x, 10)
		case uint64:
			return strconv.AppendUint(dst, x, 10)
		}
		c.fail(n, path, "the integer %s cannot be represented in JSON", v.GetToken().Value)
	case *ast.FloatNode:
		if math.IsInf(v.Value, 0) || math.IsNaN(v.Value) {
			c.fail(n, path, "%s cannot be represented in JSON, which has no infinite or NaN numbers", Describe(n))
			return dst
		}
		return jsontext.AppendFloat(dst, v.Value, 64)
	case *ast.InfinityNode, *ast.NanNode:
		c.fail(n, path, "%s cannot be represented in JSON, which has no infinite or NaN numbers", Describe(n))
	case *ast.StringNode, *ast.LiteralNode:
		var s string
		if sn, isStr := v.(*ast.StringNode); isStr {
			s = sn.Value
		} else if lit := v.(*ast.LiteralNode); lit.Value != nil {
			s = lit.Value.Value
		}
		return c.str(dst, n, s, path)
	default:
		c.fail(n, path, "%s cannot be represented in JSON", Describe(n))
	}
	return dst
}

func (c *jsonConverter) str(dst []byte, at ast.Node, s, path string) []byte {
	if !utf8.ValidString(s) {
		c.fail(at, path, "string is not valid UTF-8")
		return dst
	}
	out, err := jsontext.AppendQuote(dst, s)
	if err != nil {
		c.fail(at, path, "string cannot be represented in JSON: %v", err)
		return dst
	}
	return out
}

func (c *jsonConverter) object(dst []byte, m *ast.MappingNode, path string) []byte {
	dst = append(dst, '{')
	first := map[string]Pos{}
	n := 0
	for _, mv := range m.Values {
		if mv.Key != nil && mv.Key.IsMergeKey() {
			c.fail(mv.Key, path, "merge keys ('<<') are not allowed in a JSON value; write the fields out, or use an alias for the whole value")
			continue
		}
		key := c.l.Resolve(mv.Key, path)
		if key == nil {
			c.ok = false
			continue
		}
		switch key.(type) {
		case *ast.MappingNode, *ast.SequenceNode, *ast.NullNode:
			c.fail(mv.Key, path, "a key of a JSON object must be a name, got %s", Describe(key))
			continue
		}
		name := KeyName(key)
		fieldPath := JoinPath(path, name)
		if p, dup := first[name]; dup {
			c.fail(mv.Key, fieldPath, "duplicate key %q (first at line %d)", name, p.Line)
			continue
		}
		first[name] = NodePos(mv.Key)
		if n > 0 {
			dst = append(dst, ',')
		}
		n++
		dst = c.str(dst, mv.Key, name, fieldPath)
		dst = append(dst, ':')
		dst = c.member(dst, mv.Value, fieldPath)
	}
	return append(dst, '}')
}

func (c *jsonConverter) array(dst []byte, s *ast.SequenceNode, path string) []byte {
	dst = append(dst, '[')
	for i, raw := range s.Values {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = c.member(dst, raw, IndexPath(path, i))
	}
	return append(dst, ']')
}

// member appends a value written inside a mapping or list.
func (c *jsonConverter) member(dst []byte, raw ast.Node, path string) []byte {
	n := c.l.Resolve(raw, path)
	if n == nil {
		c.ok = false
		return dst
	}
	return c.value(dst, raw, n, path)
}

// KeyName is the member name a resolved mapping key stands for: a string's
// value, or a number or boolean as written.
func KeyName(key ast.Node) string {
	if s, ok := key.(*ast.StringNode); ok {
		return s.Value
	}
	return tokenText(key)
}
