//! The enumerations of the record format, each with its allowed spellings and its name in
//! the catalogue of words.

use crate::i18n::{Label, Language, Text, labels};

/// A set of named values a key may take, such as `kind = "visit"`.
pub trait Choice: Sized + Copy + 'static {
    /// Every allowed spelling with its value, in the order the docs list them.
    const ALL: &'static [(&'static str, Self)];
}

macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal => $label:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vdoc])* $variant,)* }

        impl Choice for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($text, $name::$variant),)*];
        }

        impl $name {
            /// The spelling used in records and output.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl Label for $name {
            fn key(self) -> &'static str {
                self.as_str()
            }

            fn label(self) -> Text {
                match self { $($name::$variant => labels::$label,)* }
            }
        }
    };
}

choice!(
    /// Company or person (`kind`).
    CustomerKind {
        /** A company. */ Company = "company" => COMPANY,
        /** A private person. */ Person = "person" => PERSON,
    }
);
choice!(
    /// How close the relationship is (`relationship`).
    Relationship {
        /** Sells and forgets. */ Basic = "basic" => RELATIONSHIP_BASIC,
        /** The customer calls when there is a problem. */ Reactive = "reactive" => RELATIONSHIP_REACTIVE,
        /** We call after the sale to check. */ Accountable = "accountable" => RELATIONSHIP_ACCOUNTABLE,
        /** We call regularly with ideas. */ Proactive = "proactive" => RELATIONSHIP_PROACTIVE,
        /** We work together continuously. */ Partner = "partner" => RELATIONSHIP_PARTNER,
    }
);
choice!(
    /// A contact's role in buying (`role`).
    ContactRole {
        /** Signs off. */ Approver = "approver" => ROLE_APPROVER,
        /** Decides. */ DecisionMaker = "decision-maker" => ROLE_DECISION_MAKER,
        /** Evaluates offers. */ Evaluator = "evaluator" => ROLE_EVALUATOR,
        /** Uses the product. */ User = "user" => ROLE_USER,
        /** Anyone else. */ Other = "other" => ROLE_OTHER,
    }
);
choice!(
    /// A contact's attitude towards us (`stance`).
    Stance {
        /** Works for us. */ Ally = "ally" => STANCE_ALLY,
        /** Favours us. */ Supporter = "supporter" => STANCE_SUPPORTER,
        /** Neither. */ Neutral = "neutral" => STANCE_NEUTRAL,
        /** Against us. */ Opponent = "opponent" => STANCE_OPPONENT,
        /** Not known. */ Unknown = "unknown" => STANCE_UNKNOWN,
    }
);
choice!(
    /// What kind of contact an interaction was (`kind`).
    InteractionKind {
        /** A visit. */ Visit = "visit" => INTERACTION_VISIT,
        /** A phone call. */ Call = "call" => INTERACTION_CALL,
        /** A chat message. */ Message = "message" => INTERACTION_MESSAGE,
        /** An e-mail. */ Email = "email" => INTERACTION_EMAIL,
        /** A meeting. */ Meeting = "meeting" => INTERACTION_MEETING,
        /** An event. */ Event = "event" => INTERACTION_EVENT,
    }
);
choice!(
    /// How serious a complaint is (`severity`).
    Severity {
        /** Minor. */ Low = "low" => SEVERITY_LOW,
        /** Normal. */ Medium = "medium" => SEVERITY_MEDIUM,
        /** Serious. */ High = "high" => SEVERITY_HIGH,
    }
);
choice!(
    /// What a complaint concerns (`category`).
    ComplaintCategory {
        /** The product. */ Product = "product" => CATEGORY_PRODUCT,
        /** Delivery. */ Delivery = "delivery" => CATEGORY_DELIVERY,
        /** Service. */ Service = "service" => CATEGORY_SERVICE,
        /** Someone's attitude. */ Attitude = "attitude" => CATEGORY_ATTITUDE,
        /** The price. */ Price = "price" => CATEGORY_PRICE,
        /** Invoices and payments. */ Billing = "billing" => CATEGORY_BILLING,
        /** Anything else. */ Other = "other" => CATEGORY_OTHER,
    }
);
choice!(
    /// Why a customer was lost (`reason` in `[loss]`).
    LossReason {
        /** Moved away. */ Moved = "moved" => LOSS_MOVED,
        /** Went to a competitor. */ Competitor = "competitor" => LOSS_COMPETITOR,
        /** Price. */ Price = "price" => LOSS_PRICE,
        /** The product. */ Product = "product" => LOSS_PRODUCT,
        /** Our service. */ Service = "service" => LOSS_SERVICE,
        /** Someone's attitude. */ Attitude = "attitude" => LOSS_ATTITUDE,
        /** Anything else. */ Other = "other" => LOSS_OTHER,
    }
);
choice!(
    /// Where an opportunity stands (`stage`).
    Stage {
        /** A first lead. */ Lead = "lead" => STAGE_LEAD,
        /** An offer was made. */ Quoted = "quoted" => STAGE_QUOTED,
        /** Terms are discussed. */ Negotiating = "negotiating" => STAGE_NEGOTIATING,
        /** Won. */ Won = "won" => STAGE_WON,
        /** Lost. */ Lost = "lost" => STAGE_LOST,
    }
);

choice!(
    /// Why an opportunity was won or lost (`reason` in `[[opportunity]]`).
    OutcomeReason {
        /** The price. */ Price = "price" => OUTCOME_PRICE,
        /** The product. */ Product = "product" => OUTCOME_PRODUCT,
        /** Our service. */ Service = "service" => OUTCOME_SERVICE,
        /** The relationship. */ Relationship = "relationship" => OUTCOME_RELATIONSHIP,
        /** The timing. */ Timing = "timing" => OUTCOME_TIMING,
        /** A competitor. */ Competitor = "competitor" => OUTCOME_COMPETITOR,
        /** Anything else. */ Other = "other" => OUTCOME_OTHER,
    }
);

impl Stage {
    /// Whether the opportunity is decided (won or lost).
    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Won | Stage::Lost)
    }
}

impl ContactRole {
    /// Decision-makers and approvers: the people who decide a purchase.
    pub fn decides(self) -> bool {
        matches!(self, ContactRole::DecisionMaker | ContactRole::Approver)
    }
}

impl Choice for Language {
    const ALL: &'static [(&'static str, Self)] =
        &[(Language::En.as_str(), Language::En), (Language::ZhCn.as_str(), Language::ZhCn)];
}
