package extproc

import (
	"bytes"
	"strings"
	"testing"

	extprocv3 "github.com/envoyproxy/go-control-plane/envoy/service/ext_proc/v3"
	"google.golang.org/protobuf/proto"
)

func TestCodecRoundTrip(t *testing.T) {
	for _, size := range []int{0, 100, 16 << 10, 100 << 10, 3 << 20} {
		in := &extprocv3.ProcessingRequest{Request: &extprocv3.ProcessingRequest_ResponseBody{
			ResponseBody: &extprocv3.HttpBody{Body: bytes.Repeat([]byte("x"), size), EndOfStream: true},
		}}
		data, err := messageCodec.Marshal(in)
		if err != nil {
			t.Fatalf("%d bytes: marshal: %v", size, err)
		}
		want, _ := proto.Marshal(in)
		if got := data.Materialize(); !bytes.Equal(got, want) {
			t.Fatalf("%d bytes: marshalled %d bytes, want the %d proto.Marshal gives", size, len(got), len(want))
		}
		out := &extprocv3.ProcessingRequest{}
		if err := messageCodec.Unmarshal(data, out); err != nil {
			t.Fatalf("%d bytes: unmarshal: %v", size, err)
		}
		data.Free()
		if !proto.Equal(in, out) {
			t.Fatalf("%d bytes: the message changed on the way through the codec", size)
		}
	}
	if _, err := messageCodec.Marshal("not a message"); err == nil || !strings.Contains(err.Error(), "cannot marshal string") {
		t.Fatalf("marshalling a string: %v", err)
	}
}
