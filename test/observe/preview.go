package observe

import (
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/mcpmesh/mcpmesh/manifests/dashboards"
)

// Preview draws every panel of every dashboard from a Prometheus's data,
// one PNG per dashboard in dir: what an SRE will see in Grafana, for a
// reviewer without a Grafana server. Time series are drawn as lines over
// [start, end]; stat and table panels as their current values.
func Preview(promAddr, dir string, start, end time.Time) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var files []string
	for _, d := range dashboards.All() {
		var panels []*plot.Plot
		for _, r := range d.Rows {
			for _, p := range r.Panels {
				pl, err := panelPlot(promAddr, r.Title, p, start, end)
				if err != nil {
					return nil, fmt.Errorf("%s / %s: %w", d.Title, p.Title, err)
				}
				panels = append(panels, pl)
			}
		}
		file := filepath.Join(dir, strings.TrimSuffix(d.File, ".json")+".png")
		if err := grid(panels, file); err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return files, nil
}

const columns = 3

// grid lays plots out in rows of three on one image.
func grid(plots []*plot.Plot, file string) error {
	rows := (len(plots) + columns - 1) / columns
	const cellW, cellH = 6 * vg.Inch, 3 * vg.Inch
	img := vgimg.New(columns*cellW, vg.Length(rows)*cellH)
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: rows, Cols: columns, PadX: vg.Millimeter * 2, PadY: vg.Millimeter * 2, PadTop: vg.Millimeter, PadBottom: vg.Millimeter, PadLeft: vg.Millimeter, PadRight: vg.Millimeter}
	table := make([][]*plot.Plot, rows)
	for i := range table {
		table[i] = make([]*plot.Plot, columns)
		for j := range table[i] {
			if k := i*columns + j; k < len(plots) {
				table[i][j] = plots[k]
			}
		}
	}
	canvases := plot.Align(table, tiles, dc)
	for i := range table {
		for j, p := range table[i] {
			if p != nil {
				p.Draw(canvases[i][j])
			}
		}
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = vgimg.PngCanvas{Canvas: img}.WriteTo(f)
	return err
}

// panelPlot asks every target of p for its data and draws it.
func panelPlot(addr, row string, p dashboards.Panel, start, end time.Time) (*plot.Plot, error) {
	pl := plot.New()
	pl.Title.Text = p.Title
	pl.Title.TextStyle.Font.Size = vg.Points(11)
	pl.Legend.Top = true
	pl.Legend.TextStyle.Font.Size = vg.Points(7)
	if p.Unit != "" {
		pl.Y.Label.Text = p.Unit
	}
	var lines []string // stat and table values, drawn as a legend
	n := 0
	for _, t := range p.Targets {
		q := dashboards.Query{Expr: t.Expr}.Substituted()
		series, err := queryRange(addr, q, start, end, instant(p, t))
		if err != nil {
			return nil, err
		}
		for _, s := range series {
			label := legend(t.Legend, s.metric)
			if instant(p, t) {
				if len(s.points) > 0 {
					lines = append(lines, fmt.Sprintf("%s: %s", label, short(s.points[len(s.points)-1].Y)))
				}
				continue
			}
			l, err := plotter.NewLine(s.points)
			if err != nil {
				continue
			}
			l.Color = palette[n%len(palette)]
			l.Width = vg.Points(1.5)
			pl.Add(l)
			if n < 6 {
				pl.Legend.Add(label, l)
			}
			n++
		}
	}
	if len(lines) > 0 {
		sort.Strings(lines)
		if len(lines) > 8 {
			lines = append(lines[:8], fmt.Sprintf("... %d more", len(lines)-8))
		}
		pl.HideAxes()
		for _, s := range lines {
			pl.Legend.Add(s)
		}
	} else {
		pl.X.Tick.Marker = plot.TimeTicks{Format: "15:04:05"}
		pl.Add(plotter.NewGrid())
	}
	if n == 0 && len(lines) == 0 {
		pl.Legend.Add("no data")
	}
	return pl, nil
}

func instant(p dashboards.Panel, t dashboards.Target) bool {
	return t.Instant || p.Kind == "stat" || p.Kind == "table"
}

var palette = []color.Color{
	color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}, color.RGBA{R: 0xff, G: 0x7f, B: 0x0e, A: 0xff},
	color.RGBA{R: 0x2c, G: 0xa0, B: 0x2c, A: 0xff}, color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff},
	color.RGBA{R: 0x94, G: 0x67, B: 0xbd, A: 0xff}, color.RGBA{R: 0x8c, G: 0x56, B: 0x4b, A: 0xff},
}

// legend fills Grafana's {{label}} placeholders from a series' labels.
func legend(format string, metric map[string]string) string {
	if format == "" {
		var parts []string
		for k, v := range metric {
			if k != "__name__" {
				parts = append(parts, k+"="+v)
			}
		}
		sort.Strings(parts)
		return strings.Join(parts, " ")
	}
	out := format
	for k, v := range metric {
		out = strings.ReplaceAll(out, "{{"+k+"}}", v)
		out = strings.ReplaceAll(out, "{{ "+k+" }}", v)
	}
	return out
}

func short(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.Abs(v) >= 1e6 || (v != 0 && math.Abs(v) < 1e-3):
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

type series struct {
	metric map[string]string
	points plotter.XYs
}

// queryRange asks Prometheus for q over [start, end] (or at end alone).
func queryRange(addr, q string, start, end time.Time, instant bool) ([]series, error) {
	v := url.Values{"query": {q}}
	path := "/api/v1/query_range"
	if instant {
		path = "/api/v1/query"
		v.Set("time", strconv.FormatInt(end.Unix(), 10))
	} else {
		v.Set("start", strconv.FormatInt(start.Unix(), 10))
		v.Set("end", strconv.FormatInt(end.Unix(), 10))
		v.Set("step", "2")
	}
	resp, err := http.Get("http://" + addr + path + "?" + v.Encode())
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var r struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   struct {
			Result []struct {
				Metric map[string]string `json:"metric"`
				Value  [2]any            `json:"value"`
				Values [][2]any          `json:"values"`
			} `json:"result"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, err
	}
	if r.Status != "success" {
		return nil, fmt.Errorf("%s: %s", q, r.Error)
	}
	var out []series
	for _, res := range r.Data.Result {
		vals := res.Values
		if instant {
			vals = [][2]any{res.Value}
		}
		s := series{metric: res.Metric}
		for _, pt := range vals {
			ts, _ := pt[0].(float64)
			str, _ := pt[1].(string)
			y, err := strconv.ParseFloat(str, 64)
			if err != nil || math.IsInf(y, 0) || math.IsNaN(y) {
				continue
			}
			s.points = append(s.points, plotter.XY{X: ts, Y: y})
		}
		out = append(out, s)
	}
	return out, nil
}
