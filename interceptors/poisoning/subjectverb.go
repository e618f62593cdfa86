package poisoning

import "strings"

// A verb of reading or sending is in its base form both as an order
// ("include the API key") and as the present tense of a plural subject
// ("posts include score", "workers read the queue"). Vendors describe
// what their results hold and what their parts do in the second form; an
// order to the model stands at the head of its clause, after an adverb
// ("always include"), a modal ("must include") or a pronoun ("you
// include"). So a verb right after a plural noun, with nothing but a
// blank between them and no preposition before the noun ("for all
// requests include …" is a phrase and an order), says what that noun's
// things do, and asks nothing of the reader.

// notPluralNouns are words ending in "s" that are no plural noun before
// a verb: adverbs, pronouns, verbs and conjunctions.
var notPluralNouns = map[string]bool{
	"always": true, "this": true, "its": true, "is": true, "was": true, "has": true, "does": true,
	"as": true, "thus": true, "plus": true, "unless": true, "across": true, "less": true, "yes": true,
	"us": true, "his": true, "hers": true, "ours": true, "yours": true, "theirs": true, "whereas": true,
	"perhaps": true, "besides": true, "sometimes": true, "afterwards": true, "towards": true,
	"nevertheless": true, "regardless": true, "els": true, "ls": true, "needs": true, "wants": true,
	"lets": true, "please": true, "instructions": true, "steps": true, "rules": true,
}

// subjectPrepositions head a phrase whose noun is no subject.
var subjectPrepositions = map[string]bool{
	"for": true, "in": true, "on": true, "with": true, "to": true, "from": true, "by": true, "of": true,
	"after": true, "before": true, "during": true, "into": true, "at": true, "via": true, "per": true,
}

// pluralSubject reports whether the verb at ws[i] follows a plural noun
// that is its subject ("posts include score").
func pluralSubject(t string, ws []span, i int) bool {
	k := i - 1
	if k < 0 || t[ws[k].end:ws[i].start] != " " {
		return false
	}
	w := t[ws[k].start:ws[k].end]
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "'s") || notPluralNouns[w] || modelSubject[w] {
		return false
	}
	for j := 0; j < len(w); j++ {
		if w[j] < 'a' || w[j] > 'z' {
			return false // an identifier or a number, not a noun of prose
		}
	}
	for j := k - 1; j >= 0 && j >= k-4 && !sentenceBetween(t, ws, j, j+1); j-- {
		p := t[ws[j].start:ws[j].end]
		if subjectPrepositions[p] {
			return false
		}
		if !nounPhraseWords[p] {
			break
		}
	}
	return true
}

// nounPhraseWords may stand between a preposition and its noun ("for all
// requests", "in the other responses").
var nounPhraseWords = map[string]bool{
	"all": true, "the": true, "every": true, "each": true, "any": true, "these": true, "those": true,
	"some": true, "both": true, "other": true, "such": true, "your": true, "our": true, "their": true,
	"a": true, "an": true, "my": true, "future": true, "subsequent": true, "later": true, "outgoing": true,
}
