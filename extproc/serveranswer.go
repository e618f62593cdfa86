package extproc

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"slices"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// A request the server sends to the client (sampling, elicitation, roots)
// that a rule refuses is not shown to the client: an error under the
// server's id would reach a client that reads it as the answer to its own
// request of the same number. The server is answered instead, with the
// refusal, so that the tool waiting on it fails at once rather than at the
// server's own timeout. The answer goes to the server container directly
// (the sidecar's upstream, in the request's session), as the client's
// answer would have gone through the sidecar.

// serverAnswerTimeout bounds the delivery of one refusal to the server.
const serverAnswerTimeout = 5 * time.Second

// serverAnswerClient speaks to the server container only: no proxy from
// the environment, no redirect followed elsewhere.
var serverAnswerClient = &http.Client{
	Transport:     &http.Transport{},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// answerServer sends the refusal of e (a request from the server) back to
// the server, in the background; the outcome is counted and logged.
func (st *stream) answerServer(id jsontext.Value, e *interceptors.Exchange) {
	if st.spec == nil { // an unknown server is refused before any answer flows
		st.srv.Metrics.serverAnswers.WithLabelValues(st.serverLabel(), "failed").Inc()
		return
	}
	body := jsonrpc.ErrorResponse(id, contract.CodePolicyDenied, "mcpmesh: "+e.Reason+" (rule: "+e.Rule+")", map[string]string{"rule": e.Rule})
	url := "http://" + st.spec.Upstream.String() + st.spec.Path
	session, version, server, method := st.sessionID, st.protocolVersion, st.server, e.Message.Method
	srv := st.srv
	go func() {
		outcome := "delivered"
		if err := postAnswer(url, session, version, body); err != nil {
			outcome = "failed"
			srv.Log.Warn("the server's refused request could not be answered; it waits for its own timeout",
				"server", server, "method", method, "error", err)
		}
		srv.Metrics.serverAnswers.WithLabelValues(server, outcome).Inc()
	}()
}

func postAnswer(url, session, version string, body []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), serverAnswerTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	if session != "" {
		req.Header.Set("Mcp-Session-Id", session)
	}
	if version != "" {
		req.Header.Set("Mcp-Protocol-Version", version)
	}
	resp, err := serverAnswerClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return &statusError{resp.StatusCode}
	}
	return nil
}

type statusError struct{ code int }

func (e *statusError) Error() string { return "the server answered HTTP " + http.StatusText(e.code) }

// settleDenied puts the refusal of the denied message i of batch in its
// place: for a response to the client's request, an error under that id;
// for the server's own request, an answer to the server and nothing to the
// client (the message becomes nil; see compact).
func (st *stream) settleDenied(batch *jsonrpc.Batch, i int, e *interceptors.Exchange) {
	m := batch.Messages[i]
	if m.IsRequest() {
		st.answerServer(m.ID, e)
		batch.Messages[i] = nil
		return
	}
	batch.Messages[i] = &jsonrpc.Message{ID: m.ID, Error: errorObject(e)}
}

// compact removes the messages settleDenied took out; it reports whether
// any is left.
func compact(batch *jsonrpc.Batch) bool {
	batch.Messages = slices.DeleteFunc(batch.Messages, func(m *jsonrpc.Message) bool { return m == nil })
	return len(batch.Messages) > 0
}
