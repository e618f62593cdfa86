package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/mcpmesh/mcpmesh/test/imagetest"
)

// The project's own image passes its own supply-chain gate: the real
// binary, built into the image, pushed to a registry, signed with a cosign
// key, and verified by that binary's `mcpmesh verify`; an unsigned push of
// the same image fails.
func TestOwnImagePassesItsGate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the mcpmesh binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "mcpmesh")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "../../cmd/mcpmesh")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	img, err := Build(data, "test")
	if err != nil {
		t.Fatal(err)
	}
	reg := imagetest.Start(t, nil)
	push := func(repo string) string {
		tag, err := name.NewTag(fmt.Sprintf("%s/%s:test", reg.Host, repo))
		if err != nil {
			t.Fatal(err)
		}
		if err := remote.Write(tag, img); err != nil {
			t.Fatal(err)
		}
		d, _ := img.Digest()
		return fmt.Sprintf("%s/%s@%s", reg.Host, repo, d)
	}
	signed, unsigned := push("mcpmesh/mcpmesh"), push("mcpmesh/unsigned")
	key := imagetest.NewKey(t)
	key.Sign(t, signed)

	if err := os.WriteFile(filepath.Join(dir, "cosign.pub"), key.PublicPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	verify := func(image string) (string, error) {
		y := fmt.Sprintf("version: 1\nsupplyChain: {verify: {key: cosign.pub}, plainHTTPLoopback: true}\nservers:\n  - {name: self, upstream: '127.0.0.1:1', image: '%s', tools: {allow: [x]}}\n", image)
		pf := filepath.Join(dir, "policy.yaml")
		if err := os.WriteFile(pf, []byte(y), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "verify", pf).CombinedOutput()
		return string(out), err
	}
	if out, err := verify(signed); err != nil || !strings.Contains(out, "verified") {
		t.Fatalf("mcpmesh verify of its own signed image: %v\n%s", err, out)
	}
	if out, err := verify(unsigned); err == nil {
		t.Fatalf("an unsigned image passed:\n%s", out)
	}
}
