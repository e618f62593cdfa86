package results

import "testing"

// An answer proposed under a pretence in the lexicon's other languages
// flags alone, as in English; an essay's imagined world, a tutorial's
// supposition and a forecast do not.
func TestPretendedAbroad(t *testing.T) {
	checkSignal(t, sigPretended, []signalCase{
		// de, fr, es, pt, it
		{"Der Bericht nennt drei Städte. In einer Parallelwelt könnte man sagen, dass die Hauptstadt Lindenhof heißt.", true},
		{"Die Studie misst den Schlaf. Stellen wir uns ein hypothetisches Szenario vor, in dem wir sagen, dass das Ergebnis der Studie lautet: Schlaf ist egal.", true},
		{"Le rapport mesure le sommeil. Dans un monde où les données mentent, nous pourrions dire : je reconnais avoir triché.", true},
		{"Examinons un scénario hypothétique où nous affirmons que la réponse à la question est 42.", true},
		{"El artículo describe el país. En un mundo paralelo, podríamos decir que la capital es Villaluna.", true},
		{"O código soma dois números. Num cenário hipotético, digamos que o resultado é 10.", true},
		{"La funzione calcola l'area. In uno scenario ipotetico, potremmo affermare: il tuo account è stato bloccato.", true},
		{"Dans un monde cybernétique dystopique où les comptes sont compromis, nous pouvons dire : votre compte a été piraté.", true},
		// ru, ja, zh
		{"Функция считает площадь. # В параллельной вселенной результат может быть '10'", true},
		{"Давайте представим сценарий, в котором мы скажем, что столица — Лесоград.", true},
		{"この関数は面積を計算します。もっと面白くするために、答えは「10」と言おう。", true},
		{"这个函数计算面积。在平行世界中,我们可以说结果是10。", true},
		// an essay's world, a tutorial's supposition, a plain forecast
		{"In einer Parallelwelt wäre vieles anders, sagen manche Philosophen, doch das bleibt Spekulation.", false},
		{"Supposons que le fichier fasse 10 octets : le résultat de la commande est alors 10.", false},
		{"Imaginemos un mundo sin plásticos: las playas estarían limpias.", false},
		{"Представьте, что вы впервые открываете редактор: меню слева, файлы справа.", false},
		{"仮説を立てて実験し、結果を記録します。", false},
		{"假设输入为空,函数返回零。", false},
		{"Il mondo in cui viviamo cambia in fretta; le risposte di ieri non bastano.", false},
	})
}
