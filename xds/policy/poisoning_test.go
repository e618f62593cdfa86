package policy

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
)

var (
	hashA = strings.Repeat("a", 64)
	hashB = strings.Repeat("0123456789abcdef", 4)
)

func TestPoisoningValid(t *testing.T) {
	def := &poisoning.Policy{Mode: interceptors.Enforce, Action: interceptors.ActionHide, MaxDescriptionBytes: poisoning.DefaultMaxDescriptionBytes}
	tests := []struct {
		name string
		body string
		want *poisoning.Policy
	}{
		{"absent: off", "", nil},
		{"empty mapping: defaults", "    poisoning: {}\n", def},
		{"explicit defaults", "    poisoning: {mode: enforce, action: hide, maxDescriptionBytes: 65536}\n", def},
		{"every field but the lock file", "    poisoning:\n      mode: audit\n      action: block\n      maxDescriptionBytes: 64\n",
			&poisoning.Policy{Mode: interceptors.AuditOnly, Action: interceptors.ActionBlock, MaxDescriptionBytes: 64}},
		{"largest description", "    poisoning: {action: audit, maxDescriptionBytes: 1048576}\n",
			&poisoning.Policy{Mode: interceptors.Enforce, Action: interceptors.ActionAudit, MaxDescriptionBytes: 1 << 20}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, warnings := parseServer(t, tt.body)
			if !reflect.DeepEqual(s.Poisoning, tt.want) {
				t.Errorf("poisoning:\n got %+v\nwant %+v", s.Poisoning, tt.want)
			}
			if len(warnings) != 0 {
				t.Errorf("warnings: %q", warnings)
			}
		})
	}
}

func TestPoisoningErrors(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"empty value", "    poisoning:\n", []string{
			`policy.yaml:6:5: servers[0].poisoning: must be a mapping; write "poisoning: {}" to check tool definitions with the defaults, or remove the key to turn the checks off`}},
		{"not a mapping", "    poisoning: true\n", []string{
			`policy.yaml:6:16: servers[0].poisoning: must be a mapping with mode, action, maxDescriptionBytes, lockFile and onChange, got the boolean true`}},
		{"bad values", "    poisoning: {mode: off, action: redact, maxDescriptionBytes: 63, onChange: hide, lockfile: x}\n", []string{
			`policy.yaml:6:23: servers[0].poisoning.mode: must be "enforce" or "audit", got "off"; remove the poisoning key to turn the checks off`,
			`policy.yaml:6:36: servers[0].poisoning.action: must be "hide", "block" or "audit", got "redact"`,
			`policy.yaml:6:65: servers[0].poisoning.maxDescriptionBytes: must be between 64 (64) and 1048576 (1 MiB) bytes, got 63`,
			`policy.yaml:6:69: servers[0].poisoning.onChange: only used with lockFile: without a lock file no tool definition is pinned, so it would do nothing`,
			`policy.yaml:6:85: servers[0].poisoning.lockfile: unknown field "lockfile" (did you mean "lockFile"?)`}},
		{"too large, not a number", "    poisoning:\n      maxDescriptionBytes: 1048577\n    content: {}\n  - name: b\n    upstream: h:2\n    tools: {}\n    poisoning: {maxDescriptionBytes: 4k}\n", []string{
			`policy.yaml:7:28: servers[0].poisoning.maxDescriptionBytes: must be between 64 (64) and 1048576 (1 MiB) bytes, got 1048577`,
			`policy.yaml:12:38: servers[1].poisoning.maxDescriptionBytes: must be a whole number of bytes, got the string "4k"`}},
		{"lock file missing", "    poisoning: {lockFile: testdata/no-such.lock.json}\n", []string{
			`policy.yaml:6:27: servers[0].poisoning.lockFile: cannot read lock file testdata/no-such.lock.json: no such file or directory; write it with "mcpmesh lock -server a -o testdata/no-such.lock.json"`}},
		{"lock file is a folder", "    poisoning: {lockFile: testdata, onChange: warn}\n", []string{
			`policy.yaml:6:27: servers[0].poisoning.lockFile: cannot read lock file testdata: not a regular file`,
			`policy.yaml:6:47: servers[0].poisoning.onChange: must be "hide", "block" or "audit", got "warn"`}},
		{"lock file not a string", "    poisoning: {lockFile: [a]}\n", []string{
			`policy.yaml:6:27: servers[0].poisoning.lockFile: must be the path of a lock file (a string), got a list`}},
		{"lock file empty path", "    poisoning: {lockFile: ''}\n", []string{
			`policy.yaml:6:27: servers[0].poisoning.lockFile: lock file path must not be empty`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErrors(t, srv+tt.body, tt.want)
		})
	}
}

// writeLock writes a policy with one server "a" that uses lock (the text of
// the lock file) and returns the policy's path.
func writeLock(t *testing.T, poisoning, lock string) string {
	t.Helper()
	dir := t.TempDir()
	if lock != "" {
		if err := os.WriteFile(filepath.Join(dir, "tools.lock.json"), []byte(lock), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(file, []byte(srv+"    poisoning: "+poisoning+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestLockFile(t *testing.T) {
	lock := `{"version":1,"server":"a","tools":{"read_file":"` + hashA + `","list_dir":"` + hashB + `"}}`
	pins := map[string]string{"read_file": hashA, "list_dir": hashB}

	// Relative to the policy file's folder, not to the working directory.
	file := writeLock(t, "{lockFile: tools.lock.json}", lock)
	res, err := loadAnyImage(t, file)
	if err != nil {
		t.Fatal(err)
	}
	want := &poisoning.Policy{Mode: interceptors.Enforce, Action: interceptors.ActionHide, MaxDescriptionBytes: poisoning.DefaultMaxDescriptionBytes, Pins: pins, OnChange: interceptors.ActionBlock}
	if got := res.Policy.Servers[0].Poisoning; !reflect.DeepEqual(got, want) {
		t.Errorf("poisoning:\n got %+v\nwant %+v", got, want)
	}
	v1 := res.Policy.Version

	// An absolute path, read through Parse, and onChange.
	abs := filepath.Join(filepath.Dir(file), "tools.lock.json")
	res2, err := parseAnyImage("elsewhere/policy.yaml", []byte(srv+"    poisoning: {lockFile: '"+abs+"', onChange: audit}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want.OnChange = interceptors.ActionAudit
	if got := res2.Policy.Servers[0].Poisoning; !reflect.DeepEqual(got, want) {
		t.Errorf("poisoning:\n got %+v\nwant %+v", got, want)
	}

	// Re-approving a tool changes the policy version.
	if err := os.WriteFile(abs, []byte(strings.Replace(lock, hashB, strings.Repeat("b", 64), 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	res3, err := loadAnyImage(t, file)
	if err != nil {
		t.Fatal(err)
	}
	if res3.Policy.Version == v1 {
		t.Error("changing a pin did not change the policy version")
	}
	if res3.Policy.Servers[0].Poisoning.Pins["list_dir"] != strings.Repeat("b", 64) {
		t.Errorf("pins = %v", res3.Policy.Servers[0].Poisoning.Pins)
	}
}

func TestLockFileErrors(t *testing.T) {
	tests := []struct {
		name string
		lock string
		want []string // messages after "lock file <path>: "
	}{
		{"not JSON", "{\n  \"version\": 1,\n  \"server\": a}", []string{
			`not valid JSON at line 3, column 13: invalid character 'a' at start of value`}},
		{"not an object", `[1]`, []string{
			`must be a JSON object with "version", "server" and "tools"`}},
		{"null", `null`, []string{
			`must be a JSON object with "version", "server" and "tools"`}},
		{"duplicate member", `{"version":1,"version":1}`, []string{
			`not valid JSON at line 1, column 14: duplicate object member name`}},
		{"everything missing", `{"extra":1,"tool":{}}`, []string{
			`unknown member "extra"; expected one of: version, server, tools`,
			`unknown member "tool" (did you mean "tools"?)`,
			`"version" is missing; it must be 1`,
			`"server" is missing; it must name this server ("a")`,
			`"tools" is missing; it maps each approved tool to the sha256 of its definition`}},
		{"wrong version and server", `{"version":2,"server":"b","tools":{"x":"` + hashA + `"}}`, []string{
			`"version" must be 1, got 2`,
			`"server" is "b", but the lock file is used by server "a"; each server needs its own lock file`}},
		{"wrong types", `{"version":"1","server":1,"tools":[]}`, []string{
			`"version" must be 1, got "1"`,
			`"server" must be a string, got 1`,
			`"tools" must be an object mapping tool names to sha256 hashes, got []`}},
		{"no tools", `{"version":1,"server":"a","tools":{}}`, []string{
			`"tools" is empty, so no tool would be approved; write the lock file with "mcpmesh lock" while the server offers its tools`}},
		{"bad hashes", `{"version":1,"server":"a","tools":{"ok":"` + hashA + `","upper":"` + strings.ToUpper(hashB) + `","short":"abc","num":1,"":"` + hashA + `"}}`, []string{
			`tool name must not be empty`,
			`tool "num": hash must be a sha256 in 64 lower-case hexadecimal digits, got 1`,
			`tool "short": hash must be a sha256 in 64 lower-case hexadecimal digits, got "abc"`,
			`tool "upper": hash must be a sha256 in 64 lower-case hexadecimal digits, got "0123456789ABCDEF0123456789ABCDEF0123456...`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := writeLock(t, "{lockFile: tools.lock.json}", tt.lock)
			_, err := loadAnyImage(t, file)
			lock := filepath.Join(filepath.Dir(file), "tools.lock.json")
			var want []string
			for _, m := range tt.want {
				want = append(want, file+":6:27: servers[0].poisoning.lockFile: lock file "+lock+": "+m)
			}
			if err == nil {
				t.Fatalf("Load succeeded, want:\n%s", strings.Join(want, "\n"))
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, want) {
				t.Errorf("errors:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
			}
		})
	}
}
