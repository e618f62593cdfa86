package translator

import (
	"encoding/json"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	route "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/mcpmesh/mcpmesh/xds/contract"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// routeConfig sends the MCP endpoint path to the server and answers every
// other path itself: the sidecar exposes the MCP endpoint and nothing else.
func routeConfig(s *ir.Server) *route.RouteConfiguration {
	mcp := &route.Route{
		Name:  "mcp",
		Match: &route.RouteMatch{PathSpecifier: &route.RouteMatch_Path{Path: s.Path}},
		Action: &route.Route_Route{Route: &route.RouteAction{
			ClusterSpecifier: &route.RouteAction_Cluster{Cluster: upstreamClusterName(s)},
			// MCP keeps SSE streams open for as long as the session lives;
			// idleness is bounded by the connection manager instead.
			Timeout: durationpb.New(0),
		}},
	}
	if s.Unavailable != "" {
		// ext_proc refuses these requests first, with the caller's id; this
		// answer stands if a request ever gets past it.
		mcp.Action = &route.Route_DirectResponse{DirectResponse: &route.DirectResponseAction{
			Status: 503,
			Body: &core.DataSource{Specifier: &core.DataSource_InlineString{
				InlineString: string(UnavailableBody(s)),
			}},
		}}
		mcp.ResponseHeadersToAdd = []*core.HeaderValueOption{{
			Header:       &core.HeaderValue{Key: "content-type", Value: "application/json"},
			AppendAction: core.HeaderValueOption_OVERWRITE_IF_EXISTS_OR_ADD,
		}}
	}
	return &route.RouteConfiguration{
		Name: routeConfigName(s),
		VirtualHosts: []*route.VirtualHost{{
			Name:    s.Name,
			Domains: []string{"*"},
			Routes: []*route.Route{
				mcp,
				{
					Name:  "not-mcp",
					Match: &route.RouteMatch{PathSpecifier: &route.RouteMatch_Prefix{Prefix: "/"}},
					Action: &route.Route_DirectResponse{DirectResponse: &route.DirectResponseAction{
						Status: 404,
						Body: &core.DataSource{Specifier: &core.DataSource_InlineString{
							InlineString: "mcpmesh: this sidecar serves only the MCP endpoint " + s.Path + "\n",
						}},
					}},
				},
			},
		}},
	}
}

// UnavailableBody is a JSON-RPC error without an id for such a server.
func UnavailableBody(s *ir.Server) []byte {
	type errorObject struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	b, _ := json.Marshal(struct {
		JSONRPC string      `json:"jsonrpc"`
		ID      any         `json:"id"`
		Error   errorObject `json:"error"`
	}{"2.0", nil, errorObject{contract.CodeServerUnavailable, contract.MsgUnavailable(s)}})
	return b
}
