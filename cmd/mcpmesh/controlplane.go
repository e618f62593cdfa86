package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/localmesh"
	"github.com/mcpmesh/mcpmesh/xds/controlplane"
	"github.com/mcpmesh/mcpmesh/xds/imagegate"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

func runControlPlane(args []string) error {
	fs := flag.NewFlagSet("controlplane", flag.ExitOnError)
	policyFile := fs.String("policy", "", "policy file to serve and watch (required)")
	xdsAddr := fs.String("xds-listen", "127.0.0.1:18000", "address of the ADS gRPC server")
	extProcAddr := fs.String("extproc-address", "127.0.0.1:18081", "where sidecars reach the ext_proc service: host:port, or unix:/path for a Unix socket shared in the pod")
	adminAddr := fs.String("admin-listen", "127.0.0.1:9901", "address of /metrics, /status and /healthz")
	poll := fs.Duration("poll", time.Second, "how often the policy file is checked for changes")
	verifyWait := fs.Duration("verify-wait", 5*time.Second, "how long a policy push waits for image verifications before it holds a server back as pending")
	verifyRetry := fs.Duration("verify-retry", 30*time.Second, "how often images that failed verification are tried again")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error")
	_ = fs.Parse(args)
	if *policyFile == "" {
		return fmt.Errorf("-policy is required")
	}
	ep, err := ir.ParseAddress(*extProcAddr)
	if err != nil {
		return fmt.Errorf("-extproc-address: %w", err)
	}
	log := newLogger(*logLevel)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	reg := newRegistry()
	l, err := net.Listen("tcp", *xdsAddr)
	if err != nil {
		return err
	}
	cp, err := localmesh.StartControlPlane(ctx, localmesh.ControlPlaneOptions{
		Listener:    l,
		ExtProc:     ep,
		PolicyFile:  *policyFile,
		Poll:        *poll,
		Registry:    reg,
		Images:      imagegate.Options{Wait: *verifyWait, RetryAfter: *verifyRetry},
		RetryImages: *verifyRetry,
		Logger:      log,
	})
	if err != nil {
		return fmt.Errorf("initial policy: %w", err)
	}
	admin, err := serveAdmin(ctx, *adminAddr, reg, map[string]http.Handler{
		"/status": jsonHandler(func() any { return statusOf(cp.ControlPlane) }),
	}, log)
	if err != nil {
		return err
	}
	log.Info("control plane serving", "xds", cp.Addr, "admin", admin.String(), "policy", *policyFile)
	return cp.Wait()
}

// controlPlaneStatus is the document served on the control plane's /status.
type controlPlaneStatus struct {
	PolicyVersion string                    `json:"policy_version"`
	Servers       []imagegate.Status        `json:"servers"`
	Nodes         []controlplane.NodeStatus `json:"nodes"`
}

func statusOf(cp *controlplane.ControlPlane) any {
	st := controlPlaneStatus{Servers: cp.Images(), Nodes: cp.Status()}
	if p := cp.Policy(); p != nil {
		st.PolicyVersion = p.Version
	}
	return st
}
