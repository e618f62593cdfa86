package secrets

// keywordMatcher finds every occurrence of a set of keywords in one pass
// over a text, ignoring ASCII letter case (Aho-Corasick automaton compiled
// to a transition table over byte classes).
type keywordMatcher struct {
	class    [256]uint8 // byte -> column; 0 for bytes in no keyword
	stride   int        // columns per state
	delta    []int32    // state*stride+class -> next state*stride, negative when the next state ends a keyword
	out      [][]int32  // state -> keywords ending there (suffixes included)
	keywords []string
}

const outFlag = -1 << 31

func newKeywordMatcher(keywords []string) *keywordMatcher {
	m := &keywordMatcher{keywords: keywords}
	cols := 1
	for _, k := range keywords {
		for i := 0; i < len(k); i++ {
			c := lower(k[i])
			if m.class[c] == 0 {
				if cols == 256 {
					panic("secrets: too many distinct keyword bytes")
				}
				m.class[c] = uint8(cols)
				cols++
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		m.class[c] = m.class[c+'a'-'A']
	}
	m.stride = cols

	// Trie: goto[state][col], -1 when absent.
	gotoT := make([]int32, cols)
	for i := range gotoT {
		gotoT[i] = -1
	}
	out := [][]int32{nil}
	states := 1
	for ki, k := range keywords {
		s := 0
		for i := 0; i < len(k); i++ {
			col := int(m.class[lower(k[i])])
			nx := gotoT[s*cols+col]
			if nx < 0 {
				nx = int32(states)
				states++
				gotoT[s*cols+col] = nx
				for range cols {
					gotoT = append(gotoT, -1)
				}
				out = append(out, nil)
			}
			s = int(nx)
		}
		out[s] = append(out[s], int32(ki))
	}

	// Breadth-first: failure links, inherited outputs and the full table.
	fail := make([]int32, states)
	queue := make([]int32, 0, states)
	for col := 0; col < cols; col++ {
		if nx := gotoT[col]; nx > 0 {
			fail[nx] = 0
			queue = append(queue, nx)
		} else {
			gotoT[col] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		out[s] = append(out[s], out[fail[s]]...)
		for col := 0; col < cols; col++ {
			nx := gotoT[int(s)*cols+col]
			if nx < 0 {
				gotoT[int(s)*cols+col] = gotoT[int(fail[s])*cols+col]
				continue
			}
			fail[nx] = gotoT[int(fail[s])*cols+col]
			queue = append(queue, nx)
		}
	}
	m.out = out
	m.delta = make([]int32, len(gotoT))
	for i, nx := range gotoT {
		v := nx * int32(cols)
		if len(out[nx]) > 0 {
			v |= outFlag
		}
		m.delta[i] = v
	}
	return m
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hit is one keyword occurrence: keyword index and the offset of its first byte.
type hit struct {
	kw  int32
	pos int32
}

// scan appends to dst every occurrence of every keyword in s.
func (m *keywordMatcher) scan(s string, dst []hit) []hit {
	delta, class := m.delta, &m.class
	st := int32(0)
	for i := 0; i < len(s); i++ {
		v := delta[st+int32(class[s[i]])]
		st = v &^ outFlag
		if v < 0 {
			for _, kw := range m.out[st/int32(m.stride)] {
				dst = append(dst, hit{kw: kw, pos: int32(i + 1 - len(m.keywords[kw]))})
			}
		}
	}
	return dst
}
