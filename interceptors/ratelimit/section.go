package ratelimit

import (
	"strconv"
	"strings"
	"time"

	"github.com/mcpmesh/mcpmesh/interceptors/section"
)

// Decode reads the "rateLimits" section: a list of rules such as
//
//   - {tools: ["search_*"], per: client, rate: 10/s, burst: 20}
func Decode(l *section.Reader, e *section.Entry) *Policy {
	if e == nil {
		return nil
	}
	items, ok := l.Items(e, "a list of rate-limit rules")
	if !ok {
		return nil
	}
	p := &Policy{}
	for _, it := range items {
		fs := l.Fields(it, "a mapping with tools, per, rate and burst", "tools", "per", "rate", "burst")
		if fs == nil {
			continue
		}
		r := Rule{Tools: []string{"*"}, Per: PerClient}
		if f := fs["tools"]; f != nil {
			r.Tools = nil
			for _, pat := range l.Patterns(f, "write [\"*\"] for every tool") {
				r.Tools = append(r.Tools, pat.Value)
			}
		}
		if f := fs["per"]; f != nil {
			if v, ok := l.Choice(f, []string{PerClient, PerServer}, nil); ok {
				r.Per = v
			}
		}
		if f := fs["rate"]; f == nil {
			l.Errorf(it.Pos(), section.JoinPath(it.Path, "rate"), `required field is missing: calls per second or minute, such as "10/s" or "600/m"`)
		} else if v, ok := l.Str(f, `a rate such as "10/s" or "600/m"`); ok {
			if ps, ok := parseRate(v); ok {
				r.PerSecond = ps
			} else {
				l.Errorf(f.Pos(), f.Path, `%q is not a rate: write calls per second or per minute, such as "10/s" or "600/m" (at least 1/m, at most 100000/s)`, v)
			}
		}
		r.Burst = max(1, int(r.PerSecond+0.999))
		if f := fs["burst"]; f != nil {
			if v, ok := l.Bounded(f, "a whole number of calls", 1, 1000000, "%d and %d calls", ""); ok {
				r.Burst = v
			}
		}
		p.Rules = append(p.Rules, r)
	}
	return p
}

// parseRate reads "N/s" or "N/m" as calls per second.
func parseRate(s string) (float64, bool) {
	n, unit, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(n), 64)
	if err != nil || v <= 0 {
		return 0, false
	}
	var per time.Duration
	switch strings.TrimSpace(unit) {
	case "s":
		per = time.Second
	case "m":
		per = time.Minute
	default:
		return 0, false
	}
	ps := v / per.Seconds()
	return ps, ps >= 1.0/60 && ps <= 100000
}
