package sse

import (
	"fmt"
	"strings"
	"testing"
)

// sseStream is 100 events of about 1 KB each, as an MCP server streams
// them.
func sseStream() []byte {
	var b strings.Builder
	b.WriteString(": stream opened\n\n")
	for i := range 100 {
		fmt.Fprintf(&b, "event: message\nid: stream-1-%d\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":\"tok-%d\",\"progress\":%d,\"total\":100,\"message\":\"%s\"}}\n\n",
			i, i, i, strings.Repeat("working on it; ", 60))
	}
	return []byte(b.String())
}

func BenchmarkSSEFeed(b *testing.B) {
	stream := sseStream()
	for _, size := range []int{512, 4096, 16384, len(stream)} {
		b.Run(fmt.Sprintf("chunk=%d", size), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(stream)))
			for b.Loop() {
				var p Parser
				n := 0
				for i := 0; i < len(stream); i += size {
					es, err := p.Feed(stream[i:min(len(stream), i+size)])
					if err != nil {
						b.Fatal(err)
					}
					n += len(es)
				}
				if last, _ := p.Finish(); last != nil {
					n++
				}
				if n != 101 {
					b.Fatalf("%d events", n)
				}
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	e := Event{ID: "stream-1-1", Type: "message", Data: []byte(`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"` + strings.Repeat("x", 1000) + `"}]}}`), HasData: true}
	b.ReportAllocs()
	for b.Loop() {
		_ = Encode(e)
	}
}
