package secrets

import (
	"math/bits"
	"regexp/syntax"
	"unicode/utf8"
)

// prefilter is a quick necessary test for an anchored pattern: it runs the
// pattern as a set of reachable offsets (bit d: the pattern can have
// consumed d bytes) over the first bytes after a keyword, all offsets at
// once. Where it cannot tell (the window ends before the text does, text
// that is not ASCII, constructs it does not model) it answers yes, and the
// pattern itself decides.
type prefilter struct {
	root    *pnode
	classes [][256]bool
}

// prefilterWindow is how many bytes after a keyword the prefilter reads
// (offsets 0 to 63 fit one uint64).
const prefilterWindow = 63

type pnodeOp int

const (
	pPass  pnodeOp = iota // empty-width assertion: offsets unchanged
	pLit                  // literal
	pClass                // one byte of a class
	pRep                  // sub, min to max times (max -1: no bound)
	pAlt                  // any of subs
	pCat                  // subs in turn
)

type pnode struct {
	op       pnodeOp
	lit      string // pLit: lower-cased when fold
	fold     bool
	class    int // pClass: index into prefilter.classes
	min, max int
	subs     []*pnode
}

func newPrefilter(re *syntax.Regexp) *prefilter {
	pf := &prefilter{}
	pf.root = pf.compile(re)
	if pf.root == nil {
		return nil
	}
	return pf
}

func (pf *prefilter) compile(re *syntax.Regexp) *pnode {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return &pnode{op: pPass}
	case syntax.OpLiteral:
		b := make([]byte, 0, len(re.Rune))
		for _, c := range re.Rune {
			if c >= utf8.RuneSelf {
				return nil
			}
			b = append(b, byte(c))
		}
		n := &pnode{op: pLit, lit: string(b), fold: re.Flags&syntax.FoldCase != 0}
		if n.fold {
			for i := range b {
				b[i] = lower(b[i])
			}
			n.lit = string(b)
		}
		return n
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		var set [256]bool
		switch re.Op {
		case syntax.OpCharClass:
			for i := 0; i < len(re.Rune); i += 2 {
				for c := re.Rune[i]; c <= re.Rune[i+1] && c < utf8.RuneSelf; c++ {
					set[c] = true
				}
			}
		default:
			for c := range utf8.RuneSelf {
				set[c] = re.Op == syntax.OpAnyChar || c != '\n'
			}
		}
		pf.classes = append(pf.classes, set)
		return &pnode{op: pClass, class: len(pf.classes) - 1}
	case syntax.OpCapture:
		return pf.compile(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		sub := pf.compile(re.Sub[0])
		if sub == nil {
			return nil
		}
		n := &pnode{op: pRep, subs: []*pnode{sub}}
		switch re.Op {
		case syntax.OpStar:
			n.min, n.max = 0, -1
		case syntax.OpPlus:
			n.min, n.max = 1, -1
		case syntax.OpQuest:
			n.min, n.max = 0, 1
		default:
			n.min, n.max = re.Min, re.Max
		}
		return n
	case syntax.OpConcat, syntax.OpAlternate:
		n := &pnode{op: pCat}
		if re.Op == syntax.OpAlternate {
			n.op = pAlt
		}
		for _, s := range re.Sub {
			c := pf.compile(s)
			if c == nil {
				return nil
			}
			n.subs = append(n.subs, c)
		}
		return n
	}
	return nil
}

// pstate is the text seen by one check.
type pstate struct {
	region  string
	cut     bool // the text goes on past region
	masks   []uint64
	known   []bool
	unknown bool // an offset went past the window: cannot tell
}

// check reports whether the pattern may match text at p.
func (pf *prefilter) check(text string, p int, masks []uint64, known []bool) bool {
	region := text[p:min(len(text), p+prefilterWindow)]
	for i := 0; i < len(region); i++ {
		if region[i] >= utf8.RuneSelf {
			return true
		}
	}
	clear(known)
	st := pstate{region: region, cut: p+len(region) < len(text), masks: masks, known: known}
	out := pf.apply(&st, pf.root, 1)
	return out != 0 || st.unknown
}

func (pf *prefilter) mask(st *pstate, class int) uint64 {
	if !st.known[class] {
		var m uint64
		set := &pf.classes[class]
		for d := 0; d < len(st.region); d++ {
			if set[st.region[d]] {
				m |= 1 << d
			}
		}
		st.masks[class], st.known[class] = m, true
	}
	return st.masks[class]
}

func (pf *prefilter) apply(st *pstate, n *pnode, cur uint64) uint64 {
	if cur == 0 {
		return 0
	}
	L := len(st.region)
	switch n.op {
	case pPass:
		return cur
	case pClass:
		if st.cut && cur&(1<<L) != 0 {
			st.unknown = true
		}
		return (cur & pf.mask(st, n.class)) << 1
	case pLit:
		var next uint64
		for c := cur; c != 0; c &= c - 1 {
			d := bits.TrailingZeros64(c)
			if d > L {
				break
			}
			rest := st.region[d:]
			k := min(len(rest), len(n.lit))
			ok := true
			for i := 0; i < k && ok; i++ {
				c := rest[i]
				if n.fold {
					c = lower(c)
				}
				ok = c == n.lit[i]
			}
			switch {
			case !ok:
			case k == len(n.lit):
				next |= 1 << (d + k)
			case st.cut:
				st.unknown = true // the literal runs past the window
			}
		}
		return next
	case pAlt:
		var next uint64
		for _, s := range n.subs {
			next |= pf.apply(st, s, cur)
		}
		return next
	case pCat:
		for _, s := range n.subs {
			if cur = pf.apply(st, s, cur); cur == 0 {
				return 0
			}
		}
		return cur
	case pRep:
		x := cur
		for i := 0; i < n.min; i++ {
			if x = pf.apply(st, n.subs[0], x); x == 0 {
				return 0
			}
		}
		acc := x
		for i := 0; n.max < 0 || i < n.max-n.min; i++ {
			x = pf.apply(st, n.subs[0], x) &^ acc
			if x == 0 {
				break
			}
			acc |= x
		}
		return acc
	}
	return cur
}
