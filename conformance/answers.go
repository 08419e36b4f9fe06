package conformance

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Answers are another implementation's outputs, by vector id, each
// flattened into its leaves (see [Leaves]). Build them with
// [ParseAnswers], [ParseAnswersJSON], [ParseAnswersCSV] or
// [ComputeAnswers]. An Answers value is immutable.
type Answers struct {
	byID map[string][]Leaf
}

// Len returns the number of vectors answered.
func (a Answers) Len() int { return len(a.byID) }

// IDs returns the answered vector ids, sorted.
func (a Answers) IDs() []string { return slices.Sorted(maps.Keys(a.byID)) }

// Get returns the leaves of the answer to id (a copy) and whether there
// is one.
func (a Answers) Get(id string) ([]Leaf, bool) {
	l, ok := a.byID[id]
	return slices.Clone(l), ok
}

// ParseAnswers reads answers in JSON when the first character other than
// a byte-order mark or white space is '{', in CSV otherwise.
func ParseAnswers(data []byte) (Answers, error) {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return ParseAnswersJSON(data)
	}
	return ParseAnswersCSV(data)
}

var bom = []byte("\xef\xbb\xbf")

// ParseAnswersJSON reads a JSON object whose keys are vector ids and
// whose values are the outputs, in the shape of the vectors' "expected":
//
//	{"calendar.days.francs.christmas-2026": {"date": "2026-12-28"},
//	 "sla.availability.overlap": {"availability_percent": "99.9551", ...}}
//
// Errors: ErrInvalidJSON for malformed JSON (Detail gives the byte
// offset) or an output repeating a key, ErrInvalidAnswers when the
// document is not an object, ErrDuplicateID when an id appears twice.
func ParseAnswersJSON(data []byte) (Answers, error) {
	data = bytes.TrimPrefix(data, bom)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return Answers{}, &FieldError{Field: "answers", Err: ErrInvalidJSON, Detail: jsonErrorDetail(err)}
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return Answers{}, &FieldError{Field: "answers", Err: ErrInvalidAnswers, Detail: "not a JSON object"}
	}
	a := Answers{byID: map[string][]Leaf{}}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return Answers{}, &FieldError{Field: "answers", Err: ErrInvalidJSON, Detail: atOffset(dec, err)}
		}
		id, _ := kt.(string) // object keys are strings
		if err := checkAnswerID(id); err != nil {
			return Answers{}, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return Answers{}, &FieldError{Field: "answers." + id, Err: ErrInvalidJSON, Detail: atOffset(dec, err)}
		}
		if _, dup := a.byID[id]; dup {
			return Answers{}, &FieldError{Field: "answers", Value: id, Err: ErrDuplicateID}
		}
		leaves, err := Leaves(raw)
		if err != nil {
			var fe *FieldError
			if errors.As(err, &fe) {
				c := *fe
				c.Field = "answers." + id
				return Answers{}, &c
			}
			return Answers{}, err
		}
		a.byID[id] = leaves
	}
	if _, err := dec.Token(); err != nil { // '}'
		return Answers{}, &FieldError{Field: "answers", Err: ErrInvalidJSON, Detail: atOffset(dec, err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		return Answers{}, &FieldError{Field: "answers", Err: ErrInvalidJSON, Detail: "trailing data after the object"}
	}
	return a, nil
}

func atOffset(dec *json.Decoder, err error) string {
	return "at byte " + strconv.FormatInt(dec.InputOffset(), 10) + ": " + err.Error()
}

// checkAnswerID rejects ids no vector can have and CSV cannot carry: an
// empty id, or one starting with '#' (the CSV comment mark).
func checkAnswerID(id string) error {
	if id == "" || id[0] == '#' {
		return &FieldError{Field: "answers", Value: id, Err: ErrInvalidAnswers, Detail: "an id is not empty and does not start with #"}
	}
	return nil
}

// ParseAnswersCSV reads answers as CSV (RFC 4180, comma-separated, UTF-8,
// an optional byte-order mark, lines starting with '#' ignored) with the
// header "id,path,value" and one row per leaf of an output:
//
//	id,path,value
//	calendar.days.francs.christmas-2026,date,2026-12-28
//	calendar.holidays.alsace-moselle-2026,dates[0],2026-01-01
//
// Paths and values are those of [Leaves] ("[]" for an empty list). Rows
// of one id may come in any order. Errors: ErrInvalidCSV (Detail names
// the line) and ErrDuplicateID for an id and path given twice.
func ParseAnswersCSV(data []byte) (Answers, error) {
	data = bytes.TrimPrefix(data, bom)
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = 3
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return Answers{}, csvError(err, "header")
	}
	if strings.TrimSpace(header[0]) != "id" || strings.TrimSpace(header[1]) != "path" || strings.TrimSpace(header[2]) != "value" {
		line, _ := r.FieldPos(0)
		return Answers{}, &FieldError{Field: "line " + strconv.Itoa(line), Value: strings.Join(header, ","), Err: ErrInvalidCSV, Detail: "want the header id,path,value"}
	}
	a := Answers{byID: map[string][]Leaf{}}
	seen := map[[2]string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Answers{}, csvError(err, "")
		}
		line, _ := r.FieldPos(0)
		id := rec[0]
		if err := checkAnswerID(id); err != nil {
			fe := err.(*FieldError)
			fe.Field, fe.Err = "line "+strconv.Itoa(line), ErrInvalidCSV
			return Answers{}, fe
		}
		key := [2]string{id, rec[1]}
		if prev, dup := seen[key]; dup {
			return Answers{}, &FieldError{Field: "line " + strconv.Itoa(line), Value: id + " " + rec[1], Err: ErrDuplicateID,
				Detail: "same id and path as line " + strconv.Itoa(prev)}
		}
		seen[key] = line
		a.byID[id] = append(a.byID[id], Leaf{Path: rec[1], Value: rec[2]})
	}
	return a, nil
}

func csvError(err error, what string) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FieldError{Field: "line " + strconv.Itoa(pe.Line), Err: ErrInvalidCSV, Detail: pe.Err.Error()}
	}
	if err == io.EOF {
		return &FieldError{Field: "line 1", Err: ErrInvalidCSV, Detail: "no " + what}
	}
	return &FieldError{Err: ErrInvalidCSV, Detail: err.Error()}
}

// WriteAnswersCSV writes answers in the CSV form ParseAnswersCSV reads:
// the header, then the leaves of each id, ids sorted, leaves in their
// order. Lines end with "\n".
func WriteAnswersCSV(w io.Writer, a Answers) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "path", "value"}); err != nil {
		return err
	}
	for _, id := range a.IDs() {
		for _, l := range a.byID[id] {
			if err := cw.Write([]string{id, l.Path, l.Value}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
