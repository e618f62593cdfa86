package helm

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ProjectConfigMap writes data into dir the way kubelet lays out a
// ConfigMap volume: the files live in a timestamped directory, "..data"
// is a symlink to it, and each key is a symlink through "..data". An
// update (UpdateConfigMap) swaps "..data" atomically and never writes a
// visible file in place, which is why a watcher must look at content, not
// at write events on the file.
func ProjectConfigMap(dir string, data map[string]string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := UpdateConfigMap(dir, data); err != nil {
		return err
	}
	for k := range data {
		if err := os.Symlink(filepath.Join("..data", k), filepath.Join(dir, k)); err != nil {
			return err
		}
	}
	return nil
}

// UpdateConfigMap replaces the content of a projected ConfigMap volume as
// kubelet's atomic writer does: new timestamped directory, "..data_tmp"
// symlink to it, rename over "..data", old directory removed. The set of
// keys must not change (kubelet would add or remove the key symlinks too).
func UpdateConfigMap(dir string, data map[string]string) error {
	ts := filepath.Join(dir, fmt.Sprintf("..%s", time.Now().UTC().Format("2006_01_02_15_04_05.000000000")))
	if err := os.Mkdir(ts, 0o755); err != nil {
		return err
	}
	for k, v := range data {
		if strings.Contains(k, "/") {
			return fmt.Errorf("key %q: nested keys are not supported here", k)
		}
		if err := os.WriteFile(filepath.Join(ts, k), []byte(v), 0o644); err != nil {
			return err
		}
	}
	old, _ := os.Readlink(filepath.Join(dir, "..data"))
	tmp := filepath.Join(dir, "..data_tmp")
	if err := os.Symlink(filepath.Base(ts), tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, "..data")); err != nil {
		return err
	}
	if old != "" {
		return os.RemoveAll(filepath.Join(dir, old))
	}
	return nil
}
