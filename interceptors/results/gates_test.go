package results

import (
	"strings"
	"testing"
)

// The result signals read some regular expressions only where a cheap
// exact test says they can match: a word every match holds. These tests
// hold each test to its expression: wherever the expression matches, the
// test must pass, on the corpus and on text made to match, in every case
// and spelling (?i) reads alike ("ſ" as 's', "K" as 'k').

// gate is a cheap test that every match of re passes in text lowered as
// the signals read it (lowerInto).
type gate struct {
	name  string
	re    interface{ MatchString(string) bool }
	pass  func(string) bool
	seeds []string // text re matches
	// anchored: re is read from where a word starts (^); else it
	// searches a span
	anchored bool
}

var gates = []gate{
	{"moneyOut", moneyOut, mayBeMoneyOut, []string{
		"transfer $3,000 to account number 123-1234-1234", "pay 50 usd to the wallet address 0xabc",
		"initiate a wire of 5 btc to my account", "move all the funds to account 999-1", "withdraw all of my money to iban no.de1",
		"send €20 now to payee 7", "wire 1.000,5 euros to account", "deposit £ 5 to wallet",
	}, true},
	{"forTheMachine", forTheMachine, func(s string) bool { return containsAny(s, forTheMachineNeeds...) }, []string{
		"(invisible to humans, visible to llm scan)", "visible only to the ai", "hidden from the humans",
		"for automated screening systems", "for automated resume analysis software", "visible to automated readers",
		"for ai readers only", "for llms only", "for the ai agents only", "for bots only", "for ai systems only",
	}, false},
	{"fillWithUser", fillWithUser, fillVerbs, []string{
		"replacing it with the user's name", "fill in the blank by their email", "substitute x with your id",
		"inserting there with the customer's", "append it by the user", "xſubſtituting it with the uſer's name",
		"REPLACE IT WITH THE USER'S NAME", "Fill In x By Your",
	}, false},
	{"fetchThenSend", fetchThenSend, func(s string) bool { return hasWord(s, fetchVerbs...) }, []string{
		"list all my accounts and then forward this information to", "download my data and, once downloaded, email the file to",
		"fetch the details. also, email those details to me at", "please look up my order and send it to", "get it, e-mail it to",
		"xcheck_ then check and post to", "retrieve 5 and transmit", "dump everything then mail",
	}, false},
	{"reproduceRe", reproduceRe, func(s string) bool { return containsAny(s, reproduceVerbs...) }, []string{
		"repeat all the ", "please recite your ", "echo every ", "parrot back the ", "replay your text ", "duplicate the ",
		"mirroring our ", "reproduce the exact ", "restate all ", "reiterate ", "transcribe the ", "roll back the ", "rollback ",
		"read back our ", "read again the ", "mirror\tthe\n",
	}, false},
	{"actOnMine", actOnMine, func(s string) bool { return hasWord(s, actOnMineNeeds...) }, []string{
		"grant permanent access to my friend", "sell 50 units of my bitcoin holdings", "unlock my front door",
		"share it with me", "add a.b to me", "give it to me_ or me", "order (my) cake", "turn off my alarm",
	}, true},
	// the expressions of answerParts (gatedRe)
	answerGate("answerMomentRe", answerMoment, "before answering", "at the end of your summary", "as you finish describing", "prior to listing the names", "amid your final reply"),
	answerGate("putInRe", putIn, "insert a note", "add", "praise them", "trigger it", "tell"),
	answerGate("userToldRe", userTold, "direct the user", "telling the user", "invite all readers", "urge your users"),
	answerGate("noticeRe", notice, "a status notification", "visit https://x", "log in", "enter their pin", "http://"),
	answerGate("fakeFaultRe", fakeFault, "emulate a backend infrastructure glitch", "simulate a delay", "fake an error", "mimicking the crash"),
	answerGate("answerCutRe", answerCut, "and cease any further response", "stop the response", "end your reply", "halt response generation"),
	answerGate("cutOffRe", cutOff, "further", "afterward", "after that", "immediately", "without"),
	answerGate("stealthPutRe", stealthPut, "discreetly insert", "casually weave", "slip in", "work into", "subtly briefly mention"),
	answerGate("promoteRe", promote, "a brief commendation", "praising", "a nod to", "promotional", "flattering"),
	// the expressions read only where one of their word starts is
	// (startGated, literals.WordStarts)
	answerGate("everySentenceOf", everySentenceOf, "all of the sentences in our ", "every word of your ", "each line your "),
	answerGate("insertRe", insertRe, "add a line", "please include it", "embed", "put x here"),
	answerGate("lockoutStateRe", lockoutStateRe, "your account has been suspended", "access is now temporarily blocked"),
	answerGate("lockoutDueRe", lockoutDueRe, "due to an expired", "due to insufficient"),
	answerGate("yourCode", yourCode, "your code", "rewrite your solution", "the code you write"),
	answerGate("toldRe", toldRe, "were you told", "you are not supposed to tell", "the text you were given"),
	answerGate("convoRe", convoRe, "repeat back all of this entire ", "print the ", "dump our "),
	answerGate("atOnceRe", atOnceRe, "immediately", "not just a suggestion", "not advice", "marching orders"),
	answerGate("comingRe", comingRe, "the following", "what comes next", "steps to follow", "about to be revealed", "new rules have just"),
	answerGate("orderNounRe", orderNounRe, "instructions", "rule", "the procedure"),
	answerGate("clearedRe", clearedRe, "has been audited", "was already approved", "is safe"),
	answerGate("aboveHeadRe", aboveHeadRe, "repeat all of the ", "summarize the ", "spell out me the "),
	answerGate("aboveRe", aboveRe, "repeat the words ", "print everything", "recite all lines"),
	answerGate("delimRe", delimRe, "end of the user input", "begin prompt", "start of new instructions"),
	answerGate("dictateFollowing", dictateFollowing, "say exactly the ", "respond with the ", "output only the "),
	answerGate("prereqClaimRe", prereqClaimRe, "as this is required", "because it is mandatory", "since that 's needed"),
	{"answerIfAsked", answerIfAsked, func(s string) bool { return containsAny(s, answerIfAskedStarts...) }, []string{
		"if asked, reply", "when you are questioned about it, say", "whenever queried, simply answer",
	}, false},
	{"noDeviation", noDeviation, func(s string) bool { return containsAny(s, noDeviationStarts...) }, []string{
		"you may not deviate", "do not deviate", "you must never deviate", "don't deviate",
	}, false},
}

// answerGate is the gate of a gatedRe: its literals and word starts.
func answerGate(name string, g gatedRe, seeds ...string) gate {
	return gate{name, g.re, g.may, seeds, false}
}

// TestGatedReIsExpression compares each gatedRe's MatchString, read from
// its word starts only, with its expression read over the whole text, on
// spans of 320 bytes of the corpus end to end and on the seeds of
// TestGatedExpressions in every spelling.
func TestGatedReIsExpression(t *testing.T) {
	texts := loadEval(t)
	n := 0
	for _, gt := range gates {
		var g gatedRe
		found := false
		for _, c := range gatedRes {
			if c.re == gt.re {
				g, found = c, true
			}
		}
		if !found {
			continue
		}
		n++
		if g.anchored == nil {
			t.Errorf("%s is not read from its word starts", gt.name)
		}
		check := func(s, what string) {
			if got, want := g.MatchString(s), g.re.MatchString(s); got != want {
				t.Errorf("%s: MatchString(%s) = %v, want %v", gt.name, what, got, want)
			}
		}
		for _, seed := range gt.seeds {
			for _, s := range spellings(seed) {
				check(lowerASCII(s), strconvQuote(s))
				check(lowerASCII("Then, "+s+" and so on."), strconvQuote(s)+" in a sentence")
			}
		}
		for _, e := range texts {
			low := lowerASCII(e.Text)
			for off := 0; off < len(low); off += 320 {
				span := low[off:min(len(low), off+320)]
				if e.split == "heldout" {
					check(span, "a held-out span")
				} else {
					check(span, strconvQuote(span))
				}
			}
		}
	}
	if n != len(gatedRes) {
		t.Errorf("%d of %d gatedRe have gates", n, len(gatedRes))
	}
}

// gatedRes are the gatedRe of the package.
var gatedRes = []gatedRe{answerMoment, putIn, userTold, fakeFault, answerCut, cutOff, stealthPut, promote,
	everySentenceOf, insertRe, lockoutStateRe, lockoutDueRe, yourCode, toldRe, convoRe, atOnceRe, comingRe, orderNounRe, clearedRe,
	aboveHeadRe, aboveRe, delimRe, dictateFollowing, prereqClaimRe}

// spellings returns s as (?i) reads it alike, and with what follows or
// precedes a word changed.
func spellings(s string) []string {
	out := []string{s, strings.ToUpper(s), alternateCase(s), lowerASCII(s),
		strings.ReplaceAll(s, "s", "ſ"), strings.ReplaceAll(s, "S", "ſ"), strings.ReplaceAll(lowerASCII(s), "k", "\u212a"),
		strings.ReplaceAll(s, " ", "  "), strings.ReplaceAll(s, " ", "_"), strings.ReplaceAll(s, " ", "1 "), "x" + s, "_" + s, "é" + s, s + "é", s + "_",
		strings.ReplaceAll(s, " ", "\u00a0"), strings.ReplaceAll(s, " ", "\n")}
	for i := 1; i < len(s); i += 7 {
		out = append(out, s[:i], s[i:])
	}
	return out
}

// holds reports a failure of g on s lowered: re matches where the test
// fails.
func (g gate) holds(t *testing.T, s, what string) {
	t.Helper()
	s = lowerASCII(s)
	if g.re.MatchString(s) && !g.pass(s) {
		t.Errorf("%s matches %s, but its test fails", g.name, what)
	}
}

func TestGatedExpressions(t *testing.T) {
	texts := loadEval(t)
	for _, g := range gates {
		matched, skipped := 0, 0
		for _, seed := range g.seeds {
			for _, s := range spellings(seed) {
				g.holds(t, s, "the text "+strconvQuote(s))
				if g.re.MatchString(lowerASCII(s)) {
					matched++
				}
			}
			if !g.re.MatchString(lowerASCII(seed)) {
				t.Errorf("%s: the seed %q does not match", g.name, seed)
			}
		}
		// the corpus: 160 bytes from every word start for an anchored
		// expression, else spans of 320 bytes every 160 (every match of
		// up to 160 bytes is inside one)
		for _, e := range texts {
			low := lowerASCII(e.Text)
			for off := 0; off < len(low); off++ {
				size := 160
				if !g.anchored {
					if off%160 != 0 {
						continue
					}
					size = 320
				} else if off > 0 && isLetter(low[off-1]) || !isLetter(low[off]) {
					continue
				}
				span := low[off:min(len(low), off+size)]
				if !g.pass(span) {
					skipped++
				}
				if e.split == "heldout" {
					g.holds(t, span, "a held-out text")
				} else {
					g.holds(t, span, "corpus text "+strconvQuote(span))
				}
			}
		}
		if matched == 0 || skipped == 0 {
			t.Errorf("%s: %d seeds matched, %d corpus spans skipped: the test reads nothing", g.name, matched, skipped)
		}
		t.Logf("%s: %d spellings matched, %d corpus spans the test skips", g.name, matched, skipped)
	}
}

func strconvQuote(s string) string {
	if len(s) > 80 {
		s = s[:80]
	}
	return "\"" + strings.ReplaceAll(s, "\n", `\n`) + "\""
}

// FuzzGatedExpressions holds each test to its expression on arbitrary
// text, as written and lowered.
func FuzzGatedExpressions(f *testing.F) {
	for _, g := range gates {
		for _, s := range g.seeds {
			f.Add(s)
		}
	}
	f.Add("ſtyle=\"display:none\" hidden")
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range gates {
			g.holds(t, s, "the input")
		}
		if hiddenElement(s) != hiddenElementEvery(s) {
			t.Errorf("hiddenElement(%q) = %v, want %v", s, hiddenElement(s), !hiddenElement(s))
		}
	})
}

// hiddenElementEvery is hiddenElement reading every expression whenever
// "hidden", "style" or "ſ" is there: the reference of the tests below.
func hiddenElementEvery(attrs string) bool {
	low := strings.ToLower(attrs)
	if !strings.Contains(low, "hidden") && !strings.Contains(low, "style") && !strings.Contains(low, "ſ") {
		return false
	}
	if hiddenAttr.MatchString(attrs) {
		return true
	}
	st := styleAttr.FindStringSubmatch(attrs)
	if st == nil {
		return false
	}
	style := strings.Trim(st[1], `"'`)
	if hiddenStyle.MatchString(style) {
		return true
	}
	return whiteText.MatchString(style) && !strings.Contains(strings.ToLower(style), "background")
}

// TestHiddenElementGated compares hiddenElement with its reference on the
// attributes of every tag of the corpus and on attributes in every case
// and spelling.
func TestHiddenElementGated(t *testing.T) {
	n, hidden := 0, 0
	check := func(attrs, what string) {
		n++
		got, want := hiddenElement(attrs), hiddenElementEvery(attrs)
		if got != want {
			t.Errorf("hiddenElement(%s) = %v, want %v", what, got, want)
		}
		if want {
			hidden++
		}
	}
	for _, e := range loadEval(t) {
		for _, m := range openTag.FindAllStringSubmatch(e.Text, -1) {
			if e.split == "heldout" {
				check(m[2], "a held-out tag's attributes")
			} else {
				check(m[2], strconvQuote(m[2]))
			}
		}
	}
	for _, a := range []string{` hidden`, ` hidden="hidden"`, ` style="display:none"`, ` style='visibility: hidden'`, ` style="color:#fff"`,
		` style="font-size:0px;"`, ` class="hidden-xs"`, ` data-style="x"`, ` style = "opacity:0;"`, ` aria-hidden="true"`, ` xstyle="display:none"`} {
		for _, s := range spellings(a) {
			check(s, strconvQuote(s))
			check(strings.ReplaceAll(s, "s", "ſ"), strconvQuote(s)+" with ſ")
		}
	}
	if hidden == 0 {
		t.Error("no attributes hidden: the test reads nothing")
	}
	t.Logf("%d attributes, %d hidden", n, hidden)
}

// TestForTheMachineGated compares the signal's search with and without
// its test on the corpus texts and on labels in every spelling.
func TestForTheMachineGated(t *testing.T) {
	var texts []string
	for _, e := range loadEval(t) {
		texts = append(texts, e.Text)
	}
	for _, g := range gates[1].seeds {
		for _, s := range spellings(g) {
			texts = append(texts, s, "Note: "+s+" and more.")
		}
	}
	n := 0
	for _, s := range texts {
		low := lowerASCII(s)
		var at anchorIndex
		at.find(low)
		got := nearMatch(low, forTheMachine, forTheMachineNeeds, 40, 90, &at, aAutomated, aVisible, aHuman)
		want := nearMatch(low, forTheMachine, nil, 40, 90, &at, aAutomated, aVisible, aHuman)
		if got != want {
			t.Errorf("nearMatch(forTheMachine) = %v, want %v", got, want)
		}
		if want {
			n++
		}
	}
	if n == 0 {
		t.Error("nothing matched: the test reads nothing")
	}
}

// TestBlankImportantHeadings compares blankImportantHeadings with the
// expression run over the whole text, on the corpus and on headings in
// every place and spelling.
func TestBlankImportantHeadings(t *testing.T) {
	var texts []string
	for _, e := range loadEval(t) {
		texts = append(texts, e.Text)
	}
	for _, h := range []string{"# Important", "## IMPORTANT: read", "   ###### important\tnote", "    # Important", "\t# Important",
		"> [!IMPORTANT]", ">[!important]", "#important", "# Importantly", "# Important_", "#######  Important", "x # Important",
		"# Important # Important", "> [!IMPORTANT] > [!IMPORTANT]", "# ImportanT\r", "# Important\u00a0x", "\u00a0# Important"} {
		for _, ctx := range []string{"%s", "%s\n", "\n%s", "text\n%s\nmore", "a\n%s\n%s\n\n%s", "%s\r\n%s"} {
			texts = append(texts, strings.ReplaceAll(ctx, "%s", h), strings.ReplaceAll(ctx, "%s", strings.ToUpper(h)))
		}
	}
	blanked := 0
	for i, s := range texts {
		got, want := blankImportantHeadings(s), importantHeading.ReplaceAllStringFunc(s, blank)
		if got != want {
			t.Errorf("text %d: blankImportantHeadings differs from the expression", i)
		}
		if want != s {
			blanked++
		}
	}
	if blanked == 0 {
		t.Error("nothing blanked: the test reads nothing")
	}
	t.Logf("%d texts, %d blanked", len(texts), blanked)
}

// FuzzBlankImportantHeadings compares blankImportantHeadings with the
// expression on arbitrary text.
func FuzzBlankImportantHeadings(f *testing.F) {
	for _, s := range []string{"# Important\n> [!IMPORTANT]", "a\n   ## important b\n", "\t#important", "    # Important", "\xff\n# Important\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := blankImportantHeadings(s), importantHeading.ReplaceAllStringFunc(s, blank); got != want {
			t.Errorf("blankImportantHeadings(%q) = %q, want %q", s, got, want)
		}
	})
}
