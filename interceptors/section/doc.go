// Package section reads the policy file for the interceptors: a YAML tree
// whose every node keeps its line and column, entries (a value and its field
// path), and typed readers (fields, lists, strings, choices, modes, bounds,
// JSON values, files next to the policy) that collect problems as
// "file:line:column: field: message" instead of stopping at the first.
//
// The policy loader (xds/policy) owns the file and its top level; each
// interceptor's Decode reads its own section with a Reader.
package section
