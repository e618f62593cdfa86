// Package dashboards defines mcpmesh's Grafana dashboards as Go values.
// The JSON files beside this file are generated from them (`make
// dashboards`, or `go test ./manifests/dashboards -update`); a test fails
// when they are stale, so the checked-in JSON is always what this code says.
//
// Plain structs, not a Grafana SDK: the dashboards use a handful of panel
// fields, and the JSON model is stable across Grafana 9 to 11.
package dashboards

import (
	"encoding/json"
	"strings"
)

// Dashboard is one Grafana dashboard.
type Dashboard struct {
	File  string // file name in manifests/dashboards
	UID   string
	Title string
	Tags  []string
	Rows  []Row
}

// Row is a titled group of panels.
type Row struct {
	Title  string
	Panels []Panel
}

// Panel is one graph, stat or table.
type Panel struct {
	Title       string
	Description string
	Kind        string // timeseries (default), stat, table
	Unit        string // Grafana unit: reqps, ops, s, short, ...
	Targets     []Target
}

// Target is one PromQL query of a panel.
type Target struct {
	Expr   string
	Legend string
	// Instant asks for one value (tables, stats) rather than a range.
	Instant bool
}

// Variables every query may use; Grafana substitutes them. Tests replace
// them with the values in Substitutions before parsing or running a query.
var Substitutions = map[string]string{
	"$__rate_interval": "1m",
	"$__range":         "15m",
	"$server":          ".*",
}

// Queries lists every query of d with its panel's title.
func (d Dashboard) Queries() []Query {
	var out []Query
	for _, r := range d.Rows {
		for _, p := range r.Panels {
			for _, t := range p.Targets {
				out = append(out, Query{Dashboard: d.Title, Panel: p.Title, Expr: t.Expr})
			}
		}
	}
	return out
}

// Query is one query of a dashboard panel.
type Query struct {
	Dashboard, Panel, Expr string
}

// Substituted is the query with Grafana's variables replaced.
func (q Query) Substituted() string {
	e := q.Expr
	for _, k := range []string{"$__rate_interval", "$__range", "$server"} {
		e = strings.ReplaceAll(e, k, Substitutions[k])
	}
	return e
}

// JSON renders d as Grafana's dashboard model.
func (d Dashboard) JSON() ([]byte, error) {
	ds := map[string]any{"type": "prometheus", "uid": "${datasource}"}
	var panels []map[string]any
	id, y := 1, 0
	for _, r := range d.Rows {
		panels = append(panels, map[string]any{
			"id": id, "type": "row", "title": r.Title, "collapsed": false,
			"gridPos": map[string]int{"h": 1, "w": 24, "x": 0, "y": y}, "panels": []any{},
		})
		id++
		y++
		x, rowH := 0, 0
		for _, p := range r.Panels {
			w, h := 12, 8
			switch p.Kind {
			case "stat":
				w, h = 6, 4
			case "table":
				w, h = 12, 8
			}
			if x+w > 24 {
				x, y = 0, y+rowH
				rowH = 0
			}
			kind := p.Kind
			if kind == "" {
				kind = "timeseries"
			}
			var targets []map[string]any
			for i, t := range p.Targets {
				tg := map[string]any{
					"datasource": ds, "refId": string(rune('A' + i)), "expr": t.Expr,
					"legendFormat": t.Legend, "range": !t.Instant, "instant": t.Instant,
				}
				if t.Instant {
					tg["format"] = "table"
				}
				targets = append(targets, tg)
			}
			unit := p.Unit
			if unit == "" {
				unit = "short"
			}
			panel := map[string]any{
				"id": id, "type": kind, "title": p.Title, "description": p.Description,
				"datasource": ds, "targets": targets,
				"gridPos":     map[string]int{"h": h, "w": w, "x": x, "y": y},
				"fieldConfig": map[string]any{"defaults": map[string]any{"unit": unit}, "overrides": []any{}},
			}
			if kind == "timeseries" {
				panel["options"] = map[string]any{"legend": map[string]any{"displayMode": "table", "placement": "bottom", "calcs": []string{"mean", "max"}}}
			}
			if kind == "table" {
				panel["transformations"] = []any{map[string]any{"id": "merge", "options": map[string]any{}}}
			}
			panels = append(panels, panel)
			id++
			x += w
			rowH = max(rowH, h)
		}
		y += rowH
	}
	model := map[string]any{
		"uid": d.UID, "title": d.Title, "tags": d.Tags, "editable": true,
		"schemaVersion": 39, "version": 1, "refresh": "30s", "timezone": "",
		"time":        map[string]string{"from": "now-6h", "to": "now"},
		"annotations": map[string]any{"list": []any{}},
		"templating": map[string]any{"list": []any{
			map[string]any{"name": "datasource", "label": "Prometheus", "type": "datasource", "query": "prometheus"},
			map[string]any{
				"name": "server", "label": "MCP server", "type": "query", "datasource": ds,
				"query":      map[string]any{"query": "label_values(mcpmesh_extproc_messages_total, server)", "refId": "server"},
				"definition": "label_values(mcpmesh_extproc_messages_total, server)",
				"refresh":    2, "multi": true, "includeAll": true, "allValue": ".*",
				"current": map[string]any{"text": "All", "value": "$__all"},
			},
		}},
		"panels": panels,
	}
	b, err := json.MarshalIndent(model, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
