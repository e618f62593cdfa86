package controlplane

import (
	"context"
	"log/slog"
	"maps"
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

	// sent is the last push per type URL, for the time to its ACK.
	sent map[string]push
}

type push struct {
	nonce string
	at    time.Time
}

// served is what one publish gave a node: the policy version and the
// snapshot version of each resource type.
type served struct {
	policy   string
	versions map[string]string
}

// maxServed is how many recent publishes per node are remembered to name
// the policy version a lagging node still runs.
const maxServed = 8

type statusTracker struct {
	metrics *Metrics
	mu      sync.Mutex
	streams map[int64]*NodeStatus
	served  map[string][]served // by node id, oldest first
}

func newStatusTracker(m *Metrics) *statusTracker {
	s := &statusTracker{metrics: m, streams: map[int64]*NodeStatus{}, served: map[string][]served{}}
	src := s.nodePolicies
	m.nodes.source.Store(&src)
	return s
}

// published records what node was given for policy version policy.
func (s *statusTracker) published(node, policy string, versions map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.served[node]
	if n := len(h); n > 0 && h[n-1].policy == policy && maps.Equal(h[n-1].versions, versions) {
		return // a republish that changed nothing for this node
	}
	h = append(h, served{policy: policy, versions: versions})
	if len(h) > maxServed {
		h = h[len(h)-maxServed:]
	}
	s.served[node] = h
}

func (s *statusTracker) removed(node string) {
	s.mu.Lock()
	delete(s.served, node)
	s.mu.Unlock()
}

// nodePolicies counts connected streams by node and the newest policy
// version whose every resource type the stream ACKed. A node id the
// control plane never published to is "_unknown": node ids are chosen by
// whoever connects, and must not grow the label set.
func (s *statusTracker) nodePolicies() map[[2]string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[[2]string]int{}
	for _, st := range s.streams {
		if st.Node == "" {
			continue
		}
		hist, known := s.served[st.Node]
		node, version := st.Node, "unknown"
		if !known {
			node = "_unknown"
		}
		for i := len(hist) - 1; i >= 0 && len(st.Acked) > 0; i-- {
			match := true
			for typ, v := range st.Acked {
				if hist[i].versions[typ] != v {
					match = false
					break
				}
			}
			if match {
				version = hist[i].policy
				break
			}
		}
		out[[2]string{node, version}]++
	}
	return out
}

func (s *statusTracker) callbacks(log *slog.Logger) serverv3.Callbacks {
	return serverv3.CallbackFuncs{
		StreamOpenFunc: func(_ context.Context, id int64, _ string) error {
			s.mu.Lock()
			s.streams[id] = &NodeStatus{Acked: map[string]string{}, Rejected: map[string]string{}, Connected: time.Now(), sent: map[string]push{}}
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
			// Only a type this stream was pushed is a label value: the
			// node writes type_url, and could write anything.
			typ := "_unknown"
			if p, ok := st.sent[req.GetTypeUrl()]; ok {
				typ = req.GetTypeUrl()
				if p.nonce == req.GetResponseNonce() {
					s.metrics.ackSeconds.WithLabelValues(typ).Observe(time.Since(p.at).Seconds())
					delete(st.sent, typ)
				}
			}
			if e := req.GetErrorDetail(); e != nil {
				st.Rejected[req.GetTypeUrl()] = e.GetMessage()
				s.metrics.nacks.WithLabelValues(typ).Inc()
				log.Error("node rejected configuration", "node", st.Node, "type", req.GetTypeUrl(), "reason", e.GetMessage())
				return nil
			}
			st.Acked[req.GetTypeUrl()] = req.GetVersionInfo()
			delete(st.Rejected, req.GetTypeUrl())
			return nil
		},
		StreamResponseFunc: func(_ context.Context, id int64, _ *discovery.DiscoveryRequest, resp *discovery.DiscoveryResponse) {
			s.metrics.pushes.WithLabelValues(resp.GetTypeUrl()).Inc()
			// NACKs of a pushed type start at 0, so the first one is an
			// increase and dashboards show 0 rather than nothing.
			s.metrics.nacks.WithLabelValues(resp.GetTypeUrl())
			s.mu.Lock()
			defer s.mu.Unlock()
			if st := s.streams[id]; st != nil {
				st.sent[resp.GetTypeUrl()] = push{nonce: resp.GetNonce(), at: time.Now()}
			}
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
		c.sent = nil // the tracker's own bookkeeping, changed under s.mu
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
