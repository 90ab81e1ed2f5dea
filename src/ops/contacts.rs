//! `phones.php`: contacts, contact groups and the blacklist.
//!
//! Actions on <https://smscentre.com/api/http/contact/contact_actions/> (`add`, `add_group`,
//! `chg`, `chg_group`, `move_group` 1/2/3, `del`, `del_group`) and examples on
//! <https://smscentre.com/api/http/contact/contact_examples>; answers and errors on
//! <https://smscentre.com/api/http/contact/contact_answer>. Listing contacts (`get`) and groups
//! (`get_group`), the blacklist (`add_black`, `del_black`) and the extra contact fields (`mail`,
//! `fnm`, `mnm`, `lnm`, `fio`, `bd`, `myid`, `cmt`, `tags`, `pho`, `num`, `type`, `search`,
//! `after_id`) are linked from the same pages by SMSC's parameter list as published in SDKs
//! (`itpanda-llc/smscenter-messenger-sdk`, `Contact/*`).
//!
//! Errors: 1 parameters, 2 credentials, 3 no records found, 4 IP blocked, 5 operation failed,
//! 9 more than three identical requests a minute. Answer shapes are read by [`super::accounts`].

use super::fields::params;
use std::collections::BTreeMap;

use serde::Serialize;

use super::accounts::{
    confirmation, created, emails, free_text, records, Created, Done, RecordIds, Words,
};
use super::choices::{BlockKind, GroupKind};
use super::data::Date;
use super::records::{one_line, required_id, RecordId};
use super::validate::Phones;
use super::Operation;
use crate::error::{Error, Reason, Result};
use crate::request::Form;
use crate::response::{common_reason, Answer};

/// What phones.php error codes mean (<https://smscentre.com/api/http/contact/contact_answer>).
pub(crate) fn phones_reason(code: i64) -> Reason {
    match code {
        3 => Reason::NotFound,
        5 => Reason::OperationFailed,
        other => common_reason(other),
    }
}

params! {
    /// A contact's fields, for creating (`contact_add`) and changing (`contact_update`) one.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct ContactParams {
        /// The contact's phone numbers (creating), or the numbers that find it (changing).
        pub phone: Option<Phones>,
        /// The contact's e-mail addresses (`mail`), or the addresses that find it.
        pub email: Option<Words> [alias = "mail"],
        /// `contact_update` only: the numbers that replace `phone`.
        pub new_phone: Option<Phones>,
        /// `contact_update` only: the addresses that replace `email` (`new_mail`).
        pub new_email: Option<Words> [alias = "new_mail"],
        /// The contact's name.
        pub name: Option<String>,
        /// Ids of the groups the contact belongs to (`grp`).
        pub groups: Option<RecordIds> [alias = "grp"],
        /// First name (`fnm`).
        pub first_name: Option<String> [alias = "fnm"],
        /// Patronymic (`mnm`).
        pub middle_name: Option<String> [alias = "mnm"],
        /// Surname (`lnm`).
        pub last_name: Option<String> [alias = "lnm"],
        /// Full name (`fio`).
        pub full_name: Option<String> [alias = "fio"],
        /// Birthday, `DD.MM.YYYY` (`bd`).
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
        pub birthday: Option<String> [alias = "bd"],
        /// Your own id for the contact (`myid`).
        pub my_id: Option<String> [alias = "myid"],
        /// A comment (`cmt`).
        pub comment: Option<String> [alias = "cmt"],
        /// Tags.
        pub tags: Option<Words>,
        /// Other phone numbers of the contact (`pho`).
        pub other_phones: Option<Phones> [alias = "pho"],
    }
}

impl ContactParams {
    fn encode_fields(&self, form: &mut Form) -> Result<usize> {
        let before = form.fields().len();
        if let Some(name) = &self.name {
            one_line("name", name)?;
            form.push("name", name.as_str());
        }
        if let Some(groups) = &self.groups {
            form.push("grp", groups.checked("groups", "a group")?);
        }
        for (field, key, value) in [
            ("first_name", "fnm", &self.first_name),
            ("middle_name", "mnm", &self.middle_name),
            ("last_name", "lnm", &self.last_name),
            ("full_name", "fio", &self.full_name),
        ] {
            if let Some(value) = value {
                one_line(field, value)?;
                form.push(key, value.as_str());
            }
        }
        if let Some(bd) = &self.birthday {
            form.push("bd", Date::parse("birthday", bd)?.text());
        }
        for (field, key, value) in [
            ("my_id", "myid", &self.my_id),
            ("comment", "cmt", &self.comment),
        ] {
            if let Some(value) = value {
                free_text(field, value)?;
                form.push(key, value.as_str());
            }
        }
        if let Some(tags) = &self.tags {
            form.push("tags", tags.items("tags")?.join(","));
        }
        if let Some(other) = &self.other_phones {
            form.push("pho", other.checked("other_phones")?);
        }
        Ok(form.fields().len() - before)
    }
}

/// Appends `phone` and/or `mail`; at least one is needed.
fn push_who(
    form: &mut Form,
    phone: &Option<Phones>,
    email: &Option<Words>,
    what: &str,
) -> Result<()> {
    match (phone, email) {
        (None, None) => {
            return Err(Error::invalid(
                "phone",
                format!("missing: give the phone numbers (or `email`) of the {what}"),
            ))
        }
        (phone, email) => {
            if let Some(phone) = phone {
                form.push("phone", phone.checked("phone")?);
            }
            if let Some(email) = email {
                form.push("mail", emails("email", email)?);
            }
        }
    }
    Ok(())
}

fn encode_contact_add(p: &ContactParams, form: &mut Form) -> Result<()> {
    form.push("add", "1");
    if p.new_phone.is_some() || p.new_email.is_some() {
        let field = if p.new_phone.is_some() {
            "new_phone"
        } else {
            "new_email"
        };
        return Err(Error::invalid(
            field,
            "only changing a contact (`contact_update`) takes new numbers or addresses",
        ));
    }
    push_who(form, &p.phone, &p.email, "new contact")?;
    p.encode_fields(form)?;
    Ok(())
}

fn encode_contact_update(p: &ContactParams, form: &mut Form) -> Result<()> {
    form.push("chg", "1");
    push_who(form, &p.phone, &p.email, "contact to change")?;
    let mut changes = 0;
    if let Some(new_phone) = &p.new_phone {
        form.push("new_phone", new_phone.checked("new_phone")?);
        changes += 1;
    }
    if let Some(new_email) = &p.new_email {
        form.push("new_mail", emails("new_email", new_email)?);
        changes += 1;
    }
    changes += p.encode_fields(form)?;
    if changes == 0 {
        return Err(Error::invalid(
            "new_phone",
            "nothing to change: give `new_phone`, `name` or another field of the contact",
        ));
    }
    Ok(())
}

params! {
    /// Names contacts by their phone numbers or e-mail addresses (deleting, blacklisting).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct ContactRefParams {
        /// The phone numbers.
        pub phone: Option<Phones>,
        /// The e-mail addresses (`mail`).
        pub email: Option<Words> [alias = "mail"],
    }
}

fn encode_contact_delete(p: &ContactRefParams, form: &mut Form) -> Result<()> {
    form.push("del", "1");
    push_who(form, &p.phone, &p.email, "contact to delete")
}

params! {
    /// Parameters of a contact list.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct ContactsParams {
        /// Only contacts matching this text.
        pub search: Option<String>,
        /// Only contacts after this internal id (`int_id`), to page through a long list.
        pub after_id: Option<RecordId>,
    }
}

fn encode_contacts(p: &ContactsParams, form: &mut Form) -> Result<()> {
    form.push("get", "1");
    if let Some(search) = &p.search {
        one_line("search", search)?;
        form.push("search", search.as_str());
    }
    if let Some(after) = &p.after_id {
        form.push("after_id", after.checked("after_id", "a contact")?);
    }
    Ok(())
}

/// One contact of a list. Keys the server sends that are not named here are kept in `extra`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    /// The contact's internal id (`int_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its phone numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Ids of its groups.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Its e-mail addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// First name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Patronymic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// Surname.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Full name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// Birthday.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birthday: Option<String>,
    /// The client's own id for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub my_id: Option<String>,
    /// Comment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Other phone numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_phones: Vec<String>,
    /// Every other field the server sent, as text.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// The contacts of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ContactList {
    /// In the server's order.
    pub contacts: Vec<Contact>,
}

/// Field order of a comma-format contact line (inferred).
const CONTACT_CSV: [&str; 4] = ["int_id", "phone", "grp", "name"];

fn parse_contacts(answer: Answer<'_>) -> Result<ContactList> {
    let contacts = records(answer, &CONTACT_CSV, "phone")?
        .into_iter()
        .map(|mut r| Contact {
            // smsc.ru's own list (recorded in 2013) writes the contact's `myid` as `id`; the
            // server's internal id is `int_id`.
            id: r.text(&["int_id"]),
            phones: r.list(&["phone", "phones"]),
            name: r.text(&["name"]),
            groups: r.list(&["grp", "groups", "group"]),
            emails: r.list(&["mail", "email", "emails"]),
            first_name: r.text(&["fnm", "first_name"]),
            middle_name: r.text(&["mnm", "middle_name"]),
            last_name: r.text(&["lnm", "last_name"]),
            full_name: r.text(&["fio", "full_name"]),
            birthday: r.text(&["bd", "birthday"]),
            my_id: r.text(&["myid", "my_id", "id"]),
            // `comments` and `phone_other` are what smsc.ru itself wrote (recorded in 2013).
            comment: r.text(&["cmt", "comment", "comments"]),
            tags: r.list(&["tags"]),
            other_phones: r.list(&["pho", "other_phones", "phone_other"]),
            extra: r.extra(),
        })
        .collect();
    Ok(ContactList { contacts })
}

params! {
    /// Parameters of a new group.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct GroupAddParams {
        /// The group's name.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub name: Option<String>,
        /// The group's number for sending to it as `G<number>` (`num`).
        pub number: Option<u32> [alias = "num"],
        /// A group of phone numbers (default) or of e-mail addresses.
        pub kind: Option<GroupKind> [rename = "type"],
    }
}

fn encode_group_add(p: &GroupAddParams, form: &mut Form) -> Result<()> {
    form.push("add_group", "1");
    let name = p
        .name
        .as_deref()
        .ok_or_else(|| Error::invalid("name", "missing: a new group needs a name"))?;
    one_line("name", name)?;
    form.push("name", name);
    if let Some(num) = &p.number {
        form.push("num", group_number(*num)?);
    }
    if let Some(kind) = p.kind {
        form.push("type", kind.to_string());
    }
    Ok(())
}

params! {
    /// Parameters of a group change.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct GroupUpdateParams {
        /// The group's id (`grp`).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub group: Option<RecordId> [alias = "grp"],
        /// Its new name.
        pub name: Option<String>,
        /// Its new number (`num`).
        pub number: Option<u32> [alias = "num"],
    }
}

/// A group's number is the user's choice, not an id the server gave, so it has its own check.
fn group_number(num: u32) -> Result<String> {
    if num == 0 {
        return Err(Error::invalid(
            "number",
            "group numbers start at 1 (messages go to group 5 as `G5`)",
        ));
    }
    Ok(num.to_string())
}

fn group_id(group: &Option<RecordId>) -> Result<String> {
    required_id(group, "group", "the group")
}

fn encode_group_update(p: &GroupUpdateParams, form: &mut Form) -> Result<()> {
    form.push("chg_group", "1");
    form.push("grp", group_id(&p.group)?);
    if p.name.is_none() && p.number.is_none() {
        return Err(Error::invalid(
            "name",
            "nothing to change: give the group's new `name` or `number`",
        ));
    }
    if let Some(name) = &p.name {
        one_line("name", name)?;
        form.push("name", name.as_str());
    }
    if let Some(num) = &p.number {
        form.push("num", group_number(*num)?);
    }
    Ok(())
}

params! {
    /// Names one group.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct GroupRefParams {
        /// The group's id (`grp`).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub group: Option<RecordId> [alias = "grp"],
    }
}

fn encode_group_delete(p: &GroupRefParams, form: &mut Form) -> Result<()> {
    form.push("del_group", "1");
    form.push("grp", group_id(&p.group)?);
    Ok(())
}

params! {
    /// A list of groups takes no parameters.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct GroupsParams {}
}

fn encode_groups(_: &GroupsParams, form: &mut Form) -> Result<()> {
    form.push("get_group", "1");
    Ok(())
}

/// One contact group. Keys not named here are kept in `extra`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Group {
    /// The group's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its number for sending (`G<number>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// 0 phone numbers, 1 e-mail addresses.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<i64>,
    /// How many contacts it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    /// Every other field the server sent, as text.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// The contact groups of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupList {
    /// In the server's order.
    pub groups: Vec<Group>,
}

/// Field order of a comma-format group line (inferred).
const GROUP_CSV: [&str; 3] = ["id", "num", "name"];

fn parse_groups(answer: Answer<'_>) -> Result<GroupList> {
    let groups = records(answer, &GROUP_CSV, "name")?
        .into_iter()
        .map(|mut r| {
            Ok(Group {
                id: r.text(&["id", "grp"]),
                name: r.text(&["name"]),
                number: r.text(&["num", "number"]),
                kind: r.int(&["type"])?,
                count: r.int(&["cnt", "count"])?,
                extra: r.extra(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(GroupList { groups })
}

params! {
    /// Names a group and contacts, to move them between groups.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct ContactGroupParams {
        /// The group's id (`grp`).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub group: Option<RecordId> [alias = "grp"],
        /// The contacts' phone numbers.
        pub phone: Option<Phones>,
        /// The contacts' e-mail addresses (`mail`).
        pub email: Option<Words> [alias = "mail"],
    }
}

fn encode_move(p: &ContactGroupParams, form: &mut Form, mode: &'static str) -> Result<()> {
    form.push("move_group", mode);
    form.push("grp", group_id(&p.group)?);
    push_who(form, &p.phone, &p.email, "contact")
}

params! {
    /// Parameters of a blacklist entry.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct BlacklistParams {
        /// The phone numbers to block (or unblock).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub phone: Option<Phones>,
        /// What is blocked: every message (default), mass mailings, or single messages.
        pub kind: Option<BlockKind> [rename = "type"],
    }
}

fn blacklist_phones(p: &BlacklistParams) -> Result<String> {
    p.phone
        .as_ref()
        .ok_or_else(|| Error::invalid("phone", "missing: give the phone numbers"))?
        .checked("phone")
}

fn encode_blacklist_add(p: &BlacklistParams, form: &mut Form) -> Result<()> {
    form.push("add_black", "1");
    form.push("phone", blacklist_phones(p)?);
    if let Some(kind) = p.kind {
        form.push("type", kind.to_string());
    }
    Ok(())
}

fn encode_blacklist_delete(p: &BlacklistParams, form: &mut Form) -> Result<()> {
    form.push("del_black", "1");
    form.push("phone", blacklist_phones(p)?);
    if p.kind.is_some() {
        return Err(Error::invalid(
            "type",
            "has no meaning when removing from the blacklist; leave it out",
        ));
    }
    Ok(())
}

macro_rules! phones_op {
    ($($decl:tt)*) => {
        script_op!("phones.php", phones_reason; $($decl)*);
    };
}

phones_op!(
    /// `phones.php?add=1`: create a contact.
    ContactAddOp: "contact_add", ContactParams => Created, effect = Create,
    encode = encode_contact_add, parse = |a| created(a, "a contact")
);
phones_op!(
    /// `phones.php?chg=1`: change a contact found by its numbers (or addresses).
    ContactUpdateOp: "contact_update", ContactParams => Done, effect = Idempotent,
    encode = encode_contact_update, parse = |a| confirmation(a, false)
);
phones_op!(
    /// `phones.php?del=1`: delete contacts.
    ContactDeleteOp: "contact_delete", ContactRefParams => Done, effect = Idempotent,
    encode = encode_contact_delete, parse = |a| confirmation(a, false)
);
phones_op!(
    /// `phones.php?get=1`: list the contacts.
    ContactsOp: "contacts", ContactsParams => ContactList, effect = Read,
    encode = encode_contacts, parse = parse_contacts
);
phones_op!(
    /// `phones.php?add_group=1`: create a group.
    GroupAddOp: "group_add", GroupAddParams => Created, effect = Create,
    encode = encode_group_add, parse = |a| created(a, "a group")
);
phones_op!(
    /// `phones.php?chg_group=1`: rename or renumber a group.
    GroupUpdateOp: "group_update", GroupUpdateParams => Done, effect = Idempotent,
    encode = encode_group_update, parse = |a| confirmation(a, false)
);
phones_op!(
    /// `phones.php?del_group=1`: delete a group.
    GroupDeleteOp: "group_delete", GroupRefParams => Done, effect = Idempotent,
    encode = encode_group_delete, parse = |a| confirmation(a, false)
);
phones_op!(
    /// `phones.php?get_group=1`: list the groups.
    GroupsOp: "groups", GroupsParams => GroupList, effect = Read,
    encode = encode_groups, parse = parse_groups
);
phones_op!(
    /// `phones.php?move_group=1`: move contacts into a group (out of their other groups).
    ContactGroupMoveOp: "contact_group_move", ContactGroupParams => Done, effect = Idempotent,
    encode = |p, f| encode_move(p, f, "1"), parse = |a| confirmation(a, false)
);
phones_op!(
    /// `phones.php?move_group=2`: add a group to contacts, keeping their other groups.
    ContactGroupAddOp: "contact_group_add", ContactGroupParams => Done, effect = Idempotent,
    encode = |p, f| encode_move(p, f, "2"), parse = |a| confirmation(a, false)
);
phones_op!(
    /// `phones.php?move_group=3`: take contacts out of a group.
    ContactGroupRemoveOp: "contact_group_remove", ContactGroupParams => Done, effect = Idempotent,
    encode = |p, f| encode_move(p, f, "3"), parse = |a| confirmation(a, false)
);
phones_op!(
    /// `phones.php?add_black=1`: add numbers to the blacklist.
    BlacklistAddOp: "blacklist_add", BlacklistParams => Created, effect = Idempotent,
    encode = encode_blacklist_add, parse = |a| created(a, "a blacklist entry")
);
phones_op!(
    /// `phones.php?del_black=1`: remove numbers from the blacklist.
    BlacklistDeleteOp: "blacklist_delete", BlacklistParams => Done, effect = Idempotent,
    encode = encode_blacklist_delete, parse = |a| confirmation(a, false)
);

#[cfg(test)]
mod real_answers {
    use crate::{Client, Output};
    use serde_json::json;

    /// Recorded from smsc.ru (node-smsc's 2013 cache): the names the server itself writes.
    #[test]
    fn a_recorded_contact_list_fills_the_typed_fields() {
        let request = Client::new("demo", "pw")
            .unwrap()
            .prepare_json("contacts", json!({}))
            .unwrap();
        let body = "[{\n\"phone\": \"79221113340\",\n\"name\": \"Anderson\",\n\"group\": \"5922\",\n\"first_name\": \"T\",\n\"last_name\": \"A\",\n\"middle_name\": \"A\",\n\"birthday\": \"01.01.1960\",\n\"id\": \"4321\",\n\"comments\": \"fake\",\n\"tags\": \"ups\",\n\"phone_other\": \"+79112223351,+79112223352\"\n}]";
        let Output::Contacts(list) = request.parse(200, body.as_bytes()).unwrap() else {
            panic!("a contact list")
        };
        let c = &list.contacts[0];
        assert_eq!(c.comment.as_deref(), Some("fake"));
        assert_eq!(c.other_phones, ["+79112223351", "+79112223352"]);
        assert_eq!(c.groups, ["5922"]);
        assert!(c.extra.is_empty(), "{:?}", c.extra);
    }

    /// Recorded from smsc.ru: creating a sender name answers its id under `sender`.
    #[test]
    fn a_new_sender_names_its_id() {
        let request = Client::new("demo", "pw")
            .unwrap()
            .prepare_json("sender_add", json!({"sender": "SHOP"}))
            .unwrap();
        let Output::SenderAdd(done) = request.parse(200, b"{\n\"sender\": 24336\n}").unwrap()
        else {
            panic!("a confirmation")
        };
        assert_eq!(done.id.as_deref(), Some("24336"));
    }
}
