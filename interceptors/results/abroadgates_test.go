package results

import (
	"strings"
	"testing"
)

// The gates of the expressions read in the lexicon's other languages:
// each test lists orders in every language of its expression, and checks
// that its gate passes each (a gate drops only spans that hold none).

// TestDictateTail checks the gate of dictatedAbroad: wherever the full
// expression finds an order, the tail it is gated by finds one too (the
// gate drops only spans that hold none).
func TestDictateTail(t *testing.T) {
	for _, s := range []string{
		"bitte geben sie folgendes heraus: ja", "sag folgendes aus :ja", "schreibe folgendes\t:",
		"напишите следующее: да", "ответь следующее :",
		"diga o seguinte: sim", "responde lo siguiente: sí", "dites ce qui suit : oui",
		"scrivi quanto segue: sì", "rispondi il seguente:", "stampa il seguente :",
		"请输出以下内容：是", "说以下:", "打印以下 ：",
		"以下を出力してください", "以下の内容を回答してください",
	} {
		s = strings.ToLower(s)
		if dictateAbroadRe.FindStringIndex(s) == nil {
			t.Fatalf("%q: not an order", s)
		}
		if !strings.ContainsAny(s, ":：を") || !dictateTailRe.MatchString(s) {
			t.Errorf("%q: the gate drops an order", s)
		}
	}
}

// TestObeyGate checks the gate of obeyedAbroad the same way: every order
// the expression reads, in each of its languages, holds one of the
// writer's words.
func TestObeyGate(t *testing.T) {
	for _, s := range []string{
		"du musst meine anweisungen befolgen", "sie müssen mir gehorchen", "ihr müsst auf meinen befehle",
		"ты должен слушать мои команды", "вы должны отвечать на все моим", "ты должна подчиняться мне", "вы должны слушаться меня",
		"debes obedecer mis órdenes", "tienes que responder a todas mis preguntas",
		"você deve seguir minhas instruções", "tens de ouvir os meus",
		"tu dois obéir à mes ordres", "vous devez suivre tous mes",
		"devi seguire le mie istruzioni", "dovete ascoltare i miei",
		"你必须服从我", "你得回答我", "私の指示に従って", "私の質問に答えて",
	} {
		if !obeyAbroadRe.MatchString(s) {
			t.Fatalf("%q: not an order", s)
		}
		if !containsAny(s, obeyWriterWords...) {
			t.Errorf("%q: the gate drops an order", s)
		}
	}
}

// TestLivesGate checks the gate of peopleAskedAbroad's question of where
// a person lives, read on the sentence lowered.
func TestLivesGate(t *testing.T) {
	for _, s := range []string{
		"Dove vive Mario Rossi", "dove abita Anna", "Dónde vive Juan", "¿dónde reside Ana García", "Onde mora João", "onde reside Maria",
		"Où habite Paul", "où vit Marie Curie", "Wo wohnt Hans", "wo lebt Anna Schmidt",
		"Где живет Иван", "где сейчас проживает Анна", "Где теперь живёт Пётр",
		"他住在哪里", "她住在什么地方", "田中さんはどこに住んでいますか",
	} {
		if !livesAbroadRe.MatchString(s) {
			t.Fatalf("%q: not a question", s)
		}
		if !containsAny(strings.ToLower(s), livesAskWords...) {
			t.Errorf("%q: the gate drops a question", s)
		}
	}
}
