// Command mcpmesh is the MCP security data plane: control plane, ext_proc
// inspection service, policy validation, and a local all-in-one dev mesh.
package main

import (
	"fmt"
	"os"
)

const usage = `mcpmesh: a security data plane for the Model Context Protocol

Usage:
  mcpmesh dev          [flags]       run the whole mesh locally (demo server, control plane, ext_proc, Envoy)
  mcpmesh controlplane [flags]       serve the policy to Envoy sidecars and ext_proc over ADS
  mcpmesh extproc      [flags]       run the inline inspection service (Envoy ext_proc)
  mcpmesh validate     FILE...       check policy files; every error with file:line:column and field
  mcpmesh verify       [flags] FILE  verify every server image's signature once (for CI); exit 1 on any failure
  mcpmesh status       [flags]       show what the control plane serves: image state of every server, node ACKs
  mcpmesh lock         [flags]       pin a server's tool definitions (for poisoning.lockFile)
  mcpmesh lockdown     -uid N        confine the MCP server's user to loopback (a pod's init container)
  mcpmesh version                    print versions

Run "mcpmesh COMMAND -h" for the flags of a command.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmd, args := os.Args[1], os.Args[2:]
	var err error
	switch cmd {
	case "dev":
		err = runDev(args)
	case "controlplane":
		err = runControlPlane(args)
	case "extproc":
		err = runExtProc(args)
	case "lock":
		err = runLock(args)
	case "lockdown":
		err = runLockdown(args)
	case "validate":
		os.Exit(runValidate(args, os.Stdout, os.Stderr))
	case "verify":
		os.Exit(runVerify(args, os.Stdout, os.Stderr))
	case "status":
		os.Exit(runStatus(args, os.Stdout, os.Stderr))
	case "version":
		printVersion()
	case "-h", "--help", "help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "mcpmesh: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "mcpmesh %s: %v\n", cmd, err)
		os.Exit(1)
	}
}
