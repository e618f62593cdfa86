package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/mcpclient"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
	"github.com/mcpmesh/mcpmesh/xds/policy"
)

// runLock lists a server's tools and writes the lock file that pins their
// definitions: reviewed once, any later change is caught as a rug pull.
func runLock(args []string) error {
	fs := flag.NewFlagSet("lock", flag.ExitOnError)
	policyFile := fs.String("policy", "", "policy file naming the server (its upstream and path give the URL)")
	server := fs.String("server", "", "server name (required)")
	url := fs.String("url", "", "MCP endpoint to list tools from (default: from -policy)")
	out := fs.String("o", "", "write the lock file here (default: stdout)")
	timeout := fs.Duration("timeout", 30*time.Second, "give up after this long")
	_ = fs.Parse(args)
	if *server == "" {
		return errors.New("-server is required")
	}
	if *url == "" {
		if *policyFile == "" {
			return errors.New("give -url, or -policy to take the server's address from the policy")
		}
		res, err := policy.Load(*policyFile)
		if err != nil {
			return err
		}
		s := res.Policy.Server(*server)
		if s == nil {
			return fmt.Errorf("server %q is not in %s", *server, *policyFile)
		}
		*url = "http://" + s.Upstream.String() + s.Path
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	fmt.Fprintf(os.Stderr, "listing the tools of %s at %s\n", *server, *url)
	result, err := mcpclient.ListTools(ctx, *url)
	if err != nil {
		return err
	}
	lock, err := poisoning.Lock(*server, result)
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = os.Stdout.Write(lock)
		return err
	}
	if err := os.WriteFile(*out, lock, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s; review it, then reference it from the policy (poisoning.lockFile)\n", *out)
	return nil
}
