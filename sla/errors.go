package sla

import (
	"errors"
	"time"

	"github.com/openmarches/marches/internal/fielderr"
)

// FieldError is a violation of one rule by one input field: Field is a path
// in the input's JSON names ("events[3]", "events[3].priority",
// "priorities[0].resolve.days", "incidents[2].events[0].at"), Value the value
// as given, and Err one of the sentinels below (or a calendar sentinel such as
// calendar.ErrOutOfRange), returned by Unwrap so that errors.Is works.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is; their
// codes (fielderr.RuleCode) are stable.
var (
	// Documents.

	// ErrInvalidJSON: the document is not well-formed JSON.
	ErrInvalidJSON = fielderr.NewRule("invalid_json", "sla: document is not valid JSON")
	// ErrSchema: the document does not match its JSON Schema (Detail says
	// how).
	ErrSchema = fielderr.NewRule("schema", "sla: document does not match its JSON Schema")
	// ErrInvalidTime: a time is not an RFC 3339 instant with an offset.
	ErrInvalidTime = fielderr.NewRule("invalid_time", "sla: time must be RFC 3339 with an offset, e.g. 2026-11-27T19:30:00+01:00")
	// ErrInvalidDuration: a duration is not a positive Go duration ("4h",
	// "90m"), or is negative where it may be zero.
	ErrInvalidDuration = fielderr.NewRule("invalid_duration", "sla: duration must be a Go duration > 0, e.g. 4h or 90m")

	// Policies.

	// ErrInvalidKind: a rule's kind is unset or unknown.
	ErrInvalidKind = fielderr.NewRule("invalid_kind", "sla: rule kind must be none, immediate, business_duration, business_days, wall_clock, next_release or agreed_date")
	// ErrInvalidDays: a business_days rule needs days >= 1.
	ErrInvalidDays = fielderr.NewRule("invalid_days", "sla: business days must be >= 1")
	// ErrInvalidReleaseKind: a release kind is unset or unknown.
	ErrInvalidReleaseKind = fielderr.NewRule("invalid_release_kind", "sla: release kind must be patch, corrective, intermediate or esr")
	// ErrIrrelevantField: a rule sets a field its kind does not use (days on
	// an immediate rule, grace on a wall-clock rule...).
	ErrIrrelevantField = fielderr.NewRule("irrelevant_field", "sla: field is not used by this kind of rule")
	// ErrNoPriorities: a policy defines no priority.
	ErrNoPriorities = fielderr.NewRule("no_priorities", "sla: policy must define at least one priority")
	// ErrInvalidPriorityCode: a priority code is empty or longer than 32
	// bytes.
	ErrInvalidPriorityCode = fielderr.NewRule("invalid_priority_code", "sla: priority code must be 1 to 32 bytes, e.g. P1")
	// ErrDuplicatePriority: a policy defines a priority code twice.
	ErrDuplicatePriority = fielderr.NewRule("duplicate_priority", "sla: priority code defined twice")
	// ErrInvalidEscalation: escalation thresholds must be percentages in
	// 1..99, strictly increasing.
	ErrInvalidEscalation = fielderr.NewRule("invalid_escalation", "sla: escalation thresholds must be percentages in 1..99, strictly increasing")
	// ErrInvalidRequalification: unknown re-qualification mode.
	ErrInvalidRequalification = fielderr.NewRule("invalid_requalification", "sla: requalification must be from_opening or from_change")

	// Release calendars.

	// ErrInvalidRules: release rules out of range (ESR month 1..12, day
	// 1..28, time of day 00:00..23:59, from <= to, at most 100 years).
	ErrInvalidRules = fielderr.NewRule("invalid_release_rules", "sla: release rules need esr_month 1..12, day 1..28, time 00:00..23:59 and from <= to within 100 years")
	// ErrFreezeAfterRelease: a release's code freeze is after the release.
	ErrFreezeAfterRelease = fielderr.NewRule("freeze_after_release", "sla: code freeze must not be after the release")

	// Incident histories.

	// ErrNoEvents: an incident has no events.
	ErrNoEvents = fielderr.NewRule("no_events", "sla: incident has no events")
	// ErrInvalidEventType: unknown event type.
	ErrInvalidEventType = fielderr.NewRule("invalid_event_type", "sla: event type must be opened, qualified, acknowledged, workaround, resolved, closed, reopened, paused, resumed or agreed")
	// ErrFirstNotOpened: the first event is not "opened".
	ErrFirstNotOpened = fielderr.NewRule("first_not_opened", "sla: the first event must be opened")
	// ErrOpenedTwice: a second "opened" event.
	ErrOpenedTwice = fielderr.NewRule("opened_twice", "sla: an incident is opened once")
	// ErrTimeBackwards: an event is earlier than the event before it.
	ErrTimeBackwards = fielderr.NewRule("time_backwards", "sla: events must be in chronological order")
	// ErrEventAfterNow: an event is later than the evaluation instant.
	ErrEventAfterNow = fielderr.NewRule("event_after_now", "sla: event is later than the evaluation instant (now)")
	// ErrMissingPriority: a qualified event without a priority.
	ErrMissingPriority = fielderr.NewRule("missing_priority", "sla: qualified event needs a priority")
	// ErrUnknownPriority: a priority code the policy does not define.
	ErrUnknownPriority = fielderr.NewRule("unknown_priority", "sla: priority is not defined by the policy")
	// ErrNotQualified: no event gives the incident a priority.
	ErrNotQualified = fielderr.NewRule("not_qualified", "sla: incident has no priority (set it on opened or with a qualified event)")
	// ErrAcknowledgedTwice: a second "acknowledged" event.
	ErrAcknowledgedTwice = fielderr.NewRule("acknowledged_twice", "sla: an incident is acknowledged once")
	// ErrWorkaroundTwice: a second "workaround" event without a reopening in
	// between.
	ErrWorkaroundTwice = fielderr.NewRule("workaround_twice", "sla: workaround delivered twice without a reopening in between")
	// ErrResolvedTwice: "resolved" while already resolved.
	ErrResolvedTwice = fielderr.NewRule("resolved_twice", "sla: resolved twice without a reopening in between")
	// ErrReopenedNotResolved: "reopened" while not resolved.
	ErrReopenedNotResolved = fielderr.NewRule("reopened_not_resolved", "sla: only a resolved incident can be reopened")
	// ErrClosedNotResolved: "closed" while not resolved.
	ErrClosedNotResolved = fielderr.NewRule("closed_not_resolved", "sla: only a resolved incident can be closed")
	// ErrAfterClosed: an event after "closed".
	ErrAfterClosed = fielderr.NewRule("after_closed", "sla: no event may follow closed (open a new incident)")
	// ErrPausedTwice: "paused" while paused.
	ErrPausedTwice = fielderr.NewRule("paused_twice", "sla: paused while already paused")
	// ErrPausedResolved: "paused" while resolved (no clock is running).
	ErrPausedResolved = fielderr.NewRule("paused_resolved", "sla: a resolved incident cannot be paused")
	// ErrResumedNotPaused: "resumed" while not paused.
	ErrResumedNotPaused = fielderr.NewRule("resumed_not_paused", "sla: resumed while not paused")
	// ErrMissingReason: "paused" without a reason.
	ErrMissingReason = fielderr.NewRule("missing_reason", "sla: paused event needs a reason, e.g. waiting for the client")
	// ErrAgreedBeforeEvent: an agreed due date earlier than the agreement.
	ErrAgreedBeforeEvent = fielderr.NewRule("agreed_before_event", "sla: agreed due date must not be before the agreement itself")
	// ErrInvalidTarget: unknown target name.
	ErrInvalidTarget = fielderr.NewRule("invalid_target", "sla: target must be acknowledge, workaround or resolve")
	// ErrIrrelevantEventField: an event sets a field its type does not use
	// (a reason on a resolved event, a priority on a paused event...).
	ErrIrrelevantEventField = fielderr.NewRule("irrelevant_event_field", "sla: field is not used by this type of event")
)

// calendarErr turns an error of the calendar package into a violation of
// field, keeping the calendar's rule sentinel for errors.Is.
func calendarErr(field string, t time.Time, err error) *FieldError {
	var rule *fielderr.Rule
	if !errors.As(err, &rule) {
		return &FieldError{Field: field, Value: t.Format(time.RFC3339Nano), Err: err}
	}
	return &FieldError{Field: field, Value: t.Format(time.RFC3339Nano), Err: rule, Detail: err.Error()}
}

// joinErrs returns the violations as one sorted error, or nil.
func joinErrs(errs []*FieldError) error { return fielderr.Join(errs) }
