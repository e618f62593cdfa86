// Package controlplane serves the compiled policy to every Envoy and ext_proc
// over ADS and keeps it current as the policy file changes.
package controlplane

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	discoverygrpc "github.com/envoyproxy/go-control-plane/envoy/service/discovery/v3"
	"github.com/envoyproxy/go-control-plane/pkg/cache/types"
	cachev3 "github.com/envoyproxy/go-control-plane/pkg/cache/v3"
	"github.com/envoyproxy/go-control-plane/pkg/resource/v3"
	sotw "github.com/envoyproxy/go-control-plane/pkg/server/sotw/v3"
	serverv3 "github.com/envoyproxy/go-control-plane/pkg/server/v3"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/protobuf/proto"

	"github.com/mcpmesh/mcpmesh/xds/imagegate"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/meshcert"
	"github.com/mcpmesh/mcpmesh/xds/translator"
)

// Options configure a ControlPlane.
type Options struct {
	Translator translator.Options
	Logger     *slog.Logger
	Metrics    *Metrics
	// Images configures image verification; its OnChange is set by New.
	Images imagegate.Options
}

// ControlPlane holds the snapshot cache and the policy it was built from.
type ControlPlane struct {
	opts    Options
	log     *slog.Logger
	cache   cachev3.SnapshotCache
	metrics *Metrics

	mu sync.Mutex // serialises Apply
	// republishQueued is set while a republish waits for mu.
	republishQueued atomic.Bool
	current         atomic.Pointer[ir.Policy]
	nodes           map[string]bool // node ids that have a snapshot

	status *statusTracker
	images *imagegate.Gate
	issuer *meshcert.Issuer // the mesh CA's, when the policy has one
	jwks   *jwksCache       // issuers' key sets named by URL
}

// New returns a control plane with no policy; nodes get nothing until Apply.
func New(o Options) *ControlPlane {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Metrics == nil {
		o.Metrics = NewMetrics(nil)
	}
	cp := &ControlPlane{
		opts:    o,
		log:     o.Logger,
		cache:   cachev3.NewSnapshotCache(true, cachev3.IDHash{}, nil),
		metrics: o.Metrics,
		nodes:   map[string]bool{},
		status:  newStatusTracker(o.Metrics),
		jwks:    newJWKSCache(),
	}
	io := o.Images
	if io.Logger == nil {
		io.Logger = o.Logger
	}
	// A verification that finished after a publish changes what may be
	// routed: publish the same policy again.
	io.OnChange = cp.republish
	cp.images = imagegate.New(io)
	policy := cp.Policy
	o.Metrics.certs.policy.Store(&policy)
	return cp
}

// Images returns the image state of every server of the policy in force.
func (cp *ControlPlane) Images() []imagegate.Status { return cp.images.Statuses() }

// republish applies the policy in force again, re-evaluating image checks.
// It reads the policy under the lock: read before it, a policy applied in
// between would be replaced by the older one.
func (cp *ControlPlane) republish() {
	// Requests made while one waits for the lock join it: it has not
	// evaluated yet, so it sees their results. N verifications finishing
	// together cost one translation, not N.
	if !cp.republishQueued.CompareAndSwap(false, true) {
		return
	}
	cp.mu.Lock()
	defer cp.mu.Unlock()
	cp.republishQueued.Store(false)
	if p := cp.current.Load(); p != nil {
		if err := cp.apply(context.Background(), p); err != nil {
			cp.log.Error("re-publishing the policy failed", "error", err)
		}
	}
}

// RetryFailedImages re-verifies servers whose image failed verification every
// interval (a registry outage or a signature pushed late), until ctx ends.
func (cp *ControlPlane) RetryFailedImages(ctx context.Context, every time.Duration) {
	cp.republishEvery(ctx, every, func(*ir.Policy) bool {
		return slices.ContainsFunc(cp.images.Statuses(), func(st imagegate.Status) bool { return st.State == imagegate.Failed })
	})
}

// republishEvery republishes the policy in force every interval while
// due says so, until ctx ends. A republish that changes nothing pushes
// nothing.
func (cp *ControlPlane) republishEvery(ctx context.Context, every time.Duration, due func(*ir.Policy) bool) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if p := cp.Policy(); p != nil && due(p) {
				cp.republish()
			}
		}
	}
}

// Policy returns the policy being served, or nil before the first Apply.
func (cp *ControlPlane) Policy() *ir.Policy { return cp.current.Load() }

// Apply translates p and publishes a consistent snapshot to every node. On
// error nothing is published and the previous policy keeps serving.
func (cp *ControlPlane) Apply(ctx context.Context, p *ir.Policy) error {
	cp.mu.Lock()
	defer cp.mu.Unlock()
	return cp.apply(ctx, p)
}

// apply is Apply with cp.mu held.
func (cp *ControlPlane) apply(ctx context.Context, p *ir.Policy) error {
	eff, err := cp.withMeshCerts(cp.withJWKS(ctx, cp.routable(ctx, p)))
	if err != nil {
		return err
	}
	perNode, err := translator.Translate(eff, cp.opts.Translator)
	if err != nil {
		return err
	}
	snaps := map[string]*cachev3.Snapshot{}
	for node, res := range perNode {
		snap, err := snapshot(res)
		if err != nil {
			return fmt.Errorf("node %s: %w", node, err)
		}
		snaps[node] = snap
	}
	// Publish in a stable order; every snapshot is already consistent.
	ids := make([]string, 0, len(snaps))
	for id := range snaps {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := cp.publish(ctx, id, snaps[id]); err != nil {
			return err
		}
		versions := map[string]string{}
		for _, typ := range []resource.Type{resource.ClusterType, resource.ListenerType, resource.RouteType, resource.ExtensionConfigType} {
			versions[typ] = snaps[id].GetVersion(typ)
		}
		cp.status.published(id, p.Version, versions)
	}
	// Nodes whose server left the policy lose their listeners last.
	for id := range cp.nodes {
		if _, ok := snaps[id]; !ok {
			empty, _ := cachev3.NewSnapshot("removed-"+p.Version, nil)
			if err := cp.cache.SetSnapshot(ctx, id, empty); err != nil {
				return err
			}
			delete(cp.nodes, id)
			cp.status.removed(id)
		}
	}
	cp.current.Store(p)
	cp.metrics.setPolicy(p.Version)
	cp.log.Info("policy published", "version", p.Version, "servers", len(p.Servers), "nodes", len(ids))
	return nil
}

// routable returns p with every server whose image is not verified marked
// Unavailable, so the translator gives it no route and ext_proc refuses it.
func (cp *ControlPlane) routable(ctx context.Context, p *ir.Policy) *ir.Policy {
	statuses := cp.images.Evaluate(ctx, p)
	eff := *p
	eff.Servers = slices.Clone(p.Servers)
	for i := range eff.Servers {
		s := &eff.Servers[i]
		if st, ok := statuses[s.Name]; !ok || !st.Routable() {
			reason := "image not verified"
			if ok {
				reason = fmt.Sprintf("image %s not verified (%s): %s", s.Image, st.State, st.Reason)
			}
			s.Unavailable = reason
		}
	}
	return &eff
}

// withMeshCerts returns p with the mesh certificates of the ingress and
// every sidecar filled in, when the ingress asks for mutual TLS. They come
// from a cache, renewed after a third of their life (RenewMeshCerts pushes
// the new ones), so a push does not change every key.
func (cp *ControlPlane) withMeshCerts(p *ir.Policy) (*ir.Policy, error) {
	if p.Ingress == nil || p.Ingress.MTLS == nil {
		return p, nil
	}
	m := p.Ingress.MTLS
	if cp.issuer == nil || cp.issuer.Digest() != m.Digest {
		is, err := meshcert.NewIssuer(m.CACertPEM, m.CAKeyPEM)
		if err != nil {
			return nil, err
		}
		cp.issuer = is
	}
	eff := *p
	in := *p.Ingress
	eff.Ingress = &in
	c, err := cp.issuer.Issue(meshcert.IngressURI, nil)
	if err != nil {
		return nil, err
	}
	in.ClientCert = ir.KeyPair{CertPEM: c.CertPEM, KeyPEM: c.KeyPEM}
	eff.Servers = slices.Clone(p.Servers)
	for i := range eff.Servers {
		s := &eff.Servers[i]
		c, err := cp.issuer.Issue(meshcert.SidecarURI(s.Name), []string{s.SidecarAddress().Host})
		if err != nil {
			return nil, err
		}
		s.MeshCert = ir.KeyPair{CertPEM: c.CertPEM, KeyPEM: c.KeyPEM}
	}
	return &eff, nil
}

// RenewMeshCerts republishes every interval, so mesh certificates are
// renewed well before they expire (a republish that changes nothing
// pushes nothing).
func (cp *ControlPlane) RenewMeshCerts(ctx context.Context, every time.Duration) {
	cp.republishEvery(ctx, every, func(p *ir.Policy) bool { return p.Ingress != nil && p.Ingress.MTLS != nil })
}

// publish sets snap for node. When clusters disappear, it first publishes the
// new listeners and routes alongside the union of old and new clusters, so
// Envoy never holds a route to a cluster it has already dropped
// (make-before-break); the final snapshot then removes the stale clusters.
func (cp *ControlPlane) publish(ctx context.Context, node string, snap *cachev3.Snapshot) error {
	if prev, err := cp.cache.GetSnapshot(node); err == nil && prev.GetVersion(resource.ClusterType) != snap.GetVersion(resource.ClusterType) {
		old := prev.GetResources(resource.ClusterType)
		cur := snap.GetResources(resource.ClusterType)
		var stale []types.Resource
		for name, c := range old {
			if _, ok := cur[name]; !ok {
				stale = append(stale, c)
			}
		}
		if len(stale) > 0 {
			merged := map[resource.Type][]types.Resource{}
			for _, t := range []resource.Type{resource.ClusterType, resource.ListenerType, resource.RouteType, resource.ExtensionConfigType, resource.SecretType} {
				for _, r := range snap.GetResources(t) {
					merged[t] = append(merged[t], r)
				}
			}
			merged[resource.ClusterType] = append(merged[resource.ClusterType], stale...)
			bridge, err := snapshot(merged)
			if err != nil {
				return err
			}
			if err := cp.cache.SetSnapshot(ctx, node, bridge); err != nil {
				return err
			}
		}
	}
	if err := cp.cache.SetSnapshot(ctx, node, snap); err != nil {
		return fmt.Errorf("node %s: %w", node, err)
	}
	cp.nodes[node] = true
	return nil
}

// snapshot builds a consistent snapshot whose version is a hash of its
// content, so a node whose resources did not change is not pushed again.
func snapshot(res map[resource.Type][]types.Resource) (*cachev3.Snapshot, error) {
	h := sha256.New()
	typeURLs := make([]string, 0, len(res))
	for t := range res {
		typeURLs = append(typeURLs, t)
	}
	sort.Strings(typeURLs)
	mo := proto.MarshalOptions{Deterministic: true}
	for _, t := range typeURLs {
		rs := append([]types.Resource(nil), res[t]...)
		sort.Slice(rs, func(i, j int) bool { return cachev3.GetResourceName(rs[i]) < cachev3.GetResourceName(rs[j]) })
		for _, r := range rs {
			b, err := mo.Marshal(r)
			if err != nil {
				return nil, err
			}
			h.Write([]byte(t))
			h.Write(b)
		}
	}
	snap, err := cachev3.NewSnapshot(hex.EncodeToString(h.Sum(nil))[:16], res)
	if err != nil {
		return nil, err
	}
	if err := snap.Consistent(); err != nil {
		return nil, fmt.Errorf("inconsistent snapshot: %w", err)
	}
	return snap, nil
}

// Serve runs the ADS gRPC server on l until ctx ends.
func (cp *ControlPlane) Serve(ctx context.Context, l net.Listener) error {
	srv := serverv3.NewServer(ctx, cp.cache, cp.status.callbacks(cp.log), sotw.WithOrderedADS())
	g := grpc.NewServer(
		grpc.MaxConcurrentStreams(1<<20),
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: 30e9, Timeout: 10e9}),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 5e9, PermitWithoutStream: true}),
	)
	discoverygrpc.RegisterAggregatedDiscoveryServiceServer(g, srv)
	errc := make(chan error, 1)
	go func() { errc <- g.Serve(l) }()
	select {
	case <-ctx.Done():
		g.Stop()
		<-errc
		return nil
	case err := <-errc:
		if errors.Is(err, grpc.ErrServerStopped) {
			return nil
		}
		return err
	}
}

// Status reports, per connected node, the last version it acknowledged or rejected.
func (cp *ControlPlane) Status() []NodeStatus { return cp.status.snapshot() }
