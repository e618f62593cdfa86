// Package webhook calls external interceptors over HTTP: a "before" hook
// sees each tools/call request and may allow it, deny it, rewrite its
// arguments or answer it itself; an "after" hook sees each tools/call
// result and may allow, deny or replace it.
//
// The contract, JSON in and JSON out:
//
//	POST <url>  Content-Type: application/json
//	{"version":1,"phase":"before","server":"s","tool":"t","sessionId":"...","arguments":{...}}
//	{"version":1,"phase":"after","server":"s","tool":"t","sessionId":"...","result":{...}}
//
//	200 {"decision":"allow"}
//	200 {"decision":"deny","message":"..."}
//	200 {"decision":"rewrite","arguments":{...}}   (before only)
//	200 {"decision":"respond","result":{...}}      (before only: the tool is not called)
//	200 {"decision":"replace","result":{...}}      (after only)
//
// With Compat "docker" a hook speaks Docker MCP Gateway's http interceptor
// format instead: before hooks get {"method":"tools/call","params":{...}},
// after hooks the result object; an empty answer lets the message go on and
// a non-empty one is a result that answers the call (before) or replaces
// the result (after).
//
// Anything else (another status, a body that is not such an object or is
// larger than MaxBytes, a timeout, a connection error) is a failure: the
// message is refused, or with FailOpen let through with a finding. In audit
// mode the hook is called and its decision recorded; nothing changes.
package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/toolglob"
)

// Name is the interceptor's name in findings.
const Name = "webhook"

// Defaults for zero policy fields.
const (
	DefaultTimeout  = time.Second
	DefaultMaxBytes = 1 << 20
	// Version is the contract version sent as "version".
	Version = 1
)

// Phases.
const (
	Before = "before"
	After  = "after"
)

// Decisions a hook may answer.
const (
	DecisionAllow   = "allow"
	DecisionDeny    = "deny"
	DecisionRewrite = "rewrite" // before: new arguments
	DecisionRespond = "respond" // before: the call's result; the tool is not called
	DecisionReplace = "replace" // after: new result
)

// CompatDocker selects Docker MCP Gateway's http interceptor wire format.
const CompatDocker = "docker"

// actionRespond is the finding action of a hook that answered a call.
const actionRespond = "respond"

const maxMessage = 200 // characters of a hook's deny message kept

// Hook is the compiled form of one Policy. It implements
// interceptors.Interceptor and is safe for concurrent use.
type Hook struct {
	name     string
	phase    string
	url      string
	tools    []toolglob.Pattern
	timeout  time.Duration
	maxBytes int64
	failOpen bool
	mode     string
	docker   bool // Docker MCP Gateway's wire format
	client   *http.Client

	ruleDecision, ruleFailure string
	label                     string // `webhook "<name>"`, for findings and reasons
}

var _ interceptors.Interceptor = (*Hook)(nil)

// New compiles h. A nil client means a client of its own: the hook's
// timeout, no proxy from the environment, no redirects followed. A client
// given is used with redirects turned off (a shallow copy is made).
func New(h Policy, client *http.Client) (*Hook, error) {
	k := &Hook{name: h.Name, phase: h.Phase, failOpen: h.FailOpen, mode: string(interceptors.Enforce)}
	if h.Name == "" {
		return nil, errors.New("webhook: a name is required")
	}
	for _, r := range h.Name {
		if r < 0x20 || r == 0x7f {
			return nil, fmt.Errorf("webhook %q: the name has control characters", h.Name)
		}
	}
	where := "webhook " + strconv.Quote(h.Name)
	switch h.Phase {
	case Before, After:
	default:
		return nil, fmt.Errorf("%s: phase must be %q or %q, not %q", where, Before, After, h.Phase)
	}
	u, err := url.Parse(h.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		// The URL may hold credentials: it is not repeated.
		return nil, fmt.Errorf("%s: url must be an absolute http or https URL", where)
	}
	k.url = h.URL
	for _, p := range h.Tools {
		g, err := toolglob.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		k.tools = append(k.tools, g)
	}
	switch {
	case h.TimeoutMillis < 0:
		return nil, fmt.Errorf("%s: timeoutMillis must not be negative", where)
	case h.TimeoutMillis == 0:
		k.timeout = DefaultTimeout
	default:
		k.timeout = time.Duration(h.TimeoutMillis) * time.Millisecond
	}
	switch {
	case h.MaxBytes < 0:
		return nil, fmt.Errorf("%s: maxBytes must not be negative", where)
	case h.MaxBytes == 0:
		k.maxBytes = DefaultMaxBytes
	default:
		k.maxBytes = int64(h.MaxBytes)
	}
	switch h.Compat {
	case "":
	case CompatDocker:
		k.docker = true
	default:
		return nil, fmt.Errorf("%s: compat must be %q or empty, not %q", where, CompatDocker, h.Compat)
	}
	switch h.Mode {
	case "":
	case interceptors.Enforce, interceptors.AuditOnly:
		k.mode = string(h.Mode)
	default:
		return nil, fmt.Errorf("%s: mode must be %q or %q, not %q", where, interceptors.Enforce, interceptors.AuditOnly, h.Mode)
	}
	if client == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.Proxy = nil
		client = &http.Client{Transport: t, Timeout: k.timeout}
	} else {
		c := *client
		client = &c
	}
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	k.client = client
	k.ruleDecision = "webhook." + h.Name
	k.label = where
	k.ruleFailure = "webhook." + h.Name + ".failure"
	return k, nil
}

// Name implements interceptors.Interceptor.
func (k *Hook) Name() string { return Name }

type sessionKey struct{}

// WithSessionID returns a context that carries the MCP session id, sent
// to hooks as "sessionId".
func WithSessionID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, sessionKey{}, id)
}

func sessionID(ctx context.Context) string {
	s, _ := ctx.Value(sessionKey{}).(string)
	return s
}

// request is the body sent to the hook.
type request struct {
	Version   int            `json:"version"`
	Phase     string         `json:"phase"`
	Server    string         `json:"server"`
	Tool      string         `json:"tool"`
	SessionID string         `json:"sessionId,omitzero"`
	Arguments jsontext.Value `json:"arguments,omitzero"`
	Result    jsontext.Value `json:"result,omitzero"`
}

// dockerRequest is what Docker MCP Gateway posts to a before hook.
type dockerRequest struct {
	Method string         `json:"method"`
	Params jsontext.Value `json:"params"`
}

// answer is the hook's reply.
type answer struct {
	Decision  string         `json:"decision"`
	Message   string         `json:"message"`
	Arguments jsontext.Value `json:"arguments"`
	Result    jsontext.Value `json:"result"`
}

// Intercept implements interceptors.Interceptor.
func (k *Hook) Intercept(ctx context.Context, x *interceptors.Exchange) error {
	m := x.Message
	req := request{Version: Version, Phase: k.phase, Server: x.Server, SessionID: sessionID(ctx)}
	switch k.phase {
	case Before:
		if x.Direction != interceptors.ToServer || m.Method != "tools/call" {
			return nil
		}
		if x.Tool != "" && !k.toolMatches(x.Tool) {
			return nil
		}
		tc, err := x.ToolCall()
		if err != nil {
			return fmt.Errorf("tools/call params: %w", err)
		}
		if !k.toolMatches(tc.Name) {
			return nil
		}
		req.Tool = tc.Name
		req.Arguments = tc.Arguments
		if req.Arguments == nil {
			req.Arguments = jsontext.Value("{}")
		}
	case After:
		if x.Direction != interceptors.ToClient || x.Method != "tools/call" || !m.IsResponse() || m.Result == nil {
			return nil
		}
		if !k.toolMatches(x.Tool) {
			return nil
		}
		req.Tool = x.Tool
		req.Result = m.Result
	}
	start := time.Now()
	a, fail := k.call(ctx, &req, m)
	outcome := a.Decision
	if fail != "" {
		outcome = "failure"
	}
	callSeconds.WithLabelValues(x.Server, k.name, k.phase, outcome).Observe(time.Since(start).Seconds())
	if fail != "" {
		k.failure(x, fail)
		return nil
	}
	switch a.Decision {
	case DecisionAllow:
		if k.mode == string(interceptors.AuditOnly) {
			k.report(x, string(interceptors.ActionAudit), "the hook allowed the call")
		}
	case DecisionDeny:
		msg := "the hook denied it"
		if s := clean(a.Message); s != "" {
			msg += ": " + s
		}
		k.report(x, string(interceptors.ActionBlock), msg)
	case DecisionRewrite:
		if k.mode != string(interceptors.Enforce) {
			k.report(x, string(interceptors.ActionRedact), "the hook would rewrite the arguments")
			return nil
		}
		p, err := withArguments(m.Params, a.Arguments)
		if err != nil {
			k.failure(x, err.Error())
			return nil
		}
		k.report(x, string(interceptors.ActionRedact), "the hook rewrote the arguments")
		n := *m
		n.Params = p
		x.Replace(&n, k.ruleDecision, "arguments rewritten by "+k.label)
	case DecisionRespond:
		if k.mode != string(interceptors.Enforce) {
			k.report(x, actionRespond, "the hook would answer the call itself")
			return nil
		}
		k.report(x, actionRespond, "the hook answered the call; the tool was not called")
		x.Answer(a.Result, k.ruleDecision, "answered by "+k.label)
	case DecisionReplace:
		if k.mode != string(interceptors.Enforce) {
			k.report(x, string(interceptors.ActionRedact), "the hook would replace the result")
			return nil
		}
		k.report(x, string(interceptors.ActionRedact), "the hook replaced the result")
		n := *m
		n.Result = a.Result
		x.Replace(&n, k.ruleDecision, "result replaced by "+k.label)
	}
	return nil
}

func (k *Hook) toolMatches(tool string) bool {
	if len(k.tools) == 0 {
		return true
	}
	for _, p := range k.tools {
		if p.Match(tool) {
			return true
		}
	}
	return false
}

// report records the hook's decision.
func (k *Hook) report(x *interceptors.Exchange, action, detail string) {
	x.Report(interceptors.Finding{
		Interceptor: Name, Rule: k.ruleDecision, Action: action, Mode: k.mode,
		Detail: k.label + ": " + detail,
	})
}

// failure records a hook that could not decide: fail closed refuses the
// message, fail open lets it through with an audit finding.
func (k *Hook) failure(x *interceptors.Exchange, why string) {
	f := interceptors.Finding{
		Interceptor: Name, Rule: k.ruleFailure, Action: string(interceptors.ActionBlock), Mode: k.mode,
		Detail: k.label + " failed: " + why,
	}
	if k.failOpen {
		f.Action = string(interceptors.ActionAudit)
		f.Detail += " (fail-open: let through)"
	}
	x.Report(f)
}

// call sends req and reads a valid answer, or returns why it could not.
// The reasons never contain the hook's URL.
func (k *Hook) call(ctx context.Context, req *request, m *jsonrpc.Message) (answer, string) {
	var a answer
	var body []byte
	var err error
	switch {
	case !k.docker:
		body, err = json.Marshal(req)
	case k.phase == Before:
		// Docker sends the call's params (name, arguments, _meta) as they are.
		body, err = json.Marshal(dockerRequest{Method: "tools/call", Params: m.Params})
	default:
		body = req.Result // Docker sends the CallToolResult itself
	}
	if err != nil {
		return a, "the request could not be encoded"
	}
	data, fail := k.post(ctx, body)
	if fail != "" {
		return a, fail
	}
	if k.docker {
		return k.dockerAnswer(data)
	}
	// Strict: duplicate names and invalid UTF-8 are refused.
	if err := json.Unmarshal(data, &a); err != nil {
		return a, "the answer is not a valid JSON object of the contract"
	}
	switch a.Decision {
	case DecisionAllow, DecisionDeny:
	case DecisionRewrite:
		if k.phase != Before {
			return a, `"rewrite" is only for before hooks`
		}
		if a.Arguments.Kind() != '{' {
			return a, `"rewrite" needs "arguments" as an object`
		}
	case DecisionRespond:
		if k.phase != Before {
			return a, `"respond" is only for before hooks`
		}
		if a.Result.Kind() != '{' {
			return a, `"respond" needs "result" as an object`
		}
	case DecisionReplace:
		if k.phase != After {
			return a, `"replace" is only for after hooks`
		}
		if a.Result.Kind() != '{' {
			return a, `"replace" needs "result" as an object`
		}
	default:
		return a, "unknown decision " + strconv.Quote(clip(a.Decision, 40))
	}
	return a, ""
}

// dockerAnswer reads an answer in Docker's format: empty lets the message
// go on; anything else must be a result object, which answers the call
// (before) or replaces the result (after).
func (k *Hook) dockerAnswer(data []byte) (answer, string) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return answer{Decision: DecisionAllow}, ""
	}
	// Strict, as for the native contract: duplicate names and invalid UTF-8 are refused.
	v := jsontext.Value(data)
	if v.Kind() != '{' || !v.IsValid() {
		return answer{}, "the answer is neither empty nor a valid JSON object (a CallToolResult)"
	}
	if k.phase == Before {
		return answer{Decision: DecisionRespond, Result: v}, ""
	}
	return answer{Decision: DecisionReplace, Result: v}, ""
}

// post sends body and returns the answer's body, or why there is none.
// The native contract wants status 200; Docker's format any 2xx (its
// hooks may answer an empty 204).
func (k *Hook) post(ctx context.Context, body []byte) ([]byte, string) {
	ctx, cancel := context.WithTimeout(ctx, k.timeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, k.url, bytes.NewReader(body))
	if err != nil {
		return nil, "the request could not be built"
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Accept", "application/json")
	resp, err := k.client.Do(hr)
	if err != nil {
		return nil, transportError(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK && (!k.docker || resp.StatusCode/100 != 2) {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4096)) // let the connection be reused
		return nil, "HTTP status " + strconv.Itoa(resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, k.maxBytes+1))
	if err != nil {
		return nil, transportError(ctx, err)
	}
	if int64(len(data)) > k.maxBytes {
		return nil, "the answer is larger than " + strconv.FormatInt(k.maxBytes, 10) + " bytes"
	}
	return data, ""
}

// transportError names what went wrong without the *url.Error text, which
// repeats the URL.
func transportError(ctx context.Context, err error) string {
	var ne net.Error
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded), errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	}
	return "connection error"
}

// withArguments returns params with its "arguments" member replaced by
// args (or added); every other member is kept as it is.
func withArguments(params, args jsontext.Value) (jsontext.Value, error) {
	args = bytes.TrimSpace(args)
	out := make([]byte, 0, len(params)+len(args)+16)
	out = append(out, '{')
	dec := jsontext.NewDecoder(bytes.NewReader(params))
	if _, err := dec.ReadToken(); err != nil {
		return nil, errors.New("tools/call params unreadable")
	}
	n, replaced := 0, false
	for dec.PeekKind() != '}' {
		raw, err := dec.ReadValue()
		if err != nil {
			return nil, errors.New("tools/call params unreadable")
		}
		// ReadValue's result is only valid until the next read.
		name := append([]byte(nil), raw...)
		unq, err := jsontext.AppendUnquote(nil, name)
		if err != nil {
			return nil, errors.New("tools/call params unreadable")
		}
		val, err := dec.ReadValue()
		if err != nil {
			return nil, errors.New("tools/call params unreadable")
		}
		if n > 0 {
			out = append(out, ',')
		}
		n++
		out = append(out, name...)
		out = append(out, ':')
		if string(unq) == "arguments" {
			out = append(out, args...)
			replaced = true
		} else {
			out = append(out, val...)
		}
	}
	if !replaced {
		if n > 0 {
			out = append(out, ',')
		}
		out = append(out, `"arguments":`...)
		out = append(out, args...)
	}
	return append(out, '}'), nil
}

// clean makes a hook's message fit for the agent and the audit log: no
// control characters, at most maxMessage characters.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
	return clip(strings.TrimSpace(s), maxMessage)
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "..."
}
