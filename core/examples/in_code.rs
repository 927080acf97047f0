//! Using the crate as a dependency: an agreement built in code, allocated and explained;
//! money summed with operators; errors matched by their stable code; JSON both ways.
//!
//! `cargo run -p vardavtal --example in_code`

use vardavtal::rust_decimal::Decimal;
use vardavtal::{
    Agreement, Code, Component, Group, Options, RecipientId, Rule, Sek, Tranche, allocate,
};

fn main() -> Result<(), vardavtal::Error> {
    // 100 MSEK per invånare among the regions, paid in two halves, plus 5 MSEK to SKR.
    let agreement = Agreement::new("exempel-2024", "Exempel 2024")
        .with_years([2024])
        .with_amount(Sek::kronor(105_000_000))
        .with_component(
            Component::new("regioner", "Per invånare")
                .with_amount(Sek::kronor(100_000_000))
                .with_rule(Rule::per_capita_by(
                    "population:regions:2023-11-01".parse()?,
                )),
        )
        .with_component(
            Component::new("skr", "Till SKR")
                .with_amount(Sek::kronor(5_000_000))
                .with_recipients(Group::Recipient(RecipientId::new("SKR")))
                .with_rule(Rule::fixed("SKR")),
        )
        .with_tranche(Tranche::new("juni", "regioner").with_share("0.5".parse()?))
        .with_tranche(Tranche::new("december", "regioner").with_share("0.5".parse()?));

    let alloc = allocate(&agreement, &Options::default())?;
    // Every krona handed out, summed with `+` and `Sum`.
    let total: Sek = alloc.into_iter().map(|row| row.amount).sum();
    assert_eq!(total, Sek::kronor(100_000_000) + Sek::kronor(5_000_000));
    assert_eq!(Decimal::from(total), Decimal::from(105_000_000));
    let skane: Sek = alloc
        .rows_of(&RecipientId::new("12"))
        .map(|r| r.amount)
        .sum();
    println!("Region Skåne: {}", skane.format_kr());

    // Errors carry stable codes: match on them, not on their text.
    let broken = Agreement::new("trasig", "Trasig")
        .with_years([2024])
        .with_key("population:regions:1999-12-31".parse()?)
        .with_component(
            Component::new("regioner", "Per invånare")
                .with_amount(Sek::kronor(100))
                .with_rule(Rule::per_capita()),
        );
    match allocate(&broken, &Options::default()) {
        Err(e) if e.code() == Code::NoPopulationData => println!("refused: {}", e.code()),
        Err(e) => return Err(e),
        Ok(_) => {
            let why = "a key date that is not bundled was accepted";
            return Err(vardavtal::Error::new(
                Code::InvalidValue,
                vardavtal::Loc::root(),
                why,
            ));
        }
    }

    // JSON both ways: the agreement file format, and the error as every skin shows it.
    let json = serde_json::to_string(&agreement).map_err(|e| {
        vardavtal::Error::new(Code::InvalidValue, vardavtal::Loc::root(), e.to_string())
    })?;
    assert_eq!(Agreement::from_json(&json)?, agreement);
    println!("{} bytes of agreement JSON read back equal", json.len());
    Ok(())
}
