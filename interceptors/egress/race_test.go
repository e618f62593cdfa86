//go:build race

package egress

func init() { raceEnabled = true }
