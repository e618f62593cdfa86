package lockdown

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vishvananda/netlink"
)

// The test runs in a network namespace of its own (the machine's network
// is never touched): loopback and a veth interface with a route out. The
// confined user reaches loopback and is refused at once anywhere else;
// another user (Envoy's) still gets out.
const (
	roleEnv   = "MCPMESH_LOCKDOWN_TEST"
	serverUID = 65532
	envoyUID  = 101
	outside   = "10.99.0.2:80" // routed out of the dummy interface; nothing answers
)

func TestMain(m *testing.M) {
	switch os.Getenv(roleEnv) {
	case "netns":
		os.Exit(inNamespace())
	case "dial":
		os.Exit(dial(os.Args[len(os.Args)-1]))
	}
	os.Exit(m.Run())
}

func TestServerUserConfinedToLoopback(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Fatal("this test needs root: it creates a network namespace and nftables rules in it (make test runs as root in CI)")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), roleEnv+"=netns")
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("in a new network namespace: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

// inNamespace sets the namespace up, applies the lockdown and checks who
// gets where; it returns the exit code.
func inNamespace() int {
	fail := func(format string, a ...any) int { fmt.Printf("FAIL: "+format+"\n", a...); return 1 }
	defer func() {
		if dialer != "" {
			os.RemoveAll(strings.TrimSuffix(dialer, "/dial"))
		}
	}()
	lo, err := netlink.LinkByName("lo")
	if err != nil {
		return fail("lo: %v", err)
	}
	if err := netlink.LinkSetUp(lo); err != nil {
		return fail("lo up: %v", err)
	}
	// A veth pair with nothing behind it: a route out that nobody answers.
	out := &netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: "out0"}, PeerName: "out1"}
	if err := netlink.LinkAdd(out); err != nil {
		return fail("veth link: %v", err)
	}
	addr, _ := netlink.ParseAddr("10.99.0.1/24")
	if err := netlink.AddrAdd(out, addr); err != nil {
		return fail("address: %v", err)
	}
	for _, name := range []string{"out0", "out1"} {
		link, err := netlink.LinkByName(name)
		if err == nil {
			err = netlink.LinkSetUp(link)
		}
		if err != nil {
			return fail("%s up: %v", name, err)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fail("listen: %v", err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	sidecar := l.Addr().String()

	// Before: the server's user gets out (the packet leaves; nothing answers).
	if got := dialAs(serverUID, outside); got != "timeout" {
		return fail("before the lockdown the server's user got %q going out, want timeout", got)
	}
	if err := Apply([]uint32{serverUID}); err != nil {
		return fail("apply: %v", err)
	}
	if err := Apply([]uint32{serverUID}); err != nil { // again: replaces, does not add
		return fail("apply again: %v", err)
	}
	for _, c := range []struct {
		uid        uint32
		addr, want string
	}{
		{serverUID, sidecar, "ok"},      // the sidecar, on loopback
		{serverUID, outside, "refused"}, // anything else: refused at once
		{envoyUID, outside, "timeout"},  // Envoy still gets out
		{0, outside, "timeout"},         // and so does everyone else
	} {
		if got := dialAs(c.uid, c.addr); got != c.want {
			return fail("uid %d dialling %s: %s, want %s", c.uid, c.addr, got, c.want)
		}
	}
	fmt.Println("server user: loopback ok, out refused; other users: out as before")
	return 0
}

// dialer is a copy of the test binary other users may run (the original
// lies in a directory only root can enter).
var dialer string

func dialerCopy() (string, error) {
	if dialer != "" {
		return dialer, nil
	}
	dir, err := os.MkdirTemp("", "mcpmesh-lockdown")
	if err != nil {
		return "", err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return "", err
	}
	b, err := os.ReadFile(os.Args[0])
	if err != nil {
		return "", err
	}
	dialer = dir + "/dial"
	return dialer, os.WriteFile(dialer, b, 0o755)
}

// dialAs dials addr as uid in a child process (the namespace is inherited)
// and reports ok, refused or timeout.
func dialAs(uid uint32, addr string) string {
	bin, err := dialerCopy()
	if err != nil {
		return "error: " + err.Error()
	}
	cmd := exec.Command(bin, "-test.run=^$", addr)
	cmd.Env = append(os.Environ(), roleEnv+"=dial")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: uid}}
	out, err := cmd.Output()
	if err != nil {
		return "error: " + err.Error()
	}
	return strings.TrimSpace(string(out))
}

func dial(addr string) int {
	c, err := net.DialTimeout("tcp", addr, 700*time.Millisecond)
	var ne net.Error
	switch {
	case err == nil:
		c.Close()
		fmt.Println("ok")
	case errors.As(err, &ne) && ne.Timeout():
		fmt.Println("timeout")
	default:
		fmt.Println("refused")
		fmt.Fprintln(os.Stderr, err)
	}
	return 0
}
