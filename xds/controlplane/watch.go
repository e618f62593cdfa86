package controlplane

import (
	"bytes"
	"context"
	"os"
	"time"

	"github.com/mcpmesh/mcpmesh/xds/policy"
)

// WatchFile loads path now and again whenever its content changes, until ctx
// ends. Polling by content (not inotify) also catches Kubernetes ConfigMap
// updates, which swap a symlink rather than write the file. An invalid
// version is logged with every reason and the last good policy keeps serving.
// The first load must succeed.
func (cp *ControlPlane) WatchFile(ctx context.Context, path string, every time.Duration, ready func(error)) {
	var last []byte
	load := func() error {
		data, err := os.ReadFile(path)
		if err != nil {
			cp.metrics.reloads.WithLabelValues("invalid").Inc()
			cp.log.Error("policy file unreadable; keeping the last good policy", "file", path, "error", err)
			return err
		}
		if last != nil && bytes.Equal(data, last) {
			return nil
		}
		last = data
		res, err := policy.Parse(path, data)
		if err != nil {
			cp.metrics.reloads.WithLabelValues("invalid").Inc()
			cp.log.Error("policy rejected; keeping the last good policy", "file", path, "errors", err.Error())
			return err
		}
		for _, w := range res.Warnings {
			cp.log.Warn("policy warning", "warning", w.Error())
		}
		if cur := cp.Policy(); cur != nil && cur.Version == res.Policy.Version {
			cp.metrics.reloads.WithLabelValues("unchanged").Inc()
			return nil
		}
		if err := cp.Apply(ctx, res.Policy); err != nil {
			cp.metrics.reloads.WithLabelValues("invalid").Inc()
			cp.log.Error("policy could not be published; keeping the last good policy", "file", path, "error", err)
			return err
		}
		cp.metrics.reloads.WithLabelValues("applied").Inc()
		return nil
	}
	err := load()
	if ready != nil {
		ready(err)
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_ = load()
		}
	}
}
