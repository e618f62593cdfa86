package controlplane

import (
	"bytes"
	"context"
	"os"
	"time"

	"github.com/mcpmesh/mcpmesh/xds/policy"
)

// WatchFile loads path now and again whenever its content changes, or the
// content of a file it refers to (a key, a lock file, a certificate: so a
// rotated certificate is served without a restart), until ctx ends. Polling
// by content (not inotify) also catches Kubernetes ConfigMap and Secret
// updates, which swap a symlink rather than write the file. An invalid
// version is logged with every reason and the last good policy keeps serving.
// The first load must succeed.
func (cp *ControlPlane) WatchFile(ctx context.Context, path string, every time.Duration, ready func(error)) {
	var last []byte
	var refs map[string][]byte // the referred files' content at the last good parse
	var lastErr string         // the problems of the last failed parse, reported once
	load := func() error {
		data, err := os.ReadFile(path)
		if err != nil {
			cp.metrics.reloads.WithLabelValues("invalid").Inc()
			cp.log.Error("policy file unreadable; keeping the last good policy", "file", path, "error", err)
			return err
		}
		// After a failed parse every poll parses again: the file it could
		// not read (a certificate being rotated) may be there now.
		if last != nil && bytes.Equal(data, last) && lastErr == "" && !changed(refs) {
			return nil
		}
		last = data
		res, err := policy.Parse(path, data)
		if err != nil {
			if err.Error() != lastErr {
				cp.metrics.reloads.WithLabelValues("invalid").Inc()
				cp.log.Error("policy rejected; keeping the last good policy", "file", path, "errors", err.Error())
			}
			lastErr = err.Error()
			return err
		}
		lastErr = ""
		refs = contents(res)
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

// contents reads the files a parse referred to.
func contents(res *policy.Result) map[string][]byte {
	m := make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		b, _ := os.ReadFile(f)
		m[f] = b
	}
	return m
}

// changed reports whether any file in refs reads differently now.
func changed(refs map[string][]byte) bool {
	for f, old := range refs {
		b, err := os.ReadFile(f)
		if err != nil || !bytes.Equal(b, old) {
			return true
		}
	}
	return false
}
