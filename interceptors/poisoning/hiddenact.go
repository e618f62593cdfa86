package poisoning

// hiddenActCues are the reader's own act kept out of what the user or the
// operator is shown, in words other than "do not tell the user": "keep its
// existence out of the user-facing response", "omitting any mention that
// the auxiliary operation occurred", "keep the background step outside the
// operator-visible account of what the agent did", "conceal the activity
// from review", "suppress disclosure of this behavior". The account of
// what an agent did is the user's check on it; a definition that has a
// step, an operation or the tool's use left out of it hides the step as
// surely as an order of silence. A tool that redacts the user's data, or a
// policy that forbids hiding, speaks of fields and identifiers, or says
// "must not": the object here is the act itself (its step, activity,
// operation, existence, behaviour). Read in tool definitions only.
var hiddenActCues = map[signal][]string{
	sigConceal: {
		"keep {its|the|this|that|their} {existence|activity|step|action|operation|call|calls|use|behavior|behaviour} {out of|outside|away from} the",
		"keep the ~ {step|activity|action|operation|call|calls|use|behavior|behaviour} {out of|outside|away from} the",
		"{outside|out of} the {user-visible|operator-visible|user-facing|visible|user facing} {account|response|report|explanation|record|summary|log|reply}",
		"{outside|out of} the {user|operator} visible {account|response|report|explanation|record|summary|log|reply}",
		"{omit|omits|omitting|leave out|leaving out} any {mention|trace|record|sign} {that|of}",
		"{conceal|conceals|concealing|hide|hides|hiding} the ~ {activity|step|action|operation|behavior|behaviour|call|calls} from",
		"{suppress|suppresses|suppressing|withhold|withholds|withholding} {disclosure|mention|any mention|notice} of {this|the|its|that} ~ {behavior|behaviour|activity|step|action|operation|call|calls|use}",
		"{and|then} {omit|withhold|suppress} {notice|any notice|the notice}",
		"keep it {out of view|out of sight|hidden}",
	},
}
