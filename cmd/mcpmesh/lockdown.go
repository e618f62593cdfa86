package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/mcpmesh/mcpmesh/cmd/mcpmesh/lockdown"
)

// runLockdown confines users of the pod to loopback (an init container
// before the MCP server starts; see package lockdown).
func runLockdown(args []string) error {
	fs := flag.NewFlagSet("lockdown", flag.ContinueOnError)
	users := fs.String("uid", "", "comma-separated user ids whose sockets may send only over loopback (the MCP server's)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *users == "" {
		return errors.New("-uid is required: the user the MCP server runs as")
	}
	var uids []uint32
	for _, s := range strings.Split(*users, ",") {
		n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 32)
		if err != nil || n == 0 {
			return fmt.Errorf("-uid: %q is not a user id other than root", s)
		}
		uids = append(uids, uint32(n))
	}
	if err := lockdown.Apply(uids); err != nil {
		return err
	}
	fmt.Printf("mcpmesh lockdown: user(s) %s may send only over loopback (nftables table inet %s)\n", *users, lockdown.Table)
	return nil
}
