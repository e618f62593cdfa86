// Package sequences watches the order of tool calls in one MCP session and
// flags (or refuses) a risky one the policy names: a tool tagged, say,
// reads-secrets followed within a few calls by one tagged sends-out, the
// shape of an exfiltration that no single call shows.
package sequences

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/toolglob"
)

// MaxSessions bounds the sessions remembered per server; the least recently
// active is forgotten first.
const MaxSessions = 10000

// maxHistory bounds the calls remembered per session.
const maxHistory = 1000

// History is the recent calls of each session of one server. It outlives a
// policy version (the chain keeps it per server).
type History struct {
	mu sync.Mutex
	// the tools each session called, oldest first; the session that
	// called last longest ago is forgotten first
	sessions *simplelru.LRU[string, *[]string]
}

// NewHistory returns an empty history.
func NewHistory() *History {
	sessions, err := simplelru.NewLRU[string, *[]string](MaxSessions, nil)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &History{sessions: sessions}
}

func (h *History) recent(id string, n int) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.sessions.Peek(id) // reading is not a call
	if !ok {
		return nil
	}
	calls := *s
	if len(calls) > n {
		return append([]string(nil), calls[len(calls)-n:]...)
	}
	return append([]string(nil), calls...)
}

func (h *History) add(id, tool string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.sessions.Get(id)
	if !ok {
		s = new([]string)
		h.sessions.Add(id, s)
	}
	*s = append(*s, tool)
	if len(*s) > maxHistory {
		*s = append((*s)[:0], (*s)[len(*s)-maxHistory/2:]...)
	}
}

// Checker is the compiled form of Policy.
type Checker struct {
	tags    map[string][]toolglob.Pattern
	rules   []Rule
	history *History
}

var _ interceptors.Interceptor = (*Checker)(nil)

// New compiles p; h is the server's history (nil: one of its own).
func New(p *Policy, h *History) (*Checker, error) {
	if h == nil {
		h = NewHistory()
	}
	c := &Checker{tags: map[string][]toolglob.Pattern{}, history: h}
	for tag, pats := range p.Tags {
		for _, pat := range pats {
			g, err := toolglob.Compile(pat)
			if err != nil {
				return nil, fmt.Errorf("sequences: tag %q: %w", tag, err)
			}
			c.tags[tag] = append(c.tags[tag], g)
		}
	}
	for i, r := range p.Rules {
		if _, ok := c.tags[r.After]; !ok {
			return nil, fmt.Errorf("sequences: rules[%d]: tag %q is not defined", i, r.After)
		}
		if _, ok := c.tags[r.Then]; !ok {
			return nil, fmt.Errorf("sequences: rules[%d]: tag %q is not defined", i, r.Then)
		}
		if r.Within <= 0 {
			r.Within = DefaultWithin
		}
		c.rules = append(c.rules, r)
	}
	return c, nil
}

// Name implements interceptors.Interceptor.
func (c *Checker) Name() string { return "sequences" }

func (c *Checker) tagged(tool, tag string) bool {
	for _, g := range c.tags[tag] {
		if g.Match(tool) {
			return true
		}
	}
	return false
}

// Intercept implements interceptors.Interceptor. Only calls within a
// session are judged: without a session id there is no order to speak of.
func (c *Checker) Intercept(_ context.Context, x *interceptors.Exchange) error {
	if x.Direction != interceptors.ToServer || x.Message.Method != "tools/call" || x.Session == "" {
		return nil
	}
	for _, r := range c.rules {
		if !c.tagged(x.Tool, r.Then) {
			continue
		}
		for _, earlier := range c.history.recent(x.Session, r.Within) {
			if !c.tagged(earlier, r.After) {
				continue
			}
			f := interceptors.Finding{Interceptor: "sequences", Rule: "sequences." + r.Name, Action: "block", Mode: string(r.Mode),
				Detail: fmt.Sprintf("%q (%s) after %q (%s) in the same session", x.Tool, r.Then, earlier, r.After)}
			if f.Mode == "" {
				f.Mode = string(interceptors.Enforce)
			}
			x.Report(f)
			if x.Action == interceptors.Deny {
				return nil // refused: not part of the session's history
			}
			break
		}
	}
	c.history.add(x.Session, x.Tool)
	return nil
}
