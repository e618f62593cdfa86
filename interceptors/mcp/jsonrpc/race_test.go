//go:build race

package jsonrpc

func init() { raceEnabled = true }
