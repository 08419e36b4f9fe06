package procurement

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestKindsRoundTrip(t *testing.T) {
	for k := BuyerState; k <= BuyerPublicUndertaking; k++ {
		got, err := ParseBuyerKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseBuyerKind(%q) = %v, %v", k, got, err)
		}
	}
	for n := Works; n <= Services; n++ {
		if got, err := ParseNature(n.String()); err != nil || got != n {
			t.Errorf("ParseNature(%q) = %v, %v", n, got, err)
		}
	}
	for p := ProcedureNoPublicity; p <= ProcedureInnovationPartnership; p++ {
		if got, err := ParseProcedure(p.String()); err != nil || got != p {
			t.Errorf("ParseProcedure(%q) = %v, %v", p, got, err)
		}
	}
	if _, err := ParseProcedure("open"); !errors.Is(err, ErrUnknownProcedure) {
		t.Errorf("ParseProcedure(open) err = %v", err)
	}
	if _, err := json.Marshal(struct{ K BuyerKind }{}); !errors.Is(err, ErrUnknownBuyerKind) {
		t.Errorf("marshal unset kind err = %v, want ErrUnknownBuyerKind", err)
	}
	var v struct {
		N Nature    `json:"nature"`
		P Procedure `json:"procedure"`
	}
	if err := json.Unmarshal([]byte(`{"nature":"services","procedure":"ouvert"}`), &v); err != nil || v.N != Services || v.P != ProcedureOpen {
		t.Errorf("unmarshal = %+v, %v", v, err)
	}
	if err := json.Unmarshal([]byte(`{"nature":"Services"}`), &v); !errors.Is(err, ErrUnknownNature) {
		t.Errorf("unmarshal bad nature err = %v", err)
	}
}
