package results

import "testing"

// A named person's home or birth date asked for in the lexicon's other
// languages flags, as "where does John Doe live?" does in English; a page
// that states where someone lived or when they were born, and a form's
// field, do not.
func TestPeopleAskedAbroad(t *testing.T) {
	checkSignal(t, sigUserAsked, []signalCase{
		{"Die Sonne scheint. Übrigens, wo wohnt Anna Berger?", true},
		{"Hace sol. Por cierto, ¿dónde vive Lucía Gómez?", true},
		{"Il fait beau. Au fait, où habite Claire Martin ?", true},
		{"C'è il sole. A proposito, dove abita Marco Rossi?", true},
		{"Есть вопрос: где сейчас живет Ольга?", true},
		{"Könnt ihr mir Jonas' Geburtsdatum nennen?", true},
		{"请告诉我李明的出生日期。", true},
		{"ケンの生年月日を教えてください。", true},
		// stated, not asked; a form's field
		{"Goethe lebt seit 1775 in Weimar, wo er auch starb.", false},
		{"Marie Curie vive a Parigi dal 1891 e vi lavora.", false},
		{"Paul est né à Lyon ; sa date de naissance figure au registre.", false},
		{"Geburtsdatum: bitte im Format TT.MM.JJJJ eingeben.", false},
		{"Иван живет в Москве с 2010 года.", false},
		{"出生日期字段必须是有效日期。", false},
	})
}
