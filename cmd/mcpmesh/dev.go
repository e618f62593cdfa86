package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/devcert"
	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/localmesh"
	"github.com/mcpmesh/mcpmesh/envoy"
	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/test/demoserver" // the dev command serves the demo; localmesh does not import it
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/policy"
)

// runDev starts everything on loopback: the demo MCP server, the control
// plane, ext_proc and one Envoy sidecar, all wired as in production.
func runDev(args []string) error {
	fs := flag.NewFlagSet("dev", flag.ExitOnError)
	listen := fs.String("listen", envOr("MCPMESH_LISTEN", "127.0.0.1:10000"), "sidecar address agents connect to (with the default policy)")
	ingressListen := fs.String("ingress-listen", envOr("MCPMESH_INGRESS", "127.0.0.1:10443"), `HTTPS ingress address (with the default policy, which gets a development certificate and token issuer); "none" for no ingress, agents then use the sidecar directly`)
	policyFile := fs.String("policy", "", "policy file (default: the embedded demo policy, copied to -workdir so it can be edited live)")
	workDir := fs.String("workdir", ".cache/dev", "where the policy copy, Envoy bootstrap and logs go")
	demoAddr := fs.String("demo-listen", "127.0.0.1:18080", "address of the demo MCP server (the default policy's upstream)")
	xdsAddr := fs.String("xds-listen", "127.0.0.1:18000", "control plane ADS address")
	extProcAddr := fs.String("extproc-listen", "", `ext_proc gRPC address: host:port, or unix:/path (default: the Unix socket <workdir>/extproc.sock, or 127.0.0.1:18081 where that path is too long)`)
	adminAddr := fs.String("admin-listen", "127.0.0.1:9901", "control plane and ext_proc /metrics and /status")
	auditDest := fs.String("audit", "", `audit destination (default: <workdir>/audit.jsonl; "-" for stdout)`)
	jsonResp := fs.Bool("json-response", false, "demo server answers with application/json instead of SSE")
	_ = fs.Parse(args)
	log := newLogger("warn")
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if err := os.MkdirAll(*workDir, 0o755); err != nil {
		return err
	}
	devToken := "" // a bearer token for the ingress, when the default policy gets one
	if *policyFile == "" {
		*policyFile = filepath.Join(*workDir, "policy.yaml")
		y := string(policy.DefaultYAML())
		y = strings.ReplaceAll(y, "127.0.0.1:10000", *listen)
		y = strings.ReplaceAll(y, "127.0.0.1:18080", *demoAddr)
		if *ingressListen != "" && *ingressListen != "none" {
			section, token, err := devIngress(*workDir, *ingressListen)
			if err != nil {
				return err
			}
			devToken = token
			y = strings.Replace(y, "version: 1\n", "version: 1\n\n"+section, 1)
		}
		if err := os.WriteFile(*policyFile, []byte(y), 0o644); err != nil {
			return err
		}
	}
	if *extProcAddr == "" {
		*extProcAddr = defaultExtProcAddr(*workDir)
	}
	if *auditDest == "" {
		*auditDest = filepath.Join(*workDir, "audit.jsonl")
	}
	bin, err := envoy.FindBinary(".")
	if err != nil {
		return err
	}

	// Demo MCP server.
	demo := demoserver.New()
	demoL, err := net.Listen("tcp", *demoAddr)
	if err != nil {
		return fmt.Errorf("demo server: %w", err)
	}
	go func() { _ = http.Serve(demoL, demo.Handler(demoserver.Options{JSONResponse: *jsonResp})) }()

	// Control plane, ext_proc and one Envoy sidecar per server in the policy.
	al, err := audit.Open(*auditDest)
	if err != nil {
		return err
	}
	defer al.Close()
	reg := newRegistry()
	mesh, err := localmesh.Start(ctx, localmesh.Options{
		ControlPlane: localmesh.ControlPlaneOptions{
			Addr: *xdsAddr, PolicyFile: *policyFile, Poll: time.Second,
			Registry: reg, RetryImages: 30 * time.Second, Logger: log,
		},
		ExtProc:     localmesh.ExtProcOptions{Addr: *extProcAddr, Metrics: extproc.NewMetrics(reg), Audit: al, Logger: log},
		EnvoyBinary: bin,
		WorkDir:     *workDir,
	})
	if err != nil {
		return err
	}
	defer mesh.Stop()
	admin, err := serveAdmin(ctx, *adminAddr, reg, map[string]http.Handler{
		"/status": jsonHandler(func() any { return statusOf(mesh.ControlPlane.ControlPlane) }),
	}, log)
	if err != nil {
		return err
	}
	var urls []string
	pol := mesh.ControlPlane.Policy()
	for _, s := range pol.Servers {
		if pol.Ingress != nil {
			urls = append(urls, fmt.Sprintf("  %-10s https://%s%s  (trust %s)", s.Name, pol.Ingress.Listen.String(), ir.IngressPath(s.Name), filepath.Join(*workDir, "tls", "ca.crt")))
			if devToken != "" && s.Name == "demo" {
				urls = append(urls, "             with the header  Authorization: Bearer "+devToken)
			}
		}
		if pol.Ingress == nil || pol.Ingress.JWT == nil {
			urls = append(urls, fmt.Sprintf("  %-10s http://%s%s  (its sidecar, directly)", s.Name, s.Listen.String(), s.Path))
		}
	}

	fmt.Printf(`
mcpmesh is running (Envoy %s).

Connect an MCP client (Streamable HTTP) to:
%s

  ext_proc (sidecars reach it at):      %s
  policy (edit it; changes apply live): %s
  audit log:                            %s
  metrics and status:                   http://%s/metrics  http://%s/status
  Envoy logs:                           %s

Try it: the demo server has tools echo, get_time and run_shell; the policy
allows echo and get_*, denies run_shell, and hides it from tools/list.
Press Ctrl-C to stop.
`, envoy.Version(), strings.Join(urls, "\n"), mesh.ExtProc.Addr, *policyFile, *auditDest, admin, admin, *workDir)

	for _, p := range mesh.Sidecars {
		go func(p *envoy.Process) {
			select {
			case <-p.Done():
				if ctx.Err() == nil {
					fmt.Fprintf(os.Stderr, "mcpmesh dev: Envoy exited; see %s\n", p.LogPath)
					stop()
				}
			case <-ctx.Done():
			}
		}(p)
	}
	<-ctx.Done()
	fmt.Println("\nstopping")
	if errors.Is(ctx.Err(), context.Canceled) {
		return nil
	}
	return ctx.Err()
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// defaultExtProcAddr is a Unix socket in the work folder, as in a pod
// (ext_proc beside its sidecar, reachable from nowhere else), unless its
// path is too long for a socket.
func defaultExtProcAddr(workDir string) string {
	if abs, err := filepath.Abs(filepath.Join(workDir, "extproc.sock")); err == nil {
		if ep, err := ir.ParseAddress(ir.UnixPrefix + abs); err == nil {
			return ep.String()
		}
	}
	return "127.0.0.1:18081"
}

// devIngress makes a development CA and a certificate for the ingress in
// <workDir>/tls and returns the policy's ingress section for them. Clients
// trust tls/ca.crt; the CA's key is never written.
func devIngress(workDir, listen string) (section, token string, err error) {
	ep, err := ir.ParseEndpoint(listen)
	if err != nil {
		return "", "", fmt.Errorf("-ingress-listen: %w", err)
	}
	dir, err := filepath.Abs(filepath.Join(workDir, "tls"))
	if err != nil {
		return "", "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", err
	}
	ca, err := devcert.NewCA("mcpmesh dev CA")
	if err != nil {
		return "", "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "ca.crt"), ca.CertPEM, 0o644); err != nil {
		return "", "", err
	}
	cert, key := filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	if err := ca.WriteLeaf(cert, key, []string{ep.Host, "localhost", "127.0.0.1"}, 90*24*time.Hour); err != nil {
		return "", "", err
	}
	// A development issuer: its keys in tls/jwks.json, a token for the demo
	// server printed for the user (its key is never written).
	iss, err := devcert.NewIssuer("https://issuer.mcpmesh.invalid")
	if err != nil {
		return "", "", err
	}
	jwks, err := iss.JWKS()
	if err != nil {
		return "", "", err
	}
	jwksFile := filepath.Join(dir, "jwks.json")
	if err := os.WriteFile(jwksFile, jwks, 0o644); err != nil {
		return "", "", err
	}
	publicURL := "https://" + ep.String()
	token, err = iss.Token("dev", publicURL+ir.IngressPath("demo"), []string{"dev"}, 24*time.Hour)
	if err != nil {
		return "", "", err
	}
	return fmt.Sprintf(`ingress:                   # HTTPS for agents; the development certificate is signed by tls/ca.crt
  listen: %s
  publicURL: %s
  tls: {certFile: %s, keyFile: %s}
  auth:                    # bearer tokens of a development issuer (mcpmesh dev prints one)
    jwt: {issuer: %s, jwksFile: %s}

`, listen, publicURL, cert, key, iss.URL, jwksFile), token, nil
}
