//! Rules that span files: ids, and references to team members and other customers.

use std::collections::HashSet;

use chrono::NaiveDate;
use toml::Spanned;

use super::choices::{CustomerKind, Relationship};
use super::model::{Customer, Records};
use super::{RESERVED_ID, valid_id, windows_device_name};
use crate::diagnostics::{Code, Diagnostic};

/// A customer standing for a file that could not be parsed, so that its id still counts.
pub fn placeholder(id: &str, file: &str) -> Customer {
    Customer {
        id: id.to_string(),
        file: file.to_string(),
        source: None,
        name: String::new(),
        kind: CustomerKind::Company,
        owner: Spanned::new(0..0, String::new()),
        region: None,
        tags: Vec::new(),
        since: None,
        relationship: Relationship::Reactive,
        prospect: 3,
        credit_limit: None,
        cadence_days: None,
        phone: None,
        email: None,
        wechat: None,
        address: None,
        birthday: None,
        archived: false,
        notes: None,
        referred_by: None,
        loss: None,
        contacts: Vec::new(),
        interactions: Vec::new(),
        orders: Vec::new(),
        complaints: Vec::new(),
        contracts: Vec::new(),
        opportunities: Vec::new(),
        handovers: Vec::new(),
        promises: Vec::new(),
        plan: None,
    }
}

/// Sorts customers by id and checks ids, team references and referrals.
pub fn cross_file(records: &mut Records, has_team: bool, today: NaiveDate, out: &mut Vec<Diagnostic>) {
    records.customers.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.file.cmp(&b.file)));
    check_ids(records, out);
    let ids: HashSet<&str> = records.customers.iter().map(|c| c.id.as_str()).collect();
    let team: Vec<&str> = records.members.iter().map(|m| m.id.get_ref().as_str()).collect();
    let team_list = team.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ");
    for c in &records.customers {
        let mut member = |who: &Spanned<String>, role: &str| {
            if has_team && !who.get_ref().is_empty() && !team.contains(&who.get_ref().as_str()) {
                let mut d = Diagnostic::new(
                    Code::UnknownMember,
                    &c.file,
                    who.span(),
                    format!("{role} `{}` is not in team.toml", who.get_ref()),
                );
                let best = super::keys::closest(who.get_ref(), &team);
                d.replacement = best.map(|best| format!("\"{best}\""));
                d.help = Some(match best {
                    Some(best) => format!("did you mean `{best}`? the team is {team_list}"),
                    None if team.is_empty() => {
                        "team.toml has no valid [[member]]: add one (id, name) per person".to_string()
                    }
                    None => format!("the team is {team_list}"),
                });
                out.push(d);
            }
        };
        member(&c.owner, "owner");
        for i in &c.interactions {
            if let Some(by) = &i.by {
                member(by, "`by`");
            }
        }
        for k in &c.complaints {
            if let Some(by) = &k.by {
                member(by, "`by`");
            }
        }
        for p in &c.promises {
            if let Some(by) = &p.by {
                member(by, "`by`");
            }
        }
        for h in &c.handovers {
            member(&h.from, "handover `from`");
            member(&h.to, "handover `to`");
        }
        if let Some(r) = &c.referred_by {
            if r.get_ref() == &c.id {
                out.push(Diagnostic::new(Code::UnknownCustomer, &c.file, r.span(), "a customer cannot refer itself"));
            } else if !ids.contains(r.get_ref().as_str()) {
                out.push(
                    Diagnostic::new(
                        Code::UnknownCustomer,
                        &c.file,
                        r.span(),
                        format!("`referred_by` names `{}`, which is not a customer", r.get_ref()),
                    )
                    .with_help("use the id (file name without .toml) of an existing customer"),
                );
            }
        }
        if let Some(left) = records.members.iter().find(|m| m.id.get_ref() == c.owner.get_ref()).and_then(|m| m.left)
            && left <= today
            && !c.archived
        {
            out.push(
                Diagnostic::new(
                    Code::OwnerLeft,
                    &c.file,
                    c.owner.span(),
                    format!("owner left on {left}: hand the customer over"),
                )
                .with_help("set a new `owner` and add a [[handover]] with date, from and to"),
            );
        }
    }
}

fn check_ids(records: &Records, out: &mut Vec<Diagnostic>) {
    for (i, c) in records.customers.iter().enumerate() {
        if !valid_id(&c.id) {
            out.push(
                Diagnostic::whole_file(Code::InvalidId, &c.file, format!("customer id \"{}\" (the file name) is not a valid id", c.id))
                    .with_help("rename the file: lower-case letters, digits and '-', starting with a letter or digit, at most 64 long"),
            );
        } else if c.id == RESERVED_ID {
            out.push(
                Diagnostic::whole_file(Code::InvalidId, &c.file, format!("customer id \"{RESERVED_ID}\" is reserved"))
                    .with_help(
                        "the site's list of customers is customers/index.html; rename the file, e.g. index-co.toml",
                    ),
            );
        } else if windows_device_name(&c.id) {
            out.push(
                Diagnostic::whole_file(
                    Code::WindowsDevice,
                    &c.file,
                    format!(
                        "customer id \"{}\" is a device name on Windows: the file cannot be checked out there",
                        c.id
                    ),
                )
                .with_help("rename the file, e.g. con-co.toml, so that team members on Windows can work with it"),
            );
        }
        if i > 0 && records.customers[i - 1].id == c.id {
            let first = &records.customers[i - 1];
            let first_of_id = records.customers[..i].iter().find(|x| x.id == c.id).unwrap_or(first);
            out.push(
                Diagnostic::whole_file(
                    Code::DuplicateId,
                    &c.file,
                    format!("customer id `{}` is used twice: {} has it too", c.id, first_of_id.file),
                )
                .with_label(&first_of_id.file, 0..0, "first used here")
                .with_help("ids are unique across all sub-folders; rename one of the files"),
            );
        }
    }
}
