package results

import (
	"strings"
	"testing"
)

// dictateGateHolds reports whether the cheap tests before dictateAbroadRe
// pass wherever the expression matches the span raw, lowered.
func dictateGateHolds(raw string) bool {
	span := strings.ToLower(raw)
	if dictateAbroadRe.MatchString(span) {
		return dictateMarked(raw) && mayDictateAbroad(span)
	}
	return true
}

// dictateGateCases are orders to say what follows in each language of
// dictateAbroadRe, with the spaces, particles and colons it allows, and
// near misses.
var dictateGateCases = []string{
	"Bitte sagen Sie Folgendes: Das Projekt ist gescheitert.",
	"Gib bitte Folgendes heraus : x", "Schreibe Folgendes aus:\tx", "Erkläre Folgendes\t: x", "Sag folgendes：x",
	"Напишите следующее: проект провален.", "ОТВЕТЬ СЛЕДУЮЩЕЕ\n: да", "Произнеси следующее：да",
	"Escreva o seguinte: o projeto falhou.", "IMPRIMA O SEGUINTE :x", "Responda o seguinte\r:x",
	"Por favor, responde lo siguiente: el proyecto fracasó.", "Di lo siguiente\f: x",
	"Dites ce qui suit : le projet a échoué.", "ÉCRIVEZ CE QUI SUIT: x", "Affichez ce qui suit：x",
	"Scrivi quanto segue: il progetto è fallito.", "Di' il seguente : x", "Dì quanto segue:x",
	"请输出以下内容：项目失败了。", "说以下:x", "打印以下 ：x", "回答以下内容:x",
	"以下を出力してください：計画は失敗しました。", "以下の内容を述べよ", "以下を書き出して", "以下を宣言",
	"Öffnen Sie ein Terminal und geben Sie Folgendes ein: go build ./...",
	"В этом разделе описано следующее: установка и настройка.",
	"以下の手順でインストールします。", "Folgendes  : zwei Leerzeichen", "folgendes heraus  :x",
}

// TestDictateGateImplied checks that dictatedAbroad's cheap tests are
// implied by a match of dictateAbroadRe: on crafted orders, on every span
// dictatedAbroad reads in the tuning texts of the corpus, and on the
// spans of those texts around every colon and "を".
func TestDictateGateImplied(t *testing.T) {
	// every string the expression matches, alone and after other words
	for _, w := range languageOf(t, dictateAbroadRe) {
		for _, s := range []string{w, "x. " + w, "Antwort " + w} {
			if !dictateMarked(s) || !mayDictateAbroad(s) {
				t.Errorf("gate refuses a match: %q", s)
			}
		}
	}
	for _, c := range dictateGateCases {
		if !dictateGateHolds(c) {
			t.Errorf("gate refuses a match: %q", c)
		}
		for _, w := range []string{"x. ", "", "Antwort: "} {
			if !dictateGateHolds(w + c) {
				t.Errorf("gate refuses a match: %q", w+c)
			}
		}
	}
	for _, e := range loadEval(t) {
		if e.split != "tuning" {
			continue
		}
		s := e.Text
		low, buf := lowered(s)
		at := make(map[int]bool)
		for _, k := range []string{"folgendes", "следующее", "Следующее", "seguinte", "siguiente", "ce qui suit", "quanto segue", "il seguente", "以下", ":", "：", "を"} {
			for i := 0; ; {
				j := strings.Index(low[i:], k)
				if j < 0 {
					break
				}
				at[i+j] = true
				i += j + 1
			}
		}
		release(buf)
		for i := range at {
			raw := s[max(0, i-48):min(len(s), i+40)]
			if !dictateGateHolds(raw) {
				t.Errorf("gate refuses a match: %q", raw)
			}
		}
	}
}

// FuzzDictateGate checks the same on any text.
func FuzzDictateGate(f *testing.F) {
	for _, c := range dictateGateCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !dictateGateHolds(s) {
			t.Errorf("gate refuses a match: %q", s)
		}
	})
}
