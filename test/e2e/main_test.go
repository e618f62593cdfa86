package e2e

import (
	"os"
	"testing"
)

// TestMain runs this test binary as a child MCP server when asked to (see
// runFetchServer): tests that must check what a server process holds
// start one as a process of its own.
func TestMain(m *testing.M) {
	if addr := os.Getenv(fetchServerEnv); addr != "" {
		runFetchServer(addr)
		return
	}
	os.Exit(m.Run())
}
