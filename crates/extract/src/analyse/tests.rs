use super::*;
use crate::{ActorDef, TopicDef};

fn reg() -> Lexicon {
    let p = |id: &str, name: &str, aliases: &[&str], role: Option<&str>| ActorDef {
        id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        role: role.map(str::to_string),
        kind: ActorKind::Person,
    };
    let o = |id: &str, name: &str, aliases: &[&str]| ActorDef {
        id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        role: None,
        kind: ActorKind::Organisation,
    };
    Lexicon::new(
        &[
            p(
                "okonkwo",
                "Amara Okonkwo",
                &["Okonkwo", "the finance minister"],
                Some("Finance Minister of Veldoria"),
            ),
            p(
                "brecht",
                "Tomas Brecht",
                &["Brecht", "President Brecht"],
                None,
            ),
            o("council", "Harbor Council", &["the Harbor Council"]),
        ],
        &[TopicDef {
            id: "port".into(),
            title: "Port".into(),
            keywords: vec!["harbour".into()],
        }],
    )
}

fn run(ps: &[&str]) -> Vec<Quote> {
    analyse(ps, &reg(), &Options::default()).quotes
}

fn actor(i: usize) -> Option<Speaker> {
    Some(Speaker::Actor { index: i })
}

#[test]
fn tokens_and_sentences() {
    let p = "Cook told RIA Novosti.Kerry said the U.S. team, Mr. Smith and John F. Kennedy left.";
    let toks = tokenize(p, &[]);
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| &p[t.start..t.end])
        .collect();
    assert!(words.contains(&"U.S."));
    assert!(words.contains(&"Novosti"));
    let sent = sentence_ids(p, &toks);
    assert_eq!(*sent.last().unwrap(), 1, "{sent:?}");
}

#[test]
fn rule_quote_comma_speaker_verb() {
    let q = run(&["\"We will not raise taxes this year,\" Okonkwo said."]);
    assert_eq!(q[0].speaker, actor(0));
    assert_eq!(q[0].kind, QuoteKind::Quote);
}

#[test]
fn rule_quote_comma_verb_speaker() {
    let q = run(&["\"Expect delays on every route,\" warned the Harbor Council."]);
    assert_eq!(q[0].speaker, actor(2));
    let q = run(&["\"The data are clear and alarming,\" said Deputy Governor Nadia Ferreira."]);
    assert_eq!(
        q[0].speaker,
        Some(Speaker::Named {
            name: "Nadia Ferreira".into()
        })
    );
}

#[test]
fn rule_speaker_said_colon_and_that() {
    let q = run(&["Brecht wrote on social media: \"We stand with the families tonight.\""]);
    assert_eq!(q[0].speaker, actor(1));
    assert_eq!(q[0].kind, QuoteKind::Quote);
    let q = run(&["Okonkwo said that \"Veldoria will meet every obligation.\""]);
    assert_eq!(q[0].speaker, actor(0));
    assert_eq!(q[0].kind, QuoteKind::Quote);
}

#[test]
fn rule_told_reporters_and_according_to() {
    let q = run(&["\"We are ready for the storm,\" Okonkwo told reporters on Monday."]);
    assert_eq!(q[0].speaker, actor(0));
    let q = run(&["\"The port will reopen on Friday,\" according to Tomas Brecht."]);
    assert_eq!(q[0].speaker, actor(1));
    let q = run(&["According to Brecht, \"the reforms are irreversible and will go on.\""]);
    assert_eq!(q[0].speaker, actor(1));
    assert_eq!(q[0].kind, QuoteKind::Partial);
}

#[test]
fn rule_quoted_as_saying() {
    let q =
        run(&["\"There will be no early election,\" the Veldoria Herald quoted Brecht as saying."]);
    assert_eq!(q[0].speaker, actor(1));
}

#[test]
fn rule_statement_read_and_statement_of() {
    let q = run(&["\"We regret the delay to travellers,\" Okonkwo's statement read."]);
    assert_eq!(q[0].speaker, actor(0));
    let q = run(&[
        "\"Ferries will resume at dawn tomorrow,\" said a statement from the Harbor Council.",
    ]);
    assert_eq!(q[0].speaker, actor(2));
}

#[test]
fn rule_continuation() {
    let q = run(&[
        "\"We will rebuild the bridge,\" Brecht said. \"It will take two years to finish.\"",
    ]);
    assert_eq!(q[1].speaker, actor(1));
    assert_eq!(q[1].rule, Some("continuation"));
    let q = run(&[
        "\"The harbour is safe again,\" Okonkwo told reporters.",
        "\"We thank the crews who worked all night.\"",
    ]);
    assert_eq!(q[1].speaker, actor(0));
    // not across an unrelated paragraph
    let q = run(&[
        "\"The harbour is safe again,\" Okonkwo said.",
        "Markets rose.",
        "\"We thank the crews who worked all night.\"",
    ]);
    assert_eq!(q[1].speaker, None);
}

#[test]
fn attribution_says_whether_the_article_names_the_speaker_there() {
    let q = run(&[
        "\"We will rebuild the bridge,\" Brecht said. \"It will take two years to finish.\"",
        "Brecht met Okonkwo on Tuesday.",
        "\"The talks were long but useful,\" he said.",
        "Nobody expected the \"sudden\" change.",
    ]);
    // the speaker named in the quotation's own attribution
    assert_eq!(q[0].attribution(), Some(Attribution::Explicit));
    // read from the context: the previous quotation's speaker, a pronoun's antecedent
    assert_eq!(q[1].attribution(), Some(Attribution::Inferred));
    assert_eq!(q[2].speaker, actor(1));
    assert_eq!(q[2].attribution(), Some(Attribution::Inferred));
    // no speaker, no attribution
    assert_eq!(q[3].speaker, None);
    assert_eq!(q[3].attribution(), None);
}

#[test]
fn rule_pronoun() {
    let q = run(&[
        "Brecht met Okonkwo on Tuesday.",
        "\"The talks were long but useful,\" he said.",
    ]);
    assert_eq!(q[0].speaker, actor(1));
    let q = run(&[
        "\"We are ready,\" Brecht said.",
        "Okonkwo disagreed with the president on Monday.",
        "\"We are not ready at all,\" she said.",
    ]);
    assert_eq!(q[1].speaker, actor(0));
    // no antecedent: no speaker rather than a guess
    let q = run(&["\"We are not ready at all,\" he said."]);
    assert_eq!(q[0].speaker, None);
}

#[test]
fn rule_role_description() {
    let q = run(&["\"We expect growth by spring,\" the finance minister told reporters."]);
    assert_eq!(q[0].speaker, actor(0));
    let q = run(&["The finance minister said: \"We cannot spend money we lack.\""]);
    assert_eq!(q[0].speaker, actor(0));
    let q = run(&["\"Growth will return next spring,\" the Finance Minister of Veldoria said."]);
    assert_eq!(q[0].speaker, actor(0));
}

#[test]
fn rule_anonymous() {
    let q = run(&[
        "\"Nobody expected the vote to pass,\" a senior Harbor Council aide said.",
        "\"It was a surprise to everyone here,\" the aide added.",
    ]);
    let anon = Some(Speaker::Anonymous {
        description: "a senior Harbor Council aide".into(),
    });
    assert_eq!(q[0].speaker, anon);
    assert_eq!(q[1].speaker, anon);
    let q = run(&[
        "\"The minister knew about it for weeks,\" one official said, speaking on condition of anonymity.",
    ]);
    assert_eq!(
        q[0].speaker,
        Some(Speaker::Anonymous {
            description: "one official".into()
        })
    );
}

#[test]
fn rule_new_speaker_short_form() {
    let a = analyse(
        &[
            "Port spokesman Ivo Marchetti told local radio that ships were waiting.",
            "\"We need two more days to clear the backlog,\" Marchetti said.",
        ],
        &reg(),
        &Options::default(),
    );
    assert_eq!(
        a.quotes[0].speaker,
        Some(Speaker::Named {
            name: "Ivo Marchetti".into()
        })
    );
    assert_eq!(
        a.new_speakers,
        vec![NewSpeaker {
            name: "Ivo Marchetti".into(),
            short_forms: vec!["Marchetti".into()]
        }]
    );
}

fn named(n: &str) -> Option<Speaker> {
    Some(Speaker::Named { name: n.into() })
}

#[test]
fn rule_appositive_name_after_quote() {
    let q = run(&[
        "\"The president supports every line of it,\" President Brecht's spokeswoman, Clara Nyberg, told reporters.",
    ]);
    assert_eq!(q[0].speaker, named("Clara Nyberg"));
}

#[test]
fn rule_parenthetical_clause_is_not_the_subject() {
    let q = run(&[
        "Brecht, speaking in Port Lisle, said he was \"patient, but not infinitely patient\" with the talks.",
    ]);
    assert_eq!(q[0].speaker, actor(1));
    let q = run(&[
        "Councillor Sabine Ardell, who sits on Kessel Bay District Council, said she would ask. \"The pier is public property,\" she said.",
    ]);
    assert_eq!(q[0].speaker, named("Sabine Ardell"));
}

#[test]
fn rule_pronoun_gender() {
    let q = run(&[
        "\"We will open the port this week,\" Okonkwo told reporters.",
        "Ivo Marchetti, the harbour master, agreed. \"The port is ready for ships,\" he said.",
        "\"We expect the first ferry on Monday,\" she added.",
    ]);
    assert_eq!(q[1].speaker, named("Ivo Marchetti"));
    assert_eq!(q[2].speaker, actor(0));
}

#[test]
fn rule_pronoun_anonymous_and_asked() {
    let q = run(&[
        "A senior official, who asked not to be named, told us two people were missing.",
        "\"We are still hoping they went to relatives,\" she said.",
    ]);
    assert_eq!(
        q[0].speaker,
        Some(Speaker::Anonymous {
            description: "A senior official".into()
        })
    );
    let q = run(&[
        "A journalist asked Okonkwo whether taxes would rise. \"Would you raise them in a recession?\" she answered.",
    ]);
    assert_eq!(q[0].speaker, actor(0));
}

#[test]
fn rule_title_and_organisation_references() {
    let q = run(&[
        "President Brecht visited the shipyard.",
        "\"The icebreaker is a symbol of our strength,\" the President said.",
    ]);
    assert_eq!(q[0].speaker, actor(1));
    let q = run(&[
        "The Harbor Council closed the port.",
        "A council statement read: \"Safety comes before every commercial consideration.\"",
    ]);
    assert_eq!(q[0].speaker, actor(2));
}

#[test]
fn rule_organisation_names() {
    let q = run(&[
        "The Tessarian Trawler Federation urged its government to stand firm: \"Our members have fished these waters for centuries.\"",
    ]);
    assert_eq!(q[0].speaker, named("Tessarian Trawler Federation"));
    let q = run(&[
        "The Sarrow Fishermen's Association said in a statement that it \"remains concerned about cable laying on shellfish beds\".",
    ]);
    assert_eq!(q[0].speaker, named("Sarrow Fishermen's Association"));
}

#[test]
fn rule_characterising_verb_and_relative_clause() {
    let q = run(&[
        "\"We will not raise taxes this year,\" Okonkwo replied.",
        "Asked about a coalition with Pieter Halvorsen, who has called her plans \"a fairy tale with a spreadsheet attached,\" Okonkwo laughed.",
        "\"Pieter and I disagree about many things,\" she said.",
    ]);
    assert_eq!(q[1].speaker, named("Pieter Halvorsen"));
    // the partial's speaker in a side clause is not who "she" means
    assert_eq!(q[2].speaker, actor(0));
}

#[test]
fn rule_short_form_subject_is_an_antecedent() {
    let q = run(&[
        "The club sacked manager Teodor Vasko on Sunday.",
        "The club said that Vasko had been relieved \"with immediate effect\" on Sunday.",
        "Vasko, 46, had been in charge for a year. \"I have never walked away from a job,\" he said.",
    ]);
    // the subject stands before its verb: the club's words, not Vasko's
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[1].speaker, named("Teodor Vasko"));
}

#[test]
fn rule_organisation_pronoun_and_generic_noun() {
    let q = run(&[
        "Gantry Holdings rejected the union's demands on Monday. \"The automation plan is essential to our survival,\" the company said in a statement.",
        "\"We will keep talking to the union,\" it said.",
    ]);
    assert_eq!(q[0].speaker, named("Gantry Holdings"));
    assert_eq!(q[1].speaker, named("Gantry Holdings"));
    let q = run(&[
        "The Harbor Council said the quay was safe. \"There is no cause for alarm in the port,\" it said.",
    ]);
    assert_eq!(q[0].speaker, actor(2));
}

#[test]
fn rule_name_in_apposition_after_verb() {
    let q = run(&[
        "\"I was born here and I will die here,\" said one resident, 81-year-old Ilse Marr.",
    ]);
    assert_eq!(q[0].speaker, named("Ilse Marr"));
    let q = run(&[
        "\"We cannot afford another winter like the last,\" said the Harbor Council's chief executive, Mia Lund.",
    ]);
    assert_eq!(q[0].speaker, named("Mia Lund"));
}

#[test]
fn rule_anonymous_with_possessive() {
    let q =
        run(&["\"Profits will fall by a third this year,\" the company's chief executive said."]);
    assert_eq!(
        q[0].speaker,
        Some(Speaker::Anonymous {
            description: "the company's chief executive".into()
        })
    );
}

#[test]
fn rule_anonymous_leaves_the_clause_opener_out() {
    let q = run(&[
        "The talks went on. What officials privately called a \"stopgap truce\" had stalled by Friday.",
    ]);
    assert_eq!(q[0].speaker, anon("officials"));
}

#[test]
fn rule_gloss_names_the_other_side() {
    // the editor's gloss says "them" are Veldorian: "he" is not the Veldorian minister
    let q = run(&[
        "\"We will sign the treaty,\" Brecht said.",
        "Okonkwo outlined the plan.",
        "\"We showed them (Veldoria officials) all our figures,\" he said.",
    ]);
    assert_eq!(q[1].speaker, actor(1));
    assert_eq!(
        gloss_side("told them (U.S. counterparts TASS) that"),
        Some("US".into())
    );
    assert_eq!(gloss_side("told them (sic) that"), None);
}

#[test]
fn rule_title_of_a_name_outside_the_registry() {
    let q = run(&[
        "President Brecht flew to Genevre. He met Tessarian President Ivo Dravik at the palace.",
        "\"We have found common ground on quotas,\" the president said.",
    ]);
    assert_eq!(q[0].speaker, named("Ivo Dravik"));
}

fn anon(d: &str) -> Option<Speaker> {
    Some(Speaker::Anonymous {
        description: d.into(),
    })
}

#[test]
fn rule_anonymous_source_for_an_organisation() {
    let q = run(&[
        "Tolvane Rail will close two depots. An official at Tolvane Rail said the decision came late.",
        "\"Nobody asked the drivers what they thought of any of this,\" the official said.",
    ]);
    assert_eq!(q[0].speaker, anon("An official at Tolvane Rail"));
    let q = run(&[
        "The Harbor Council met on Monday. A spokesman for the council told the Ledger: \"The budget is final and the vote will stand.\"",
        "\"We will publish the figures next week,\" said a spokeswoman for the Harbor Council.",
    ]);
    assert_eq!(q[0].speaker, anon("A spokesman for the council"));
    assert_eq!(q[1].speaker, anon("a spokeswoman for the Harbor Council"));
}

#[test]
fn rule_statement_of_and_according_to_an_organisation_noun() {
    let q = run(&[
        "The Harbor Council met late on Tuesday.",
        "\"The dredging contract has been suspended until the audit is complete,\" reads the statement of the council posted on its website.",
        "According to the council, the audit \"will take no more than six weeks.\"",
    ]);
    assert_eq!(q[0].speaker, actor(2));
    assert_eq!(q[1].speaker, actor(2));
}

#[test]
fn rule_colon_ending_the_previous_paragraph() {
    let q = run(&[
        "Marta Ilves kept the lighthouse for thirty years. \"It was never lonely,\" she says.",
        "Her brother, who lives in the city, calls it \"a strange sort of devotion.\"",
        "She remembers the great storm of 1987 best of all:",
        "\"The lamp went out at midnight and I climbed the stairs with a torch in my teeth.",
        "\"By morning the sea had taken the jetty and half the garden.\"",
    ]);
    assert_eq!(q[2].speaker, named("Marta Ilves"));
}

#[test]
fn rule_characterising_verb_with_a_long_object_before_as() {
    let q = run(&[
        "A harbour official, who asked not to be named, described the new timetable drawn up by the operator as \"a work of pure fiction\".",
    ]);
    assert_eq!(q[0].speaker, anon("A harbour official"));
}

#[test]
fn rule_title_in_a_lede_refers_forward() {
    let q = run(&[
        "The prison was closed on Monday over what the governor called \"reckless disregard for the rules of the sea\".",
        "Governor Hanne Skovgaard said the building had failed three inspections.",
    ]);
    assert_eq!(q[0].speaker, named("Hanne Skovgaard"));
    // nobody named so later: no speaker
    let q = run(&["It was what the governor called \"a sorry tale\". The court rose."]);
    assert_eq!(q[0].speaker, None);
}

#[test]
fn rule_organisation_introduced_with_a_common_noun() {
    let q = run(&[
        "The Harbor Council said it would review the plans.",
        "Walkers from the charity group Save Vessen Dunes said the path had been closed for months. \"Nobody told us, and nobody has said when it will reopen,\" the group wrote in a newsletter.",
    ]);
    assert_eq!(q[0].speaker, named("Save Vessen Dunes"));
    // a subject since then is what "the group" means
    let q = run(&[
        "Members of the campaign group Open Shore Vessen marched on Friday.",
        "The Harbor Council said it was listening. \"We will meet anyone who asks,\" the council said.",
    ]);
    assert_eq!(q[0].speaker, actor(2));
}

#[test]
fn rule_colon_after_subject() {
    let q = run(&[
        "Rupert Fane runs the port. \"The strike will go on,\" said Dagny Holt. Fane disagreed: \"The union is holding the region hostage.\"",
    ]);
    assert_eq!(q[1].speaker, named("Rupert Fane"));
    let q = run(&["The plan has three parts: \"A new quay, a new crane and a new ferry.\""]);
    assert_eq!(q[0].speaker, None);
}

#[test]
fn rule_institution_name_after_the_article() {
    let q = run(&[
        "The Grey Fjord Rowing Trust, which trains young crews, called the closure \"a slow death for the sport\".",
    ]);
    assert_eq!(q[0].speaker, named("Grey Fjord Rowing Trust"));
    // a person's name takes no article: two words, as before
    let q = run(&["Dagny Holt called the plan \"a tax on the harbour\"."]);
    assert_eq!(q[0].speaker, named("Dagny Holt"));
}

#[test]
fn rule_person_introduced_in_apposition_is_an_antecedent() {
    // "she" is the person the text introduced last, not the earlier speaker
    let q = run(&[
        "\"We sail at dawn,\" says Arvid Lund, a ferryman.",
        "Lund's sister, Marit Lund-Oy, keeps the books. \"The ledger is empty by March,\" she says.",
    ]);
    assert_eq!(q[1].speaker, named("Marit Lund-Oy"));
    // an apposition at the end of a sentence, then "he told"
    let q = run(&[
        "Reaction came first from the port's harbourmaster, Gustav Eide. \"The cranes stay idle until Friday,\" he told the radio.",
    ]);
    assert_eq!(q[0].speaker, named("Gustav Eide"));
    // a name after a verb or a preposition is not introduced as a subject
    let q = run(&[
        "Brecht spoke to reporters. \"I trust the courts,\" he said.",
        "Later Brecht travelled alongside Jonas Weller, who has criticised him. \"We will see,\" he said.",
    ]);
    assert_eq!(q[1].speaker, actor(1));
}

#[test]
fn rule_title_phrase_before_a_name() {
    let q = run(&[
        "Deputy Director of Coastal Surveys Colonel Signe Aas opened the session.",
        "\"Every wreck will be charted by spring,\" the deputy director added.",
    ]);
    assert_eq!(q[0].speaker, named("Signe Aas"));
    let q = run(&[
        "The spokesman of the Harbor Council Olav Dahl, for his part, welcomed the plan. \"It was overdue,\" he said.",
    ]);
    assert_eq!(q[0].speaker, named("Olav Dahl"));
}

#[test]
fn rule_unattributed_quotation_after_a_subject() {
    // a quotation alone in a paragraph continues the person the previous one made speak
    let q = run(&[
        "Harbourmaster Gustav Eide said the storm had cost the port a week.",
        "\"We lost three moorings and one crane. Nobody was hurt, and that is what counts.\"",
    ]);
    assert_eq!(q[0].speaker, named("Gustav Eide"));
    // a paragraph ending with a colon hands the next one's quotation to its subject
    let q = run(&[
        "Okonkwo has just stepped out of the cabinet room:",
        "\"The budget is agreed. It will be published tomorrow.\"",
    ]);
    assert_eq!(q[0].speaker, actor(0));
    // an action beat in the same paragraph: "Eide shrugs. \"Q\""
    let q = run(&[
        "Gustav Eide runs the harbour. Asked about the strike, Eide shrugs. \"What can I do? The ships are late.\"",
    ]);
    assert_eq!(q[0].speaker, named("Gustav Eide"));
    // no subject: nobody
    let q = run(&["\"Nothing moves tonight. Nothing at all.\""]);
    assert_eq!(q[0].speaker, None);
}

#[test]
fn rule_place_in_a_prepositional_phrase_is_not_the_subject() {
    let q = run(&[
        "A sign nailed to the gate at Vester Quay said: \"No entry for lorries after dark.\"",
    ]);
    assert_eq!(q[0].speaker, None);
}

#[test]
fn classification_titles_and_quotation_after_quotation() {
    let q = run(&[
        "The report, \"Storm Surges and Harbour Defences in Northern Waters,\" is out today.",
    ]);
    assert_eq!(q[0].kind, QuoteKind::Title);
    let q = run(&[
        "Her old teacher remembers a girl who \"never sat still.\" \"She was the most restless pupil I ever had,\" he says.",
    ]);
    assert_eq!(q[1].kind, QuoteKind::Quote);
}

#[test]
fn classification_according_to_and_names() {
    let q = run(&[
        "Brecht spoke at the yard. According to him, \"Not less than seventy percent must be built at home.\"",
    ]);
    assert_eq!(q[0].kind, QuoteKind::Quote);
    assert_eq!(q[0].speaker, actor(1));
    let q =
        run(&["Workers gave him a model with the inscription \"To the builder of the fleet\"."]);
    assert_eq!(q[0].kind, QuoteKind::Title);
}

#[test]
fn classification() {
    let q = run(&[
        "Okonkwo said the reforms would \"put the economy back on a sustainable path\" within a year.",
    ]);
    assert_eq!(q[0].kind, QuoteKind::Partial);
    assert_eq!(q[0].speaker, actor(0));
    let q = run(&["The so-called \"peace dividend\" has not arrived."]);
    assert_eq!(q[0].kind, QuoteKind::Fragment);
    let q = run(&["He said, \"We will go home now.\""]);
    assert_eq!(q[0].kind, QuoteKind::Quote);
    let opts = Options {
        min_words: 2,
        ..Options::default()
    };
    let a = analyse(
        &["The so-called \"peace dividend\" has not arrived."],
        &reg(),
        &opts,
    );
    assert_eq!(a.quotes[0].kind, QuoteKind::Partial);
}

#[test]
fn topics_and_mentions() {
    let a = analyse(
        &["The HARBOUR closed; Okonkwo and the Finance Minister of Veldoria spoke."],
        &reg(),
        &Options::default(),
    );
    assert_eq!(a.topics, vec![0]);
    assert_eq!(a.actors.len(), 2);
    assert!(a.actors[1].by_role);
    assert_eq!(a.actor_indices(), vec![0]);
}

#[test]
fn honorific_period_does_not_end_the_name() {
    let q = run(&[
        "Dana Whitlow opened the session early.",
        "''The roads will be closed all week,'' Ms. Whitlow said.",
        "\"We have asked for more buses,\" said Sen. Orrin Vale (R-Neb.).",
        "Gov. Ruth Amsel sighed: \"Nobody reads the budget before voting on it.\"",
    ]);
    assert_eq!(q[0].speaker, named("Dana Whitlow"));
    assert_eq!(q[1].speaker, named("Orrin Vale"));
    assert_eq!(q[2].speaker, named("Ruth Amsel"));
}

#[test]
fn title_words_as_surnames() {
    let q = run(&[
        "\"The plant will reopen in the spring,\" Mr. Prince said.",
        "\"We told the board the plan would never work,\" said Mr. Bishop.",
        "\"Every county will be counted by hand,\" Walt King told reporters.",
    ]);
    assert_eq!(q[0].speaker, named("Prince"));
    assert_eq!(q[1].speaker, named("Bishop"));
    assert_eq!(q[2].speaker, named("Walt King"));
}

#[test]
fn name_with_initial_and_suffix() {
    let q = run(&["\"The bill has the votes it needs now,\" said Harold T. Brenner Jr."]);
    assert_eq!(q[0].speaker, named("Harold T. Brenner Jr."));
    let q = run(&["Harold T. Brenner Jr. said: \"The bill has the votes it needs now.\""]);
    assert_eq!(q[0].speaker, named("Harold T. Brenner Jr."));
}

#[test]
fn the_name_that_opens_an_appositive_speaks() {
    let q = run(&[
        "\"Nobody in the district wants the new toll,\" Rep. Mara Quist, a Vermont Democrat, said.",
        "\"I just do not trust the count this time,\" Edna Fallows, 67, a retired teacher in Dover, Del., said on Friday.",
        "Senator Lyle Brandt, Republican of Idaho, told reporters: \"The vote will happen next week.\"",
        "''Advertisers rank the sites every quarter,'' Mr. Tamsin, of Orbel Capital Markets, said.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
    assert_eq!(q[1].speaker, named("Edna Fallows"));
    assert_eq!(q[2].speaker, named("Lyle Brandt"));
    assert_eq!(q[3].speaker, named("Tamsin"));
}

#[test]
fn verbs_of_tone_and_continued_report_speech() {
    let q = run(&[
        "\"Nobody here reads the budget before voting,\" Ruth Amsel sighed.",
        "Dale Pruett fumed: \"The count was wrong from the very first precinct.\"",
        "\"We will appeal the ruling next week,\" Pruett continued.",
        "\"Why would anyone sign that contract?\" Amsel asked the panel.",
    ]);
    assert_eq!(q[0].speaker, named("Ruth Amsel"));
    assert_eq!(q[1].speaker, named("Dale Pruett"));
    assert_eq!(q[2].speaker, named("Dale Pruett"));
    assert_eq!(q[3].speaker, named("Ruth Amsel"));
}

#[test]
fn a_participle_of_speech_takes_the_sentence_subject() {
    let q = run(&[
        "Lena Brook compared the levy to a toll, saying, \"Every family on the island pays it twice.\"",
        "Brook went after the council, calling its plan \"a tax on drivers\" in a speech.",
    ]);
    assert_eq!(q[0].speaker, named("Lena Brook"));
    assert_eq!(q[1].speaker, named("Lena Brook"));
}

#[test]
fn a_description_before_the_name_is_not_the_name() {
    let q = run(&[
        "\"The numbers were soft from the start,\" said Democratic pollster Ned Harlow.",
        "\"People will turn out in the rain,\" said Vessen campaign manager Ida Rusk.",
        "\"Teachers are organising in every county,\" said UC-AFT President Bo Lindqvist.",
    ]);
    assert_eq!(q[0].speaker, named("Ned Harlow"));
    assert_eq!(q[1].speaker, named("Ida Rusk"));
    assert_eq!(q[2].speaker, named("Bo Lindqvist"));
}

fn run_titled(title: &str, ps: &[&str]) -> Vec<Quote> {
    analyse_titled(title, ps, &reg(), &Options::default()).quotes
}

#[test]
fn quotations_in_a_title_line_go_to_the_headline_speaker() {
    let body = ["Orrin Vale spoke to the harbour board on Monday."];
    let q = run_titled("Vale: 'We Will Not Back Down On The Levy'", &body);
    assert_eq!(q[0].speaker, named("Orrin Vale"));
    assert_eq!(q[0].spans[0].paragraph, 0);
    let q = run_titled("Orrin Vale Says Levy Plan Is 'Dead On Arrival'", &body);
    assert_eq!(q[0].speaker, named("Orrin Vale"));
    let q = run_titled("'Dead on arrival,' Vale says of the levy plan", &body);
    assert_eq!(q[0].speaker, named("Orrin Vale"));
    // a headline with no speaker before its verb gives none
    let q = run_titled("The Levy Is 'Dead On Arrival'", &body);
    assert_eq!(q[0].speaker, None);
    // the title's capitalised words name no one in the body
    let q = run_titled(
        "Harbour Board Blasts Levy",
        &["\"We will not pay it,\" Board said."],
    );
    assert_ne!(q[0].speaker, named("Harbour Board"));
}

#[test]
fn attribution_after_a_clause_that_carries_the_quotation_on() {
    let q = run(&[
        "''Seeing how many cases could change is stunning,'' since so many were decided by one vote, said Lena Brook, who teaches law in Dover.",
    ]);
    assert_eq!(q[0].speaker, named("Lena Brook"));
}

#[test]
fn verbs_that_report_speech_only_after_a_quotation() {
    let q = run(&[
        "Ned Harlow and Ida Rusk met on the radio.",
        "\"Would the levy be negotiable for the island?\" Harlow pressed.",
        "\"The stock has not done well this year,\" Rusk pointed out.",
    ]);
    assert_eq!(q[0].speaker, named("Ned Harlow"));
    assert_eq!(q[1].speaker, named("Ida Rusk"));
}

#[test]
fn a_title_word_after_an_initial_is_a_surname() {
    let q = run(&[
        "\"You did feel that it was stifling,\" Representative Walt T. King, Republican of Vessen, said.",
    ]);
    assert_eq!(q[0].speaker, named("Walt T. King"));
}

#[test]
fn labelling_verbs_with_as_and_adverbs_before_the_verb() {
    let q = run(&[
        "Orrin Vale referred to the harbour master as \"a bright, careful leader\" on Monday.",
        "Ida Rusk has increasingly decried what she calls \"harbour racism\" in the town.",
    ]);
    assert_eq!(q[0].speaker, named("Orrin Vale"));
    assert_eq!(q[1].speaker, named("Ida Rusk"));
}

#[test]
fn an_attribution_that_ends_the_sentence() {
    let q = run(&[
        "Given Vale's success, his backing will carry \"a great deal of weight\" and bring them the \"grass-roots firepower\" they need to win, DFA spokesman Ned Harlow said.",
    ]);
    assert_eq!(q[0].speaker, named("Ned Harlow"));
    assert_eq!(q[1].speaker, named("Ned Harlow"));
}

#[test]
fn a_short_sentence_quoted_after_a_speaker_continues_it() {
    let q =
        run(&["\"Did you get the names of everybody here?\" Ned Harlow said. \"Okay, great!\""]);
    assert_eq!(q[1].speaker, named("Ned Harlow"));
}

#[test]
fn an_initial_never_ends_a_name() {
    let q = run(&[
        "District Judge Carlton W. Reeves ruled on Thursday.",
        "Just minutes before the bill was to take effect, Reeves said the \"sincere religious belief\" clause was void.",
    ]);
    assert_eq!(q[0].speaker, named("Carlton W. Reeves"));
}

#[test]
fn an_infinitive_of_speech_takes_the_sentence_subject() {
    let q = run(&[
        "The debate was so calm that Orrin Vale was prompted to say, \"So far I cannot believe how civil it has been.\"",
    ]);
    assert_eq!(q[0].speaker, named("Orrin Vale"));
}

#[test]
fn an_exclamation_before_a_long_attribution() {
    let q = run(&[
        "\"The great state of Vessen is proud to cast its votes for the next governor!\" State Senator Ida Rusk said as the roll call began.",
    ]);
    assert_eq!(q[0].speaker, named("Ida Rusk"));
}

#[test]
fn according_to_a_proper_name_after_the_article() {
    let q = run(&[
        "According to The Harbour Ledger, the men wore shirts that read \"Settle for the levy, not the toll.\"",
    ]);
    assert_eq!(q[0].speaker, named("Harbour Ledger"));
}

#[test]
fn an_acronym_speaks_and_is_continued() {
    let q = run(&[
        "Orrin Vale was dropped by the network on Tuesday.",
        "''The network is an inclusive company,'' VBC said in a statement. ''Vale has been told his conduct was unacceptable.''",
    ]);
    assert_eq!(q[0].speaker, named("VBC"));
    assert_eq!(q[1].speaker, named("VBC"));
}

#[test]
fn a_subject_in_the_attribution_sentence_is_no_new_speaker() {
    let q = run(&[
        "\"I am satisfied with his answer on the levy,\" Ida Rusk said after Orrin Vale spoke. \"My biggest worry is the toll.\"",
    ]);
    assert_eq!(q[1].speaker, named("Ida Rusk"));
}

#[test]
fn a_verb_form_after_a_possessive_is_a_noun() {
    let q = run(&[
        "Speaker Ned T. Harlow, the council's senior member, on Tuesday called Orrin Vale's remarks about the harbour ''reckless,'' a rare rebuke.",
    ]);
    assert_eq!(q[0].speaker, named("Ned T. Harlow"));
}

#[test]
fn shot_back_before_a_quotation() {
    let q = run(&[
        "After Orrin Vale criticized her budget, Ida Rusk shot back, \"I could have chosen to stay home, but I chose to serve.\"",
    ]);
    assert_eq!(q[0].speaker, named("Ida Rusk"));
}

#[test]
fn a_name_right_before_a_participle_is_its_subject() {
    let q = run(&[
        "Senators were irritated by the plan, with Sen. Orrin Vale calling it a \"Chinese menu\" of options.",
    ]);
    assert_eq!(q[0].speaker, named("Orrin Vale"));
}

#[test]
fn a_quotation_signed_on_the_next_line() {
    let q = run(&[
        "\"Every family on the island pays the levy twice, and nobody in town has been asked.\"",
        "- Orrin Vale, speaking at the harbour.",
        "The claim is only half right.",
    ]);
    assert_eq!(q[0].speaker, named("Orrin Vale"));
}

#[test]
fn a_verb_of_speech_before_a_colon_that_ends_the_paragraph() {
    let q = run(&[
        "\"The questions in this debate show why people distrust the press,\" Vale said.",
        "Rusk continued:",
        "\"You look at the questions and you see a comic book.\"",
    ]);
    assert_eq!(q[1].speaker, named("Rusk"));
}

#[test]
fn a_new_clause_after_a_quotation_is_not_its_attribution() {
    let q = run(&[
        "Ida Rusk accuses the council of \"leading from behind\" and Orrin Vale says it is \"losing the harbour,\" a rare joint attack.",
    ]);
    assert_eq!(q[0].speaker, named("Ida Rusk"));
}

#[test]
fn according_to_names_the_report_over_the_speaker_it_reports() {
    let q = run(&[
        "According to the Lisle Ledger, Okonkwo said the levy was \"a temporary measure for hard times.\"",
    ]);
    assert_eq!(q[0].speaker, named("Lisle Ledger"));
    let q = run(&[
        "Okonkwo said the levy was \"a temporary measure for hard times,\" according to Tomas Brecht.",
    ]);
    assert_eq!(q[0].speaker, actor(1));
    // a statement or a poll is no report's author: the verb's subject keeps the quotation
    let q = run(&[
        "Okonkwo said the levy was \"a temporary measure for hard times,\" according to a statement.",
    ]);
    assert_eq!(q[0].speaker, actor(0));
}

#[test]
fn a_name_before_the_colon_that_opens_a_quotation() {
    let intro = "Pieter Halvorsen, the opposition leader, toured the docks on Monday.";
    let q = run(&[
        intro,
        "More from Halvorsen: \"The harbour towns are losing trade faster than the models said.\"",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
    let q = run(&[
        "Trade slows in the east - Quillfeed: \"The harbour towns are losing trade faster than the models said.\"",
    ]);
    assert_eq!(q[0].speaker, named("Quillfeed"));
    // a place after a preposition is no speaker
    let q = run(&[
        "The protesters had one message for the crowd in Lisle: \"The harbour is ours and we will keep it.\"",
    ]);
    assert_ne!(q[0].speaker, named("Lisle"));
}

#[test]
fn a_passive_label_and_its_agent() {
    let q = run(&[
        "The scheme has been called \"strategic ambiguity\" by Mara Quist, a professor at Lisle University.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
    let q = run(&["The inquiry, often labelled as a \"witch hunt\" by Halvorsen, went on."]);
    assert_eq!(q[0].speaker, named("Halvorsen"));
}

#[test]
fn an_outlet_that_reports_the_sentence_at_its_end() {
    let q = run(&[
        "During the inquiry, Halvorsen conceded that the fees could be called \"a cost of doing business,\" The Lisle Ledger reported in 1994.",
    ]);
    assert_eq!(q[0].speaker, named("Lisle Ledger"));
    let q = run(&[
        "Okonkwo attacked the plan for promoting \"waste and favours\" on his Monday broadcast, Harbor Watch first reported.",
    ]);
    assert_eq!(q[0].speaker, named("Harbor Watch"));
}

#[test]
fn the_owner_of_a_claim_before_the_quotation() {
    let q = run(&[
        "Pieter Halvorsen, the opposition leader, toured the docks on Monday.",
        "The row began with Halvorsen's controversial pledge to stay \"neutral\" in the port talks.",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
    let q = run(&["Voters shrugged off Okonkwo's claim that the levy had \"saved the harbour.\""]);
    assert_eq!(q[0].speaker, actor(0));
}

#[test]
fn a_fronted_phrase_holds_no_subject() {
    let q = run(&[
        "Pieter Halvorsen, the opposition leader, toured the docks on Monday.",
        "At the annual meeting of the Harbor Council in Lisle on Tuesday, Halvorsen used his speech to offer \"encouragement\" to the crews.",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
    let q = run(&[
        "Pieter Halvorsen, the opposition leader, toured the docks on Monday.",
        "Preceded at the lectern by Mara Quist, the harbour master, Halvorsen launched into a lament for the \"forgotten crews.\"",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
}

#[test]
fn a_claim_judged_by_others_is_not_its_owners_words() {
    let q = run(&[
        "Pieter Halvorsen, the opposition leader, toured the docks on Monday.",
        "The Harbor Council said Halvorsen's comments are \"another example of cheap politics.\"",
    ]);
    assert_eq!(q[0].speaker, actor(2));
}

#[test]
fn according_to_leaves_an_attribution_right_after_the_quotation() {
    let q = run(&[
        "\"The minister has told me about your proposals in detail,\" Brecht told the envoy at the start of their meeting in Lisle, according to the Lisle Ledger.",
    ]);
    assert_eq!(q[0].speaker, actor(1));
}

#[test]
fn said_according_to_names_the_report() {
    let q =
        run(&["\"We will not raise the levy again,\" Brecht said, according to the Lisle Ledger."]);
    assert_eq!(q[0].speaker, named("Lisle Ledger"));
}

#[test]
fn according_to_a_news_agency() {
    let q = run(&[
        "Brecht said those who saw politics in the visit should \"look for a doctor,\" according to Reuters.",
    ]);
    assert_eq!(q[0].speaker, named("Reuters"));
}

#[test]
fn a_body_line_written_as_a_headline() {
    let q = run(&[
        "The year in harbour politics, in ten moments.",
        "Mara Quist Explained Why She Felt \"Invisible\" As A Child.",
        "The harbour master spoke to a small crowd in Lisle about her childhood.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn reports_an_outlet_at_the_end_of_the_sentence() {
    let q = run(&[
        "\"The levy says to the crews that they are no longer welcome,\" said Mara Quist, director of Crews for Lisle, reports Harbour Today.",
    ]);
    assert_eq!(q[0].speaker, named("Harbour Today"));
}

#[test]
fn the_owner_of_a_claim_around_the_quotation() {
    let intro = "Pieter Halvorsen, the opposition leader, toured the docks on Monday.";
    let q = run(&[
        intro,
        "Voters still remember Halvorsen's \"not one more toll\" pledge from the last campaign.",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
    let q = run(&[
        intro,
        "But Halvorsen's broadside against \"harbour barons\" left room for doubt.",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
}

#[test]
fn a_name_before_of_and_a_place_or_employer_is_the_subject() {
    let q = run(&[
        "Harbour Board Chairman Edvin Rask of East Lisle said he was \"furious\" about the delay.",
    ]);
    assert_eq!(q[0].speaker, named("Edvin Rask"));
    let q = run(&[
        "\"The tolls will ruin the smaller crews first,\" Mara Quist of the Lisle Fishing Cooperative said.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn a_participle_after_its_own_subject() {
    let q = run(&[
        "Dockers rejected the offer, with union chief Ilse Marr calling it a \"slap in the face\" for the crews.",
    ]);
    assert_eq!(q[0].speaker, named("Ilse Marr"));
    let q = run(&[
        "Both leaders issued statements, Pieter Halvorsen saying he was \"very hopeful\" and Mara Quist calling it a \"productive day.\"",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
    assert_eq!(q[1].speaker, named("Mara Quist"));
}

#[test]
fn a_participle_of_speech_with_words_before_the_quotation() {
    let q = run(&[
        "Pieter Halvorsen answered the mayor on Friday, saying at a rally in Lisle that the toll was \"a tax on work.\"",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
}

#[test]
fn a_long_description_before_a_title_and_name_after_said() {
    let q = run(&[
        "\"We have the crews and we have the boats,\" said East Lisle Harbour Workers Union Chairman Jonas Brandt.",
    ]);
    assert_eq!(q[0].speaker, named("Jonas Brandt"));
}

#[test]
fn joined_initials_are_part_of_the_name() {
    let q = run(&[
        "Harbour Board Chairman J.K. Rask said the levy was \"a fine idea for someone else.\"",
    ]);
    assert_eq!(q[0].speaker, named("J.K. Rask"));
}

#[test]
fn a_question_before_a_name_with_an_appositive() {
    let q = run(&[
        "Harbour crews gathered early on Monday.",
        "\"Is anyone listening to us?\" Mara Quist, a deckhand from East Lisle, said quietly into the microphone.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
    let q = run(&["\"Not again!\" Rep. Ilse Marr, D-Lisle, said of the vote."]);
    assert_eq!(q[0].speaker, named("Ilse Marr"));
}

#[test]
fn said_after_a_comma_names_its_speaker_after_it() {
    let q = run(&[
        "The vote marks \"the start of a long winter\" for the harbour, said Jonas Brandt, founder of the East Lisle Dockers Guild.",
    ]);
    assert_eq!(q[0].speaker, named("Jonas Brandt"));
}

#[test]
fn a_participle_of_speech_with_an_object_before_the_quotation() {
    let q = run(&[
        "Pieter Halvorsen answered in kind, tweeting at the mayor, \"you are not a leader, you are a lobbyist.\"",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
}

#[test]
fn the_owner_of_a_response_or_a_claim_that() {
    let intro = "Pieter Halvorsen, the opposition leader, toured the docks on Monday.";
    let q = run(&[
        intro,
        "Halvorsen's response was: \"Ask the crews, not me.\"",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
    let q = run(&[
        intro,
        "Halvorsen's boldest claim is that the levy is a \"tax on honest work\" in disguise.",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
}

#[test]
fn told_after_a_comma_keeps_its_subject() {
    let q =
        run(&["\"The crews are tired of waiting,\" Mara Quist, 58, told Harbour Radio on Monday."]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn the_owner_of_a_post_or_a_call() {
    let intro = "Pieter Halvorsen, the opposition leader, toured the docks on Monday.";
    let q = run(&[
        intro,
        "From Halvorsen's Facebook post: \"The crews deserve better than this levy.\"",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
    let q = run(&[
        intro,
        "Halvorsen's call for a \"harbour revolution\" drew thousands to the quay.",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
    // the quotation judges the response, it is not the response
    let q = run(&[
        intro,
        "Critics said Halvorsen's response was \"too little, too late\" for the crews.",
    ]);
    assert_ne!(q[0].speaker, named("Pieter Halvorsen"));
}

#[test]
fn a_name_that_describes_another_is_not_the_subject() {
    let q = run(&[
        "Pieter Halvorsen toured the docks on Monday.",
        "On Tuesday, Halvorsen campaign manager Jonas Brandt released a memo titled \"Where the Race Stands Today.\"",
        "He writes that Halvorsen has \"a lead nobody can take away from him now.\"",
    ]);
    assert_eq!(q[1].speaker, named("Jonas Brandt"));
}

#[test]
fn a_name_after_a_verb_is_its_object_not_the_subject() {
    let q = run(&[
        "Mara Quist spoke at the quay.",
        "In the spring, Quist endorsed Pieter Halvorsen for mayor, saying he had \"the nerve and the patience\" the harbour needs.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn the_attribution_at_the_end_of_a_sentence_that_runs_on() {
    let q = run(&[
        "Pieter Halvorsen spoke first.",
        "\"I have said it plainly, the levy has failed the crews every single year\" and against the new toll, Mara Quist said.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn a_question_after_a_colon_keeps_the_speaker_before_it() {
    let q = run(&[
        "Mara Quist, weary, finally answered: \"What difference does one more toll make?\" Her critics cited it for weeks.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn a_question_after_verb_and_comma_keeps_its_speaker() {
    let q = run(&[
        "Mara Quist replies to Jonas Brandt with, \"Why now? That was on the way to the quay?\" Brandt then writes back, \"You look tired.\"",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
    assert_eq!(q[1].speaker, named("Jonas Brandt"));
}

#[test]
fn continued_and_cracked_before_the_quotation() {
    let q = run(&[
        "Jonas Brandt spoke first.",
        "Growing louder as he spoke, Pieter Halvorsen continued: \"The worst toll ever set in this port? It was set on his watch.\"",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
}

#[test]
fn an_outlet_at_the_end_after_a_quoted_title() {
    let q = run(&[
        "Jonas Brandt attacked the crews for \"greed and idleness\" on his weekly radio show, \"Harbour Hour with Jonas Brandt,\" the Lisle Ledger first reported.",
    ]);
    assert_eq!(q[0].speaker, named("Lisle Ledger"));
}

#[test]
fn a_fronted_participle_and_a_place_before_the_subject() {
    let q = run(&[
        "Pieter Halvorsen and Jonas Brandt toured the docks on Monday.",
        "Speaking at a town hall in Lisle, East Harbour, Halvorsen went after Brandt, calling him \"a total stiff.\"",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
}

#[test]
fn a_month_abbreviation_before_a_day_does_not_end_the_sentence() {
    let q = run(&[
        "Halvorsen noted the Sept. 11 floods, his support for the crews and his work to bring jobs from \"Lisle to Vessen.\"",
    ]);
    assert_eq!(q[0].speaker, named("Halvorsen"));
}

#[test]
fn a_relative_clause_left_open_before_said() {
    let q = run(&[
        "\"This new toll raises new questions about the harbour,\" Mara Quist, who is chairman of Crews First said in a statement.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn pointed_out_before_the_quotation() {
    let q = run(&[
        "But as the Lisle Ledger pointed out, \"Still, the council has not published a single budget line.\"",
    ]);
    assert_eq!(q[0].speaker, named("Lisle Ledger"));
}

#[test]
fn a_name_after_a_preposition_does_not_sign_the_quotation() {
    let q = run(&[
        "But even as Pieter Halvorsen claimed on Tuesday that \"Brandt got in trouble for far less,\" one of the former lawyers for Jonas Brandt said the two cases were different.",
    ]);
    assert_eq!(q[0].speaker, named("Pieter Halvorsen"));
}

#[test]
fn a_proper_adjective_before_a_descriptor_opens_the_attribution() {
    let q = run(&[
        "\"Boots on the quay\" would be the right answer, Harbour Party candidate Mara Quist said after the storm.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn a_participle_of_speech_before_a_short_clause() {
    let q = run(&[
        "Mara Quist backed the levy in June, but only after weeks of doubt, telling reporters in May that she was \"not quite there yet.\"",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
    let q = run(&[
        "Pieter Halvorsen and Mara Quist both want tolls, with Quist recently promising to \"toll every hull in the harbour.\"",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn a_claim_noun_before_a_participle_of_speech_is_not_the_source() {
    let q = run(&[
        "Jonas Brandt spoke on Monday.",
        "One aide inside the Harbour Office tried to play down Brandt's comments, saying they were \"not a big deal around here.\"",
    ]);
    assert_ne!(q[0].speaker, named("Jonas Brandt"));
}

#[test]
fn a_verb_after_a_name_is_not_read_verb_first() {
    let q = run(&[
        "Mara Quist and Jonas Brandt grew up on the quay.",
        "Quist says Brandt \"talked the talk and walked the walk.\"",
    ]);
    assert_ne!(q[0].speaker, named("Jonas Brandt"));
}

#[test]
fn continue_is_no_verb_of_speech() {
    let q = run(&[
        "Jonas Brandt said he is certain Mara Quist will continue to be \"a champion for the crews.\"",
    ]);
    assert_eq!(q[0].speaker, named("Jonas Brandt"));
}

#[test]
fn agrees_after_a_quotation_and_a_suffix_in_capitals() {
    let q = run(&["\"Our ideas of success are different,\" agrees Mara Quist, 30, of East Lisle."]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
    let q = run(&[
        "\"Yes, I support the levy,\" Jonas Brandt III, founder of the Harbour Trust, tells the Lisle Ledger.",
    ]);
    assert_eq!(q[0].speaker, named("Jonas Brandt III"));
    let q = run(&[
        "\"They care about two things,\" Fight for $15 organizing director Mara Quist told Harbour Radio.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn said_a_name_s_description_and_the_name_in_apposition() {
    let q = run(&[
        "\"It is about time the harbour had a woman in charge,\" exclaimed Quist's introducer, actress Ilse Marr.",
    ]);
    assert_eq!(q[0].speaker, named("Ilse Marr"));
}

#[test]
fn a_surname_opening_its_sentence_before_a_verb() {
    let q =
        run(&["Brandt went on to say, \"From the bottom of my heart, I know this to be true.\""]);
    assert_eq!(q[0].speaker, named("Brandt"));
    let q = run(&[
        "Quist has clashed with Pieter Halvorsen once, saying she was \"appalled\" that he would \"mock\" the crews.",
    ]);
    assert_eq!(q[0].speaker, named("Quist"));
}

#[test]
fn surnames_that_are_common_words() {
    // a capitalised auxiliary before a verb is a name, not a skipped adverb
    let q = run(&[
        "Columnist Petra Will renewed her feud with Jonas Brandt this week. Brandt said little.",
        "\u{201c}The harbour vote is a reminder that the levy will fail,\u{201d} Will wrote.",
    ]);
    assert_eq!(q[0].speaker, named("Petra Will"));
    // a preposition the article writes as a surname
    let q = run(&[
        "\"We won fewer seats than any party,\" said Ansel From, who founded the group.",
        "Many saw the group as \"the party of government,\" From said. \"Our task was clear.\"",
        "From agreed that the gap was wide. \"The times have changed,\" From said.",
    ]);
    assert_eq!(q.len(), 4);
    for (k, x) in q.iter().enumerate() {
        assert_eq!(x.speaker, named("Ansel From"), "{k}");
    }
    // no surname where no name runs into the word
    let q = run(&["From the quay, Mara Quist said the levy was \"a folly.\""]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn asked_a_proper_adjective_and_its_noun_is_no_one_to_answer() {
    let q = run(&[
        "Mara Quist spoke first.",
        "\u{201c}Why are you still backing him?\u{201d} Quist asked Lisle councillors. \u{201c}What does this say about your party?\u{201d}",
        "Several Lisle councillors have since objected.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
    assert_eq!(q[1].speaker, named("Mara Quist"));
}

#[test]
fn verb_first_attribution_between_commas() {
    let q = run(&[
        "The paradox of the harbour, says Carl Berg, a historian at the Lisle Library, is that it was \"one of the busiest ports of the age.\"",
    ]);
    assert_eq!(q[0].speaker, named("Carl Berg"));
}

#[test]
fn subject_described_by_town_region_brackets_or_a_clause() {
    let q = run(&[
        "Stacy Moe of Lisle, East Harbour says she thinks Quist can win if she keeps \u{201c}doing what she is doing.\u{201d}",
    ]);
    assert_eq!(q[0].speaker, named("Stacy Moe"));
    let q = run(&[
        "Rep. Zoe Lindqvist (D-Lisle), who introduced a bill this month aimed at improving conditions in East Harbour, said the moves were \u{201c}important first steps.\u{201d}",
    ]);
    assert_eq!(q[0].speaker, named("Zoe Lindqvist"));
    let q = run(&[
        "The issue came up after Mr. Brandt, asked about the arrests under Mr. Quist, had said, \"I think our port does plenty of that too.\"",
    ]);
    assert_eq!(q[0].speaker, named("Brandt"));
    let q = run(&[
        "Amid calls from some to publish the names, the Ledger's Matt Olsen provided a justification for a list, saying it is needed to \u{201c}remember who they were.\u{201d}",
    ]);
    assert_eq!(q[0].speaker, named("Matt Olsen"));
}

#[test]
fn a_surname_opening_a_sentence_before_a_past_tense() {
    let q = run(&[
        "At the Sunday debate, Quist compared herself to Doe, saying, \"I take no fees from the harbour.\u{201d}",
    ]);
    assert_eq!(q[0].speaker, named("Quist"));
    let q = run(&[
        "Brandt gestured as if to stop the noise, then leaned in and boomed: \u{201c}Let us win in May.\u{201d}",
    ]);
    assert_eq!(q[0].speaker, named("Brandt"));
}

#[test]
fn two_writers_the_first_named() {
    let q = run(&[
        "\"He is filled with resentment,\" Anna-Lena Dovik and Gabriel Sund wrote. \"His principle is under attack.\"",
    ]);
    assert_eq!(q[0].speaker, named("Anna-Lena Dovik"));
    assert_eq!(q[1].speaker, named("Anna-Lena Dovik"));
}

#[test]
fn names_read_as_latin_1_stay_whole() {
    let q = run(&["\"There is a clear need to act,\" Arturo SarukhÃÂ¡n added."]);
    assert_eq!(q[0].speaker, named("Arturo SarukhÃÂ¡n"));
    // the same, written decomposed (`A` and a combining tilde): the word is not cut at the accent
    let q = run(&[
        "Minister Luis Ca\u{41}\u{303}\u{b1}ada urged voters not to \"choose the road of fear.\"",
    ]);
    assert_eq!(q[0].speaker, named("Luis Ca\u{41}\u{303}\u{b1}ada"));
    // a decomposed accent inside a name is part of its word
    let q = run(&["\"We will build the bridge,\" Jose\u{301} Marti\u{301}n said."]);
    assert_eq!(q[0].speaker, named("Jose\u{301} Marti\u{301}n"));
}

#[test]
fn a_decimal_point_ends_no_sentence() {
    let q = run(&[
        "In April, Roe called Ford's plans to open a $1.6 billion plant in Lisle \u{201c}an absolute disgrace,\u{201d} and threatened a levy.",
    ]);
    assert_eq!(q[0].speaker, named("Roe"));
}

#[test]
fn an_absolute_participle_phrase_over_an_earlier_verb() {
    let q = run(&[
        "The attack sparked a debate over how the port responds to violence, with Republican Senator Jon Doe telling reporters on Thursday he viewed Quist as \u{201c}directly responsible\u{201d} for it.",
    ]);
    assert_eq!(q[0].speaker, named("Jon Doe"));
    // a participle of the sentence's own subject leaves it the speaker
    let q = run(&[
        "Brandt will meet Quist next week, Mara Lind said, adding, \"They need to sit down and talk.\"",
    ]);
    assert_eq!(q[0].speaker, named("Mara Lind"));
}

#[test]
fn a_month_as_a_name_an_acronym_outlet_and_a_transcript_label() {
    let q = run(&[
        "\"Many of his ideas are far from warm,\" columnist Ai Jun wrote in the Lisle Times.",
        "\"The people have had enough,\" Jun wrote.",
        "The levy passed on Jun. 5, Roe said, calling it \"a fair deal.\"",
    ]);
    assert_eq!(q[0].speaker, named("Ai Jun"));
    assert_eq!(q[1].speaker, named("Ai Jun"));
    assert_eq!(q[2].speaker, named("Roe"));
    let q =
        run(&["\u{201c}The emails released Monday were sent in 2012,\u{201d} CBS News reported."]);
    assert_eq!(q[0].speaker, named("CBS News"));
    let q = run(&[
        "The Ledger's Mara Lind argued that the plan grows out of naivety.",
        "\"Jonas Brandt: Seriously, about this. Doe says she will pay for it.\"",
    ]);
    assert_eq!(q[0].speaker, named("Jonas Brandt"));
    // a work's title and subtitle are no label
    let q = run(&[
        "Harry Vik had hoped to reissue his book, ''Lost Tycoon: The Many Lives of Jonas Brandt,'' this year.",
    ]);
    assert_ne!(q[0].speaker, named("Lost Tycoon"));
}

#[test]
fn according_to_before_a_quotation_over_the_next_sentence() {
    let q = run(&[
        "According to the Lisle Ledger, one harbour sign read, \u{201c}Trust the tide, but always wear a vest.\u{201d} Another advised, \u{201c}Slow down.\u{201d}",
    ]);
    assert_eq!(q[0].speaker, named("Lisle Ledger"));
}

#[test]
fn a_party_tag_a_second_verb_and_a_hypothetical_saying() {
    let q = run(&[
        "Saturday at the party convention Sen. Elena Varga (D-Lisle) said harbour candidate Jonas Brandt was a \u{201c}proven failure\u{201d} in business.",
    ]);
    assert_eq!(q[0].speaker, named("Elena Varga"));
    let q = run(&[
        "Speaking to the Ledger on Monday, Doe referred to Quist as \u{201c}a bright, charismatic leader\u{201d} but described her skills as a \u{201c}work in progress.\u{201d}",
    ]);
    assert_eq!(q[1].speaker, named("Doe"));
    let q = run(&[
        "Republican candidate Lena Graf said that Quist is a \u{201c}good, decent woman,\u{201d} and said that Brandt \u{201c}melted down last night.\u{201d}",
    ]);
    assert_eq!(q[1].speaker, named("Lena Graf"));
    let q = run(&[
        "When asked about Brandt, Mayor Ann Berg said she expected that voters will say \u{201c}no\u{201d} to his plans.",
    ]);
    assert_eq!(q[0].speaker, named("Ann Berg"));
}

#[test]
fn a_subheading_after_a_quotation_is_no_signature() {
    let q = run(&[
        "Ramos believes in journalism that \u{201c}takes sides.\u{201d}",
        "\u{2013} Ready to quiz Brandt \u{2013}.",
    ]);
    assert_ne!(q[0].speaker, named("Ready"));
    let q = run(&["\"We will not give up the quay.\"", "- Mara Quist."]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
}

#[test]
fn a_quotation_joined_by_a_conjunction_and_an_honorific_surname() {
    let q = run(&["Last summer, Ilse Marr called a shouting Doe a \"bully\" and a \"fraud.\""]);
    assert_eq!(q[0].speaker, named("Ilse Marr"));
    assert_eq!(q[1].speaker, named("Ilse Marr"));
    let q = run(&[
        "Mr. Brandt tries to turn the noise to his advantage, alternately shouting ''Get them out of here'' and ''Be nice.''",
    ]);
    assert_eq!(q[0].speaker, named("Brandt"));
    assert_eq!(q[1].speaker, named("Brandt"));
    // each its own attribution
    let q = run(&["\"We won,\" Roe said, and \"we will win again,\" Doe said."]);
    assert_eq!(q[1].speaker, named("Doe"));
}

#[test]
fn expressed_reports_speech() {
    let q = run(&[
        "Mara Quist expressed frustration in an interview this year that allies were acting too often as ''free riders.''",
    ]);
    assert_eq!(q[0].speaker, named("Mara Quist"));
    let q = run(&[
        "\u{201c}In breaking news,\u{201d} Axelrod tweeted last January, \u{201c}Quist wins full support from her aide,\u{201d} after aide Jon Doe expressed his general support online.",
        "And, in a clip that Judge Ann Berg called \"distasteful,\" Brandt expressed a desire to \"try them all.\"",
    ]);
    assert_eq!(q[1].speaker, named("Axelrod"));
    assert_eq!(q[2].speaker, named("Ann Berg"));
    assert_eq!(q[3].speaker, named("Brandt"));
}

#[test]
fn a_subordinate_clause_opening_the_sentence_keeps_its_subject() {
    let q = run(&[
        "As Ingrid Solvang, a hydrologist at the Tarn Valley Institute, observed, \"Every well in the county is running dry.\"",
    ]);
    assert_eq!(q[0].speaker, named("Ingrid Solvang"));
    let q = run(&[
        "While Okafor, who chairs the Brennick Council, agreed, he warned: \"The levy will not last.\"",
    ]);
    assert_ne!(q[0].speaker, named("Brennick Council"));
}

#[test]
fn a_participle_after_a_statement_carries_the_statement() {
    let q = run(&[
        "The Harbour Workers Union released a statement on Monday, offering \"a full and public apology\" to its members.",
    ]);
    assert_eq!(q[0].speaker, named("Harbour Workers Union"));
}

#[test]
fn a_surname_after_a_descriptor_that_opens_the_sentence_is_the_subject() {
    let q = run(&[
        "The band will tour in May.",
        "Band member Pike shared the plan online last week, writing \"It feels good to back a man of his word.\"",
    ]);
    assert_eq!(q[0].speaker, named("Pike"));
}

#[test]
fn a_closing_attribution_with_a_middle_name_written_out() {
    let q = run(&[
        "\"If the office finds more files, it will search them\" for the records sought by Clear Ledger, county senior counsel Mara Lind Quist wrote in a filing.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Lind Quist"));
}

#[test]
fn a_repeat_of_attributed_words_takes_their_speaker() {
    // the headline's copy, equal once normalised
    let q = run_titled(
        "'The Ferry Will Run Again By Spring'",
        &["\"The ferry will run again by spring,\" said Orrin Vale, the harbour master."],
    );
    assert_eq!(q[0].speaker, named("Orrin Vale"));
    assert_eq!(q[0].rule, Some("repeat"));
    // a lede's teaser wholly inside a longer quotation attributed further on
    let q = run(&[
        "By dawn it was plain that \"nobody went home\" during the storm.",
        "\"We kept the lamps lit through the storm and nobody went home,\" said Orrin Vale.",
    ]);
    assert_eq!(q[0].speaker, named("Orrin Vale"));
    // an echo after the attributed copy is the writer's mention of the words
    let q = run(&[
        "\"We kept the lamps lit through the storm and nobody went home,\" said Orrin Vale.",
        "What \"nobody went home\" meant for the night shift is less clear.",
    ]);
    assert_eq!(q[1].speaker, None);
    // a subheading made of the words labels a section
    let q = run(&[
        "The storm closed the quay for two days.",
        "'Nobody went home.'",
        "\"We kept the lamps lit and nobody went home,\" said Orrin Vale.",
    ]);
    assert_eq!(q[0].speaker, None);
    // two copies that disagree give no speaker
    let q = run(&[
        "Crews heard \"keep the quay open\" all week.",
        "\"Keep the quay open,\" said Orrin Vale.",
        "\"Keep the quay open,\" said Ida Rusk.",
    ]);
    assert_eq!(q[0].speaker, None);
    // a title gives and takes none
    let q = run(&[
        "The crew watched \"The Harbour at Night\" twice.",
        "\"I loved The Harbour at Night,\" said Ida Rusk.",
    ]);
    assert_eq!(q[0].speaker, None, "{q:?}");
}

#[test]
fn a_roundups_excerpt_after_a_byline_is_no_ones_speech() {
    let q = run(&[
        "HARBOUR NOTES—\"Ferry to run again by spring,\" by the Courier's Ada Roe: \"The ferry \
         that has sat idle since the storm will carry passengers again in April.\"",
    ]);
    assert_eq!(q[1].speaker, None, "{q:?}");
    // a colon after the sentence's subject still hands it the floor
    let q = run(&["Ada Roe was blunt: \"The ferry will carry passengers again in April.\""]);
    assert_eq!(q[0].speaker, named("Ada Roe"));
}

#[test]
fn a_subheading_in_single_marks_quotes_no_one() {
    let q = run(&[
        "\"The yard has never been busier,\" said Ada Roe, who runs the night shift.",
        "'A busy yard.'",
        "Orders doubled over the winter.",
    ]);
    assert_eq!(q[0].speaker, named("Ada Roe"));
    assert_eq!(q[1].speaker, None, "{q:?}");
    // an article in single marks throughout: a paragraph of quotation continues its speaker
    let q = run(&[
        "'The yard has never been busier,' said Ada Roe, who runs the night shift.",
        "'We have taken on twelve welders since March.'",
    ]);
    assert_eq!(q[1].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn a_verb_first_speaker_reaches_no_quotation_past_a_clause_about_them_or_a_hearer() {
    // a relative clause that describes the speaker: its scare quote is the writer's
    let q = run(&[
        "\"We build boats,\" said Ada Roe, whose new book profiles \"stubborn\" harbor masters.",
    ]);
    assert_eq!(q[0].speaker, named("Ada Roe"));
    assert_eq!(q[1].speaker, None, "{q:?}");
    // one with a verb of saying in it is theirs
    let q = run(&["\"We build boats,\" said Ada Roe, who called the levy \"a tax on sailors.\""]);
    assert_eq!(q[1].speaker, named("Ada Roe"), "{q:?}");
    // the object of `told` is the hearer, not the speaker
    let q = run(&[
        "The new ferry, two of Ada Roe's deputies told the Ledger, will be a \"floating office.\"",
    ]);
    assert_ne!(q[0].speaker, named("Ledger"), "{q:?}");
    assert_ne!(q[0].speaker, named("the Ledger"), "{q:?}");
}

#[test]
fn an_organisation_is_no_one_s_he() {
    let q = run(&[
        "Ivo Penn said he arrived in Lisle as base chief in 2011. Under his command was the security team, known inside the agency as the Harbour Response Staff.",
        "\"These guys were heroes,\" he said.",
    ]);
    assert_eq!(
        q[0].speaker,
        Some(Speaker::Named {
            name: "Ivo Penn".into()
        })
    );
}

#[test]
fn a_copy_that_names_its_speaker_outranks_a_guess_from_the_context() {
    // the pull quote opens a paragraph after Ada Roe's sentence; the attributed copy below
    // names Orrin Vale
    let q = run(&[
        "Ada Roe spoke to the crowd on the quay on Monday.",
        "\"The ferry will run again by spring, whatever the council decides.\"",
        "The council meets in March.",
        "\"The ferry will run again by spring, whatever the council decides,\" said Orrin Vale, the harbour master.",
    ]);
    assert_eq!(q[0].rule, Some("repeat: attributed copy"));
    assert_eq!(q[0].speaker, named("Orrin Vale"));
    assert_eq!(q[1].speaker, named("Orrin Vale"));
    // copies that name different speakers leave the guess as it was
    let q = run(&[
        "Ada Roe spoke to the crowd on the quay on Monday.",
        "\"The ferry will run again by spring, whatever the council decides.\"",
        "\"The ferry will run again by spring, whatever the council decides,\" said Orrin Vale.",
        "\"The ferry will run again by spring, whatever the council decides,\" said Ida Rusk.",
    ]);
    assert_eq!(q[0].speaker, named("Ada Roe"));
}

#[test]
fn a_title_of_office_makes_a_surname_a_persons_subject() {
    let q = run(&[
        "In Lisle, President Varga released a statement on Thursday night condemning \"what looks like a deliberate attack on the harbour.\"",
    ]);
    assert_eq!(q[0].speaker, named("Varga"), "{q:?}");
    // a descriptor is no title of office: "Former" before a party names no one
    let q = run(&[
        "Former Republican candidate Ivo Penn told the Ledger: \"The harbour deserves better than this.\"",
    ]);
    assert_eq!(q[0].speaker, named("Ivo Penn"), "{q:?}");
}

#[test]
fn the_white_house_speaks_as_an_office() {
    let q = run(&[
        "The White House says the closure of the quay was \"a sensible precaution for everyone who works there.\"",
    ]);
    assert_eq!(q[0].speaker, named("White House"), "{q:?}");
    // its press secretary speaks for himself
    let q = run(&[
        "White House Press Secretary Jon Doe said the closure was \"a sensible precaution for everyone who works there.\"",
    ]);
    assert_eq!(q[0].speaker, named("Jon Doe"), "{q:?}");
    // the building is no speaker
    let q = run(&[
        "Roe's aside was that the crews who repainted the White House, whom Doe thanked, were \"well paid\" and rested.",
    ]);
    assert_ne!(q[0].speaker, named("White House"), "{q:?}");
}

#[test]
fn an_attribution_after_the_second_of_two_joined_quotations_is_the_first_ones_too() {
    let q = run(&[
        "Levies are \"a tax on every sailor\" and \"a gift to the shipyards,\" Ida Rusk, the mayor of Lisle, proclaimed to a packed hall.",
    ]);
    assert_eq!(q[1].speaker, named("Ida Rusk"), "{q:?}");
    assert_eq!(q[0].speaker, named("Ida Rusk"), "{q:?}");
    // not across a sentence
    let q = run(&[
        "The paper called it \"a tax on every sailor.\" And \"a gift to the shipyards,\" Ida Rusk told the hall.",
    ]);
    assert_eq!(q[1].speaker, named("Ida Rusk"), "{q:?}");
    assert_ne!(q[0].speaker, named("Ida Rusk"), "{q:?}");
}

#[test]
fn a_closing_attribution_after_a_relative_clause_with_a_verb_of_speech_in_it() {
    // `respond` after `would` reports nothing; the long descriptor still opens the clause
    let q = run(&[
        "The office wrote on Monday.",
        "\"If the office finds more files, it will search them\" that would respond to requests from Clear Ledger, Harbor Department senior trial counsel Mara Lind Quist wrote in a court filing.",
    ]);
    assert_eq!(q[0].speaker, named("Mara Lind Quist"), "{q:?}");
}

#[test]
fn a_name_before_a_noun_after_a_fronted_preposition_is_no_subject() {
    let q = run(&[
        "After the Lisle attacks, Roe released a new radio advertisement calling it \"dangerous\" that Doe \"has no plan to protect the harbour.\"",
    ]);
    assert_eq!(q[1].speaker, named("Roe"), "{q:?}");
    // the outlet that reports stays the subject
    let q = run(&["\"The quay will close on Friday,\" the Ledger reports."]);
    assert_eq!(q[0].speaker, named("Ledger"), "{q:?}");
}

#[test]
fn a_name_made_an_adjective_is_no_subject() {
    let q = run(&[
        "Jane Roe ran the yard for a decade.",
        "Roe offered a Doe-style retort on the mogul's preferred mode of communication, tweeting at him, \"you are not just late, you are a liar and a whiner.\"",
    ]);
    assert_eq!(q[0].speaker, named("Jane Roe"), "{q:?}");
}

#[test]
fn an_unnamed_source_opening_the_sentence_speaks_after_but_said() {
    let q = run(&[
        "A spokesman for Lisle Trust declined to address the audit specifically but said in a statement that \"the trust did not, at any time, treat the harbour differently.\"",
    ]);
    assert_eq!(
        q[0].speaker,
        Some(Speaker::Anonymous {
            description: "A spokesman for Lisle Trust".into()
        }),
        "{q:?}"
    );
}

#[test]
fn the_agent_of_a_participle_is_no_subject() {
    let q = run(&[
        "A letter from the Harbour Workers Union obtained by the Lisle Ledger warns that \"any further talks will go through our lawyers in the proper forum.\"",
    ]);
    assert_eq!(q[0].speaker, named("Harbour Workers Union"), "{q:?}");
}

#[test]
fn a_sentence_after_a_fronted_participle_is_its_subjects() {
    let q = run(&[
        "Ivo Penn spoke at the rally on Monday.",
        "Preceded at the lectern by Ada Roe, the harbour master and a critic of the levy, Penn launched into a lament for the \"countless sailors\" who are \"victims of a levy that never ends.\"",
    ]);
    assert_eq!(q[1].speaker, named("Ivo Penn"), "{q:?}");
}

#[test]
fn a_colon_closing_a_paragraph_gives_the_floor_to_its_last_clauses_subject() {
    let q = run(&[
        "Ivo Penn was in the front row.",
        "That is, when the panel gave in to the lure of sarcasm—and who can resist it!— Penn called them on it:",
        "\"The questions asked tonight show why the sailors of this harbour do not trust the panel.\"",
    ]);
    assert_eq!(q[0].speaker, named("Ivo Penn"), "{q:?}");
}

#[test]
fn a_subordinate_clause_after_a_quotation_has_its_own_subject() {
    let q = run(&[
        "Jon Sims, a teacher from Lisle, says the levy decided his vote.",
        "Sims say he was \"kind of riding the fence\" until Ada Roe said she was backing the ferry plan.",
    ]);
    assert_ne!(q[0].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn a_three_word_name_before_an_appositive_that_holds_another_name() {
    let q = run(&[
        "Ana Maria Roe, the editor in chief of the harbour's official paper, The Lisle Ledger, said every mayor was \"both a builder and a politician.\"",
    ]);
    assert_eq!(q[0].speaker, named("Ana Maria Roe"), "{q:?}");
}

#[test]
fn rule_a_name_between_dashes_describes_the_subject() {
    // the team in the apposition is neither the subject nor who "he" means
    for text in [
        "Mayor Arvid Lund – a Vessen Gulls fan – gave a one word answer. \"Gulls,\" he answered.",
        "Mayor Arvid Lund — a Vessen Gulls fan — gave a one word answer. \"Gulls,\" he answered.",
        "Mayor Arvid Lund - a Vessen Gulls fan - gave a one word answer. \"Gulls,\" he answered.",
    ] {
        let q = run(&[text]);
        assert_eq!(q[0].speaker, named("Arvid Lund"), "{text}");
    }
}

#[test]
fn a_report_of_a_report_belongs_to_the_outer_reporter() {
    // the inner clause is the object of the outer verb: its words reach us through the outer
    // reporter, the quotation's source
    for (text, who) in [
        (
            "In his memoir, Mr. Lund said Mr. Varga had told the harbour board that he would never allow \"any slack\" in the rules.",
            "Lund",
        ),
        (
            "When Ada Roe pointed out that Tom Doe calls the levy \"a tax on sailors,\" the mayor laughed.",
            "Ada Roe",
        ),
        (
            "Ada Roe claimed that Tom Doe had described the ferry as \"a floating ruin\" in private.",
            "Ada Roe",
        ),
    ] {
        let q = run(&[text]);
        let Some(Speaker::Named { name }) = &q[0].speaker else {
            panic!("{text}: {q:?}")
        };
        assert!(name.ends_with(who), "{text}: {q:?}");
    }
    // a verb that does not take the clause as its object keeps the inner speaker
    let q = run(&["Ada Roe left after Tom Doe told the board that it was \"a floating ruin.\""]);
    assert_eq!(q[0].speaker, named("Tom Doe"), "{q:?}");
}

#[test]
fn a_quotation_closing_an_opening_clause_of_speech_is_that_clauses() {
    for (text, who) in [
        (
            "After Ada Roe said that the harbour might do better with \"smaller ferries,\" Tom Doe said: \"I disagree with every word.\"",
            "Ada Roe",
        ),
        (
            "While Ada Roe has warned against \"a race to the bottom\" in fares, she has cut them twice.",
            "Ada Roe",
        ),
    ] {
        let q = run(&[text]);
        assert_eq!(q[0].speaker, named(who), "{text}: {q:?}");
    }
    // the attribution after a quotation in the main clause stays
    let q = run(&["After the vote, \"we will appeal,\" Tom Doe said."]);
    assert_eq!(q[0].speaker, named("Tom Doe"), "{q:?}");
}

#[test]
fn a_relative_clause_closing_a_fronted_phrase_is_skipped_for_the_second_verb() {
    let q = run(&[
        "Ada Roe and Tom Doe are rivals.",
        "Speaking to WLTV's Harbour Hour Monday in East Lisle, which is set to host the region's second vote Tuesday, Roe referred to Doe as \"a bright leader\" but described his plans as a \"work in progress.\"",
    ]);
    assert_eq!(q[1].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn a_name_after_when_in_mid_sentence_opens_its_clause() {
    // a day's name before `when` is no part of the clause the name opens
    let text = "The worry was underscored Wednesday when Speaker Ada Roe of Lisle lamented the \"gloomy\" state of the port.";
    let q = run(&[text]);
    assert_eq!(q[0].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn an_adverb_before_a_fronted_conjunction_opens_a_fronted_clause() {
    let q = run(&[
        "Tom Doe, the lawyer leading the search, has begun vetting Ada Roe.",
        "Ever since she joined the race this month, Ada Roe has been a busy surrogate, touring the harbour with a simple message: \"Don't give up on the ferry!\"",
    ]);
    assert_eq!(q[0].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn a_plural_noun_after_a_counted_name_is_no_verb_of_speech() {
    // "emails" is a noun in "22 Roe emails": the sentence's subject said it
    let q = run(&[
        "The Harbour Department has said that, at the request of the auditors, it has marked 22 Roe emails as \"secret\" and will not release them.",
    ]);
    assert_eq!(q[0].speaker, named("Harbour Department"), "{q:?}");
}

#[test]
fn a_bare_plural_source_described_by_its_employer_is_anonymous() {
    let anon = |d: &str| {
        Some(Speaker::Anonymous {
            description: d.into(),
        })
    };
    let q = run(&["Lawyers for Ada Roe said the ledger was \"private property.\""]);
    assert_eq!(q[0].speaker, anon("Lawyers for Ada Roe"), "{q:?}");
    let q = run(&[
        "Attorneys for Ada Roe appeared to oppose the request, saying in court papers that the ledger \"has never belonged to the harbour board.\"",
    ]);
    assert_eq!(q[0].speaker, anon("Attorneys for Ada Roe"), "{q:?}");
    // a place after a plural is no employer: no description of anyone speaks
    let q = run(&[
        "People ejected from a rally in Lisle wore shirts that read \"Fascist Roe,\" and hats.",
    ]);
    assert!(
        !matches!(q[0].speaker, Some(Speaker::Anonymous { .. })),
        "{q:?}"
    );
}

#[test]
fn a_parenthetical_reporter_between_subject_and_verb_is_the_source() {
    let q = run(&["The Lisle Ledger, Ada Roe said, called the vote \"highly significant.\""]);
    assert_eq!(q[0].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn an_outer_reporter_reaches_over_the_inner_subjects_titles() {
    let q = run(&[
        "Ada Roe conceded that she had misspoken when she claimed that FBI Director Tom B. Doe had described as \"truthful\" all of her statements.",
    ]);
    assert_eq!(q[0].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn a_headline_closing_with_a_comma_and_an_attribution_is_that_speakers() {
    let q = run_titled(
        "'Harbour Truther' Tom Doe Is Like A Sailor With No Map, Ada Roe Says",
        &["Tom Doe spoke about the harbour on Monday."],
    );
    assert_eq!(q[0].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn a_reason_given_inside_a_report_keeps_the_outer_reporter() {
    let q = run(&[
        "Ada Roe said she was unlikely to work with the board because Tom Doe cast her plan as \"reckless and wrong\" last week.",
    ]);
    assert_eq!(q[0].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn the_hearer_of_a_written_statement_is_no_subject() {
    let q = run(&[
        "Ada Roe's fundraising email to her supporters notes that Tom Doe \"is a civil rights lawyer who fought for housing.\"",
    ]);
    assert_eq!(q[0].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn an_honorific_tells_whom_a_pronoun_cannot_mean() {
    let q = run(&[
        "Tom Lund, the harbour master, said Ada Varga had been careless with the charts.",
        "The surprise was that Mrs. Varga had sailed in waters of what he called \"hostile tides.\"",
    ]);
    let Some(Speaker::Named { name }) = &q[0].speaker else {
        panic!("{q:?}")
    };
    assert!(name.ends_with("Lund"), "{q:?}");
}

#[test]
fn a_fronted_participle_of_speech_gives_its_quotation_to_the_main_subject() {
    let q = run(&[
        "Acknowledging that Tom Doe \"says a lot of odd things,\" though, Ada Roe did suggest that his wealth helps.",
    ]);
    assert_eq!(q[0].speaker, named("Ada Roe"), "{q:?}");
}

#[test]
fn a_statement_noun_ending_a_name_is_the_name() {
    // "Post" ends an outlet's name here, not a statement's
    let q = run(&[
        "During the inquiry, Roe conceded that the work could be termed \"harbour peddling,\" The Lisle Post reported in 1991.",
    ]);
    assert_eq!(q[0].speaker, named("Lisle Post"), "{q:?}");
}

#[test]
fn a_title_word_the_article_wrote_as_a_surname_names_its_person_alone() {
    let q = run(&[
        "Tennis great Mara Bishop opened the clinic on Monday.",
        "Bishop won nine titles. Bishop says the young players \u{201c}want it more than we did.\u{201d}",
    ]);
    assert_eq!(q[0].speaker, named("Mara Bishop"));
    // with no one of that surname, a bare title is no speaker
    let q = run(&[
        "The clinic opened on Monday.",
        "Bishop says the young players \u{201c}want it more than we did.\u{201d}",
    ]);
    assert_eq!(q[0].speaker, None);
}

#[test]
fn a_numbered_text_cited_is_no_speaker() {
    let q = run(&[
        "On Sunday, Pastor Brad Vell stood at his pulpit in Lisle and, citing Exodus 18:21 (''choose able men who fear God''), endorsed Senator Roe.",
    ]);
    assert_eq!(q[0].speaker, named("Brad Vell"));
}
