package controlplane

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	"github.com/envoyproxy/go-control-plane/pkg/client/sotw/v3"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/translator"
)

// scalePolicy has n servers, so n sidecar nodes; bodyLimit changes every
// listener, which forces a push to every node.
func scalePolicy(n int, bodyLimit uint32) *ir.Policy {
	p := &ir.Policy{Version: fmt.Sprintf("scale-%d-%d", n, bodyLimit), Limits: ir.Limits{MaxBodyBytes: bodyLimit, MessageTimeoutMillis: 1000}}
	for i := range n {
		p.Servers = append(p.Servers, ir.Server{
			Name:     fmt.Sprintf("s%d", i),
			Upstream: ir.Endpoint{Host: "10.0.0.1", Port: 8080},
			Listen:   ir.Endpoint{Host: "0.0.0.0", Port: 10000},
			Path:     "/mcp",
			Policy: chain.Policy{
				Tools: allowlist.Policy{Allow: []string{"echo", "get_*"}},
			},
		})
	}
	return p
}

// simNode is one simulated Envoy: an ADS stream for listeners that ACKs
// every push and reports the version it accepted.
type simNode struct {
	c     sotw.ADSClient
	acked chan string
}

func startSimNode(ctx context.Context, b *testing.B, conn *grpc.ClientConn, id string) *simNode {
	n := &simNode{c: sotw.NewADSClient(ctx, &core.Node{Id: id}, resource.ListenerType), acked: make(chan string, 4)}
	if err := n.c.InitConnect(conn); err != nil {
		b.Fatal(err)
	}
	go func() {
		for {
			resp, err := n.c.Fetch()
			if err != nil {
				return
			}
			if err := n.c.Ack(); err != nil {
				return
			}
			n.acked <- fmt.Sprint(len(resp.Resources))
		}
	}()
	return n
}

// BenchmarkConvergence measures the time from a policy change to every
// connected node having received and ACKed it, and the control plane's heap
// per connected node (client streams live in the same process, so the figure
// is an upper bound).
func BenchmarkConvergence(b *testing.B) {
	for _, n := range []int{1, 100, 1000} {
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			cp := New(Options{
				Translator: translator.Options{ExtProc: ir.Endpoint{Host: "127.0.0.1", Port: 18081}},
				Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
			})
			if err := cp.Apply(ctx, scalePolicy(n, 1<<20)); err != nil {
				b.Fatal(err)
			}
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			go func() { _ = cp.Serve(ctx, l) }()
			// Several connections, like several Envoys, each carrying many streams.
			var conns []*grpc.ClientConn
			for range 8 {
				conn, err := grpc.NewClient(l.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
				if err != nil {
					b.Fatal(err)
				}
				defer conn.Close()
				conns = append(conns, conn)
			}
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			nodes := make([]*simNode, n)
			for i := range n {
				nodes[i] = startSimNode(ctx, b, conns[i%len(conns)], contract.SidecarNodeID(fmt.Sprintf("s%d", i)))
			}
			waitAll(b, nodes)
			runtime.GC()
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			perNode := float64(after.HeapAlloc-before.HeapAlloc) / float64(n)

			b.ResetTimer()
			limit := uint32(1 << 20)
			for b.Loop() {
				limit++
				if err := cp.Apply(ctx, scalePolicy(n, limit)); err != nil {
					b.Fatal(err)
				}
				waitAll(b, nodes) // ns/op is the time to converge
			}
			b.ReportMetric(perNode/1024, "KiB/node")
		})
	}
}

// waitAll waits until every node has ACKed one more push.
func waitAll(b *testing.B, nodes []*simNode) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	var missing atomic.Int64
	for _, n := range nodes {
		wg.Add(1)
		go func(n *simNode) {
			defer wg.Done()
			select {
			case <-n.acked:
			case <-ctx.Done():
				missing.Add(1)
			}
		}(n)
	}
	wg.Wait()
	if m := missing.Load(); m > 0 {
		b.Fatalf("%d of %d nodes did not converge within 60s", m, len(nodes))
	}
}
