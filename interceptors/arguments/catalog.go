package arguments

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/mcpmesh/mcpmesh/interceptors/argpath"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// Bounds of one Catalog.
const (
	// MaxTools is the most tools a catalog remembers. When a listing brings
	// it over, the tools listed longest ago are forgotten; a single result
	// listing more has the excess reported and not learned.
	MaxTools = 1024
	// MaxSchemaBytes is the largest inputSchema compiled; a larger one is
	// reported and the tool gets the unknown-tool treatment. Compiling
	// costs time that grows faster than linearly with size, and it happens
	// inline on a tools/list answer, so the bound stays well under what
	// a message timeout allows (the policy loader uses the same bound).
	MaxSchemaBytes = 32 << 10
	// MaxCatalogBytes bounds the total size of the distinct schemas a
	// catalog keeps compiled; a schema that would exceed it is treated as
	// too large.
	MaxCatalogBytes = 16 << 20
)

// Catalog remembers, per server, the tools last listed by the server: name
// -> compiled inputSchema.
//
// It outlives policy versions (ext_proc keeps one per server name) and is
// safe for concurrent use: Lookup never blocks; Learn calls are serialised.
// Each distinct schema (by SHA-256 of its bytes) is compiled once.
//
// Listings are merged: a tool is added or replaced when a result names it
// and is forgotten only when the catalog is full and it is the one listed
// longest ago. That keeps paginated listings (each page a separate result)
// and sessions that see different tool sets from erasing each other.
type Catalog struct {
	tools atomic.Pointer[map[string]*entry] // immutable snapshot; replaced by Learn

	mu    sync.Mutex // serialises Learn; guards the fields below
	gen   uint64
	cache map[[32]byte]*compiled
	bytes int // total size of the schemas in cache
}

// entry is what the catalog knows about one tool.
type entry struct {
	schema *jsonschema.Schema // nil when the tool's schema is unusable
	fast   *fastNode          // the allocation-free check of schema
	hash   [32]byte
	reason string // why schema is nil
	gen    uint64 // the Learn that last listed the tool
}

// compiled is the outcome of compiling one distinct schema.
type compiled struct {
	schema *jsonschema.Schema
	fast   *fastNode
	err    string // set when compilation failed
	size   int
}

// NewCatalog returns an empty catalog.
func NewCatalog() *Catalog {
	c := &Catalog{cache: map[[32]byte]*compiled{}}
	empty := map[string]*entry{}
	c.tools.Store(&empty)
	return c
}

// Lookup returns the compiled inputSchema of tool. known is false for a
// tool never listed, and for one whose inputSchema could not be used (too
// large, or it does not compile).
func (c *Catalog) Lookup(tool string) (schema *jsonschema.Schema, known bool) {
	e := c.entry(tool)
	if e == nil || e.schema == nil {
		return nil, false
	}
	return e.schema, true
}

// entry returns what the catalog knows of tool, or nil.
func (c *Catalog) entry(tool string) *entry {
	return (*c.tools.Load())[tool]
}

// Len is the number of tools the catalog remembers, usable or not.
func (c *Catalog) Len() int { return len(*c.tools.Load()) }

// Names returns the names of the tools the server listed, in no order.
func (c *Catalog) Names() []string {
	m := *c.tools.Load()
	out := make([]string, 0, len(m))
	for name := range m {
		out = append(out, name)
	}
	return out
}

// ToolError is a tool of a tools/list result whose inputSchema cannot be
// used for validation.
type ToolError struct {
	Index  int    // position in the "tools" array
	Tool   string // the tool's name
	Reason string // short; never contains argument values
}

func (e ToolError) Error() string { return fmt.Sprintf("tool %q: %s", e.Tool, e.Reason) }

// LearnError lists the tools of a result that Learn could not use. The
// other tools of the result were learned.
type LearnError []ToolError

func (e LearnError) Error() string {
	parts := make([]string, len(e))
	for i, te := range e {
		parts[i] = te.Error()
	}
	return strings.Join(parts, "; ")
}

// ErrNotToolsList is returned by Learn for a result that is not a
// tools/list result; nothing was learned from it.
var ErrNotToolsList = errors.New("not a tools/list result")

// listed is one tool of a result.
type listed struct {
	index  int
	name   string
	schema []byte // raw inputSchema; nil when absent
	reason string // set when the tool's entry is unusable whatever the schema
}

// Learn records the tools of a tools/list result (after the allowlist
// filtered it). Tools without a string name are skipped. A tool whose
// inputSchema is missing, too large, or does not compile is remembered as
// unusable, and Learn returns a LearnError naming it. A result that cannot
// be read returns an error wrapping ErrNotToolsList and changes nothing.
func (c *Catalog) Learn(result jsontext.Value) error {
	tools, err := readToolsList(result)
	if err != nil {
		return err
	}
	return c.learn(tools)
}

// LearnDefs is Learn for definitions already read (Exchange.ToolDefs).
func (c *Catalog) LearnDefs(defs []jsontext.Value) error {
	tools, err := readDefs(defs)
	if err != nil {
		return err
	}
	return c.learn(tools)
}

func (c *Catalog) learn(tools []listed) error {
	var problems LearnError
	if len(tools) > MaxTools {
		for _, t := range tools[MaxTools:] {
			problems = append(problems, ToolError{Index: t.index, Tool: t.name, Reason: fmt.Sprintf("not learned: the result lists more than %d tools", MaxTools)})
		}
		tools = tools[:MaxTools]
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	gen := c.gen
	old := *c.tools.Load()
	next := make(map[string]*entry, len(old)+len(tools))
	for name, e := range old {
		next[name] = e
	}
	hashes := make([][32]byte, len(tools))
	for i, t := range tools {
		if t.schema != nil {
			hashes[i] = sha256.Sum256(t.schema)
		}
		// A placeholder; filled in once the cache has been swept.
		next[t.name] = &entry{hash: hashes[i], gen: gen}
	}
	if len(next) > MaxTools {
		evictOldest(next, len(next)-MaxTools)
	}
	// Forget compiled schemas that no remembered tool uses any more, so
	// the byte budget is measured on what stays.
	used := make(map[[32]byte]bool, len(next))
	for _, e := range next {
		used[e.hash] = true
	}
	for h, cs := range c.cache {
		if !used[h] {
			c.bytes -= cs.size
			delete(c.cache, h)
		}
	}
	for i, t := range tools {
		e := next[t.name]
		if e == nil || e.gen != gen {
			continue // evicted (cannot happen: at most MaxTools are new)
		}
		switch {
		case t.reason != "":
			e.reason = t.reason
		case len(t.schema) > MaxSchemaBytes:
			e.reason = fmt.Sprintf("inputSchema too large to check (%d bytes, limit %d)", len(t.schema), MaxSchemaBytes)
		default:
			cs := c.cache[hashes[i]]
			if cs == nil {
				if c.bytes+len(t.schema) > MaxCatalogBytes {
					e.reason = fmt.Sprintf("inputSchema not compiled: the server's schemas exceed %d bytes in total", MaxCatalogBytes)
					break
				}
				cs = &compiled{size: len(t.schema)}
				if s, err := compileSchema(t.schema); err != nil {
					cs.err = "inputSchema does not compile: " + err.Error()
				} else {
					cs.schema, cs.fast = s, buildFast(s)
				}
				c.cache[hashes[i]] = cs
				c.bytes += cs.size
			}
			e.schema, e.fast, e.reason = cs.schema, cs.fast, cs.err
		}
		if e.schema == nil {
			problems = append(problems, ToolError{Index: t.index, Tool: t.name, Reason: clip(e.reason, maxDetail)})
		}
	}
	c.tools.Store(&next)
	if len(problems) > 0 {
		return problems
	}
	return nil
}

// evictOldest removes the n entries listed longest ago.
func evictOldest(m map[string]*entry, n int) {
	type aged struct {
		name string
		gen  uint64
	}
	all := make([]aged, 0, len(m))
	for name, e := range m {
		all = append(all, aged{name, e.gen})
	}
	slices.SortFunc(all, func(a, b aged) int {
		if a.gen != b.gen {
			if a.gen < b.gen {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	for _, a := range all[:n] {
		delete(m, a.name)
	}
}

// readToolsList reads the tools of a tools/list result: an object with a
// "tools" array of objects. A name listed twice is kept once, as unusable.
func readToolsList(result jsontext.Value) ([]listed, error) {
	defs, err := jsonrpc.ReadTools(result)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotToolsList, err)
	}
	return readDefs(defs)
}

// readDefs reads the name and inputSchema of each tool definition (as
// jsonrpc.ReadTools returns them).
func readDefs(defs []jsontext.Value) ([]listed, error) {
	var tools []listed
	var seen map[string]int
	for i, def := range defs {
		if def.Kind() != '{' {
			continue
		}
		w := getWalker(def)
		t, ok, err := readTool(w)
		putWalker(w)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotToolsList, err)
		}
		if !ok {
			continue
		}
		t.index = i
		// A name listed twice leaves the client to pick one schema:
		// neither is trusted.
		if j, dup := seen[t.name]; dup {
			tools[j].schema, tools[j].reason = nil, "listed more than once in one result"
			continue
		}
		if seen == nil {
			seen = map[string]int{}
		}
		seen[t.name] = len(tools)
		tools = append(tools, t)
	}
	return tools, nil
}

// readTool reads one tool object. ok is false for a tool without a usable
// name (the allowlist removes those before the catalog sees them).
func readTool(w *walker) (t listed, ok bool, err error) {
	d := &w.dec
	if _, err := d.ReadToken(); err != nil {
		return t, false, err
	}
	hasName, ambiguousName, ambiguousSchema := false, false, false
	for d.PeekKind() != '}' {
		rawName, err := d.ReadValue()
		if err != nil {
			return t, false, err
		}
		name := argpath.Unquote(rawName)
		v, err := w.value()
		if err != nil {
			return t, false, err
		}
		switch {
		case string(name) == "name":
			if v.Kind() == '"' {
				t.name, hasName = string(argpath.Unquote(v)), true
			}
		case string(name) == "inputSchema":
			t.schema = v
		case argpath.ReadAs(name, "name"):
			ambiguousName = true
		case argpath.ReadAs(name, "inputSchema"):
			ambiguousSchema = true
		}
	}
	if _, err := d.ReadToken(); err != nil {
		return t, false, err
	}
	switch {
	case !hasName || ambiguousName:
		return t, false, nil
	case ambiguousSchema:
		t.reason = "ambiguous inputSchema: another member's name differs from it only by letter case"
	case t.schema == nil:
		t.reason = "no inputSchema"
	}
	return t, true, nil
}

// noLoader refuses every external reference: a schema may refer only to
// itself and to the standard meta-schemas built into the library.
type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("external references are not followed (%s)", clip(url, 80))
}

// schemaURL names the schema being compiled; "$id" inside it may change the
// base, and references that leave the document fail.
const schemaURL = "urn:mcpmesh:schema"

// compileSchema compiles a JSON Schema. "$schema" picks the draft (2020-12
// when absent; draft-04, -06, -07 and 2019-09 are understood); "format" is
// asserted where the draft makes it an assertion (draft-07 and older) and
// an annotation otherwise; content keywords are annotations.
func compileSchema(raw []byte) (*jsonschema.Schema, error) {
	s, err := compileRaw(raw)
	if err != nil {
		return nil, compileError(err)
	}
	return s, nil
}

// compileRaw is compileSchema with the library's own error, which the
// policy section turns into positioned problems.
func compileRaw(raw []byte) (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.UseLoader(noLoader{})
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(schemaURL)
}

// compileError turns the library's compile error into one line: for a
// schema that breaks its meta-schema, the first place and what is wrong.
func compileError(err error) error {
	var sve *jsonschema.SchemaValidationError
	if errors.As(err, &sve) {
		if leaves := schemaLeaves(sve.Err); len(leaves) > 0 {
			where := leaves[0].pointer
			if where == "" {
				where = "/"
			}
			return fmt.Errorf("invalid schema at %s: %s", where, leaves[0].detail)
		}
	}
	msg := strings.ReplaceAll(err.Error(), "\n", "; ")
	msg = strings.ReplaceAll(msg, `"`+schemaURL+`#`, `"#`)
	return errors.New(msg)
}
