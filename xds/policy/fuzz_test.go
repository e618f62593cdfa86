package policy

import (
	"errors"
	"os"
	"testing"
)

// FuzzParse checks that no input makes Parse panic, that every failure is a
// list of positioned errors, and that every success passes ir.Validate.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"default.yaml", "testdata/valid.yaml", "testdata/invalid.yaml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("version: 1\nservers: [{name: a, upstream: 'h:1', tools: {allow: [], deny: [x]}}]\n"))
	f.Add([]byte("a: &x {b: *x, <<: *x}\nservers:\n  - <<: [*x, *x]\n    name: !!str 1\n"))
	f.Add([]byte("version: !!int 1\n---\n- *y\n"))
	f.Add([]byte("version: 1\nservers:\n- name: a\n  upstream: h:1\n  arguments:\n    schema: off\n    rules:\n    - {tool: x, argument: a.*, enum: [1, {b: [null]}], schema: &s {not: *s, type: string}}\n  content:\n    secrets: {}\n    pii: [{kind: regex, name: n, pattern: 'x+', action: redact}, {kind: phone, region: DE, action: audit}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := parseAnyImage("f.yaml", data)
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error %T %v is not a non-empty Errors", err, err)
			}
			return
		}
		if err := res.Policy.Validate(); err != nil {
			t.Fatalf("accepted policy fails ir.Validate: %v", err)
		}
	})
}
