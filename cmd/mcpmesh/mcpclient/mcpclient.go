// Package mcpclient is a minimal MCP Streamable HTTP client that keeps the
// raw JSON of answers: what the gateway sees and hashes, not what an SDK
// re-encodes. `mcpmesh lock` uses it to pin tool definitions. It is not
// under cmd/mcpmesh/internal because the end-to-end tests pin tools with it
// as the command does.
package mcpclient

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/sse"
)

// mcpSession is a minimal Streamable HTTP client that keeps the raw JSON of
// answers, which is what the gateway hashes.
type mcpSession struct {
	url, id string
	client  *http.Client
	next    int
}

// ListTools runs initialize and every page of tools/list and returns one
// tools/list result holding all tools, as the server wrote them.
func ListTools(ctx context.Context, url string) (jsontext.Value, error) {
	s := &mcpSession{url: url, client: &http.Client{}}
	if _, err := s.call(ctx, "initialize", `{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"mcpmesh-lock","version":"1"}}`); err != nil {
		return nil, fmt.Errorf("initialize: %w", err)
	}
	if err := s.notify(ctx, "notifications/initialized"); err != nil {
		return nil, err
	}
	defer s.close()
	var tools []jsontext.Value
	cursor := ""
	for page := 0; page < 1000; page++ {
		params := `{}`
		if cursor != "" {
			params = `{"cursor":` + strconv.Quote(cursor) + `}`
		}
		res, err := s.call(ctx, "tools/list", params)
		if err != nil {
			return nil, fmt.Errorf("tools/list: %w", err)
		}
		var page struct {
			Tools      []jsontext.Value `json:"tools"`
			NextCursor string           `json:"nextCursor"`
		}
		if err := json.Unmarshal(res, &page); err != nil {
			return nil, fmt.Errorf("tools/list result: %w", err)
		}
		tools = append(tools, page.Tools...)
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	var b bytes.Buffer
	b.WriteString(`{"tools":[`)
	for i, t := range tools {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(t)
	}
	b.WriteString(`]}`)
	return jsontext.Value(b.Bytes()), nil
}

func (s *mcpSession) post(ctx context.Context, body string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", s.url, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	req.Header.Set("MCP-Protocol-Version", "2025-11-25")
	if s.id != "" {
		req.Header.Set("Mcp-Session-Id", s.id)
	}
	return s.client.Do(req)
}

func (s *mcpSession) notify(ctx context.Context, method string) error {
	resp, err := s.post(ctx, `{"jsonrpc":"2.0","method":"`+method+`"}`)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s: HTTP %d", method, resp.StatusCode)
	}
	return nil
}

// call sends one request and returns the raw result of its answer, read
// from a JSON body or from the event stream.
func (s *mcpSession) call(ctx context.Context, method, params string) (jsontext.Value, error) {
	s.next++
	id := strconv.Itoa(s.next)
	resp, err := s.post(ctx, `{"jsonrpc":"2.0","id":`+id+`,"method":"`+method+`","params":`+params+`}`)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if sid := resp.Header.Get("Mcp-Session-Id"); sid != "" {
		s.id = sid
	}
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return nil, fmt.Errorf("HTTP %d: %s", resp.StatusCode, strings.TrimSpace(string(b)))
	}
	answer := func(data []byte) (jsontext.Value, bool, error) {
		b, err := jsonrpc.Parse(data, jsonrpc.Limits{})
		if err != nil {
			return nil, false, err
		}
		for _, m := range b.Messages {
			if m.IsResponse() && m.IDKey() == id {
				if m.Error != nil {
					return nil, true, fmt.Errorf("server error: %s", m.Error)
				}
				return m.Result, true, nil
			}
		}
		return nil, false, nil
	}
	body := io.LimitReader(resp.Body, 64<<20)
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		var p sse.Parser
		buf := make([]byte, 32<<10)
		for {
			n, rerr := body.Read(buf)
			events, err := p.Feed(buf[:n])
			if err != nil {
				return nil, err
			}
			for _, ev := range events {
				if !ev.HasData || len(bytes.TrimSpace(ev.Data)) == 0 {
					continue
				}
				if res, ok, err := answer(ev.Data); ok || err != nil {
					return res, err
				}
			}
			if rerr != nil {
				return nil, fmt.Errorf("event stream ended without an answer to %s", method)
			}
		}
	}
	data, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	res, ok, err := answer(data)
	if err == nil && !ok {
		err = fmt.Errorf("no answer to %s in the response", method)
	}
	return res, err
}

func (s *mcpSession) close() {
	if s.id == "" {
		return
	}
	req, err := http.NewRequest("DELETE", s.url, nil)
	if err != nil {
		return
	}
	req.Header.Set("Mcp-Session-Id", s.id)
	if resp, err := s.client.Do(req); err == nil {
		resp.Body.Close()
	}
}
