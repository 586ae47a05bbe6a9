package kgtest

import "github.com/kgnews/kg"

// SeedFixture returns two extractions, written for kg's query tests, that
// tell in our own words the story of the seed article (a US envoy's visit to
// Moscow after a missile strike in Syria) as the pipeline should extract it:
// entities with aliases, asserted facts, one negated and one reported claim,
// and a chain of facts from Tillerson to Assad.
func SeedFixture() []*kg.Extraction {
	tillerson := kg.Entity{ID: "rex_tillerson", Label: "Rex Tillerson", Type: kg.Person, Aliases: []string{"Tillerson", "Secretary of State Rex Tillerson"}, Mentions: 4}
	putin := kg.Entity{ID: "vladimir_putin", Label: "Vladimir Putin", Type: kg.Person, Aliases: []string{"Putin"}, Mentions: 3}
	lavrov := kg.Entity{ID: "sergei_lavrov", Label: "Sergei Lavrov", Type: kg.Person, Aliases: []string{"Lavrov"}, Mentions: 3}
	us := kg.Entity{ID: "united_states", Label: "United States", Type: kg.Place, Aliases: []string{"US", "U.S.", "Washington"}, Mentions: 4}
	russia := kg.Entity{ID: "russia", Label: "Russia", Type: kg.Place, Aliases: []string{"Moscow", "the Kremlin"}, Mentions: 4}
	assad := kg.Entity{ID: "bashar_al-assad", Label: "Bashar al-Assad", Type: kg.Person, Aliases: []string{"Assad"}, Mentions: 2}
	forces := kg.Entity{ID: "forces_of_bashar_al-assad", Label: "forces of Bashar al-Assad", Type: kg.Organization, Aliases: []string{"Assad's forces"}, Mentions: 1}
	res := kg.Entity{ID: "un_resolution", Label: "UN resolution", Type: kg.Concept, Aliases: []string{"the resolution"}, Mentions: 2}
	trenin := kg.Entity{ID: "dmitri_trenin", Label: "Dmitri Trenin", Type: kg.Person, Aliases: []string{"Trenin"}, Mentions: 1}
	center := kg.Entity{ID: "carnegie_moscow_center", Label: "Carnegie Moscow Center", Type: kg.Organization, Mentions: 1}
	trump := kg.Entity{ID: "donald_trump", Label: "Donald Trump", Type: kg.Person, Aliases: []string{"Trump"}, Mentions: 1}
	a := fixture("Envoy and Kremlin agree to stop the slide", "2017-04-12", "fixture/seed-visit.txt",
		"US Secretary of State Rex Tillerson held talks with Vladimir Putin in Moscow for two hours. "+
			"Tillerson also sat down with Sergei Lavrov. "+
			"A week earlier the US fired missiles at the forces of Bashar al-Assad. "+
			"Tillerson said Washington had no firm evidence that Russia took part in the attack. "+
			"Lavrov said Putin would restore an air safety agreement with the US. "+
			"Dmitri Trenin, director of the Carnegie Moscow Center, called the visit useful. "+
			"Donald Trump sent Tillerson to Moscow.",
		[]kg.Entity{tillerson, putin, lavrov, us, russia, assad, forces, trenin, center, trump},
		[]fixtureFact{
			{kg.Fact{Subject: "rex_tillerson", Predicate: "meet", Object: "vladimir_putin", Confidence: 0.9}, 0},
			{kg.Fact{Subject: "rex_tillerson", Predicate: "secretary_of", Object: "united_states", Confidence: 0.9}, 0},
			{kg.Fact{Subject: "rex_tillerson", Predicate: "meet", Object: "sergei_lavrov", Confidence: 0.85}, 1},
			{kg.Fact{Subject: "united_states", Predicate: "strike", Object: "forces_of_bashar_al-assad", Confidence: 0.8}, 2},
			{kg.Fact{Subject: "forces_of_bashar_al-assad", Predicate: "belong_to", Object: "bashar_al-assad", Confidence: 0.7}, 2},
			{kg.Fact{Subject: "russia", Predicate: "take_part_in", Object: "bashar_al-assad", Confidence: 0.5, Negated: true, AttributedTo: "rex_tillerson"}, 3},
			{kg.Fact{Subject: "vladimir_putin", Predicate: "restore_agreement_with", Object: "united_states", Confidence: 0.6, Modality: kg.ModalityFuture, AttributedTo: "sergei_lavrov"}, 4},
			{kg.Fact{Subject: "dmitri_trenin", Predicate: "director_of", Object: "carnegie_moscow_center", Confidence: 0.9}, 5},
			{kg.Fact{Subject: "donald_trump", Predicate: "send", Object: "rex_tillerson", Confidence: 0.8}, 6},
		})
	b := fixture("Veto at the Security Council", "2017-04-13", "fixture/seed-veto.txt",
		"Russia vetoed the UN resolution on Syria. "+
			"The US criticized the veto. "+
			"Putin met Tillerson again before the vote.",
		[]kg.Entity{russia, res, us, putin, tillerson},
		[]fixtureFact{
			{kg.Fact{Subject: "russia", Predicate: "veto", Object: "un_resolution", Confidence: 0.95}, 0},
			{kg.Fact{Subject: "united_states", Predicate: "criticize", Object: "russia", Confidence: 0.6}, 1},
			{kg.Fact{Subject: "vladimir_putin", Predicate: "meet", Object: "rex_tillerson", Confidence: 0.7}, 2},
		})
	return []*kg.Extraction{a, b}
}
