// Package clauses assembles the administrative documents of a French
// public tender (the DCE: règlement de la consultation, cahier des clauses
// administratives particulières, acte d'engagement) from a clause library
// (clausier), layered with a client's own changes, and renders them to
// Markdown, HTML and DOCX.
//
// # Libraries
//
// A Library is a directory (any fs.FS, so go:embed works) holding
// manifest.json (its name, version, documents, typed variables and clause
// files; ManifestSchema) and one Markdown file per clause, with a header
// (ClauseSchema) naming its id, version, title, documents, parent and
// position, condition, variables, the mandatory mentions it provides and
// the CCAG articles it derogates from. Load reports every problem at once
// with its file and line. Starter returns the built-in starter clausier
// (package starter), written for a software maintenance and hosting
// contract of a local authority.
//
// # Variables, conditions, templates
//
// Variables are typed (Type: text, integer, decimal, amount, percent,
// date, duration, enum, bool, list, formula) and written the French way:
// "22 avril 2026", "9 000,00 € HT" (through pricing.Amount.Format),
// "99,9 %", "3 mois", a revision formula in the canonical notation of
// pricing.ParseFormula. The consultation (procurement.Consultation)
// provides read-only names: reference, title, description, buyer.name,
// buyer.siret, buyer.kind, buyer.address.street, .postalCode, .city,
// buyer.territory, nature, nature.label, procedure, procedure.label,
// procedure.formalised, cpv, additionalCpv, estimatedValue,
// optionsValue, renewalsValue, premiumsValue, totalValue (amounts HT),
// durationMonths, totalDurationMonths, renewals.count, renewals.months,
// lots (number, title, description, cpv, estimatedValue, optionsValue,
// renewalsValue, totalValue, awardCriteria), awardCriteria (name, kind,
// weight), noticeDispatch, tendersDeadline, tenderValidityDays, and
// payment.days, payment.basis, payment.article (procurement's
// PaymentTimeLimit for the buyer's kind). Documents add document.id,
// document.title, document.short, ccag.name, ccag.short and derogations
// (article, title, ccag). BuiltinNames lists them.
//
// Conditions (Condition) are a small boolean language with no function,
// no arithmetic and no access beyond those names:
// procedure == "ouvert" and lots > 1, revision.index == "Syntec". Clause
// bodies (Template) insert values ({{name}}), final article numbers
// ({{ref clause.id}}), conditional blocks ({{#if}} ... {{else}} ...
// {{/if}}) and repeated blocks over lists ({{#each lots as lot}} ...
// {{/each}}). Errors carry their position (SyntaxError).
//
// # Documents
//
// Library.Assemble keeps the clauses of a document whose condition holds,
// numbers them by position (Article 1, 1.1, 1.1.1; Annexe 1...), resolves
// cross-references, lists the derogations to the CCAG (CCP R2112-3) and
// renders every body. Document.Markdown, Document.HTML (self-contained,
// printable) and Document.DOCX (WordprocessingML written with
// beevik/etree: heading styles, TOC field, tables, header with the
// consultation's identity, footer with page numbers) are deterministic:
// the same input gives the same bytes.
//
// # Layers and upgrades
//
// A Layer (LoadLayer, layer.json; LayerSchema) records a client's changes:
// replace, disable or insert a clause, change a variable's default, each
// with the vendor version it was made against (Against). Compose applies
// layers to a vendor library. Upgrade reviews a layer against a new vendor
// library: the clauses the client overrides that the vendor changed (with
// the vendor's diff, UnifiedDiff), removed upstream, the new upstream
// clauses; it never drops a client change.
//
// # Lint
//
// Lint reports unknown, unlisted and unused variables, broken
// cross-references, enum values a variable never takes, derogations not
// listed, and the mandatory mentions of Mentions (award criteria, their
// weighting in formalised procedures, the price revision clause of
// revisable prices), each as a Problem naming the file, line, clause and
// rule; with LintConfig.Input it also checks the documents as assembled
// for a consultation.
//
// # Errors and concurrency
//
// Problems in library text are Problem values (Problems for several);
// problems in inputs are *FieldError (fielderr) values; both unwrap to the
// package's sentinels (errors.go) for errors.Is. Libraries, layers, scopes
// and documents are immutable and safe for concurrent use; the package
// reads nothing but the fs.FS it is given, and no clock.
package clauses
