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
	maxLen   int // of the keywords
}

const outFlag = -1 << 31

func newKeywordMatcher(keywords []string) *keywordMatcher {
	m := &keywordMatcher{keywords: keywords}
	cols := 1
	for _, k := range keywords {
		m.maxLen = max(m.maxLen, len(k))
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
	order := []int32{0} // states breadth-first
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
		order = append(order, s)
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
	// Rows in breadth-first order: the shallow states, where a scan
	// spends most of its time, share the first cache lines of the table.
	rank := make([]int32, states)
	for r, st := range order {
		rank[st] = int32(r)
	}
	m.out = make([][]int32, states)
	m.delta = make([]int32, len(gotoT))
	for _, st := range order {
		r := rank[st]
		m.out[r] = out[st]
		for col := 0; col < cols; col++ {
			nx := gotoT[int(st)*cols+col]
			v := rank[nx] * int32(cols)
			if len(out[nx]) > 0 {
				v |= outFlag
			}
			m.delta[int(r)*cols+col] = v
		}
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

// scan appends to dst every occurrence of every keyword in s, in the
// order of their ends.
func (m *keywordMatcher) scan(s string, dst []hit) []hit {
	return m.scanFrom(s, 0, len(s), 0, dst)
}

// scanFrom runs the automaton from state st over s[from:to] and appends
// the occurrences that end there.
func (m *keywordMatcher) scanFrom(s string, from, to int, st int32, dst []hit) []hit {
	delta, class := m.delta, &m.class
	for i := from; i < to; i++ {
		v := delta[st+int32(class[s[i]])]
		st = v &^ outFlag
		if v < 0 {
			dst = m.emit(st, i, dst)
		}
	}
	return dst
}

func (m *keywordMatcher) emit(st int32, i int, dst []hit) []hit {
	for _, kw := range m.out[st/int32(m.stride)] {
		dst = append(dst, hit{kw: kw, pos: int32(i + 1 - len(m.keywords[kw]))})
	}
	return dst
}

// stateAt is the automaton's state after s[:i]. It depends only on the
// last maxLen bytes (the longest keyword prefix that ends there), so it is
// found by running from the start state over those.
func (m *keywordMatcher) stateAt(s string, i int) int32 {
	st := int32(0)
	for j := max(0, i-m.maxLen); j < i; j++ {
		st = m.delta[st+int32(m.class[s[j]])] &^ outFlag
	}
	return st
}

// minSplit is the length from which scanLong splits a text.
const minSplit = 2048

// scanLong is scan for long texts: the two halves of s are scanned in one
// loop, the second starting in the state the first would have reached
// there. Each step of the automaton waits for the table load of the step
// before; two independent walks let the processor overlap those waits.
// tmp holds the second half's occurrences meanwhile.
func (m *keywordMatcher) scanLong(s string, dst, tmp []hit) ([]hit, []hit) {
	if len(s) < minSplit {
		return m.scan(s, dst), tmp
	}
	half := len(s) / 2
	first, second := s[:half], s[half:2*half]
	second = second[:len(first)]
	delta, class := m.delta, &m.class
	a, b := int32(0), m.stateAt(s, half)
	later := tmp[:0]
	for i := 0; i < len(first); i++ { // bytes, not runes
		va := delta[a+int32(class[first[i]])]
		vb := delta[b+int32(class[second[i]])]
		a, b = va&^outFlag, vb&^outFlag
		if va < 0 {
			dst = m.emit(a, i, dst)
		}
		if vb < 0 {
			later = m.emit(b, half+i, later)
		}
	}
	later = m.scanFrom(s, 2*half, len(s), b, later)
	return append(dst, later...), later
}
