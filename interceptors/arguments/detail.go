package arguments

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/mcpmesh/mcpmesh/interceptors/argpath"
)

var printer = message.NewPrinter(language.English)

// leaf is one reportable schema violation.
type leaf struct {
	pointer string // JSON pointer of the failing instance, "" for the root
	detail  string
}

// schemaLeaves turns a validation error into at most maxSchemaErrors
// violations: the innermost errors, except that a failed anyOf/oneOf/not is
// reported as itself rather than as the failures of each alternative.
func schemaLeaves(err error) []leaf {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []leaf{{detail: clip(err.Error(), maxDetail)}}
	}
	var all []*jsonschema.ValidationError
	var visit func(e *jsonschema.ValidationError)
	visit = func(e *jsonschema.ValidationError) {
		switch e.ErrorKind.(type) {
		case *kind.Schema, *kind.Group, *kind.AllOf, *kind.Reference:
			if len(e.Causes) > 0 {
				for _, c := range e.Causes {
					visit(c)
				}
				return
			}
		}
		all = append(all, e)
	}
	visit(ve)
	out := make([]leaf, len(all))
	for i, e := range all {
		out[i].pointer = pointer(e.InstanceLocation)
	}
	// The library visits properties in map order: sort for stable findings.
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(out[a].pointer, out[b].pointer) })
	n := min(len(idx), maxSchemaErrors)
	sorted := make([]leaf, n)
	for i := range n {
		sorted[i] = leaf{pointer: out[idx[i]].pointer, detail: clip(describe(all[idx[i]].ErrorKind), maxDetail)}
	}
	if more := len(idx) - n; more > 0 {
		sorted[n-1].detail = clip(sorted[n-1].detail+" (and "+strconv.Itoa(more)+" more)", maxDetail)
	}
	return sorted
}

// describe is the library's message for k, except for the kinds whose
// message would repeat the argument's value: those are described by what
// the schema wants only.
func describe(k jsonschema.ErrorKind) string {
	switch k := k.(type) {
	case *kind.Pattern:
		return "does not match pattern " + quoteSchema(k.Want)
	case *kind.Format:
		return "is not a valid " + quoteSchema(k.Want)
	case *kind.Minimum:
		return "must be >= " + k.Want.RatString()
	case *kind.Maximum:
		return "must be <= " + k.Want.RatString()
	case *kind.ExclusiveMinimum:
		return "must be > " + k.Want.RatString()
	case *kind.ExclusiveMaximum:
		return "must be < " + k.Want.RatString()
	case *kind.MultipleOf:
		return "must be a multiple of " + k.Want.RatString()
	case *kind.ContentEncoding:
		return "is not " + quoteSchema(k.Want) + " encoded"
	case *kind.ContentMediaType:
		return "is not of media type " + quoteSchema(k.Want)
	case *kind.FalseSchema:
		return "is not allowed here (the schema is false)"
	case *kind.AnyOf:
		return "matches none of the anyOf alternatives"
	case *kind.OneOf:
		if len(k.Subschemas) == 0 {
			return "matches none of the oneOf alternatives"
		}
	}
	return k.LocalizedString(printer)
}

func quoteSchema(s string) string { return "'" + clip(s, 80) + "'" }

// pointer is the JSON pointer (RFC 6901) of the given tokens.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		if len(t) > argpath.MaxName {
			t = clip(t, argpath.MaxName)
		}
		t = strings.ReplaceAll(t, "~", "~0")
		b.WriteString(strings.ReplaceAll(t, "/", "~1"))
	}
	return b.String()
}
