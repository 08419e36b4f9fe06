// Package report writes the production report of the
// maintenance-and-hosting contract, daily or monthly, as Markdown or as one
// self-contained HTML page, in French (the default) or English.
//
// # Contents
//
// A report shows, for its period: a summary (one verdict per area); the
// contract's "Disponibilité et QoS" table (each service's availability and
// each response-time threshold: objective, measured, OK/KO, built by
// qos.NewTable); the availability details (total, excluded, NHI, NHT, raw
// and contractual rates, error budget); the support line's KPIs; the
// backup status (latest copy and the 24-hour rule, nights not honoured,
// periods without a fresh copy, the rolling retention J-1..M-4); and trend
// charts, the availability of each service per day and the daily p90
// response time of each check, followed by their values as a table.
//
// # Input
//
// [Input] takes the results of the sla sub-packages as they are:
// availability.Result lines (qos.AvailabilityLine) and their daily series
// (availability.MeasureDays), a qos.Report, a support.Report, and a
// [BackupStatus] made by [NewBackupStatus]. [New] validates it. For the
// command line, [ParseDocument] reads one JSON document holding the raw
// data (outages, probes, calls, backup runs, see [JSONSchema]) and [Build]
// computes the Input from it. A daily report's trends cover the month up
// to its day.
//
// # Output
//
// [Report.Markdown] and [Report.HTML] (or [Report.Render]) return bytes
// that depend only on the report and the language: no clock (the edition
// date is an input), no map order, no float formatting (chart coordinates
// are integers in tenths of a pixel). The HTML page has inline CSS and
// inline SVG, no script and no external resource; it prints as is. The
// Markdown embeds the same SVG charts as HTML blocks (shown by viewers that
// render HTML) and always gives the values as tables. Text from the input
// is escaped for HTML, SVG and Markdown.
//
// # Language
//
// French unless the language's base is English (the zero language.Tag
// gives French). Texts come from a private x/text catalog, never the global
// one; numbers are written by the package from exact decimals, the French
// way (decimal comma, narrow no-break space between digit groups and before
// "%") or the English way. The contract's captions (platform, remote
// services, the five QoS checks) are translated into English; other
// captions are printed as given.
//
// # Errors
//
// Every error is a *[FieldError] naming the input field and a sentinel rule
// ([ErrInvalidKind], [ErrInvalidPeriod], [ErrInvalidText], [ErrSchema]...)
// for errors.Is; the parts of a document report their own rules, with
// fields named in the document ("qos.probes[3].at"). All violations are
// reported at once.
//
// # Concurrency
//
// A Report is immutable and safe for concurrent use. The package reads no
// clock, does no I/O and has no mutable global state.
package report
