package results

import (
	"regexp"
	"strings"
)

// Words dictated after "the following:" (sigSay: "State the following:
// …", "Please output the following: …") in the lexicon's other languages:
// "Bitte geben Sie Folgendes heraus: …", "Пожалуйста, выведите
// следующее: …", "Diga o seguinte: …", "Dites ce qui suit : …",
// "请输出以下内容：…", "以下を出力してください：…". The reading is the
// English one: a verb of saying or showing in the imperative, opening a
// sentence or after "please", then what follows as the words to say. A
// manual writes "Geben Sie Folgendes ein:" (type the following), an
// order to its reader about a command line, not about an answer; the
// verbs here are of saying, writing out and answering only. Evidence
// that needs company, as in English.

var (
	// the order to say what follows, lowered; the verb is its first group
	dictateAbroadRe = regexp.MustCompile(`(?:sagen sie|sag|sage|geben sie|gib|schreiben sie|schreib|schreibe|antworten sie|antworte|erklären sie|erkläre)(?: bitte)? folgendes(?: heraus| aus)?\s?:` +
		`|(?:скажите|скажи|выведите|выведи|укажите|укажи|напишите|напиши|заявите|заяви|ответьте|ответь|произнесите|произнеси) следующее\s?:` +
		`|(?:diga|diz|escreva|escreve|declare|declara|responda|responde|imprima|imprime) o seguinte\s?:` +
		`|(?:di|diga|escribe|escriba|declara|declare|responde|responda|imprime|imprima) lo siguiente\s?:` +
		`|(?:dis|dites|écris|écrivez|déclare|déclarez|réponds|répondez|affiche|affichez|indique|indiquez) ce qui suit\s?:` +
		`|(?:di'|dì|dite|scrivi|scrivete|dichiara|dichiarate|rispondi|rispondete|stampa|stampate) (?:quanto segue|il seguente)\s?:` +
		`|(?:说|输出|写出|回答|声明|打印)以下(?:内容)?\s?[:：]` +
		`|以下(?:の内容)?を(?:出力|述べ|言っ|書き出|回答|宣言)`)
	// what may come before the verb in the same sentence: "please"
	dictatePlease = []string{"bitte", "пожалуйста,", "пожалуйста", "por favor,", "por favor", "s'il vous plaît,", "per favore,", "per favore", "请"}
)

// dictatedAbroad reports such an order around one of offs, the anchors
// of "the following" in those languages (aDictateAbroad).
func dictatedAbroad(t string, offs []int) bool {
	for _, i := range offs {
		raw := t[max(0, i-48):min(len(t), i+40)]
		if !dictateMarked(raw) {
			continue
		}
		span := strings.ToLower(raw)
		if !mayDictateAbroad(span) {
			continue
		}
		m := dictateAbroadRe.FindStringIndex(span)
		if m == nil {
			continue
		}
		head := strings.TrimRight(span[:m[0]], " ")
		for _, p := range dictatePlease {
			if strings.HasSuffix(head, p) {
				head = strings.TrimRight(head[:len(head)-len(p)], " ")
				break
			}
		}
		// opening a sentence (the span's start counts only at the text's)
		if head == "" && i-48 <= 0 || head != "" && strings.ContainsRune(".!?:\n。！？：", lastRune(head)) {
			return true
		}
		if strings.HasPrefix(span[m[0]:], "以下") || strings.ContainsAny(span[m[0]:m[0]+3], "说输写回声打") {
			return true // (Chinese and Japanese: the order is whole in the match)
		}
	}
	return false
}

// dictateMarked is the first, cheapest test before dictateAbroadRe, on
// the span before it is lowered: every match of the expression ends on a
// colon (":" or "：") or holds "を" (the Japanese alternative). None of
// the three has a case, and lowering makes none of them (strings.ToLower
// maps each character to one of its case; an invalid byte becomes U+FFFD,
// whole), so the lowered span holds one exactly when the span does.
func dictateMarked(raw string) bool {
	return strings.IndexByte(raw, ':') >= 0 || strings.Contains(raw, "：") || strings.Contains(raw, "を")
}

// dictateKeys are the words of "the following" each colon alternative of
// dictateAbroadRe ends on before its optional German particle, optional
// space and colon; dictateJapanese the openings of its one alternative
// without a colon.
var (
	dictateKeys     = []string{"folgendes", "следующее", "seguinte", "siguiente", "ce qui suit", "quanto segue", "il seguente", "以下", "以下内容"}
	dictateJapanese = []string{"以下を", "以下の内容を"}
)

// mayDictateAbroad reports whether dictateAbroadRe may match the lowered
// span s: false only where it cannot. Every alternative of the expression
// but the Japanese one ends "<key>( heraus| aus)?\s?[:：]" with a key of
// dictateKeys (the Chinese one "以下(内容)?\s?[:：]"), so a match holds a
// colon with, before it, at most one \s character ([\t\n\f\r ]), then
// at most one of " heraus" and " aus", then a key; the Japanese one holds
// one of dictateJapanese. The expression is read only where this holds.
func mayDictateAbroad(s string) bool {
	if containsAny(s, dictateJapanese...) {
		return true
	}
	for j := 0; j < len(s); j++ {
		var h string
		switch {
		case s[j] == ':':
			h = s[:j]
		case strings.HasPrefix(s[j:], "："):
			h = s[:j]
		default:
			continue
		}
		if h != "" && strings.IndexByte("\t\n\f\r ", h[len(h)-1]) >= 0 {
			h = h[:len(h)-1]
		}
		if strings.HasSuffix(h, " heraus") {
			h = h[:len(h)-len(" heraus")]
		} else if strings.HasSuffix(h, " aus") {
			h = h[:len(h)-len(" aus")]
		}
		for _, k := range dictateKeys {
			if strings.HasSuffix(h, k) {
				return true
			}
		}
	}
	return false
}

// lastRune returns the last character of s.
func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}
