package webhook

import (
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

var (
	webhookPhases   = []string{"before", "after"}
	webhookFailures = []string{"closed", "open"}
	webhookCompats  = []string{"docker"}
)

// Defaults and bounds of webhooks.
const (
	DefaultWebhookTimeout  = time.Second
	MinWebhookTimeout      = 10 * time.Millisecond
	MaxWebhookTimeout      = 30 * time.Second
	DefaultWebhookMaxBytes = 1 << 20
	MinWebhookMaxBytes     = 1 << 10
	MaxWebhookMaxBytes     = 16 << 20
)

// Decode reads the "webhooks" section of a server: external interceptors.
func Decode(l *section.Reader, e *section.Entry) []Policy {
	if e == nil {
		return nil
	}
	items, ok := l.Items(e, "a list of webhooks")
	if !ok {
		return nil
	}
	names := map[string]section.FirstUse{}
	var out []Policy
	for _, it := range items {
		if w, ok := decodeHook(l, it, names); ok {
			out = append(out, w)
		}
	}
	return out
}

func decodeHook(l *section.Reader, e *section.Entry, names map[string]section.FirstUse) (Policy, bool) {
	w := Policy{TimeoutMillis: int(DefaultWebhookTimeout / time.Millisecond), MaxBytes: DefaultWebhookMaxBytes, Mode: interceptors.Enforce}
	fs := l.Fields(e, "a webhook (a mapping with name, phase and url)", "name", "phase", "url", "tools", "timeout", "maxBytes", "failure", "mode", "compat")
	if fs == nil {
		return w, false
	}
	at := e.Pos()

	if f := fs["name"]; f == nil {
		l.Errorf(at, section.JoinPath(e.Path, "name"), "required field is missing; the name appears in findings and the audit log")
	} else if s, ok := l.Str(f, "a webhook name (a string)"); ok {
		w.Name = s
		l.UniqueName(f, s, "webhook name", e.Path, names)
	}
	if f := fs["phase"]; f == nil {
		l.Errorf(at, section.JoinPath(e.Path, "phase"), `required field is missing; use "before" (tools/call requests) or "after" (tools/call results)`)
	} else if v, ok := l.Choice(f, webhookPhases, nil); ok {
		w.Phase = v
	}
	if f := fs["url"]; f == nil {
		l.Errorf(at, section.JoinPath(e.Path, "url"), "required field is missing; give the http:// or https:// URL the hook is called at")
	} else if s, ok := l.Str(f, "an http:// or https:// URL (a string)"); ok {
		if problem := webhookURLProblem(s); problem != "" {
			l.Errorf(f.Pos(), f.Path, "%s", problem)
		}
		w.URL = s
	}
	if f := fs["tools"]; f != nil {
		for _, p := range l.Patterns(f, "write [] or remove the key to call the hook for every tool") {
			w.Tools = append(w.Tools, p.Value)
		}
	}
	if f := fs["timeout"]; f != nil {
		if d, ok := l.Duration(f, `"500ms" or "2s"`, MinWebhookTimeout, MaxWebhookTimeout, "10ms and 30s"); ok {
			w.TimeoutMillis = int(d / time.Millisecond)
		}
	}
	if f := fs["maxBytes"]; f != nil {
		if v, ok := l.Bounded(f, "a whole number of bytes", MinWebhookMaxBytes, MaxWebhookMaxBytes, "%d (1 KiB) and %d (16 MiB) bytes", ""); ok {
			w.MaxBytes = v
		}
	}
	if f := fs["failure"]; f != nil {
		if v, ok := l.Choice(f, webhookFailures, nil); ok {
			w.FailOpen = v == "open"
		}
	}
	w.Mode = l.Mode(fs["mode"], "remove the webhook to turn it off")
	if f := fs["compat"]; f != nil {
		// Docker MCP Gateway's http interceptor format, for hooks written for it.
		if v, ok := l.Choice(f, webhookCompats, nil); ok {
			w.Compat = v
		}
	}
	return w, true
}

// webhookURLProblem describes what is wrong with a webhook URL, if anything.
func webhookURLProblem(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Sprintf("%q is not a valid URL", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Sprintf("must be an absolute http:// or https:// URL, got %q", s)
	}
	if u.Host == "" || u.Hostname() == "" {
		return fmt.Sprintf("URL %q has no host", s)
	}
	if problem := section.HostProblem(u.Hostname(), false); problem != "" {
		return problem
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Sprintf("port must be in 1-65535, got %q", p)
		}
	}
	return ""
}
