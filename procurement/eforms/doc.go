// Package eforms writes and reads EU eForms notices, the XML a French
// buyer sends to the Official Journal of the EU (TED) above the EU
// thresholds, from the procurement model: Generate turns a Notice into a
// notice that passes the official validation (XSD and Schematron of the
// eForms SDK 1.15.1), Parse reads one back, and Check explains problems
// field by field against an SDK directory before anything is sent.
//
// # Notices
//
// A Notice is the procurement.Consultation plus what a notice needs
// beyond it: Metadata (subtype, notice and procedure identifiers, version,
// dispatch time with its offset, language FRA, the eSender, the change it
// makes), the buyer's contact details, the review body (the tribunal
// administratif), procedure-wide terms, the terms of every lot (documents
// and submission URLs, electronic submission and invoicing, place of
// performance, framework agreement, dynamic purchasing system...) with
// per-lot overrides, and for award notices the tenderers' details, the
// other tenders, the lots closed without award and the contracts signed.
// Empty fields take documented defaults, so a small input gives a
// complete notice. Its JSON form (DecodeNotice, MarshalNotice,
// schema/notice.schema.json) is the input of "marches eforms generate".
//
// Supported subtypes (directive 2014/24/EU, what a collectivité
// territoriale publishes): 16 contract notice (avis de marché), 29 award
// notice (avis d'attribution), 20 and 33 their light-regime versions for
// social and other specific services, 4 prior information notice for
// information only (it describes parts, PAR-, not lots), 7 prior
// information notice that shortens time limits. A change notice (avis
// rectificatif) is a notice of the same subtype with Metadata.Change: the
// changed notice "<UUID>-<version>" and the reason code.
//
// # What Generate writes
//
// Elements follow the XSD sequence order of SDK 1.15.1 and the grouping of
// its node hierarchy; namespace prefixes are fixed (cac, cbc, ext, efac,
// efbc, efext); the output is indented with two spaces and identical for
// identical input. Organisations are ORG-0001 (the buyer), ORG-0002 (the
// review body), then the eSender and the tenderers; lots are LOT-0001...
// (LOT-0000 for a consultation without lots); results RES-, tenders TEN-,
// tendering parties TPA-, contracts CON-, numbered in lot order. Amounts
// are euros with 2 decimals; dates carry an offset (the dispatch time and
// deadlines their own; other dates the offset of the buyer's time zone
// that day). The notice and procedure identifiers are inputs or derived
// with DeriveUUID (a name-based UUID shaped as version 4, since the
// eForms rules accept only that version): never random, never the clock.
// The few SDK facts the generator needs (business term ids, element
// order, codes) are written by hand in the code, with the SDK version they
// come from; no SDK file is part of this package.
//
// # Parsing and safety
//
// Parse reads a notice of a supported subtype, ours or another tool's
// (the SDK's examples parse), and Generate(Parse(x)) gives x back byte
// for byte for every notice Generate wrote. Parse reads no DTD, entity or
// external resource, and refuses documents over MaxNoticeBytes or nested
// deeper than MaxDepth. Every text written is escaped; a character XML
// 1.0 forbids is an error naming the input field (ErrXMLChar).
//
// # Validation
//
// Generate checks what the notice needs (required values, cross-references
// between lots, tenderers and awards, code forms); it does not
// replace the official validation. The package's tests run every scenario
// they generate through the official validator (shared/tools/eforms-validate,
// found through MARCHES_SHARED).
//
// # Errors and concurrency
//
// Errors are *FieldError values naming the input field (a JSON path such
// as "consultation.lots[1].title", or the element for Parse) with one
// sentinel per rule (errors.go), all problems reported at once. Functions
// are pure apart from time.LoadLocation for the buyer's zone: no clock,
// no network, no global state; everything is safe for concurrent use.
package eforms
