package sla_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/internal/golden"
	"github.com/openmarches/marches/sla"
)

func ruleCode(err error) string { return fielderr.RuleCode(err) }

// TestDefaultPolicyJSON: the contract's policy as JSON (reviewed golden),
// read back to the same policy.
func TestDefaultPolicyJSON(t *testing.T) {
	p := sla.DefaultPolicy()
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, b, "", "  "); err != nil {
		t.Fatal(err)
	}
	pretty.WriteByte('\n')
	golden.Check(t, "default_policy.json", pretty.Bytes())
	back, err := sla.ParsePolicy(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p.Config(), back.Config()); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if got := p.Codes(); !cmp.Equal(got, []string{"P1", "P2", "P3", "P4"}) {
		t.Errorf("Codes = %v", got)
	}
	// The texts a steering committee reads.
	texts := map[string]string{}
	for _, code := range p.Codes() {
		row, _ := p.Terms(code)
		texts[code] = row.Acknowledge.String() + " | " + row.Workaround.String() + " | " + row.Resolve.String()
	}
	want := map[string]string{
		"P1": "immediate in business hours; 4h wall-clock outside business hours | 2h of business time | 1 business day (same time on the next working day)",
		"P2": "immediate in business hours; 12h wall-clock outside business hours | 1 business day (same time on the next working day) | 3 business days (same time on the 3rd working day)",
		"P3": "immediate | no target | agreed date, else next intermediate release",
		"P4": "immediate | no target | next intermediate release",
	}
	if diff := cmp.Diff(want, texts); diff != "" {
		t.Errorf("texts (-want +got):\n%s", diff)
	}
}

func TestParsePolicyErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"not JSON", `{`, []string{" invalid_json"}},
		{"empty", `{"priorities":[]}`, []string{"priorities schema"}},
		{"schema", `{"priorities":[{"code":"P1","acknowledge":{"kind":"soon"},"workaround":{"kind":"business_duration"},"resolve":{"kind":"none","colour":1}}]}`,
			[]string{"priorities[0].acknowledge.kind schema", "priorities[0].resolve.colour schema", "priorities[0].workaround.duration schema"}},
		{"semantic", `{"escalations":[80,75],"priorities":[
			{"code":"P1","acknowledge":{"kind":"immediate","days":2},"workaround":{"kind":"wall_clock","duration":"0s"},"resolve":{"kind":"business_days","days":1,"out_of_hours":{"kind":"next_release","release":"esr","grace":"5m"}}},
			{"code":"P1","acknowledge":{"kind":"none"},"workaround":{"kind":"none"},"resolve":{"kind":"none"}}]}`,
			[]string{"escalations[1] invalid_escalation", "priorities[0].acknowledge.days irrelevant_field",
				"priorities[0].resolve.out_of_hours.grace irrelevant_field", "priorities[0].workaround.duration invalid_duration",
				"priorities[1].code duplicate_priority"}},
		{"nested out of hours", `{"priorities":[{"code":"P1","acknowledge":{"kind":"immediate","out_of_hours":{"kind":"wall_clock","duration":"4h","out_of_hours":{"kind":"none"}}},"workaround":{"kind":"none"},"resolve":{"kind":"none"}}]}`,
			[]string{"priorities[0].acknowledge.out_of_hours.out_of_hours schema"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sla.ParsePolicy([]byte(tt.doc))
			if diff := cmp.Diff(tt.want, errDigest(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestNewPolicyErrors(t *testing.T) {
	_, err := sla.NewPolicy(sla.PolicyConfig{})
	if diff := cmp.Diff([]string{"priorities no_priorities"}, errDigest(t, err)); diff != "" {
		t.Error(diff)
	}
	_, err = sla.NewPolicy(sla.PolicyConfig{Requalification: 7, Priorities: []sla.PriorityTerms{{
		Code:        "",
		Acknowledge: sla.Term{},
		Workaround:  sla.Term{InHours: sla.Rule{Kind: sla.BusinessDays}},
		Resolve:     sla.Term{InHours: sla.Rule{Kind: sla.NextRelease, Duration: time.Hour}},
	}}})
	want := []string{
		"priorities[0].acknowledge.kind invalid_kind",
		"priorities[0].code invalid_priority_code",
		"priorities[0].resolve.duration irrelevant_field",
		"priorities[0].resolve.release invalid_release_kind",
		"priorities[0].workaround.days invalid_days",
		"requalification invalid_requalification",
	}
	if diff := cmp.Diff(want, errDigest(t, err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPolicyIsCopied: changing the config after NewPolicy, or the copy
// returned by Config, does not change the policy.
func TestPolicyIsCopied(t *testing.T) {
	cfg := sla.DefaultPolicy().Config()
	p := sla.MustNewPolicy(cfg)
	before := p.Config()
	cfg.Priorities[0].Code = "X"
	cfg.Escalations[0] = 10
	c := p.Config()
	c.Priorities[1].Code = "Y"
	if diff := cmp.Diff(before, p.Config()); diff != "" {
		t.Errorf("policy changed (-before +after):\n%s", diff)
	}
}
