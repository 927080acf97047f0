//! The templates of the findings that `allocate` reports.

super::templates! {
    // The entries (allocate/mod.rs, sweep.rs).

    /// Outcomes of a criterion that no performance rule of the agreement reads.
    OUTCOME_CRITERION_NOT_READ = "outcome_criterion_not_read", UnknownOutcome {
        en: "outcomes for \"{criterion}\", which no performance rule of {agreement} reads (it reads {reads}): ignored",
        sv: "utfallen för \"{criterion}\" används inte: ingen prestationsbaserad regel i {agreement} läser dem (reglerna läser {reads})",
    }
    /// Outcomes of a criterion, in an agreement with no performance rule.
    OUTCOME_NO_PERFORMANCE_RULE = "outcome_no_performance_rule", UnknownOutcome {
        en: "outcomes for \"{criterion}\", which no performance rule of {agreement} reads (it has none): ignored",
        sv: "utfallen för \"{criterion}\" används inte: {agreement} har ingen prestationsbaserad regel som läser dem",
    }
    /// Outcomes of a recipient that is not known.
    OUTCOME_RECIPIENT_UNKNOWN = "outcome_recipient_unknown", UnknownOutcome {
        en: "outcomes for {recipient} under \"{criterion}\": {recipient} is not a known recipient: ignored",
        sv: "utfallet för {recipient} under \"{criterion}\" används inte: {recipient} är ingen känd mottagare",
    }
    /// Money of an agreement without components, not allocated.
    AGREEMENT_WITHOUT_COMPONENTS_NOT_ALLOCATED = "agreement_without_components_not_allocated", NotAllocated {
        en: "{agreement} allocates {allocated:kr} of its {amount:kr} ({share:num} %): {rest:kr} are not allocated; the agreement has no components: the sources do not say how it is split",
        sv: "{agreement} fördelar {allocated:kr} av sina {amount:kr} ({share:num} %): {rest:kr} fördelas inte; överenskommelsen har inga komponenter, och källorna säger inte hur den delas upp",
    }
    /// Money of an agreement not allocated, one component of it noted.
    AGREEMENT_ONE_COMPONENT_NOT_ALLOCATED = "agreement_one_component_not_allocated", NotAllocated {
        en: "{agreement} allocates {allocated:kr} of its {amount:kr} ({share:num} %): {rest:kr} are not allocated; 1 component is not allocated (the note below says why)",
        sv: "{agreement} fördelar {allocated:kr} av sina {amount:kr} ({share:num} %): {rest:kr} fördelas inte; 1 komponent fördelas inte (anteckningen nedan säger varför)",
    }
    /// Money of an agreement not allocated, `components` components of it noted.
    AGREEMENT_COMPONENTS_NOT_ALLOCATED = "agreement_components_not_allocated", NotAllocated {
        en: "{agreement} allocates {allocated:kr} of its {amount:kr} ({share:num} %): {rest:kr} are not allocated; {components} components are not allocated (the notes below say why)",
        sv: "{agreement} fördelar {allocated:kr} av sina {amount:kr} ({share:num} %): {rest:kr} fördelas inte; {components} komponenter fördelas inte (anteckningarna nedan säger varför)",
    }
    /// The pots of an allocation together are more than a decimal holds.
    POTS_TOO_LARGE = "pots_too_large", TooLarge {
        en: "the pots together are more than a decimal holds (about 7.9 × 10^28 kronor)",
        sv: "potterna är tillsammans större än ett decimaltal rymmer (ungefär 7,9 × 10^28 kronor)",
    }
    /// A component asked for by id that the agreement does not have.
    COMPONENT_NOT_IN_AGREEMENT = "component_not_in_agreement", UnknownComponent {
        en: "agreement {agreement} has no component \"{component}\"",
        sv: "överenskommelsen {agreement} har ingen komponent \"{component}\"",
    }
    /// A component with no rule whose parts have none either.
    COMPONENT_WITHOUT_RULE = "component_without_rule", NotAllocated {
        en: "{component} ({name}) has no rule: not allocated (its parts have no rule either)",
        sv: "{component} ({name}) saknar fördelningsregel och fördelas inte (inte heller dess delar har någon regel)",
    }
    /// A component paid as reimbursement of actual costs.
    COMPONENT_REIMBURSED = "component_reimbursed", NotAllocated {
        en: "{component} is paid as reimbursement of reported actual costs: nothing to split ahead of time",
        sv: "{component} betalas ut som ersättning för redovisade faktiska kostnader: inget att fördela i förväg",
    }
    /// A component whose rule is not published.
    COMPONENT_RULE_UNPUBLISHED = "component_rule_unpublished", NotAllocated {
        en: "{component}: the sources do not say how it is split; needs {needs}",
        sv: "{component}: källorna säger inte hur den fördelas; fördelningen kräver {needs}",
    }
    /// A sweep of a component that is not performance-based.
    SWEEP_COMPONENT_NOT_PERFORMANCE = "sweep_component_not_performance", RuleNotRunnable {
        en: "component {component} is not performance-based",
        sv: "komponenten {component} är inte prestationsbaserad",
    }
    /// A sweep of a component paid in several tranches.
    SWEEP_NEEDS_ONE_TRANCHE = "sweep_needs_one_tranche", RuleNotRunnable {
        en: "a sweep needs component {component} paid in one tranche",
        sv: "en körning av många scenarier kräver att komponenten {component} betalas ut i en enda delbetalning",
    }
    /// A sweep scenario with the wrong number of qualifications.
    SWEEP_QUALIFICATIONS_COUNT = "sweep_qualifications_count", InvalidValue {
        en: "a scenario needs {needed} qualifications ({criteria} criteria × {recipients} recipients)",
        sv: "ett scenario behöver {needed} uppgifter om vem som kvalificerar sig ({criteria} kriterier × {recipients} mottagare)",
    }
    /// The rows of a pot that do not sum to it (never expected).
    ROWS_DO_NOT_SUM_TO_POT = "rows_do_not_sum_to_pot", PartsDoNotSum {
        en: "rows do not sum to the pot {pot}",
        sv: "raderna summerar inte till potten {pot}",
    }

    // The performance rule (performance.rs).

    /// A performance rule without criteria.
    PERFORMANCE_WITHOUT_CRITERIA = "performance_without_criteria", RuleNotRunnable {
        en: "a performance rule needs at least one criterion",
        sv: "en prestationsbaserad regel behöver minst ett kriterium",
    }
    /// Criteria's shares that do not sum to 1 (or are negative), in `allocate` and in
    /// `validate` alike.
    CRITERIA_SHARES_DO_NOT_SUM = "criteria_shares_do_not_sum", SharesDoNotSum {
        en: "the criteria's shares sum to {sum:num}, not 1",
        sv: "kriteriernas andelar summerar till {sum:num}, inte till 1",
    }
    /// Criteria's shares with too many digits.
    CRITERIA_SHARES_TOO_PRECISE = "criteria_shares_too_precise", TooLarge {
        en: "criterion shares have too many digits",
        sv: "kriteriernas andelar har för många siffror",
    }
    /// A criterion lacking outcomes of some recipients.
    CRITERION_OUTCOMES_MISSING = "criterion_outcomes_missing", MissingOutcomes {
        en: "criterion {criterion} ({name}) needs outcomes [{measures}] ({test}) for {count} recipients: {listed}",
        sv: "kriteriet {criterion} ({name}) behöver utfall [{measures}] ({test}) för {count} mottagare: {listed}",
    }

    // A component's pots and key (plan.rs).

    /// A component with a rule and no amount.
    COMPONENT_WITHOUT_AMOUNT = "component_without_amount", RuleNotRunnable {
        en: "component {component} has a rule but no amount to split",
        sv: "komponenten {component} har en fördelningsregel men inget belopp att fördela",
    }
    /// A component with a negative amount.
    COMPONENT_AMOUNT_NEGATIVE = "component_amount_negative", NegativeAmount {
        en: "the amount of component {component} is negative ({amount})",
        sv: "beloppet för komponenten {component} är negativt ({amount})",
    }
    /// Tranches of which some give an amount and some a share.
    TRANCHES_AMOUNTS_AND_SHARES_MIXED = "tranches_amounts_and_shares_mixed", InvalidValue {
        en: "the tranches of component {component} must all give an amount or all give a share",
        sv: "delbetalningarna av komponenten {component} måste antingen alla ange ett belopp eller alla ange en andel",
    }
    /// Tranche amounts that sum to more than a decimal holds.
    TRANCHE_AMOUNTS_TOO_LARGE = "tranche_amounts_too_large", TooLarge {
        en: "the tranche amounts sum to more than a decimal holds",
        sv: "delbetalningarnas belopp summerar till mer än ett decimaltal rymmer",
    }
    /// Tranche amounts that do not sum to the component's amount (`component`).
    TRANCHE_AMOUNTS_DO_NOT_SUM = "tranche_amounts_differ_from_component", TranchesDoNotSum {
        en: "the tranches of component {component_id} sum to {tranches} but the component is {component}",
        sv: "delbetalningarna av komponenten {component_id} summerar till {tranches}, men komponenten är på {component}",
    }
    /// A tranche with a negative share.
    TRANCHE_SHARE_NEGATIVE = "tranche_share_negative", NegativeWeight {
        en: "tranche {tranche} of component {component} has a negative share",
        sv: "delbetalningen {tranche} av komponenten {component} har en negativ andel",
    }
    /// Tranche shares that do not sum to 1.
    TRANCHE_SHARES_DO_NOT_SUM = "tranche_shares_do_not_sum", SharesDoNotSum {
        en: "the tranche shares of component {component} sum to {sum:num}, not 1",
        sv: "delbetalningarnas andelar för komponenten {component} summerar till {sum:num}, inte 1",
    }
    /// Tranche shares with too many digits.
    TRANCHE_SHARES_TOO_PRECISE = "tranche_shares_too_precise", TooLarge {
        en: "tranche shares have too many digits",
        sv: "delbetalningarnas andelar har för många siffror",
    }
    /// A component paying a group whose members are not known, with no key.
    KEY_NEEDED_FOR_GROUP = "key_needed_for_group", RuleNotRunnable {
        en: "component {component} pays {group}, whose members are not known: the rule needs a key",
        sv: "komponenten {component} betalar till {group}, vars medlemmar inte är kända: regeln behöver en fördelningsnyckel",
    }
    /// No default key date, for an agreement without years.
    DEFAULT_KEY_NO_YEARS = "default_key_no_years", RuleNotRunnable {
        en: "the agreement has no years, so there is no default key date",
        sv: "överenskommelsen anger inga år, så det finns inget datum för en standardnyckel",
    }
    /// No bundled population of the regions for a default key.
    DEFAULT_KEY_NO_POPULATION_REGIONS = "default_key_no_population_regions", NoPopulationData {
        en: "no bundled population of the regions on or before 1 November {convention_year}",
        sv: "det finns ingen medföljande befolkning för regionerna den 1 november {convention_year} eller tidigare",
    }
    /// No bundled population of the municipalities for a default key.
    DEFAULT_KEY_NO_POPULATION_MUNICIPALITIES = "default_key_no_population_municipalities", NoPopulationData {
        en: "no bundled population of the municipalities on or before 1 November {convention_year}",
        sv: "det finns ingen medföljande befolkning för kommunerna den 1 november {convention_year} eller tidigare",
    }
    /// The precision of the care-need key of 2024.
    CARE_NEED_KEY_2024_PRECISION = "care_need_key_2024_precision", Note {
        en: "{component} is split by the care-need key of 2024, a published table of 6 000 000 000 kr rounded to 100 000 kr per region: its weights are exact only to ±50 000 kr of 6 000 000 000 kr each, and so are the shares it gives",
        sv: "{component} fördelas efter vårdbehovsnyckeln för 2024, en publicerad tabell på 6 000 000 000 kr avrundad till 100 000 kr per region: varje vikt är exakt bara på ±50 000 kr av 6 000 000 000 kr, och detsamma gäller andelarna den ger",
    }
    /// A key that leaves out some of a component's recipients.
    KEY_LEAVES_OUT_RECIPIENTS = "key_leaves_out_recipients", PartialKey {
        en: "the key \"{key}\" covers {covered} of the {members} recipients of {component}: {missing} of them ({shown}) get nothing",
        sv: "nyckeln \"{key}\" täcker {covered} av de {members} mottagarna för {component}: {missing} av dem ({shown}) får ingenting",
    }
    /// The default population key of the regions.
    DEFAULT_KEY_REGIONS = "default_key_regions", DefaultKey {
        en: "{component} names no key: the default {key} is used, the bundled population of the regions closest on or before 1 November {convention_year} ({days} days before it); give a key to choose another",
        sv: "{component} anger ingen fördelningsnyckel: standardnyckeln {key} används, den medföljande befolkningen i regionerna närmast den 1 november {convention_year} eller tidigare ({days} dagar före); ange en nyckel för att välja en annan",
    }
    /// The default population key of the municipalities.
    DEFAULT_KEY_MUNICIPALITIES = "default_key_municipalities", DefaultKey {
        en: "{component} names no key: the default {key} is used, the bundled population of the municipalities closest on or before 1 November {convention_year} ({days} days before it); give a key to choose another",
        sv: "{component} anger ingen fördelningsnyckel: standardnyckeln {key} används, den medföljande befolkningen i kommunerna närmast den 1 november {convention_year} eller tidigare ({days} dagar före); ange en nyckel för att välja en annan",
    }

    // The rules (rules.rs).

    /// An equal split of a component whose recipients are not known.
    EQUAL_SPLIT_RECIPIENTS_UNKNOWN = "equal_split_recipients_unknown", RuleNotRunnable {
        en: "an equal split needs known recipients; component {component} names none",
        sv: "en fördelning i lika delar behöver kända mottagare; komponenten {component} anger inga",
    }
    /// Fixed amounts per recipient that together are more than units hold.
    FIXED_AMOUNTS_TOO_LARGE = "fixed_amounts_too_large", TooLarge {
        en: "fixed amounts too large",
        sv: "de fasta beloppen är för stora",
    }
    /// Fixed amounts per recipient that together are more than the pot.
    FIXED_AMOUNTS_EXCEED_POT = "fixed_amounts_exceed_pot", RuleNotRunnable {
        en: "{recipients} recipients × {each:kr} each = {fixed:kr} is more than the pot of {pot:kr}",
        sv: "{recipients} mottagare × {each:kr} var = {fixed:kr}, vilket är mer än potten på {pot:kr}",
    }
    /// Fixed amounts per recipient that together are more than a decimal holds.
    FIXED_AMOUNTS_OVERFLOW = "fixed_amounts_overflow", RuleNotRunnable {
        en: "{recipients} recipients × {each:kr} each = more than a decimal holds is more than the pot of {pot:kr}",
        sv: "{recipients} mottagare × {each:kr} var blir mer än ett decimaltal rymmer, vilket är mer än potten på {pot:kr}",
    }
    /// Money of an agreement of several years that a year view cannot place in the year
    /// asked for (undated, or paid in another year).
    NOT_IN_YEAR = "not_in_year", NotAllocated {
        en: "{amount:kr} of {agreement} ({component}) to {recipient} is not counted in {year}: the agreement covers {years} and the money is not dated in {year}",
        sv: "{amount:kr} av {agreement} ({component}) till {recipient} räknas inte till {year}: överenskommelsen gäller {years} och pengarna är inte daterade till {year}",
    }

    // Changes decomposed and sensitivity to the key date (across/change.rs, sensitivity.rs).

    /// A change of one recipient between two splits, decomposed.
    CHANGE_DECOMPOSED = "change_decomposed", Note {
        en: "{name} ({recipient}) gets {b:kr} instead of {a:kr}, a difference of {diff:kr}: {pot_effect:kr} because the pot changed ({pot_a:kr} → {pot_b:kr}), {share_effect:kr} because its share of the key changed ({share_a:num} % → {share_b:num} %, {key_a} → {key_b}), and {rounding:kr} of rounding",
        sv: "{name} ({recipient}) får {b:kr} i stället för {a:kr}, en skillnad på {diff:kr}: {pot_effect:kr} för att potten ändrades ({pot_a:kr} → {pot_b:kr}), {share_effect:kr} för att dess andel av nyckeln ändrades ({share_a:num} % → {share_b:num} %, {key_a} → {key_b}), och {rounding:kr} avrundning",
    }
    /// An allocation that is not one pot split by one key, for a change.
    CHANGE_NOT_ONE_KEY = "change_not_one_key", RuleNotRunnable {
        en: "allocation {side} is not money split by one key ({why}): its change cannot be decomposed",
        sv: "fördelning {side} är inte pengar fördelade efter en enda nyckel ({why}): förändringen kan inte delas upp",
    }
    /// Two allocations in different rounding units, for a change.
    CHANGE_UNITS_DIFFER = "change_units_differ", InvalidValue {
        en: "the two allocations are rounded to different units ({a}, {b}): their change cannot be decomposed",
        sv: "de två fördelningarna avrundas till olika enheter ({a}, {b}): förändringen kan inte delas upp",
    }
    /// A recipient in neither allocation of a change.
    CHANGE_RECIPIENT_ABSENT = "change_recipient_absent", UnknownRecipient {
        en: "{recipient} gets nothing in either allocation",
        sv: "{recipient} får ingenting i någon av fördelningarna",
    }
    /// A change asked for with neither an agreement nor a pot and key of A.
    CHANGE_NOTHING_TO_COMPARE = "change_nothing_to_compare", InvalidValue {
        en: "nothing to compare: give an agreement (and, if wished, keys A and B), or pot A with key A",
        sv: "inget att jämföra: ange en överenskommelse (och vid behov nycklarna A och B), eller pott A med nyckel A",
    }
    /// A change asked for with arguments that exclude each other.
    CHANGE_ARGUMENTS_CONFLICT = "change_arguments_conflict", InvalidValue {
        en: "{field} cannot be given here: compare either agreements (agreement, against, component) or pots (pot_a, pot_b)",
        sv: "{field} kan inte anges här: jämför antingen överenskommelser (agreement, against, component) eller potter (pot_a, pot_b)",
    }
    /// Figures of a change too large for exact integers.
    CHANGE_TOO_LARGE = "change_too_large", TooLarge {
        en: "the pots and weights are too large to decompose the change exactly in 128 bits",
        sv: "potterna och vikterna är för stora för att dela upp förändringen exakt med 128 bitar",
    }
    /// The Alabama paradox of largest remainder.
    ALABAMA_PARADOX = "alabama_paradox", ApportionmentParadox {
        en: "{name} ({recipient}) gets {b:kr} instead of {a:kr}: less from a larger pot ({pot_a:kr} → {pot_b:kr}) with the same key ({key_a}), the Alabama paradox of largest remainder",
        sv: "{name} ({recipient}) får {b:kr} i stället för {a:kr}: mindre ur en större pott ({pot_a:kr} → {pot_b:kr}) med samma nyckel ({key_a}), Alabamaparadoxen hos metoden största rest",
    }
    /// The population paradox of largest remainder.
    POPULATION_PARADOX = "population_paradox", ApportionmentParadox {
        en: "{name} ({recipient}) gets {b:kr} instead of {a:kr}: less although its exact quota did not fall ({quota_a:num} → {quota_b:num} kr; {key_a} → {key_b}), the population paradox of largest remainder",
        sv: "{name} ({recipient}) får {b:kr} i stället för {a:kr}: mindre fast dess exakta kvot inte minskade ({quota_a:num} → {quota_b:num} kr; {key_a} → {key_b}), befolkningsparadoxen hos metoden största rest",
    }
    /// A component that cannot be allocated on one of the bundled key dates.
    SENSITIVITY_DATE_FAILED = "sensitivity_date_failed", RuleNotRunnable {
        en: "{agreement}/{component} cannot be allocated by {key}: {why}",
        sv: "{agreement}/{component} kan inte fördelas efter {key}: {why}",
    }

    // What can be shown of an agreement, and what it needs (shown.rs).

    /// A component that has a rule but cannot run with the inputs given.
    COMPONENT_CANNOT_RUN = "component_cannot_run", NotAllocated {
        en: "{component} is not allocated: it cannot be computed with the inputs given",
        sv: "{component} fördelas inte: den kan inte beräknas med de uppgifter som getts",
    }
    /// Money split by a key the user chose.
    SUPPLIED_KEY = "supplied_key", SuppliedKey {
        en: "{component} ({amount:kr}) is split by the chosen key {key}, not by the agreement: the sources do not say how it is split, so this is an illustration",
        sv: "{component} ({amount:kr}) fördelas efter den valda nyckeln {key}, inte enligt avtalet: källorna anger inte hur den fördelas, så detta är en illustration",
    }
    /// A key the user chose that does not fit a component's recipients.
    SUPPLIED_KEY_DOES_NOT_FIT = "supplied_key_does_not_fit", InvalidValue {
        en: "the chosen key {key} does not cover the recipients of {component} ({group})",
        sv: "den valda nyckeln {key} passar inte mottagarna av {component} ({group})",
    }
    /// Outcomes that would let a performance component be computed.
    SUPPLY_OUTCOMES = "supply_outcomes", Supply {
        en: "enter the outcomes [{measures}] of {count} recipients to compute {component}",
        sv: "fyll i utfallen [{measures}] för {count} mottagare så beräknas {component}",
    }
    /// A key that would split money whose split is not published.
    SUPPLY_KEY = "supply_key", Supply {
        en: "the sources do not say how {component} ({amount:kr}) is split: choose a key to see it split by that key, as an illustration",
        sv: "källorna anger inte hur {component} ({amount:kr}) fördelas: välj en fördelningsnyckel för att se en fördelning efter den, som en illustration",
    }
    /// Money that no input can compute: reimbursed afterwards.
    SUPPLY_NOTHING_REIMBURSED = "supply_nothing_reimbursed", Supply {
        en: "{component} cannot be computed ahead of time: it is paid afterwards, for costs reported",
        sv: "{component} kan inte beräknas i förväg: den betalas ut i efterhand, för redovisade kostnader",
    }
    /// Money that no input can compute: no amount is stated.
    SUPPLY_NOTHING_NO_AMOUNT = "supply_nothing_no_amount", Supply {
        en: "{component} cannot be computed: the sources state no amount for it",
        sv: "{component} kan inte beräknas: källorna anger inget belopp för den",
    }
    /// Money that no input of the page can compute: the agreement as it stands fails.
    SUPPLY_NOTHING_ERROR = "supply_nothing_error", Supply {
        en: "{component} cannot be computed as the agreement stands: see the errors",
        sv: "{component} kan inte beräknas som avtalet är skrivet: se felen",
    }
    /// An agreement the sources give no parts or recipients of.
    SUPPLY_NOTHING_NO_PARTS = "supply_nothing_no_parts", Supply {
        en: "the sources give no parts or recipients of {agreement}: only its total is known",
        sv: "källorna anger inga delar eller mottagare för {agreement}: bara totalbeloppet är känt",
    }
    /// An agreement that states neither an amount nor parts.
    AGREEMENT_NOTHING_STATED = "agreement_nothing_stated", NotAllocated {
        en: "{agreement} states neither an amount nor parts: nothing to allocate",
        sv: "{agreement} anger varken belopp eller delar: inget att fördela",
    }
}
