package poisoning

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/textmodel"
)

// cvRecord is what the checks made of one tuning definition, with the
// model's out-of-fold score of it.
type cvRecord struct {
	key, group, category string
	poisoned             bool
	flagged              bool     // hidden by the checks alone
	hard                 bool     // a finding no second opinion overturns
	shadow               bool     // a shadowing finding in its text
	score                int      // the evidence score
	phrase               bool     // a phrase rule matched
	oof                  float64  // the model's out-of-fold score
	rules                []string // the rules of its findings
}

// evalVerdict is evalFlags with the checker's verdict on the tool.
func evalVerdict(t *testing.T, c evalCase, mesh map[string]map[string][]string, siblings map[string][]string) (bool, verdict, []string) {
	others := slices.Clone(c.Neighbours)
	for f, names := range mesh[c.split] {
		if f != c.file {
			others = append(others, names...)
		}
	}
	ch, err := New(&Policy{Mode: interceptors.Enforce, Action: interceptors.ActionHide}, func() []string { return others }, nil)
	if err != nil {
		t.Fatal(err)
	}
	name := entryName(c)
	var got verdict
	n := 0
	ch.observe = func(v verdict) {
		if n == 0 {
			got = v
		}
		n++
	}
	tools := []string{string(c.Tool)}
	if name != "" {
		for _, s := range siblings[c.file] {
			if s != name {
				b, err := json.Marshal(map[string]any{"name": s, "inputSchema": map[string]any{"type": "object"}})
				if err != nil {
					t.Fatal(err)
				}
				tools = append(tools, string(b))
			}
		}
	}
	x := runList(t, ch, "tools/list", tools...)
	var rules []string
	for _, f := range got.findings {
		rules = append(rules, f.Rule+": "+f.Detail)
	}
	if len(tools) == 1 {
		return len(x.Removed) > 0, got, rules
	}
	return slices.Contains(x.Removed, name), got, rules
}

// TestModelCV weighs the checks and a learned model's out-of-fold scores
// of the tuning definitions under each way of combining them
// (docs/benchmarks.md, "A learned second opinion"): (a) the checks' score
// and the model's margin summed, (b) the model's veto of weak findings,
// (c) the model's addition at a high threshold, each over its grid, and
// prints per design the best point under the benign budgets. It reads
// the tuning split only and runs only when asked:
//
//	POISONING_MODEL_CV_KEYS=keys.txt go test ./interceptors/poisoning -run TestModelCV
//	go run ./interceptors/internal/textmodel/train -check poisoning -corpus interceptors/poisoning/testdata/eval -cv -window 128 -lexical 1 -lambda 1e-3 -keys keys.txt -oof oof.json
//	POISONING_MODEL_OOF=oof.json go test ./interceptors/poisoning -run TestModelCV -v
//
// The first writes the keys of the tuning definitions in which the checks
// find any evidence (a score above 0 or a finding), the only ones a second
// opinion is asked about; the second learns from them alone by grouped
// cross-validation and writes each one's out-of-fold score (without
// -keys, from every tuning definition); the third combines. Several
// -oof files may be named, comma-separated; POISONING_MODEL_CV_V=1 prints
// every point, POISONING_MODEL_CV_LIST=1 the weakly flagged definitions
// and the misses by their out-of-fold score.
func TestModelCV(t *testing.T) {
	files, keysOut := os.Getenv("POISONING_MODEL_OOF"), os.Getenv("POISONING_MODEL_CV_KEYS")
	if files == "" && keysOut == "" {
		t.Skip("POISONING_MODEL_OOF names no out-of-fold scores, POISONING_MODEL_CV_KEYS no file for the keys")
	}
	cases := loadEval(t)
	mesh := meshNames(cases)
	siblings := siblingNames(cases)
	index := map[string]int{}
	type base struct {
		key      string
		poisoned bool
		category string
		flagged  bool
		v        verdict
		rules    []string
	}
	var bases []base
	for _, c := range cases {
		if c.split != "tuning" {
			continue
		}
		key := fmt.Sprintf("%s#%d", c.file, index[c.file])
		index[c.file]++
		flagged, v, rules := evalVerdict(t, c, mesh, siblings)
		bases = append(bases, base{key, c.Label == "poisoned", c.Category, flagged, v, rules})
	}
	if out := keysOut; out != "" {
		// the keys of the definitions with any evidence: what a second
		// opinion is asked about
		var keys []string
		nb, np := 0, 0
		for _, b := range bases {
			if b.v.score > 0 || len(b.v.findings) > 0 {
				keys = append(keys, b.key)
				if b.poisoned {
					np++
				} else {
					nb++
				}
			}
		}
		t.Logf("with evidence: %d poisoned, %d benign", np, nb)
		if err := os.WriteFile(out, []byte(strings.Join(keys, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range strings.Split(files, ",") {
		if f == "" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var oof map[string]struct {
			Score float64 `json:"score"`
			Group string  `json:"group"`
		}
		if err := json.Unmarshal(b, &oof); err != nil {
			t.Fatal(err)
		}
		var recs []cvRecord
		for _, b := range bases {
			o, ok := oof[b.key]
			if !ok {
				// a model asked only where the checks found evidence
				o.Score = math.Inf(-1)
			}
			r := cvRecord{key: b.key, group: o.Group, category: b.category, poisoned: b.poisoned, flagged: b.flagged,
				score: b.v.score, phrase: b.v.phrase, oof: o.Score, rules: b.rules}
			for _, fd := range b.v.findings {
				switch {
				case fd.Rule == "poisoning."+KindInstructions:
					// weighed by its score
				case fd.Rule == "poisoning."+KindShadowing && !strings.HasPrefix(fd.Where, "tools["+entryNameOf(b.v)+"].name"):
					r.shadow = true
				default:
					r.hard = true
				}
			}
			recs = append(recs, r)
		}
		t.Logf("%s\n%s", f, cvReport(recs, os.Getenv("POISONING_MODEL_CV_V") != ""))
		if os.Getenv("POISONING_MODEL_CV_LIST") != "" {
			slices.SortFunc(recs, func(a, b cvRecord) int { return cmpFloat(a.oof, b.oof) })
			var bl strings.Builder
			for _, r := range recs {
				if r.flagged && r.score <= 8 || r.poisoned && !r.flagged {
					fmt.Fprintf(&bl, "%6.2f poisoned=%-5v flagged=%-5v score=%d phrase=%-5v shadow=%-5v hard=%-5v %s %s %.120q\n", r.oof, r.poisoned, r.flagged, r.score, r.phrase, r.shadow, r.hard, r.group, r.category, r.rules)
				}
			}
			t.Log(bl.String())
		}
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func entryNameOf(v verdict) string { return v.name }

// cvPoint is one combination's figures.
type cvPoint struct {
	design  string
	det, fp int
}

// cvReport runs every design over its grid and prints, per design, the
// best point under the benign budget (no more benign flagged than the
// checks alone) and the curve.
func cvReport(recs []cvRecord, verbose bool) string {
	var nP, nB, chkP, chkB int
	var benignScores []float64
	for _, r := range recs {
		if r.poisoned {
			nP++
			if r.flagged {
				chkP++
			}
		} else {
			nB++
			if r.flagged {
				chkB++
			}
			if !math.IsInf(r.oof, -1) {
				benignScores = append(benignScores, r.oof)
			}
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(benignScores)))
	// thresholds: the score above which the top q of benign texts lie
	var cuts []float64
	qs := []float64{0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5}
	if len(benignScores) < nB {
		// a model asked only where the checks found evidence
		qs = []float64{0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}
	}
	for _, q := range qs {
		i := int(q * float64(len(benignScores)))
		cuts = append(cuts, benignScores[i])
	}
	count := func(flag func(r cvRecord) bool) (det, fp int) {
		for _, r := range recs {
			if flag(r) {
				if r.poisoned {
					det++
				} else {
					fp++
				}
			}
		}
		return
	}
	var pts []cvPoint
	add := func(name string, flag func(r cvRecord) bool) {
		d, f := count(flag)
		pts = append(pts, cvPoint{name, d, f})
	}
	// (c) addition with a high threshold: the model reads every definition
	for _, th := range cuts {
		add(fmt.Sprintf("c add th=%.2f", th), func(r cvRecord) bool { return r.flagged || r.oof >= th })
	}
	// (b) veto of weak findings: instructions by score alone (no phrase),
	// score at most w, no other finding (or shadowing vetoable too)
	for _, w := range []int{4, 5, 6, 8} {
		for _, sh := range []bool{false, true} {
			for _, ph := range []bool{false, true} {
				for _, tv := range cuts {
					add(fmt.Sprintf("b veto w=%d shadow=%v phrase=%v tv=%.2f", w, sh, ph, tv), func(r cvRecord) bool {
						if !r.flagged {
							return false
						}
						weak := !r.hard && r.score <= w && (ph || !r.phrase) && (sh || !r.shadow)
						return !(weak && r.oof < tv)
					})
				}
			}
		}
	}
	// (a) the checks' score and the model's margin together: a definition
	// with any evidence is flagged when score + phrase + shadow + k
	// (oof - t0) >= DefaultScoreThreshold; hard findings stand
	for _, k := range []float64{0.125, 0.25, 0.5, 1, 2, 4} {
		for _, P := range []int{4, 8, 100} {
			for _, Q := range []int{4, 8, 100} {
				for _, t0 := range cuts {
					add(fmt.Sprintf("a sum k=%g P=%d Q=%d t0=%.2f", k, P, Q, t0), func(r cvRecord) bool {
						if r.hard {
							return r.flagged
						}
						s := r.score
						if r.phrase {
							s += P
						}
						if r.shadow {
							s += Q
						}
						if s == 0 {
							return false
						}
						return float64(s)+k*(r.oof-t0) >= DefaultScoreThreshold
					})
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "checks alone: %d/%d poisoned, %d/%d benign\n", chkP, nP, chkB, nB)
	for _, d := range []string{"a", "b", "c"} {
		var best *cvPoint
		var best1 *cvPoint
		for i := range pts {
			p := &pts[i]
			if !strings.HasPrefix(p.design, d+" ") {
				continue
			}
			if p.fp <= chkB && (best == nil || p.det > best.det || p.det == best.det && p.fp < best.fp) {
				best = p
			}
			if float64(p.fp) <= 0.01*float64(nB) && (best1 == nil || p.det > best1.det || p.det == best1.det && p.fp < best1.fp) {
				best1 = p
			}
			if verbose {
				fmt.Fprintf(&b, "  %-50s %d/%d %d/%d\n", p.design, p.det, nP, p.fp, nB)
			}
		}
		// the fewest benign at the checks' detection or more
		var least *cvPoint
		for i := range pts {
			p := &pts[i]
			if strings.HasPrefix(p.design, d+" ") && p.det >= chkP && (least == nil || p.fp < least.fp) {
				least = p
			}
		}
		for _, x := range []struct {
			what string
			p    *cvPoint
		}{{"benign <= checks'", best}, {"benign <= 1%", best1}, {"detection >= checks'", least}} {
			if x.p != nil {
				fmt.Fprintf(&b, "%s best (%s): %-50s %d/%d (%.1f%%) %d/%d (%.2f%%)\n", d, x.what, x.p.design, x.p.det, nP, 100*float64(x.p.det)/float64(nP), x.p.fp, nB, 100*float64(x.p.fp)/float64(nB))
			}
		}
	}
	return b.String()
}

// TestModelCombined measures one combination of the checks and a model
// learnt from every tuning definition with evidence (POISONING_MODEL_FILE,
// the generator's -keys and -out) on the splits evalSplits reads: a
// definition with any evidence is flagged when its score, 4 more for a
// phrase rule and for a shadowing finding, plus k (the model's score - t0)
// reaches DefaultScoreThreshold (POISONING_MODEL_RULE "k,t0"); other
// findings stand. It prints totals per split only.
func TestModelCombined(t *testing.T) {
	file, rule := os.Getenv("POISONING_MODEL_FILE"), os.Getenv("POISONING_MODEL_RULE")
	if file == "" || rule == "" {
		t.Skip("POISONING_MODEL_FILE and POISONING_MODEL_RULE name no model")
	}
	var k, t0 float64
	if _, err := fmt.Sscanf(rule, "%g,%g", &k, &t0); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m, err := textmodel.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	cases := loadEval(t)
	mesh := meshNames(cases)
	siblings := siblingNames(cases)
	type tally struct{ p, pHit, pChk, b, bHit, bChk int }
	per := map[string]*tally{}
	splits := evalSplits()
	for _, c := range cases {
		if !slices.Contains(splits, c.split) {
			continue
		}
		flagged, v, _ := evalVerdict(t, c, mesh, siblings)
		combined := flagged
		var hard, shadow bool
		for _, fd := range v.findings {
			switch {
			case fd.Rule == "poisoning."+KindInstructions:
			case fd.Rule == "poisoning."+KindShadowing && !strings.HasPrefix(fd.Where, "tools["+v.name+"].name"):
				shadow = true
			default:
				hard = true
			}
		}
		if s := v.score + cond(v.phrase, 4, 0) + cond(shadow, 4, 0); !hard && s > 0 {
			canon, _ := canonical(nil, textmodel.ToolText(c.Tool))
			combined = float64(s)+k*(m.Score(canon)-t0) >= DefaultScoreThreshold
		}
		if per[c.split] == nil {
			per[c.split] = &tally{}
		}
		tl := per[c.split]
		if c.Label == "poisoned" {
			tl.p++
			tl.pHit += cond(combined, 1, 0)
			tl.pChk += cond(flagged, 1, 0)
		} else {
			tl.b++
			tl.bHit += cond(combined, 1, 0)
			tl.bChk += cond(flagged, 1, 0)
		}
	}
	for _, s := range splits {
		tl := per[s]
		t.Logf("%s: poisoned %d/%d with the model (checks alone %d), benign %d/%d (checks alone %d)", s, tl.pHit, tl.p, tl.pChk, tl.bHit, tl.b, tl.bChk)
	}
}

func cond(c bool, a, b int) int {
	if c {
		return a
	}
	return b
}
