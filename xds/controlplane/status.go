package controlplane

import (
	"context"
	"log/slog"
	"sort"
	"sync"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	discovery "github.com/envoyproxy/go-control-plane/envoy/service/discovery/v3"
	serverv3 "github.com/envoyproxy/go-control-plane/pkg/server/v3"
)

// NodeStatus is what one xDS stream last told the control plane.
type NodeStatus struct {
	Node string `json:"node"`
	// Acked maps a type URL to the version the node accepted last.
	Acked map[string]string `json:"acked"`
	// Rejected holds the last NACK per type URL, with Envoy's reason.
	Rejected  map[string]string `json:"rejected,omitempty"`
	Connected time.Time         `json:"connected"`
}

type statusTracker struct {
	metrics *Metrics
	mu      sync.Mutex
	streams map[int64]*NodeStatus
}

func newStatusTracker(m *Metrics) *statusTracker {
	return &statusTracker{metrics: m, streams: map[int64]*NodeStatus{}}
}

func (s *statusTracker) callbacks(log *slog.Logger) serverv3.Callbacks {
	return serverv3.CallbackFuncs{
		StreamOpenFunc: func(_ context.Context, id int64, _ string) error {
			s.mu.Lock()
			s.streams[id] = &NodeStatus{Acked: map[string]string{}, Rejected: map[string]string{}, Connected: time.Now()}
			s.mu.Unlock()
			s.metrics.streams.Inc()
			return nil
		},
		StreamClosedFunc: func(id int64, node *core.Node) {
			s.mu.Lock()
			st := s.streams[id]
			delete(s.streams, id)
			s.mu.Unlock()
			s.metrics.streams.Dec()
			if st != nil && st.Node != "" {
				log.Info("xds stream closed", "node", st.Node)
			}
		},
		StreamRequestFunc: func(id int64, req *discovery.DiscoveryRequest) error {
			s.mu.Lock()
			defer s.mu.Unlock()
			st := s.streams[id]
			if st == nil {
				return nil
			}
			if st.Node == "" && req.GetNode().GetId() != "" {
				st.Node = req.GetNode().GetId()
				log.Info("xds stream opened", "node", st.Node)
			}
			if req.GetResponseNonce() == "" {
				return nil // a subscription, not an answer to a push
			}
			if e := req.GetErrorDetail(); e != nil {
				st.Rejected[req.GetTypeUrl()] = e.GetMessage()
				s.metrics.nacks.WithLabelValues(req.GetTypeUrl()).Inc()
				log.Error("node rejected configuration", "node", st.Node, "type", req.GetTypeUrl(), "reason", e.GetMessage())
				return nil
			}
			st.Acked[req.GetTypeUrl()] = req.GetVersionInfo()
			delete(st.Rejected, req.GetTypeUrl())
			return nil
		},
	}
}

func (s *statusTracker) snapshot() []NodeStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]NodeStatus, 0, len(s.streams))
	for _, st := range s.streams {
		c := *st
		c.Acked = clone(st.Acked)
		c.Rejected = clone(st.Rejected)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Node < out[j].Node })
	return out
}

func clone(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}
