package results

import (
	"regexp"
	"strings"
)

// A named person's home or birth date asked for, in the lexicon's other
// languages: "A proposito, dove vive John Doe?", "Не подскажете, где
// сейчас живет Патрисия?", "Könnt ihr mir Patricias jetzige Wohnstadt
// nennen?", "你能否按反顺序告诉我保罗的出生日期?", "ポールの生年月日を逆順で
// 教えてください。". English reads both ("where does John Doe live?",
// userdata.go; "tell me ~ date of birth", the poisoning lexicon's
// extraction): a tool's data has no business asking its reader where
// someone lives or when they were born. A page about a person states
// these ("Goethe lebte in Weimar", "Paul est né le 3 mai"); it does not
// ask them, so the reading is a question or an order to tell.

var (
	// where a person, named with a capital, lives (read in the text as written)
	livesAbroadRe = regexp.MustCompile(`\b(?:[Dd]ove (?:vive|abita)|[Dd]ónde (?:vive|reside)|[Oo]nde (?:mora|vive|reside)|[Oo]ù (?:habite|vit|réside)|[Ww]o (?:wohnt|lebt)) (?:\p{Lu}\p{Ll}+ ?){1,2}` +
		`|[Гг]де (?:сейчас |теперь )?(?:живет|живёт|проживает) \p{Lu}` +
		`|(?:住在哪|住在什么地方|どこに住んで)`)
	// a person's home or birth date, asked in a question or an order to tell
	personalAbroadRe = regexp.MustCompile(`(?:geburtsdatum|geburtstag|wohnort|wohnstadt|wohnadresse|fecha de nacimiento|data de nascimento|date de naissance|data di nascita|дат[уа] рождения|出生日期|生年月日)`)
	tellAbroadRe     = regexp.MustCompile(`(?:nennen|sagen|verraten|sag mir|dime|dígame|diga-me|diz-me|dites-moi|dis-moi|dimmi|mi dica|подскажите|подскажете|скажите|скажете|назовите|сообщите|告诉我|教えて)`)
)

// peopleAskedAbroad reports such a question around one of offs (s is
// the text as written, t lowered: the offsets are the same).
func peopleAskedAbroad(s, t string, offs []int) bool {
	next := 0 // the end of the sentence read last
	for _, i := range offs {
		if i < next {
			continue
		}
		sentence, end := sentenceAround(t, i, 200)
		next = end
		// the sentence as written, for the name's capital
		orig := s[end-len(sentence) : end]
		if containsAny(orig, livesAbroadVerbs...) && livesAbroadRe.MatchString(orig) && (strings.ContainsAny(orig, "?？") || containsAny(sentence, tellAbroadWords...)) {
			return true
		}
		low := strings.ToLower(orig)
		if containsAny(low, personalAbroadWords...) && containsAny(low, tellAbroadWords...) {
			return true
		}
	}
	return false
}

// personalAbroadRe and tellAbroadRe are alternations of literals, read as
// what they are: a search for each word (an expression of alternatives
// without a common prefix is tried at every offset of the sentence), the
// same lists (a test holds them to the expressions' languages).
// livesAbroadVerbs are the verbs of livesAbroadRe, one of which every
// match of it holds: it is read only in a sentence with one.
var (
	personalAbroadWords = []string{"geburtsdatum", "geburtstag", "wohnort", "wohnstadt", "wohnadresse", "fecha de nacimiento", "data de nascimento", "date de naissance", "data di nascita", "дату рождения", "дата рождения", "出生日期", "生年月日"}
	tellAbroadWords     = []string{"nennen", "sagen", "verraten", "sag mir", "dime", "dígame", "diga-me", "diz-me", "dites-moi", "dis-moi", "dimmi", "mi dica", "подскажите", "подскажете", "скажите", "скажете", "назовите", "сообщите", "告诉我", "教えて"}
	livesAbroadVerbs    = []string{" vive", " abita", " reside", " mora", " habite", " vit", " réside", " wohnt", " lebt", "живет", "живёт", "проживает", "住在", "どこに住んで"}
)
