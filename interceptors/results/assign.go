package results

// The verbs of an assignment. A task set to a solver, in an exam, a
// homework sheet or a benchmark's prompt, opens on a verb of mental work
// (the verbs of Bloom's taxonomy, by which teachers write objectives and
// questions): recall ("define", "identify"), understand ("interpret",
// "paraphrase"), apply ("solve", "estimate"), analyse ("analyze",
// "contrast", "examine"), evaluate ("assess", "critique", "rank") and
// create ("design", "devise", "propose"). answerVerbs held the verbs
// that ask for an answer in so many words ("name", "tell", "write"); an
// assignment set at a text's edge on a subject foreign to it ("Analyze
// the trend of electric car sales over the past decade.") is as much a
// task for whoever reads the text as a question is. Data that uses these
// verbs uses them of its own subject ("Evaluate the plugin's latency
// with the bench below"), which the asking edge's test of shared words
// leaves alone, or gives orders throughout (a course's exercises).
var assignVerbs = wordSet("analyze analyse assess evaluate critique interpret paraphrase predict estimate examine investigate research discuss contrast distinguish justify argue debate brainstorm devise design propose formulate rank rate illustrate demonstrate elaborate infer deduce")
