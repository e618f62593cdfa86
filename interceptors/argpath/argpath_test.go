package argpath

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

func TestParse(t *testing.T) {
	good := []struct {
		path  string
		names []string
		wild  []bool
		index []int
	}{
		{"url", []string{"url"}, []bool{false}, []int{-1}},
		{"a.b", []string{"a", "b"}, []bool{false, false}, []int{-1, -1}},
		{"operations.*.destination.path", []string{"operations", "*", "destination", "path"}, []bool{false, true, false, false}, []int{-1, -1, -1, -1}},
		{"argv.0", []string{"argv", "0"}, []bool{false, false}, []int{-1, 0}},
		{"a.12", []string{"a", "12"}, []bool{false, false}, []int{-1, 12}},
		// Only canonical decimal numbers are indices.
		{"a.01", []string{"a", "01"}, []bool{false, false}, []int{-1, -1}},
		{"a.-1", []string{"a", "-1"}, []bool{false, false}, []int{-1, -1}},
		{"a.+1", []string{"a", "+1"}, []bool{false, false}, []int{-1, -1}},
	}
	for _, g := range good {
		p, ok := Parse(g.path)
		if !ok || len(p) != len(g.names) {
			t.Errorf("Parse(%q) = %d segments, %v", g.path, len(p), ok)
			continue
		}
		for i := range p {
			s := &p[i]
			if s.name != g.names[i] || string(s.nameB) != g.names[i] || s.Wild() != g.wild[i] || s.index != g.index[i] {
				t.Errorf("Parse(%q)[%d] = %+v", g.path, i, *s)
			}
		}
	}
	for _, bad := range []string{"", ".", "a.", ".a", "a..b"} {
		if _, ok := Parse(bad); ok {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func mustParse(t testing.TB, p string) Path {
	t.Helper()
	path, ok := Parse(p)
	if !ok {
		t.Fatalf("Parse(%q) failed", p)
	}
	return path
}

func TestMember(t *testing.T) {
	cases := []struct {
		seg, name string
		want      bool
	}{
		{"url", "url", true},
		{"url", "URL", true}, // a case-insensitive decoder reads it as url
		{"url", "Url", true},
		{"url", "url\x00x", true}, // a decoder cutting at NUL reads it as url
		{"url", "URL\x00", true},
		{"kind", "\u212aind", true}, // KELVIN SIGN folds to k
		{"url", "urls", false},
		{"url", "ur", false},
		{"url", "", false},
		{"url", "\x00url", false},
		{"*", "anything", true},
		{"*", "", true},
		{"0", "0", true},
	}
	for _, c := range cases {
		p := mustParse(t, c.seg)
		if got := p[0].Member([]byte(c.name)); got != c.want {
			t.Errorf("segment %q, member %q: %v", c.seg, c.name, got)
		}
	}
}

func TestElement(t *testing.T) {
	p := mustParse(t, "argv.0.*.x.10")
	cases := []struct {
		seg, i int
		want   bool
	}{
		{0, 0, false}, // a name selects no element
		{1, 0, true},
		{1, 1, false},
		{2, 0, true},
		{2, 7, true},
		{3, 0, false},
		{4, 10, true},
		{4, 1, false},
	}
	for _, c := range cases {
		if got := p[c.seg].Element(c.i); got != c.want {
			t.Errorf("segment %q, element %d: %v", p[c.seg].name, c.i, got)
		}
	}
}

// record is a Visitor that writes down what it is given.
type record struct {
	src []byte
	got []string
	bad bool // a value that is not a slice of src with capped capacity
}

func (r *record) Value(where []byte, v jsontext.Value) {
	r.got = append(r.got, string(where)+"="+string(v))
	if len(v) > 0 && (cap(v) != len(v) || !aliases(r.src, v)) {
		r.bad = true
	}
}

func (r *record) Missing(where []byte) { r.got = append(r.got, string(where)+" missing") }

func aliases(src, v []byte) bool {
	for i := range src {
		if len(src)-i >= len(v) && &src[i] == &v[0] {
			return true
		}
	}
	return false
}

func walkAll(t *testing.T, path, args string) ([]string, error) {
	t.Helper()
	src := []byte(args)
	buf := bytes.NewBuffer(src)
	var d jsontext.Decoder
	d.Reset(buf)
	r := &record{src: src}
	where := append(make([]byte, 0, 4), Root...)
	where, err := mustParse(t, path).Walk(&d, src, where, r)
	if string(where) != Root {
		t.Errorf("%s in %s: Walk returned where %q", path, args, where)
	}
	if r.bad {
		t.Errorf("%s in %s: a value is not a capped slice of the source", path, args)
	}
	return r.got, err
}

func TestWalk(t *testing.T) {
	cases := []struct {
		path, args string
		want       []string
	}{
		{"url", `{"url":"https://a"}`, []string{`params.arguments.url="https://a"`}},
		{"url", `{"other":1,"url":{"x":[1,2]},"z":null}`, []string{`params.arguments.url={"x":[1,2]}`}},
		{"url", `{}`, []string{"params.arguments.url missing"}},
		// null is how clients say "not given".
		{"url", `{"url":null}`, []string{"params.arguments.url missing"}},
		// Variants a lenient decoder reads as the argument are selected too.
		{"url", `{"url":"a","URL":"b","Url\u0000x":"c","urls":"d"}`, []string{
			`params.arguments.url="a"`, `params.arguments.URL="b"`, `params.arguments["Url\u0000x"]="c"`,
		}},
		{"url", `{"\u0055rl":"a"}`, []string{`params.arguments.Url="a"`}},
		// Nested wildcards over arrays and objects.
		{"operations.*.destination.path", `{"operations":[{"source":"/a","destination":{"path":"/srv/out/a"}},{"destination":{"path":"/b"}}]}`, []string{
			`params.arguments.operations.0.destination.path="/srv/out/a"`, `params.arguments.operations.1.destination.path="/b"`,
		}},
		{"operations.*.destination.path", `{"operations":[{"destination":{"path":"/a"}},{"source":"/x"}]}`, []string{
			`params.arguments.operations.0.destination.path="/a"`, "params.arguments.operations.1.destination missing",
		}},
		{"operations.*.destination.path", `{}`, []string{"params.arguments.operations missing"}},
		{"operations.*.destination.path", `{"operations":"all"}`, []string{"params.arguments.operations.* missing"}},
		{"operations.*.destination.path", `{"operations":[]}`, nil},
		{"operations.*.destination.path", `{"operations":{"first":{"destination":{"path":"/x"}}}}`, []string{
			`params.arguments.operations.first.destination.path="/x"`,
		}},
		{"operations.*.destination.path", `{"operations":{"a.b":{"destination":{"path":"/x"}}}}`, []string{
			`params.arguments.operations["a.b"].destination.path="/x"`,
		}},
		// Array indices.
		{"argv.0", `{"argv":["ls","-la"]}`, []string{`params.arguments.argv.0="ls"`}},
		{"argv.1", `{"argv":["ls","-la"]}`, []string{`params.arguments.argv.1="-la"`}},
		{"argv.0", `{"argv":[]}`, []string{"params.arguments.argv.0 missing"}},
		{"argv.0", `{"argv":{"0":"x"}}`, []string{`params.arguments.argv.0="x"`}},
		// A name where an array is: nothing can be selected.
		{"argv.name", `{"argv":["ls"]}`, []string{"params.arguments.argv.name missing"}},
		// A scalar where the path goes on.
		{"a.b", `{"a":"text"}`, []string{"params.arguments.a.b missing"}},
		{"a.b", `{"a":null}`, []string{"params.arguments.a.b missing"}},
		// The arguments themselves.
		{"*", `{"a":1,"b":"x"}`, []string{`params.arguments.a=1`, `params.arguments.b="x"`}},
		{"*", `[true,false]`, []string{`params.arguments.0=true`, `params.arguments.1=false`}},
		{"*", `{}`, nil},
		{"*", `"scalar"`, []string{"params.arguments.* missing"}},
	}
	for _, c := range cases {
		got, err := walkAll(t, c.path, c.args)
		if err != nil {
			t.Errorf("%s in %s: %v", c.path, c.args, err)
			continue
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s in %s:\n got %q\nwant %q", c.path, c.args, got, c.want)
		}
	}
}

func TestWalkErrors(t *testing.T) {
	for _, args := range []string{``, `{`, `{"a":`, `{"a":[1,}`, `{"a" 1}`, `[1 2]`} {
		if _, err := walkAll(t, "a.*", args); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
}

// discard is a Visitor that keeps nothing.
type discard struct{ n int }

func (d *discard) Value([]byte, jsontext.Value) { d.n++ }
func (d *discard) Missing([]byte)               { d.n++ }

// Walk allocates only for member names with escapes (see Unquote).
func TestWalkDoesNotAllocate(t *testing.T) {
	src := []byte(`{"operations":[{"destination":{"path":"/a"}},{"source":"/x"}],"OPERATIONS":{"x":{"destination":{"path":"/b"}}}}`)
	p := mustParse(t, "operations.*.destination.path")
	var buf bytes.Buffer
	var d jsontext.Decoder
	v := new(discard)
	where := make([]byte, 0, 128)
	allocs := testing.AllocsPerRun(100, func() {
		buf = *bytes.NewBuffer(src)
		d.Reset(&buf)
		var err error
		if where, err = p.Walk(&d, src, append(where[:0], Root...), v); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per walk", allocs)
	}
	if v.n == 0 {
		t.Error("nothing visited")
	}
}

func TestAppendName(t *testing.T) {
	long := strings.Repeat("a", MaxName)
	cases := []struct{ name, want string }{
		{"path", ".path"},
		{"A_b-c$d@9", ".A_b-c$d@9"},
		{"a.b", `["a.b"]`},
		{"a b", `["a b"]`},
		{`say "hi"`, `["say \"hi\""]`},
		{"url\x00x", `["url\u0000x"]`},
		{"", `[""]`},
		{"é", `["é"]`},
		{long, "." + long},
		// Longer names are quoted and cut to MaxName bytes ...
		{long + "b", `["` + long + `"]`},
		// ... on a character boundary.
		{strings.Repeat("a", MaxName-1) + "éé", `["` + strings.Repeat("a", MaxName-1) + `"]`},
	}
	for _, c := range cases {
		if got := string(AppendName([]byte("x"), []byte(c.name))); got != "x"+c.want {
			t.Errorf("AppendName(%q) = %q, want %q", c.name, got, "x"+c.want)
		}
	}
}

func TestAppendIndex(t *testing.T) {
	for i, want := range map[int]string{0: "x.0", 7: "x.7", 123: "x.123"} {
		if got := string(AppendIndex([]byte("x"), i)); got != want {
			t.Errorf("AppendIndex(%d) = %q", i, got)
		}
	}
}

func TestUnquote(t *testing.T) {
	raw := []byte(`"plain"`)
	if got := Unquote(raw); string(got) != "plain" || &got[0] != &raw[1] {
		t.Errorf("plain: %q (must alias the input)", got)
	}
	if got := Unquote([]byte(`"a\u0062\n\"\/"`)); string(got) != "ab\n\"/" {
		t.Errorf("escaped: %q", got)
	}
	if got := Unquote([]byte(`""`)); len(got) != 0 {
		t.Errorf("empty: %q", got)
	}
	if got := Unquote([]byte(`"`)); got != nil {
		t.Errorf("short: %q", got)
	}
}
