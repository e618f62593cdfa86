package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateReportsEveryErrorWithPosition(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("version: 1\nservers:\n  - name: Demo\n    upstream: 127.0.0.1:0\n    tools:\n      alow: [echo]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := runValidate([]string{bad}, &out, &errOut); code != 1 {
		t.Fatalf("exit code %d for an invalid file, want 1", code)
	}
	got := errOut.String()
	for _, want := range []string{
		bad + ":3:11: servers[0].name:",
		bad + ":4:15: servers[0].upstream:",
		bad + ":6:7: servers[0].tools.alow:",
		bad + ":3:5: servers[0].image: required field is missing",
		"4 error(s)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestValidateAcceptsTheDefaultPolicy(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runValidate([]string{"../../xds/policy/default.yaml"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "valid (version ") {
		t.Errorf("output: %s", out.String())
	}
}

func TestValidateUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runValidate(nil, &out, &errOut); code != 2 {
		t.Fatalf("exit %d without files, want 2", code)
	}
}
