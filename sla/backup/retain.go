package backup

import (
	"slices"
	"strconv"
	"time"

	"github.com/openmarches/marches/calendar"
)

// Tier is a level of the rolling retention policy. The zero Tier is unset.
type Tier int

const (
	// Daily copies, labelled J-1..J-n (jour: day).
	Daily Tier = iota + 1
	// Weekly copies, labelled S-1..S-n (semaine: week).
	Weekly
	// Monthly copies, labelled M-1..M-n (mois: month).
	Monthly
	// Latest is the most recent complete copy, kept whatever its age so
	// that the policy never deletes the last copy there is.
	Latest
)

// String returns the tier's stable code: "daily", "weekly", "monthly" or
// "latest".
func (t Tier) String() string {
	switch t {
	case Daily:
		return "daily"
	case Weekly:
		return "weekly"
	case Monthly:
		return "monthly"
	case Latest:
		return "latest"
	}
	return "Tier(" + strconv.Itoa(int(t)) + ")"
}

// Slot is one place of the rolling policy: J-1 is {Daily, 1}, S-4 is
// {Weekly, 4}, M-2 is {Monthly, 2}; the latest copy is {Latest, 0}.
type Slot struct {
	// Tier is the slot's level.
	Tier Tier
	// N is the rank in the tier, from 1 (the most recent period); 0 for
	// Latest.
	N int
}

// String returns the contract's label of the slot: "J-1", "S-4", "M-2",
// or "latest".
func (s Slot) String() string {
	switch s.Tier {
	case Daily:
		return "J-" + strconv.Itoa(s.N)
	case Weekly:
		return "S-" + strconv.Itoa(s.N)
	case Monthly:
		return "M-" + strconv.Itoa(s.N)
	case Latest:
		return "latest"
	}
	return s.Tier.String() + "-" + strconv.Itoa(s.N)
}

// MarshalText encodes the slot's label.
func (s Slot) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// SlotState is a slot of the policy at the evaluation instant: the period
// whose last complete copy fills it, and that copy.
type SlotState struct {
	// Slot names the slot.
	Slot Slot
	// First and Last bound (inclusive) the dates, on the policy's wall
	// clock, on which a backup taken fills the slot: one day for J-k, the
	// ISO week (Monday to Sunday) for S-k, the calendar month for M-k.
	First, Last calendar.Date
	// Index is the input position of the backup filling the slot, or -1
	// when no complete backup was taken in the period (the slot is
	// missing).
	Index int
}

// PruneReason says why the policy does not keep a backup.
type PruneReason int

const (
	// FailedRun: a failed run holds no usable copy.
	FailedRun PruneReason = iota + 1
	// Superseded: a later complete backup of the same kept day, week or
	// month fills the slot.
	Superseded
	// Expired: the backup's day, ISO week and month are all outside the
	// periods the policy keeps.
	Expired
)

// String returns the reason's stable code: "failed", "superseded" or
// "expired".
func (r PruneReason) String() string {
	switch r {
	case FailedRun:
		return "failed"
	case Superseded:
		return "superseded"
	case Expired:
		return "expired"
	}
	return "PruneReason(" + strconv.Itoa(int(r)) + ")"
}

// Kept is a backup the policy keeps, with every slot it fills (a Sunday
// backup is often both J-k and S-1).
type Kept struct {
	// Index is the backup's position in the input.
	Index int
	// Backup is the input backup, its At on the policy's wall clock.
	Backup Backup
	// Slots lists the slots the backup fills: daily, then weekly, then
	// monthly, then latest.
	Slots []Slot
}

// Pruned is a backup the policy deletes, and why.
type Pruned struct {
	// Index is the backup's position in the input.
	Index int
	// Backup is the input backup, its At on the policy's wall clock.
	Backup Backup
	// Reason says why the policy deletes it.
	Reason PruneReason
}

// Retention is what the rolling policy keeps and prunes at an instant.
type Retention struct {
	// At is the evaluation instant, on the policy's wall clock.
	At time.Time
	// Kept and Pruned partition the backups taken at or before At, each
	// sorted by instant, then input position.
	Kept []Kept
	// Pruned: see Kept.
	Pruned []Pruned
	// Later lists the input positions of backups taken after At, which
	// did not exist yet and are neither kept nor pruned.
	Later []int
	// Slots lists every slot of the policy in order J-1..J-n, S-1..S-n,
	// M-1..M-n, filled or missing.
	Slots []SlotState
}

// Missing returns the slots that no complete backup fills, in order.
func (r Retention) Missing() []Slot {
	var out []Slot
	for _, s := range r.Slots {
		if s.Index < 0 {
			out = append(out, s.Slot)
		}
	}
	return out
}

// Retain applies the rolling policy at instant at to the backups that
// exist then (taken at or before at; later ones are listed in Later).
//
// Let T be the date of at on the policy's wall clock. Each slot is filled
// by the last complete backup (latest At; on a tie, the one listed last)
// taken in its period:
//
//   - J-k (k = 1..Daily): the date T−k+1. J-1 is the backup taken on T,
//     in the night that closes day T−1, hence its name: it holds the data
//     of J−1, "yesterday"; J-6 is the one taken on T−5.
//   - S-k (k = 1..Weekly): the k-th ISO week (Monday to Sunday) before
//     the week of T. S-1 is normally the previous Sunday's backup.
//   - M-k (k = 1..Monthly): the k-th calendar month before the month of
//     T. M-1 is normally the backup of the last day of the previous month.
//
// The most recent complete backup is also always kept (slot "latest"),
// so that a policy evaluated long after backups stopped never deletes the
// last copy. Every other backup is pruned: failed runs (FailedRun),
// complete backups of a kept period that a later one fills (Superseded),
// and those whose day, week and month are all outside the kept periods
// (Expired).
//
// It fails with ErrMissingTime for a zero at or backup time,
// ErrTimeOutOfRange outside the years 1990..2200, and ErrInvalidStatus for
// an unset status, reporting every invalid backup at once. The input is
// not modified.
func (p *Policy) Retain(bs []Backup, at time.Time) (Retention, error) {
	at, err := p.checkInstant("at", at)
	es, err2 := p.prepare(bs)
	if err := joinErrors(err, err2); err != nil {
		return Retention{}, err
	}
	T := dateOf(at)
	tMon := monday(T)
	tMonth := monthIndex(T)
	tDay32, tMon32, tMonth32 := dayNumbers(at)

	nd, nw, nm := p.daily, p.weekly, p.monthly
	slotIdx := make([]int, nd+nw+nm) // entry positions in es, -1 when empty
	for i := range slotIdx {
		slotIdx[i] = -1
	}
	latest := -1
	cut := upTo(es, at.UnixNano())
	for k, e := range es[:cut] {
		if !e.ok {
			continue
		}
		latest = k
		if j := int(tDay32-e.day) + 1; j >= 1 && j <= nd {
			slotIdx[j-1] = k
		}
		if w := int(tMon32-e.mon) / 7; w >= 1 && w <= nw {
			slotIdx[nd+w-1] = k
		}
		if m := int(tMonth32 - e.month); m >= 1 && m <= nm {
			slotIdx[nd+nw+m-1] = k
		}
	}
	// Slots filled by each entry, in tier order.
	slotsOf := make(map[int][]Slot, len(slotIdx)+1)
	r := Retention{At: at, Slots: make([]SlotState, 0, len(slotIdx))}
	for s, k := range slotIdx {
		var slot Slot
		var first, last calendar.Date
		switch {
		case s < nd:
			slot = Slot{Daily, s + 1}
			first = T.AddDays(-s)
			last = first
		case s < nd+nw:
			slot = Slot{Weekly, s - nd + 1}
			first = tMon.AddDays(-7 * slot.N)
			last = first.AddDays(6)
		default:
			slot = Slot{Monthly, s - nd - nw + 1}
			first = monthStart(tMonth - slot.N)
			last = monthStart(tMonth - slot.N + 1).AddDays(-1)
		}
		st := SlotState{Slot: slot, First: first, Last: last, Index: -1}
		if k >= 0 {
			st.Index = es[k].i
			slotsOf[k] = append(slotsOf[k], slot)
		}
		r.Slots = append(r.Slots, st)
	}
	if latest >= 0 {
		slotsOf[latest] = append(slotsOf[latest], Slot{Tier: Latest})
	}
	r.Kept = make([]Kept, 0, len(slotsOf))
	r.Pruned = make([]Pruned, 0, cut-len(slotsOf))
	for k, e := range es[:cut] {
		b := bs[e.i]
		b.At = b.At.In(p.loc)
		if sl, ok := slotsOf[k]; ok {
			r.Kept = append(r.Kept, Kept{Index: e.i, Backup: b, Slots: sl})
			continue
		}
		reason := FailedRun
		if e.ok {
			reason = Superseded
			if !inKeptPeriod(e, tDay32, tMon32, tMonth32, nd, nw, nm) {
				reason = Expired
			}
		}
		r.Pruned = append(r.Pruned, Pruned{Index: e.i, Backup: b, Reason: reason})
	}
	for _, e := range es[cut:] {
		r.Later = append(r.Later, e.i)
	}
	slices.Sort(r.Later)
	return r, nil
}

// inKeptPeriod reports whether e's date lies in one of the periods (days,
// weeks, months) whose last backup the policy keeps, as seen from the
// evaluation day tDay (see dayNumbers).
func inKeptPeriod(e entry, tDay, tMon, tMonth int32, nd, nw, nm int) bool {
	if j := int(tDay-e.day) + 1; j >= 1 && j <= nd {
		return true
	}
	if w := int(tMon-e.mon) / 7; w >= 1 && w <= nw {
		return true
	}
	m := int(tMonth - e.month)
	return m >= 1 && m <= nm
}

// monday returns the Monday of d's ISO week.
func monday(d calendar.Date) calendar.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// monthIndex numbers months consecutively: year×12 + month−1.
func monthIndex(d calendar.Date) int { return d.Year()*12 + int(d.Month()) - 1 }

// monthStart returns the first day of the month numbered m by monthIndex.
func monthStart(m int) calendar.Date {
	return calendar.MustDate(m/12, time.Month(m%12+1), 1)
}
