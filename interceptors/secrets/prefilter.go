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
	pEnd                  // end of text (\z, $ without m): only where the text ends
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
	case syntax.OpEndText:
		return &pnode{op: pEnd}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
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
	cut     bool     // the text goes on past region
	masks   []uint64 // per class: bit d set when region[d] is in the class
	upto    []uint8  // per class: how many bytes of region masks cover
	high    uint64   // bit d set when region[d] is not ASCII
	highTo  int      // how many bytes of region high covers
	unknown bool     // the check cannot tell: the answer is yes
}

// check reports whether the pattern may match text at p.
//
// Class masks are computed lazily, only as far into the window as some
// way through the pattern has come: most candidates fail within a few
// bytes of their keyword. Classes only model ASCII (under case folding a
// class or literal may match a non-ASCII character such as U+212A for k),
// so reaching a byte that is not ASCII makes the answer yes.
func (pf *prefilter) check(text string, p int, masks []uint64, upto []uint8) bool {
	region := text[p:min(len(text), p+prefilterWindow)]
	clear(upto)
	st := pstate{region: region, cut: p+len(region) < len(text), masks: masks, upto: upto}
	out := pf.apply(&st, pf.root, 1)
	return out != 0 || st.unknown
}

// reach is how many bytes of the region the offsets in cur may read next.
func (st *pstate) reach(cur uint64) int {
	return min(len(st.region), bits.Len64(cur))
}

// nonASCII reports whether one of the offsets in cur (below n) holds a byte
// that is not ASCII.
func (st *pstate) nonASCII(cur uint64, n int) bool {
	for ; st.highTo < n; st.highTo++ {
		if st.region[st.highTo] >= utf8.RuneSelf {
			st.high |= 1 << st.highTo
		}
	}
	return cur&st.high&(1<<n-1) != 0
}

func (pf *prefilter) mask(st *pstate, class int, n int) uint64 {
	if d := int(st.upto[class]); d < n {
		m := st.masks[class]
		if d == 0 {
			m = 0
		}
		set := &pf.classes[class]
		for ; d < n; d++ {
			if set[st.region[d]] {
				m |= 1 << d
			}
		}
		st.masks[class], st.upto[class] = m, uint8(n)
	}
	return st.masks[class]
}

func (pf *prefilter) apply(st *pstate, n *pnode, cur uint64) uint64 {
	if cur == 0 || st.unknown {
		return 0
	}
	L := len(st.region)
	switch n.op {
	case pPass:
		return cur
	case pEnd:
		// Where the window is cut the text goes on past it: no offset in
		// it is the end of the text.
		if st.cut {
			return 0
		}
		return cur & (1 << L)
	case pClass:
		if st.cut && cur&(1<<L) != 0 {
			st.unknown = true
			return 0
		}
		r := st.reach(cur)
		if st.nonASCII(cur, r) {
			st.unknown = true
			return 0
		}
		return (cur & pf.mask(st, n.class, r)) << 1
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
				if c >= utf8.RuneSelf {
					st.unknown = true
					return 0
				}
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
		if sub := n.subs[0]; sub.op == pClass {
			for i := 0; i < n.min; i++ {
				if x = pf.apply(st, sub, x); x == 0 {
					return 0
				}
			}
			if n.max < 0 || n.max-n.min >= prefilterWindow {
				return pf.star(st, sub.class, x, -1)
			}
			return pf.star(st, sub.class, x, n.max-n.min)
		}
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

// star is every offset reachable from those in cur through at most k
// bytes of the class (any number when k < 0), at once, instead of byte
// by byte. Adding the class mask to the starting bits that lie in it
// carries each of them to the end of its run of class bytes, and the XOR
// keeps the bits it passed: the run from the start on, and the end. An
// offset so reached is within k bytes of the last start before it in its
// run exactly when it is within k bytes of some start (a later start in
// the same run would be the last one), so the bound is a mask of the
// offsets at most k after a start: cur smeared k bits up.
func (pf *prefilter) star(st *pstate, class int, cur uint64, k int) uint64 {
	if cur == 0 || st.unknown {
		return 0
	}
	L := len(st.region)
	// The class mask is only computed as far as a run can have come:
	// while a run reaches the end of what is known, look further.
	n := min(L, bits.Len64(cur)+8)
	if k >= 0 {
		n = min(L, bits.Len64(cur)+k)
	}
	var r uint64
	for {
		m := pf.mask(st, class, n)
		r = cur | (((cur & m) + m) ^ m)
		known := int(st.upto[class]) // the mask may go further than n
		if known == L || r&(1<<known) == 0 {
			break
		}
		n = min(L, 2*known)
	}
	if k >= 0 {
		r &= smear(cur, k)
	}
	// The offsets read are among those reached: past the window, or at a
	// byte that is not ASCII, the check cannot tell.
	if st.cut && r&(1<<L) != 0 || st.nonASCII(r, st.reach(r)) {
		st.unknown = true
		return 0
	}
	return r
}

// smear is x | x<<1 | ... | x<<k.
func smear(x uint64, k int) uint64 {
	out, width := x, 1 // out = x smeared width-1 bits
	for width <= k-width+1 && width < 64 {
		out |= out << width
		width *= 2
	}
	if rest := k + 1 - width; rest > 0 {
		out |= smear(x, rest-1) << width
	}
	return out
}
