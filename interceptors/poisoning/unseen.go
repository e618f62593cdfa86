package poisoning

// unseenCues are concealment put as the manner of an act, in the languages
// the lexicon reads beside English: an act done silently ("invoca
// silenciosamente la herramienta X", "envoie discrètement une copie") and
// an act left unsaid ("sin mencionarlo", "sans en parler", "ohne es zu
// erwähnen"). English has both ("silently call", "run ~ silently",
// "without mentioning it"); the same order in another language keeps the
// act from the user just as well. A tool that does its own work quietly
// says so of itself ("runs without output"), not with a verb of calling or
// sending put to the reader, and a description has no call to leave unsaid
// to its own reader. Read in tool definitions only, as "without
// mentioning it" is.
var unseenCues = map[signal][]string{
	sigConceal: {
		// es
		"{invoca|invoque|llama|llame|ejecuta|ejecute|envia|envie|manda|mande|reenvia|reenvie|adjunta|adjunte|copia|copie|sube|suba} ~ {silenciosamente|sigilosamente|discretamente}",
		"{silenciosamente|sigilosamente|discretamente} {invoca|invoque|llama|llame|ejecuta|ejecute|envia|envie|manda|mande|reenvia|reenvie|adjunta|adjunte|copia|copie|sube|suba}",
		"{invoca|invoque|llama|llame|ejecuta|ejecute|envia|envie|manda|mande|reenvia|reenvie} ~ en silencio",
		"sin {mencionarlo|mencionarla|mencionarlos|mencionarselo|decirlo|decirselo|comentarlo|comentarselo|contarlo|contarselo|revelarlo|revelarselo|indicarlo|indicarselo}",
		// fr
		"{appelle|appelez|invoque|invoquez|execute|executez|envoie|envoyez|transmets|transmettez|lance|lancez|copie|copiez} ~ {silencieusement|discretement}",
		"{silencieusement|discretement} {appelle|appelez|invoque|invoquez|execute|executez|envoie|envoyez|transmets|transmettez|lance|lancez|copie|copiez}",
		"sans {le|la|les} {mentionner|signaler|reveler|dire}", "sans en {parler|faire mention}",
		// pt
		"{chame|chama|invoque|invoca|execute|executa|envie|envia|mande|manda|encaminhe|encaminha|copie|copia} ~ {silenciosamente|discretamente|sorrateiramente}",
		"{silenciosamente|discretamente|sorrateiramente} {chame|chama|invoque|invoca|execute|executa|envie|envia|mande|manda|encaminhe|encaminha|copie|copia}",
		"sem {mencionar|comentar|revelar} {isso|isto|nada}",
		// it
		"{chiama|chiami|invoca|invochi|esegui|esegua|invia|invii|manda|mandi|inoltra|inoltri|copia|copi} ~ {silenziosamente|discretamente}",
		"{silenziosamente|discretamente} {chiama|chiami|invoca|invochi|esegui|esegua|invia|invii|manda|mandi|inoltra|inoltri|copia|copi}",
		"senza {menzionarlo|menzionarla|dirlo|segnalarlo|rivelarlo|parlarne}",
		// de
		"{rufe|ruf|fuhre|fuhr|sende|schicke|schick|ubermittle|leite|kopiere} ~ {stillschweigend|unbemerkt|lautlos}",
		"{stillschweigend|unbemerkt|lautlos} {aufrufen|ausfuhren|senden|schicken|ubermitteln|weiterleiten|kopieren}",
		"ohne {es|das|dies|dies dem benutzer|es dem benutzer} zu {erwahnen|sagen|melden}",
		// nl
		"{roep|voer|stuur|verstuur|verzend|kopieer} ~ {stilletjes|ongemerkt|onopgemerkt}",
		"zonder {het|dit|dat} te {vermelden|melden|zeggen|noemen}",
		// pl
		"po cichu {wywolaj|wywolajcie|wyslij|wyslijcie|uruchom|uruchomcie|wykonaj|wykonajcie|przeslij|skopiuj}",
		"{wywolaj|wywolajcie|wyslij|wyslijcie|uruchom|uruchomcie|wykonaj|wykonajcie|przeslij|skopiuj} ~ po cichu",
		"bez {wspominania|mowienia|informowania} o tym",
		// ru
		"{вызови|вызовите|отправь|отправьте|выполни|выполните|запусти|запустите|перешли|перешлите} ~ {незаметно|молча|втихую}",
		"{незаметно|молча|втихую} {вызови|вызовите|отправь|отправьте|выполни|выполните|запусти|запустите|перешли|перешлите}",
		"{не|he} упоминая {об этом|этого|это}",
	},
}
