// Package loadtest measures what the mcpmesh sidecar costs end to end: MCP
// tools/call over four paths side by side, on the same machine in the same
// run: straight to the MCP server, through a plain Envoy (the sidecar's
// listener, route and cluster without ext_proc), through the sidecar's Envoy
// with an external processor that does no work (the ext_proc floor: what any
// processor costs before it judges anything) and through the full sidecar
// (control plane, ext_proc with the default chain, Envoy).
//
// `go test ./test/loadtest` runs a small smoke test. The full matrix (JSON
// and SSE responses, 1 KB and 100 KB results, open loop at fixed rates and a
// closed loop for the maximum rate) runs with
//
//	go test ./test/loadtest -run '^TestLoadFull$' -load.full -v -timeout 15m
//
// and prints Markdown tables (see docs/benchmarks.md). Everything listens on
// loopback only.
package loadtest
