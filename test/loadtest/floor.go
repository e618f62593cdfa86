package loadtest

import (
	"errors"
	"io"
	"mime"
	"net"
	"os"
	"strings"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"
	"github.com/go-json-experiment/json"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/mcpmesh/mcpmesh/extproc"
	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// The floor path measures what any external processor costs on this
// machine, before it does any work: Envoy runs the sidecar's ext_proc filter
// exactly as configured for mcpmesh (full-duplex bodies, same cluster), but
// the processor behind it judges nothing. It speaks the same framing as
// mcpmesh's ext_proc (each direction's headers answered once its body is
// complete, the body streamed back whole; event streams forwarded chunk by
// chunk) over a gRPC server set up the same way, so the floor path differs
// from the mcpmesh path only in the work mcpmesh does per message: parsing,
// the interceptor chain, audit, metrics.

// floorProcessor forwards every message unchanged.
type floorProcessor struct {
	extprocv3.UnimplementedExternalProcessorServer
}

// floorHalf is one direction of a request.
type floorHalf struct {
	held    *extprocv3.ProcessingResponse
	body    []byte
	gotBody bool
	stream  bool // an event stream: chunks go back as they come
}

func (floorProcessor) Process(s extprocv3.ExternalProcessor_ProcessServer) error {
	var req, resp floorHalf
	send := func(rs ...*extprocv3.ProcessingResponse) error {
		for _, r := range rs {
			if err := s.Send(r); err != nil {
				return err
			}
		}
		return nil
	}
	for {
		m, err := s.Recv()
		if errors.Is(err, io.EOF) || status.Code(err) == codes.Canceled {
			return nil
		}
		if err != nil {
			return err
		}
		var out []*extprocv3.ProcessingResponse
		switch r := m.Request.(type) {
		case *extprocv3.ProcessingRequest_RequestHeaders:
			a := &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestHeaders{RequestHeaders: &extprocv3.HeadersResponse{}}}
			out = req.headers(a, r.RequestHeaders)
		case *extprocv3.ProcessingRequest_ResponseHeaders:
			a := &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ResponseHeaders{ResponseHeaders: &extprocv3.HeadersResponse{}}}
			ct, _, _ := mime.ParseMediaType(floorHeader(r.ResponseHeaders.GetHeaders(), "content-type"))
			resp.stream = ct == "text/event-stream"
			out = resp.headers(a, r.ResponseHeaders)
		case *extprocv3.ProcessingRequest_RequestBody:
			out = req.chunk(r.RequestBody.GetBody(), r.RequestBody.GetEndOfStream(), true)
		case *extprocv3.ProcessingRequest_ResponseBody:
			out = resp.chunk(r.ResponseBody.GetBody(), r.ResponseBody.GetEndOfStream(), false)
		case *extprocv3.ProcessingRequest_RequestTrailers:
			out = append(req.chunk(nil, true, true), &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestTrailers{RequestTrailers: &extprocv3.TrailersResponse{}}})
		case *extprocv3.ProcessingRequest_ResponseTrailers:
			out = append(resp.chunk(nil, true, false), &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ResponseTrailers{ResponseTrailers: &extprocv3.TrailersResponse{}}})
		default:
			return status.Error(codes.InvalidArgument, "unexpected processing phase")
		}
		if err := send(out...); err != nil {
			return err
		}
	}
}

// headers answers at once when no body follows or the body is an event
// stream; otherwise the answer waits for the body.
func (h *floorHalf) headers(a *extprocv3.ProcessingResponse, hs *extprocv3.HttpHeaders) []*extprocv3.ProcessingResponse {
	if hs.GetEndOfStream() || h.stream {
		return []*extprocv3.ProcessingResponse{a}
	}
	h.held = a
	return nil
}

// chunk collects a body (or passes an event stream's chunk straight back)
// and, at its end, answers the held headers and streams the body back.
func (h *floorHalf) chunk(b []byte, end, request bool) []*extprocv3.ProcessingResponse {
	if b != nil || !end {
		h.gotBody = true
	}
	var body []byte
	if h.stream {
		body = b
	} else {
		h.body = append(h.body, b...)
		if !end {
			return nil
		}
		body = h.body
	}
	var out []*extprocv3.ProcessingResponse
	if h.held != nil {
		out, h.held = append(out, h.held), nil
	}
	if !h.gotBody || (len(body) == 0 && !end) {
		return out
	}
	br := &extprocv3.BodyResponse{Response: &extprocv3.CommonResponse{BodyMutation: &extprocv3.BodyMutation{
		Mutation: &extprocv3.BodyMutation_StreamedResponse{StreamedResponse: &extprocv3.StreamedBodyResponse{Body: body, EndOfStream: end}},
	}}}
	if request {
		return append(out, &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_RequestBody{RequestBody: br}})
	}
	return append(out, &extprocv3.ProcessingResponse{Response: &extprocv3.ProcessingResponse_ResponseBody{ResponseBody: br}})
}

func floorHeader(hm *core.HeaderMap, key string) string {
	for _, h := range hm.GetHeaders() {
		if h.GetKey() == key {
			if len(h.GetRawValue()) > 0 {
				return string(h.GetRawValue())
			}
			return h.GetValue()
		}
	}
	return ""
}

type floorArgs struct {
	Listen string // host:port or unix:/path
}

// runFloor serves the floor processor with the gRPC settings of mcpmesh's
// ext_proc (extproc.Server.Serve).
func runFloor() error {
	var a floorArgs
	if err := json.Unmarshal([]byte(os.Getenv(argsEnv)), &a); err != nil {
		return err
	}
	network, addr := "tcp", a.Listen
	if path, ok := strings.CutPrefix(a.Listen, ir.UnixPrefix); ok {
		network, addr = "unix", path
	}
	l, err := net.Listen(network, addr)
	if err != nil {
		return err
	}
	g := grpc.NewServer(extproc.ServerOptions()...)
	extprocv3.RegisterExternalProcessorServer(g, floorProcessor{})
	ready(map[string]string{"addr": a.Listen})
	return g.Serve(l)
}
