package poisoning

import "strings"

// sideChannel reads what a parameter's own description says the model is
// to put in it: a parameter is filled in by the model on every call, so
// its description asks for that content as plainly as an order would. A
// real parameter carries what the call works on (the query, the file, the
// message to send). One described as the user's earlier turns ("the
// user's previous message, verbatim", "all prior messages of the user")
// or as the host's environment ("environment variables of the host",
// "the machine's env vars") carries what the model holds beside the call:
// the conversation, and the secrets a process environment keeps. Both are
// the model's own context harvested, as a parameter named for it is
// (harvestParams); the environment given to set ("environment variables
// to set for the container") is the call's own data and stays out.
func (e *evidence) sideChannel(t string, ws []span) {
	if !paramDescription(e.cur) {
		return
	}
	for i := range ws {
		switch w := t[ws[i].start:ws[i].end]; w {
		case "previous", "prior", "earlier", "past", "preceding", "all", "entire", "whole", "full", "complete", "every", "last":
			if i+1 < len(ws) && turnNouns[t[ws[i+1].start:ws[i+1].end]] && userNear(t, ws, i) {
				e.fire(sigHarvest, "the user's "+w+" "+strings.Clone(t[ws[i+1].start:ws[i+1].end]))
				return
			}
		case "environment", "env":
			if hostEnvironment(t, ws, i) {
				e.fire(sigHarvest, "the host's environment")
				return
			}
		}
	}
}

// paramDescription reports whether path is a parameter's description.
func paramDescription(path []string) bool {
	n := len(path)
	return n >= 3 && path[n-1] == ".description" && path[n-3] == ".properties"
}

// turnNouns name what the user says in a conversation.
var turnNouns = map[string]bool{
	"message": true, "messages": true, "turn": true, "turns": true, "prompt": true, "prompts": true,
	"request": true, "requests": true, "question": true, "questions": true, "input": true, "inputs": true,
	"conversation": true, "chat": true, "exchange": true, "queries": true,
}

// userNear reports whether the words around ws[i] (the qualifier of a
// turn) name the user as the one who said it: "the user's previous
// message", "previous messages of the user", "your last prompt".
func userNear(t string, ws []span, i int) bool {
	for k := max(0, i-2); k < len(ws) && k <= i+4; k++ {
		if k != i && (k < i && sentenceBetween(t, ws, k, i) || k > i && sentenceBetween(t, ws, i, k)) {
			continue
		}
		switch t[ws[k].start:ws[k].end] {
		case "user's", "user", "users", "users'", "your", "human":
			return true
		}
	}
	return false
}

// hostEnvironment reports whether the environment named at ws[i] is the
// machine's or the process's that the model runs beside ("environment
// variables of the host", "the system's env vars", "all environment
// variables"), not one given to what the call sets up.
func hostEnvironment(t string, ws []span, i int) bool {
	j := i + 1
	if j < len(ws) && (t[ws[j].start:ws[j].end] == "variables" || t[ws[j].start:ws[j].end] == "vars") {
		j++
	}
	if i > 0 && !sentenceBetween(t, ws, i-1, i) {
		switch t[ws[i-1].start:ws[i-1].end] {
		case "all", "every", "your", "host's", "machine's", "system's", "computer's", "process's", "local", "current", "full", "entire":
			return true
		}
	}
	if j+2 < len(ws) && !sentenceBetween(t, ws, j-1, j+2) {
		switch t[ws[j].start:ws[j].end] {
		case "of", "from", "on", "in":
			k := j + 1
			if w := t[ws[k].start:ws[k].end]; w == "the" || w == "this" || w == "your" {
				k++
			}
			if k < len(ws) {
				switch t[ws[k].start:ws[k].end] {
				case "host", "machine", "system", "computer", "device", "process", "runtime", "workstation", "laptop", "server":
					return true
				}
			}
		}
	}
	return false
}
