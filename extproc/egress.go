package extproc

import (
	"context"
	"errors"
	"io"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"
	typev3 "github.com/envoyproxy/go-control-plane/envoy/type/v3"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/audit"
	"github.com/mcpmesh/mcpmesh/interceptors/egress"
	"github.com/mcpmesh/mcpmesh/xds/contract"
)

// processEgress judges one request on a sidecar's egress proxy: Envoy sends
// its headers only, and connects nowhere until it has the answer (the
// cluster and the address to use, or a refusal).
func (s *Server) processEgress(rpc extprocv3.ExternalProcessor_ProcessServer, server string) error {
	for {
		req, err := rpc.Recv()
		if errors.Is(err, io.EOF) || status.Code(err) == codes.Canceled {
			return nil
		}
		if err != nil {
			return err
		}
		start := time.Now()
		h, ok := req.Request.(*extprocv3.ProcessingRequest_RequestHeaders)
		var resp *extprocv3.ProcessingResponse
		if ok {
			resp = s.judgeEgressSafely(rpc.Context(), server, h.RequestHeaders.GetHeaders(), start)
		} else {
			// Only headers are configured to come: anything else is a
			// mismatch with the control plane; stop the request.
			resp = egressRefusal(502, "mcpmesh: unexpected processing phase on the egress proxy")
		}
		s.Metrics.latency.WithLabelValues("egress").Observe(time.Since(start).Seconds())
		if err := rpc.Send(resp); err != nil {
			return err
		}
	}
}

// judgeEgressSafely is judgeEgress with a panic turned into a refusal that
// is logged and audited, so one bad decision does not end the process.
func (s *Server) judgeEgressSafely(ctx context.Context, server string, hm *core.HeaderMap, start time.Time) (resp *extprocv3.ProcessingResponse) {
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		s.Log.Error("panic while judging an egress request; refused", "server", server, "panic", p, "stack", string(debug.Stack()))
		rec := audit.Record{Time: time.Now(), Server: server, Direction: interceptors.ToServer.String(), Kind: "egress",
			Method: header(hm, ":method"), Destination: header(hm, ":authority"),
			Decision: "deny", Rule: "internal_error", Reason: msgInternalError, LatencyMicros: time.Since(start).Microseconds()}
		if err := s.Audit.Write(&rec); err != nil {
			s.Metrics.auditErrors.Inc()
		}
		s.Metrics.egress(s.Policy.load().knownServer(server), "deny", "internal_error")
		resp = egressRefusal(500, msgInternalError)
	}()
	return s.judgeEgress(ctx, server, hm, start)
}

func (s *Server) judgeEgress(ctx context.Context, server string, hm *core.HeaderMap, start time.Time) *extprocv3.ProcessingResponse {
	method := header(hm, ":method")
	r := egress.Request{Connect: method == http.MethodConnect, Authority: header(hm, ":authority"), Scheme: header(hm, ":scheme")}
	pol := s.Policy.load()
	var d egress.Decision
	var rec audit.Record
	switch gate := pol.gate(server); {
	case pol == nil:
		d = egress.Decision{Rule: "no_policy", Reason: "mcpmesh: no policy yet; every connection is refused"}
	case gate == nil:
		d = egress.Decision{Rule: egress.RuleNetworkAllow, Reason: "mcpmesh: the policy gives server " + strconv.Quote(server) + " no egress.network; every connection is refused"}
	default:
		ctx, cancel := context.WithTimeout(ctx, time.Duration(pol.policy.Limits.MessageTimeoutMillis)*time.Millisecond)
		d = gate.Decide(ctx, r)
		cancel()
		rec.PolicyVersion = pol.policy.Version
	}
	decision := "deny"
	if d.Allowed {
		decision = "allow"
	}
	rec.Time = time.Now()
	rec.Server, rec.Direction, rec.Kind, rec.Method = server, interceptors.ToServer.String(), "egress", method
	rec.Destination = d.Host
	if d.Port != 0 {
		rec.Destination += ":" + strconv.Itoa(int(d.Port))
	}
	if rec.Destination == "" {
		rec.Destination = r.Authority
	}
	if d.Target.IsValid() {
		rec.Address = d.Target.String()
	}
	rec.Decision, rec.Rule, rec.Reason = decision, d.Rule, d.Reason
	rec.LatencyMicros = time.Since(start).Microseconds()
	s.Metrics.egress(pol.knownServer(server), decision, d.Rule)
	if err := s.Audit.Write(&rec); err != nil {
		// No record, no connection: an egress decision that cannot be
		// audited is refused.
		s.Metrics.auditErrors.Inc()
		s.Log.Error("audit write failed", "error", err)
		return egressRefusal(503, "mcpmesh: the decision could not be audited; refused")
	}
	if !d.Allowed {
		return egressRefusal(d.Status(), "mcpmesh: egress refused: "+d.Reason)
	}
	set := []*core.HeaderValueOption{
		overwrite(contract.EgressClusterHeader, egressCluster(d)),
		overwrite(contract.EgressTargetHeader, d.Target.String()),
	}
	if d.Credential >= 0 {
		set = append(set, overwrite(d.Header, d.Value))
	}
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestHeaders{RequestHeaders: &extprocv3.HeadersResponse{
		Response: &extprocv3.CommonResponse{
			HeaderMutation: &extprocv3.HeaderMutation{SetHeaders: set},
			// The route picks its cluster from the header set here.
			ClearRouteCache: true,
		},
	}}}
}

func egressCluster(d egress.Decision) string {
	if d.Credential >= 0 {
		return contract.EgressCredentialCluster(d.Credential)
	}
	return contract.EgressDirectCluster
}

func overwrite(key, value string) *core.HeaderValueOption {
	return &core.HeaderValueOption{
		Header:       &core.HeaderValue{Key: key, RawValue: []byte(value)},
		AppendAction: core.HeaderValueOption_OVERWRITE_IF_EXISTS_OR_ADD,
	}
}

// egressRefusal answers the server's HTTP client (or its CONNECT) with the
// reason in plain text.
func egressRefusal(code int, msg string) *extprocv3.ProcessingResponse {
	return &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ImmediateResponse{ImmediateResponse: &extprocv3.ImmediateResponse{
		Status: &typev3.HttpStatus{Code: typev3.StatusCode(code)},
		Body:   []byte(msg + "\n"),
		Headers: &extprocv3.HeaderMutation{SetHeaders: []*core.HeaderValueOption{
			overwrite("content-type", "text/plain; charset=utf-8"),
			overwrite(contract.DecisionHeader, "deny"),
		}},
		Details: "mcpmesh_egress_refused",
	}}}
}
