package toolglob

import "testing"

func TestMatch(t *testing.T) {
	cases := []struct {
		pattern, name string
		want          bool
	}{
		{"echo", "echo", true},
		{"echo", "Echo", false},
		{"echo", "echo2", false},
		{"get_*", "get_time", true},
		{"get_*", "get_", true},
		{"get_*", "xget_time", false},
		{"*_file", "read_file", true},
		{"*", "", true},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
		{"v?", "v1", true},
		{"v?", "v10", false},
		{"v?", "vé", true}, // '?' is one character, not one byte
		{"a.b", "axb", false},
		{"run*", "run\nshell", true},
		{"**x", "abx", true},
		{"überprüfen", "überprüfen", true},
		{"f?tch", "fetch", true},
		{"*_url", "get_uri", false},
		{"é?", "éa", true},
	}
	for _, c := range cases {
		p, err := Compile(c.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Match(c.name); got != c.want {
			t.Errorf("%q ~ %q = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
	for _, bad := range []string{"", "a\x00b", "tab\there"} {
		if _, err := Compile(bad); err == nil {
			t.Errorf("Compile(%q) accepted", bad)
		}
	}
}

func TestMatchDoesNotAllocate(t *testing.T) {
	p, _ := Compile("get_*_v?")
	if n := testing.AllocsPerRun(100, func() { p.Match("get_user_v2") }); n != 0 {
		t.Fatalf("%v allocations per match", n)
	}
}
