package pricing

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Allocate splits total into len(weights) parts proportional to the
// weights that sum exactly to total, in whole minor units (cents), by the
// largest-remainder method: each part first gets its exact share rounded
// toward zero, then the cents left over go one by one to the parts with
// the largest remainders; equal remainders go to the earlier part, so the
// result is deterministic. A negative total is split as its absolute value
// and negated.
//
// Errors: ErrNotWholeMinorUnits when total is not whole cents,
// ErrInvalidWeights when a weight is negative, the list is empty or the
// weights sum to 0. The weights slice is not modified.
func Allocate(total Amount, weights []decimal.Decimal) ([]Amount, error) {
	if !total.IsRounded() {
		return nil, &FieldError{Field: "total", Value: total.Text(), Err: ErrNotWholeMinorUnits}
	}
	sum := decimal.Zero
	for i, w := range weights {
		if w.Sign() < 0 {
			return nil, &FieldError{Field: "weights[" + itoa(i) + "]", Value: decText(w, 0), Err: ErrInvalidWeights}
		}
		sum = sum.Add(w)
	}
	if len(weights) == 0 || sum.IsZero() {
		return nil, &FieldError{Field: "weights", Err: ErrInvalidWeights}
	}
	digits := total.c.Digits()
	units := total.v.Abs().Shift(digits) // an integer
	parts := make([]decimal.Decimal, len(weights))
	rems := make([]decimal.Decimal, len(weights))
	given := decimal.Zero
	for i, w := range weights {
		q, r := units.Mul(w).QuoRem(sum, 0)
		parts[i], rems[i] = q, r
		given = given.Add(q)
	}
	left := units.Sub(given).IntPart() // 0 <= left < len(weights)
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rems[b].Cmp(rems[a]) })
	for k := 0; k < int(left); k++ {
		parts[order[k]] = parts[order[k]].Add(one)
	}
	out := make([]Amount, len(parts))
	for i, p := range parts {
		v := p.Shift(-digits)
		if total.v.Sign() < 0 {
			v = v.Neg()
		}
		out[i] = Amount{v: v.Round(digits), c: total.c}
	}
	return out, nil
}

// Split divides total into n equal parts with Allocate (the first parts
// get the extra cents). Errors as Allocate; n must be > 0.
func Split(total Amount, n int) ([]Amount, error) {
	if n <= 0 {
		return nil, &FieldError{Field: "parts", Value: itoa(n), Err: ErrInvalidWeights}
	}
	w := make([]decimal.Decimal, n)
	for i := range w {
		w[i] = one
	}
	return Allocate(total, w)
}
