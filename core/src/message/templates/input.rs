//! The templates of the findings that `model/` and `input/` report.

super::templates! {
    /// A name that is not one of an enum's (`"town".parse::<Level>()`).
    NAME_UNKNOWN = "name_unknown", InvalidValue {
        en: "\"{value}\" is not a {what}: one of {names}",
        sv: "”{value}” är inget giltigt värde för {what}; giltiga värden: {names}",
    }

    // input/args.rs: arguments given as values.
    /// Options that are not an object.
    OPTIONS_NOT_AN_OBJECT = "options_not_an_object", InvalidValue {
        en: "the {what} must be an object {shape}, not a {type}",
        sv: "alternativen ({what}) ska vara ett objekt {shape}, men värdet är av JSON-typen {type}",
    }
    /// An option that is not one of those expected.
    OPTION_UNKNOWN = "option_unknown", UnknownField {
        en: "unknown option \"{option}\": expected {expected}",
        sv: "okänt alternativ ”{option}”; möjliga alternativ: {expected}",
    }
    /// A key given as a value that is neither a string nor an object.
    KEY_ARGUMENT_WRONG_TYPE = "key_argument_wrong_type", InvalidValue {
        en: "the key must be a string (\"population:regions:2021-11-01\" or CSV text) or an object {code: weight}, not a {type}",
        sv: "fördelningsnyckeln ska vara en text (”population:regions:2021-11-01” eller CSV-text) eller ett objekt {code: weight}, men värdet är av JSON-typen {type}",
    }
    /// An amount given as a value that is not a string.
    AMOUNT_ARGUMENT_NOT_A_STRING = "amount_argument_not_a_string", InvalidAmount {
        en: "the {field} must be a string such as \"443000000\" or \"443 miljoner kronor\", not a {type}: amounts cross as strings so that no digit is lost",
        sv: "fältet {field} ska vara en text som ”443000000” eller ”443 miljoner kronor”, men värdet är av JSON-typen {type}: belopp skickas som text så att ingen siffra går förlorad",
    }
    /// A component given as a value that is not a string.
    COMPONENT_ARGUMENT_NOT_A_STRING = "component_argument_not_a_string", InvalidValue {
        en: "the component must be its id (a string), not a {type}",
        sv: "komponenten ska anges med sitt id (en sträng), men värdet är av JSON-typen {type}",
    }
    /// A rounding unit given as a value that is not a string.
    UNIT_ARGUMENT_NOT_A_STRING = "unit_argument_not_a_string", InvalidValue {
        en: "the unit must be \"krona\" or \"ore\", not a {type}",
        sv: "avrundningsenheten (unit) ska vara ”krona” eller ”ore”, men värdet är av JSON-typen {type}",
    }
    /// A stated rule given as a value that is not a string.
    RULE_ARGUMENT_NOT_A_STRING = "rule_argument_not_a_string", InvalidValue {
        en: "the rule must be \"population\", \"need\" or \"fixed-plus-population:AMOUNT\", not a {type}",
        sv: "fördelningsregeln (rule) ska vara ”population”, ”need” eller ”fixed-plus-population:BELOPP”, men värdet är av JSON-typen {type}",
    }
    /// How a batch reports a failed scenario, given as something else than raise or return.
    BATCH_ERRORS_OPTION_UNKNOWN = "batch_errors_option_unknown", InvalidValue {
        en: "errors must be \"raise\" or \"return\", not \"{value}\"",
        sv: "errors ska vara ”raise” eller ”return”, inte \"{value}\"",
    }
    /// The strict option given as something else than true or false.
    STRICT_OPTION_NOT_A_BOOLEAN = "strict_option_not_a_boolean", InvalidValue {
        en: "the strict option must be true or false, not a {type}",
        sv: "alternativet strict ska vara true eller false, men värdet är av JSON-typen {type}",
    }
    /// A value given as an object that nests too deep or contains itself.
    VALUE_TOO_DEEP = "value_too_deep", InvalidValue {
        en: "the {what} nests more than {limit} levels deep, or contains itself",
        sv: "värdet {what} är nästlat i fler än {limit} nivåer, eller innehåller sig självt",
    }
    /// A value given as an object that has no JSON form.
    VALUE_NOT_JSON = "value_not_json", InvalidValue {
        en: "the {what} cannot be written as JSON: it contains itself, nests too deep, or holds a value JSON has no form for (a BigInt, a function)",
        sv: "värdet {what} kan inte skrivas som JSON: det innehåller sig självt, är nästlat för djupt eller har ett värde som saknar form i JSON (en BigInt, en funktion)",
    }
    /// An agreement given as a value that is neither text nor an object.
    AGREEMENT_ARGUMENT_WRONG_TYPE = "agreement_argument_wrong_type", InvalidValue {
        en: "the agreement must be JSON text, a catalog id or an object, not a {type}",
        sv: "överenskommelsen ska anges som JSON-text, ett id i katalogen eller ett objekt, men värdet är av JSON-typen {type}",
    }

    // input/json.rs: JSON text and files (the detail is the JSON reader's own words).
    /// JSON text that cannot be read.
    JSON_SYNTAX = "json_syntax", Syntax {
        en: "{detail}",
        sv: "texten kan inte läsas som JSON: {detail}",
    }
    /// A JSON value of the wrong type or form.
    JSON_INVALID_VALUE = "json_invalid_value", InvalidValue {
        en: "{detail}",
        sv: "ett värde i JSON-texten har fel typ eller form: {detail}",
    }
    /// A JSON field that is not part of the format.
    JSON_UNKNOWN_FIELD = "json_unknown_field", UnknownField {
        en: "{detail}",
        sv: "okänt fält i JSON-texten: {detail}",
    }
    /// A recipient code or key given twice in a JSON object.
    JSON_DUPLICATE_KEY = "json_duplicate_key", DuplicateRecipient {
        en: "{detail}",
        sv: "en mottagarkod eller nyckel förekommer mer än en gång i JSON-texten: {detail}",
    }
    /// An amount in JSON text that cannot be read.
    JSON_INVALID_AMOUNT = "json_invalid_amount", InvalidAmount {
        en: "{detail}",
        sv: "ogiltigt belopp i JSON-texten: {detail}",
    }
    /// A date in JSON text that cannot be read.
    JSON_INVALID_DATE = "json_invalid_date", InvalidDate {
        en: "{detail}",
        sv: "ogiltigt datum i JSON-texten: {detail}",
    }
    /// A file that does not exist.
    FILE_NOT_FOUND = "file_not_found", Io {
        en: "cannot read {path}: {reason}",
        sv: "filen {path} finns inte ({reason})",
    }
    /// A file that cannot be read.
    FILE_UNREADABLE = "file_unreadable", Io {
        en: "cannot read {path}: {reason}",
        sv: "filen {path} kan inte läsas ({reason})",
    }

    /// A path that is not a regular file (a directory, a device, a pipe).
    FILE_NOT_REGULAR = "file_not_regular", Io {
        en: "cannot read {path}: it is not a regular file (a directory, a device or a pipe); only regular files are read",
        sv: "{path} kan inte läsas: det är ingen vanlig fil (en katalog, en enhet eller ett rör); bara vanliga filer läses",
    }
    /// A file larger than the limit, refused before it is read.
    FILE_TOO_LARGE = "file_too_large", Io {
        en: "cannot read {path}: it is {size} bytes, more than the limit of {limit} bytes",
        sv: "{path} kan inte läsas: filen är på {size} byte, mer än gränsen på {limit} byte",
    }

    // input/bounds.rs: limits on one value.
    /// An id, a name or a recipient code longer than its limit.
    TEXT_TOO_LONG = "text_too_long", InvalidValue {
        en: "the {what} has {length:num} characters, more than the limit of {limit:num}",
        sv: "{what} har {length:num} tecken, fler än gränsen på {limit:num}",
    }

    // input/mod.rs: tables and text already read.
    /// A table argument, read as a path, that names no file.
    TABLE_FILE_NOT_FOUND = "table_file_not_found", Io {
        en: "cannot read {path}: {reason} (an argument without a line break is read as a path; table text has one line per row)",
        sv: "filen {path} finns inte ({reason}); ett argument utan radbrytning läses som sökvägen till en fil, medan en tabell given som text har en rad per tabellrad",
    }
    /// A table argument, read as a path, whose file cannot be read.
    TABLE_FILE_UNREADABLE = "table_file_unreadable", Io {
        en: "cannot read {path}: {reason} (an argument without a line break is read as a path; table text has one line per row)",
        sv: "filen {path} kan inte läsas ({reason}); ett argument utan radbrytning läses som sökvägen till en fil, medan en tabell given som text har en rad per tabellrad",
    }
    /// Bytes that are not UTF-8: an invalid sequence.
    TEXT_NOT_UTF8 = "text_not_utf8", Io {
        en: "{path} is not UTF-8 text: invalid utf-8 sequence of {bytes} bytes from index {index}",
        sv: "{path} är inte UTF-8-text: ogiltig UTF-8-sekvens på {bytes} byte vid position {index}",
    }
    /// Bytes that are not UTF-8: a sequence cut off at the end.
    TEXT_NOT_UTF8_INCOMPLETE = "text_not_utf8_incomplete", Io {
        en: "{path} is not UTF-8 text: incomplete utf-8 byte sequence from index {index}",
        sv: "{path} är inte UTF-8-text: ofullständig UTF-8-sekvens vid position {index}",
    }

    // model/key.rs: dates.
    /// A date that is not four digits, two and two with dashes.
    DATE_SHAPE = "date_shape", InvalidDate {
        en: "\"{input}\" is not a date of the form YYYY-MM-DD (four-digit year, two-digit month and day)",
        sv: "”{input}” är inget datum på formen ÅÅÅÅ-MM-DD (år med fyra siffror, månad och dag med två siffror vardera)",
    }
    /// A date of the right form with a month or day that does not exist.
    DATE_OUT_OF_RANGE = "date_out_of_range", InvalidDate {
        en: "\"{input}\" is not a date of the form YYYY-MM-DD (input is out of range)",
        sv: "”{input}” är inget giltigt datum på formen ÅÅÅÅ-MM-DD (månaden eller dagen finns inte)",
    }
    /// A date of the right form that the calendar refuses for another reason.
    DATE_REFUSED = "date_refused", InvalidDate {
        en: "\"{input}\" is not a date of the form YYYY-MM-DD ({reason})",
        sv: "”{input}” är inget giltigt datum på formen ÅÅÅÅ-MM-DD ({reason})",
    }
    /// A date or month (of a payment) that is neither.
    DATE_OR_MONTH_INVALID = "date_or_month_invalid", InvalidDate {
        en: "\"{input}\" is not a date (YYYY-MM-DD) or month (YYYY-MM)",
        sv: "”{input}” är varken ett datum (ÅÅÅÅ-MM-DD) eller en månad (ÅÅÅÅ-MM)",
    }

    // model/key.rs: key specs.
    /// A key spec with a level that is not regions or municipalities.
    KEY_SPEC_UNKNOWN_LEVEL = "key_spec_unknown_level", InvalidValue {
        en: "invalid key \"{key}\": unknown level \"{level}\": expected regions or municipalities",
        sv: "ogiltig fördelningsnyckel ”{key}”: okänd nivå ”{level}”; möjliga nivåer: regions (regionerna) eller municipalities (kommunerna)",
    }
    /// A key spec of no known form.
    KEY_SPEC_UNKNOWN_FORM = "key_spec_unknown_form", InvalidValue {
        en: "invalid key \"{key}\": expected population:regions:YYYY-MM-DD, population:municipalities:YYYY-MM-DD, needs:regions:2024 or a CSV file with columns code,weight",
        sv: "ogiltig fördelningsnyckel ”{key}”: ange population:regions:ÅÅÅÅ-MM-DD, population:municipalities:ÅÅÅÅ-MM-DD, needs:regions:2024 eller en CSV-fil med kolumnerna code,weight",
    }
    /// A key spec whose date is not four digits, two and two with dashes.
    KEY_SPEC_DATE_SHAPE = "key_spec_date_shape", InvalidValue {
        en: "invalid key \"{key}\": \"{input}\" is not a date of the form YYYY-MM-DD (four-digit year, two-digit month and day)",
        sv: "ogiltig fördelningsnyckel ”{key}”: ”{input}” är inget datum på formen ÅÅÅÅ-MM-DD (år med fyra siffror, månad och dag med två siffror vardera)",
    }
    /// A key spec whose date has a month or day that does not exist.
    KEY_SPEC_DATE_OUT_OF_RANGE = "key_spec_date_out_of_range", InvalidValue {
        en: "invalid key \"{key}\": \"{input}\" is not a date of the form YYYY-MM-DD (input is out of range)",
        sv: "ogiltig fördelningsnyckel ”{key}”: ”{input}” är inget giltigt datum på formen ÅÅÅÅ-MM-DD (månaden eller dagen finns inte)",
    }
    /// A key spec whose date the calendar refuses for another reason.
    KEY_SPEC_DATE_REFUSED = "key_spec_date_refused", InvalidValue {
        en: "invalid key \"{key}\": \"{input}\" is not a date of the form YYYY-MM-DD ({reason})",
        sv: "ogiltig fördelningsnyckel ”{key}”: ”{input}” är inget giltigt datum på formen ÅÅÅÅ-MM-DD ({reason})",
    }
    /// A key argument that is neither a key spec nor a file.
    KEY_ARGUMENT_NEITHER_SPEC_NOR_FILE = "key_argument_neither_spec_nor_file", Io {
        en: "\"{input}\" is neither a key (population:regions:YYYY-MM-DD, population:municipalities:YYYY-MM-DD, needs:regions:2024) nor a CSV file that exists",
        sv: "”{input}” är varken en fördelningsnyckel (population:regions:ÅÅÅÅ-MM-DD, population:municipalities:ÅÅÅÅ-MM-DD, needs:regions:2024) eller en CSV-fil som finns",
    }

    /// A key given as a string that reads as the name of a file: a string is never read
    /// as a file.
    KEY_TEXT_NOT_A_FILE = "key_text_not_a_file", InvalidValue {
        en: "{input} is not a key: a key given as a string is a key spec (population:regions:YYYY-MM-DD, population:municipalities:YYYY-MM-DD, needs:regions:2024) or CSV text with columns code,weight, never the name of a file; to read a CSV file, pass a path (pathlib.Path in Python)",
        sv: "{input} är ingen fördelningsnyckel: en nyckel given som text är en nyckelbeskrivning (population:regions:ÅÅÅÅ-MM-DD, population:municipalities:ÅÅÅÅ-MM-DD, needs:regions:2024) eller CSV-text med kolumnerna code,weight, aldrig namnet på en fil; för att läsa en CSV-fil, ange en sökväg (pathlib.Path i Python)",
    }

    // model/key.rs: resolving keys.
    /// A population times a need index that does not fit a decimal.
    NEED_INDEX_PRODUCT_TOO_LARGE = "need_index_product_too_large", TooLarge {
        en: "population × need index does not fit a decimal",
        sv: "befolkningen gånger behovsindexet ryms inte i ett decimaltal",
    }
    /// A need index that names codes the population has no figure for.
    NEED_INDEX_CODES_WITHOUT_POPULATION = "need_index_codes_without_population", UnknownRecipient {
        en: "the need index names codes with no population in {population}: {missing}",
        sv: "behovsindexet har koder som saknar befolkning i {population}: {missing}",
    }
    /// No bundled population of the regions on a date.
    NO_POPULATION_DATA_REGIONS = "no_population_data_regions", NoPopulationData {
        en: "the bundled data has no population of the regions on {date:date}; dates with data: {dates}",
        sv: "de medföljande uppgifterna har ingen befolkning för regionerna den {date:date}; datum med uppgifter: {dates}",
    }
    /// No bundled population of the municipalities on a date.
    NO_POPULATION_DATA_MUNICIPALITIES = "no_population_data_municipalities", NoPopulationData {
        en: "the bundled data has no population of the municipalities on {date:date}; dates with data: {dates}",
        sv: "de medföljande uppgifterna har ingen befolkning för kommunerna den {date:date}; datum med uppgifter: {dates}",
    }

    // model/key.rs: the weights of a key.
    /// A key with no recipients.
    KEY_EMPTY = "key_empty", EmptyKey {
        en: "the key has no recipients",
        sv: "fördelningsnyckeln har inga mottagare",
    }
    /// A recipient twice in a key.
    KEY_DUPLICATE_RECIPIENT = "key_duplicate_recipient", DuplicateRecipient {
        en: "recipient {recipient} appears more than once in the key",
        sv: "mottagaren {recipient} förekommer mer än en gång i fördelningsnyckeln",
    }
    /// A negative weight in a key.
    KEY_NEGATIVE_WEIGHT = "key_negative_weight", NegativeWeight {
        en: "the weight of {recipient} is negative ({weight})",
        sv: "vikten för {recipient} är negativ ({weight})",
    }
    /// A weight read on its own (`"-1".parse::<Weight>()`) that is negative.
    WEIGHT_NEGATIVE = "weight_negative", NegativeWeight {
        en: "a weight cannot be negative ({weight})",
        sv: "en vikt kan inte vara negativ ({weight})",
    }
    /// Weights whose sum does not fit a decimal.
    KEY_WEIGHT_SUM_TOO_LARGE = "key_weight_sum_too_large", TooLarge {
        en: "the weights sum to more than a decimal holds",
        sv: "summan av vikterna är större än ett decimaltal rymmer",
    }
    /// A key whose weights are all zero.
    KEY_WEIGHTS_ALL_ZERO = "key_weights_all_zero", ZeroTotalWeight {
        en: "the weights of the key are all zero: there is nothing to split by",
        sv: "alla vikter i fördelningsnyckeln är noll: det finns inget att fördela efter",
    }
    /// Weights with too many digits to scale to integers.
    KEY_WEIGHTS_TOO_MANY_DIGITS = "key_weights_too_many_digits", TooLarge {
        en: "the weights have too many digits to apportion exactly",
        sv: "vikterna har för många siffror för att fördelningen ska bli exakt",
    }
    /// Weights that are all zero, found while apportioning.
    APPORTION_WEIGHTS_ALL_ZERO = "apportion_weights_all_zero", ZeroTotalWeight {
        en: "the weights of the key are all zero",
        sv: "alla vikter i fördelningsnyckeln är noll",
    }
    /// A pot and weights too large to apportion.
    APPORTION_TOO_LARGE = "apportion_too_large", TooLarge {
        en: "the pot and the weights are too large to apportion exactly in 128 bits",
        sv: "potten och vikterna är för stora för att fördelas exakt med 128 bitar",
    }

    // model/key.rs: keys from CSV.
    /// A CSV key whose header line cannot be read.
    KEY_CSV_HEADER_UNREADABLE = "key_csv_header_unreadable", Syntax {
        en: "cannot read the CSV header: {reason}",
        sv: "rubrikraden i CSV-filen kan inte läsas: {reason}",
    }
    /// A CSV key whose header names the code or the weight twice.
    KEY_CSV_HEADER_TWICE = "key_csv_header_twice", Syntax {
        en: "the CSV header (line 1) has two {what} columns, {columns}: name one, so that no column is chosen silently",
        sv: "rubrikraden i CSV-filen (rad 1) har två kolumner för {what}, {columns}: ange en, så att ingen kolumn väljs i tysthet",
    }
    /// A CSV key whose header has no code or weight column.
    KEY_CSV_HEADER_COLUMNS = "key_csv_header_columns", Syntax {
        en: "the CSV header (line 1) must name a code column (code, region_code, municipality_code, kod, regionkod or kommunkod) and a weight column (weight or vikt); its {count} columns do not",
        sv: "rubrikraden i CSV-filen (rad 1) ska ha en kolumn för koden (code, region_code, municipality_code, kod, regionkod eller kommunkod) och en för vikten (weight eller vikt); dess {count} kolumner har inte det",
    }
    /// A CSV key with a line that cannot be read.
    KEY_CSV_MALFORMED = "key_csv_malformed", Syntax {
        en: "malformed CSV: {reason}",
        sv: "felaktig CSV: {reason}",
    }

    // model/recipient.rs.
    /// A recipient code that is not known nor declared.
    RECIPIENT_UNKNOWN = "recipient_unknown", UnknownRecipient {
        en: "unknown recipient code \"{recipient}\": not one of the 21 region codes, 290 municipality codes, \"SKR\" or a recipient the agreement declares",
        sv: "okänd mottagarkod ”{recipient}”: varken någon av de 21 regionkoderna, de 290 kommunkoderna, ”SKR” eller en mottagare som överenskommelsen anger",
    }

    // input/host.rs: values of a typed host language (Python) of the wrong type.
    /// An amount given as a host value of a type that is no amount.
    HOST_AMOUNT_WRONG_TYPE = "host_amount_wrong_type", InvalidAmount {
        en: "expected {expected}, got {type} {value}",
        sv: "värdet ska vara {expected}, men det är av typen {type}: {value}",
    }
    /// A host value of the wrong type (a key, a code, an agreement, a date …).
    HOST_VALUE_WRONG_TYPE = "host_value_wrong_type", InvalidValue {
        en: "expected {expected}, got {type} {value}",
        sv: "värdet ska vara {expected}, men det är av typen {type}: {value}",
    }
    /// A binary floating-point number where an amount is expected.
    HOST_AMOUNT_FLOAT = "host_amount_float", InvalidAmount {
        en: "{value} is a float ({type}), which cannot hold every öre exactly: pass a decimal.Decimal, an int or a str",
        sv: "{value} är ett flyttal ({type}), som inte kan återge varje öre exakt: ange en decimal.Decimal, en int eller en str",
    }
    /// A binary floating-point number where a weight or another exact number is expected.
    HOST_VALUE_FLOAT = "host_value_float", InvalidValue {
        en: "{value} is a float ({type}), which cannot hold every decimal exactly: pass a decimal.Decimal, an int or a str",
        sv: "{value} är ett flyttal ({type}), som inte kan återge varje decimal exakt: ange en decimal.Decimal, en int eller en str",
    }
}

#[cfg(test)]
mod tests {
    use crate::message::Lang;

    #[test]
    fn a_bad_key_reads_the_same_in_english_and_in_swedish() {
        let e = crate::input::key("population:regions:2021-13-01").unwrap_err();
        let f = &e.findings()[0];
        assert_eq!(
            f.msg,
            "invalid key \"population:regions:2021-13-01\": \"2021-13-01\" is not a date of the form YYYY-MM-DD (input is out of range)"
        );
        assert_eq!(
            f.message(Lang::Sv),
            "ogiltig fördelningsnyckel ”population:regions:2021-13-01”: ”2021-13-01” är inget giltigt datum på formen ÅÅÅÅ-MM-DD (månaden eller dagen finns inte)"
        );
        let e = crate::input::key("population:municipalities:2017-11-01").unwrap_err();
        assert!(
            e.findings()[0]
                .message(Lang::Sv)
                .contains("för kommunerna den 1 november 2017")
        );
        let e = crate::input::text_of("tabell", b"ab\xff").unwrap_err();
        assert_eq!(
            e.findings()[0].message(Lang::Sv),
            "tabell är inte UTF-8-text: ogiltig UTF-8-sekvens på 1 byte vid position 2"
        );
    }
}
