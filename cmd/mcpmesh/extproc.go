package main

import (
	"context"
	"flag"
	"net/http"
	"os/signal"
	"syscall"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/localmesh"
	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
)

func runExtProc(args []string) error {
	fs := flag.NewFlagSet("extproc", flag.ExitOnError)
	listen := fs.String("listen", "127.0.0.1:18081", "address of the ExternalProcessor gRPC service: host:port, or unix:/path for a Unix socket shared with the sidecar")
	cpAddr := fs.String("control-plane", "127.0.0.1:18000", "address of the control plane's ADS server (the policy comes from there)")
	auditDest := fs.String("audit", "-", `where audit lines go: "-" for stdout, or a file path (appended)`)
	adminAddr := fs.String("admin-listen", "127.0.0.1:9902", "address of /metrics and /healthz")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error")
	_ = fs.Parse(args)
	log := newLogger(*logLevel)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	al, err := audit.Open(*auditDest)
	if err != nil {
		return err
	}
	defer al.Close()
	reg := newRegistry()
	ep, err := localmesh.StartExtProc(ctx, localmesh.ExtProcOptions{
		Addr: *listen, ControlPlane: *cpAddr, Metrics: extproc.NewMetrics(reg), Audit: al, Logger: log,
	})
	if err != nil {
		return err
	}
	admin, err := serveAdmin(ctx, *adminAddr, reg, map[string]http.Handler{
		"/status": jsonHandler(func() any { return map[string]any{"policy_version": ep.Policy.Version()} }),
	}, log)
	if err != nil {
		return err
	}
	log.Info("ext_proc serving", "grpc", ep.Addr, "admin", admin.String(), "control_plane", *cpAddr)
	return ep.Wait()
}
