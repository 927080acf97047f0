//! The templates of the findings that `validate/` and `catalog/` report.
//!
//! A figure as published is cited in a value `…_cited` (`2 967 000 000 kr (003: "2 967
//! miljoner kronor")`); an interval of amounts has a template of its own (`…_range`, from
//! `{sum:kr}` to `{sum_high:kr}`); the whole agreement and one of its components, too.

super::templates! {
    // validate/mod.rs
    /// Two agreements of a set with the same id.
    AGREEMENT_ID_DUPLICATE = "agreement_id_duplicate", DuplicateId {
        en: "agreement id \"{id}\" is used more than once",
        sv: "överenskommelsens id \"{id}\" används mer än en gång",
    }

    // validate/decision.rs
    /// An agreement that is only proposed, with no total.
    AGREEMENT_ONLY_PROPOSED = "agreement_only_proposed", NotDecided {
        en: "{agreement} is only proposed: not decided money",
        sv: "{agreement} är bara ett förslag: pengarna är inte beslutade",
    }
    /// An agreement that is only proposed, with its total.
    AGREEMENT_ONLY_PROPOSED_TOTAL = "agreement_only_proposed_with_total", NotDecided {
        en: "{agreement} is only proposed ({total_cited}): not decided money",
        sv: "{agreement} är bara ett förslag ({total_cited}): pengarna är inte beslutade",
    }
    /// An agreement that a party has yet to approve.
    AGREEMENT_AWAITS_APPROVAL = "agreement_awaits_approval", NotDecided {
        en: "{agreement} awaits approval by {party}",
        sv: "{agreement} väntar på godkännande av {party}",
    }
    /// A part of an agreement's money subject to parliament's appropriation.
    MONEY_SUBJECT_TO_APPROPRIATION = "money_subject_to_appropriation", NotDecided {
        en: "{applies_to} is subject to parliament's appropriation: not decided money",
        sv: "{applies_to} gäller förutsatt att riksdagen ställer medlen till förfogande: pengarna är inte beslutade",
    }
    /// All of an agreement's money subject to parliament's appropriation.
    AGREEMENT_MONEY_SUBJECT_TO_APPROPRIATION = "agreement_money_subject_to_appropriation", NotDecided {
        en: "the agreement's money is subject to parliament's appropriation: not decided money",
        sv: "överenskommelsens pengar gäller förutsatt att riksdagen ställer medlen till förfogande: pengarna är inte beslutade",
    }
    /// An agreed amount for a year that differs from the frame it falls under.
    AGREED_AMOUNT_DIFFERS_FROM_FRAME = "agreed_amount_differs_from_frame", FrameMismatch {
        en: "the agreed amount for {year}, {agreed_cited}, differs from the frame of {frame_cited} a year ({frame_id}) by {difference:kr}",
        sv: "det överenskomna beloppet för {year}, {agreed_cited}, skiljer sig från ramen på {frame_cited} per år ({frame_id}) med {difference:kr}",
    }

    // validate/figures.rs
    /// A negative amount.
    AMOUNT_NEGATIVE = "amount_negative", NegativeAmount {
        en: "the amount {amount:kr} is negative",
        sv: "beloppet {amount:kr} är negativt",
    }
    /// Co-funding shares whose exact sum differs from the total.
    FUNDING_SHARES_DO_NOT_SUM = "funding_shares_do_not_sum", FundingDoesNotSum {
        en: "the funding shares sum to {sum:kr} but the total is {total_cited}: a gap of {gap:kr}",
        sv: "finansieringsandelarna summerar till {sum:kr}, men totalbeloppet är {total_cited}: en skillnad på {gap:kr}",
    }
    /// Co-funding shares whose sum (an interval) differs from the total.
    FUNDING_SHARES_DO_NOT_SUM_RANGE = "funding_shares_do_not_sum_range", FundingDoesNotSum {
        en: "the funding shares sum to {sum:kr} to {sum_high:kr} but the total is {total_cited}: a gap of {gap:kr}",
        sv: "finansieringsandelarna summerar till mellan {sum:kr} och {sum_high:kr}, men totalbeloppet är {total_cited}: en skillnad på {gap:kr}",
    }
    /// An earmark larger than the component it is reserved from.
    EARMARK_LARGER_THAN_PARENT = "earmark_larger_than_parent", EarmarkExceedsParent {
        en: "earmark {earmark_id} ({earmark_cited}) is larger than {component} ({parent_cited}) it is reserved from, by {excess:kr}",
        sv: "den öronmärkta delen {earmark_id} ({earmark_cited}) är {excess:kr} större än {component} ({parent_cited}), som den är reserverad ur",
    }
    /// The agreement's parts with an amount (exact) already more than the agreement.
    AGREEMENT_KNOWN_PARTS_EXCEED = "agreement_known_parts_exceed", PartsDoNotSum {
        en: "the parts of the agreement with a published amount already sum to {sum:kr}, more than {total_cited}: by {gap:kr}",
        sv: "de delar av överenskommelsen som har ett publicerat belopp summerar redan till {sum:kr}, mer än {total_cited}: {gap:kr} för mycket",
    }
    /// The agreement's parts with an amount (an interval) already more than the agreement.
    AGREEMENT_KNOWN_PARTS_EXCEED_RANGE = "agreement_known_parts_exceed_range", PartsDoNotSum {
        en: "the parts of the agreement with a published amount already sum to {sum:kr} to {sum_high:kr}, more than {total_cited}: by {gap:kr}",
        sv: "de delar av överenskommelsen som har ett publicerat belopp summerar redan till mellan {sum:kr} och {sum_high:kr}, mer än {total_cited}: {gap:kr} för mycket",
    }
    /// A component's parts with an amount (exact) already more than the component.
    COMPONENT_KNOWN_PARTS_EXCEED = "component_known_parts_exceed", PartsDoNotSum {
        en: "the parts of component {component} with a published amount already sum to {sum:kr}, more than {total_cited}: by {gap:kr}",
        sv: "de delar av komponent {component} som har ett publicerat belopp summerar redan till {sum:kr}, mer än {total_cited}: {gap:kr} för mycket",
    }
    /// A component's parts with an amount (an interval) already more than the component.
    COMPONENT_KNOWN_PARTS_EXCEED_RANGE = "component_known_parts_exceed_range", PartsDoNotSum {
        en: "the parts of component {component} with a published amount already sum to {sum:kr} to {sum_high:kr}, more than {total_cited}: by {gap:kr}",
        sv: "de delar av komponent {component} som har ett publicerat belopp summerar redan till mellan {sum:kr} och {sum_high:kr}, mer än {total_cited}: {gap:kr} för mycket",
    }
    /// Parts of the agreement with no published amount.
    AGREEMENT_PARTS_UNPUBLISHED = "agreement_parts_unpublished", MissingFigure {
        en: "cannot check that the parts of the agreement add up: no amount is published for {missing_list}",
        sv: "det går inte att kontrollera att delarna av överenskommelsen summerar rätt: inget belopp är publicerat för {missing_list}",
    }
    /// Parts of a component with no published amount.
    COMPONENT_PARTS_UNPUBLISHED = "component_parts_unpublished", MissingFigure {
        en: "cannot check that the parts of component {component} add up: no amount is published for {missing_list}",
        sv: "det går inte att kontrollera att delarna av komponent {component} summerar rätt: inget belopp är publicerat för {missing_list}",
    }
    /// The agreement's parts that do not add up to it.
    AGREEMENT_PARTS_DO_NOT_SUM = "agreement_parts_do_not_sum", PartsDoNotSum {
        en: "the parts of the agreement sum to {parts_sum:kr} but it is {total_cited}: {apart:kr} apart, {gap:kr} beyond the precision of the figures",
        sv: "delarna av överenskommelsen summerar till {parts_sum:kr}, men överenskommelsen är på {total_cited}: en skillnad på {apart:kr}, varav {gap:kr} utöver siffrornas precision",
    }
    /// A component's parts that do not add up to it.
    COMPONENT_PARTS_DO_NOT_SUM = "component_parts_do_not_sum", PartsDoNotSum {
        en: "the parts of component {component} sum to {parts_sum:kr} but it is {total_cited}: {apart:kr} apart, {gap:kr} beyond the precision of the figures",
        sv: "delarna av komponent {component} summerar till {parts_sum:kr}, men komponenten är på {total_cited}: en skillnad på {apart:kr}, varav {gap:kr} utöver siffrornas precision",
    }
    /// Two sources that give figures for the same thing too far apart.
    FIGURES_DISAGREE = "figures_disagree", SourcesDisagree {
        en: "the sources disagree: {figure_cited} vs {other_cited}, a gap of {gap:kr} beyond their precision",
        sv: "källorna anger olika belopp: {figure_cited} mot {other_cited}, en skillnad på {gap:kr} utöver deras precision",
    }

    // validate/links.rs
    /// A component id used more than once in an agreement.
    COMPONENT_ID_DUPLICATE = "component_id_duplicate", DuplicateId {
        en: "component id \"{id}\" is used {times} times in agreement {agreement}",
        sv: "komponentens id \"{id}\" används {times} gånger i överenskommelsen {agreement}",
    }
    /// A tranche of a component listed twice.
    TRANCHE_ID_DUPLICATE = "tranche_id_duplicate", DuplicateId {
        en: "tranche \"{tranche}\" of component \"{component}\" appears twice",
        sv: "delbetalningen \"{tranche}\" av komponent \"{component}\" förekommer två gånger",
    }
    /// A supplementary agreement whose chain of bases comes back to it.
    SUPPLEMENT_BASE_CYCLE = "supplement_base_cycle", BaseCycle {
        en: "supplementary agreement {agreement} refers to itself through its bases: {cycle}",
        sv: "tilläggsöverenskommelsen {agreement} hänvisar till sig själv via sina grundöverenskommelser: {cycle}",
    }
    /// A supplementary agreement whose base is not in the set.
    SUPPLEMENT_BASE_MISSING = "supplement_base_missing", MissingBase {
        en: "supplementary agreement {agreement} refers to base agreement \"{base}\", which is not in the set",
        sv: "tilläggsöverenskommelsen {agreement} hänvisar till grundöverenskommelsen \"{base}\", som saknas bland överenskommelserna",
    }
    /// A supplementary agreement covering years its base does not.
    SUPPLEMENT_YEARS_OUTSIDE_BASE = "supplement_years_outside_base", BaseDoesNotCover {
        en: "supplementary agreement {agreement} covers {year_list} which its base {base} does not",
        sv: "tilläggsöverenskommelsen {agreement} gäller {year_list}, som dess grundöverenskommelse {base} inte gäller",
    }
    /// A supplementary agreement dated before its base.
    SUPPLEMENT_DATED_BEFORE_BASE = "supplement_dated_before_base", SupplementBeforeBase {
        en: "supplementary agreement {agreement} is dated {supplement:date}, before its base {base_id} ({base:date})",
        sv: "tilläggsöverenskommelsen {agreement} är daterad {supplement:date}, före sin grundöverenskommelse {base_id} ({base:date})",
    }
    /// A package member that is neither an agreement nor a package.
    PACKAGE_MEMBER_UNKNOWN = "package_member_unknown", UnknownComponent {
        en: "package {package} names \"{member}\", which is neither an agreement nor a package of the set",
        sv: "paketet {package} nämner \"{member}\", som varken är en överenskommelse eller ett paket bland dem som granskas",
    }
    /// A package's total against the state's money in its members.
    PACKAGE_MEMBERS_DO_NOT_SUM = "package_members_do_not_sum", PartsDoNotSum {
        en: "the state's money in the {members} members of {package} with a published total sums to {sum:kr} but the source says {total_cited}: {gap:kr} beyond the precision of the figures",
        sv: "statens pengar i de {members} delar av {package} som har ett publicerat belopp summerar till {sum:kr}, men källan anger {total_cited}: {gap:kr} utöver siffrornas precision",
    }
    /// A package some of whose members have no published amount.
    PACKAGE_MEMBERS_UNPUBLISHED = "package_members_unpublished", MissingFigure {
        en: "the total of {package} can be checked only in part: no amount is published for {missing_list}",
        sv: "summan för {package} kan bara delvis kontrolleras: inget belopp är publicerat för {missing_list}",
    }

    // validate/rules.rs
    /// A rule that needs an amount, on a component with none.
    RULE_WITHOUT_AMOUNT = "rule_without_amount", RuleNotRunnable {
        en: "component {component} has a {rule} rule but no amount to split",
        sv: "komponent {component} har regeln {rule} men inget belopp att fördela",
    }
    /// A recipient listed twice by a component.
    RECIPIENT_LISTED_TWICE = "recipient_listed_twice", DuplicateRecipient {
        en: "recipient {recipient} appears more than once in the list of component {component}",
        sv: "mottagaren {recipient} förekommer mer än en gång i listan för komponent {component}",
    }
    /// The municipalities of a region code that is not a region's.
    REGION_CODE_UNKNOWN = "region_code_unknown", UnknownRecipient {
        en: "unknown region code \"{recipient}\"",
        sv: "okänd regionkod \"{recipient}\"",
    }
    /// An equal split with no known recipients.
    EQUAL_SPLIT_WITHOUT_RECIPIENTS = "equal_split_without_recipients", RuleNotRunnable {
        en: "an equal split needs known recipients; component {component} names none",
        sv: "en fördelning i lika delar kräver kända mottagare; komponent {component} anger inga",
    }
    /// Fixed amounts per recipient that together exceed the component.
    FIXED_PARTS_EXCEED_AMOUNT = "fixed_parts_exceed_amount", RuleNotRunnable {
        en: "{recipients} recipients × {each:kr} each is more than the amount {amount_cited}",
        sv: "{recipients} mottagare × {each:kr} vardera är mer än beloppet {amount_cited}",
    }
    /// A criterion id used twice in a performance rule.
    CRITERION_ID_DUPLICATE = "criterion_id_duplicate", DuplicateId {
        en: "criterion id \"{criterion}\" appears twice",
        sv: "kriteriet med id \"{criterion}\" förekommer två gånger",
    }

    // validate/tranches.rs
    /// A tranche of a component the agreement does not have.
    TRANCHE_COMPONENT_UNKNOWN = "tranche_component_unknown", UnknownComponent {
        en: "a tranche pays component \"{component}\", which agreement {agreement} does not have",
        sv: "en delbetalning avser komponent \"{component}\", som överenskommelsen {agreement} saknar",
    }
    /// Tranche amounts whose exact sum differs from their component.
    TRANCHE_AMOUNTS_DO_NOT_SUM = "tranche_amounts_do_not_sum", TranchesDoNotSum {
        en: "the tranches of {component_id} sum to {sum:kr} but it is {component_cited}: a gap of {gap:kr}",
        sv: "delbetalningarna för {component_id} summerar till {sum:kr}, men komponenten är på {component_cited}: en skillnad på {gap:kr}",
    }
    /// Tranche amounts whose sum (an interval) differs from their component.
    TRANCHE_AMOUNTS_DO_NOT_SUM_RANGE = "tranche_amounts_do_not_sum_range", TranchesDoNotSum {
        en: "the tranches of {component_id} sum to {sum:kr} to {sum_high:kr} but it is {component_cited}: a gap of {gap:kr}",
        sv: "delbetalningarna för {component_id} summerar till mellan {sum:kr} och {sum_high:kr}, men komponenten är på {component_cited}: en skillnad på {gap:kr}",
    }
    /// A tranche with a negative share.
    TRANCHE_SHARE_NEGATIVE = "tranche_share_negative_in_validation", NegativeWeight {
        en: "tranche {tranche} of {component} has a negative share",
        sv: "delbetalningen {tranche} av {component} har en negativ andel",
    }
    /// Tranche shares that do not sum to one.
    TRANCHE_SHARES_DO_NOT_SUM = "tranche_shares_do_not_sum_in_validation", TranchesDoNotSum {
        en: "the tranche shares of {component} sum to {sum:num}, not 1",
        sv: "delbetalningarnas andelar för {component} summerar till {sum:num}, inte till 1",
    }
    /// Tranches of a component some with an amount, some with a share.
    TRANCHES_AMOUNTS_AND_SHARES_MIXED = "tranches_amounts_and_shares_mixed_in_validation", InvalidValue {
        en: "the tranches of {component} must all give an amount or all give a share",
        sv: "delbetalningarna för {component} ska antingen alla ange ett belopp eller alla ange en andel",
    }
    /// Sources that give different decision dates.
    DECISION_DATES_DISAGREE = "decision_dates_disagree", SourcesDisagree {
        en: "the sources give different decision dates: {cited}",
        sv: "källorna anger olika datum för beslutet: {cited}",
    }
    /// A tranche paid before the agreement was decided.
    TRANCHE_PAID_BEFORE_DECISION = "tranche_paid_before_decision", DatesOutOfOrder {
        en: "tranche {tranche} is paid {paid:date}, before the decision ({decided:date})",
        sv: "delbetalningen {tranche} betalas ut {paid:date}, före beslutet ({decided:date})",
    }
    /// A carry-over that ends before the agreement's period.
    CARRY_OVER_ENDS_BEFORE_PERIOD = "carry_over_ends_before_period", DatesOutOfOrder {
        en: "the money may be used until {until:date}, before the agreement's period ends ({last_year})",
        sv: "pengarna får användas till och med {until:date}, innan överenskommelsens period tar slut ({last_year})",
    }
    /// An agreement with no years.
    AGREEMENT_WITHOUT_YEARS = "agreement_without_years", InvalidValue {
        en: "the agreement covers no years",
        sv: "överenskommelsen gäller inga år",
    }
    /// A year listed twice in an agreement's years.
    YEAR_LISTED_TWICE = "year_listed_twice", DuplicateId {
        en: "the year {year} is listed more than once",
        sv: "året {year} står mer än en gång",
    }
    /// A tranche that gives both an amount and a share (which contradict each other or
    /// say the same thing twice).
    TRANCHE_AMOUNT_AND_SHARE = "tranche_amount_and_share", InvalidValue {
        en: "tranche {tranche} of {component} gives both an amount and a share: give one",
        sv: "delbetalningen {tranche} av {component} anger både ett belopp och en andel: ange det ena",
    }
    /// A negative fixed amount per recipient.
    FIXED_EACH_NEGATIVE = "fixed_each_negative", NegativeAmount {
        en: "the fixed amount per recipient of {component}, {each:kr}, is negative",
        sv: "det fasta beloppet per mottagare i {component}, {each:kr}, är negativt",
    }

    // catalog/
    /// An agreement id the catalog does not have, nothing like it.
    CATALOG_AGREEMENT_UNKNOWN = "catalog_agreement_unknown", UnknownAgreement {
        en: "the catalog has no agreement \"{id}\"",
        sv: "katalogen har ingen överenskommelse \"{id}\"",
    }
    /// An agreement id the catalog does not have, with the closest one.
    CATALOG_AGREEMENT_UNKNOWN_NEAR = "catalog_agreement_unknown_near", UnknownAgreement {
        en: "the catalog has no agreement \"{id}\"; did you mean \"{did_you_mean}\"?",
        sv: "katalogen har ingen överenskommelse \"{id}\"; menade du \"{did_you_mean}\"?",
    }
    /// A source id the catalog does not have, nothing like it.
    CATALOG_SOURCE_UNKNOWN = "catalog_source_unknown", UnknownSource {
        en: "the catalog has no source \"{id}\"",
        sv: "katalogen har ingen källa \"{id}\"",
    }
    /// A source id the catalog does not have, with the closest one.
    CATALOG_SOURCE_UNKNOWN_NEAR = "catalog_source_unknown_near", UnknownSource {
        en: "the catalog has no source \"{id}\"; did you mean \"{did_you_mean}\"?",
        sv: "katalogen har ingen källa \"{id}\"; menade du \"{did_you_mean}\"?",
    }
    /// `AGREEMENT/COMPONENT` naming a component the agreement does not have.
    CATALOG_COMPONENT_UNKNOWN = "catalog_component_unknown", UnknownComponent {
        en: "agreement {agreement} has no component \"{component}\"",
        sv: "överenskommelsen {agreement} har ingen komponent \"{component}\"",
    }
    /// An id that names nothing in the catalog.
    CATALOG_ID_UNKNOWN = "catalog_id_unknown", UnknownAgreement {
        en: "\"{id}\" is not an agreement, AGREEMENT/COMPONENT or package id of the catalog",
        sv: "\"{id}\" är inte id för en överenskommelse, en komponent (ÖVERENSKOMMELSE/KOMPONENT) eller ett paket i katalogen",
    }

    // catalog/receipts.rs
    /// A published table the model reproduces.
    RECEIPT_REPRODUCED = "receipt_reproduced", TableReproduced {
        en: "published table {table} ({cited}): the model reproduces every row: {agreement}/{component} by {key} with largest remainder ({rows} of {rows} rows)",
        sv: "publicerad tabell {table} ({cited}): modellen återger varje rad: {agreement}/{component} efter {key} med största rest ({rows} av {rows} rader)",
    }
    /// A published table the model does not reproduce; another bundled key does.
    RECEIPT_DIFFERS_KEY = "receipt_differs_key", TableNotReproduced {
        en: "published table {table} ({cited}): the model does not reproduce it: {agreement}/{component} by {key} with largest remainder differs in {differing} of {rows} rows, by at most {max_diff:kr} and {abs_diff:kr} in all; the bundled key {best_key} with {best_rounding} reproduces it",
        sv: "publicerad tabell {table} ({cited}): modellen återger den inte: {agreement}/{component} efter {key} med största rest skiljer sig på {differing} av {rows} rader, med högst {max_diff:kr} och {abs_diff:kr} sammanlagt; den medföljande nyckeln {best_key} med {best_rounding} återger den",
    }
    /// A published table the model does not reproduce; a population key not bundled does.
    RECEIPT_DIFFERS_IMPLIED = "receipt_differs_implied", TableNotReproduced {
        en: "published table {table} ({cited}): the model does not reproduce it: {agreement}/{component} by {key} with largest remainder differs in {differing} of {rows} rows, by at most {max_diff:kr} and {abs_diff:kr} in all; no bundled key reproduces it, a population key of {implied_total} inhabitants does (not bundled; the closest bundled key is {best_key})",
        sv: "publicerad tabell {table} ({cited}): modellen återger den inte: {agreement}/{component} efter {key} med största rest skiljer sig på {differing} av {rows} rader, med högst {max_diff:kr} och {abs_diff:kr} sammanlagt; ingen medföljande nyckel återger den, men en befolkningsnyckel med {implied_total} invånare gör det (den medföljer inte; närmast kommer {best_key})",
    }
    /// A published table the model does not reproduce, nor any key.
    RECEIPT_DIFFERS_CLOSEST = "receipt_differs_closest", TableNotReproduced {
        en: "published table {table} ({cited}): the model does not reproduce it: {agreement}/{component} by {key} with largest remainder differs in {differing} of {rows} rows, by at most {max_diff:kr} and {abs_diff:kr} in all; no bundled key reproduces it either (the closest is {best_key} with {best_rounding}, {best_matching} of {rows} rows)",
        sv: "publicerad tabell {table} ({cited}): modellen återger den inte: {agreement}/{component} efter {key} med största rest skiljer sig på {differing} av {rows} rader, med högst {max_diff:kr} och {abs_diff:kr} sammanlagt; ingen medföljande nyckel återger den heller (närmast kommer {best_key} med {best_rounding}, {best_matching} av {rows} rader)",
    }
    /// A published table of no catalog component that a bundled key reproduces.
    RECEIPT_KEY_ONLY = "receipt_key_only", TableReproduced {
        en: "published table {table} ({cited}) belongs to no component of the catalog; the bundled key {best_key} with {best_rounding} reproduces every row it has ({rows} of {rows})",
        sv: "publicerad tabell {table} ({cited}) hör inte till någon komponent i katalogen; den medföljande nyckeln {best_key} med {best_rounding} återger varje rad den har ({rows} av {rows})",
    }
    /// A published table of no catalog component that no bundled key reproduces.
    RECEIPT_KEY_ONLY_NONE = "receipt_key_only_none", TableNotReproduced {
        en: "published table {table} ({cited}) belongs to no component of the catalog, and no bundled key reproduces it (the closest is {best_key} with {best_rounding}, {best_matching} of {rows} rows)",
        sv: "publicerad tabell {table} ({cited}) hör inte till någon komponent i katalogen, och ingen medföljande nyckel återger den (närmast kommer {best_key} med {best_rounding}, {best_matching} av {rows} rader)",
    }
    /// A published table whose component cannot be allocated.
    RECEIPT_NOT_ALLOCATED = "receipt_not_allocated", TableNotReproduced {
        en: "published table {table} ({cited}): {agreement}/{component} cannot be allocated to compare with it: {error}",
        sv: "publicerad tabell {table} ({cited}): {agreement}/{component} kan inte fördelas för att jämföras med den: {error}",
    }
    /// A published table that cannot be read.
    RECEIPT_UNREADABLE = "receipt_unreadable", TableNotReproduced {
        en: "published table {table} cannot be read: {error}",
        sv: "publicerad tabell {table} kan inte läsas: {error}",
    }
}
