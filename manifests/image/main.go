// Command image builds the mcpmesh container image without Docker: one
// layer holding the static binary at /usr/local/bin/mcpmesh, nothing else
// (no shell, no package manager), run as a non-root user, written as an OCI
// image layout. Every timestamp is fixed, so the same binary always gives
// the same digest (`make image` builds the binary reproducibly too).
package main

import (
	"archive/tar"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// BinaryPath is where the chart's image.command expects the binary.
const BinaryPath = "usr/local/bin/mcpmesh"

// User is the numeric non-root user the image runs as (the chart's runAsUser).
const User = "65532:65532"

// epoch is the time written everywhere a time is recorded.
var epoch = time.Unix(0, 0).UTC()

func main() {
	bin := flag.String("bin", "", "the static mcpmesh binary (CGO_ENABLED=0)")
	out := flag.String("out", ".cache/image/oci", "directory of the OCI image layout to write")
	version := flag.String("version", "dev", "value of the org.opencontainers.image.version label")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "usage: image -bin PATH [-out DIR] [-version V]")
		os.Exit(2)
	}
	data, err := os.ReadFile(*bin)
	if err != nil {
		fail(err)
	}
	img, err := Build(data, *version)
	if err != nil {
		fail(err)
	}
	if err := os.RemoveAll(*out); err != nil {
		fail(err)
	}
	p, err := layout.Write(*out, empty.Index)
	if err != nil {
		fail(err)
	}
	if err := p.AppendImage(img); err != nil {
		fail(err)
	}
	d, err := img.Digest()
	if err != nil {
		fail(err)
	}
	fmt.Printf("%s\nimage.digest: %s\n", *out, d)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "image:", err)
	os.Exit(1)
}

// Build returns the image holding binary.
func Build(binary []byte, version string) (v1.Image, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, dir := range []string{"usr/", "usr/local/", "usr/local/bin/", "tmp/"} {
		mode := int64(0o755)
		if dir == "tmp/" {
			mode = 0o1777
		}
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: dir, Mode: mode, ModTime: epoch, Format: tar.FormatPAX}); err != nil {
			return nil, err
		}
	}
	if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: BinaryPath, Mode: 0o755, Size: int64(len(binary)), ModTime: epoch, Format: tar.FormatPAX}); err != nil {
		return nil, err
	}
	if _, err := tw.Write(binary); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	tarData := buf.Bytes()
	layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(tarData)), nil
	}, tarball.WithMediaType(types.OCILayer))
	if err != nil {
		return nil, err
	}
	img, err := mutate.Append(mutate.MediaType(empty.Image, types.OCIManifestSchema1), mutate.Addendum{
		Layer: layer, MediaType: types.OCILayer, History: v1.History{Created: v1.Time{Time: epoch}, CreatedBy: "mcpmesh manifests/image"},
	})
	if err != nil {
		return nil, err
	}
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	cf, err := img.ConfigFile()
	if err != nil {
		return nil, err
	}
	cf = cf.DeepCopy()
	cf.Architecture, cf.OS = "amd64", "linux"
	cf.Created = v1.Time{Time: epoch}
	cf.Config.User = User
	cf.Config.Entrypoint = []string{"/" + BinaryPath}
	cf.Config.Cmd = nil
	cf.Config.Env = []string{"HOME=/tmp"}
	cf.Config.WorkingDir = "/"
	cf.Config.Labels = map[string]string{
		"org.opencontainers.image.source":  "https://github.com/mcpmesh/mcpmesh",
		"org.opencontainers.image.version": version,
	}
	return mutate.ConfigFile(img, cf)
}
