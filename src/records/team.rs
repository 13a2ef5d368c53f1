//! Reading team.toml: the members who can own customers.

use std::collections::HashMap;

use toml::Spanned;

use super::model::Member;
use super::reader::{Ctx, Table};
use super::{RESERVED_ID, valid_id};
use crate::diagnostics::Code;

/// Reads the `[[member]]` entries of team.toml, reporting bad and repeated ids.
pub fn read_team(cx: &mut Ctx<'_>, top: &Table<'_, '_>) -> Vec<Member> {
    let mut members: Vec<Member> = Vec::new();
    let mut seen: HashMap<String, std::ops::Range<usize>> = HashMap::new();
    for t in top.tables(cx, "member", "[[member]]") {
        let id = t.required_string(cx, "id");
        let name = t.required_string(cx, "name");
        let member = Member {
            id: id.clone().unwrap_or_else(|| Spanned::new(0..0, String::new())),
            name: name.map(Spanned::into_inner).unwrap_or_default(),
            email: t.text(cx, "email"),
            region: t.text(cx, "region"),
            left: t.date(cx, "left").map(Spanned::into_inner),
            target: t.money(cx, "target").map(Spanned::into_inner),
        };
        t.finish(cx);
        let Some(id) = id else { continue };
        if !valid_id(id.get_ref()) {
            cx.report(Code::InvalidId, id.span(), format!("member id \"{}\" is not a valid id", id.get_ref())).help =
                Some(
                    "ids are lower-case letters, digits and '-', starting with a letter or digit, at most 64 long"
                        .to_string(),
                );
            continue;
        }
        if id.get_ref() == RESERVED_ID {
            cx.report(Code::InvalidId, id.span(), format!("member id \"{RESERVED_ID}\" is reserved")).help = Some(
                "the site's list of cards is cards/index.html; choose another id, e.g. the person's name".to_string(),
            );
            continue;
        }
        if let Some(first) = seen.get(id.get_ref()) {
            cx.report(Code::DuplicateId, id.span(), format!("member id `{}` is used twice", id.get_ref()))
                .with_label_here(first.clone(), "first used here");
            continue;
        }
        seen.insert(id.get_ref().clone(), id.span());
        members.push(member);
    }
    top.finish(cx);
    members
}
