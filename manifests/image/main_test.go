package main

import (
	"archive/tar"
	"io"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/v1/mutate"
)

func TestReproducibleNonRootNoShell(t *testing.T) {
	bin := []byte("\x7fELF not really a binary, but bytes all the same")
	a, err := Build(bin, "1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(append([]byte{}, bin...), "1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	da, _ := a.Digest()
	db, _ := b.Digest()
	if da != db {
		t.Errorf("same input, digests %s and %s", da, db)
	}
	c, _ := Build(append(bin, '!'), "1.0.0")
	if dc, _ := c.Digest(); dc == da {
		t.Error("a different binary gave the same digest")
	}
	cf, err := a.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	if cf.Config.User != User || strings.HasPrefix(cf.Config.User, "0") || cf.Created.Unix() != 0 {
		t.Errorf("user %q created %v: want %s at the epoch", cf.Config.User, cf.Created, User)
	}
	files := map[string]*tar.Header{}
	tr := tar.NewReader(mutate.Extract(a))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		files[h.Name] = h
		if h.Typeflag == tar.TypeReg {
			data, _ := io.ReadAll(tr)
			if h.Name == BinaryPath && string(data) != string(bin) {
				t.Error("the binary's content changed")
			}
		}
	}
	if h := files[BinaryPath]; h == nil || h.Mode&0o111 == 0 {
		t.Errorf("no executable %s in %v", BinaryPath, files)
	}
	for name := range files {
		if strings.HasPrefix(name, "bin/") || strings.HasSuffix(name, "/sh") {
			t.Errorf("the image holds %s; it must have no shell", name)
		}
	}
	if len(files) != 5 {
		t.Errorf("%d entries in the image, want the binary and its directories and /tmp", len(files))
	}
}
