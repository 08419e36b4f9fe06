package eforms

import (
	"crypto/sha1"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beevik/etree"
	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// Namespaces and their fixed prefixes, as the SDK's examples write them
// (eForms SDK 1.15.1, schemas/common and schemas/maindoc). The root
// element's namespace is the default namespace.
const (
	nsCN    = "urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"
	nsCAN   = "urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2"
	nsPIN   = "urn:oasis:names:specification:ubl:schema:xsd:PriorInformationNotice-2"
	nsCAC   = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
	nsCBC   = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
	nsEXT   = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
	nsEFAC  = "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"
	nsEFBC  = "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"
	nsEFEXT = "http://data.europa.eu/p27/eforms-ubl-extensions/1"
)

// Fixed values of SDK 1.15.1 (OPT-001-notice, OPT-002-notice, BT-01).
const (
	ublVersion      = "2.3"
	customizationID = "eforms-sdk-1.15"
	legalBasis2424  = "32014L0024" // directive 2014/24/EU as a CELEX number
	currencyEUR     = "EUR"
)

// SDKVersion is the eForms SDK version whose XSD element order, business
// term ids and rules the generator follows.
const SDKVersion = "1.15.1"

// indent is the project's one indentation for notices: two spaces, LF,
// a final newline.
var indent = etree.IndentSettings{Spaces: 2}

// writeSettings escape only what XML requires in text (&, <, >) and in
// attributes (&, <, "), plus tab, LF and CR in attributes and CR in
// text, so that texts survive a read back unchanged.
var writeSettings = etree.WriteSettings{CanonicalText: true, CanonicalAttrVal: true}

// builder writes elements and collects every problem with the input, so
// that Generate reports them all at once.
type builder struct {
	errs []*FieldError
}

// fail records a problem once: the same value may be written in several
// places (a title that is also the single lot's title and description).
func (b *builder) fail(field, value string, rule error, detail string) {
	for _, e := range b.errs {
		if e.Field == field && e.Value == value && e.Err == rule && e.Detail == detail {
			return
		}
	}
	b.errs = append(b.errs, &FieldError{Field: field, Value: value, Err: rule, Detail: detail})
}

// checkText reports a text that XML 1.0 cannot carry: invalid UTF-8 or a
// character outside Char (XML 1.0 §2.2: #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF]).
func (b *builder) checkText(field, s string) bool {
	if i, ok := firstBadXMLChar(s); !ok {
		b.fail(field, s, ErrXMLChar, "at byte "+strconv.Itoa(i))
		return false
	}
	return true
}

// firstBadXMLChar returns the byte offset of the first character XML 1.0
// does not allow, and false; or 0 and true when s is clean.
func firstBadXMLChar(s string) (int, bool) {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			return i, false
		}
		if !(r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) ||
			(r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000 && r <= 0x10FFFF) {
			return i, false
		}
		i += w
	}
	return 0, true
}

// blank reports a string that is empty or only white space: such a text
// is never written (the SDK forbids empty elements).
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// el appends a child element with a prefixed tag ("cbc:ID").
func el(parent *etree.Element, tag string) *etree.Element {
	return parent.CreateElement(tag)
}

// path appends nested elements, one per tag, and returns the innermost.
func path(parent *etree.Element, tags ...string) *etree.Element {
	e := parent
	for _, t := range tags {
		e = e.CreateElement(t)
	}
	return e
}

// text appends <tag>value</tag> when value is not blank, after checking
// its characters; field names the input value in errors.
func (b *builder) text(parent *etree.Element, tag, value, field string) *etree.Element {
	if blank(value) || !b.checkText(field, value) {
		return nil
	}
	e := parent.CreateElement(tag)
	e.SetText(value)
	return e
}

// mtext appends a multilingual text: <tag languageID="FRA">value</tag>.
func (b *builder) mtext(parent *etree.Element, tag, value, language, field string) *etree.Element {
	e := b.text(parent, tag, value, field)
	if e != nil {
		e.CreateAttr("languageID", language)
	}
	return e
}

// code appends <tag listName="list">value</tag> when value is not empty.
// Codes come from fixed tables or from checked input, so they are not
// re-checked here.
func code(parent *etree.Element, tag, list, value string) *etree.Element {
	if value == "" {
		return nil
	}
	e := parent.CreateElement(tag)
	e.CreateAttr("listName", list)
	e.SetText(value)
	return e
}

// id appends <tag schemeName="scheme">value</tag>.
func id(parent *etree.Element, tag, scheme, value string) *etree.Element {
	e := parent.CreateElement(tag)
	e.CreateAttr("schemeName", scheme)
	e.SetText(value)
	return e
}

// plain appends <tag>value</tag> for values the generator computed itself
// (numbers, indicators, identifiers).
func plain(parent *etree.Element, tag, value string) *etree.Element {
	e := parent.CreateElement(tag)
	e.SetText(value)
	return e
}

// indicator appends <tag>true|false</tag>.
func indicator(parent *etree.Element, tag string, v bool) *etree.Element {
	return plain(parent, tag, strconv.FormatBool(v))
}

// amount appends <tag currencyID="EUR">123.45</tag>: the one decimal
// formatter of the package, always 2 decimal places.
func amount(parent *etree.Element, tag string, v decimal.Decimal) *etree.Element {
	e := parent.CreateElement(tag)
	e.CreateAttr("currencyID", currencyEUR)
	e.SetText(formatAmount(v))
	return e
}

// formatAmount writes an amount with exactly 2 decimal places, without
// depending on shopspring's package settings.
func formatAmount(v decimal.Decimal) string { return v.StringFixed(2) }

// measure appends <tag unitCode="unit">n</tag>.
func measure(parent *etree.Element, tag, unit string, n int) *etree.Element {
	e := parent.CreateElement(tag)
	e.CreateAttr("unitCode", unit)
	e.SetText(strconv.Itoa(n))
	return e
}

// The one date and time formatter of the package: eForms dates and times
// always carry an offset (xs:date "2026-05-11+02:00", xs:time
// "10:00:00+02:00", "Z" for UTC), as rule BR-BT-00005-0052 and its
// siblings require.

// formatOffset writes a UTC offset in seconds as "Z" or "+hh:mm".
func formatOffset(sec int) string {
	if sec == 0 {
		return "Z"
	}
	sign := byte('+')
	if sec < 0 {
		sign, sec = '-', -sec
	}
	m := sec / 60
	return string(sign) + twoDigits(m/60) + ":" + twoDigits(m%60)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// formatDateAt writes the civil date of t with t's offset.
func formatDateAt(t time.Time) string {
	_, off := t.Zone()
	return calendar.DateOf(t).String() + formatOffset(off)
}

// formatTimeAt writes the wall time of t (seconds, no fraction) with t's
// offset.
func formatTimeAt(t time.Time) string {
	_, off := t.Zone()
	return twoDigits(t.Hour()) + ":" + twoDigits(t.Minute()) + ":" + twoDigits(t.Second()) + formatOffset(off)
}

// formatDateIn writes a civil date with the offset its zone has at noon
// that day (noon is never inside a daylight-saving change).
func formatDateIn(d calendar.Date, loc *time.Location) string {
	noon := d.In(loc).Add(12 * time.Hour)
	_, off := noon.Zone()
	return d.String() + formatOffset(off)
}

// uuidNamespace is the namespace of the identifiers this package derives:
// df131bcb-50e5-5ee4-a28e-af5b9509dbee, the version 5 UUID of the URL
// "https://github.com/openmarches/marches/procurement/eforms" in the URL
// namespace of RFC 9562 (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
var uuidNamespace = [16]byte{0xdf, 0x13, 0x1b, 0xcb, 0x50, 0xe5, 0x5e, 0xe4, 0xa2, 0x8e, 0xaf, 0x5b, 0x95, 0x09, 0xdb, 0xee}

// DeriveUUID returns a deterministic identifier for name, in the form
// eForms requires for notice and procedure identifiers: a lower-case
// UUID whose version digit is 4 (pattern of BR-BT-00004-0052 in SDK
// 1.15.1). It is computed as a name-based UUID of RFC 9562 §5.5 (SHA-1 of
// a namespace and the name), with the version digit set to 4 instead of 5,
// because the eForms rules accept only version 4; like a random UUID it
// has 122 bits that do not repeat for different names. The same name
// always gives the same identifier.
func DeriveUUID(name string) string {
	h := sha1.New()
	h.Write(uuidNamespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x40 // version 4 (see above)
	u[8] = u[8]&0x3f | 0x80 // variant 10 (RFC 9562)
	var buf [36]byte
	hex.Encode(buf[0:8], u[0:4])
	buf[8] = '-'
	hex.Encode(buf[9:13], u[4:6])
	buf[13] = '-'
	hex.Encode(buf[14:18], u[6:8])
	buf[18] = '-'
	hex.Encode(buf[19:23], u[8:10])
	buf[23] = '-'
	hex.Encode(buf[24:], u[10:])
	return string(buf[:])
}

// isUUID4 reports whether s is a lower-case version 4 UUID:
// ^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$.
func isUUID4(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		case 14:
			if c != '4' {
				return false
			}
		case 19:
			if c != '8' && c != '9' && c != 'a' && c != 'b' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// tech formats a technical identifier: prefix "LOT", n 1 → "LOT-0001".
func tech(prefix string, n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return prefix + "-" + s
}
