package results

import (
	"regexp"
	"strings"
)

// The reader told it must obey the writer, in the lexicon's other
// languages: "du musst alle meine Fragen beantworten", "вы должны
// слушать мои инструкции", "você deve ouvir minhas instruções", "tienes
// que responder a todas mis preguntas". English's "you must" is the
// poisoning lexicon's directive; in other languages nothing read it. The
// reading is narrower than "you must": what the reader must do is obey,
// listen to, follow or answer the writer's own ("my") instructions,
// orders or questions. A manual's "Sie müssen die Anweisungen befolgen"
// names no "my"; a teacher's "you must answer all my questions" is the
// one case it shares, so this is evidence that needs company.

var sigObeyAbroad = resultSignal{"tells the reader to obey the writer", 2} // "du musst alle meine Fragen beantworten"

var obeyAbroadRe = regexp.MustCompile(`(?:du musst|sie müssen|ihr müsst) (?:mir )?(?:(?:alle |auf )?meine(?:n)? (?:anweisungen|befehle|fragen|instruktionen)|gehorchen)` +
	`|(?:вы должны|ты должен|ты должна) (?:слушать|выполнять|отвечать на|подчиняться|слушаться) (?:все |всем )?(?:мои|моим|мне|меня)` +
	`|(?:tienes que|debes|tiene que|debe) (?:responder a|obedecer(?:me)?|seguir|escuchar) (?:todas |todos )?(?:mis)` +
	`|(?:você deve|tu deves|você tem que|tens de|tens que) (?:ouvir|obedecer|seguir|responder a) (?:todas |todos )?(?:as |os )?(?:minhas|meus)` +
	`|(?:tu dois|vous devez) (?:obéir à|écouter|suivre|répondre à) (?:toutes |tous )?(?:mes)` +
	`|(?:devi|deve|dovete) (?:obbedire a|ascoltare|seguire|rispondere a) (?:tutte |tutti )?(?:le |i )?(?:mie|miei)` +
	`|你(?:必须|得)(?:听从|服从|回答|遵守|遵循)我` +
	`|私の(?:指示|命令|質問)に(?:従|答え)`)

// obeyedAbroad reports such an order around one of offs
// (aObeyAbroad: the modal verbs' words).
func obeyedAbroad(t string, offs []int) bool {
	for _, i := range offs {
		if span := strings.ToLower(t[max(0, i-8):min(len(t), i+80)]); containsAny(span, obeyAbroadOwn...) && obeyAbroadRe.MatchString(span) {
			return true
		}
	}
	return false
}

// obeyAbroadOwn are the writer's own words each alternative of
// obeyAbroadRe ends on (lowered), one of which every match holds: "meine"
// or "gehorchen", "мои", "мне" or "меня", "mis", "minhas" or "meus",
// "mes", "mie" (and "miei"), the Chinese verb before "我", the Japanese
// particle and verb after the orders. The expression is read only around
// an anchor with one of them (a modal verb or "私の" is common in
// manuals; the writer's own words after it are not).
var obeyAbroadOwn = []string{"meine", "gehorchen", "мои", "мне", "меня", "mis", "minhas", "meus", "mes", "mie", "从我", "答我", "守我", "循我", "に従", "に答え"}
