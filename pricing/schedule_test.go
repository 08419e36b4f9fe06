package pricing

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// demoContract is the running example of issue #5 with dates inside the
// shipped Syntec snapshot.
const demoContract = `{
  "signature": "2024-10-15", "start": "2024-12-02", "months": 24,
  "fees": ["6300", "9000"], "frequency": "yearly", "term": "advance",
  "vat": "20", "notice": 3,
  "revision": {"formula": "P = P0 x S/S0", "series": "syntec",
    "base": {"rule": "last-published", "at": "signature"},
    "current": {"rule": "last-published"}}
}`

type invoiceWant struct {
	Date, From, To, HT, TVA, TTC string
}

func invoices(s *Schedule) []invoiceWant {
	var out []invoiceWant
	for _, i := range s.Invoices {
		out = append(out, invoiceWant{i.Date.String(), i.From.String(), i.To.String(), i.Amounts.HT.Text(), i.Amounts.TVA.Text(), i.Amounts.TTC.Text()})
	}
	return out
}

func TestPlanRunningExample(t *testing.T) {
	c, err := ParseContract([]byte(demoContract))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Plan(c)
	if err != nil {
		t.Fatal(err)
	}
	// S0: last Syntec value published on 2024-10-15 = August 2024, 314.1
	// (September 2024 came out on 2024-10-31). S: last published on the
	// anniversary 2025-12-02 = October 2025, 322.2 (published 2025-11-28).
	// Year 2: 9000 × 322.2 / 314.1 = 2899800 / 314.1 = 9232.0917 → 9232.09.
	// VAT 20 %: 6300 → 1260.00; 9232.09 × 0.2 = 1846.418 → 1846.42.
	want := []invoiceWant{
		{"2024-12-02", "2024-12-02", "2025-12-01", "6300.00", "1260.00", "7560.00"},
		{"2025-12-02", "2025-12-02", "2026-12-01", "9232.09", "1846.42", "11078.51"},
	}
	if diff := cmp.Diff(want, invoices(s)); diff != "" {
		t.Errorf("invoices (-want +got):\n%s", diff)
	}
	if s.Base == nil || s.Base.Month != MustMonth("2024-08") || !s.Base.Value.Equal(dec("314.1")) {
		t.Errorf("base = %+v", s.Base)
	}
	r := s.Years[1].Revision
	if r == nil || r.Terms[0].Current.Month != MustMonth("2025-10") || s.Years[0].Revision != nil {
		t.Fatalf("revisions = %+v / %+v", s.Years[0].Revision, r)
	}
	// 15532.09 = 6300 + 9232.09; 3106.42 = 1260 + 1846.42; 18638.51.
	if s.Totals.HT.Text() != "15532.09" || s.Totals.TVA.Text() != "3106.42" || s.Totals.TTC.Text() != "18638.51" {
		t.Errorf("totals = %s %s %s", s.Totals.HT.Text(), s.Totals.TVA.Text(), s.Totals.TTC.Text())
	}
	// Termination: 3 months before the anniversary 2025-12-02 → 2025-09-02.
	if len(s.Anniversaries) != 1 || s.Anniversaries[0].Date != MustDate("2025-12-02") || s.Anniversaries[0].NoticeDeadline != MustDate("2025-09-02") {
		t.Errorf("anniversaries = %+v", s.Anniversaries)
	}
	if s.End != MustDate("2026-12-01") {
		t.Errorf("end = %s", s.End)
	}
	b, err := json.Marshal(s)
	if err != nil || !strings.Contains(string(b), `"ttc":"18638.51"`) || !strings.Contains(string(b), `"notice_deadline":"2025-09-02"`) {
		t.Errorf("JSON = %s, %v", b, err)
	}
}

func TestPlanFrequencies(t *testing.T) {
	fees := func(fs ...string) []decimal.Decimal {
		var out []decimal.Decimal
		for _, f := range fs {
			out = append(out, dec(f))
		}
		return out
	}
	t.Run("quarterly in arrears, short last year", func(t *testing.T) {
		// 31 months from 2025-01-01: year 3 = Jan–Jul 2027, three quarters
		// of which the last is July only (31 of the 92 days of Jul–Sep).
		// Year 3 billed: 1200 × (2 × 92 + 31) / (4 × 92) = 1200 × 215 / 368
		// = 701.0869… → 701.09, split 92:92:31 → 300.00, 300.00, 101.09.
		s, err := Plan(Contract{Start: MustDate("2025-01-01"), Months: 31, Fees: fees("1200", "1200", "1200"), Frequency: Quarterly, Term: Arrears, VATRate: decimal.NewNullDecimal(dec("10"))})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Invoices) != 11 {
			t.Fatalf("%d invoices", len(s.Invoices))
		}
		got := invoices(s)
		want0 := invoiceWant{"2025-03-31", "2025-01-01", "2025-03-31", "300.00", "30.00", "330.00"}
		wantLast := invoiceWant{"2027-07-31", "2027-07-01", "2027-07-31", "101.09", "10.11", "111.20"}
		if got[0] != want0 || got[10] != wantLast {
			t.Errorf("first %+v last %+v", got[0], got[10])
		}
		if p := s.Invoices[10].Prorata; p == nil || p.Days != 31 || p.FullDays != 92 {
			t.Errorf("prorata = %+v", p)
		}
		if s.Years[2].Billed.Text() != "701.09" || s.Totals.HT.Text() != "3101.09" {
			t.Errorf("year 3 billed %s, total %s", s.Years[2].Billed.Text(), s.Totals.HT.Text())
		}
	})
	t.Run("monthly, cents allocated", func(t *testing.T) {
		// 923209 cents / 12 = 76934 r 1: the first month gets the extra cent.
		s, err := Plan(Contract{Start: MustDate("2025-12-02"), Months: 12, Fees: fees("9232.09"), Frequency: Monthly})
		if err != nil {
			t.Fatal(err)
		}
		got := invoices(s)
		if got[0].HT != "769.35" || got[1].HT != "769.34" || got[11].HT != "769.34" || got[11].From != "2026-11-02" || got[11].To != "2026-12-01" {
			t.Errorf("invoices %+v ... %+v", got[0], got[11])
		}
		if s.Totals.HT.Text() != "9232.09" {
			t.Errorf("total %s", s.Totals.HT.Text())
		}
	})
	t.Run("yearly on the calendar", func(t *testing.T) {
		// Contract year 1 = 2024-12-02..2025-12-01 meets civil years 2024
		// (30 of 366 days) and 2025 (335 of 365): weights 30 × 365 = 10950
		// and 335 × 366 = 122610 (lcm 133590). 630000 cents × 10950 / 133560
		// = 51650 r 126000, × 122610 / 133560 = 578349 r 7560; the cent left
		// goes to the first: 516.51 + 5783.49 = 6300.00.
		// Year 2: 30 and 335 of 365 days: 900000 × 30 / 365 = 73972 r 220,
		// × 335 / 365 = 826027 r 145: 739.73 + 8260.27 = 9000.00.
		s, err := Plan(Contract{Start: MustDate("2024-12-02"), Months: 24, Fees: fees("6300", "9000"), Align: AlignCalendar})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, inv := range s.Invoices {
			got = append(got, inv.Date.String()+" "+inv.Amounts.HT.Text())
		}
		want := []string{"2024-12-02 516.51", "2025-01-01 5783.49", "2025-12-02 739.73", "2026-01-01 8260.27"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if p := s.Invoices[0].Prorata; p == nil || p.Days != 30 || p.FullDays != 366 {
			t.Errorf("prorata = %+v", p)
		}
		if s.Totals.HT.Text() != "15300.00" {
			t.Errorf("total = %s", s.Totals.HT.Text())
		}
	})
	t.Run("yearly, short last year", func(t *testing.T) {
		// 30 months from 2024-12-02: year 3 = 2026-12-02 .. 2027-06-01,
		// 182 of 365 days: 9000 × 182 / 365 = 4487.6712… → 4487.67.
		s, err := Plan(Contract{Start: MustDate("2024-12-02"), Months: 30, Fees: fees("6300", "9000", "9000")})
		if err != nil {
			t.Fatal(err)
		}
		last := s.Invoices[2]
		if last.Amounts.HT.Text() != "4487.67" || last.To != MustDate("2027-06-01") || last.Prorata == nil || last.Prorata.Days != 182 || last.Prorata.FullDays != 365 {
			t.Errorf("last invoice %+v %+v", last, last.Prorata)
		}
		if len(s.Anniversaries) != 2 || s.Anniversaries[1].NoticeDeadline != (Date{}) {
			t.Errorf("anniversaries %+v", s.Anniversaries)
		}
	})
}

func TestPlanErrors(t *testing.T) {
	_, err := Plan(Contract{Months: 0, Fees: []decimal.Decimal{dec("-1")}, VATRate: decimal.NewNullDecimal(dec("120")), NoticeMonths: 12})
	for _, want := range []error{ErrRequired, ErrInvalidDuration, ErrNegativeAmount, ErrInvalidVATRate, ErrInvalidNotice} {
		if !errors.Is(err, want) {
			t.Errorf("missing %v in %v", want, err)
		}
	}
	_, err = Plan(Contract{Start: MustDate("2025-01-01"), Months: 24, Fees: []decimal.Decimal{dec("1")}})
	if !errors.Is(err, ErrFeesPerYear) {
		t.Errorf("fees err = %v", err)
	}
	// A third year revised on 2026-12-02 needs the Syntec value last
	// published then (October 2026), which the snapshot does not have.
	c, _ := ParseContract([]byte(strings.Replace(strings.Replace(demoContract, `"months": 24`, `"months": 36`, 1), `["6300", "9000"]`, `["6300", "9000", "9000"]`, 1)))
	_, err = Plan(c)
	var fe *FieldError
	if !errors.Is(err, ErrMissingMonth) || !errors.As(err, &fe) || fe.Field != "years[2].revision.month" || fe.Value != "2026-10" {
		t.Errorf("missing index err = %v", err)
	}
}

func TestParseContractErrors(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		field string
		rule  error
	}{
		{"not an object", `[]`, "", ErrInvalidContract},
		{"unknown member", `{"start":"2025-01-01","months":12,"fees":["1"],"colour":"red"}`, "", ErrInvalidContract},
		{"missing fees", `{"start":"2025-01-01","months":12}`, "", ErrInvalidContract},
		{"fee not a number", `{"start":"2025-01-01","months":12,"fees":["12,5"]}`, "fees[0]", ErrInvalidContract},
		{"bad rule", `{"start":"2025-01-01","months":12,"fees":["1"],"revision":{"series":"syntec","base":{"rule":"first"},"current":{"rule":"last-published"}}}`, "revision.base.rule", ErrInvalidContract},
		{"bad date", `{"start":"2025-02-30","months":12,"fees":["1"]}`, "start", ErrInvalidDate},
		{"bad formula", `{"start":"2025-01-01","months":12,"fees":["1"],"revision":{"formula":"P = P0 x (0,15 + 0,80 x S/S0)","series":"syntec","base":{"rule":"month","month":"2024-08"},"current":{"rule":"last-published"}}}`, "revision.formula", ErrWeightsSum},
		{"unknown series", `{"start":"2025-01-01","months":12,"fees":["1"],"revision":{"series":"insee-x","base":{"rule":"month","month":"2024-08"},"current":{"rule":"last-published"}}}`, "revision.series", ErrUnknownSeries},
		{"at on the revision rule", `{"start":"2025-01-01","months":12,"fees":["1"],"revision":{"series":"syntec","base":{"rule":"month","month":"2024-08"},"current":{"rule":"last-published","at":"start"}}}`, "revision.current.at", ErrInvalidMonthRule},
		{"month rule without month", `{"start":"2025-01-01","months":12,"fees":["1"],"revision":{"series":"syntec","base":{"rule":"month"},"current":{"rule":"last-published"}}}`, "revision.base.month", ErrRequired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseContract([]byte(tt.doc))
			var fe *FieldError
			if !errors.Is(err, tt.rule) || !errors.As(err, &fe) || fe.Field != tt.field {
				t.Errorf("err = %v, want %v on %q", err, tt.rule, tt.field)
			}
		})
	}
	// A series given by the caller wins over the shipped one.
	own, _ := ParseSeriesCSV(SeriesConfig{Name: "syntec", Bases: []string{"old", "revised"}, Links: []Link{SyntecLink}}, []byte("month,value,base\n2024-08,100,revised\n2025-10,110,revised\n"))
	c, err := ParseContract([]byte(demoContract), own)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Plan(c)
	// 9000 × 110 / 100 = 9900.
	if err != nil || s.Invoices[1].Amounts.HT.Text() != "9900.00" {
		t.Errorf("own series: %v %v", err, s)
	}
}
