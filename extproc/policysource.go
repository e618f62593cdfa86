package extproc

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	"github.com/envoyproxy/go-control-plane/pkg/client/sotw/v3"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/anypb"
)

// FollowControlPlane subscribes to the policy over ADS and keeps store
// current until ctx ends, reconnecting with backoff. A policy that does not
// compile is NACKed with the reason and the previous one stays in force.
// When the control plane is away, the last policy keeps being enforced.
func FollowControlPlane(ctx context.Context, addr string, store *PolicyStore, log *slog.Logger) error {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return fmt.Errorf("control plane %s: %w", addr, err)
	}
	defer conn.Close()
	node := &core.Node{Id: contract.ExtProcNodeID, Cluster: contract.ExtProcNodeCluster}
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		start := time.Now()
		err := followOnce(ctx, conn, node, store, log)
		if ctx.Err() != nil {
			return nil
		}
		if time.Since(start) > 10*time.Second {
			backoff = 100 * time.Millisecond
		}
		log.Warn("policy stream from control plane ended; enforcing the last policy and retrying",
			"control_plane", addr, "error", err, "retry_in", backoff, "policy_version", store.Version())
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 5*time.Second)
	}
	return nil
}

func followOnce(ctx context.Context, conn *grpc.ClientConn, node *core.Node, store *PolicyStore, log *slog.Logger) error {
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c := sotw.NewADSClient(sctx, node, contract.PolicyTypeURL)
	if err := c.InitConnect(conn, grpc.WaitForReady(true)); err != nil {
		return err
	}
	for {
		resp, err := c.Fetch()
		if err != nil {
			return err
		}
		if err := apply(resp.Resources, store); err != nil {
			log.Error("policy from control plane rejected; keeping the previous one", "error", err)
			store.metrics.policyUpdates.WithLabelValues("rejected").Inc()
			if err := c.Nack(err.Error()); err != nil {
				return err
			}
			continue
		}
		store.metrics.policyUpdates.WithLabelValues("applied").Inc()
		log.Info("policy in force", "version", store.Version())
		if err := c.Ack(); err != nil {
			return err
		}
	}
}

func apply(resources []*anypb.Any, store *PolicyStore) error {
	for _, a := range resources {
		var tc core.TypedExtensionConfig
		if err := a.UnmarshalTo(&tc); err != nil {
			return fmt.Errorf("decode resource: %w", err)
		}
		if tc.GetName() != contract.PolicyResourceName {
			continue
		}
		p, err := contract.DecodePolicy(&tc)
		if err != nil {
			return err
		}
		return store.Update(p)
	}
	return fmt.Errorf("response carries no %s resource", contract.PolicyResourceName)
}
