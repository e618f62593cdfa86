package ratelimit

// Policy is the "rateLimits" section of a server: token buckets on
// tools/call, each rule for the tools its globs name.
type Policy struct {
	Rules []Rule `json:"rules"`
}

// Rule allows PerSecond calls a second on average and Burst at once, to
// each agent separately (Per "client", keyed by the verified subject; agents
// without one share a bucket) or to all agents together (Per "server").
type Rule struct {
	Tools     []string `json:"tools"`
	Per       string   `json:"per"`
	PerSecond float64  `json:"perSecond"`
	Burst     int      `json:"burst"`
}

// Keys of a bucket.
const (
	PerClient = "client"
	PerServer = "server"
)
