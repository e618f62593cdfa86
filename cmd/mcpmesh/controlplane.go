package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/mcpmesh/mcpmesh/xds/controlplane"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/translator"
)

func runControlPlane(args []string) error {
	fs := flag.NewFlagSet("controlplane", flag.ExitOnError)
	policyFile := fs.String("policy", "", "policy file to serve and watch (required)")
	xdsAddr := fs.String("xds-listen", "127.0.0.1:18000", "address of the ADS gRPC server")
	extProcAddr := fs.String("extproc-address", "127.0.0.1:18081", "host:port at which sidecars reach the ext_proc service")
	adminAddr := fs.String("admin-listen", "127.0.0.1:9901", "address of /metrics, /status and /healthz")
	poll := fs.Duration("poll", time.Second, "how often the policy file is checked for changes")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error")
	_ = fs.Parse(args)
	if *policyFile == "" {
		return fmt.Errorf("-policy is required")
	}
	ep, err := parseEndpoint(*extProcAddr)
	if err != nil {
		return fmt.Errorf("-extproc-address: %w", err)
	}
	log := newLogger(*logLevel)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	reg := newRegistry()
	cp := controlplane.New(controlplane.Options{
		Translator: translator.Options{ExtProc: ep},
		Logger:     log,
		Metrics:    controlplane.NewMetrics(reg),
	})
	ready := make(chan error, 1)
	go cp.WatchFile(ctx, *policyFile, *poll, func(err error) { ready <- err })
	if err := <-ready; err != nil {
		return fmt.Errorf("initial policy: %w", err)
	}
	l, err := net.Listen("tcp", *xdsAddr)
	if err != nil {
		return err
	}
	admin, err := serveAdmin(ctx, *adminAddr, reg, map[string]http.Handler{
		"/status": jsonHandler(func() any { return statusOf(cp) }),
	}, log)
	if err != nil {
		return err
	}
	log.Info("control plane serving", "xds", l.Addr().String(), "admin", admin.String(), "policy", *policyFile)
	return cp.Serve(ctx, l)
}

func statusOf(cp *controlplane.ControlPlane) any {
	version := ""
	if p := cp.Policy(); p != nil {
		version = p.Version
	}
	return map[string]any{"policy_version": version, "nodes": cp.Status()}
}

func parseEndpoint(s string) (ir.Endpoint, error) {
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		return ir.Endpoint{}, err
	}
	p, err := strconv.ParseUint(port, 10, 16)
	if err != nil || p == 0 {
		return ir.Endpoint{}, fmt.Errorf("bad port in %q", s)
	}
	return ir.Endpoint{Host: host, Port: uint32(p)}, nil
}
