package results

// anchorKeyRecount is anchorKeyAt for the anchors added since it was
// counted, by the same rule counted again over the tuning split's benign
// texts: each anchor of five bytes or more whose rarest pair of four-byte
// parts is at least 200 fewer there than the pair it was found by ("with
// you" by "with" and "ith ", each in every other sentence, now by "th y"
// and "h yo"; "your lord" by "your" and "our ", now by " lor" and "lord"). The parts found there
// fell from 540,904 to 253,843, and the anchor pass's probes that pass
// the table and read an anchor's entries with them. Where an anchor is in
// both, this holds. Which parts find an anchor changes nothing of what is
// found: each pair finds every occurrence (anchorLists).
var anchorKeyRecount = map[string]int{
	" before my ": 6, "access key": 4, "actual objective": 4, "agent:": 1, "analyse these ": 3,
	"analyse this ": 3, "analysed these ": 3, "analysed this ": 3, "analyzed these ": 3,
	"analyzed this ": 3, "analyzing these ": 3, "analyzing this ": 3, "are designed": 4,
	"are following": 7, "authori": 2, "be disregarded": 3, "breaking character": 2, "completing": 4,
	"composing": 1, "compromised": 5, "confirm": 2, "consent": 2, "consult": 1, "describing": 4,
	"einer welt, in der": 6, "en un mundo": 5, "environment variable": 9, "explanation": 3,
	"extensions you": 8, "finalis": 2, "following message": 7, "following prompt": 11,
	"following question": 7, "following request": 7, "foregoing ": 2, "from here on": 2,
	"from now": 2, "from this moment": 9, "from this point": 8, "function calls": 6,
	"function definition": 6, "function schema": 7, "function signature": 11, "function spec": 6,
	"function you": 6, "functions or tools": 7, "functions you": 7, "given to you": 6,
	"handle these ": 3, "handle this ": 3, "handling these ": 2, "handling this ": 2, "have you ": 2,
	"henceforth": 2, "i provide": 4, "ich bin": 1, "imaginemos": 5, "imaginez": 1, "imaginons": 4,
	"index these ": 3, "index this ": 3, "indexing these ": 2, "indexing this ": 2,
	"interessanter": 6, "internal ": 4, "je suis ": 3, "listing": 1, "next input": 2,
	"next inquir": 4, "next message": 2, "next prompt": 2, "next quer": 2, "next question": 2,
	"next request": 2, "not be used": 1, "not require": 1, "of your response": 5, "operate under": 5,
	"operating under": 7, "optimis": 2, "optimiz": 2, "outputting": 3, "paralleluniversum": 6,
	"parallelwelt": 6, "parallèle": 4, "parse these ": 1, "parse this ": 1, "parsed these ": 1,
	"parsed this ": 1, "parsing these ": 1, "parsing this ": 1, "permission": 2, "plugins": 2,
	"preceding ": 2, "previous ": 2, "private key": 5, "processed these ": 4, "processed this ": 4,
	"producing": 3, "programmed": 5, "re designed": 3, "re following": 6, "re targeting": 6,
	"read these ": 1, "read this ": 1, "reading these ": 1, "reading this ": 1, "received": 3,
	"removed": 2, "responding": 3, "retrieve these ": 4, "retrieve this ": 4, "retrieving these ": 4,
	"retrieving this ": 4, "review these ": 3, "review this ": 3, "reviewed these ": 4,
	"reviewed this ": 4, "reviewing these ": 3, "reviewing this ": 3, "role-play": 2,
	"scan these ": 6, "set for you": 5, "sich vor,": 4, "sign-off": 2, "signoff": 2, "subsequent ": 1,
	"summarizing these ": 4, "summarizing this ": 4, "tem que": 1, "tens de": 1, "tens que": 2,
	"that your": 2, "through these ": 4, "through this ": 4, "tool definition": 2, "tool schema": 2,
	"tool signature": 2, "tool spec": 2, "tool you": 2, "tools and functions": 2,
	"tools or functions": 2, "tools you": 2, "tools/functions": 3, "translate these ": 2,
	"translate this ": 2, "translating these ": 2, "translating this ": 2, "true goal": 1,
	"true objective": 1, "true priorit": 1, "turned off": 1, "while discussing": 9, "with you": 2,
	"without": 2, "working toward": 8, "you are using": 1, "you authenticate with": 1, "you been ": 1,
	"you connect with": 9, "you following": 1, "you have ": 1, "you hold": 2, "you keep": 1,
	"you load": 1, "you receive": 1, "you rely on": 1, "you store": 1, "you use": 1, "your actual": 2,
	"your advice": 5, "your behavio": 2, "your content": 2, "your decision": 6, "your input": 2,
	"your lord": 4, "your master": 3, "your moderation": 6, "your prompt": 2, "your quer": 2,
	"your real": 2, "your recommendation": 11, "your true": 2,
}
