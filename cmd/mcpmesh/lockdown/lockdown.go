// Package lockdown keeps a pod's MCP server off the network except through
// its sidecar. A NetworkPolicy applies to a whole pod, and the pod's Envoy
// must reach the destinations the policy allows, so the server could reach
// them too, around its egress proxy. An nftables rule in the pod's network
// namespace closes that: every packet a socket of the server's user sends
// out of any interface but loopback is rejected, so the server can talk to
// its sidecar (MCP, and the egress proxy) and to nothing else. Envoy and
// ext_proc run as other users and are not affected.
//
// It runs once, as an init container with CAP_NET_ADMIN, before the
// server starts (service meshes install their redirection the same way).
package lockdown

import (
	"errors"
	"fmt"

	"github.com/google/nftables"
	"github.com/google/nftables/binaryutil"
	"github.com/google/nftables/expr"
	"golang.org/x/sys/unix"
)

// Table is the nftables table (family inet: IPv4 and IPv6) that holds the
// rule; applying again replaces it.
const Table = "mcpmesh"

// Apply rejects every packet that sockets of the given users send out of an
// interface other than loopback.
func Apply(uids []uint32) error {
	if len(uids) == 0 {
		return errors.New("lockdown: no user to confine")
	}
	c, err := nftables.New()
	if err != nil {
		return fmt.Errorf("lockdown: netlink: %w", err)
	}
	tables, err := c.ListTablesOfFamily(nftables.TableFamilyINet)
	if err != nil {
		return fmt.Errorf("lockdown: list tables (is CAP_NET_ADMIN granted?): %w", err)
	}
	for _, t := range tables {
		if t.Name == Table {
			c.DelTable(t)
		}
	}
	t := c.AddTable(&nftables.Table{Family: nftables.TableFamilyINet, Name: Table})
	accept := nftables.ChainPolicyAccept
	out := c.AddChain(&nftables.Chain{Name: "output", Table: t, Type: nftables.ChainTypeFilter,
		Hooknum: nftables.ChainHookOutput, Priority: nftables.ChainPriorityFilter, Policy: &accept})
	for _, uid := range uids {
		c.AddRule(&nftables.Rule{Table: t, Chain: out, Exprs: []expr.Any{
			&expr.Meta{Key: expr.MetaKeySKUID, Register: 1},
			&expr.Cmp{Op: expr.CmpOpEq, Register: 1, Data: binaryutil.NativeEndian.PutUint32(uid)},
			&expr.Meta{Key: expr.MetaKeyOIFNAME, Register: 1},
			&expr.Cmp{Op: expr.CmpOpNeq, Register: 1, Data: ifname("lo")},
			&expr.Counter{},
			// An immediate refusal rather than a silent drop: the server's
			// client fails at once and says so.
			&expr.Reject{Type: unix.NFT_REJECT_ICMPX_UNREACH, Code: unix.NFT_REJECT_ICMPX_ADMIN_PROHIBITED},
		}})
	}
	if err := c.Flush(); err != nil {
		return fmt.Errorf("lockdown: install the rules (is CAP_NET_ADMIN granted?): %w", err)
	}
	return nil
}

// ifname is an interface name as nftables compares it: NUL-padded to 16 bytes.
func ifname(n string) []byte {
	b := make([]byte, unix.IFNAMSIZ)
	copy(b, n)
	return b
}
