package extproc

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const toolsList = `{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo"},{"name":"run_shell"}]}}`

func TestJSONToolsListFiltered(t *testing.T) {
	_, c := startServer(t, testPolicy(), &bytes.Buffer{})
	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	if r := e.requestBody(`{"jsonrpc":"2.0","id":2,"method":"tools/list"}`); r.GetRequestBody() == nil || r.GetRequestBody().GetResponse().GetBodyMutation() != nil {
		t.Fatalf("tools/list request not continued as it is: %v", r)
	}
	if rm := e.headers.GetRequestHeaders().GetResponse().GetHeaderMutation().GetRemoveHeaders(); !slices.Equal(rm, removedRequestHeaders) || rm[0] != "accept-encoding" {
		t.Errorf("accept-encoding not removed: %v", rm)
	}
	e.responseHeaders(":status", "200", "content-type", "application/json", "content-length", strconv.Itoa(len(toolsList)))
	r := e.responseBody(toolsList, true)
	cr := r.GetResponseBody().GetResponse()
	got := string(cr.GetBodyMutation().GetBody())
	want := `{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo"}]}}`
	if got != want {
		t.Fatalf("body %s, want %s", got, want)
	}
	set := cr.GetHeaderMutation().GetSetHeaders()
	if len(set) != 1 || set[0].GetHeader().GetKey() != "content-length" || string(set[0].GetHeader().GetRawValue()) != strconv.Itoa(len(want)) {
		t.Fatalf("content-length not fixed: %v", set)
	}
}

func TestSSEToolsListFilteredAcrossChunks(t *testing.T) {
	_, c := startServer(t, testPolicy(), &bytes.Buffer{})
	e := open(t, c, "demo")
	e.requestHeaders(false, postHeaders...)
	e.requestBody(`{"jsonrpc":"2.0","id":2,"method":"tools/list"}`)
	r := e.responseHeaders(":status", "200", "content-type", "text/event-stream")
	if rm := r.GetResponseHeaders().GetResponse().GetHeaderMutation().GetRemoveHeaders(); len(rm) != 1 || rm[0] != "content-length" {
		t.Errorf("content-length not removed: %v", rm)
	}
	prime := "id: p1\ndata: \n\n"
	event := "id: e1\nevent: message\ndata: " + toolsList + "\n\n"
	split := len(prime) + 30 // the tools/list event is cut in the middle

	first := e.responseBody((prime + event)[:split], false).GetResponseBody().GetResponse().GetBodyMutation()
	if got := string(first.GetBody()); got != prime {
		t.Fatalf("first chunk forwarded %q, want only the complete priming event %q", got, prime)
	}
	second := e.responseBody((prime + event)[split:], true).GetResponseBody().GetResponse().GetBodyMutation()
	want := "id: e1\nevent: message\ndata: " + `{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo"}]}}` + "\n\n"
	if got := string(second.GetBody()); got != want {
		t.Fatalf("second chunk forwarded %q, want %q", got, want)
	}
}

func TestSSEGarbageEventDropped(t *testing.T) {
	var log bytes.Buffer
	_, c := startServer(t, testPolicy(), &log)
	e := open(t, c, "demo")
	e.requestHeaders(true, ":method", "GET", ":path", "/mcp")
	e.responseHeaders(":status", "200", "content-type", "text/event-stream")
	r := e.responseBody("data: {not json\n\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\n", false)
	got := string(r.GetResponseBody().GetResponse().GetBodyMutation().GetBody())
	if strings.Contains(got, "not json") || !strings.Contains(got, "list_changed") {
		t.Fatalf("forwarded %q", got)
	}
	if !strings.Contains(log.String(), "event dropped") {
		t.Errorf("the dropped event is not audited: %s", log.String())
	}
}
