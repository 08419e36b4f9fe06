package support

import (
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/sla/availability"
)

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return loc
}()

func march(t testing.TB) availability.Period {
	p, err := availability.ParseMonth("2026-03", paris)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// calls returns calls offered a minute apart from start; a positive wait
// (ms) is answered after it, a negative one abandoned after −wait.
func calls(start string, waitsMS ...int) []Call {
	out := make([]Call, len(waitsMS))
	for i, w := range waitsMS {
		c := Call{ID: itoa(i + 1), Offered: at(start).Add(time.Duration(i) * time.Minute)}
		if w >= 0 {
			c.Answered = c.Offered.Add(time.Duration(w) * time.Millisecond)
		} else {
			c.Abandoned = c.Offered.Add(time.Duration(-w) * time.Millisecond)
		}
		out[i] = c
	}
	return out
}

type summary struct {
	Offered, Answered, Abandoned int
	Avg, Max                     time.Duration
	Objectives                   []string
	Status                       Status
}

func summarize(s Stats) summary {
	out := summary{s.Offered, s.Answered, s.Abandoned, s.AverageWait, s.MaxWait, nil, s.Status}
	for _, o := range s.Objectives {
		out.Objectives = append(out.Objectives, o.Objective.Kind.String()+" "+itoa(o.Count)+"/"+itoa(o.Offered)+" "+o.Measured.StringFixed(2)+" "+o.Status.String())
	}
	return out
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name  string
		calls []Call
		want  summary
	}{
		{
			// 8 answered after 5, 10, 14.999, 15, 20, 29, 30, 45 s; 2
			// abandoned (3 s, 60 s). < 15 s: 5, 10, 14.999 = 3/10 (the
			// abandon after 3 s does not count, 15 s is late) = 30.00 KO.
			// < 30 s: + 15, 20, 29 = 6/10 = 60.00 KO. Answer rate 8/10 =
			// 80.00 KO. Mean wait 168.999 / 8 = 21.124875 s → 21.124 s.
			name:  "mixed",
			calls: calls("2026-03-02T09:00:00+01:00", 5000, 10000, 14999, 15000, 20000, 29000, 30000, 45000, -3000, -60000),
			want: summary{10, 8, 2, 21124 * time.Millisecond, 45 * time.Second,
				[]string{"wait_under 3/10 30.00 KO", "wait_under 6/10 60.00 KO", "answer_rate 8/10 80.00 KO"}, KO},
		},
		{
			// 9 answered in 10 s, 1 abandoned: < 15 s 9/10 = 90 % >= 80 OK,
			// < 30 s 90 % >= 90 OK, answer rate 90 % is not > 90: KO.
			name:  "answer rate must exceed 90 %",
			calls: calls("2026-03-02T09:00:00+01:00", 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, -5000),
			want: summary{10, 9, 1, 10 * time.Second, 10 * time.Second,
				[]string{"wait_under 9/10 90.00 OK", "wait_under 9/10 90.00 OK", "answer_rate 9/10 90.00 KO"}, KO},
		},
		{
			// 11 answered (8 in 1 s, 3 in 20 s), 1 abandoned: < 15 s 8/12
			// = 66.666... → 66.67 KO; < 30 s 11/12 = 91.666... → 91.67
			// OK; answer rate 91.67 > 90 OK. Mean (8 + 60) / 11 =
			// 6.181818... s → 6.181 s.
			name:  "rounding of shares",
			calls: calls("2026-03-02T09:00:00+01:00", 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 20000, 20000, 20000, -1000),
			want: summary{12, 11, 1, 6181 * time.Millisecond, 20 * time.Second,
				[]string{"wait_under 8/12 66.67 KO", "wait_under 11/12 91.67 OK", "answer_rate 11/12 91.67 OK"}, KO},
		},
		{
			name:  "all good",
			calls: calls("2026-03-02T09:00:00+01:00", 1000, 2000, 3000, 4000, 5000),
			want: summary{5, 5, 0, 3 * time.Second, 5 * time.Second,
				[]string{"wait_under 5/5 100.00 OK", "wait_under 5/5 100.00 OK", "answer_rate 5/5 100.00 OK"}, OK},
		},
		{
			name: "no calls",
			want: summary{Objectives: []string{"wait_under 0/0 0.00 N/A", "wait_under 0/0 0.00 N/A", "answer_rate 0/0 0.00 N/A"}, Status: NoData},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snapshot := slices.Clone(tt.calls)
			rep, err := Evaluate(tt.calls, march(t), Config{Location: paris})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarize(rep.Total)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			if len(tt.calls) > 0 {
				if diff := cmp.Diff(tt.want, summarize(rep.Days[1])); diff != "" {
					t.Errorf("2 March (-want +got)\n%s", diff)
				}
			}
			if diff := cmp.Diff(snapshot, tt.calls); diff != "" {
				t.Errorf("input modified:\n%s", diff)
			}
		})
	}
}

func TestEvaluateDaysAndBounds(t *testing.T) {
	in := []Call{
		// Offered on the last evening of March, answered in April: March.
		{Offered: at("2026-03-31T23:59:50+02:00"), Answered: at("2026-04-01T00:00:10+02:00")},
		// Offered before the month: ignored.
		{Offered: at("2026-02-28T23:59:59+01:00"), Answered: at("2026-03-01T00:00:01+01:00")},
	}
	rep, err := Evaluate(in, march(t), Config{Location: paris})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total.Offered != 1 || rep.Days[30].Offered != 1 || len(rep.Days) != 31 {
		t.Errorf("total %d, 31 March %d, %d days", rep.Total.Offered, rep.Days[30].Offered, len(rep.Days))
	}
	if rep.Days[0].Status != NoData {
		t.Errorf("1 March: %v", rep.Days[0].Status)
	}
}

func TestEvaluateErrors(t *testing.T) {
	in := []Call{
		{Offered: at("2026-03-02T09:00:00+01:00")},
		{Offered: at("2026-03-02T09:00:00+01:00"), Answered: at("2026-03-02T09:00:01+01:00"), Abandoned: at("2026-03-02T09:00:01+01:00")},
		{Offered: at("2026-03-02T09:00:00+01:00"), Abandoned: at("2026-03-02T08:00:00+01:00")},
	}
	objs := []Objective{{Kind: WaitUnder}, {Kind: AnswerRate, Under: time.Second, Percent: decimal.New(101, 0)}, {Percent: decimal.New(50, 0)}}
	_, err := Evaluate(in, availability.Period{}, Config{Objectives: objs})
	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		fe := e.(*FieldError)
		got = append(got, fe.Field+" "+fe.Err.(interface{ Code() string }).Code())
	}
	want := []string{
		"calls[0].answered_at call_outcome", "calls[1].answered_at call_outcome", "calls[2].abandoned_at before_offered",
		"location nil_location", "month invalid_month",
		"objectives[0].percent invalid_percent", "objectives[0].under_seconds invalid_objective",
		"objectives[1].percent invalid_percent", "objectives[1].under_seconds invalid_objective",
		"objectives[2].kind invalid_objective",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if _, err := Evaluate(nil, march(t), Config{Location: paris, Objectives: []Objective{}}); !errors.Is(err, ErrNoObjectives) {
		t.Errorf("got %v", err)
	}
}

func TestParseDocument(t *testing.T) {
	doc, err := ParseDocument([]byte(`{"month":"2026-03",
		"objectives":[{"kind":"wait_under","under_seconds":15,"percent":80},{"kind":"answer_rate","percent":"90","strict":true}],
		"calls":[{"id":"c1","offered_at":"2026-03-02T09:00:00+01:00","answered_at":"2026-03-02T09:00:07+01:00"},
		         {"id":"c2","offered_at":"2026-03-02T09:01:00+01:00","abandoned_at":"2026-03-02T09:01:40+01:00"}],
		"staffing":{"calls_per_hour":200,"handle_seconds":180,"answer_seconds":20}}`), paris)
	if err != nil {
		t.Fatal(err)
	}
	want := Document{
		Month: march(t),
		Objectives: []Objective{{Kind: WaitUnder, Under: 15 * time.Second, Percent: decimal.New(80, 0)},
			{Kind: AnswerRate, Percent: decimal.New(90, 0), Strict: true}},
		Calls: []Call{{ID: "c1", Offered: at("2026-03-02T09:00:00+01:00"), Answered: at("2026-03-02T09:00:07+01:00")},
			{ID: "c2", Offered: at("2026-03-02T09:01:00+01:00"), Abandoned: at("2026-03-02T09:01:40+01:00")}},
		Staffing: &StaffingConfig{CallsPerHour: 200, HandleTime: 3 * time.Minute, AnswerWithin: 20 * time.Second, ServiceLevel: 80},
	}
	if diff := cmp.Diff(want, doc); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	tests := []struct {
		in   string
		want []string
	}{
		{`[`, []string{" invalid_json"}},
		{`{"month":"2026-03","calls":[{"offered_at":"x","answered_at":"2026-03-02T09:00:07"},{"offered_at":"2026-03-02T09:00:00Z"}]}`,
			[]string{"calls[0].answered_at invalid_time", "calls[0].offered_at invalid_time", "calls[1].answered_at call_outcome"}},
		{`{"month":"2026-03","calls":[],"staffing":{"calls_per_hour":0,"handle_seconds":-1},"objectives":[{"kind":"wait","percent":"x"}]}`,
			[]string{"objectives[0].kind schema", "objectives[0].percent schema", "staffing.calls_per_hour schema", "staffing.handle_seconds schema"}},
	}
	for _, tt := range tests {
		_, err := ParseDocument([]byte(tt.in), paris)
		var got []string
		for _, e := range flattenErr(err) {
			fe := e.(*FieldError)
			got = append(got, fe.Field+" "+fe.Err.(interface{ Code() string }).Code())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got)\n%s\n%v", tt.in, diff, err)
		}
	}
}

func flattenErr(err error) []error {
	if l, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range l.Unwrap() {
			out = append(out, flattenErr(e)...)
		}
		return out
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

func TestStatsJSON(t *testing.T) {
	rep, err := Evaluate(calls("2026-03-02T09:00:00+01:00", 5000, 20000, -3000), march(t), Config{Location: paris})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep.Days[1])
	if err != nil {
		t.Fatal(err)
	}
	// 1/3 = 33.33 within 15 s, 2/3 = 66.67 within 30 s and answered; mean
	// (5 + 20) / 2 = 12.5 s.
	want := `{"period":{"start":"2026-03-02T00:00:00+01:00","end":"2026-03-03T00:00:00+01:00"},"offered":3,"answered":2,"abandoned":1,` +
		`"average_wait_seconds":"12.5","max_wait_seconds":"20","objectives":[` +
		`{"kind":"wait_under","under_seconds":15,"objective_percent":"80","strict":false,"count":1,"offered":3,"measured_percent":"33.33","status":"KO"},` +
		`{"kind":"wait_under","under_seconds":30,"objective_percent":"90","strict":false,"count":2,"offered":3,"measured_percent":"66.67","status":"KO"},` +
		`{"kind":"answer_rate","objective_percent":"90","strict":true,"count":2,"offered":3,"measured_percent":"66.67","status":"KO"}],"status":"KO"}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestKind(t *testing.T) {
	for _, k := range []Kind{WaitUnder, AnswerRate} {
		got, err := ParseKind(k.String())
		if err != nil || got != k {
			t.Errorf("%v: %v %v", k, got, err)
		}
	}
	if _, err := ParseKind("queue"); !errors.Is(err, ErrInvalidObjective) {
		t.Errorf("got %v", err)
	}
	if Kind(0).String() != "" || Status(0).String() != "" {
		t.Error("zero values have codes")
	}
}

func TestConcurrentUse(t *testing.T) {
	in := calls("2026-03-02T09:00:00+01:00", 5000, 20000, -3000)
	doc := []byte(`{"month":"2026-03","calls":[],"staffing":{"calls_per_hour":200,"handle_seconds":180}}`)
	want, _ := Evaluate(in, march(t), Config{Location: paris})
	wb, _ := json.Marshal(want)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := Evaluate(in, march(t), Config{Location: paris})
			gb, _ := json.Marshal(got)
			if err != nil || string(gb) != string(wb) {
				t.Error("concurrent result differs")
			}
			if _, err := ParseDocument(doc, paris); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}
