package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/allowlist"
	"github.com/mcpmesh/mcpmesh/interceptors/chain"
	"github.com/mcpmesh/mcpmesh/test/imagetest"
	"github.com/mcpmesh/mcpmesh/xds/controlplane"
	"github.com/mcpmesh/mcpmesh/xds/ir"
	"github.com/mcpmesh/mcpmesh/xds/translator"
)

func TestStatusCommand(t *testing.T) {
	reg := imagetest.Start(t, nil)
	key := imagetest.NewKey(t)
	unsigned := reg.PushRandom(t, "mcp/files")

	cp := controlplane.New(controlplane.Options{
		Translator: translator.Options{ExtProc: ir.Endpoint{Host: "127.0.0.1", Port: 18081}},
		Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	srv := func(name string, port uint32) ir.Server {
		return ir.Server{
			Name:     name,
			Upstream: ir.Endpoint{Host: "127.0.0.1", Port: 1},
			Listen:   ir.Endpoint{Host: "127.0.0.1", Port: port},
			Path:     "/mcp",
			Policy: chain.Policy{
				Tools: allowlist.Policy{AllowAll: true},
			},
		}
	}
	dev, files := srv("dev", 10000), srv("files", 10001)
	dev.UnverifiedLocal = true
	files.Image, files.Verify = unsigned, &ir.Verification{PublicKeyPEM: key.PublicPEM, Digest: "k"}
	p := &ir.Policy{Version: "v9", Limits: ir.Limits{MaxBodyBytes: 1 << 20, MessageTimeoutMillis: 1000},
		SupplyChain: ir.SupplyChain{PlainHTTPLoopback: true}, Servers: []ir.Server{dev, files}}
	if err := cp.Apply(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	admin := httptest.NewServer(jsonHandler(func() any { return statusOf(cp) }))
	defer admin.Close()

	var out, errOut bytes.Buffer
	code := runStatus([]string{"-admin", admin.URL}, &out, &errOut)
	if code != 1 {
		t.Errorf("exit %d with a server not routed, want 1\n%s%s", code, out.String(), errOut.String())
	}
	text := out.String()
	rows := map[string]string{} // server -> its row with single spaces
	for _, line := range strings.Split(text, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			rows[f[0]] = strings.Join(f, " ")
		}
	}
	if !strings.Contains(text, "policy version v9") ||
		!strings.HasPrefix(rows["dev"], "dev unverified_local yes - marked unverifiedLocal") ||
		rows["files"] != "files failed NO "+unsigned+" no signatures found" {
		t.Errorf("output:\n%s", text)
	}

	out.Reset()
	if code := runStatus([]string{"-admin", admin.URL, "-json"}, &out, &errOut); code != 1 || !strings.Contains(out.String(), `"state": "failed"`) {
		t.Errorf("-json: exit %d\n%s", code, out.String())
	}
	admin.Close()
	if code := runStatus([]string{"-admin", admin.URL}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "control plane not reachable") {
		t.Errorf("unreachable: exit %d\n%s", code, errOut.String())
	}
}
