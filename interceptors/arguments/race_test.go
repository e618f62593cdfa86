//go:build race

package arguments

func init() { raceEnabled = true }
