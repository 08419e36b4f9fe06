package sla_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/sla"
)

// TestParseIncidents reads testdata/incidents.json, writes it back and
// reads it again to the same incidents ("requalified" is written as
// "qualified"; the first event's optional priority stays absent).
func TestParseIncidents(t *testing.T) {
	data, err := os.ReadFile("testdata/incidents.json")
	if err != nil {
		t.Fatal(err)
	}
	incs, err := sla.ParseIncidents(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) != 2 || len(incs[0].Events) != 7 || incs[1].Events[4].Type != sla.EventQualified ||
		incs[1].Events[3].Target != sla.Resolve || rfc(incs[1].Events[3].Due) != "2026-12-15T18:00:00+01:00" {
		t.Fatalf("parsed %+v", incs)
	}
	b, err := json.Marshal(incs)
	if err != nil {
		t.Fatal(err)
	}
	back, err := sla.ParseIncidents(b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if diff := cmp.Diff(incs, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestParseIncidentsErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"not JSON", `[{"events":[}]`, []string{" invalid_json"}},
		{"not an array", `{"events":[]}`, []string{"incidents schema"}},
		{"schema", `[{"events":[{"type":"opened"},{"type":"paused","at":"2026-11-30T10:00:00+01:00"},{"type":"teleported","at":"2026-11-30T10:00:00Z","colour":"red"}]}]`,
			[]string{"incidents[0].events[0].at schema", "incidents[0].events[1].reason schema", "incidents[0].events[2].colour schema", "incidents[0].events[2].type schema"}},
		{"no offset", `[{"events":[{"type":"opened","at":"2026-11-30T10:00:00"}]}]`, []string{"incidents[0].events[0].at invalid_time"}},
		{"impossible date", `[{"id":"x","events":[{"type":"opened","at":"2026-02-30T10:00:00+01:00"}]}]`, []string{"incidents[0].events[0].at invalid_time"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sla.ParseIncidents([]byte(tt.doc))
			if diff := cmp.Diff(tt.want, errDigest(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}
