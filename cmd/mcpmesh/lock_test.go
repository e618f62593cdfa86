package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/mcpmesh/mcpmesh/test/demoserver"
)

func TestLockWritesPinsForEveryTool(t *testing.T) {
	for _, opts := range []demoserver.Options{{}, {JSONResponse: true}} {
		srv := httptest.NewServer(demoserver.New().Handler(opts))
		out := filepath.Join(t.TempDir(), "tools.lock.json")
		if err := runLock([]string{"-server", "demo", "-url", srv.URL + "/mcp", "-o", out}); err != nil {
			t.Fatalf("lock (json=%v): %v", opts.JSONResponse, err)
		}
		srv.Close()
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var lock struct {
			Version int               `json:"version"`
			Server  string            `json:"server"`
			Tools   map[string]string `json:"tools"`
		}
		if err := json.Unmarshal(b, &lock); err != nil {
			t.Fatal(err)
		}
		if lock.Version != 1 || lock.Server != "demo" || len(lock.Tools) != 3 || len(lock.Tools["echo"]) != 64 {
			t.Fatalf("lock file: %s", b)
		}
	}
	if err := runLock([]string{"-server", "demo"}); err == nil {
		t.Fatal("lock without -url or -policy succeeded")
	}
}
