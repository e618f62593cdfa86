package ir

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

// UnixPrefix marks a Unix domain socket address: "unix:/run/mcpmesh/extproc.sock".
const UnixPrefix = "unix:"

// ParseAddress is ParseEndpoint that also accepts a Unix domain socket,
// written "unix:" followed by an absolute path (the ext_proc address).
func ParseAddress(s string) (Endpoint, error) {
	path, ok := strings.CutPrefix(s, UnixPrefix)
	if !ok {
		return ParseEndpoint(s)
	}
	path = strings.TrimPrefix(path, "//") // unix:///run/x.sock, as gRPC writes it
	switch {
	case !strings.HasPrefix(path, "/"):
		return Endpoint{}, fmt.Errorf("unix socket path must be absolute, got %q", s)
	case len(path) > 107:
		return Endpoint{}, fmt.Errorf("unix socket path is longer than 107 bytes: %q", path)
	}
	return Endpoint{Unix: path}, nil
}

// ParseEndpoint splits "host:port" ("[v6addr]:port" for IPv6) and checks
// both parts; the error describes the first problem found, for the user.
// The control plane's flags and the policy file both use it.
func ParseEndpoint(s string) (Endpoint, error) {
	ep, problem := parseEndpoint(s)
	if problem != "" {
		return Endpoint{}, errors.New(problem)
	}
	return ep, nil
}

func parseEndpoint(s string) (Endpoint, string) {
	if s == "" {
		return Endpoint{}, `must be "host:port", got an empty string`
	}
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		var ae *net.AddrError
		switch {
		case strings.Count(s, ":") > 1 && !strings.HasPrefix(s, "["):
			return Endpoint{}, fmt.Sprintf(`must be "host:port" with IPv6 addresses in brackets, e.g. "[::1]:8080"; got %q`, s)
		case errors.As(err, &ae) && ae.Err == "missing port in address":
			return Endpoint{}, fmt.Sprintf(`must be "host:port"; the port is missing in %q`, s)
		default:
			return Endpoint{}, fmt.Sprintf(`must be "host:port", got %q`, s)
		}
	}
	if problem := section.HostProblem(host, strings.HasPrefix(s, "[")); problem != "" {
		return Endpoint{}, problem
	}
	if port == "" || strings.Trim(port, "0123456789") != "" {
		return Endpoint{}, fmt.Sprintf("port must be a number in 1-65535, got %q", port)
	}
	n, err := strconv.ParseUint(port, 10, 32)
	if err != nil || n == 0 || n > 65535 {
		return Endpoint{}, "port must be in 1-65535"
	}
	return Endpoint{Host: host, Port: uint32(n)}, ""
}
