// Package demoserver is a small MCP server built with the official Go SDK.
// `mcpmesh dev` serves it behind the sidecar, and the end-to-end tests use it
// as a real upstream whose received calls can be checked.
package demoserver

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Options select the transport behaviour.
type Options struct {
	// JSONResponse answers POSTs with application/json instead of SSE.
	JSONResponse bool
	// Stateless serves without sessions.
	Stateless bool
}

// Server is the demo MCP server and a record of the tool calls it received.
type Server struct {
	mcp *mcp.Server

	mu    sync.Mutex
	calls []string
}

// EchoIn is the input of the echo tool.
type EchoIn struct {
	Text string `json:"text" jsonschema:"the text to send back"`
}

// ShellIn is the input of the run_shell tool.
type ShellIn struct {
	Command string `json:"command" jsonschema:"a shell command"`
}

// TimeOut is the structured output of get_time.
type TimeOut struct {
	UTC string `json:"utc"`
}

// New builds the server with its tools: echo, get_time and run_shell. The
// last is deliberately dangerous-looking (it never runs anything): the
// default policy denies it, which is what the demo shows.
func New() *Server {
	s := &Server{mcp: mcp.NewServer(&mcp.Implementation{Name: "mcpmesh-demo", Version: "1.0.0"}, nil)}
	mcp.AddTool(s.mcp, &mcp.Tool{Name: "echo", Description: "Returns the text it is given."},
		func(_ context.Context, _ *mcp.CallToolRequest, in EchoIn) (*mcp.CallToolResult, any, error) {
			s.record("echo")
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: in.Text}}}, nil, nil
		})
	mcp.AddTool(s.mcp, &mcp.Tool{Name: "get_time", Description: "Returns the current UTC time."},
		func(_ context.Context, _ *mcp.CallToolRequest, _ struct{}) (*mcp.CallToolResult, TimeOut, error) {
			s.record("get_time")
			return nil, TimeOut{UTC: time.Now().UTC().Format(time.RFC3339)}, nil
		})
	mcp.AddTool(s.mcp, &mcp.Tool{Name: "run_shell", Description: "Runs a shell command on the server host."},
		func(_ context.Context, _ *mcp.CallToolRequest, in ShellIn) (*mcp.CallToolResult, any, error) {
			s.record("run_shell")
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: fmt.Sprintf("pretending to run %q", in.Command)}}}, nil, nil
		})
	return s
}

// MCP returns the underlying SDK server (to add tools at run time).
func (s *Server) MCP() *mcp.Server { return s.mcp }

// Handler serves MCP Streamable HTTP.
func (s *Server) Handler(o Options) http.Handler {
	return mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return s.mcp },
		&mcp.StreamableHTTPOptions{JSONResponse: o.JSONResponse, Stateless: o.Stateless})
}

func (s *Server) record(tool string) {
	s.mu.Lock()
	s.calls = append(s.calls, tool)
	s.mu.Unlock()
}

// Calls returns the names of the tools called so far, in order.
func (s *Server) Calls() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.calls...)
}

// Called reports how often tool was called.
func (s *Server) Called(tool string) int {
	n := 0
	for _, c := range s.Calls() {
		if c == tool {
			n++
		}
	}
	return n
}
