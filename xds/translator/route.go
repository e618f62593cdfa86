package translator

import (
	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	route "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// routeConfig sends the MCP endpoint path to the server and answers every
// other path itself: the sidecar exposes the MCP endpoint and nothing else.
func routeConfig(s *ir.Server) *route.RouteConfiguration {
	return &route.RouteConfiguration{
		Name: routeConfigName(s),
		VirtualHosts: []*route.VirtualHost{{
			Name:    s.Name,
			Domains: []string{"*"},
			Routes: []*route.Route{
				{
					Name:  "mcp",
					Match: &route.RouteMatch{PathSpecifier: &route.RouteMatch_Path{Path: s.Path}},
					Action: &route.Route_Route{Route: &route.RouteAction{
						ClusterSpecifier: &route.RouteAction_Cluster{Cluster: upstreamClusterName(s)},
						// MCP keeps SSE streams open for as long as the session lives;
						// idleness is bounded by the connection manager instead.
						Timeout: durationpb.New(0),
					}},
				},
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
