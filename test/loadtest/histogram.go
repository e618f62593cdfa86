package loadtest

import (
	"math/bits"
	"time"
)

// subBits sets the histogram's precision: 2^(subBits-1) buckets per power of
// two, so a recorded value is known to within 1/64 (1.6%) of itself.
const subBits = 7

// maxValue bounds what the histogram records (larger values are clamped; the
// exact maximum is kept separately).
const maxValue = int64(time.Hour)

// Histogram is a log-linear latency histogram in nanoseconds, in the manner
// of HdrHistogram: fixed memory (about 20 KB) whatever the number of
// samples, relative error under 1.6%, exact count, minimum and maximum.
// It is not safe for concurrent use.
type Histogram struct {
	counts   []uint64
	n        uint64
	min, max int64
}

// NewHistogram returns an empty histogram.
func NewHistogram() *Histogram {
	return &Histogram{counts: make([]uint64, bucketIndex(uint64(maxValue))+1)}
}

func bucketIndex(v uint64) int {
	if v < 1<<subBits {
		return int(v)
	}
	e := bits.Len64(v) - subBits
	return e<<(subBits-1) + int(v>>e)
}

// bucketBounds returns the smallest and largest value of bucket i.
func bucketBounds(i int) (lo, hi int64) {
	if i < 1<<subBits {
		return int64(i), int64(i)
	}
	e := i>>(subBits-1) - 1
	m := int64(i - e<<(subBits-1))
	return m << e, (m+1)<<e - 1
}

// Record adds one duration.
func (h *Histogram) Record(d time.Duration) {
	v := int64(d)
	if v < 0 {
		v = 0
	}
	if h.n == 0 || v < h.min {
		h.min = v
	}
	if v > h.max {
		h.max = v
	}
	h.n++
	if v > maxValue {
		v = maxValue
	}
	h.counts[bucketIndex(uint64(v))]++
}

// Merge adds every sample of o.
func (h *Histogram) Merge(o *Histogram) {
	if o.n == 0 {
		return
	}
	if h.n == 0 || o.min < h.min {
		h.min = o.min
	}
	if o.max > h.max {
		h.max = o.max
	}
	h.n += o.n
	for i, c := range o.counts {
		h.counts[i] += c
	}
}

// Count is the number of samples.
func (h *Histogram) Count() uint64 { return h.n }

// Max is the exact largest sample.
func (h *Histogram) Max() time.Duration { return time.Duration(h.max) }

// Min is the exact smallest sample.
func (h *Histogram) Min() time.Duration { return time.Duration(h.min) }

// Quantile returns the value at quantile q (0..1): the middle of the bucket
// holding the ceil(q*n)-th smallest sample, kept within [Min, Max].
func (h *Histogram) Quantile(q float64) time.Duration {
	if h.n == 0 {
		return 0
	}
	rank := uint64(q*float64(h.n) + 0.9999999)
	if rank < 1 {
		rank = 1
	}
	if rank > h.n {
		rank = h.n
	}
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			lo, hi := bucketBounds(i)
			v := lo + (hi-lo)/2
			v = max(v, h.min)
			v = min(v, h.max)
			return time.Duration(v)
		}
	}
	return time.Duration(h.max)
}
