package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/mcpmesh/mcpmesh/xds/policy"
)

// runValidate checks each file and returns the process exit code: 0 when
// every file is valid, 1 when any is not, 2 on bad usage.
func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "usage: mcpmesh validate FILE...") }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	code := 0
	for _, file := range fs.Args() {
		res, err := policy.Load(file)
		if err != nil {
			code = 1
			printLoadError(stderr, file, err)
			continue
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "warning: %s\n", w.Error())
		}
		fmt.Fprintf(stdout, "%s: valid (version %s, %d server(s))\n", file, res.Policy.Version, len(res.Policy.Servers))
	}
	return code
}

// printLoadError prints every problem policy.Load found, one per line.
func printLoadError(w io.Writer, file string, err error) {
	var list policy.Errors
	if !errors.As(err, &list) {
		fmt.Fprintln(w, err)
		return
	}
	for _, e := range list {
		fmt.Fprintln(w, e.Error())
	}
	fmt.Fprintf(w, "%s: %d error(s)\n", file, len(list))
}
