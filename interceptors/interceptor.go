// Package interceptors defines what every inline check implements and the
// order in which the ext_proc service runs them.
//
// An interceptor is compiled once from policy (regexes, globs, schemas) and
// is then called for every JSON-RPC message without further set-up.
package interceptors

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// Direction says which way a message travels.
type Direction int

const (
	// ToServer is a message from the agent to the MCP server.
	ToServer Direction = iota
	// ToClient is a message from the MCP server to the agent.
	ToClient
)

func (d Direction) String() string {
	if d == ToClient {
		return "to_client"
	}
	return "to_server"
}

// Action is what the chain decided for a message.
type Action int

const (
	Allow  Action = iota // forwarded unchanged
	Modify               // forwarded with changes (e.g. tools removed from a list)
	Deny                 // refused; the peer never sees it
	// Respond: the request is answered by the gateway with Exchange.Reply;
	// the server never sees it.
	Respond
)

func (a Action) String() string {
	switch a {
	case Modify:
		return "modify"
	case Deny:
		return "deny"
	case Respond:
		return "respond"
	}
	return "allow"
}

// Exchange is one JSON-RPC message under inspection and what the chain
// learned about it. Interceptors read and may replace Message.
type Exchange struct {
	Server string
	// Session is the MCP session (Mcp-Session-Id), "" without one.
	Session string
	// Client is the agent as the ingress verified it (empty when the
	// request did not come through an ingress that verifies tokens).
	Client    Identity
	Direction Direction
	Message   *jsonrpc.Message
	// Method is the message's method, or for a response the method of the
	// request it answers ("" when that is unknown).
	Method string
	// Tool is the tool named by a tools/call request or its response.
	Tool string

	Action Action
	// Rule names the policy rule behind a Deny, Modify or Respond, e.g. `tools.deny "run_shell"`.
	Rule string
	// Reason is a sentence for the agent and the audit log.
	Reason string
	// Removed lists what a Modify took out (tool names for tools/list).
	Removed []string
	// Code is the JSON-RPC error code of a Deny; 0 means a policy refusal.
	Code int
	// HTTPStatus, when set, is the HTTP status of a Deny (429 for a rate
	// limit); 0 means a JSON-RPC error in a normal 200 answer.
	HTTPStatus int
	// Reply is the "result" a Respond answers the request with.
	Reply jsontext.Value
	// Findings are what content rules saw, including rules in audit mode
	// that changed nothing. Each becomes part of the audit record.
	Findings []Finding

	// The tools/call params of Message, read by ToolCall once per message.
	tc    jsonrpc.ToolCall
	tcErr error
	tcFor *jsonrpc.Message

	// A tools/list result, read by ToolList once per message.
	list    *jsonrpc.ToolList
	listErr error
	listFor *jsonrpc.Message
}

// ToolList returns Message's result read as a tools/list result, once, and
// shared by every check: those that look into definitions (its Defs) and
// those that filter the list (its Filter). An interceptor that replaces
// Message (a filtered list) makes the next caller read the new one.
func (x *Exchange) ToolList() (*jsonrpc.ToolList, error) {
	if x.listFor != x.Message {
		x.list, x.listErr = jsonrpc.ScanTools(x.Message.Result)
		x.listFor = x.Message
	}
	return x.list, x.listErr
}

// FilterTools rewrites Message's result (a tools/list result) from the
// shared read, keeping the tools for which keep(name) is true; see
// jsonrpc.ToolList.Filter.
func (x *Exchange) FilterTools(keep func(name string) bool) (out jsontext.Value, removed []string, changed bool, err error) {
	l, err := x.ToolList()
	if err != nil {
		return nil, nil, false, err
	}
	out, removed, changed = l.Filter(keep)
	return out, removed, changed, nil
}

// ToolDefs returns the tool definitions of Message's result (ToolList's
// Defs); an error wraps jsonrpc.ErrNotToolsList.
func (x *Exchange) ToolDefs() ([]jsontext.Value, error) {
	l, err := x.ToolList()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", jsonrpc.ErrNotToolsList, err)
	}
	return l.Defs, nil
}

// ToolCall returns the tools/call params of Message. They are read once and
// shared by every interceptor; an interceptor that replaces Message (a
// rewrite, a redaction) makes the next caller read the new one. The result
// is valid until Message changes.
func (x *Exchange) ToolCall() (*jsonrpc.ToolCall, error) {
	if x.tcFor != x.Message {
		x.tcErr = x.Message.ReadToolCall(&x.tc, x.Tool)
		x.tcFor = x.Message
	}
	return &x.tc, x.tcErr
}

// Identity is a verified agent.
type Identity struct {
	Subject string
	Issuer  string
	Groups  []string
	Scopes  []string
	// Claims holds the token's claims the policy chose to copy
	// (ingress.auth.jwt.claims), each as its values (one for a string).
	Claims map[string][]string
}

// Finding is one rule that fired on a message.
type Finding struct {
	Interceptor string `json:"interceptor"`
	Rule        string `json:"rule"`
	// Action is what the rule does when enforced: block, redact, hide or audit.
	Action string `json:"action"`
	// Mode is "enforce" or "audit"; in audit mode nothing was changed.
	Mode string `json:"mode"`
	// Where names the place in the message, e.g. "params.arguments.token".
	Where string `json:"where,omitempty"`
	// Detail is a short explanation; it never contains the matched value.
	Detail string `json:"detail,omitempty"`
}

// Report records f. An enforced block refuses the message.
func (x *Exchange) Report(f Finding) {
	x.Findings = append(x.Findings, f)
	if f.Mode == "enforce" && f.Action == "block" && x.Action != Deny {
		reason := f.Detail
		if f.Where != "" {
			reason = f.Where + ": " + reason
		}
		x.Refuse(f.Rule, reason)
	}
}

// Replace forwards m instead of the original message and marks the exchange
// modified. Each rule that changed the message is named (joined by "; "),
// so the audit record of a tools/list that two checks filtered names both.
func (x *Exchange) Replace(m *jsonrpc.Message, rule, reason string) {
	x.Message = m
	if x.Action == Allow {
		x.Action = Modify
	}
	switch {
	case x.Rule == "":
		x.Rule, x.Reason = rule, reason
	case x.Action == Modify && rule != "" && !slices.Contains(strings.Split(x.Rule, "; "), rule):
		x.Rule += "; " + rule
		x.Reason += "; " + reason
	}
}

// Refuse marks the exchange denied.
func (x *Exchange) Refuse(rule, reason string) {
	x.Action, x.Rule, x.Reason = Deny, rule, reason
}

// Answer marks a request answered with result instead of being forwarded.
func (x *Exchange) Answer(result jsontext.Value, rule, reason string) {
	x.Action, x.Reply, x.Rule, x.Reason = Respond, result, rule, reason
}

// Interceptor inspects one message. It sets x.Action to Deny (or Respond)
// to stop the chain, or replaces x.Message and sets Modify to change what
// is forwarded.
// An error means the message could not be judged; the caller refuses it.
type Interceptor interface {
	Name() string
	Intercept(ctx context.Context, x *Exchange) error
}

// Chain runs interceptors in order until one denies or answers.
type Chain []Interceptor

// Run applies the chain to x.
func (c Chain) Run(ctx context.Context, x *Exchange) error {
	for _, ic := range c {
		if err := ic.Intercept(ctx, x); err != nil {
			return err
		}
		// Nothing is forwarded after these, so later checks have nothing to judge.
		if x.Action == Deny || x.Action == Respond {
			return nil
		}
	}
	return nil
}
