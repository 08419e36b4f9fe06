package clauses

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/pricing"
)

// Type is the type of a variable. The zero Type is unset and fails
// validation; codes are stable and only ever added at the end.
type Type int

// The variable types. Each formats its values the French way (see
// Variable).
const (
	// TypeText is free text, written as given.
	TypeText Type = iota + 1
	// TypeInteger is a whole number ("24"; 5 digits and more are grouped
	// with U+202F: "10 000").
	TypeInteger
	// TypeDecimal is an exact decimal number, written with a decimal comma
	// and as many places as given ("0,15").
	TypeDecimal
	// TypeAmount is a sum of euros, written by pricing.Amount.Format
	// ("9 000,00 €") followed by the variable's Tax ("HT" or "TTC") after
	// a no-break space.
	TypeAmount
	// TypePercent is a percentage given as a number ("99.9"), written
	// "99,9 %" (U+202F before %).
	TypePercent
	// TypeDate is a civil date given as YYYY-MM-DD, written "22 avril
	// 2026" ("1er mai 2026" on the first of a month).
	TypeDate
	// TypeDuration is a period given in ISO 8601 with one unit (P2Y, P3M,
	// P2W, P30D, PT4H, PT30M), written "2 ans", "3 mois", "2 semaines",
	// "30 jours", "4 heures", "30 minutes".
	TypeDuration
	// TypeEnum is one of the variable's Values, written as given.
	TypeEnum
	// TypeBool is true or false, written "oui" or "non".
	TypeBool
	// TypeList is a list of Items (scalars) or of records with Fields,
	// written "a, b et c" for scalars and repeated with {{#each}}.
	TypeList
	// TypeFormula is a price revision formula, parsed by
	// pricing.ParseFormula and written in its canonical French notation
	// ("P = P0 × (0,15 + 0,85 × S/S0)"), so that the text states exactly
	// the formula pricing computes.
	TypeFormula
)

var typeCodes = [...]string{"", "text", "integer", "decimal", "amount", "percent", "date", "duration", "enum", "bool", "list", "formula"}

// String returns the stable code ("amount"), or "" when t is unset or
// unknown.
func (t Type) String() string {
	if t <= 0 || int(t) >= len(typeCodes) {
		return ""
	}
	return typeCodes[t]
}

// ParseType reads a type code. Errors: ErrVariableType.
func ParseType(s string) (Type, error) {
	for i, c := range typeCodes {
		if i > 0 && c == s {
			return Type(i), nil
		}
	}
	return 0, &FieldError{Field: "type", Value: s, Err: ErrVariableType, Detail: "unknown type"}
}

// MarshalText returns the code; an unset or unknown type is an error.
func (t Type) MarshalText() ([]byte, error) {
	if t.String() == "" {
		return nil, &FieldError{Field: "type", Value: strconv.Itoa(int(t)), Err: ErrVariableType}
	}
	return []byte(t.String()), nil
}

// UnmarshalText reads a code with ParseType.
func (t *Type) UnmarshalText(b []byte) error {
	v, err := ParseType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Field is one field of the records of a list variable.
type Field struct {
	// Name is the field's name, used as item.name in templates.
	Name string `json:"name"`
	// Type is a scalar type (not TypeList).
	Type Type `json:"type"`
	// Values are the allowed values of an enum field.
	Values []string `json:"values,omitempty"`
	// Tax is "HT", "TTC" or "" for an amount field.
	Tax string `json:"tax,omitempty"`
}

// Variable is a typed value a clause uses, declared in a library's or a
// layer's manifest. The value used at assembly is the one given in
// Input.Values, else Default; a Required variable with neither is
// ErrMissingValue.
type Variable struct {
	// Name is a dotted lower-case name ("revision.index").
	Name string `json:"name"`
	// Type is the variable's type.
	Type Type `json:"type"`
	// Label says what the value is, for the people who fill it in.
	Label string `json:"label,omitempty"`
	// Required makes a missing value an error.
	Required bool `json:"required,omitempty"`
	// Default is the default value, in the JSON form of the type (strings
	// for decimals, amounts, dates and durations; numbers are accepted for
	// integers), or nil.
	Default any `json:"default,omitempty"`
	// Values are the allowed values of an enum.
	Values []string `json:"values,omitempty"`
	// Tax is "HT", "TTC" or "" for an amount, written after it.
	Tax string `json:"tax,omitempty"`
	// Items is the type of the elements of a list of scalars.
	Items Type `json:"items,omitempty"`
	// Fields are the fields of the records of a list of records.
	Fields []Field `json:"fields,omitempty"`
}

func (v Variable) clone() Variable {
	v.Values = append([]string(nil), v.Values...)
	fs := make([]Field, len(v.Fields))
	for i, f := range v.Fields {
		f.Values = append([]string(nil), f.Values...)
		fs[i] = f
	}
	if v.Fields == nil {
		fs = nil
	}
	v.Fields = fs
	return v
}

// check validates a declaration.
func (v Variable) check() string {
	if !validName(v.Name) {
		return "name must be dotted lower-case words (revision.index)"
	}
	switch v.Type {
	case TypeEnum:
		if len(v.Values) == 0 {
			return "an enum lists its values"
		}
	case TypeList:
		if (v.Items == 0) == (len(v.Fields) == 0) {
			return "a list has either items (a scalar type) or fields"
		}
		if v.Items == TypeList || v.Items == TypeEnum {
			return "list items must be a scalar type other than enum (use fields for records)"
		}
		seen := map[string]bool{}
		for _, f := range v.Fields {
			if !validWord(f.Name) || seen[f.Name] {
				return "field names are unique lower-case words"
			}
			seen[f.Name] = true
			if f.Type == TypeList || f.Type.String() == "" {
				return "field " + f.Name + " must have a scalar type"
			}
			if f.Type == TypeEnum && len(f.Values) == 0 {
				return "enum field " + f.Name + " lists its values"
			}
		}
	case 0:
		return "type is required"
	}
	if v.Type.String() == "" {
		return "unknown type"
	}
	if v.Tax != "" && v.Tax != "HT" && v.Tax != "TTC" {
		return "tax is HT or TTC"
	}
	return ""
}

func validWord(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' || c == '_':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// validName reports whether s is dotted words: revision.index.
func validName(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for _, w := range strings.Split(s, ".") {
		if !validWord(w) {
			return false
		}
	}
	return true
}

// kind is the kind of a value in conditions.
type kind uint8

const (
	kNull kind = iota
	kString
	kNumber
	kBool
	kDate
	kList
	kRecord
)

func (k kind) String() string {
	return [...]string{"null", "text", "number", "boolean", "date", "list", "record"}[k]
}

// value is a typed value: what conditions compare and templates write.
type value struct {
	k    kind
	s    string          // kString: the value compared
	n    decimal.Decimal // kNumber
	b    bool            // kBool
	d    calendar.Date   // kDate
	list []value         // kList
	rec  *record         // kRecord
	text string          // what a template writes
}

type record struct {
	names  []string
	values map[string]value
}

func (r *record) get(name string) (value, bool) {
	if r == nil {
		return value{}, false
	}
	v, ok := r.values[name]
	return v, ok
}

func strValue(s string) value { return value{k: kString, s: s, text: s} }
func boolValue(b bool) value {
	t := "non"
	if b {
		t = "oui"
	}
	return value{k: kBool, b: b, text: t}
}
func intValue(i int64) value {
	d := decimal.New(i, 0)
	return value{k: kNumber, n: d, text: pricing.FormatNumber(d, 0, pricing.French)}
}
func dateValue(d calendar.Date) value { return value{k: kDate, d: d, text: FormatDate(d)} }

func amountValue(a pricing.Amount, tax string) value {
	t := a.Format(pricing.French)
	if tax != "" {
		t += "\u00a0" + tax
	}
	return value{k: kNumber, n: a.Decimal(), text: t}
}

func listValue(items []value) value {
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = it.text
	}
	return value{k: kList, list: items, text: joinFrench(texts)}
}

// joinFrench writes "a", "a et b", "a, b et c".
func joinFrench(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " et " + parts[len(parts)-1]
}

var frenchMonths = [...]string{"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// FormatDate writes d the French way: "22 avril 2026", "1er mai 2026"
// (ordinal for the first day of a month), "" for the zero Date.
func FormatDate(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	day := strconv.Itoa(d.Day())
	if d.Day() == 1 {
		day = "1er"
	}
	return day + " " + frenchMonths[d.Month()] + " " + strconv.Itoa(d.Year())
}

// formatInstant writes "15 juin 2026 à 12 h 00" on t's own wall clock.
func formatInstant(t time.Time) string {
	return FormatDate(calendar.DateOf(t)) + " à " + strconv.Itoa(t.Hour()) + " h " + fmt.Sprintf("%02d", t.Minute())
}

// FormatDuration writes an ISO 8601 period with one unit the French way:
// P2Y "2 ans", P1M "1 mois", P2W "2 semaines", P30D "30 jours", PT4H
// "4 heures", PT30M "30 minutes". Errors: ErrInvalidValue.
func FormatDuration(iso string) (string, error) {
	n, unit, err := parseDuration(iso)
	if err != nil {
		return "", err
	}
	return durationText(n, unit), nil
}

func parseDuration(iso string) (int, byte, error) {
	bad := &FieldError{Field: "duration", Value: iso, Err: ErrInvalidValue, Detail: "want an ISO 8601 period with one unit: P2Y, P3M, P2W, P30D, PT4H, PT30M"}
	s, timePart := strings.CutPrefix(iso, "PT")
	if !timePart {
		var ok bool
		if s, ok = strings.CutPrefix(iso, "P"); !ok {
			return 0, 0, bad
		}
	}
	if len(s) < 2 || len(s) > 7 {
		return 0, 0, bad
	}
	unit := s[len(s)-1]
	digits := s[:len(s)-1]
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, 0, bad
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n <= 0 {
		return 0, 0, bad
	}
	switch {
	case !timePart && (unit == 'Y' || unit == 'M' || unit == 'W' || unit == 'D'):
	case timePart && unit == 'H':
		unit = 'h'
	case timePart && unit == 'M':
		unit = 'm'
	default:
		return 0, 0, bad
	}
	return n, unit, nil
}

var durationWords = map[byte][2]string{
	'Y': {"an", "ans"}, 'M': {"mois", "mois"}, 'W': {"semaine", "semaines"},
	'D': {"jour", "jours"}, 'h': {"heure", "heures"}, 'm': {"minute", "minutes"},
}

func durationText(n int, unit byte) string {
	w := durationWords[unit][1]
	if n == 1 {
		w = durationWords[unit][0]
	}
	return pricing.FormatNumber(decimal.New(int64(n), 0), 0, pricing.French) + "\u00a0" + w
}

// scalarText returns the text of a JSON-ish scalar: strings as is, numbers
// as their literal, booleans as true/false.
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case decimal.Decimal:
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

// convert turns a given value into a typed value of type t. values and
// tax come from the declaration; items and fields describe lists.
func convert(t Type, raw any, values []string, tax string, items Type, fields []Field) (value, string) {
	if raw == nil {
		return value{}, "value is null"
	}
	switch t {
	case TypeList:
		arr, ok := raw.([]any)
		if !ok {
			if ms, ok2 := raw.([]map[string]any); ok2 {
				arr = make([]any, len(ms))
				for i, m := range ms {
					arr[i] = m
				}
			} else if ss, ok2 := raw.([]string); ok2 {
				arr = make([]any, len(ss))
				for i, s := range ss {
					arr[i] = s
				}
			} else {
				return value{}, "want a list"
			}
		}
		if len(arr) > maxListItems {
			return value{}, "list too long"
		}
		out := make([]value, 0, len(arr))
		for i, it := range arr {
			if len(fields) > 0 {
				m, ok := it.(map[string]any)
				if !ok {
					return value{}, fmt.Sprintf("item %d: want an object", i)
				}
				rec := &record{values: map[string]value{}}
				for _, f := range fields {
					fv, ok := m[f.Name]
					if !ok || fv == nil {
						rec.names = append(rec.names, f.Name)
						rec.values[f.Name] = value{}
						continue
					}
					cv, msg := convert(f.Type, fv, f.Values, f.Tax, 0, nil)
					if msg != "" {
						return value{}, fmt.Sprintf("item %d, field %s: %s", i, f.Name, msg)
					}
					rec.names = append(rec.names, f.Name)
					rec.values[f.Name] = cv
				}
				for k := range m {
					if _, ok := rec.values[k]; !ok {
						return value{}, fmt.Sprintf("item %d: unknown field %q", i, k)
					}
				}
				out = append(out, value{k: kRecord, rec: rec})
				continue
			}
			cv, msg := convert(items, it, nil, "", 0, nil)
			if msg != "" {
				return value{}, fmt.Sprintf("item %d: %s", i, msg)
			}
			out = append(out, cv)
		}
		return listValue(out), ""
	case TypeBool:
		switch x := raw.(type) {
		case bool:
			return boolValue(x), ""
		case string:
			if x == "true" || x == "false" {
				return boolValue(x == "true"), ""
			}
		}
		return value{}, "want true or false"
	}
	switch x := raw.(type) {
	case pricing.Amount:
		if t == TypeAmount {
			return amountValue(x, tax), ""
		}
	case calendar.Date:
		if t == TypeDate {
			return dateValue(x), ""
		}
	case pricing.Formula:
		if t == TypeFormula {
			return value{k: kString, s: x.String(), text: x.String()}, ""
		}
	}
	s, ok := scalarText(raw)
	if !ok {
		return value{}, "want a " + t.String()
	}
	if _, isBool := raw.(bool); isBool {
		return value{}, "want a " + t.String()
	}
	switch t {
	case TypeText:
		if _, isStr := raw.(string); !isStr {
			return value{}, "want a string"
		}
		if len(s) > MaxValueBytes {
			return value{}, "text too long"
		}
		return strValue(s), ""
	case TypeEnum:
		for _, e := range values {
			if e == s {
				return strValue(s), ""
			}
		}
		return value{}, "want one of " + strings.Join(values, ", ")
	case TypeInteger:
		if len(s) > 18 {
			return value{}, "want an integer"
		}
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return value{}, "want an integer"
		}
		return intValue(i), ""
	case TypeDecimal, TypePercent:
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
		s = strings.TrimRight(s, "\u202f\u00a0 ")
		if len(s) > 40 {
			return value{}, "want a decimal number"
		}
		d, err := pricing.ParseDecimal(s)
		if err != nil {
			return value{}, "want a decimal number such as 99.9"
		}
		text := pricing.FormatNumber(d, 0, pricing.French)
		if t == TypePercent {
			text += "\u202f%"
		}
		return value{k: kNumber, n: d, text: text}, ""
	case TypeAmount:
		if len(s) > 40 {
			return value{}, "want an amount"
		}
		a, err := pricing.NewAmount(s, pricing.EUR)
		if err != nil {
			return value{}, "want an amount such as 9000.00"
		}
		return amountValue(a, tax), ""
	case TypeDate:
		d, err := calendar.ParseDate(s)
		if err != nil {
			return value{}, "want a date YYYY-MM-DD"
		}
		return dateValue(d), ""
	case TypeDuration:
		n, unit, err := parseDuration(s)
		if err != nil {
			return value{}, "want an ISO 8601 period such as P3M"
		}
		return value{k: kString, s: s, text: durationText(n, unit)}, ""
	case TypeFormula:
		if len(s) > pricing.MaxFormulaLen {
			return value{}, "formula too long"
		}
		f, err := pricing.ParseFormula(s)
		if err != nil {
			return value{}, "want a revision formula: " + err.Error()
		}
		return value{k: kString, s: f.String(), text: f.String()}, ""
	}
	return value{}, "unknown type"
}

// Limits on what the package reads and writes, so that a hostile library
// or input cannot exhaust memory or time.
const (
	// MaxClauseBytes bounds a clause file.
	MaxClauseBytes = 256 << 10
	// MaxConditionBytes bounds a condition's text.
	MaxConditionBytes = 1024
	// MaxNesting bounds the nesting of parentheses and "not" in a
	// condition and of {{#if}}/{{#each}} blocks in a template.
	MaxNesting = 32
	// MaxOutputBytes bounds the text one clause renders to.
	MaxOutputBytes = 1 << 20
	// MaxValueBytes bounds a text value.
	MaxValueBytes = 64 << 10
	// MaxDepth is the deepest article level (Article 1, 1.1, 1.1.1).
	MaxDepth = 3
	// maxListItems bounds the items of a list value.
	maxListItems = 10000
)
