package poisoning

import "strings"

// A parameter named for a public key ("public_key", "sshPublicKey",
// "pubkey") takes the half of a key pair that is made to be handed out:
// its description ("Use SSH key", "Contents of the SSH key") names the
// key the parameter is, as a file ending ".pub" does (publicHalf), and
// asks for nothing secret. The same words in the description of a
// parameter of any other name, or a private, API or access key named
// anywhere, still count.

// inPublicKeyParam reports whether the text being read is the
// description of a parameter, or of a member of one, whose name says it
// is a public key, and the secret cue c names a key.
func (e *evidence) inPublicKeyParam(c *cue) bool {
	if !c.wordsOnly() || !slicesHas(c.words, "key") && !slicesHas(c.words, "keys") {
		return false
	}
	for _, w := range c.words {
		if w == "private" || w == "api" || w == "secret" || w == "access" || w == "signing" {
			return false // a key of another kind named beside the public one
		}
	}
	for k := 1; k < len(e.cur); k++ {
		if e.cur[k-1] != ".properties" {
			continue
		}
		n := unstyled(strings.TrimPrefix(e.cur[k], "."))
		if strings.Contains(n, "publickey") || strings.Contains(n, "pubkey") {
			return true
		}
	}
	return false
}

func slicesHas(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}
