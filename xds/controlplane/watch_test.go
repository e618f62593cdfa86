package controlplane

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A file the policy refers to (here a lock file) is watched like the policy
// file itself: replacing it publishes a new policy, and a moment when it is
// missing (a rotation in progress) keeps the last good one and recovers.
func TestWatchFileFollowsReferredFiles(t *testing.T) {
	cp, _ := newCP(t)
	dir := t.TempDir()
	lock := filepath.Join(dir, "tools.lock.json")
	writeLock := func(hash string) {
		t.Helper()
		if err := os.WriteFile(lock, []byte(`{"version":1,"server":"a","tools":{"echo":"`+hash+`"}}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeLock(strings.Repeat("a", 64))
	file := filepath.Join(dir, "policy.yaml")
	y := "version: 1\nservers:\n  - name: a\n    upstream: 127.0.0.1:9000\n    unverifiedLocal: true\n    tools: {allow: [echo]}\n    poisoning: {lockFile: tools.lock.json}\n"
	if err := os.WriteFile(file, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan error, 1)
	go cp.WatchFile(ctx, file, 20*time.Millisecond, func(err error) { ready <- err })
	if err := <-ready; err != nil {
		t.Fatal(err)
	}
	pin := func() string { return cp.Policy().Servers[0].Poisoning.Pins["echo"] }
	waitFor := func(want string) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); pin() != want; {
			if time.Now().After(deadline) {
				t.Fatalf("pin %q, want %q", pin(), want)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor(strings.Repeat("a", 64))
	writeLock(strings.Repeat("b", 64))
	waitFor(strings.Repeat("b", 64))

	if err := os.Remove(lock); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	if pin() != strings.Repeat("b", 64) {
		t.Fatal("a missing lock file must keep the last good policy")
	}
	writeLock(strings.Repeat("c", 64))
	waitFor(strings.Repeat("c", 64))
}
