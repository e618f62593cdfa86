package results

import "strings"

// A tool call written as JSON in the form a model's turn makes it, a
// tool's name beside its arguments: {"tool": "send_email", "arguments":
// {…}}, {"name": "transfer_funds", "arguments": …} in "tool_calls", a
// "next_action" of the same shape. Written into a result, it offers the
// reader a call as if already chosen (the tagged forms, <tool_call>, are
// read as turns). Agent logs and SDK docs hold the same JSON, so it is
// evidence that needs company.

var sigCallJSON = resultSignal{"holds a tool call as a model writes one", 2} // {"tool": "send_email", "arguments": {…}}

// callJSON reports such a call in t (lower case): a member holding an
// identifier, "tool", "name", "function" or "tool_name", right before a
// member holding the arguments, at one of offs ("arguments", "args",
// "input" or "parameters" quoted: aCallArgs).
func callJSON(t string, offs []int) bool {
	for _, at := range offs {
		end := strings.IndexByte(t[at+1:], '"')
		if end < 0 {
			continue
		}
		if callNamedBefore(t[max(0, at-80):at]) && argsOpen(t[at+end+2:]) {
			return true
		}
	}
	return false
}

// callNamedBefore reports head ending in a member naming a tool: `"tool":
// "send_email", `.
func callNamedBefore(head string) bool {
	head = strings.TrimRight(head, " \n\t")
	head, ok := strings.CutSuffix(head, ",")
	if !ok {
		return false
	}
	head = strings.TrimRight(head, " \n\t")
	head, ok = strings.CutSuffix(head, `"`)
	if !ok {
		return false
	}
	q := strings.LastIndexByte(head, '"')
	if q < 0 {
		return false
	}
	name := head[q+1:]
	if len(name) < 3 || !strings.ContainsAny(name, "_.") {
		return false // a tool's identifier, not a person's or a product's name
	}
	for i := 0; i < len(name); i++ {
		if !identByte(name[i]) && name[i] != '.' && name[i] != '-' {
			return false
		}
	}
	head = strings.TrimRight(head[:q], " \n\t")
	head, ok = strings.CutSuffix(head, ":")
	if !ok {
		return false
	}
	head = strings.TrimRight(head, " \n\t")
	for _, k := range []string{`"tool"`, `"name"`, `"function"`, `"tool_name"`} {
		if strings.HasSuffix(head, k) {
			return true
		}
	}
	return false
}

// argsOpen reports rest opening the arguments' value: ': {' or a string
// holding JSON, as some APIs write it (': "{').
func argsOpen(rest string) bool {
	rest = strings.TrimLeft(rest, " \n\t")
	rest, ok := strings.CutPrefix(rest, ":")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " \n\t")
	return strings.HasPrefix(rest, "{") || strings.HasPrefix(rest, `"{`)
}
