package arguments

import (
	"bytes"
	"math"
	"math/big"
	"regexp"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// A fastNode checks, on the raw JSON text and without decoding it, the part
// of JSON Schema that tool schemas use: type, enum and const of strings,
// properties, required, dependentRequired, additionalProperties, items,
// lengths, counts, bounds and multipleOf on integers, patterns, asserted
// formats (through the library's own checks), $ref, allOf and anyOf. It is
// built from a schema the library compiled, so keywords mean what the
// library made of them (draft, defaults, references resolved).
//
// It answers only "valid" or "cannot tell": whenever it reports valid, the
// library would too. What it does not model (oneOf, not, if,
// patternProperties, uniqueItems, contains, numbers other than plain
// integers under numeric keywords, enums of non-strings, ...) makes it
// answer "cannot tell", and the library then validates the decoded value
// and describes the violations, exactly as without this path. Only calls
// that pass skip the library, and they are most calls.
type fastNode struct {
	unknown  bool // a keyword not modelled here: the library decides
	anything bool // no assertion at all: every value is valid

	types uint8 // set of fastType bits; 0 when "type" is absent

	hasEnum   bool
	enumStrs  []string // the string values of enum
	hasConst  bool
	constStr  string
	minLength int // -1 when absent
	maxLength int
	pattern   *regexp.Regexp

	// Bounds on integers, as integer thresholds; numeric is set when any
	// numeric keyword is present.
	numeric    bool
	lo, hi     int64 // inclusive
	never      bool  // no int64 satisfies the bounds
	multipleOf int64 // 0 when absent

	format *jsonschema.Format // asserted format (draft-07 and older)

	props     map[string]*fastNode
	names     map[string]int // required or dependent names -> bit
	required  uint64         // bits of the required names
	deps      []fastDep      // dependentRequired, and dependencies of names
	addl      *fastNode      // additionalProperties schema; nil when absent
	addlFalse bool           // additionalProperties: false
	minProps  int            // -1 when absent
	maxProps  int

	items      *fastNode   // schema of the elements after prefix; nil when absent
	prefix     []*fastNode // positional item schemas
	itemsFalse bool        // no element after prefix is allowed
	minItems   int         // -1 when absent
	maxItems   int

	allOf, anyOf []*fastNode
	ref          *fastNode
	refOnly      bool // before 2019-09, $ref's siblings other than type, enum, const and format are ignored
}

// fastDep: when the member of bit key is present, so must be those of mask.
type fastDep struct {
	key  int
	mask uint64
}

const (
	fNull uint8 = 1 << iota
	fBool
	fNumber
	fInteger
	fString
	fArray
	fObject
)

var fastTypeBits = map[string]uint8{
	"null": fNull, "boolean": fBool, "number": fNumber, "integer": fInteger,
	"string": fString, "array": fArray, "object": fObject,
}

// maxFastHops bounds the schemas applied to one value through $ref, allOf
// and anyOf; past it (a reference cycle, which the library reports as an
// error) the fast path cannot tell.
const maxFastHops = 32

// buildFast returns the fast form of s; never nil.
func buildFast(s *jsonschema.Schema) *fastNode {
	return fastOf(s, map[*jsonschema.Schema]*fastNode{})
}

func fastOf(s *jsonschema.Schema, memo map[*jsonschema.Schema]*fastNode) *fastNode {
	if n, ok := memo[s]; ok {
		return n
	}
	n := &fastNode{minLength: -1, maxLength: -1, minProps: -1, maxProps: -1, minItems: -1, maxItems: -1}
	memo[s] = n
	if s.Bool != nil {
		n.anything = *s.Bool
		n.unknown = !*s.Bool
		return n
	}
	if s.RecursiveRef != nil || s.DynamicRef != nil || s.Not != nil || len(s.OneOf) > 0 || s.If != nil ||
		len(s.PatternProperties) > 0 || s.PropertyNames != nil ||
		len(s.DependentSchemas) > 0 || s.UnevaluatedProperties != nil ||
		s.UnevaluatedItems != nil || s.UniqueItems || s.Contains != nil || s.ContentEncoding != nil ||
		s.ContentMediaType != nil || s.ContentSchema != nil || len(s.Extensions) > 0 {
		n.unknown = true
		return n
	}
	assertions := false
	if s.Types != nil && !s.Types.IsEmpty() {
		for _, t := range s.Types.ToStrings() {
			n.types |= fastTypeBits[t]
		}
		assertions = true
	}
	if s.Enum != nil {
		n.hasEnum, assertions = true, true
		for _, v := range s.Enum.Values {
			if str, ok := v.(string); ok {
				n.enumStrs = append(n.enumStrs, str)
			}
		}
	}
	if s.Const != nil {
		str, ok := (*s.Const).(string)
		if !ok {
			n.unknown = true
			return n
		}
		n.hasConst, n.constStr, assertions = true, str, true
	}
	if s.MinLength != nil {
		n.minLength, assertions = *s.MinLength, true
	}
	if s.MaxLength != nil {
		n.maxLength, assertions = *s.MaxLength, true
	}
	if s.Format != nil {
		n.format, assertions = s.Format, true
	}
	if s.Pattern != nil {
		re, ok := s.Pattern.(*regexp.Regexp)
		if !ok {
			n.unknown = true
			return n
		}
		n.pattern, assertions = re, true
	}
	if !n.setBounds(s) {
		n.unknown = true
		return n
	}
	assertions = assertions || n.numeric

	if len(s.Properties) > 0 {
		n.props = make(map[string]*fastNode, len(s.Properties))
		for name, sub := range s.Properties {
			n.props[name] = fastOf(sub, memo)
		}
		assertions = true
	}
	if !n.setNames(s) {
		n.unknown = true
		return n
	}
	assertions = assertions || n.required != 0 || len(n.deps) > 0
	switch a := s.AdditionalProperties.(type) {
	case nil:
	case bool:
		n.addlFalse, assertions = !a, assertions || !a
	case *jsonschema.Schema:
		n.addl, assertions = fastOf(a, memo), true
	default:
		n.unknown = true
		return n
	}
	if s.MinProperties != nil {
		n.minProps, assertions = *s.MinProperties, true
	}
	if s.MaxProperties != nil {
		n.maxProps, assertions = *s.MaxProperties, true
	}

	if s.DraftVersion < 2020 {
		switch it := s.Items.(type) {
		case nil:
		case *jsonschema.Schema:
			n.items, assertions = fastOf(it, memo), true
		case []*jsonschema.Schema:
			for _, sub := range it {
				n.prefix = append(n.prefix, fastOf(sub, memo))
			}
			assertions = true
			// additionalItems applies only after a list of items.
			switch a := s.AdditionalItems.(type) {
			case nil:
			case bool:
				n.itemsFalse = !a
			case *jsonschema.Schema:
				n.items = fastOf(a, memo)
			default:
				n.unknown = true
				return n
			}
		default:
			n.unknown = true
			return n
		}
	} else {
		for _, sub := range s.PrefixItems {
			n.prefix = append(n.prefix, fastOf(sub, memo))
		}
		if s.Items2020 != nil {
			n.items = fastOf(s.Items2020, memo)
		}
		assertions = assertions || len(n.prefix) > 0 || n.items != nil
	}
	if s.MinItems != nil {
		n.minItems, assertions = *s.MinItems, true
	}
	if s.MaxItems != nil {
		n.maxItems, assertions = *s.MaxItems, true
	}

	for _, sub := range s.AllOf {
		n.allOf = append(n.allOf, fastOf(sub, memo))
	}
	for _, sub := range s.AnyOf {
		n.anyOf = append(n.anyOf, fastOf(sub, memo))
	}
	if s.Ref != nil {
		n.ref, n.refOnly = fastOf(s.Ref, memo), s.DraftVersion < 2019
	}
	assertions = assertions || len(n.allOf) > 0 || len(n.anyOf) > 0 || n.ref != nil
	n.anything = !assertions
	return n
}

// setNames indexes the names of required, dependentRequired and the
// name lists of dependencies (at most 64); a schema-valued dependency is
// not modelled. dependentRequired counts from draft-07 on, as for the
// library.
func (n *fastNode) setNames(s *jsonschema.Schema) bool {
	bit := func(name string) (int, bool) {
		if n.names == nil {
			n.names = map[string]int{}
		}
		b, ok := n.names[name]
		if !ok {
			if len(n.names) == 64 {
				return 0, false
			}
			b = len(n.names)
			n.names[name] = b
		}
		return b, true
	}
	for _, name := range s.Required {
		b, ok := bit(name)
		if !ok {
			return false
		}
		n.required |= 1 << b
	}
	dep := func(key string, list []string) bool {
		k, ok := bit(key)
		if !ok {
			return false
		}
		d := fastDep{key: k}
		for _, name := range list {
			b, ok := bit(name)
			if !ok {
				return false
			}
			d.mask |= 1 << b
		}
		n.deps = append(n.deps, d)
		return true
	}
	for key, v := range s.Dependencies {
		list, ok := v.([]string)
		if !ok || !dep(key, list) {
			return false
		}
	}
	if s.DraftVersion != 4 && s.DraftVersion != 6 {
		for key, list := range s.DependentRequired {
			if !dep(key, list) {
				return false
			}
		}
	}
	return true
}

// setBounds turns the numeric keywords into integer thresholds: for an
// integer x, x >= r exactly when x >= ceil(r), x > r when x >= floor(r)+1,
// and so on; x/m is an integer for m = p/q in lowest terms exactly when p
// divides x. It reports false for what it cannot represent.
func (n *fastNode) setBounds(s *jsonschema.Schema) bool {
	n.lo, n.hi = math.MinInt64, math.MaxInt64
	one := big.NewInt(1)
	if s.Minimum != nil {
		n.raiseLo(ceilRat(s.Minimum))
	}
	if s.ExclusiveMinimum != nil {
		n.raiseLo(new(big.Int).Add(floorRat(s.ExclusiveMinimum), one))
	}
	if s.Maximum != nil {
		n.lowerHi(floorRat(s.Maximum))
	}
	if s.ExclusiveMaximum != nil {
		n.lowerHi(new(big.Int).Sub(ceilRat(s.ExclusiveMaximum), one))
	}
	if m := s.MultipleOf; m != nil {
		n.numeric = true
		p := new(big.Int).Abs(m.Num())
		if p.Sign() == 0 || !p.IsInt64() {
			return false
		}
		n.multipleOf = p.Int64()
	}
	return true
}

func (n *fastNode) raiseLo(b *big.Int) {
	n.numeric = true
	switch {
	case !b.IsInt64():
		if b.Sign() > 0 {
			n.never = true
		}
	case b.Int64() > n.lo:
		n.lo = b.Int64()
	}
}

func (n *fastNode) lowerHi(b *big.Int) {
	n.numeric = true
	switch {
	case !b.IsInt64():
		if b.Sign() < 0 {
			n.never = true
		}
	case b.Int64() < n.hi:
		n.hi = b.Int64()
	}
}

// floorRat is the largest integer <= r: big.Int's Div is Euclidean, and a
// Rat's denominator is positive.
func floorRat(r *big.Rat) *big.Int {
	return new(big.Int).Div(r.Num(), r.Denom())
}

func ceilRat(r *big.Rat) *big.Int {
	q := floorRat(r)
	if !r.IsInt() {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// fastRun is the scratch space of one fast validation.
type fastRun struct {
	scratch []byte
}

// valid reports whether v, a JSON value the decoder has validated (no
// duplicate names, valid UTF-8), is certainly valid against n. hops counts
// the schemas applied to v itself.
func (f *fastRun) valid(n *fastNode, v []byte, hops int) bool {
	if n.anything {
		return true
	}
	if n.unknown || hops > maxFastHops || len(v) == 0 {
		return false
	}
	k := v[0]
	if n.types != 0 && !typeMatches(n.types, k, v) {
		return false
	}
	if n.format != nil {
		// Checked before $ref, as the library does. Formats may judge
		// other values than strings: those are left to the library.
		if k != '"' || n.format.Validate(string(f.unquote(v))) != nil {
			return false // the one check that allocates: formats take an any
		}
	}
	if n.hasEnum || n.hasConst {
		if k != '"' {
			return false // numbers and structures: the library compares them
		}
		s := f.unquote(v)
		if n.hasConst && string(s) != n.constStr {
			return false
		}
		if n.hasEnum && !containsString(n.enumStrs, s) {
			return false
		}
	}
	if n.ref != nil {
		if !f.valid(n.ref, v, hops+1) {
			return false
		}
		if n.refOnly {
			return true
		}
	}
	switch {
	case k == '{':
		if !f.object(n, v) {
			return false
		}
	case k == '[':
		if !f.array(n, v) {
			return false
		}
	case k == '"':
		if !f.str(n, v) {
			return false
		}
	case k == '-' || k >= '0' && k <= '9':
		if n.numeric && !n.number(v) {
			return false
		}
	}
	for _, sub := range n.allOf {
		if !f.valid(sub, v, hops+1) {
			return false
		}
	}
	if len(n.anyOf) > 0 {
		ok := false
		for _, sub := range n.anyOf {
			if f.valid(sub, v, hops+1) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func containsString(set []string, s []byte) bool {
	for _, e := range set {
		if e == string(s) {
			return true
		}
	}
	return false
}

// typeMatches reports whether the value (starting with k) has one of the
// types; an integer is a number without fraction or exponent here (other
// spellings of integers, such as 1.0, are left to the library).
func typeMatches(types, k byte, v []byte) bool {
	switch {
	case k == '{':
		return types&fObject != 0
	case k == '[':
		return types&fArray != 0
	case k == '"':
		return types&fString != 0
	case k == 't' || k == 'f':
		return types&fBool != 0
	case k == 'n':
		return types&fNull != 0
	}
	if types&fNumber != 0 {
		return true
	}
	if types&fInteger != 0 {
		_, ok := plainInt(v)
		return ok
	}
	return false
}

// plainInt reads a number written -?digits that fits an int64.
func plainInt(v []byte) (int64, bool) {
	neg := len(v) > 0 && v[0] == '-'
	if neg {
		v = v[1:]
	}
	if len(v) == 0 || len(v) > 18 {
		return 0, false
	}
	var x int64
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		x = x*10 + int64(c-'0')
	}
	if neg {
		x = -x
	}
	return x, true
}

func (n *fastNode) number(v []byte) bool {
	x, ok := plainInt(v)
	if !ok || n.never || x < n.lo || x > n.hi {
		return false
	}
	return n.multipleOf == 0 || x%n.multipleOf == 0
}

func (f *fastRun) str(n *fastNode, v []byte) bool {
	if n.minLength < 0 && n.maxLength < 0 && n.pattern == nil {
		return true
	}
	s := f.unquote(v)
	if n.minLength >= 0 || n.maxLength >= 0 {
		l := utf8.RuneCount(s)
		if n.minLength >= 0 && l < n.minLength || n.maxLength >= 0 && l > n.maxLength {
			return false
		}
	}
	return n.pattern == nil || n.pattern.Match(s)
}

func (f *fastRun) object(n *fastNode, v []byte) bool {
	var present uint64
	count := 0
	for i := jsonrpc.SkipSpace(v, 1); i < len(v) && v[i] != '}'; {
		nameEnd := jsonrpc.ValueEnd(v, i)
		rawName := v[i:nameEnd]
		i = jsonrpc.SkipSpace(v, jsonrpc.SkipSpace(v, nameEnd)+1) // past the colon
		if i >= len(v) {
			return false // not valid JSON after all: let the library say so
		}
		valEnd := jsonrpc.ValueEnd(v, i)
		val := v[i:valEnd]
		if i = jsonrpc.SkipSpace(v, valEnd); i < len(v) && v[i] == ',' {
			i = jsonrpc.SkipSpace(v, i+1)
		}
		count++

		name := f.unquote(rawName)
		if n.names != nil {
			if b, ok := n.names[string(name)]; ok {
				present |= 1 << b
			}
		}
		// name (in scratch) is not used past this point.
		if sub, ok := n.props[string(name)]; ok {
			if !f.valid(sub, val, 0) {
				return false
			}
			continue
		}
		if n.addlFalse {
			return false
		}
		if n.addl != nil && !f.valid(n.addl, val, 0) {
			return false
		}
	}
	if present&n.required != n.required {
		return false
	}
	for _, d := range n.deps {
		if present&(1<<d.key) != 0 && present&d.mask != d.mask {
			return false
		}
	}
	return (n.minProps < 0 || count >= n.minProps) && (n.maxProps < 0 || count <= n.maxProps)
}

func (f *fastRun) array(n *fastNode, v []byte) bool {
	count := 0
	for i := jsonrpc.SkipSpace(v, 1); i < len(v) && v[i] != ']'; count++ {
		end := jsonrpc.ValueEnd(v, i)
		el := v[i:end]
		if i = jsonrpc.SkipSpace(v, end); i < len(v) && v[i] == ',' {
			i = jsonrpc.SkipSpace(v, i+1)
		}
		switch {
		case count < len(n.prefix):
			if !f.valid(n.prefix[count], el, 0) {
				return false
			}
		case n.itemsFalse:
			return false
		case n.items != nil:
			if !f.valid(n.items, el, 0) {
				return false
			}
		}
	}
	return (n.minItems < 0 || count >= n.minItems) && (n.maxItems < 0 || count <= n.maxItems)
}

// unquote returns the text of the string literal v, in the scratch buffer
// when it has escapes; valid until the next call.
func (f *fastRun) unquote(v []byte) []byte {
	if len(v) < 2 {
		return nil
	}
	if bytes.IndexByte(v, '\\') < 0 {
		return v[1 : len(v)-1]
	}
	f.scratch, _ = jsontext.AppendUnquote(f.scratch[:0], v)
	return f.scratch
}
