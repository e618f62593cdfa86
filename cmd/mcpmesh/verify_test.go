package main

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mcpmesh/mcpmesh/test/imagetest"
	"github.com/mcpmesh/mcpmesh/xds/supplychain"
)

// writeVerifyPolicy writes a policy whose servers run the given images,
// verified with key, and returns its path.
func writeVerifyPolicy(t *testing.T, key []byte, servers string) string {
	t.Helper()
	return writePolicy(t, "{key: cosign.pub}", map[string][]byte{"cosign.pub": key}, servers)
}

// writePolicy writes a policy with the given supplyChain.verify mapping and
// servers, and files (keys, trusted roots) next to it; it returns its path.
func writePolicy(t *testing.T, verify string, files map[string][]byte, servers string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "policy.yaml")
	y := "version: 1\nsupplyChain: {verify: " + verify + ", plainHTTPLoopback: true, concurrency: 2}\nservers:\n" + servers
	if err := os.WriteFile(file, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// runVerifyCmd runs `mcpmesh verify args...` and returns its exit code and
// output.
func runVerifyCmd(args ...string) (int, string) {
	var out, errOut bytes.Buffer
	code := runVerify(args, &out, &errOut)
	return code, out.String() + errOut.String()
}

// failedLine is how the command reports a rejected server.
func failedLine(server, reason string) string {
	return fmt.Sprintf("%-20s FAILED: %s", server, reason)
}

func server(name, image string) string {
	return fmt.Sprintf("  - {name: %s, upstream: 'h:1', image: '%s', tools: {}}\n", name, image)
}

func TestVerifyCommand(t *testing.T) {
	reg := imagetest.Start(t, nil)
	key := imagetest.NewKey(t)
	a := reg.PushRandom(t, "mcp/a")
	b := reg.PushRandom(t, "mcp/b")
	key.Sign(t, a)
	key.Sign(t, b)
	unsigned := reg.PushRandom(t, "mcp/c")
	otherKey := imagetest.NewKey(t)
	foreign := reg.PushRandom(t, "mcp/d")
	otherKey.Sign(t, foreign)

	code, out := runVerifyCmd(writeVerifyPolicy(t, key.PublicPEM, server("a", a)+server("b", b)))
	if code != 0 {
		t.Fatalf("all signed: exit %d\n%s", code, out)
	}
	for _, want := range []string{"verifying 2 image(s), 2 at a time", "[1/2]", "[2/2]", "verified: signature verified with the configured key (1 signature(s)", "2 verified, 0 failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	code, out = runVerifyCmd(writeVerifyPolicy(t, key.PublicPEM, server("a", a)+server("c", unsigned)+server("d", foreign)))
	if code != 1 {
		t.Fatalf("unsigned and foreign: exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{"c                    FAILED: no signatures found", "d                    FAILED: signature does not verify with the configured key", "1 verified, 2 failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	local := writeVerifyPolicy(t, key.PublicPEM, server("a", a)+"  - {name: dev, upstream: 'h:1', unverifiedLocal: true, tools: {}}\n")
	if code, out = runVerifyCmd(local); code != 1 || !strings.Contains(out, "dev                  FAILED: marked unverifiedLocal") {
		t.Errorf("unverifiedLocal fails by default: exit %d\n%s", code, out)
	}
	if code, out = runVerifyCmd("-allow-unverified-local", local); code != 0 || !strings.Contains(out, "1 verified, 0 failed, 1 unverifiedLocal") {
		t.Errorf("-allow-unverified-local: exit %d\n%s", code, out)
	}

	tagged := writeVerifyPolicy(t, key.PublicPEM, server("a", reg.Host+"/mcp/a:latest"))
	if code, out = runVerifyCmd(tagged); code != 1 || !strings.Contains(out, "is pinned by tag only") {
		t.Errorf("tag-only: exit %d\n%s", code, out)
	}

	down := writeVerifyPolicy(t, key.PublicPEM, server("a", a))
	reg.Close()
	if code, out = runVerifyCmd(down); code != 1 || !strings.Contains(out, "FAILED: registry unreachable") {
		t.Errorf("unreachable registry: exit %d\n%s", code, out)
	}

	if code, _ = runVerifyCmd(); code != 2 {
		t.Errorf("no policy: exit %d, want 2", code)
	}
}

const (
	ciIdentity = "https://github.com/mcpmesh/servers/.github/workflows/release.yml@refs/heads/main"
	ciIssuer   = "https://token.actions.githubusercontent.com"
)

// TestVerifyCommandKeyless: a keyless policy file (identity, issuer,
// trusted root next to it) through the loader and the verifier.
func TestVerifyCommandKeyless(t *testing.T) {
	reg := imagetest.Start(t, nil)
	sigstore := imagetest.NewSigstore(t)
	good := reg.PushRandom(t, "mcp/good")
	sigstore.SignKeyless(t, good, ciIdentity, ciIssuer, true)
	fork := reg.PushRandom(t, "mcp/fork")
	sigstore.SignKeyless(t, fork, "https://github.com/attacker/servers/.github/workflows/release.yml@refs/heads/main", ciIssuer, true)
	offline := reg.PushRandom(t, "mcp/offline") // cosign sign --tlog-upload=false
	sigstore.SignKeyless(t, offline, ciIdentity, ciIssuer, false)

	files := map[string][]byte{"trusted_root.json": sigstore.TrustedRootJSON()}
	keyless := fmt.Sprintf("{keyless: {identity: '%s', issuer: '%s'}, trustedRoot: trusted_root.json", ciIdentity, ciIssuer)

	code, out := runVerifyCmd(writePolicy(t, keyless+"}", files, server("good", good)))
	if code != 0 {
		t.Fatalf("keyless, signed by the configured identity: exit %d\n%s", code, out)
	}
	for _, want := range []string{"verified: " + supplychain.ReasonVerifiedKeyless + " (1 signature(s)", "1 verified, 0 failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// The transparency log is required by default in keyless mode.
	code, out = runVerifyCmd(writePolicy(t, keyless+"}", files, server("good", good)+server("fork", fork)+server("offline", offline)))
	if code != 1 {
		t.Fatalf("wrong identity and no log proof: exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{
		failedLine("fork", supplychain.ReasonIdentityMismatch),
		failedLine("offline", supplychain.ReasonTlogMissing),
		"1 verified, 2 failed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// Opting out of the log accepts it while the certificate is valid.
	code, out = runVerifyCmd(writePolicy(t, keyless+", transparencyLog: skip}", files, server("offline", offline)))
	if code != 0 || !strings.Contains(out, "1 verified, 0 failed") {
		t.Errorf("transparencyLog: skip, no log proof: exit %d\n%s", code, out)
	}
}

// TestVerifyCommandKeyTlog: key verification with transparencyLog:
// required checks the Rekor bundle against the trusted root's log key.
func TestVerifyCommandKeyTlog(t *testing.T) {
	reg := imagetest.Start(t, nil)
	sigstore := imagetest.NewSigstore(t)
	key := imagetest.NewKey(t)
	logged := reg.PushRandom(t, "mcp/logged")
	key.SignWithTlog(t, logged, sigstore)
	unlogged := reg.PushRandom(t, "mcp/unlogged")
	key.Sign(t, unlogged)
	otherLog := reg.PushRandom(t, "mcp/otherlog")
	key.SignWithTlog(t, otherLog, imagetest.NewSigstore(t))

	files := map[string][]byte{"cosign.pub": key.PublicPEM, "trusted_root.json": sigstore.TrustedRootJSON()}
	verify := "{key: cosign.pub, transparencyLog: required, trustedRoot: trusted_root.json}"

	code, out := runVerifyCmd(writePolicy(t, verify, files, server("logged", logged)))
	if code != 0 || !strings.Contains(out, "verified: "+supplychain.ReasonVerified+" (1 signature(s)") {
		t.Fatalf("key with a log proof: exit %d\n%s", code, out)
	}

	code, out = runVerifyCmd(writePolicy(t, verify, files, server("logged", logged)+server("unlogged", unlogged)+server("otherlog", otherLog)))
	if code != 1 {
		t.Fatalf("missing and untrusted log proofs: exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{
		failedLine("unlogged", supplychain.ReasonTlogMissing),
		failedLine("otherlog", supplychain.ReasonTlogInvalid),
		"1 verified, 2 failed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestVerifyReportsProgress: a long verification prints which servers are
// still being verified.
func TestVerifyReportsProgress(t *testing.T) {
	var slow atomic.Bool
	reg := imagetest.Start(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if slow.Load() {
				time.Sleep(150 * time.Millisecond)
			}
			h.ServeHTTP(w, r)
		})
	})
	key := imagetest.NewKey(t)
	a := reg.PushRandom(t, "mcp/a")
	key.Sign(t, a)
	slow.Store(true)
	var out bytes.Buffer
	code := runVerify([]string{"-progress", "100ms", writeVerifyPolicy(t, key.PublicPEM, server("slow", a))}, &out, &out)
	if code != 0 || !strings.Contains(out.String(), "still verifying: slow (") || !strings.Contains(out.String(), "0 of 1 done") {
		t.Errorf("exit %d\n%s", code, out.String())
	}
}
