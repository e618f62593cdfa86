// Command train learns a text model (package textmodel) from the tuning
// split of a check's evaluation corpus and writes its weights: -check
// results reads the results check's tool-result texts, -check poisoning
// the poisoning check's tool definitions (their name, description and
// schema strings as one text). It never reads a held-out file's entries.
//
// Every choice is made on the tuning split: -cv runs the setting of the
// flags (-grid a grid of settings) through 5-fold cross-validation grouped
// by source repository (no source in both the training and the validation
// folds), sets the threshold so that the model flags at most 0.3% of the
// benign texts out of fold beyond those the check's lexical signals flag
// (-budget, -share), and prints the detection it reaches. Without them it trains the setting on
// the whole split, with the threshold cross-validation gives it (or the
// higher one the final model needs on its own training texts), prints its
// heaviest features and writes -out. The flags' defaults are the setting
// chosen for the results check.
//
//	go generate ./interceptors/results
//	go run ./interceptors/internal/textmodel/train -check results -corpus interceptors/results/testdata/eval -grid weigh
//
// The shipped model learns from every tuning file (since design 13): a
// file that joins the split is learnt from when the model is made again,
// as it must be (TestShippedResultsModelIsReproduced). -files names the
// only tuning files to learn from (until design 13 the shipped model
// listed the files of the split its design was chosen on, in
// textmodel.files beside it), and -cvfiles cross-validates a listed
// model's method on the folds of every tuning file, so that it and a
// model learnt from the grown split are compared on the same texts.
//
// For the poisoning check, -cv -oof writes each tuning definition's
// out-of-fold score, and -keys learns from and scores only the definitions
// a list names (those in which the checks find some evidence), for the
// check's own harness that weighs the model beside its score
// (TestModelCV in interceptors/poisoning).
package main

import (
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"iter"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/textmodel"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
	"github.com/mcpmesh/mcpmesh/interceptors/results"
)

// doc is one text of the tuning split.
type doc struct {
	text     string
	canon    []byte // text in the canonical form the model reads
	inj      bool
	category string
	group    string         // the source repository
	file     string         // the corpus file
	key      string         // the file and the entry's index in it ("f.json#3"), for -oof
	lexical  bool           // flagged by the lexical checks
	feats    textmodel.Text // the features of text
	featOf   featureKind    // what feats were computed for
	// pair is, for an injection spliced into a benign text, the same
	// stretch of that text without it (see splice)
	pair *doc
}

// featureKind is what a text's features depend on.
type featureKind struct {
	bits    uint
	chars   bool
	address bool
}

// setting is one point of the grid.
type setting struct {
	bits   uint
	window int     // words
	lambda float64 // L2 regularisation
	rounds int     // rounds choosing the window of a long injection
	epochs int
	// weigh is what weighs alike within a class: "text" (every window
	// the same), "source" (every source repository), "file" (every file
	// of the corpus: the Go modules' READMEs one set, not 250) or "mixed"
	// (injections by source, benign texts by file), so that the largest
	// sets do not teach their own wording
	weigh string
	chars bool // character 3- to 5-grams as well
	// address: the features of address of a text's first and last
	// sentences as well (textmodel.Model.Address)
	address bool
	sqrt    bool // a source weighs as the square root of its share, not alike
	// splice is the number of copies of each injection placed in a
	// benign text of another source, context the words of that text
	// kept on each side, and pair whether the same words without the
	// injection are a benign example of the same weight (see splice)
	splice  int
	context int
	pair    bool
	draw    uint64 // which random draw of carriers, places and the order of the examples
	// match: the benign texts of a source that has injections too (the
	// carriers its attacks were put in) weigh at least as much as its
	// injections, so that their wording is not learnt as injection
	match bool
	// lexical is the weight of an injection the lexical checks flag, as
	// a share of that of one they miss (0 reads as 1, the same): the
	// model flags beside the checks, and what they flag already it need
	// not learn to (see defaults). With it the weights depend on which
	// tuning injections the checks flag, not only on which benign texts:
	// a signal that flags more of them moves the model, which is made
	// again after it (TestShippedResultsModelIsReproduced)
	lexical float64
	// minSources: a feature is learnt only if it occurs in the texts of
	// at least this many source repositories of the training texts (0 or
	// 1, every feature): a word or pair only one source writes is that
	// source's style, which another source's texts do not share, and its
	// weight can only teach the model that source
	minSources int
	// benign is the weight of the benign class as a multiple of that of
	// the injections (0 reads as 1, the classes alike): more of it pulls
	// the benign texts that score highest down, where the threshold is set
	benign float64
}

func (s setting) String() string {
	return fmt.Sprintf("bits=%d window=%d lambda=%g rounds=%d epochs=%d weigh=%s sqrt=%v chars=%v splice=%d context=%d pair=%v",
		s.bits, s.window, s.lambda, s.rounds, s.epochs, s.weigh, s.sqrt, s.chars, s.splice, s.context, s.pair) + cond(s.match, " match=true", "") + cond(s.address, " address=true", "") + cond(s.draw != 0, fmt.Sprintf(" draw=%d", s.draw), "") + cond(s.lexical != 0 && s.lexical != 1, fmt.Sprintf(" lexical=%g", s.lexical), "") + cond(s.minSources > 1, fmt.Sprintf(" minsources=%d", s.minSources), "") + cond(s.benign != 0 && s.benign != 1, fmt.Sprintf(" benign=%g", s.benign), "")
}

// defaults is the setting chosen for the results check, the flags'
// defaults: design 16, design 15 with windows of 256 words and an
// injection the signals flag weighing a fifth of one they miss (lexical
// 0.2): the two settings that had gained on design 14, tried again on
// design 15 alone and together as written down before the runs. Over
// draws 0-7, injections flagged out of fold by either: design 15 3188.0
// on average, lexical 0.2 3191.1 (+3.1, standard error 0.5), windows of
// 256 words 3190.4 (+2.4, 1.0; one draw worse), both 3193.6 (+5.6, 0.8,
// every draw better, benign 115 against 116 on every draw); confirmed on
// draws 8-15, both +4.9 (0.4) (docs/benchmarks.md, "Design 16"). Design
// 15, design 14 with each source repository weighing
// alike within a class (weigh source), not each file: a source that
// wrote many files of injections (or of benign pages) no longer speaks
// for its class in proportion, and the model learns what sources share.
// Of twelve variations of design 14 fixed before the runs (-grid
// design15), over draws 0-7 of grouped cross-validation on every tuning
// file, injections flagged out of fold by either: design 14 3151.0 on
// average, source weighing 3188.0 (+37.0, standard error of the paired
// difference 1.2), every draw better, benign 116 or 117 of 3769 against
// 119; confirmed on draws 8-15, 3149.6 and 3188.5 (+38.9, 1.9), benign
// 116 against 119. λ 5e-4, minSources 4 and 5 and mixed weighing were
// not better on every draw; windows of 256 words (+8.3, 1.6) did not
// confirm on every draw; lexical 0.2 (+4.0, 0.4, confirmed +6.8, 1.6)
// gained less (docs/benchmarks.md, "Design 15"). Design 14, design 13 learning only the features the texts of
// at least three source repositories share (minSources). When sets of
// injections in languages few benign texts of the split are written in
// joined it (CyberSecEval's cases in Arabic, Hindi, Bengali, Vietnamese
// and Indonesian), design 13 learnt their script and words as evidence
// of injection: those languages' benign pages then scored highest out of
// fold and raised the threshold, and the model flagged fewer English
// injections. A word only one or two sources write is their style, not
// injection's. Over draws 0-15 of grouped cross-validation on every
// tuning file, injections flagged out of fold by either: design 13 3133
// to 3137, design 14 3139 to 3155, every draw better (mean +15.5,
// standard error of the paired difference 0.9; over the folds of draw 0,
// +1, +5, +2, +7, +6), benign 119 of 3769 each (docs/benchmarks.md,
// "Design 14"). Design 13, design 11's method learnt from every tuning file
// (59; no list of files) with windows of 192 words, not 128: a long
// benign page's one stretch of imperatives is read with the words around
// it. By the generator's grouped cross-validation on every tuning file,
// injections flagged out of fold by the signals or the model at the
// budget (rule), design 11 as shipped (-cvfiles naming its 50 files)
// 2594.0 on average over draws 0-7 and 2594.9 over 8-15, its method
// learnt from every file 2594.9 and 2594.1, with windows of 192 words
// 2603.9 (+9.9, standard error of the paired difference 2.1) and 2603.0
// (+8.1, 1.5), benign 23 of 2310 each; over budgets of 2 to 20 benign
// texts beyond the signals, +5.2 and +2.6 (-grid design13, -cat;
// docs/benchmarks.md, "Design 13"). Design 11, design 10 with each
// injection the lexical checks flag weighing a tenth of one they miss
// (within its file, which still weighs as every other), at λ 3e-4 and 20 passes, and the opening word
// of a text's edge sentences among the features of address (address.go).
// The model flags beside the checks: a text they flag is flagged whatever
// it scores, so the wording of what they catch (overrides, markers) is
// worth less to learn than that of what they miss (bare tasks, requests
// in records). Over draws 0-7 of grouped cross-validation on every tuning
// file (-grid lexical), injections flagged out of fold by either: design
// 10 2204, 2209, 2205, 2210, 2205, 2210, 2213, 2208 (mean 2208.0); the
// weighing 2217, 2215, 2212, 2212, 2218, 2211, 2217, 2220 (2215.25);
// design 11, with the opening word too, 2218, 2217, 2217, 2214, 2219,
// 2214, 2218, 2222 (2217.4), every draw better than either, benign 19 of
// 2266 all three (docs/benchmarks.md, "Design 11"). Design 10,
// design 9 with whether an edge sentence asks for an answer among the
// features of address. Design 9, design 8 at λ 5e-4 learnt from every tuning file
// under the budget of the model's own (rule): over draws 0-7 of grouped
// cross-validation on the grown split, 2076.6 injections out of fold on
// average against 2042.4 for design 8 learnt from its 41 files on the
// same folds, every draw better, the benign flags no more. Design 8,
// design 7 with the features of address of a text's
// first and last sentences (over eight draws of grouped cross-validation
// on design 7's tuning files, 1848 injections out of fold on average
// against design 7's 1822, every draw better, at the same benign budget).
// Design 7: every file of the corpus weighing alike within a class, words
// and word pairs without character n-grams, regularisation 1e-4.
// Design 12 was not taken: this method learnt from all 58 tuning files
// and nine variations of it (-grid design12: λ 2e-4 to 1e-3, 30 passes,
// a twentieth for what the signals flag, mixed weighing, -sqrt) flagged
// no more out of fold than design 11 as shipped, learnt from its 50 files
// (-cvfiles), by the rule fixed before the runs (a gain of more than two
// standard errors of the paired difference over draws 0-7, confirmed on
// 8-15); the best, λ 5e-4, gained 2.0 of 2911 over draws 0-15 (standard
// error 1.2). Design 11 stays, learnt from its files
// (docs/benchmarks.md, "Design 12").
var defaults = setting{bits: 18, window: 256, lambda: 3e-4, epochs: 20, weigh: "source", chars: false, context: 32, address: true, lexical: 0.2, minSources: 3}

// folds is the number of folds of cross-validation (-loso: one for each
// source repository).
var folds = 5

const (
	seed   = 1
	biasLR = 0.01 // the intercept learns slower than the sparse weights
)

// budget is the rule that sets a model's threshold: how many benign
// texts it may flag beyond those the lexical checks flag.
type budget struct {
	// rule: "total", the lexical checks and the model together flag at
	// most share of the benign texts (and the run stops where the checks
	// alone flag more); "extra", the model flags at most share of them
	// beyond those the checks flag, whatever the checks flag
	rule  string
	share float64
}

// rule is the budget every threshold is set by (-budget, -share): the
// model may flag 0.3% of the benign texts beyond those the lexical checks
// flag, about what design 8 added out of fold under the rule before it
// (7 of 2024), so that its own false positives stay budgeted however the
// lexical checks move. Until design 8 the rule was total at 1%, which the
// grown split cannot meet: there the checks alone flag 22 of 2266 benign
// texts, and more than 1% of some fold's training part.
var rule = budget{rule: "extra", share: 0.003}

func main() {
	check := flag.String("check", "results", "the check whose corpus is read: results or poisoning")
	corpus := flag.String("corpus", "testdata/eval", "the check's evaluation corpus")
	out := flag.String("out", "", "write the trained model here")
	cv := flag.Bool("cv", false, "cross-validate the setting of the flags and print the figures")
	grid := flag.String("grid", "", "cross-validate this grid of settings instead (shape, weigh, chars, window, sqrt, mixed, carrier, splice, pair, draw, match, address)")
	verbose := flag.Bool("v", false, "with -cv, print the benign texts that score highest and the figures per source")
	bits := flag.Uint("bits", defaults.bits, "log2 of the number of feature buckets")
	window := flag.Int("window", defaults.window, "words per window")
	lambda := flag.Float64("lambda", defaults.lambda, "L2 regularisation")
	rounds := flag.Int("rounds", defaults.rounds, "rounds choosing the window of a long injection")
	epochs := flag.Int("epochs", defaults.epochs, "passes over the examples")
	sqrt := flag.Bool("sqrt", defaults.sqrt, "a source weighs as the square root of its share")
	chars := flag.Bool("chars", defaults.chars, "character 3- to 5-grams as well")
	address := flag.Bool("address", defaults.address, "features of address of a text's first and last sentences as well")
	draw := flag.Uint64("draw", 0, "which random draw of the order of the examples (and with -splice of carriers and places)")
	match := flag.Bool("match", defaults.match, "a source's benign texts weigh at least as much as its injections")
	lexical := flag.Float64("lexical", defaults.lexical, "the weight of an injection the lexical checks flag, as a share of that of one they miss")
	weigh := flag.String("weigh", defaults.weigh, "what weighs alike within a class: text, source, file or mixed")
	spliceN := flag.Int("splice", 0, "copies of each injection placed in a benign text of another source")
	context := flag.Int("context", defaults.context, "with -splice, words of the benign text kept on each side of the injection")
	pair := flag.Bool("pair", false, "with -splice, the benign words around a spliced injection are a benign example too")
	draws := flag.Int("draws", drawsTo, "with -grid design13, design15 or design17, the number of draws of each setting")
	drawsFirst := flag.Uint64("drawsfrom", 0, "with -grid design13, design15 or design17, the first draw")
	byCat := flag.Bool("cat", false, "with -cv or -grid, print the injections flagged out of fold by category")
	top := flag.Int("top", 0, "print this many of the heaviest features of the trained model")
	files := flag.String("files", "", "learn only from the tuning files this list names, one per line (the files a shipped model was learnt from)")
	cvFiles := flag.String("cvfiles", "", "with -cv or -grid, each fold's model learns only from the tuning files this list names, while every tuning text is scored (a shipped model's files, on the folds of the grown split)")
	keys := flag.String("keys", "", "learn and score only the texts whose keys (file#index) this file lists, one a line: a model asked only about what the check found some evidence in")
	oof := flag.String("oof", "", "with -cv, write each tuning text's out-of-fold score here (JSON: the key file#index, the score), for a check that weighs the model beside its own score")
	budgetRule := flag.String("budget", rule.rule, "how the threshold is set: total (the lexical checks and the model together flag at most -share of the benign texts) or extra (the model at most -share of them beyond those the checks flag)")
	share := flag.Float64("share", rule.share, "the share of the benign texts -budget allows")
	minSources := flag.Int("minsources", defaults.minSources, "learn only the features that occur in the texts of at least this many source repositories")
	benignW := flag.Float64("benignweight", defaults.benign, "the weight of the benign class as a multiple of that of the injections")
	flag.BoolVar(&loso, "loso", false, "with -cv or -grid, leave one source out: a fold for each source repository")
	flag.Parse()
	if *files != "" {
		learnFrom = readFileList(*files)
	}
	oofOut = *oof
	byCategory = *byCat
	drawsTo = *draws
	drawsFrom = *drawsFirst
	keysFile := *keys
	if *cvFiles != "" {
		if !*cv && *grid == "" {
			log.Fatal("-cvfiles is for -cv or -grid: to learn from listed files only, use -files")
		}
		cvLearn = readFileList(*cvFiles)
	}
	rule = budget{rule: *budgetRule, share: *share}
	if rule.rule != "total" && rule.rule != "extra" || rule.share < 0 || rule.share >= 1 {
		log.Fatalf("-budget %q -share %g: want total or extra and a share in [0, 1)", rule.rule, rule.share)
	}
	log.SetFlags(0)

	s := setting{bits: *bits, window: *window, lambda: *lambda, rounds: *rounds, epochs: *epochs, weigh: *weigh, chars: *chars, sqrt: *sqrt,
		splice: *spliceN, context: *context, pair: *pair, match: *match, draw: *draw, address: *address, lexical: *lexical,
		minSources: *minSources, benign: *benignW}
	if !slices.Contains([]string{"text", "source", "file", "mixed"}, s.weigh) {
		log.Fatalf("-weigh %q: want text, source, file or mixed", s.weigh)
	}
	var docs []*doc
	switch *check {
	case "results":
		docs = loadResults(*corpus)
	case "poisoning":
		docs = loadPoisoning(*corpus)
	default:
		log.Fatalf("no check %q", *check)
	}
	if keysFile != "" {
		b, err := os.ReadFile(keysFile)
		if err != nil {
			log.Fatal(err)
		}
		want := map[string]bool{}
		for line := range strings.Lines(string(b)) {
			want[strings.TrimSpace(line)] = true
		}
		docs = filter(docs, func(d *doc) bool { return want[d.key] })
	}
	for _, d := range docs {
		d.canon = poisoning.CanonicalWords(nil, d.text)
	}
	switch {
	case *grid != "":
		g := grids[*grid]
		if g == nil {
			log.Fatalf("no grid %q", *grid)
		}
		for _, s := range g() {
			crossValidate(docs, s, *verbose)
		}
		return
	case *cv:
		crossValidate(docs, s, *verbose)
		return
	}
	m := build(docs, s)
	if *top > 0 {
		printTop(docs, m, *top)
	}
	if *out != "" {
		if err := os.WriteFile(*out, m.Encode(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// build trains s on every text of docs, with the threshold
// cross-validation gives it (or the higher one the final model needs on
// its own training texts).
func build(docs []*doc, s setting) *textmodel.Model {
	threshold := crossValidateTo(docs, s, false, false)
	m := train(docs, s)
	// the model trained on every source may score the tuning texts
	// higher than the folds' models did: it must keep to the budget on
	// them too
	var in []float64
	for _, d := range docs {
		in = append(in, m.Score(d.canon))
	}
	own := thresholdFor(docs, in)
	fmt.Printf("threshold: %.3f out of fold, %.3f on its own training texts\n", threshold, own)
	m.Threshold = float32(max(threshold, own))
	return m
}

// grids are the settings -cv compares, in the order they were tried:
// each grid kept the best of the one before.
var grids = map[string]func() []setting{
	// the size of the feature space and of a window, regularisation
	"shape": func() (g []setting) {
		for _, bits := range []uint{16, 18} {
			for _, w := range []int{64, 128} {
				for _, l := range []float64{1e-4, 1e-5, 1e-6} {
					g = append(g, setting{bits: bits, window: w, lambda: l, rounds: 2, epochs: 10, weigh: "text"})
				}
			}
		}
		return g
	},
	// what weighs alike, and whether the window of a long injection is
	// chosen
	"weigh": func() (g []setting) {
		for _, w := range []string{"text", "source", "file"} {
			for _, l := range []float64{3e-4, 1e-4, 3e-5} {
				for _, r := range []int{0, 2} {
					g = append(g, setting{bits: 18, window: 128, lambda: l, rounds: r, epochs: 10, weigh: w})
				}
			}
		}
		return g
	},
	// character n-grams
	"chars": func() (g []setting) {
		for _, l := range []float64{1e-4, 3e-5, 1e-5} {
			for _, w := range []int{64, 128} {
				g = append(g, setting{bits: 18, window: w, lambda: l, rounds: 0, epochs: 10, weigh: "source", chars: true})
			}
		}
		return g
	},
	// longer windows, more passes
	"window": func() (g []setting) {
		for _, l := range []float64{3e-5, 1e-5} {
			for _, w := range []int{128, 256} {
				for _, e := range []int{10, 20} {
					g = append(g, setting{bits: 18, window: w, lambda: l, rounds: 0, epochs: e, weigh: "source"})
				}
			}
		}
		return g
	},
	// sources weighed as the square root of their share
	"sqrt": func() (g []setting) {
		for _, w := range []string{"source", "file"} {
			for _, l := range []float64{1e-4, 3e-5, 1e-5} {
				g = append(g, setting{bits: 18, window: 128, lambda: l, rounds: 0, epochs: 10, weigh: w, sqrt: true})
			}
		}
		return g
	},
	// after the first held-out run: benign texts weighed by file,
	// and every fold held to the threshold its training texts need
	"mixed": func() (g []setting) {
		for _, w := range []string{"source", "mixed", "file"} {
			for _, l := range []float64{1e-4, 3e-5, 1e-5} {
				g = append(g, setting{bits: 18, window: 128, lambda: l, rounds: 0, epochs: 10, weigh: w})
			}
		}
		return g
	},
	// after the second: shorter windows, the window of a long injection
	// chosen, so that the text an attack was put in is not learnt
	"carrier": func() (g []setting) {
		for _, w := range []int{32, 64} {
			for _, r := range []int{0, 2} {
				for _, l := range []float64{3e-5, 1e-5} {
					g = append(g, setting{bits: 18, window: w, lambda: l, rounds: r, epochs: 10, weigh: "source"})
				}
			}
		}
		return g
	},
	// after design 5: each injection also placed in benign texts of
	// other sources (splice copies, context words of the text each
	// side), the benign words around it a benign example of the same
	// weight or not (pair), with and without choosing the window of a
	// long injection; design 5's setting first
	"splice": func() (g []setting) {
		base := setting{bits: 18, window: 128, lambda: 1e-5, rounds: 0, epochs: 10, weigh: "source", chars: true, context: 32}
		g = append(g, base)
		for _, n := range []int{1, 2, 4} {
			for _, pair := range []bool{false, true} {
				for _, r := range []int{0, 2} {
					s := base
					s.splice, s.pair, s.rounds = n, pair, r
					g = append(g, s)
				}
			}
		}
		return g
	},
	// the paired splice around the best of the grid above: the words of
	// the carrier kept, regularisation, sources as the square root of
	// their share
	"pair": func() (g []setting) {
		base := setting{bits: 18, window: 128, epochs: 10, weigh: "source", chars: true, pair: true}
		for _, n := range []int{1, 4} {
			for _, r := range []int{0, 2} {
				for _, c := range []int{16, 64} {
					for _, l := range []float64{1e-5, 3e-5} {
						s := base
						s.splice, s.rounds, s.context, s.lambda = n, r, c, l
						g = append(g, s)
					}
				}
				s := base
				s.splice, s.rounds, s.context, s.lambda, s.sqrt = n, r, 32, 1e-5, true
				g = append(g, s)
			}
		}
		return g
	},
	// design 5's setting, match, λ 3e-5 and the best paired splice, each
	// on ten draws of the order of the examples (and of the splice's
	// carriers and places): how much of a difference is the draw's
	"draw": func() (g []setting) {
		base := setting{bits: 18, window: 128, epochs: 10, weigh: "source", chars: true, context: 32}
		for d := range uint64(10) {
			for _, s := range []setting{
				{lambda: 1e-5},
				{lambda: 1e-5, match: true},
				{lambda: 3e-5},
				{lambda: 3e-5, splice: 1, context: 16, pair: true},
			} {
				x := base
				x.lambda, x.match, x.splice, x.pair, x.draw = s.lambda, s.match, s.splice, s.pair, d
				if s.context != 0 {
					x.context = s.context
				}
				g = append(g, x)
			}
		}
		return g
	},
	// design 9: design 8 at λ 5e-5 to 1e-3 on the split grown since
	// design 8's files, under the budget of the model's own (rule),
	// draws 0-2; design 8 itself is these runs at λ 1e-4 with -cvfiles
	// naming its 41 files (textmodel.files at design 8)
	"grown": func() (g []setting) {
		for _, l := range []float64{5e-5, 1e-4, 2e-4, 3e-4, 5e-4, 1e-3} {
			for d := range uint64(3) {
				s := defaults
				s.lambda, s.draw = l, d
				g = append(g, s)
			}
		}
		return g
	},
	// design 8: design 7 with and without the features of address, on
	// draws 0-7 (as chosen: -budget total -share 0.01 -files
	// interceptors/results/textmodel.files at design 8)
	"address": func() (g []setting) {
		for d := range uint64(8) {
			for _, a := range []bool{false, true} {
				s := defaults
				s.lambda, s.address, s.draw = 1e-4, a, d
				g = append(g, s)
			}
		}
		return g
	},
	// design 11: the injections the lexical checks flag weighed less
	// than those they miss, with regularisation and passes, on draws
	// 0-7 (8-15 to check the choice: -grid lexical-check); design 10's
	// method is the first, at lexical 1 (λ 5e-4, 10 passes). (Measured
	// before the opening word of the edge sentences joined the features
	// of address: the figures in docs/benchmarks.md.) The figures of each,
	// and of the features and training choices tried beside (the start
	// of every sentence, benign texts spliced into benign texts, the
	// weights averaged over the last passes), are in docs/benchmarks.md
	"lexical": func() (g []setting) {
		for _, c := range []struct {
			lexical, lambda float64
			epochs          int
		}{
			{1, 5e-4, 10}, {0.5, 5e-4, 10}, {0.25, 5e-4, 10}, {0.1, 5e-4, 10},
			{0.25, 3e-4, 10}, {0.5, 3e-4, 10}, {0.1, 3e-4, 10}, {0.05, 3e-4, 10},
			{0.1, 2e-4, 10}, {0.1, 4e-4, 10}, {0.1, 3e-4, 20},
		} {
			for d := range uint64(8) {
				s := defaults
				s.lexical, s.lambda, s.epochs, s.draw = c.lexical, c.lambda, c.epochs, d
				g = append(g, s)
			}
		}
		return g
	},
	// design 12: design 11's method learnt from every tuning file, and
	// beside it regularisation, passes, the weight of what the signals
	// flag and what weighs alike, on draws 0-7 (8-15 to check a choice);
	// design 11 as shipped is -cv -cvfiles naming its 50 files
	// (textmodel.files) on the same draws. The figures are in
	// docs/benchmarks.md ("Design 12")
	"design12": func() (g []setting) {
		for _, c := range []struct {
			lambda, lexical float64
			epochs          int
			weigh           string
			sqrt            bool
		}{
			{3e-4, 0.1, 20, "file", false}, {5e-4, 0.1, 20, "file", false}, {2e-4, 0.1, 20, "file", false},
			{7e-4, 0.1, 20, "file", false}, {1e-3, 0.1, 20, "file", false}, {5e-4, 0.1, 30, "file", false},
			{3e-4, 0.1, 30, "file", false}, {3e-4, 0.05, 20, "file", false}, {3e-4, 0.1, 20, "mixed", false},
			{3e-4, 0.1, 20, "file", true},
		} {
			for d := range uint64(16) {
				s := defaults
				s.lambda, s.lexical, s.epochs, s.weigh, s.sqrt, s.draw = c.lambda, c.lexical, c.epochs, c.weigh, c.sqrt, d
				g = append(g, s)
			}
		}
		return g
	},
	// design 13: design 11's method (windows of 128 words) learnt from
	// every tuning file (59), and beside it what might carry across sources' ways of writing:
	// features only several sources share (minSources), the benign class
	// weighing more, character n-grams, the shape, the weighing, the
	// splice; draws 0-7 (8-15 to check a choice). The figures are in
	// docs/benchmarks.md ("Design 13")
	"design13": func() (g []setting) {
		for _, c := range []func(*setting){
			func(*setting) {},
			func(s *setting) { s.minSources = 2 },
			func(s *setting) { s.minSources = 3 },
			func(s *setting) { s.benign = 2 },
			func(s *setting) { s.benign = 4 },
			func(s *setting) { s.chars = true },
			func(s *setting) { s.lambda = 5e-4 },
			func(s *setting) { s.lambda = 1e-3 },
			func(s *setting) { s.window = 64 },
			func(s *setting) { s.window = 256 },
			func(s *setting) { s.bits = 16 },
			func(s *setting) { s.weigh = "source" },
			func(s *setting) { s.weigh = "mixed" },
			func(s *setting) { s.sqrt = true },
			func(s *setting) { s.rounds = 2 },
			func(s *setting) { s.lexical = 0.2 },
			func(s *setting) { s.splice, s.context, s.pair = 1, 16, true },
			func(s *setting) { s.address = false },
			func(s *setting) { s.window = 160 },
			func(s *setting) { s.window = 192 },
			func(s *setting) { s.window = 224 },
			func(s *setting) { s.window = 384 },
			func(s *setting) { s.window, s.sqrt = 256, true },
			func(s *setting) { s.window, s.lexical = 192, 0.2 },
			func(s *setting) { s.window, s.lambda = 192, 2e-4 },
			func(s *setting) { s.window, s.lambda = 192, 5e-4 },
			func(s *setting) { s.window, s.epochs = 192, 30 },
			func(s *setting) { s.window, s.minSources = 192, 2 },
		} {
			for d := range uint64(drawsTo) {
				s := defaults
				s.window = 128 // design 11's
				c(&s)
				s.draw = d + drawsFrom
				g = append(g, s)
			}
		}
		return g
	},
	// design 15: design 14 and each of twelve variations of it, fixed
	// before the runs with the rule: a candidate is taken if, over draws
	// 0-7, it flags more injections out of fold by either than design 14
	// by more than two standard errors of the paired difference, every
	// draw better and benign no more on any draw, confirmed on draws 8-15
	// (-drawsfrom 8); of several, the largest mean gain confirmed. The
	// figures are in docs/benchmarks.md ("Design 15")
	"design15": func() (g []setting) {
		for _, c := range []func(*setting){
			func(*setting) {},
			func(s *setting) { s.chars = true },
			func(s *setting) { s.minSources = 4 },
			func(s *setting) { s.minSources = 5 },
			func(s *setting) { s.lambda = 2e-4 },
			func(s *setting) { s.lambda = 5e-4 },
			func(s *setting) { s.window = 128 },
			func(s *setting) { s.window = 256 },
			func(s *setting) { s.benign = 2 },
			func(s *setting) { s.weigh = "source" },
			func(s *setting) { s.weigh = "mixed" },
			func(s *setting) { s.sqrt = true },
			func(s *setting) { s.lexical = 0.2 },
		} {
			for d := range uint64(drawsTo) {
				s := defaults
				s.weigh, s.window, s.lexical = "file", 192, 0.1 // design 14's
				c(&s)
				s.draw = d + drawsFrom
				g = append(g, s)
			}
		}
		return g
	},
	// design 17: design 16 and each of twelve variations of it not tried
	// on it, fixed before the runs with design 15's rule (a gain in
	// injections flagged out of fold by either of more than two standard
	// errors of the paired difference over draws 0-7, every draw better
	// and benign no more on any draw, confirmed on draws 8-15; of several,
	// the largest mean gain confirmed). The base is pinned to design 16's
	// window, weighing and weight of what the signals flag, so the grid
	// stays what it was when a later design moves the defaults. The
	// figures are in docs/benchmarks.md ("Design 17")
	"design17": func() (g []setting) {
		for _, c := range []func(*setting){
			func(*setting) {},
			func(s *setting) { s.lambda = 2e-4 },
			func(s *setting) { s.lambda = 5e-4 },
			func(s *setting) { s.epochs = 30 },
			func(s *setting) { s.rounds = 2 },
			func(s *setting) { s.bits = 20 },
			func(s *setting) { s.minSources = 2 },
			func(s *setting) { s.minSources = 4 },
			func(s *setting) { s.benign = 2 },
			func(s *setting) { s.window = 320 },
			func(s *setting) { s.window = 384 },
			func(s *setting) { s.lexical = 0.3 },
			func(s *setting) { s.splice, s.context, s.pair = 1, 16, true },
		} {
			for d := range uint64(drawsTo) {
				s := setting{bits: 18, window: 256, lambda: 3e-4, epochs: 20, weigh: "source", context: 32, address: true, lexical: 0.2, minSources: 3} // design 16's
				c(&s)
				s.draw = d + drawsFrom
				g = append(g, s)
			}
		}
		return g
	},
	"lexical-check": func() (g []setting) {
		for _, c := range []struct {
			lexical, lambda float64
			epochs          int
		}{{1, 5e-4, 10}, {0.1, 3e-4, 10}, {0.1, 3e-4, 20}, {0.25, 3e-4, 10}, {0.1, 4e-4, 10}} {
			for d := uint64(8); d < 16; d++ {
				s := defaults
				s.lexical, s.lambda, s.epochs, s.draw = c.lexical, c.lambda, c.epochs, d
				g = append(g, s)
			}
		}
		return g
	},
	// a source's benign texts (the carriers of its attacks) weighed at
	// least as much as its injections, with and without the splice
	"match": func() (g []setting) {
		base := setting{bits: 18, window: 128, epochs: 10, weigh: "source", chars: true, context: 32, match: true}
		for _, l := range []float64{1e-5, 3e-5} {
			s := base
			s.lambda = l
			g = append(g, s)
		}
		for _, d := range []uint64{0, 1, 2} {
			s := base
			s.lambda, s.splice, s.context, s.pair, s.draw = 3e-5, 1, 16, true, d
			g = append(g, s)
		}
		return g
	},
}

// loadResults reads the tuning files of the results corpus in dir and the
// lexical verdict on each text.
func loadResults(dir string) []*doc {
	off := false // the lexical checks alone
	lex, err := results.New(&results.Policy{Model: &off})
	if err != nil {
		log.Fatal(err)
	}
	var docs []*doc
	for f, b := range tuningFiles(dir) {
		var file struct {
			Entries []struct {
				Text     string `json:"text"`
				Label    string `json:"label"`
				Category string `json:"category"`
				Source   struct {
					Repo string `json:"repo"`
				} `json:"source"`
			} `json:"entries"`
		}
		if err := json.Unmarshal(b, &file); err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		for i, e := range file.Entries {
			if e.Source.Repo == "" {
				log.Fatalf("%s: an entry without a source repository", f)
			}
			docs = append(docs, &doc{text: e.Text, inj: e.Label == "injection", category: e.Category,
				group: e.Source.Repo, file: filepath.Base(f), key: fmt.Sprintf("%s#%d", filepath.Base(f), i), lexical: flagged(lex, e.Text)})
		}
	}
	return docs
}

// cvLearn, when set (-cvfiles), names the only files each fold's model
// learns from in cross-validation; every text is still scored.
var cvLearn map[string]bool

// learnFrom, when set (-files), names the only tuning files read: a model
// is learnt from the split as it was when its design was chosen, and
// files that joined the split later are measured by the evaluation but
// learnt from only by the next design.
var learnFrom map[string]bool

// readFileList reads a list of corpus file names, one per line; blank
// lines and lines starting with # are skipped.
func readFileList(path string) map[string]bool {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	names := map[string]bool{}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsAny(line, "/\\") || !strings.HasSuffix(line, ".json") {
			log.Fatalf("%s: %q is not a corpus file name", path, line)
		}
		names[line] = true
	}
	if len(names) == 0 {
		log.Fatalf("%s names no file", path)
	}
	return names
}

// tuningFiles yields the name and the bytes of each file of the corpus in
// dir whose split is tuning (and, with learnFrom set, that it names), in
// the order of their names; held-out files are read only as far as their
// split. A named file that is missing or not in the tuning split stops
// the run: the model would not be the one the list describes.
func tuningFiles(dir string) iter.Seq2[string, []byte] {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no corpus in %s", dir)
	}
	return func(yield func(string, []byte) bool) {
		seen := map[string]bool{}
		var later []string
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				log.Fatal(err)
			}
			var split struct {
				Split string `json:"split"`
			}
			if err := json.Unmarshal(b, &split); err != nil {
				log.Fatalf("%s: %v", f, err)
			}
			name := filepath.Base(f)
			if learnFrom != nil && learnFrom[name] {
				if split.Split != "tuning" {
					log.Fatalf("%s is listed to learn from, but its split is %q", name, split.Split)
				}
				seen[name] = true
			}
			if split.Split != "tuning" {
				continue
			}
			if learnFrom != nil && !learnFrom[name] {
				later = append(later, name)
				continue
			}
			if !yield(f, b) {
				return
			}
		}
		for name := range learnFrom {
			if !seen[name] {
				log.Fatalf("%s is listed to learn from, but is not in %s", name, dir)
			}
		}
		if len(later) > 0 {
			fmt.Fprintf(os.Stderr, "not learnt from (not in the list): %s\n", strings.Join(later, ", "))
		}
	}
}

// flagged runs the lexical checks on text as a tool's result.
func flagged(c *results.Checker, text string) bool {
	res, err := json.Marshal(map[string]any{"content": []map[string]string{{"type": "text", "text": text}}})
	if err != nil {
		log.Fatal(err)
	}
	x := &interceptors.Exchange{Server: "s", Direction: interceptors.ToClient, Method: "tools/call", Tool: "fetch",
		Message: &jsonrpc.Message{ID: []byte("1"), Result: res}}
	if err := c.Intercept(context.Background(), x); err != nil {
		log.Fatal(err)
	}
	return len(x.Findings) > 0
}

// loso is whether cross-validation leaves one source out (-loso).
var loso bool

// foldsOf assigns each source to a fold, largest first, each to the fold
// with the fewest texts so far (with -loso, each to a fold of its own,
// and sets folds to their number).
func foldsOf(docs []*doc) map[string]int {
	size := map[string]int{}
	for _, d := range docs {
		size[d.group]++
	}
	groups := make([]string, 0, len(size))
	for g := range size {
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b string) int {
		return cmp.Or(cmp.Compare(size[b], size[a]), cmp.Compare(a, b))
	})
	fold := map[string]int{}
	if loso {
		for i, g := range groups {
			fold[g] = i
		}
		folds = len(groups)
		return fold
	}
	load := make([]int, folds)
	for _, g := range groups {
		k := 0
		for i := range load {
			if load[i] < load[k] {
				k = i
			}
		}
		fold[g] = k
		load[k] += size[g]
	}
	return fold
}

// crossValidate trains s on each set of 4 folds, scores the fifth, prints
// the figures (with verbose, per source too) and returns the threshold at
// which the lexical checks or the model flag at most maxFP of the benign
// texts out of fold.
func crossValidate(docs []*doc, s setting, verbose bool) float64 {
	return crossValidateTo(docs, s, true, verbose)
}

// crossValidateTo is crossValidate, printing the figures if print.
func crossValidateTo(docs []*doc, s setting, print, verbose bool) float64 {
	fold := foldsOf(docs)
	score := make([]float64, len(docs))
	own := make([]float64, folds) // the threshold each fold's model needs on its own training texts
	for k := range folds {
		var tr []*doc
		var trScore []float64
		m := train(filter(docs, func(d *doc) bool { return fold[d.group] != k && (cvLearn == nil || cvLearn[d.file]) }), s)
		for i, d := range docs {
			if fold[d.group] == k {
				score[i] = m.Score(d.canon)
			} else if cvLearn == nil || cvLearn[d.file] {
				tr = append(tr, d)
				trScore = append(trScore, m.Score(d.canon))
			}
		}
		own[k] = thresholdFor(tr, trScore)
	}
	threshold := thresholdFor(docs, score)
	if print && oofOut != "" {
		writeOOF(docs, score, fold)
	}
	// each fold is judged as the final model is: at the higher of the
	// out-of-fold threshold and the one its own training texts need
	flag := make([]bool, len(docs))
	for i, d := range docs {
		flag[i] = score[i] >= max(threshold, own[fold[d.group]])
	}
	if !print {
		return threshold
	}
	type tally struct{ n, model, lex, both int }
	hasInj := map[string]int{}
	for _, d := range docs {
		if d.inj {
			hasInj[d.group]++
		}
	}
	per := map[string]*tally{}
	cat := map[string]*tally{}
	var inj, ben tally
	for i, d := range docs {
		t := &ben
		if d.inj {
			t = &inj
		}
		key := d.group
		if per[key] == nil {
			per[key] = &tally{}
		}
		if d.inj && cat[d.category] == nil {
			cat[d.category] = &tally{}
		}
		for _, t := range []*tally{t, per[key], cat[d.category]} {
			if t == nil {
				continue
			}
			t.n++
			if flag[i] {
				t.model++
			}
			if d.lexical {
				t.lex++
			}
			if d.lexical || flag[i] {
				t.both++
			}
		}
	}
	pct := func(a, n int) string { return fmt.Sprintf("%d/%d (%.1f%%)", a, n, 100*float64(a)/float64(n)) }
	fmt.Printf("%v budget=%s:%g threshold %.3f (the folds' own: %.3f)\n", s, rule.rule, rule.share, threshold, own)
	fmt.Printf("  injections: lexical %s, model %s, either %s\n", pct(inj.lex, inj.n), pct(inj.model, inj.n), pct(inj.both, inj.n))
	fmt.Printf("  benign:     lexical %s, model %s, either %s\n", pct(ben.lex, ben.n), pct(ben.model, ben.n), pct(ben.both, ben.n))
	if byCategory {
		cats := make([]string, 0, len(cat))
		for c := range cat {
			cats = append(cats, c)
		}
		sort.Strings(cats)
		var b strings.Builder
		for _, c := range cats {
			t := cat[c]
			fmt.Fprintf(&b, " %s %d/%d/%d", c, t.lex, t.both, t.n)
		}
		fmt.Printf("  by category (lexical/either/n):%s\n", b.String())
		floor := make([]float64, len(docs))
		for i, d := range docs {
			floor[i] = own[fold[d.group]]
		}
		fmt.Printf("  at budgets (extra benign: injections flagged by either):%s\n", curve(docs, score, floor))
	}
	if verbose {
		// the benign texts that score highest out of fold, and the
		// detection at other false-positive budgets
		idx := make([]int, 0, len(docs))
		for i := range docs {
			idx = append(idx, i)
		}
		slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(score[b], score[a]) })
		shown := 0
		for _, i := range idx {
			if d := docs[i]; !d.inj && shown < 15 {
				shown++
				fmt.Printf("    benign %.2f %s %s %.100q\n", score[i], d.group, d.category, d.text)
			}
		}
	}
	if verbose {
		keys := make([]string, 0, len(per))
		for k := range per {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t := per[k]
			if hasInj[k] == 0 {
				continue
			}
			fmt.Printf("    fold %d %-55s n=%4d lexical %4d model %4d either %4d\n", fold[k], k, t.n, t.lex, t.model, t.both)
		}
	}
	return threshold
}

// drawsTo is the number of draws a grid runs each setting on (-draws;
// design 13's grid).
var drawsTo = 8

// drawsFrom is the first draw of design 13's grid (-drawsfrom).
var drawsFrom uint64

// curve is the detection out of fold at other budgets than the rule's:
// for k benign texts the model flags beyond the lexical checks, the
// injections the checks or the model flag with the threshold just above
// the (k+1)th highest score of the benign texts the checks pass (or at
// the higher floor its fold's own training texts need), and their mean
// over k 2 to 20. At one budget the threshold falls between two benign
// texts' scores, and a setting that moves one of them past the other
// moves it far: over many budgets, what is compared is how the model
// ranks the texts in the tail where its threshold lies.
func curve(docs []*doc, score, floor []float64) string {
	var free []float64
	for i, d := range docs {
		if !d.inj && !d.lexical {
			free = append(free, score[i])
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(free)))
	var b strings.Builder
	var sum, n float64
	for k := 2; k <= 20 && k < len(free); k += 2 {
		t := free[k]
		det := 0
		for i, d := range docs {
			if d.inj && (d.lexical || score[i] > t && score[i] >= floor[i]) {
				det++
			}
		}
		sum += float64(det)
		n++
		fmt.Fprintf(&b, " %d:%d", k, det)
	}
	fmt.Fprintf(&b, " mean %.1f", sum/n)
	return b.String()
}

// byCategory is whether -cv prints the figures by category (-cat).
var byCategory bool

// oofOut is where -cv writes the out-of-fold scores (-oof).
var oofOut string

// writeOOF writes each doc's out-of-fold score by its key, with the fold
// it was scored in, so that a harness weighing the score folds as the
// generator did.
func writeOOF(docs []*doc, score []float64, fold map[string]int) {
	type oof struct {
		Score   float64 `json:"score"`
		Group   string  `json:"group"`
		Fold    int     `json:"fold"`
		Inj     bool    `json:"injection,omitempty"`
		Lexical bool    `json:"lexical,omitempty"`
	}
	out := make(map[string]oof, len(docs))
	for i, d := range docs {
		if d.key == "" {
			log.Fatalf("-oof: a text of %s without a key", d.file)
		}
		out[d.key] = oof{score[i], d.group, fold[d.group], d.inj, d.lexical}
	}
	b, err := json.Marshal(out)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(oofOut, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// filter returns the docs keep keeps.
func filter(docs []*doc, keep func(*doc) bool) []*doc {
	var out []*doc
	for _, d := range docs {
		if keep(d) {
			out = append(out, d)
		}
	}
	return out
}

// thresholdFor returns the lowest score at which the model keeps to the
// budget (rule) on the benign docs, given its score of each: above the
// benign texts the lexical checks pass, but for as many as the budget
// leaves.
func thresholdFor(docs []*doc, score []float64) float64 {
	var nBenign, lexFP int
	var free []float64
	for i, d := range docs {
		if d.inj {
			continue
		}
		nBenign++
		if d.lexical {
			lexFP++
		} else {
			free = append(free, score[i])
		}
	}
	budget := int(rule.share * float64(nBenign))
	if rule.rule == "total" {
		budget -= lexFP
	}
	if budget < 0 {
		log.Fatalf("the lexical checks alone flag %d of %d benign texts", lexFP, nBenign)
	}
	return textmodel.BudgetThreshold(free, budget)
}

// example is one window of a text.
type example struct {
	feats  []uint32
	norm   float64
	y      float64 // +1 injection, -1 benign
	weight float64
}

// train fits logistic regression to the windows of docs. Every window of
// a benign text is a negative example. An injection longer than a window
// is a few sentences somewhere in it: the first pass takes all its
// windows at a share of its weight, each later round only the window the
// model so far scores highest (multiple-instance learning).
func train(docs []*doc, s setting) *textmodel.Model {
	if s.splice > 0 {
		docs = append(slices.Clip(docs), splice(docs, s)...)
	}
	for _, d := range docs {
		for _, d := range []*doc{d, d.pair} {
			if k := (featureKind{s.bits, s.chars, s.address}); d != nil && d.featOf != k {
				textmodel.FeaturesOf(&d.feats, d.canon, &textmodel.Model{Bits: s.bits, Chars: s.chars, Address: s.address})
				d.featOf = k
			}
		}
	}
	learnt := learnable(docs, s)
	var m *textmodel.Model
	for round := 0; round <= s.rounds; round++ {
		var exs []example
		var origin []string // the source of each example
		var neg, pos float64
		type paired struct {
			d        *doc
			from, to int // its examples
		}
		var pairs []paired
		for _, d := range docs {
			if d.pair != nil {
				pairs = append(pairs, paired{d: d, from: len(exs)})
			}
			var ws [][2]int
			textmodel.Windows(d.feats.Words(), s.window, func(a, b int) { ws = append(ws, [2]int{a, b}) })
			if d.inj && len(ws) > 1 && m != nil {
				best, bestScore := ws[0], math.Inf(-1)
				for _, w := range ws {
					if v := windowScore(m, d.feats.Span(w[0], w[1])); v > bestScore {
						best, bestScore = w, v
					}
				}
				ws = [][2]int{best}
			}
			for _, w := range ws {
				fs := d.feats.Span(w[0], w[1])
				e := example{feats: learnt(fs), norm: textmodel.Norm(len(fs)), y: -1, weight: 1}
				if d.inj {
					e.y, e.weight = 1, 1/float64(len(ws))
					if d.lexical && s.lexical != 0 {
						e.weight *= s.lexical
					}
					pos += e.weight
				} else {
					neg += e.weight
				}
				exs = append(exs, e)
				origin = append(origin, d.group)
				if s.weigh == "file" || s.weigh == "mixed" && !d.inj {
					origin[len(origin)-1] = d.file
				}
			}
			if d.pair != nil {
				pairs[len(pairs)-1].to = len(exs)
			}
		}
		// the classes weigh alike
		for i := range exs {
			if exs[i].y > 0 {
				exs[i].weight *= neg / pos
			}
		}
		if s.weigh != "text" {
			// each source (or file) weighs alike within its class, or as
			// the square root of its share
			type key struct {
				origin string
				pos    bool
			}
			share := map[key]float64{}
			for i, e := range exs {
				share[key{origin[i], e.y > 0}] += e.weight
			}
			target := map[key]float64{}
			var shares, targets [2]float64
			for k, v := range share {
				t := 1.0
				if s.sqrt {
					t = math.Sqrt(v)
				}
				target[k] = t
				c := 0
				if k.pos {
					c = 1
				}
				shares[c] += v
				targets[c] += t
			}
			for i := range exs {
				e := &exs[i]
				k, c := key{origin[i], e.y > 0}, 0
				if k.pos {
					c = 1
				}
				e.weight *= target[k] / share[k] * shares[c] / targets[c]
			}
		}
		if s.match {
			var pos, neg = map[string]float64{}, map[string]float64{}
			for i, e := range exs {
				if e.y > 0 {
					pos[origin[i]] += e.weight
				} else {
					neg[origin[i]] += e.weight
				}
			}
			for i := range exs {
				if o := origin[i]; exs[i].y < 0 && neg[o] > 0 && pos[o] > neg[o] {
					exs[i].weight *= pos[o] / neg[o]
				}
			}
		}
		if s.benign != 0 && s.benign != 1 {
			for i := range exs {
				if exs[i].y < 0 {
					exs[i].weight *= s.benign
				}
			}
		}
		// the benign words around a spliced injection, without it, weigh
		// as much as the injection in them
		for _, p := range pairs {
			var w float64
			for _, e := range exs[p.from:p.to] {
				w += e.weight
			}
			var ws [][2]int
			textmodel.Windows(p.d.pair.feats.Words(), s.window, func(a, b int) { ws = append(ws, [2]int{a, b}) })
			for _, x := range ws {
				fs := p.d.pair.feats.Span(x[0], x[1])
				exs = append(exs, example{feats: learnt(fs), norm: textmodel.Norm(len(fs)), y: -1, weight: w / float64(len(ws))})
			}
		}

		m = sgd(exs, s)
	}
	return m
}

// learnable returns the filter train puts the features of a window
// through: with s.minSources, it drops those that occur in the texts of
// fewer source repositories of docs than that (their weight stays 0; a
// window's norm is still that of all its features, as Score reads it).
func learnable(docs []*doc, s setting) func([]uint32) []uint32 {
	if s.minSources <= 1 {
		return func(fs []uint32) []uint32 { return fs }
	}
	byGroup := map[string][]*doc{}
	var groups []string
	for _, d := range docs {
		if byGroup[d.group] == nil {
			groups = append(groups, d.group)
		}
		byGroup[d.group] = append(byGroup[d.group], d)
	}
	n := make([]int32, 1<<s.bits)
	last := make([]int32, 1<<s.bits)
	for gi, g := range groups {
		for _, d := range byGroup[g] {
			for _, d := range []*doc{d, d.pair} {
				if d == nil {
					continue
				}
				for _, f := range d.feats.Feats {
					if last[f] != int32(gi+1) {
						last[f] = int32(gi + 1)
						n[f]++
					}
				}
			}
		}
	}
	return func(fs []uint32) []uint32 {
		out := make([]uint32, 0, len(fs))
		for _, f := range fs {
			if n[f] >= int32(s.minSources) {
				out = append(out, f)
			}
		}
		return out
	}
}

// splice returns, for each injection of docs, s.splice copies of it placed
// in benign texts of other sources, each at a line break of its text
// chosen at random (a space when the text has no line break; its start
// and its end count too), with s.context words of the text kept on each
// side: the injection as a tool returns it inside other content. A copy
// is grouped and weighed with its injection's source, so that it falls in
// its injection's fold; the benign text stays a benign text of its own
// source. With s.pair, the words kept, without the injection, are a benign
// example as heavy as the copy (train), so that what the copy has more
// than its carrier, the injection, is what is learnt as injection. It
// reads only the docs it is given: in cross-validation the training folds.
func splice(docs []*doc, s setting) []*doc {
	var carriers []*doc
	for _, d := range docs {
		if !d.inj && len(d.canon) > 0 {
			carriers = append(carriers, d)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 2+s.draw))
	var out []*doc
	for _, d := range docs {
		if !d.inj {
			continue
		}
		for range s.splice {
			var c *doc
			for range 100 {
				if c = carriers[rng.IntN(len(carriers))]; c.group != d.group {
					break
				}
			}
			if c == nil || c.group == d.group {
				continue
			}
			at, lo, hi := cut(c.canon, rng, s.context)
			text := make([]byte, 0, hi-lo+len(d.canon)+2)
			text = append(text, c.canon[lo:at]...)
			text = append(text, '\n')
			text = append(text, d.canon...)
			text = append(text, '\n')
			text = append(text, c.canon[at:hi]...)
			sd := &doc{canon: text, inj: true, category: d.category, group: d.group, file: d.file}
			if s.pair {
				sd.pair = &doc{canon: c.canon[lo:hi:hi], group: c.group, file: c.file}
			}
			out = append(out, sd)
		}
	}
	return out
}

// cut chooses where in the canonical text b an injection goes (at) and
// the stretch [lo, hi) around it that keeps about words words each side.
func cut(b []byte, rng *rand.Rand, words int) (at, lo, hi int) {
	space := func(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
	at0 := []int{0, len(b)}
	breaks := at0
	for _, sep := range []byte{'\n', ' '} {
		for i, c := range b {
			if c == sep && i+1 < len(b) {
				breaks = append(breaks, i+1)
			}
		}
		if len(breaks) > len(at0) {
			break
		}
	}
	at = breaks[rng.IntN(len(breaks))]
	lo = at
	for n := 0; lo > 0 && n < words; {
		lo--
		if space(b[lo]) && lo > 0 && !space(b[lo-1]) {
			n++
		}
	}
	hi = at
	for n := 0; hi < len(b) && n < words; hi++ {
		if space(b[hi]) && hi > 0 && !space(b[hi-1]) {
			n++
		}
	}
	return at, lo, hi
}

func cond[T any](c bool, a, b T) T {
	if c {
		return a
	}
	return b
}

func windowScore(m *textmodel.Model, feats []uint32) float64 {
	var sum int64
	for _, f := range feats {
		sum += int64(m.W[f])
	}
	return float64(m.Bias) + float64(m.Scale)*float64(sum)*textmodel.Norm(len(feats))
}

// sgd minimises the weighted logistic loss with L2 regularisation by
// stochastic gradient descent (Bottou's schedule: the weights kept as a
// scale times a vector, so that regularising costs nothing per step), and
// returns the weights quantised to 16 bits.
func sgd(exs []example, s setting) *textmodel.Model {
	const eta0 = 0.5
	v := make([]float64, 1<<s.bits)
	scale, bias := 1.0, 0.0
	rng := rand.New(rand.NewPCG(seed, seed+s.draw))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	t := 0.0
	for range s.epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e := &exs[i]
			eta := eta0 / (1 + s.lambda*eta0*t)
			t++
			var dot float64
			for _, f := range e.feats {
				dot += v[f]
			}
			z := scale*dot*e.norm + bias
			g := -e.y / (1 + math.Exp(e.y*z)) // d loss / d z
			scale *= 1 - eta*s.lambda
			if scale < 1e-6 {
				for j := range v {
					v[j] *= scale
				}
				scale = 1
			}
			step := eta * e.weight * g * e.norm / scale
			for _, f := range e.feats {
				v[f] -= step
			}
			bias -= biasLR * eta * e.weight * g
		}
	}
	var top float64
	for _, x := range v {
		top = max(top, math.Abs(x*scale))
	}
	m := &textmodel.Model{Bits: s.bits, Chars: s.chars, Address: s.address, Window: s.window, Bias: float32(bias), Scale: float32(top / math.MaxInt16), W: make([]int16, len(v))}
	if top == 0 {
		m.Scale = 1
	}
	for j, x := range v {
		m.W[j] = int16(math.Round(x * scale / float64(m.Scale)))
	}
	return m
}

// printTop prints the heaviest features of m each way, named by the words
// of the tuning texts that fall in their bucket (the most frequent).
func printTop(docs []*doc, m *textmodel.Model, n int) {
	names := map[uint32]map[string]int{}
	add := func(b uint32, name string) {
		if names[b] == nil {
			names[b] = map[string]int{}
		}
		names[b][name]++
	}
	for _, d := range docs {
		ws, uni, bi := textmodel.Words(d.canon, m.Bits)
		for i, w := range ws {
			add(uni[i], w)
			prev := "^"
			if i > 0 {
				prev = ws[i-1]
			}
			add(bi[i], prev+" "+w)
			if m.Chars {
				gs, bs := textmodel.Grams(w, m.Bits)
				for k, g := range gs {
					add(bs[k], "'"+g+"'")
				}
			}
		}
	}
	name := func(b uint32) string {
		best, bn, total := "", 0, 0
		for k, c := range names[b] {
			total += c
			if c > bn || c == bn && k < best {
				best, bn = k, c
			}
		}
		return fmt.Sprintf("%q (%d of %d)", best, bn, total)
	}
	idx := make([]uint32, len(m.W))
	for i := range idx {
		idx[i] = uint32(i)
	}
	slices.SortFunc(idx, func(a, b uint32) int { return cmp.Compare(m.W[b], m.W[a]) })
	var b strings.Builder
	fmt.Fprintf(&b, "bias %.3f threshold %.3f; heaviest towards injection:\n", m.Bias, m.Threshold)
	for _, i := range idx[:n] {
		fmt.Fprintf(&b, "  %+.3f %s\n", float64(m.W[i])*float64(m.Scale), name(i))
	}
	fmt.Fprintf(&b, "heaviest towards benign:\n")
	for k := range n {
		i := idx[len(idx)-1-k]
		fmt.Fprintf(&b, "  %+.3f %s\n", float64(m.W[i])*float64(m.Scale), name(i))
	}
	fmt.Print(b.String())
}
