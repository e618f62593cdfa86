package extproc

import (
	"fmt"
	"net"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// compiled is one policy version ready for use: every server's chain is
// built once, here, and never per request.
type compiled struct {
	policy *ir.Policy
	chains map[string]interceptors.Chain
	specs  map[string]*ir.Server   // by name: one ext_proc serves every server
	gates  map[string]*egress.Gate // egress proxies, by server
	// revokedSubjects and revokedTokens are the ingress's revocation
	// lists as sets.
	revokedSubjects, revokedTokens map[string]bool
	// exchangers trade agents' tokens for the servers' (tokenExchange).
	exchangers map[string]*exchanger
	// removeHeaders are taken off every request before the server: the
	// fixed ones and the headers of the policy's chosen claims.
	removeHeaders []string
}

// gate is the egress gate of server; nil when the policy gives it none (or
// there is no policy).
func (c *compiled) gate(server string) *egress.Gate {
	if c == nil {
		return nil
	}
	return c.gates[server]
}

// knownServer is server as a metrics label: "_unknown" unless the policy
// names it, since anything that reaches ext_proc can send any name.
func (c *compiled) knownServer(server string) string {
	if c == nil || c.specs[server] == nil {
		return "_unknown"
	}
	return server
}

// egressDNSTTL is how long an egress destination's addresses are reused
// before the name is looked up again.
const egressDNSTTL = 5 * time.Second

// PolicyStore holds the policy in force. Readers take a pointer once per
// HTTP stream, so a request is judged by one version from start to end.
type PolicyStore struct {
	cur     atomic.Pointer[compiled]
	metrics *Metrics
	// Resolver looks up the names of egress destinations.
	Resolver egress.Resolver

	mu    sync.Mutex
	state map[string]*chain.State // per server name, kept across versions
	// exchangers are kept across versions while their settings stay, so
	// their caches do too.
	exchangers map[string]*exchanger
}

// NewPolicyStore returns an empty store: until a policy arrives every
// message is refused.
func NewPolicyStore(m *Metrics) *PolicyStore {
	return &PolicyStore{metrics: m, state: map[string]*chain.State{}, exchangers: map[string]*exchanger{},
		Resolver: egress.NewCachingResolver(net.DefaultResolver, egressDNSTTL)}
}

// serverState returns the long-lived state of a server, creating it once.
func (s *PolicyStore) serverState(name string) *chain.State {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.state[name]
	if st == nil {
		st = chain.NewState()
		st.OtherTools = func() []string { return s.toolsExcept(name) }
		s.state[name] = st
	}
	return st
}

// toolsExcept lists the tools every server but one has published.
func (s *PolicyStore) toolsExcept(server string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for name, st := range s.state {
		if name != server {
			out = append(out, st.Catalog.Names()...)
		}
	}
	return out
}

// Update compiles p and swaps it in. On error the old policy stays.
func (s *PolicyStore) Update(p *ir.Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	c := &compiled{policy: p, chains: make(map[string]interceptors.Chain, len(p.Servers)), specs: make(map[string]*ir.Server, len(p.Servers)), gates: map[string]*egress.Gate{}}
	for i := range p.Servers {
		name := p.Servers[i].Name
		c.specs[name] = &p.Servers[i]
		st := s.serverState(name)
		ch, err := chain.Build(name, &p.Servers[i].Policy, st)
		if err != nil {
			return fmt.Errorf("compile policy %s: %w", p.Version, err)
		}
		c.chains[name] = ch
		if x := p.Servers[i].TokenExchange; x != nil {
			if c.exchangers == nil {
				c.exchangers = map[string]*exchanger{}
			}
			c.exchangers[name] = s.exchanger(name, *x, st)
		}
		if e := p.Servers[i].Egress; e != nil && e.Network != nil {
			g, err := egress.NewGate(e.Network, s.Resolver, st.Secrets, st.Tokens)
			if err != nil {
				return fmt.Errorf("compile policy %s: server %q: %w", p.Version, name, err)
			}
			c.gates[name] = g
		}
	}
	c.removeHeaders = removedRequestHeaders
	if in := p.Ingress; in != nil && in.JWT != nil {
		c.revokedSubjects, c.revokedTokens = set(in.JWT.Revoked.Subjects), set(in.JWT.Revoked.TokenIDs)
		c.removeHeaders = slices.Clone(removedRequestHeaders)
		for i := range in.JWT.Claims {
			c.removeHeaders = append(c.removeHeaders, contract.ClaimHeader(i))
		}
	}
	s.cur.Store(c)
	if s.metrics != nil {
		s.metrics.setPolicy(p.Version)
	}
	return nil
}

// Version is the version in force, "" when none.
func (s *PolicyStore) Version() string {
	if c := s.cur.Load(); c != nil {
		return c.policy.Version
	}
	return ""
}

func (s *PolicyStore) load() *compiled { return s.cur.Load() }

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, v := range list {
		m[v] = true
	}
	return m
}

// exchanger returns server's exchanger, the one it had when cfg is
// unchanged.
func (s *PolicyStore) exchanger(server string, cfg ir.TokenExchange, st *chain.State) *exchanger {
	s.mu.Lock()
	defer s.mu.Unlock()
	if x := s.exchangers[server]; x != nil && reflect.DeepEqual(x.cfg, cfg) {
		return x
	}
	x := newExchanger(cfg, st.Secrets)
	s.exchangers[server] = x
	return x
}
