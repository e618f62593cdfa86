// Package mcp is the root of the MCP message model: what every interceptor
// reads. Its packages parse JSON-RPC messages (jsonrpc) and Server-Sent
// Events streams (sse), tool definitions and tool calls. They import no
// interceptor, no ext_proc host code and nothing of the control plane.
package mcp
