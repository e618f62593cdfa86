// Package extproc is the inline inspection service: an Envoy
// ExternalProcessor that parses every MCP JSON-RPC message once, runs the
// interceptor chain of its server, and lets through only what the policy
// allows.
package extproc

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync/atomic"
	"time"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// Server implements envoy.service.ext_proc.v3.ExternalProcessor.
type Server struct {
	extprocv3.UnimplementedExternalProcessorServer

	Policy  *PolicyStore
	Audit   *audit.Logger
	Metrics *Metrics
	Log     *slog.Logger

	// active counts streams in progress, against limits.maxConcurrentStreams.
	active atomic.Int64
}

var _ extprocv3.ExternalProcessorServer = (*Server)(nil)

// Process handles one HTTP request: Envoy opens a stream per request and
// sends its phases in order without waiting for answers (full duplex, see
// duplex.go); a phase gets its answers once it can be judged.
func (s *Server) Process(rpc extprocv3.ExternalProcessor_ProcessServer) error {
	s.Metrics.streams.Inc()
	defer s.Metrics.streams.Dec()
	n := s.active.Add(1)
	defer s.active.Add(-1)
	server, listener := "", ""
	if md, ok := metadata.FromIncomingContext(rpc.Context()); ok {
		if v := md.Get(contract.ServerHeader); len(v) == 1 {
			server = v[0]
		}
		if v := md.Get(contract.ListenerHeader); len(v) == 1 {
			listener = v[0]
		}
	}
	if listener == contract.ListenerEgress {
		return s.processEgress(rpc, server)
	}
	st := newStream(s, server)
	st.admit(n)
	for {
		req, err := rpc.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if status.Code(err) == codes.Canceled {
				return nil
			}
			return err
		}
		start := time.Now()
		out, phase := st.handle(rpc.Context(), req)
		s.Metrics.latency.WithLabelValues(phase).Observe(time.Since(start).Seconds())
		for _, resp := range out {
			if err := rpc.Send(resp); err != nil {
				return err
			}
		}
	}
}

// NewServer wires a Server; the policy store starts empty (fail closed).
func NewServer(m *Metrics, a *audit.Logger, log *slog.Logger) *Server {
	return &Server{Policy: NewPolicyStore(m), Audit: a, Metrics: m, Log: log}
}

// ServerOptions are the gRPC settings ext_proc serves with.
func ServerOptions() []grpc.ServerOption {
	return []grpc.ServerOption{
		grpc.MaxRecvMsgSize(96 << 20), // bodies up to the largest policy limit, with headroom
		grpc.MaxSendMsgSize(96 << 20),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 500 * time.Millisecond, PermitWithoutStream: true}),
		grpc.ForceServerCodecV2(messageCodec),
	}
}

// Serve runs the gRPC service on l until ctx ends.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	g := grpc.NewServer(ServerOptions()...)
	extprocv3.RegisterExternalProcessorServer(g, s)
	errc := make(chan error, 1)
	go func() { errc <- g.Serve(l) }()
	select {
	case <-ctx.Done():
		g.Stop()
		<-errc
		return nil
	case err := <-errc:
		return err
	}
}
