package conformance

import (
	"encoding/json"

	"github.com/openmarches/marches/priority"
)

var (
	basisMatrix = Basis{
		Ref:    "Contract (maintenance and hosting), qualification of incidents: priority = criticality of the function × impact, P1 to P4 (Haute/Fort P1; Haute/Moyen and Moyenne/Fort P2; Haute/Réduit, Moyenne/Moyen and Faible/Fort P3; otherwise P4)",
		Source: "priority/doc.go (the contract's matrix, rendered there); priority.Default",
	}
	basisImpact = Basis{
		Ref:    "Contract, impact definitions: Fort — a whole class of users, or a critical user, fully blocked, or all files; Moyen — a group seriously disrupted, a standard user fully blocked, or an important subcategory of files; Réduit — a minor inconvenience with a workaround, one consultation or a few contracts; the stronger of users and objects wins",
		Source: "priority/doc.go; priority.Classifier.Classify",
	}
	basisUnnamed = Basis{
		Ref:    "marches reading of a case the contract leaves open: one user (standard or critical) seriously disrupted but not blocked is named by no clause; strong and medium need a blocked user, so the impact is Réduit (rule single_user_disrupted)",
		Source: "priority/doc.go; priority.RuleSingleUserDisrupted",
	}
)

type priorityIn struct {
	// Matrix is a matrix document (priority.ParseJSON); absent means the
	// contract's 3 × 3 matrix.
	Matrix      json.RawMessage `json:"matrix,omitempty"`
	Criticality string          `json:"criticality"`
	Impact      string          `json:"impact"`
}

type priorityOut struct {
	Priority string `json:"priority"`
}

type classifyIn struct {
	Function string `json:"function"`
	Users    string `json:"users"`
	Effect   string `json:"effect"`
	Objects  string `json:"objects"`
}

type classifyOut struct {
	Criticality string `json:"criticality"`
	Impact      string `json:"impact"`
	Priority    string `json:"priority"`
	Rule        string `json:"rule"`
}

func priorityMatrix() family {
	return family{
		name:  "priority-matrix",
		title: Text{FR: "Matrice de priorité et qualification des incidents", EN: "Priority matrix and incident qualification"},
		pkg:   "github.com/openmarches/marches/priority",
		ops: []op{
			newOp("priority",
				Text{
					FR: "Priorité de la case criticité × impact. Sans matrix, la matrice du contrat : criticité haute/moyenne/faible, impact fort/moyen/reduit, priorités P1 à P4.",
					EN: "Priority of the cell criticality × impact. Without matrix, the contract's matrix: criticality haute/moyenne/faible, impact fort/moyen/reduit, priorities P1 to P4.",
				},
				[]Field{
					{"matrix", "optional matrix document (priority JSON Schema: criticality, impact, priorities as lists of {code}, cells[criticality][impact] = priority code); absent: the contract's matrix"},
					{"criticality", "criticality code, exact (case and accents matter)"},
					{"impact", "impact code, exact"},
				},
				[]Field{{"priority", "priority code"}},
				func(in priorityIn) (any, error) {
					m := priority.Default()
					if len(in.Matrix) > 0 {
						var err error
						if m, err = priority.ParseJSON(in.Matrix); err != nil {
							return nil, err
						}
					}
					p, err := m.Priority(in.Criticality, in.Impact)
					if err != nil {
						return nil, err
					}
					return priorityOut{p.Code()}, nil
				}),
			newOp("classify",
				Text{
					FR: "Qualification d'un incident avec le catalogue d'exemple du contrat (« dépôt électronique des offres » haute, « enchères électroniques » moyenne, « statistiques » faible ; nom comparé sans casse, accents ni espaces multiples) et la matrice du contrat : criticité, impact selon les clauses du contrat, priorité, et la clause appliquée.",
					EN: "Qualification of an incident with the contract's example catalogue (\"dépôt électronique des offres\" haute, \"enchères électroniques\" moyenne, \"statistiques\" faible; names compared ignoring case, accents and repeated spaces) and the contract's matrix: criticality, impact by the contract's clauses, priority, and the clause applied.",
				},
				[]Field{
					{"function", "function name from the catalogue"},
					{"users", "who is affected: user, critical_user, group, class, or \"\" when only objects are described"},
					{"effect", "how badly: minor, disrupted, blocked; \"\" exactly when users is \"\""},
					{"objects", "which files: few, subcategory, all, or \"\""},
				},
				[]Field{
					{"criticality", "criticality code"},
					{"impact", "impact code"},
					{"priority", "priority code"},
					{"rule", "clause that set the impact: class_blocked, critical_user_blocked, all_objects, group_disrupted, user_blocked, subcategory, minor, few_objects, single_user_disrupted"},
				},
				func(in classifyIn) (any, error) {
					var sc priority.Scope
					if in.Users != "" {
						if err := sc.Users.UnmarshalText([]byte(in.Users)); err != nil {
							return nil, err
						}
					}
					if in.Effect != "" {
						if err := sc.Effect.UnmarshalText([]byte(in.Effect)); err != nil {
							return nil, err
						}
					}
					if in.Objects != "" {
						if err := sc.Objects.UnmarshalText([]byte(in.Objects)); err != nil {
							return nil, err
						}
					}
					c, err := priority.NewClassifier(priority.ClassifierConfig{})
					if err != nil {
						return nil, err
					}
					q, err := c.Classify(in.Function, sc)
					if err != nil {
						return nil, err
					}
					return classifyOut{q.Criticality.Code(), q.Impact.Code(), q.Priority.Code(), q.Rule.String()}, nil
				}),
		},
		cases: priorityCases,
	}
}

// customMatrix is a 4 × 2 matrix with a priority level no cell uses.
const customMatrix = `{"source":"conformance: a 4 x 2 matrix","criticality":[{"code":"vitale"},{"code":"haute"},{"code":"moyenne"},{"code":"faible"}],` +
	`"impact":[{"code":"total"},{"code":"partiel"}],"priorities":[{"code":"P0"},{"code":"P1"},{"code":"P2"},{"code":"P3"},{"code":"P9"}],` +
	`"cells":{"vitale":{"total":"P0","partiel":"P1"},"haute":{"total":"P1","partiel":"P2"},"moyenne":{"total":"P2","partiel":"P3"},"faible":{"total":"P3","partiel":"P3"}}}`

func priorityCases() []vcase {
	cells := []struct{ c, i, p, fr, en string }{
		{"haute", "fort", "P1", "Criticité haute, impact fort : P1.", "High criticality, major impact: P1."},
		{"haute", "moyen", "P2", "Criticité haute, impact moyen : P2.", "High criticality, medium impact: P2."},
		{"haute", "reduit", "P3", "Criticité haute, impact réduit : P3.", "High criticality, reduced impact: P3."},
		{"moyenne", "fort", "P2", "Criticité moyenne, impact fort : P2.", "Medium criticality, major impact: P2."},
		{"moyenne", "moyen", "P3", "Criticité moyenne, impact moyen : P3.", "Medium criticality, medium impact: P3."},
		{"moyenne", "reduit", "P4", "Criticité moyenne, impact réduit : P4.", "Medium criticality, reduced impact: P4."},
		{"faible", "fort", "P3", "Criticité faible, impact fort : P3.", "Low criticality, major impact: P3."},
		{"faible", "moyen", "P4", "Criticité faible, impact moyen : P4.", "Low criticality, medium impact: P4."},
		{"faible", "reduit", "P4", "Criticité faible, impact réduit : P4 (la matrice n'a pas de P5).", "Low criticality, reduced impact: P4 (the matrix has no P5)."},
	}
	var out []vcase
	for _, c := range cells {
		out = append(out, vcase{id: "default." + c.c + "-" + c.i, op: "priority", fr: c.fr, en: c.en, basis: basisMatrix,
			in:   priorityIn{Criticality: c.c, Impact: c.i},
			hand: "Contract matrix, row " + c.i + ", column " + c.c + ": " + c.p + "."})
	}
	out = append(out,
		vcase{id: "custom.4x2-vitale-partiel", op: "priority",
			fr:    "Matrice 4 × 2 fournie en entrée : criticité vitale, impact partiel : P1.",
			en:    "4 × 2 matrix given as input: criticality vitale, impact partiel: P1.",
			basis: Basis{Ref: "marches priority: any N × M matrix, complete and monotone, given as a matrix document", Source: "priority/schema/matrix.schema.json"},
			in:    priorityIn{Matrix: json.RawMessage(customMatrix), Criticality: "vitale", Impact: "partiel"}},
		vcase{id: "custom.4x2-faible-partiel", op: "priority",
			fr:    "Matrice 4 × 2 : la dernière case (faible, partiel) vaut P3 ; le niveau P9 n'est utilisé par aucune case.",
			en:    "4 × 2 matrix: the last cell (faible, partiel) is P3; level P9 is used by no cell.",
			basis: Basis{Ref: "marches priority: unused priority levels are allowed", Source: "priority.New"},
			in:    priorityIn{Matrix: json.RawMessage(customMatrix), Criticality: "faible", Impact: "partiel"}},
		vcase{id: "classify.class-blocked", op: "classify",
			fr:    "Dépôt électronique des offres, toute une catégorie d'utilisateurs bloquée : haute × fort = P1.",
			en:    "Electronic bid submission, a whole class of users blocked: haute × fort = P1.",
			basis: basisImpact, in: classifyIn{"dépôt électronique des offres", "class", "blocked", ""},
			hand: "Catalogue: dépôt électronique des offres = haute; class + blocked = Fort (class_blocked); matrix haute/fort = P1."},
		vcase{id: "classify.critical-user-blocked", op: "classify",
			fr:    "Enchères électroniques, un administrateur métier (utilisateur critique) bloqué : moyenne × fort = P2.",
			en:    "Electronic auctions, a business administrator (critical user) blocked: moyenne × fort = P2.",
			basis: basisImpact, in: classifyIn{"enchères électroniques", "critical_user", "blocked", ""}},
		vcase{id: "classify.all-objects", op: "classify",
			fr:    "Statistiques, tous les dossiers touchés : faible × fort = P3.",
			en:    "Statistics, all files affected: faible × fort = P3.",
			basis: basisImpact, in: classifyIn{"statistiques", "", "", "all"}},
		vcase{id: "classify.group-disrupted", op: "classify",
			fr:    "Dépôt des offres, un groupe d'utilisateurs fortement perturbé : haute × moyen = P2.",
			en:    "Bid submission, a group of users seriously disrupted: haute × moyen = P2.",
			basis: basisImpact, in: classifyIn{"dépôt électronique des offres", "group", "disrupted", ""}},
		vcase{id: "classify.user-blocked", op: "classify",
			fr:    "Dépôt des offres, un utilisateur standard totalement bloqué : haute × moyen = P2.",
			en:    "Bid submission, one standard user fully blocked: haute × moyen = P2.",
			basis: basisImpact, in: classifyIn{"dépôt électronique des offres", "user", "blocked", ""}},
		vcase{id: "classify.subcategory", op: "classify",
			fr:    "Enchères, une sous-catégorie importante de dossiers : moyenne × moyen = P3.",
			en:    "Auctions, an important subcategory of files: moyenne × moyen = P3.",
			basis: basisImpact, in: classifyIn{"enchères électroniques", "", "", "subcategory"}},
		vcase{id: "classify.minor-class", op: "classify",
			fr:    "Dépôt des offres, gêne mineure avec contournement pour toute une catégorie : haute × réduit = P3.",
			en:    "Bid submission, a minor inconvenience with a workaround for a whole class: haute × reduit = P3.",
			basis: basisImpact, in: classifyIn{"dépôt électronique des offres", "class", "minor", ""}},
		vcase{id: "classify.few-objects", op: "classify",
			fr:    "Statistiques, une consultation touchée : faible × réduit = P4.",
			en:    "Statistics, one consultation affected: faible × reduit = P4.",
			basis: basisImpact, in: classifyIn{"statistiques", "", "", "few"}},
		vcase{id: "classify.single-user-disrupted", op: "classify",
			fr:    "Cas non prévu par le contrat : un utilisateur fortement perturbé mais pas bloqué est classé réduit.",
			en:    "Case the contract does not name: one user seriously disrupted but not blocked is classified reduced.",
			basis: basisUnnamed, in: classifyIn{"dépôt électronique des offres", "user", "disrupted", ""},
			hand: "Strong needs a class or a critical user blocked, medium a group or a blocked user: neither applies, impact reduit (single_user_disrupted); haute/reduit = P3."},
		vcase{id: "classify.critical-user-disrupted", op: "classify",
			fr:    "Un utilisateur critique fortement perturbé mais pas bloqué : réduit aussi.",
			en:    "A critical user seriously disrupted but not blocked: reduced as well.",
			basis: basisUnnamed, in: classifyIn{"enchères électroniques", "critical_user", "disrupted", ""}},
		vcase{id: "classify.objects-stronger-than-users", op: "classify",
			fr:    "Gêne mineure pour un utilisateur mais tous les dossiers touchés : les objets l'emportent, impact fort.",
			en:    "A minor inconvenience for one user but all files affected: the objects win, major impact.",
			basis: basisImpact, in: classifyIn{"enchères électroniques", "user", "minor", "all"}},
		vcase{id: "classify.tie-users-rule", op: "classify",
			fr:    "Catégorie bloquée et tous les dossiers touchés : égalité, la règle des utilisateurs est retenue (class_blocked).",
			en:    "A class blocked and all files affected: a tie, the users' rule is kept (class_blocked).",
			basis: basisImpact, in: classifyIn{"statistiques", "class", "blocked", "all"}},
		vcase{id: "classify.name-normalised", op: "classify",
			fr:    "Nom de fonction écrit « DEPOT Electronique   des offres » : reconnu malgré la casse, les accents et les espaces.",
			en:    "Function name written \"DEPOT Electronique   des offres\": recognised despite case, accents and spaces.",
			basis: Basis{Ref: "marches priority: catalogue names are matched ignoring case, accents and spacing", Source: "priority.Classifier.Classify"},
			in:    classifyIn{"DEPOT Electronique   des offres", "group", "blocked", ""}},
	)
	return out
}
