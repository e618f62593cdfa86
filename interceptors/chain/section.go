package chain

import (
	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/arguments"
	"github.com/mcpmesh/mcpmesh/interceptors/clients"
	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/interceptors/pii"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
	"github.com/mcpmesh/mcpmesh/interceptors/ratelimit"
	"github.com/mcpmesh/mcpmesh/interceptors/results"
	"github.com/mcpmesh/mcpmesh/interceptors/secrets"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
	"github.com/mcpmesh/mcpmesh/interceptors/sequences"
	"github.com/mcpmesh/mcpmesh/interceptors/webhook"
)

// Sections are the keys of a server's entry in the policy file that belong
// to interceptors; the policy loader reads the server's own keys and hands
// these to Decode.
var Sections = []string{"tools", "arguments", "content", "poisoning", "egress", "webhooks", "clients", "rateLimits", "sequences", "results"}

// Decode reads the interceptors' sections of one server from its fields,
// each with its own decoder, reporting problems through l.
func Decode(l *section.Reader, server section.Server, fields map[string]*section.Entry) Policy {
	return Policy{
		Tools:      allowlist.Decode(l, fields["tools"], server.At, section.JoinPath(server.Path, "tools")),
		Arguments:  arguments.Decode(l, fields["arguments"]),
		Content:    decodeContent(l, fields["content"]),
		Poisoning:  poisoning.Decode(l, fields["poisoning"], server.Name),
		Egress:     egress.Decode(l, fields["egress"]),
		Webhooks:   webhook.Decode(l, fields["webhooks"]),
		Clients:    clients.Decode(l, fields["clients"]),
		RateLimits: ratelimit.Decode(l, fields["rateLimits"]),
		Sequences:  sequences.Decode(l, fields["sequences"]),
		Results:    results.Decode(l, fields["results"]),
	}
}

// decodeContent reads "content", which groups secrets and pii.
func decodeContent(l *section.Reader, e *section.Entry) Content {
	var c Content
	if section.Absent(e) {
		return c
	}
	fs := l.Fields(e, "a mapping with secrets and pii", "secrets", "pii")
	if f := fs["secrets"]; f != nil {
		c.Secrets = secrets.Decode(l, f)
	}
	if f := fs["pii"]; f != nil {
		c.PII = pii.Decode(l, f)
	}
	return c
}
