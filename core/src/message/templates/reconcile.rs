//! The templates of the findings that `reconcile/`, `money/` and `view/` report.

super::templates! {
    // ---- money: plain decimals, amounts, units -------------------------------------------
    /// A hedged figure ("ca 11 miljarder") where an exact amount is needed.
    AMOUNT_HEDGED_ABOUT = "amount_hedged_about", InvalidAmount {
        en: "{quoted} is a hedged figure (about), not an exact amount",
        sv: "{quoted} är en ungefärlig siffra (cirka), inte ett exakt belopp",
    }
    /// A hedged figure ("över 3 miljarder").
    AMOUNT_HEDGED_OVER = "amount_hedged_over", InvalidAmount {
        en: "{quoted} is a hedged figure (over), not an exact amount",
        sv: "{quoted} är en ungefärlig siffra (över), inte ett exakt belopp",
    }
    /// A hedged figure ("nästan en halv miljard").
    AMOUNT_HEDGED_NEARLY = "amount_hedged_nearly", InvalidAmount {
        en: "{quoted} is a hedged figure (nearly), not an exact amount",
        sv: "{quoted} är en ungefärlig siffra (nästan), inte ett exakt belopp",
    }
    /// A hedged figure ("under 2 miljarder").
    AMOUNT_HEDGED_UNDER = "amount_hedged_under", InvalidAmount {
        en: "{quoted} is a hedged figure (under), not an exact amount",
        sv: "{quoted} är en ungefärlig siffra (under), inte ett exakt belopp",
    }
    /// An empty plain decimal.
    PLAIN_DECIMAL_EMPTY = "plain_decimal_empty", InvalidAmount {
        en: "{input} is not a plain decimal number: it is empty",
        sv: "{input} är inget decimaltal: fältet är tomt",
    }
    /// A plain decimal in exponent notation.
    PLAIN_DECIMAL_EXPONENT = "plain_decimal_exponent", InvalidAmount {
        en: "{input} is not a plain decimal number: exponent notation is not accepted; write all digits",
        sv: "{input} är inget decimaltal: exponentform godtas inte; skriv ut alla siffror",
    }
    /// A plain decimal with digit separators.
    PLAIN_DECIMAL_SEPARATOR = "plain_decimal_separator", InvalidAmount {
        en: "{input} is not a plain decimal number: digit separators are not accepted; write digits only, e.g. \"443000000\"",
        sv: "{input} är inget decimaltal: tusentalsavgränsare godtas inte; skriv bara siffror, till exempel \"443000000\"",
    }
    /// A plain decimal with a decimal comma.
    PLAIN_DECIMAL_COMMA = "plain_decimal_comma", InvalidAmount {
        en: "{input} is not a plain decimal number: a comma is not accepted; use '.' as the decimal point, or a Swedish-form parser",
        sv: "{input} är inget decimaltal: kommatecken godtas inte här; skriv decimalpunkt '.', eller läs beloppet i svensk form",
    }
    /// NaN or infinity as a plain decimal.
    PLAIN_DECIMAL_NOT_A_NUMBER = "plain_decimal_not_a_number", InvalidAmount {
        en: "{input} is not a plain decimal number: not a number",
        sv: "{input} är inget decimaltal: det är inget tal",
    }
    /// Anything else that is not a plain decimal.
    PLAIN_DECIMAL_SYNTAX = "plain_decimal_syntax", InvalidAmount {
        en: "{input} is not a plain decimal number: expected digits with an optional '-' sign and '.' decimal point",
        sv: "{input} är inget decimaltal: väntade siffror, gärna med minustecken '-' först och decimalpunkt '.'",
    }
    /// A plain decimal with more digits than a decimal holds.
    PLAIN_DECIMAL_TOO_MANY_DIGITS = "plain_decimal_too_many_digits", InvalidAmount {
        en: "{input} is not a plain decimal number: it has more digits than fit (at most {max_digits} significant digits)",
        sv: "{input} är inget decimaltal: det har fler siffror än som ryms (högst {max_digits} värdesiffror)",
    }
    /// A measured value (an outcome) that cannot be read.
    MEASURE_INVALID = "measure_invalid", InvalidAmount {
        en: "{input} is not a measured value",
        sv: "{input} är inget mätvärde",
    }
    /// A percentage too large to divide by a hundred.
    MEASURE_OUT_OF_RANGE = "measure_out_of_range", InvalidAmount {
        en: "{input} is out of range",
        sv: "{input} ligger utanför det tillåtna intervallet",
    }
    /// A negative amount where a pot is needed.
    UNITS_AMOUNT_NEGATIVE = "units_amount_negative", NegativeAmount {
        en: "the amount {amount} is negative; a pot must be zero or more",
        sv: "beloppet {amount} är negativt; en pott får inte vara mindre än noll",
    }
    /// An amount finer than the rounding unit, in whole units.
    UNITS_AMOUNT_FINER_THAN_UNIT = "units_amount_finer_than_unit", AmountFinerThanUnit {
        en: "the amount {amount} has digits finer than the rounding unit ({unit}); use a finer unit or round the amount",
        sv: "beloppet {amount} har siffror finare än avrundningsenheten ({unit}); välj en finare enhet eller avrunda beloppet",
    }
    /// An amount too large to count in units.
    UNITS_TOO_LARGE = "units_too_large", TooLarge {
        en: "amount too large",
        sv: "beloppet är för stort",
    }
    /// A number of units too large for a decimal.
    UNITS_TOO_LARGE_FOR_DECIMAL = "units_too_large_for_decimal", TooLarge {
        en: "amount too large for a decimal",
        sv: "beloppet är för stort för ett decimaltal",
    }
    /// An unknown rounding unit.
    ROUNDING_UNIT_UNKNOWN = "rounding_unit_unknown", InvalidValue {
        en: "unknown rounding unit {quoted}: expected \"krona\" or \"ore\"",
        sv: "okänd avrundningsenhet {quoted}: väntade \"krona\" eller \"ore\"",
    }

    // ---- money: Swedish amounts ------------------------------------------------------------
    /// An empty Swedish amount.
    SWEDISH_AMOUNT_EMPTY = "swedish_amount_empty", InvalidAmount {
        en: "empty input: expected an amount such as \"2 967 miljoner kronor\" or \"1,6 miljarder kr\"",
        sv: "inget angivet: väntade ett belopp som \"2 967 miljoner kronor\" eller \"1,6 miljarder kr\"",
    }
    /// Two hedge words ("cirka över").
    SWEDISH_AMOUNT_TWO_HEDGES = "swedish_amount_two_hedges", InvalidAmount {
        en: "more than one hedge word in \"{text}\"",
        sv: "mer än ett ord för ungefärlighet i \"{text}\"",
    }
    /// No digits at all.
    SWEDISH_AMOUNT_NO_DIGITS = "swedish_amount_no_digits", InvalidAmount {
        en: "no digits in \"{text}\": expected an amount such as \"2 967 miljoner kronor\" or \"1,6 miljarder kr\"",
        sv: "inga siffror i \"{text}\": väntade ett belopp som \"2 967 miljoner kronor\" eller \"1,6 miljarder kr\"",
    }
    /// No digits and no number word.
    SWEDISH_AMOUNT_NO_NUMBER = "swedish_amount_no_number", InvalidAmount {
        en: "no digits or number word in \"{text}\": expected an amount such as \"2 967 miljoner kronor\" or \"1,6 miljarder kr\"",
        sv: "varken siffror eller räkneord i \"{text}\": väntade ett belopp som \"2 967 miljoner kronor\" eller \"1,6 miljarder kr\"",
    }
    /// A minus sign before a number word.
    SWEDISH_AMOUNT_MINUS_WORD = "swedish_amount_minus_word", InvalidAmount {
        en: "a minus sign must be followed by digits in \"{text}\", not by a number word",
        sv: "efter ett minustecken ska det stå siffror i \"{text}\", inte ett räkneord",
    }
    /// NaN, infinity.
    SWEDISH_AMOUNT_NOT_A_NUMBER = "swedish_amount_not_a_number", InvalidAmount {
        en: "\"{word}\" is not a number in \"{text}\": expected an amount such as \"2 967 miljoner kronor\" or \"1,6 miljarder kr\"",
        sv: "\"{word}\" är inget tal i \"{text}\": väntade ett belopp som \"2 967 miljoner kronor\" eller \"1,6 miljarder kr\"",
    }
    /// A word before the number.
    SWEDISH_AMOUNT_BEFORE = "swedish_amount_before", InvalidAmount {
        en: "unexpected \"{word}\" before the number in \"{text}\": expected an amount such as \"2 967 miljoner kronor\" or \"1,6 miljarder kr\"",
        sv: "oväntat \"{word}\" före talet i \"{text}\": väntade ett belopp som \"2 967 miljoner kronor\" eller \"1,6 miljarder kr\"",
    }
    /// A word after the amount.
    SWEDISH_AMOUNT_AFTER = "swedish_amount_after", InvalidAmount {
        en: "unexpected \"{word}\" after the amount in \"{text}\": expected an amount such as \"2 967 miljoner kronor\" or \"1,6 miljarder kr\"",
        sv: "oväntat \"{word}\" efter beloppet i \"{text}\": väntade ett belopp som \"2 967 miljoner kronor\" eller \"1,6 miljarder kr\"",
    }
    /// More digits than an exact decimal holds.
    SWEDISH_AMOUNT_TOO_MANY_DIGITS = "swedish_amount_too_many_digits", InvalidAmount {
        en: "too many digits in \"{text}\": the amount cannot be held exactly (no rounding)",
        sv: "för många siffror i \"{text}\": beloppet kan inte lagras exakt (ingen avrundning görs)",
    }
    /// Exponent notation in a Swedish amount.
    SWEDISH_AMOUNT_EXPONENT = "swedish_amount_exponent", InvalidAmount {
        en: "exponent notation is not allowed in \"{text}\": write the number out, as in \"1 miljard kronor\" or \"1 000 000 000 kr\"",
        sv: "exponentform är inte tillåten i \"{text}\": skriv ut talet, som i \"1 miljard kronor\" eller \"1 000 000 000 kr\"",
    }
    /// An unknown unit word.
    SWEDISH_AMOUNT_UNKNOWN_UNIT = "swedish_amount_unknown_unit", InvalidAmount {
        en: "unknown unit \"{word}\" in \"{text}\": expected kr, kronor, tkr, miljoner, mnkr, msek, miljarder or mdkr",
        sv: "okänd enhet \"{word}\" i \"{text}\": väntade kr, kronor, tkr, miljoner, mnkr, msek, miljarder eller mdkr",
    }
    /// Two decimal commas.
    SWEDISH_AMOUNT_TWO_COMMAS = "swedish_amount_two_commas", InvalidAmount {
        en: "more than one decimal comma in \"{written}\": Swedish numbers group thousands with spaces, as in \"1 382 000\"",
        sv: "mer än ett decimalkomma i \"{written}\": i svenska tal skiljs tusental åt med mellanslag, som i \"1 382 000\"",
    }
    /// Digit groups after the decimal part.
    SWEDISH_AMOUNT_GROUPS_AFTER_DECIMALS = "swedish_amount_groups_after_decimals", InvalidAmount {
        en: "digits after the decimal part in \"{written}\": only the part before the comma is grouped",
        sv: "siffror efter decimaldelen i \"{written}\": bara delen före kommat delas i grupper",
    }
    /// A decimal comma with no digits after it.
    SWEDISH_AMOUNT_EMPTY_DECIMALS = "swedish_amount_empty_decimals", InvalidAmount {
        en: "no digits after the decimal comma in \"{written}\"",
        sv: "inga siffror efter decimalkommat i \"{written}\"",
    }
    /// A first digit group of more than three digits.
    SWEDISH_AMOUNT_FIRST_GROUP = "swedish_amount_first_group", InvalidAmount {
        en: "irregular digit grouping in \"{written}\": the first group must have one to three digits",
        sv: "oregelbunden siffergruppering i \"{written}\": den första gruppen ska ha en till tre siffror",
    }
    /// A thousands group that is not three digits.
    SWEDISH_AMOUNT_THOUSANDS_GROUP = "swedish_amount_thousands_group", InvalidAmount {
        en: "irregular digit grouping in \"{written}\": thousands groups must have three digits",
        sv: "oregelbunden siffergruppering i \"{written}\": varje tusentalsgrupp ska ha tre siffror",
    }
    /// Dots as thousands separators.
    SWEDISH_AMOUNT_DOT_THOUSANDS = "swedish_amount_dot_thousands", InvalidAmount {
        en: "a dot is not a thousands separator in \"{written}\": Swedish groups thousands with spaces, as in \"{spaced}\"",
        sv: "punkt skiljer inte tusental åt i \"{written}\": på svenska skrivs tusental med mellanslag, som i \"{spaced}\"",
    }
    /// One dot before three digits: thousands or decimals.
    SWEDISH_AMOUNT_DOT_AMBIGUOUS = "swedish_amount_dot_ambiguous", InvalidAmount {
        en: "a dot is not a Swedish separator in \"{written}\": write thousands with spaces (\"{spaced}\") or decimals with a comma (\"{comma}\")",
        sv: "punkt är inget svenskt skiljetecken i \"{written}\": skriv tusental med mellanslag (\"{spaced}\") eller decimaler med komma (\"{comma}\")",
    }
    /// A decimal point.
    SWEDISH_AMOUNT_DOT_DECIMAL = "swedish_amount_dot_decimal", InvalidAmount {
        en: "a dot is not the Swedish decimal separator in \"{written}\": write a decimal comma, as in \"{comma}\"",
        sv: "punkt är inget svenskt decimaltecken i \"{written}\": skriv decimalkomma, som i \"{comma}\"",
    }
    /// Any other dot.
    SWEDISH_AMOUNT_DOT = "swedish_amount_dot", InvalidAmount {
        en: "unexpected \".\" in \"{written}\": Swedish numbers group thousands with spaces and use a decimal comma, as in \"1 382 000,50\"",
        sv: "oväntad punkt i \"{written}\": svenska tal skriver tusental med mellanslag och decimaler med komma, som i \"1 382 000,50\"",
    }

    // ---- reconcile: the statement ----------------------------------------------------------
    /// An unknown stated rule.
    STATED_RULE_UNKNOWN = "stated_rule_unknown", InvalidValue {
        en: "unknown rule {quoted}: expected population, need or fixed-plus-population:AMOUNT",
        sv: "okänd fördelningsregel {quoted}: väntade population (befolkning), need (vårdbehov) eller fixed-plus-population:BELOPP",
    }
    /// A negative stated pot.
    STATED_POT_NEGATIVE = "stated_pot_negative", NegativeAmount {
        en: "the stated pot {pot:kr} is negative, so the table is not checked against it",
        sv: "den angivna potten {pot:kr} är negativ, så tabellen stäms inte av mot den",
    }
    /// A negative stated fixed amount per region.
    STATED_FIXED_NEGATIVE = "stated_fixed_negative", NegativeAmount {
        en: "the stated fixed amount {each:kr} is negative, so the rule is not used",
        sv: "det angivna fasta beloppet {each:kr} är negativt, så regeln används inte",
    }
    /// Fixed amounts for 21 regions that exceed the pot.
    STATED_FIXED_EXCEEDS_POT = "stated_fixed_exceeds_pot", RuleNotRunnable {
        en: "the fixed amount per region ({each:kr}) for 21 regions exceeds the pot ({pot:kr})",
        sv: "det fasta beloppet per region ({each:kr}) för 21 regioner är större än potten ({pot:kr})",
    }

    // ---- reconcile: reading a table -----------------------------------------------------------
    /// A table with more lines than the limit.
    TABLE_TOO_MANY_LINES = "table_too_many_lines", InvalidValue {
        en: "{name} has more than {limit:num} lines: a published table is read up to that many (reconcile::PublishedTable::parse_within takes another limit)",
        sv: "{name} har fler än {limit:num} rader: en publicerad tabell läses upp till så många rader (reconcile::PublishedTable::parse_within tar en annan gräns)",
    }
    /// A table with no line that has a region and an amount.
    TABLE_NO_ROWS = "table_no_rows", Syntax {
        en: "no line of {quoted} has a region and an amount: expected lines such as \"Region Uppsala 54 499 160 kr\" or CSV with a header region,amount",
        sv: "ingen rad i {quoted} har en region och ett belopp: väntade rader som \"Region Uppsala 54 499 160 kr\" eller CSV med rubrikraden region,amount",
    }
    /// A CSV file the reader refuses.
    TABLE_CSV_MALFORMED = "table_csv_malformed", Syntax {
        en: "malformed CSV: {error}",
        sv: "felaktig CSV: {error}",
    }
    /// A line with a region or total label and no amount.
    TABLE_LINE_LABEL_NO_AMOUNT = "table_line_label_no_amount", TableUnparsedLine {
        en: "line {line} cannot be read: a region or total with no amount: {quoted}",
        sv: "rad {line} kan inte läsas: en region eller summa utan belopp: {quoted}",
    }
    /// A line with a region and no amount.
    TABLE_LINE_REGION_NO_AMOUNT = "table_line_region_no_amount", TableUnparsedLine {
        en: "line {line} cannot be read: a region with no amount: {quoted}",
        sv: "rad {line} kan inte läsas: en region utan belopp: {quoted}",
    }
    /// A line with an amount and no label.
    TABLE_LINE_AMOUNT_NO_LABEL = "table_line_amount_no_label", TableUnparsedLine {
        en: "line {line} cannot be read: an amount with no region or total label: {quoted}",
        sv: "rad {line} kan inte läsas: ett belopp utan region eller summa: {quoted}",
    }
    /// A CSV line with no amount.
    TABLE_LINE_NO_AMOUNT = "table_line_no_amount", TableUnparsedLine {
        en: "line {line} cannot be read: no amount: {quoted}",
        sv: "rad {line} kan inte läsas: inget belopp: {quoted}",
    }
    /// A line whose amount has too many digits.
    TABLE_LINE_AMOUNT_TOO_MANY_DIGITS = "table_line_amount_too_many_digits", TableUnparsedLine {
        en: "line {line} cannot be read: the amount {amount_quoted} is not a number (too many digits): {quoted}",
        sv: "rad {line} kan inte läsas: beloppet {amount_quoted} är inget tal (för många siffror): {quoted}",
    }
    /// A line whose amount is hedged.
    TABLE_LINE_AMOUNT_HEDGED = "table_line_amount_hedged", TableUnparsedLine {
        en: "line {line} cannot be read: the amount {amount_quoted} is not a number (a hedged figure is not an exact amount): {quoted}",
        sv: "rad {line} kan inte läsas: beloppet {amount_quoted} är inget tal (en ungefärlig siffra är inget exakt belopp): {quoted}",
    }
    /// A line whose amount does not parse (`why`: the reader's message).
    TABLE_LINE_AMOUNT_INVALID = "table_line_amount_invalid", TableUnparsedLine {
        en: "line {line} cannot be read: the amount {amount_quoted} is not a number ({why}): {quoted}",
        sv: "rad {line} kan inte läsas: beloppet {amount_quoted} är inget tal ({why}): {quoted}",
    }

    // ---- reconcile: rows ---------------------------------------------------------------------
    /// A region's second row.
    ROW_DUPLICATE = "row_duplicate", RowDuplicate {
        en: "{name} appears again on line {line} (first on line {first_line})",
        sv: "{name} förekommer igen på rad {line} (först på rad {first_line})",
    }
    /// A region's second row, with the amount of a region that has none.
    ROW_DUPLICATE_LIKELY_REGION = "row_duplicate_likely_region", RowDuplicate {
        en: "{name} appears again on line {line} (first on line {first_line}); its amount is what the key gives {likely_region}, which has no row: the name may be wrong",
        sv: "{name} förekommer igen på rad {line} (först på rad {first_line}); beloppet är vad nyckeln ger {likely_region}, som saknar rad: namnet kan vara fel",
    }
    /// A row that differs from the key the table follows.
    ROW_DIFFERS = "row_differs", RowDiffers {
        en: "{name}: the table says {printed}, the key {key} ({rounding_name}) gives {expected:kr} ({signed_diff})",
        sv: "{name}: tabellen anger {printed}, nyckeln {key} ({rounding_name}) ger {expected:kr} ({signed_diff})",
    }
    /// A row that differs by two adjacent digits swapped.
    ROW_DIFFERS_ADJACENT_SWAP = "row_differs_adjacent_swap", RowDiffers {
        en: "{name}: the table says {printed}, the key {key} ({rounding_name}) gives {expected:kr} ({signed_diff}); two adjacent digits swapped",
        sv: "{name}: tabellen anger {printed}, nyckeln {key} ({rounding_name}) ger {expected:kr} ({signed_diff}); två intilliggande siffror har bytt plats",
    }
    /// A row that differs by two digits swapped.
    ROW_DIFFERS_SWAP = "row_differs_swap", RowDiffers {
        en: "{name}: the table says {printed}, the key {key} ({rounding_name}) gives {expected:kr} ({signed_diff}); two digits swapped",
        sv: "{name}: tabellen anger {printed}, nyckeln {key} ({rounding_name}) ger {expected:kr} ({signed_diff}); två siffror har bytt plats",
    }
    /// An irregular digit grouping (no stated total).
    ROW_IRREGULAR = "row_irregular", IrregularGrouping {
        en: "{name}: the amount {printed_quoted} has an irregular digit grouping (a thousands group that is not three digits); it may be read as {readings_kr}",
        sv: "{name}: beloppet {printed_quoted} har oregelbunden siffergruppering (en tusentalsgrupp utan tre siffror); det kan läsas som {readings_kr}",
    }
    /// An irregular digit grouping, with what the key gives.
    ROW_IRREGULAR_KEY = "row_irregular_key", IrregularGrouping {
        en: "{name}: the amount {printed_quoted} has an irregular digit grouping (a thousands group that is not three digits); it may be read as {readings_kr}; {key_reading:kr} is what the key {key} gives",
        sv: "{name}: beloppet {printed_quoted} har oregelbunden siffergruppering (en tusentalsgrupp utan tre siffror); det kan läsas som {readings_kr}; {key_reading:kr} är vad nyckeln {key} ger",
    }
    /// An irregular digit grouping with one reading that adds up.
    ROW_IRREGULAR_ONE = "row_irregular_one", IrregularGrouping {
        en: "{name}: the amount {printed_quoted} has an irregular digit grouping (a thousands group that is not three digits); it may be read as {readings_kr}; read as {adding_kr} the rows add up to the stated total",
        sv: "{name}: beloppet {printed_quoted} har oregelbunden siffergruppering (en tusentalsgrupp utan tre siffror); det kan läsas som {readings_kr}; läst som {adding_kr} summerar raderna till den angivna summan",
    }
    /// An irregular digit grouping with one reading that adds up, and what the key gives.
    ROW_IRREGULAR_ONE_KEY = "row_irregular_one_key", IrregularGrouping {
        en: "{name}: the amount {printed_quoted} has an irregular digit grouping (a thousands group that is not three digits); it may be read as {readings_kr}; read as {adding_kr} the rows add up to the stated total; {key_reading:kr} is what the key {key} gives",
        sv: "{name}: beloppet {printed_quoted} har oregelbunden siffergruppering (en tusentalsgrupp utan tre siffror); det kan läsas som {readings_kr}; läst som {adding_kr} summerar raderna till den angivna summan; {key_reading:kr} är vad nyckeln {key} ger",
    }
    /// An irregular digit grouping with no reading that adds up.
    ROW_IRREGULAR_NONE = "row_irregular_none", IrregularGrouping {
        en: "{name}: the amount {printed_quoted} has an irregular digit grouping (a thousands group that is not three digits); it may be read as {readings_kr}; no reading makes the rows add up to the stated total",
        sv: "{name}: beloppet {printed_quoted} har oregelbunden siffergruppering (en tusentalsgrupp utan tre siffror); det kan läsas som {readings_kr}; ingen läsning får raderna att summera till den angivna summan",
    }
    /// An irregular digit grouping with no reading that adds up, and what the key gives.
    ROW_IRREGULAR_NONE_KEY = "row_irregular_none_key", IrregularGrouping {
        en: "{name}: the amount {printed_quoted} has an irregular digit grouping (a thousands group that is not three digits); it may be read as {readings_kr}; no reading makes the rows add up to the stated total; {key_reading:kr} is what the key {key} gives",
        sv: "{name}: beloppet {printed_quoted} har oregelbunden siffergruppering (en tusentalsgrupp utan tre siffror); det kan läsas som {readings_kr}; ingen läsning får raderna att summera till den angivna summan; {key_reading:kr} är vad nyckeln {key} ger",
    }
    /// An irregular digit grouping with several readings that add up.
    ROW_IRREGULAR_SEVERAL = "row_irregular_several", IrregularGrouping {
        en: "{name}: the amount {printed_quoted} has an irregular digit grouping (a thousands group that is not three digits); it may be read as {readings_kr}; the rows add up to the stated total with {adding_kr}",
        sv: "{name}: beloppet {printed_quoted} har oregelbunden siffergruppering (en tusentalsgrupp utan tre siffror); det kan läsas som {readings_kr}; raderna summerar till den angivna summan med {adding_kr}",
    }
    /// An irregular digit grouping with several readings that add up, and what the key gives.
    ROW_IRREGULAR_SEVERAL_KEY = "row_irregular_several_key", IrregularGrouping {
        en: "{name}: the amount {printed_quoted} has an irregular digit grouping (a thousands group that is not three digits); it may be read as {readings_kr}; the rows add up to the stated total with {adding_kr}; {key_reading:kr} is what the key {key} gives",
        sv: "{name}: beloppet {printed_quoted} har oregelbunden siffergruppering (en tusentalsgrupp utan tre siffror); det kan läsas som {readings_kr}; raderna summerar till den angivna summan med {adding_kr}; {key_reading:kr} är vad nyckeln {key} ger",
    }
    /// A row that names no region.
    ROW_UNKNOWN = "row_unknown", RowUnknown {
        en: "{quoted} is not a region",
        sv: "{quoted} är ingen region",
    }
    /// A region with no row.
    ROW_MISSING = "row_missing", RowMissing {
        en: "{name} ({region}) has no row in the table",
        sv: "{name} ({region}) saknar rad i tabellen",
    }
    /// A region with no row, and what the key gives it.
    ROW_MISSING_KEY = "row_missing_key", RowMissing {
        en: "{name} ({region}) has no row in the table; the key {key} gives it {expected:kr}",
        sv: "{name} ({region}) saknar rad i tabellen; nyckeln {key} ger regionen {expected:kr}",
    }

    // ---- reconcile: totals -------------------------------------------------------------------
    /// The rows add up to more than the stated pot.
    TOTAL_MORE_THAN_POT = "total_more_than_pot", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} more than the stated pot ({stated:kr})",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mer än den angivna potten ({stated:kr})",
    }
    /// The rows add up to less than the stated pot.
    TOTAL_LESS_THAN_POT = "total_less_than_pot", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} less than the stated pot ({stated:kr})",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mindre än den angivna potten ({stated:kr})",
    }
    /// The rows add up to more than a total line.
    TOTAL_MORE_THAN_LINE = "total_more_than_line", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} more than the total line (line {line}) ({stated:kr})",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mer än summaraden (rad {line}) ({stated:kr})",
    }
    /// The rows add up to less than a total line.
    TOTAL_LESS_THAN_LINE = "total_less_than_line", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} less than the total line (line {line}) ({stated:kr})",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mindre än summaraden (rad {line}) ({stated:kr})",
    }
    /// The rows add up to more than the stated pot, by what the causes found account for.
    TOTAL_MORE_THAN_POT_CAUSES = "total_more_than_pot_causes", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} more than the stated pot ({stated:kr}): accounted for by {causes}",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mer än den angivna potten ({stated:kr}): skillnaden förklaras av {causes}",
    }
    /// The rows add up to less than the stated pot, by what the causes found account for.
    TOTAL_LESS_THAN_POT_CAUSES = "total_less_than_pot_causes", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} less than the stated pot ({stated:kr}): accounted for by {causes}",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mindre än den angivna potten ({stated:kr}): skillnaden förklaras av {causes}",
    }
    /// The rows add up to more than a total line, by what the causes found account for.
    TOTAL_MORE_THAN_LINE_CAUSES = "total_more_than_line_causes", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} more than the total line (line {line}) ({stated:kr}): accounted for by {causes}",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mer än summaraden (rad {line}) ({stated:kr}): skillnaden förklaras av {causes}",
    }
    /// The rows add up to less than a total line, by what the causes found account for.
    TOTAL_LESS_THAN_LINE_CAUSES = "total_less_than_line_causes", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} less than the total line (line {line}) ({stated:kr}): accounted for by {causes}",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mindre än summaraden (rad {line}) ({stated:kr}): skillnaden förklaras av {causes}",
    }
    /// More than the stated pot: the rows are a rounding that does not preserve the total.
    TOTAL_MORE_THAN_POT_ROUNDING = "total_more_than_pot_rounding", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} more than the stated pot ({stated:kr}): the rows are {rounding_name} of the key {key}, which does not preserve the total; largest remainder would",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mer än den angivna potten ({stated:kr}): raderna är nyckeln {key} avrundad med {rounding_name}, som inte bevarar summan; största rest-metoden hade gjort det",
    }
    /// Less than the stated pot: the rows are a rounding that does not preserve the total.
    TOTAL_LESS_THAN_POT_ROUNDING = "total_less_than_pot_rounding", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} less than the stated pot ({stated:kr}): the rows are {rounding_name} of the key {key}, which does not preserve the total; largest remainder would",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mindre än den angivna potten ({stated:kr}): raderna är nyckeln {key} avrundad med {rounding_name}, som inte bevarar summan; största rest-metoden hade gjort det",
    }
    /// More than a total line: the rows are a rounding that does not preserve the total.
    TOTAL_MORE_THAN_LINE_ROUNDING = "total_more_than_line_rounding", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} more than the total line (line {line}) ({stated:kr}): the rows are {rounding_name} of the key {key}, which does not preserve the total; largest remainder would",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mer än summaraden (rad {line}) ({stated:kr}): raderna är nyckeln {key} avrundad med {rounding_name}, som inte bevarar summan; största rest-metoden hade gjort det",
    }
    /// Less than a total line: the rows are a rounding that does not preserve the total.
    TOTAL_LESS_THAN_LINE_ROUNDING = "total_less_than_line_rounding", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} less than the total line (line {line}) ({stated:kr}): the rows are {rounding_name} of the key {key}, which does not preserve the total; largest remainder would",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mindre än summaraden (rad {line}) ({stated:kr}): raderna är nyckeln {key} avrundad med {rounding_name}, som inte bevarar summan; största rest-metoden hade gjort det",
    }
    /// More than the stated pot, by no more than a krona a row.
    TOTAL_MORE_THAN_POT_ROW_ROUNDING = "total_more_than_pot_row_rounding", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} more than the stated pot ({stated:kr}): no more than one krona per row: the size of rounding each row on its own",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mer än den angivna potten ({stated:kr}): högst en krona per rad, vilket är vad avrundning av varje rad för sig kan ge",
    }
    /// Less than the stated pot, by no more than a krona a row.
    TOTAL_LESS_THAN_POT_ROW_ROUNDING = "total_less_than_pot_row_rounding", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} less than the stated pot ({stated:kr}): no more than one krona per row: the size of rounding each row on its own",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mindre än den angivna potten ({stated:kr}): högst en krona per rad, vilket är vad avrundning av varje rad för sig kan ge",
    }
    /// More than a total line, by no more than a krona a row.
    TOTAL_MORE_THAN_LINE_ROW_ROUNDING = "total_more_than_line_row_rounding", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} more than the total line (line {line}) ({stated:kr}): no more than one krona per row: the size of rounding each row on its own",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mer än summaraden (rad {line}) ({stated:kr}): högst en krona per rad, vilket är vad avrundning av varje rad för sig kan ge",
    }
    /// Less than a total line, by no more than a krona a row.
    TOTAL_LESS_THAN_LINE_ROW_ROUNDING = "total_less_than_line_row_rounding", TableTotalMismatch {
        en: "the rows add up to {rows_sum:kr}, {gap:kr} less than the total line (line {line}) ({stated:kr}): no more than one krona per row: the size of rounding each row on its own",
        sv: "raderna summerar till {rows_sum:kr}, {gap:kr} mindre än summaraden (rad {line}) ({stated:kr}): högst en krona per rad, vilket är vad avrundning av varje rad för sig kan ge",
    }
    /// A total line that differs from the stated pot.
    TOTAL_LINE_DIFFERS_FROM_POT = "total_line_differs_from_pot", TableTotalMismatch {
        en: "the total line (line {line}) says {printed}, the stated pot is {stated:kr} ({signed_diff})",
        sv: "summaraden (rad {line}) anger {printed}, den angivna potten är {stated:kr} ({signed_diff})",
    }

    // ---- reconcile: keys ---------------------------------------------------------------------
    /// A bundled key that reproduces every row.
    KEY_REPRODUCES = "key_reproduces", KeyReproduces {
        en: "the key {key} with {rounding_name} reproduces every region row ({rows_matching} of {rows})",
        sv: "nyckeln {key} med {rounding_name} återger varje regionrad ({rows_matching} av {rows})",
    }
    /// Bundled keys that reproduce every row.
    KEY_REPRODUCES_OTHERS = "key_reproduces_others", KeyReproduces {
        en: "the key {key} with {rounding_name} reproduces every region row ({rows_matching} of {rows}); so do {others}",
        sv: "nyckeln {key} med {rounding_name} återger varje regionrad ({rows_matching} av {rows}); det gör även {others}",
    }
    /// No bundled key reproduces the table, which follows the closest.
    KEY_DIFFERS = "key_differs", KeyDiffers {
        en: "no bundled key reproduces the table; the closest is {key} with {rounding_name}: {rows_matching} of {rows_compared} region rows match, and the rows differ from it by {total_abs_diff:kr} in all",
        sv: "ingen medföljande nyckel återger tabellen; närmast är {key} med {rounding_name}: {rows_matching} av {rows_compared} regionrader stämmer, och raderna avviker från den med sammanlagt {total_abs_diff:kr}",
    }
    /// The table follows no bundled key.
    KEY_NONE_FOLLOWED = "key_none_followed", KeyDiffers {
        en: "the table follows no bundled key: the closest, {key} with {rounding_name}, matches only {rows_matching} of {rows_compared} region rows (it differs by {total_abs_diff:kr} in all), so the table is not a split by a bundled population or need key and its rows are not compared with one",
        sv: "tabellen följer ingen medföljande nyckel: den närmaste, {key} med {rounding_name}, stämmer bara för {rows_matching} av {rows_compared} regionrader (den avviker med sammanlagt {total_abs_diff:kr}), så tabellen är ingen fördelning efter en medföljande befolknings- eller behovsnyckel och raderna jämförs inte med någon",
    }
    /// The population total that reproduces the table.
    KEY_IMPLIED = "key_implied", ImpliedKey {
        en: "the table is reproduced exactly by a population key with total {total_grouped} inhabitants; the closest bundled key, {near}, has {near_total_grouped}",
        sv: "tabellen återges exakt av en befolkningsnyckel med totalt {total_grouped} invånare; den närmaste medföljande nyckeln, {near}, har {near_total_grouped}",
    }
    /// The population totals that reproduce the table.
    KEY_IMPLIED_SEVERAL = "key_implied_several", ImpliedKey {
        en: "the table is reproduced exactly by a population key with total {total_grouped} inhabitants (one of {candidates} totals that do: {totals_grouped}); the closest bundled key, {near}, has {near_total_grouped}",
        sv: "tabellen återges exakt av en befolkningsnyckel med totalt {total_grouped} invånare (en av {candidates} summor som gör det: {totals_grouped}); den närmaste medföljande nyckeln, {near}, har {near_total_grouped}",
    }

    /// A population total whose quotas every row is within a krona of, though no rounding
    /// the model knows reproduces the rows from it.
    KEY_IMPLIED_WITHIN = "key_implied_within", ImpliedKey {
        en: "every row is within its precision (1 kr for a row in kronor) of its exact share under a population key with total {total_grouped} inhabitants, but no rounding the model knows (largest remainder, rounding half up, truncation) reproduces the rows from it: the publisher rounded another way; the closest bundled key, {near}, has {near_total_grouped}",
        sv: "varje rad ligger inom sin precision (1 kr för en rad i kronor) från sin exakta andel efter en befolkningsnyckel med totalt {total_grouped} invånare, men ingen avrundning som modellen känner (största rest, avrundning, avkortning) återger raderna från den: utgivaren avrundade på annat sätt; den närmaste medföljande nyckeln, {near}, har {near_total_grouped}",
    }

    // ---- view ----------------------------------------------------------------------------------
    /// An unknown output format.
    FORMAT_UNKNOWN = "format_unknown", InvalidValue {
        en: "unknown format \"{value}\": one of table, csv, csv-sv, json, xlsx",
        sv: "okänt format \"{value}\": välj ett av table, csv, csv-sv, json, xlsx",
    }
    /// An Excel file asked of a build without the feature `xlsx`.
    XLSX_NOT_BUILT = "xlsx_not_built", InvalidValue {
        en: "this build of vardavtal writes no Excel files (the feature xlsx is off)",
        sv: "den här versionen av vardavtal skriver inga Excelfiler (funktionen xlsx är avstängd)",
    }
    /// The Excel writer failed.
    XLSX_WRITE_FAILED = "xlsx_write_failed", InvalidValue {
        en: "cannot write the Excel workbook: {error}",
        sv: "Excelfilen kan inte skrivas: {error}",
    }

    // ---- reconcile: the stated pot against the rows' own total ---------------------------
    /// The rows are the split of their own total; the stated pot is off.
    POT_ROWS_REPRODUCED = "pot_rows_reproduced", PotChecked {
        en: "the stated pot {pot:kr} is not what the rows split: they are {other_what}, {other:kr}, split by {key} with {rounding_name} (every region row, {rows_matching} of {rows}); the stated pot is {diff:kr} off it, so it reads as a mistyped figure in the text",
        sv: "den angivna potten {pot:kr} är inte det som raderna fördelar: de är {other_what}, {other:kr}, fördelad efter {key} med {rounding_name} (varje regionrad, {rows_matching} av {rows}); den angivna potten avviker med {diff:kr} och ser ut som en felskriven siffra i texten",
    }
    /// The stated pot is reproduced; the rows' own total is not.
    POT_STATED_REPRODUCED = "pot_stated_reproduced", PotChecked {
        en: "both pots were tried: the stated pot {pot:kr} split by {key} with {rounding_name} reproduces every region row, {other_what} ({other:kr}) does not, so the rows are off, not the stated pot",
        sv: "båda potterna prövades: den angivna potten {pot:kr} fördelad efter {key} med {rounding_name} återger varje regionrad, {other_what} ({other:kr}) gör det inte, så det är raderna som avviker, inte den angivna potten",
    }
    /// Neither pot is reproduced by a bundled key.
    POT_NEITHER_REPRODUCED = "pot_neither_reproduced", PotChecked {
        en: "both pots were tried: neither the stated pot {pot:kr} nor {other_what} ({other:kr}) is reproduced by a bundled key (with {other:kr} the closest is {other_key}, {other_matching} of {rows} region rows)",
        sv: "båda potterna prövades: varken den angivna potten {pot:kr} eller {other_what} ({other:kr}) återges av en medföljande nyckel (med {other:kr} kommer {other_key} närmast, {other_matching} av {rows} regionrader)",
    }
}
