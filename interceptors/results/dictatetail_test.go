package results

import (
	"strings"
	"testing"
)

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
