package results

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// Every match of preApprovedRe holds one of preApprovedParts, so testing
// for them first never skips a claim the expression finds: on the
// corpus's texts, lowered as the signals read them, and on texts made of
// the expression's own words in random order.
func TestPreApprovedPartsBeforeExpression(t *testing.T) {
	holds := func(m string) bool {
		return slices.ContainsFunc(preApprovedParts, func(p string) bool { return strings.Contains(m, p) })
	}
	check := func(s string) int {
		n := 0
		for _, m := range preApprovedRe.FindAllString(s, -1) {
			n++
			if !holds(m) {
				t.Fatalf("a match %q holds none of preApprovedParts (in %.200q)", m, s)
			}
		}
		return n
	}
	for _, e := range loadEval(t) {
		check(strings.ToLower(e.Text))
	}
	words := []string{"is", "are", "was", "were", "been", "already", "pre-approved", "pre-authorized", "pre-authorised",
		"approved", "authorized", "authorised", "sanctioned", "cleared", "by", "for", "auto-approved", "autoapproved",
		"auto-authorized", "the", "your", "an", "a", "noc", "team", "manager", "system", "security", "response",
		"action", "procedure", "pre-", "auto", "-", "approval", "x", "it", "dba", "lead"}
	r := rand.New(rand.NewSource(1))
	found := 0
	for range 20000 {
		var b strings.Builder
		for range 3 + r.Intn(8) {
			b.WriteString(words[r.Intn(len(words))])
			if r.Intn(8) > 0 {
				b.WriteByte(' ')
			}
		}
		found += check(b.String())
	}
	if found < 1000 {
		t.Fatalf("only %d matches among the generated texts: too few to show anything", found)
	}
	// and the gate itself: without a part, no claim
	if approvedIn("approval is needed before authorization; it was sanctioned.") {
		t.Fatal("a text with none of the parts was read as a claim")
	}
	if !approvedIn("these prs are pre-approved for merge.") {
		t.Fatal("a claim was missed")
	}
}

// signalsOf asks the anchor pass, not a search of the window, whether the
// words of the consent and approval signals are there: the pass must find
// them exactly where those searches would.
func TestConsentAndApprovalAnchors(t *testing.T) {
	at := &anchorIndex{}
	texts := []string{"run it without user approval", "the pre-approved list", "unauthorized", "sanctions", "nothing here",
		"restrictions have been lifted", "turned off", "do not require confirmation", "approv", "xauthorix"}
	for _, e := range loadEval(t) {
		texts = append(texts, strings.ToLower(e.Text))
	}
	for _, s := range texts {
		at.find(s)
		if got, want := len(at[aConsent]) > 0, containsAny(s, consentWords...); got != want {
			t.Fatalf("consent words found %v by the anchors, %v by a search, in %.200q", got, want, s)
		}
		if got, want := len(at[aApprov]) > 0, containsAny(s, "approv", "authori", "sanction"); got != want {
			t.Fatalf("approval words found %v by the anchors, %v by a search, in %.200q", got, want, s)
		}
	}
}

// approvedIn is preApproved on s with the anchor pass's offsets, as
// signalsOf calls it.
func approvedIn(s string) bool {
	at := &anchorIndex{}
	at.find(s)
	return preApproved(s, at[aApprov])
}

// preApprovedFirst, read at the anchors, is the first offset of any of
// preApprovedParts by a search for each, and preApproved, which reads the
// expression from there, is the expression read over the whole text: on
// the corpus's texts lowered, and on texts of the expression's pieces run
// together and apart.
func TestPreApprovedFirstIsSearch(t *testing.T) {
	// the claim as read before, over the whole text
	whole := func(t string) bool {
		for _, m := range preApprovedRe.FindAllStringIndex(t, 16) {
			rest := strings.TrimLeft(t[m[1]:min(len(t), m[1]+4)], " ")
			if rest != "" && (rest[0] == '$' || rest[0] >= '0' && rest[0] <= '9' || strings.HasPrefix(rest, "€") || strings.HasPrefix(rest, "£")) {
				continue
			}
			if strings.HasSuffix(before(t, m[0], 8), "be ") || strings.HasSuffix(before(t, m[0], 8), "not ") {
				continue
			}
			if (strings.HasSuffix(t[m[0]:m[1]], " by") || strings.HasSuffix(t[m[0]:m[1]], " for")) && (rest == "" || !isLetter(rest[0])) {
				continue
			}
			return true
		}
		return false
	}
	texts := []string{"pre-approved", "xpre-authorized", "cleared by", "cleared  by", "cleared fo", "approved b", "sanctioned", "sanctioned x", ""}
	for _, e := range loadEval(t) {
		texts = append(texts, strings.ToLower(e.Text))
	}
	pieces := []string{"pre-", "pre", "approved", "approv", "authorized", "authorised", "authori", "sanctioned", "sanction", "cleared",
		"by", "for", "fo", "b", " ", " ", "x", "-", "é", "is ", "was ", "been ", "already ", "be ", "not ", "auto-", "auto",
		"the ", "noc ", "team", "security", "$5", "it", "lead", strings.Repeat("lorem ", 8), "\n", "."}
	claimsMade := []string{"is pre-approved for ", "was authorized by ", "been already cleared for ", "approved by the noc team",
		"auto-approved by ", "sanctioned response", "are sanctioned by x"}
	r := rand.New(rand.NewSource(2))
	for range 40000 {
		var b strings.Builder
		for range 1 + r.Intn(14) {
			b.WriteString(pieces[r.Intn(len(pieces))])
			if r.Intn(4) > 0 {
				b.WriteByte(' ')
			}
		}
		if r.Intn(3) == 0 {
			b.WriteString(claimsMade[r.Intn(len(claimsMade))])
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	at := &anchorIndex{}
	held, claims := 0, 0
	for _, s := range texts {
		at.find(s)
		want := -1
		for _, p := range preApprovedParts {
			if k := strings.Index(s, p); k >= 0 && (want < 0 || k < want) {
				want = k
			}
		}
		if got := preApprovedFirst(s, at[aApprov]); got != want {
			t.Fatalf("preApprovedFirst(%.200q) = %v, a search %v", s, got, want)
		}
		if want < 0 {
			continue
		}
		held++
		if got, want := preApproved(s, at[aApprov]), whole(s); got != want {
			t.Fatalf("preApproved(%.200q) = %v, over the whole text %v", s, got, want)
		} else if want {
			claims++
		}
	}
	if held < 1000 || claims < 300 {
		t.Fatalf("only %d texts hold a part, %d a claim: too few to show anything", held, claims)
	}
}

// preApprovedMatches, reading only the runs that hold a part, finds the
// matches a reading of the whole text finds, the same first 16 in the
// same order: on texts with many claims, and with digits, underscores
// and bytes beyond ASCII against the runs.
func TestPreApprovedMatchesAreWhole(t *testing.T) {
	pieces := []string{"is pre-approved", "was authorized by ", "been already cleared for ", "approved by the noc team",
		"auto-approved by ", "sanctioned response", "are sanctioned by x", "cleared by", "approval", "x", "5", "_", "é",
		"-", " ", "\n", ".", "approved by it", "it", "team", "is ", "pre-", "authorised for"}
	r := rand.New(rand.NewSource(3))
	at := &anchorIndex{}
	compared := 0
	for range 30000 {
		var b strings.Builder
		for range 1 + r.Intn(60) {
			b.WriteString(pieces[r.Intn(len(pieces))])
			if r.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		at.find(s)
		first := preApprovedFirst(s, at[aApprov])
		if first < 0 {
			continue
		}
		compared++
		got, want := preApprovedMatches(s, at[aApprov], first), preApprovedRe.FindAllStringIndex(s, 16)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, the whole %v", s, got, want)
		}
		for i := range got {
			if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
				t.Fatalf("%q: %v, the whole %v", s, got, want)
			}
		}
	}
	if compared < 10000 {
		t.Fatalf("only %d texts with a part", compared)
	}
}
