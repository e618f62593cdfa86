package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/mcpmesh/mcpmesh/xds/imagegate"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/policy"
	"github.com/mcpmesh/mcpmesh/xds/supplychain"
)

// runVerify verifies every server image of a policy once, for CI pipelines.
// Exit code: 0 when every image verified, 1 when any did not (or a server
// is unverifiedLocal without -allow-unverified-local), 2 on bad usage.
func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	allowLocal := fs.Bool("allow-unverified-local", false, "do not fail on servers marked unverifiedLocal")
	progressEvery := fs.Duration("progress", 5*time.Second, "how often to report verifications still running")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: mcpmesh verify [flags] POLICY")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	file := fs.Arg(0)
	res, err := policy.Load(file)
	if err != nil {
		printLoadError(stderr, file, err)
		return 1
	}
	return verifyPolicy(context.Background(), res.Policy, *allowLocal, *progressEvery, stdout,
		remote.WithAuthFromKeychain(authn.DefaultKeychain))
}

type verifyOutcome struct {
	server string
	image  string
	ok     bool
	text   string
}

func verifyPolicy(ctx context.Context, p *ir.Policy, allowLocal bool, progressEvery time.Duration, out io.Writer, ropts ...remote.Option) int {
	var todo []ir.Server
	failed, local := 0, 0
	for _, s := range p.Servers {
		if s.UnverifiedLocal {
			local++
			verdict := "FAILED"
			if allowLocal {
				verdict = "skipped"
			} else {
				failed++
			}
			fmt.Fprintf(out, "%-20s %s: marked unverifiedLocal; its image is not verified\n", s.Name, verdict)
			continue
		}
		if s.Image == "" || s.Verify == nil {
			// The loader refuses this; fail rather than crash if it slips through.
			fmt.Fprintf(out, "%-20s FAILED: no pinned image with a verification policy\n", s.Name)
			failed++
			continue
		}
		todo = append(todo, s)
	}
	n := p.SupplyChain.MaxConcurrent()
	fmt.Fprintf(out, "verifying %d image(s), %d at a time\n", len(todo), n)

	// One cache per verification settings: servers sharing an image and
	// settings are verified once. One limit across them all, as in the
	// control plane.
	caches := map[string]*supplychain.Cache{}
	limit := supplychain.NewLimit(n)
	results := make(chan verifyOutcome)
	var running sync.Map // server name -> start time
	started := 0
	for _, s := range todo {
		cache := caches[s.Verify.Digest]
		if cache == nil {
			v, err := imagegate.NewVerifier(p.SupplyChain, s.Verify, ropts...)
			if err != nil {
				fmt.Fprintf(out, "%-20s FAILED: verification settings: %v\n", s.Name, err)
				failed++
				continue
			}
			cache = supplychain.NewLimitedCache(v, limit)
			caches[s.Verify.Digest] = cache
		}
		started++
		go func(s ir.Server) {
			start := time.Now()
			running.Store(s.Name, start)
			defer running.Delete(s.Name)
			o := verifyOutcome{server: s.Name, image: s.Image}
			ref, err := supplychain.ParsePinned(s.Image)
			var r *supplychain.Result
			if err == nil {
				r, err = cache.Verify(ctx, ref)
			}
			took := time.Since(start).Round(10 * time.Millisecond)
			if err != nil {
				o.text = fmt.Sprintf("FAILED: %v (%s)", err, took)
			} else {
				o.ok = true
				o.text = fmt.Sprintf("verified: %s (%d signature(s), %s)", r.Reason, r.Signatures, took)
			}
			results <- o
		}(s)
	}
	tick := time.NewTicker(progressEvery)
	defer tick.Stop()
	verified := 0
	for done := 0; done < started; {
		select {
		case o := <-results:
			done++
			if o.ok {
				verified++
			} else {
				failed++
			}
			fmt.Fprintf(out, "[%d/%d] %-20s %s\n        %s\n", done, started, o.server, o.text, o.image)
		case <-tick.C:
			var names []string
			running.Range(func(k, v any) bool {
				names = append(names, fmt.Sprintf("%s (%s)", k, time.Since(v.(time.Time)).Round(time.Second)))
				return true
			})
			sort.Strings(names)
			fmt.Fprintf(out, "still verifying: %s; %d of %d done\n", strings.Join(names, ", "), done, started)
		}
	}
	fmt.Fprintf(out, "%d verified, %d failed", verified, failed)
	if local > 0 {
		fmt.Fprintf(out, ", %d unverifiedLocal", local)
	}
	fmt.Fprintln(out)
	if failed > 0 {
		return 1
	}
	return 0
}
