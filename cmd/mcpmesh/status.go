package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// runStatus prints the control plane's /status as tables. Exit code: 0 when
// every server is routed and no node rejected configuration, 1 otherwise
// (or when the control plane cannot be reached), 2 on bad usage.
func runStatus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(stderr)
	admin := fs.String("admin", "127.0.0.1:9901", "admin address of the control plane (host:port or URL)")
	asJSON := fs.Bool("json", false, "print the status document as JSON")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: mcpmesh status [-admin host:port] [-json]")
		return 2
	}
	url := *admin
	if !strings.Contains(url, "://") {
		url = "http://" + url
	}
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(strings.TrimSuffix(url, "/") + "/status")
	if err != nil {
		fmt.Fprintf(stderr, "mcpmesh status: control plane not reachable: %v\n", err)
		return 1
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil || resp.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "mcpmesh status: %s answered %s %v\n", url, resp.Status, err)
		return 1
	}
	var st controlPlaneStatus
	if err := json.Unmarshal(body, &st); err != nil {
		fmt.Fprintf(stderr, "mcpmesh status: %s/status is not a control plane status: %v\n", url, err)
		return 1
	}
	if *asJSON {
		stdout.Write(body)
	} else {
		printStatus(stdout, &st)
	}
	code := 0
	for _, s := range st.Servers {
		if !s.Routable() {
			code = 1
		}
	}
	for _, n := range st.Nodes {
		if len(n.Rejected) > 0 {
			code = 1
		}
	}
	return code
}

func printStatus(w io.Writer, st *controlPlaneStatus) {
	fmt.Fprintf(w, "policy version %s\n\n", st.PolicyVersion)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SERVER\tIMAGE STATE\tROUTED\tIMAGE\tREASON")
	for _, s := range st.Servers {
		routed := "yes"
		if !s.Routable() {
			routed = "NO"
		}
		image := s.Image
		if image == "" {
			image = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.Server, s.State, routed, image, s.Reason)
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NODE\tCONNECTED\tACKED\tREJECTED")
	for _, n := range st.Nodes {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", n.Node, n.Connected.Format(time.RFC3339), shortTypes(n.Acked), shortTypes(n.Rejected))
	}
	tw.Flush()
}

// shortTypes renders {type URL: value} as "Cluster=v1 Listener=v1".
func shortTypes(m map[string]string) string {
	if len(m) == 0 {
		return "-"
	}
	var parts []string
	for k, v := range m {
		parts = append(parts, k[strings.LastIndex(k, ".")+1:]+"="+v)
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}
