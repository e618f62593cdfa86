package loadtest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// ProtocolVersion is the MCP revision the load speaks: the stateless
// Streamable HTTP of 2025-11-25, one POST per call.
const ProtocolVersion = "2025-11-25"

// PayloadTool is the demo-server tool the load calls (see AddPayloadTool).
// Its name matches the default policy's "get_*" allow pattern.
const PayloadTool = "get_payload"

// callTemplate is a tools/call request as the Go SDK client sends it, with
// the id and size left out.
type callTemplate struct {
	head []byte // request line and headers up to "Content-Length: "
	size int
}

// newCallTemplate prepares requests for host (host:port) and path.
func newCallTemplate(host, path string, size int) *callTemplate {
	// The header set and order of net/http as the SDK's client uses it.
	head := "POST " + path + " HTTP/1.1\r\n" +
		"Host: " + host + "\r\n" +
		"User-Agent: Go-http-client/1.1\r\n" +
		"Accept: application/json, text/event-stream\r\n" +
		"Content-Type: application/json\r\n" +
		"Mcp-Protocol-Version: " + ProtocolVersion + "\r\n" +
		"Accept-Encoding: gzip\r\n" +
		"Content-Length: "
	return &callTemplate{head: []byte(head), size: size}
}

// appendRequest appends the whole HTTP request for call id to dst.
func (t *callTemplate) appendRequest(dst []byte, id int64) []byte {
	var body [160]byte
	b := append(body[:0], `{"jsonrpc":"2.0","id":`...)
	b = strconv.AppendInt(b, id, 10)
	b = append(b, `,"method":"tools/call","params":{"name":"`+PayloadTool+`","arguments":{"size":`...)
	b = strconv.AppendInt(b, int64(t.size), 10)
	b = append(b, "}}}"...)
	dst = append(dst, t.head...)
	dst = strconv.AppendInt(dst, int64(len(b)), 10)
	dst = append(dst, "\r\n\r\n"...)
	return append(dst, b...)
}

// conn is one HTTP/1.1 keep-alive connection that sends calls one at a time.
type conn struct {
	addr    string
	tmpl    *callTemplate
	wantSSE bool
	timeout time.Duration

	c    net.Conn
	br   *bufio.Reader
	req  []byte
	body bytes.Buffer
	data []byte
}

// newConn prepares a connection to addr; pool.take gives it its calls.
func newConn(addr string, wantSSE bool) *conn {
	return &conn{addr: addr, wantSSE: wantSSE, timeout: 10 * time.Second}
}

func (c *conn) close() {
	if c.c != nil {
		c.c.Close()
		c.c = nil
	}
}

// call sends tools/call id and reads and checks the whole response. A
// connection that failed is closed; the next call dials again.
func (c *conn) call(id int64) error {
	if c.c == nil {
		nc, err := net.DialTimeout("tcp", c.addr, c.timeout)
		if err != nil {
			return fmt.Errorf("dial: %w", err)
		}
		c.c = nc
		if c.br == nil {
			c.br = bufio.NewReaderSize(nc, 32<<10)
		} else {
			c.br.Reset(nc)
		}
	}
	err := c.roundTrip(id)
	if err != nil {
		c.close()
	}
	return err
}

func (c *conn) roundTrip(id int64) error {
	_ = c.c.SetDeadline(time.Now().Add(c.timeout))
	c.req = c.tmpl.appendRequest(c.req[:0], id)
	if _, err := c.c.Write(c.req); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	resp, err := http.ReadResponse(c.br, nil)
	if err != nil {
		return fmt.Errorf("read response: %w", err)
	}
	c.body.Reset()
	_, err = c.body.ReadFrom(resp.Body)
	resp.Body.Close()
	if err != nil {
		return fmt.Errorf("read body: %w", err)
	}
	if resp.Close {
		c.close()
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, c.body.Bytes())
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	msg := c.body.Bytes()
	switch {
	case c.wantSSE && ct == "text/event-stream":
		if msg, err = c.sseMessage(msg); err != nil {
			return err
		}
	case !c.wantSSE && ct == "application/json":
	default:
		return fmt.Errorf("unexpected Content-Type %q", resp.Header.Get("Content-Type"))
	}
	return checkResult(msg, id, c.tmpl.size)
}

// sseMessage returns the data of the first event of an SSE body.
func (c *conn) sseMessage(body []byte) ([]byte, error) {
	c.data = c.data[:0]
	found := false
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) == 0 {
			if found {
				break // end of the first event
			}
			continue
		}
		if v, ok := bytes.CutPrefix(line, []byte("data:")); ok {
			if found {
				c.data = append(c.data, '\n')
			}
			found = true
			c.data = append(c.data, bytes.TrimPrefix(v, []byte(" "))...)
		}
	}
	if !found {
		return nil, errors.New("SSE response without data")
	}
	return c.data, nil
}

// toolResponse is the part of a tools/call response that is checked.
type toolResponse struct {
	JSONRPC string         `json:"jsonrpc"`
	ID      jsontext.Value `json:"id"`
	Result  *struct {
		Content []struct {
			Type string         `json:"type"`
			Text jsontext.Value `json:"text"`
		} `json:"content"`
		IsError bool `json:"isError"`
	} `json:"result"`
	Error *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// checkResult verifies msg is the successful answer to call id with a text
// of size bytes.
func checkResult(msg []byte, id int64, size int) error {
	var r toolResponse
	if err := json.Unmarshal(msg, &r); err != nil {
		return fmt.Errorf("response is not JSON-RPC: %v: %.200s", err, msg)
	}
	if r.Error != nil {
		return fmt.Errorf("JSON-RPC error %d: %s", r.Error.Code, r.Error.Message)
	}
	if got := string(r.ID); got != strconv.FormatInt(id, 10) {
		return fmt.Errorf("response id %s, want %d", got, id)
	}
	if r.Result == nil || r.Result.IsError || len(r.Result.Content) != 1 || r.Result.Content[0].Type != "text" {
		return fmt.Errorf("not a successful text result: %.200s", msg)
	}
	if n := len(r.Result.Content[0].Text) - 2; n != size { // the text is ASCII: only the quotes are added
		return fmt.Errorf("text of %d bytes, want %d", n, size)
	}
	return nil
}
