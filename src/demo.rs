//! `--demo`: an example coalition to click through every journey at once.

use anyhow::Context;

use crate::accounts::{self, Email, Password};
use crate::audit::Actor;
use crate::coalitions::{self, Role};
use crate::db::DbConn;
use crate::i18n::CountryCode;
use crate::signatures::{self, Kind, NewSignature, Source};
use crate::statements::{self, ChangeKind, Draft, Status};

const COALITION: &str = "Clean Water Coalition";
const PASSWORD: &str = "demo-password";

const TITLE_EN: &str = "Water is a right, not a commodity";
const BODY_EN_1: &str = "We, the undersigned organizations, call on our governments to guarantee safe drinking water for every household.

Water utilities must remain under public control, with tariffs that every family can pay.";
const BODY_EN_2: &str = "We, the undersigned organizations, call on our governments to guarantee safe and affordable drinking water for every household by 2030.

Water utilities must remain under public control, with tariffs that every family can pay and with the participation of the communities they serve.

> Nobody should have to choose between water and food.

We ask for:

1. a legal right to a minimum of 50 litres per person per day;
2. an end to disconnections of households that cannot pay;
3. public reporting of water quality, every month, in plain language.";
/// What the third revision adds to the second.
const READ_MORE_EN: &str = "Read more at [the coalition's site](https://example.org/water).";
const TITLE_ES: &str = "El agua es un derecho, no una mercancía";
const BODY_ES: &str = "Las organizaciones firmantes pedimos a nuestros gobiernos que garanticen agua potable segura y asequible para todos los hogares antes de 2030.

Los servicios de agua deben seguir bajo control público, con tarifas que todas las familias puedan pagar y con la participación de las comunidades a las que sirven.

> Nadie debería tener que elegir entre el agua y la comida.

Pedimos:

1. el derecho legal a un mínimo de 50 litros por persona y día;
2. el fin de los cortes a los hogares que no pueden pagar;
3. informes públicos mensuales sobre la calidad del agua, en lenguaje claro.";

const SIGNATORIES: &[(&str, &str)] = &[
    ("Asociación Ñandutí por el Agua", "PY"),
    ("Água Viva Coletivo", "BR"),
    ("Éco-Rivières", "FR"),
    ("Fundación Tierra y Agua", "AR"),
    ("Centro de Estudios Hídricos A.C.", "MX"),
    ("Wasserwacht Berlin e.V.", "DE"),
    ("Öko-Institut für Flüsse", "AT"),
    ("Red de Mujeres del Altiplano", "BO"),
    ("Coordinadora del Agua de Cochabamba", "BO"),
    ("Friends of the River Thames", "GB"),
    ("Lake Victoria Fishers Union", "UG"),
    ("Šumava Water Network", "CZ"),
    ("Instituto Açude", "BR"),
    ("Colectivo Árbol de Agua", "CO"),
    ("Clean Taps Initiative Inc.", "US"),
    ("Union des Consommateurs d'Eau", "SN"),
    ("Ríos Vivos Chile", "CL"),
    ("Kenya Water Justice Forum", "KE"),
    ("Mekong Community Watch", "TH"),
    ("Agua para Todos", "PE"),
    ("Observatorio Ciudadano del Agua", "ES"),
    ("élan — Eau et Territoires", "BE"),
    ("Zivot Uz Vodu", "RS"),
    ("Ubuntu Water Collective", "ZA"),
    ("Himalayan Springs Trust", "NP"),
    ("Comité de Defensa del Río Lempa", "SV"),
    ("Acqua Bene Comune", "IT"),
    ("Vatten för Alla", "SE"),
    ("Nile Basin Youth Network", "EG"),
    ("Pacific Islands Water Alliance", "FJ"),
    ("Årstiderna Miljögrupp", "SE"),
    ("Asociación Ixchel", "GT"),
    ("Oasis Solidarité", "MA"),
    ("Great Lakes Commons", "CA"),
    ("Wai Ora Aotearoa", "NZ"),
    ("Fundación Güiraldes", "UY"),
];

/// Fills the example coalition unless it exists; returns what to tell the user.
pub fn fill(conn: &mut DbConn) -> anyhow::Result<String> {
    let owner_email = Email::parse("ana@example.org").context("demo address")?;
    if accounts::find_by_email(conn, &owner_email)?.is_some() {
        return Ok(demo_notice("The demo coalition exists already."));
    }
    let password = Password::parse(PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let (owner, _) = crate::coalitions::add_user(
        conn,
        "Ana Núñez",
        &owner_email,
        Some(&password),
        COALITION,
        Role::Owner,
    )?;
    let editor_email = Email::parse("kofi@example.org").context("demo address")?;
    let (editor, _) = crate::coalitions::add_user(
        conn,
        "Kofi Mensah",
        &editor_email,
        Some(&password),
        COALITION,
        Role::Editor,
    )?;
    let membership = coalitions::memberships_of(conn, &owner.id)?
        .into_iter()
        .next()
        .context("demo membership")?;

    let draft = |title: &str, body: &str, note: &str| {
        Draft::parse(title, body, note).map_err(|e| anyhow::anyhow!("demo text: {e:?}"))
    };
    let statement = statements::create(
        conn,
        &membership,
        &owner,
        "en",
        &draft(TITLE_EN, BODY_EN_1, "")?,
    )?;
    let version = statements::version(conn, &statement.id, "en")?.context("demo version")?;
    statements::save_revision(
        conn,
        &statement,
        &version,
        &editor,
        &draft(TITLE_EN, BODY_EN_2, "added our three demands")?,
        None,
        version.current_revision,
    )?;
    statements::add_translation(
        conn,
        &statement,
        &editor,
        "es",
        &draft(TITLE_ES, BODY_ES, "Spanish version")?,
    )?;
    statements::set_status(conn, &statement, Actor::Coordinator(&owner), Status::Open)?;
    let statement = statements::find_any(conn, &statement.id)?.context("demo statement")?;
    let version = statements::version(conn, &statement.id, "en")?.context("demo version")?;
    statements::save_revision(
        conn,
        &statement,
        &version,
        &owner,
        &draft(
            TITLE_EN,
            &format!("{BODY_EN_2}\n\n{READ_MORE_EN}"),
            "link to our site",
        )?,
        Some(ChangeKind::Editorial),
        version.current_revision,
    )?;

    let now = crate::db::now();
    for (i, (name, country)) in SIGNATORIES.iter().enumerate() {
        let slug = crate::text::slugify(name);
        signatures::insert(
            conn,
            &statement,
            &NewSignature {
                kind: Kind::Organization,
                name: (*name).to_owned(),
                country: CountryCode::parse(country),
                website: Some(format!("https://{slug}.example.org")),
                affiliation: None,
                city: None,
                signer_name: Some("Coordinator".into()),
                signer_title: Some("Director".into()),
                email: format!("contact@{slug}.example.org"),
                status: signatures::Status::Confirmed,
                source: Source::Form,
                revision_id: None,
                confirmed_at: Some(now - chrono::Duration::hours(7 * i as i64)),
            },
        )?;
    }
    Ok(demo_notice("The demo coalition is ready."))
}

fn demo_notice(first: &str) -> String {
    format!(
        "{first}\n  Log in as ana@example.org (owner) or kofi@example.org (editor), password \"{PASSWORD}\".\n  Public page: /s/water-is-a-right-not-a-commodity"
    )
}
